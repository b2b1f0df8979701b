"""Huge input: time and peak memory for a 100 MB article and a 100 MB library (not a test).

Run: /work/venv/bin/python tests/benchmarks/bench_huge.py [--size 100] [--files 2000]
     [--file-kb 50] [--shapes 4000] [--tiny] [--keep DIR] [--skip parse,app,index,shapes]

It generates, in a temporary folder (never in the repository), one BBC-style scraped article of
``--size`` MB and a library of ``--files`` articles of ``--file-kb`` kB each, then measures each
case in a fresh child process, so each peak RSS (``VmHWM``) belongs to that case alone:

- ``parse``: :func:`tui.article.load` on the big article — seconds, peak RSS, and the RSS still
  held once it returns (the parsed :class:`~tui.article.model.Article`).
- ``app``: :class:`~tui.app.NewsreadApp` opening the big article headless (``run_test``) —
  seconds until the first paragraphs are in the pane, until the whole article is (its whole
  text parsed and shown), the lag of keys sent while it loads (``s`` posted as the terminal
  driver does, timed until the sidebar has toggled), seconds until indexing is done, peak RSS.
- ``index``: :meth:`tui.library.index.LibraryIndex.update` over the library folder — seconds and
  peak RSS.
- ``shapes``: inputs that were once quadratic, ``--shapes`` items each — a Markdown file of
  ``By …`` lines, front matter listing that many authors, one byline naming that many people
  and as many roles, and a library search for a query of ``--shapes / 5`` words all found in
  the library (seconds each; every one should grow linearly with ``--shapes``), and quote-mark
  floods of ``--shapes * 250`` characters (straight ``"`` and curly ``“”``) with the peak.

Memory figures are also printed per MB of input (``× file``), after subtracting the child's
RSS before the work began (interpreter and imports). ``--tiny`` runs a 1 MB article, 20
articles of 10 kB and shapes of 400 items (for the test suite). Child processes get private
XDG directories, so the user's reading state and index are never touched.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

# Run as a script from anywhere: make the repository importable for ``tests.benchmarks``.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_parse import generate_article  # noqa: E402

if TYPE_CHECKING:
    from tui.article.model import Article

MB = 1_000_000
CASES = ("parse", "app", "index", "shapes")


# --------------------------------------------------------------------------- measuring


def _status_mb(field: str) -> float | None:
    """A ``/proc/self/status`` memory field (``VmRSS``, ``VmHWM``) in MB, None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    return None


def rss_mb() -> float:
    """The process's resident set size now (its peak so far where /proc is missing)."""
    now = _status_mb("VmRSS")
    return now if now is not None else peak_mb()


def peak_mb() -> float:
    """The process's peak resident set size so far, in MB."""
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB


def _child_parse(path: Path) -> dict[str, float]:
    import gc

    import tui.article
    import tui.article.quotes
    import tui.article.speakers
    import tui.article.text  # noqa: F401 - imported before the base RSS is taken

    base = rss_mb()
    start = perf_counter()
    article = tui.article.load(path)
    seconds = perf_counter() - start
    gc.collect()
    held = rss_mb()
    blocks = sum(len(section.blocks) for section in article.sections)
    return {"base": base, "seconds": seconds, "peak": peak_mb(), "held": held, "blocks": blocks}


