"""Time the library index on a generated library of small articles (not a test).

Run: /work/venv/bin/python tests/benchmarks/bench_library.py [--articles 10000] [--queries 50]
     [--tiny] [--keep DIR]

It writes ``--articles`` short articles (BBC, Reuters, AP and Guardian scraped-text styles and
Markdown, from an invented word list) into a temporary folder tree of outlets and months, then
prints: the cold index time (every file parsed and stored), the warm :meth:`LibraryIndex.cached`
time in a fresh index object (stat calls and one query, no parsing), search latency median and
p95 over ``--queries`` queries (single words, two words, prefixes, phrases with operators), the
index size and the process's peak RSS. ``--tiny`` runs 60 articles and 10 queries (for the test
suite).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from time import perf_counter

# Run as a script from anywhere: make the repository importable for ``tests.benchmarks``.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_parse import NAMES, WORDS  # noqa: E402
from tui.library.index import LibraryIndex  # noqa: E402
from tui.library.loader import find_articles  # noqa: E402

SEARCH_TARGET_MS = 50.0
"""The latency the interactive search aims to stay under."""

OUTLETS = ("bbc", "reuters", "ap", "guardian", "notes")
PLACES = ("LONDON", "GLASGOW", "CARDIFF", "BELFAST", "OSLO", "LISBON")


class _Writer:
    """Seeded sentences, titles and whole articles in a few outlet styles."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self) -> str:
        text = self.words(7, 18)
        return text[0].upper() + text[1:] + "."

    def title(self) -> str:
        text = self.words(5, 9)
        return text[0].upper() + text[1:]

    def paragraphs(self) -> list[str]:
        out = []
        for _ in range(self.rng.randint(4, 10)):
            text = " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))
            if self.rng.random() < 0.2:
                text += f" “{self.sentence().rstrip('.')},” {self.rng.choice(NAMES)} said."
            out.append(text)
        return out

    def article(self, outlet: str) -> tuple[str, str]:
        """One article: ``(file suffix, text)``."""
        name = self.rng.choice(NAMES)
        body = self.paragraphs()
        heading = self.title()
        if outlet == "bbc":
            lines = [self.title(), f"- Author, {name}", "- Role, BBC News", *body[:3]]
            lines += [heading, *body[3:], "Related topics", "Harbour"]
            return ".txt", "\n".join(lines) + "\n"
        if outlet == "reuters":
            place = self.rng.choice(PLACES)
            first = f"{place}, June {self.rng.randint(1, 28)} (Reuters) - {body[0]}"
            paras = [self.title(), first, *body[1:], f"Reporting by {name}; Editing by Ann Lee"]
            return ".txt", "\n\n".join(paras) + "\n"
        if outlet == "ap":
            place = self.rng.choice(PLACES)
            lines = [self.title(), f"By {name.upper()}", "Associated Press"]
            lines += [f"{place} (AP) — {body[0]}", *body[1:]]
            return ".txt", "\n".join(lines) + "\n"
        if outlet == "guardian":
            caption = f"{self.sentence()} Photograph: {name}/PA"
            lines = [self.title(), caption, *body[:2], heading, *body[2:], "Reuse this content"]
            return ".txt", "\n".join(lines) + "\n"
        front = f"---\ntitle: {self.title()}\nauthor: {name}\n---\n\n"
        parts = [*body[:2], f"## {heading}", *body[2:]]
        return ".md", front + "\n\n".join(parts) + "\n"


def generate_library(root: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` articles under ``root/<outlet>/<month>/``.

    Args:
        root: An empty folder.
        count: How many articles.
        seed: Seed for the word choices (same seed, same library).

    Returns:
        The files written, in creation order.
    """
    w = _Writer(seed)
    files = []
    for i in range(count):
        outlet = OUTLETS[i % len(OUTLETS)]
        folder = root / outlet / f"2025-{1 + (i // len(OUTLETS)) % 12:02}"
        folder.mkdir(parents=True, exist_ok=True)
        suffix, text = w.article(outlet)
        path = folder / f"{i:05}-{outlet}{suffix}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def make_queries(count: int, seed: int = 11) -> list[str]:
    """Queries as a reader types them: words, pairs, prefixes, names and stray syntax."""
    rng = random.Random(seed)
    shapes = [
        lambda: rng.choice(WORDS),
        lambda: f"{rng.choice(WORDS)} {rng.choice(WORDS)}",
        lambda: rng.choice(WORDS)[:3],
        lambda: rng.choice(NAMES).split()[1],
        lambda: f'"{rng.choice(WORDS)} NEAR {rng.choice(WORDS)}*',
    ]
    return [shapes[i % len(shapes)]() for i in range(count)]


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def run(count: int, queries: int, root: Path) -> list[tuple[str, str]]:
    """Generate, index, read warm and search; return ``(label, figure)`` rows."""
    start = perf_counter()
    generate_library(root / "library", count)
    generated = perf_counter() - start
    start = perf_counter()
    files, skipped = find_articles([root / "library"])
    found = perf_counter() - start
    assert len(files) == count and not skipped, (len(files), skipped)
    db = root / "index.sqlite3"

    start = perf_counter()
    with LibraryIndex(db) as idx:
        errors = [reason for _, entry, reason in idx.update(files) if entry is None]
    cold = perf_counter() - start
    assert not errors, errors[:3]

    start = perf_counter()
    with LibraryIndex(db) as idx:
        entries = idx.cached(files)
        warm = perf_counter() - start
        assert len(entries) == count, len(entries)
        times = []
        hits = 0
        for query in make_queries(queries):
            begin = perf_counter()
            hits += len(idx.search(query, limit=200))
            times.append(perf_counter() - begin)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    if sys.platform == "darwin":
        peak_mb /= 1024  # bytes on macOS
    median = _ms(statistics.median(times))
    verdict = "ok" if _ms(p95) < SEARCH_TARGET_MS else "OVER TARGET"
    return [
        ("articles", f"{count}"),
        ("generate", f"{generated:.2f} s"),
        ("find files", f"{_ms(found):.1f} ms"),
        ("cold index", f"{cold:.2f} s ({count / cold:.0f} files/s)"),
        ("warm cached", f"{_ms(warm):.1f} ms"),
        ("search median", f"{median:.2f} ms"),
        ("search p95", f"{_ms(p95):.2f} ms (target < {SEARCH_TARGET_MS:.0f} ms: {verdict})"),
        ("search hits", f"{hits / max(1, queries):.0f} per query (limit 200)"),
        ("index size", f"{db.stat().st_size / 1e6:.1f} MB"),
        ("peak RSS", f"{peak_mb:.0f} MB"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000, help="library size (10000)")
    parser.add_argument("--queries", type=int, default=50, help="search queries timed (50)")
    parser.add_argument("--tiny", action="store_true", help="60 articles, 10 queries")
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = parser.parse_args(argv)
    count, queries = (60, 10) if args.tiny else (args.articles, args.queries)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows = run(count, queries, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="newsread-bench-") as tmp:
            rows = run(count, queries, Path(tmp))
    for label, figure in rows:
        print(f"{label:<14} {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