async def _open_in_app(path: Path) -> dict[str, float]:
    import threading

    from textual import events

    import tui.article
    from tui.app import NewsreadApp
    from tui.article import collector
    from tui.screens.main import MainScreen

    whole: list[Article] = []  # the parses of the whole file (loads; the opening is parsed)
    lock = threading.Lock()
    real_load = tui.article.load

    def load(file: str | Path) -> Article:
        article = real_load(file)
        with lock:
            whole.append(article)
        return article

    def whole_shown(current: Article | None) -> bool:
        with lock:
            return any(article is current for article in whole)

    tui.article.load = load  # looked up at call time by the loader
    # As `newsread` starts it: the collector held until the first frame, then full collections
    # left for idle moments (tui.article.collector).
    collector.hold()
    app = NewsreadApp([path], collector_held=True)
    start = perf_counter()
    lags: list[float] = []
    figures: dict[str, float] = {}
    async with app.run_test(size=(120, 40), notifications=False):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        loading = True
        while loading:
            # One more key after the whole article is in: it waits for the swap to finish.
            loading = not whole_shown(screen.current_article)
            if "shown" not in figures and screen.current_article is not None:
                figures["shown"] = perf_counter() - start  # the first paragraphs are laid out
            if not loading:
                figures["whole"] = perf_counter() - start
            # A key as the terminal sends it; its effect is the sidebar shown or hidden.
            before, begin = screen.show_sidebar, perf_counter()
            app.post_message(events.Key("s", "s"))
            while screen.show_sidebar == before:
                await asyncio.sleep(0.005)
            lags.append(perf_counter() - begin)
            await asyncio.sleep(0.05)
        while screen.status.progress or any(w.is_running for w in app.workers):
            await asyncio.sleep(0.05)
        figures["indexed"] = perf_counter() - start
    lags.sort()
    figures["presses"] = len(lags)
    figures["lag_median"] = lags[len(lags) // 2] if lags else 0.0
    figures["lag_max"] = lags[-1] if lags else 0.0
    figures["peak"] = peak_mb()
    return figures


def _child_app(path: Path) -> dict[str, float]:
    import tui.app
    import tui.article.text  # noqa: F401 - imported before the base RSS is taken

    base = rss_mb()
    figures = asyncio.run(_open_in_app(path))
    return {"base": base, **figures}


def _child_index(folder: Path, db: Path) -> dict[str, float]:
    import tui.article.text  # noqa: F401 - imported before the base RSS is taken
    from tui.library.index import LibraryIndex
    from tui.library.loader import find_articles

    base = rss_mb()
    files, skipped = find_articles([folder])
    assert not skipped, skipped[:3]
    start = perf_counter()
    with LibraryIndex(db) as index:
        failed = [why for _, entry, why in index.update(files, roots=[folder]) if entry is None]
    seconds = perf_counter() - start
    assert not failed, failed[:3]
    return {"base": base, "seconds": seconds, "peak": peak_mb(), "files": len(files)}


def shape_texts(count: int) -> dict[str, str]:
    """The Markdown shapes of the ``shapes`` case, ``count`` items each, by name."""
    bylines = "\n\n".join(f"By Reporter{n} Person" for n in range(count)) + "\n"
    listed = "".join(f"  - Writer{n} Person\n" for n in range(count))
    names = " and ".join(f"Name{n} Person" for n in range(count))
    roles = ", ".join(["Staff reporter"] * count)
    return {
        "bylines": bylines,
        "authors": f"---\nauthors:\n{listed}---\n\nBody.\n",
        "roles": f"---\nauthor: {names}, {roles}\n---\n\nBody.\n",
    }


def flood_texts(count: int) -> dict[str, str]:
    """Quote-mark floods of ``count * 250`` characters: straight marks, curly pairs."""
    size = count * 250
    return {"flood-straight": '"' * size, "flood-curly": "“”" * (size // 2)}


def _child_shapes(folder: Path, db: Path, count: int) -> dict[str, float]:
    from tui.article import parse
    from tui.library.index import LibraryIndex
    from tui.library.loader import find_articles

    figures: dict[str, float] = {}
    for name, text in shape_texts(count).items():
        start = perf_counter()
        article = parse(text, path=f"{name}.md")
        figures[name] = perf_counter() - start
        figures[f"{name}_kb"] = len(text.encode("utf-8")) / 1000
        assert len(article.authors) == count, (name, len(article.authors))
    # Quote-mark floods (#16.11): 250 characters per item, parsed as scraped text.
    for name, text in flood_texts(count).items():
        start = perf_counter()
        article = parse(text, path=f"{name}.txt")
        figures[name] = perf_counter() - start
        figures[f"{name}_kb"] = len(text.encode("utf-8")) / 1000
        assert not article.quotes, name
    figures["flood_peak"] = peak_mb()
    files = find_articles([folder])[0][:5]
    with LibraryIndex(db) as index:
        list(index.update(files, roots=[folder]))
        # A pasted passage: words the library holds, so every term matches somewhere.
        words = files[0].read_text(encoding="utf-8").split()[: max(1, count // 5)]
        start = perf_counter()
        index.search(" ".join(words), within=files)
        figures["search"] = perf_counter() - start
    figures["words"] = len(words)
    return figures


def _run_child(case: str, args: Sequence[str], xdg: Path) -> dict[str, float]:
    """Run one case in a fresh interpreter and return its JSON figures."""
    env = dict(os.environ)
    for name in ("CONFIG", "DATA", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(xdg / name.lower())
    env.pop("NEWSREAD_CONFIG", None)
    result = subprocess.run(
        [sys.executable, __file__, "--child", case, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{case} child failed:\n{result.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


# --------------------------------------------------------------------------- generating


def write_library(folder: Path, count: int, size: int) -> int:
    """Write ``count`` BBC-style articles of about ``size`` characters; return total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(count):
        text = generate_article(size, seed=1000 + n)
        path = folder / f"{n // 100:03}" / f"{n:05}.txt"
        path.parent.mkdir(exist_ok=True)
        total += path.write_bytes(text.encode("utf-8"))
    return total


def _memory(rss: float, base: float, size_mb: float) -> str:
    """``rss`` in MB, and what it adds to the base per MB of input."""
    return f"{rss:.0f} MB ({(rss - base) / size_mb:.1f} × file + {base:.0f} MB)"


def run(
    root: Path,
    size_mb: float,
    files: int,
    file_kb: float,
    skip: frozenset[str],
    shapes: int = 4000,
) -> list[tuple[str, str]]:
    """Generate the inputs, measure each case in a child and return ``(label, figure)`` rows."""
    rows: list[tuple[str, str]] = []
    xdg = root / "xdg"
    article = root / "big" / "huge-article.txt"
    article.parent.mkdir(parents=True, exist_ok=True)
    start = perf_counter()
    article_bytes = article.write_bytes(generate_article(int(size_mb * MB)).encode("utf-8"))
    library_bytes = write_library(root / "library", files, int(file_kb * 1000))
    article_mb, library_mb = article_bytes / MB, library_bytes / MB
    rows.append(("article", f"{article_mb:.1f} MB"))
    rows.append(("library", f"{files} files, {library_mb:.1f} MB"))
    rows.append(("generate", f"{perf_counter() - start:.1f} s"))
    if "parse" not in skip:
        f = _run_child("parse", [str(article)], xdg / "parse")
        rate = article_mb / f["seconds"]
        rows.append(("parse time", f"{f['seconds']:.2f} s ({rate:.1f} MB/s)"))
        rows.append(("parse base", f"{f['base']:.0f} MB"))
        rows.append(("parse peak", _memory(f["peak"], f["base"], article_mb)))
        rows.append(("parse held", _memory(f["held"], f["base"], article_mb)))
    if "app" not in skip:
        f = _run_child("app", [str(article)], xdg / "app")
        rows.append(("app first shown", f"{f['shown']:.2f} s"))
        rows.append(("app whole shown", f"{f['whole']:.2f} s"))
        lag = f"{1000 * f['lag_median']:.0f} ms median, {1000 * f['lag_max']:.0f} ms max"
        rows.append(("app key lag", f"{lag} ({f['presses']:.0f} keys while loading)"))
        rows.append(("app indexed", f"{f['indexed']:.2f} s"))
        rows.append(("app peak", _memory(f["peak"], f["base"], article_mb)))
    if "index" not in skip:
        db = root / "index.sqlite3"
        f = _run_child("index", [str(root / "library"), str(db)], xdg / "index")
        rate = f["files"] / f["seconds"]
        rows.append(("index time", f"{f['seconds']:.2f} s ({rate:.0f} files/s)"))
        rows.append(("index peak", _memory(f["peak"], f["base"], library_mb)))
        rows.append(("index size", f"{db.stat().st_size / MB:.1f} MB"))
    if "shapes" not in skip:
        db = root / "shapes.sqlite3"
        f = _run_child("shapes", [str(root / "library"), str(db), str(shapes)], xdg / "shapes")
        for name, what in (("bylines", "By lines"), ("authors", "authors"), ("roles", "roles")):
            size = f"{shapes} {what}, {f[f'{name}_kb']:.0f} kB"
            rows.append((f"shapes {name}", f"{f[name]:.2f} s ({size})"))
        rows.append(("shapes search", f"{f['search']:.2f} s ({f['words']:.0f} words)"))
        straight, curly = flood_texts(1)
        floods = f'{f[straight]:.2f} s + {f[curly]:.2f} s ({f[f"{straight}_kb"]:.0f} kB of " '
        rows.append(("shapes floods", floods + f"and {f[f'{curly}_kb']:.0f} kB of “”)"))
        rows.append(("shapes peak", f"{f['flood_peak']:.0f} MB"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the benchmark (or one child case) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=float, default=100.0, help="article size in MB (100)")
    parser.add_argument("--files", type=int, default=2000, help="library articles (2000)")
    parser.add_argument("--file-kb", type=float, default=50.0, help="kB per library article (50)")
    parser.add_argument("--shapes", type=int, default=4000, help="items per shape (4000)")
    parser.add_argument(
        "--tiny", action="store_true", help="1 MB article, 20 articles of 10 kB, shapes of 400"
    )
    parser.add_argument("--keep", type=Path, help="generate the inputs here and keep them")
    parser.add_argument("--skip", default="", help="cases to leave out: parse,app,index,shapes")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        case, *rest = args.child
        if case == "parse":
            figures = _child_parse(Path(rest[0]))
        elif case == "app":
            figures = _child_app(Path(rest[0]))
        elif case == "shapes":
            figures = _child_shapes(Path(rest[0]), Path(rest[1]), int(rest[2]))
        else:
            figures = _child_index(Path(rest[0]), Path(rest[1]))
        print(json.dumps(figures))
        return 0
    size, files, file_kb = (1.0, 20, 10.0) if args.tiny else (args.size, args.files, args.file_kb)
    shapes = 400 if args.tiny else args.shapes
    skip = frozenset(filter(None, args.skip.split(",")))
    if skip - set(CASES):
        parser.error(f"unknown case in --skip: {', '.join(sorted(skip - set(CASES)))}")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows = run(args.keep, size, files, file_kb, skip, shapes)
    else:
        with tempfile.TemporaryDirectory(prefix="newsread-huge-") as tmp:
            rows = run(Path(tmp), size, files, file_kb, skip, shapes)
    for label, figure in rows:
        print(f"{label:<16} {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
