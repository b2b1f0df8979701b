"""Time to first paint, key latency, memory and parse speed of newsread in a real terminal.

Run: python tests/benchmarks/bench_ttfp.py [--runs 5] [--tiny]

Not part of the test run (it takes a few minutes and needs tmux). Every program runs in a
120×40 pane of a private tmux server, started through a FIFO gate so tmux's own start-up is
not timed (see :mod:`tests.benchmarks.tmux_timing`). Measured, in one interleaved series of
``--runs`` rounds:

- the floor: a bare Textual app showing one ``Static`` (``bare_textual.py``);
- newsread on the bundled examples, on a generated 100 KB and 1 MB article (each run with a
  fresh, empty cache and data folder: a cold start) and on a generated 10,000-article library
  whose index was built beforehand (a warm start);
- key → repaint on the 1 MB article: page down, ``G`` (end), ``g`` (top), ``]`` (next section)
  and ``"`` (quotes off, then on), each sent once the screen is still, timed from the moment
  tmux has written the key to the pane until the expected change is on screen; the floor app's
  own key (``x`` replaces its text) is timed the same way, so the figures can be read against
  what the terminal, tmux and Textual cost by themselves;
- peak RSS of the process tree (VmHWM) with the 1 MB article, after the keys;
- parse throughput against markdown-it (``bench_parse.py``, in this process).

Each figure is the median of the runs with min–max and its ratio to the floor, checked
against the targets of the performance issue. ``--tiny`` does one run on small inputs (for
the test suite).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from tests.benchmarks import bench_parse  # noqa: E402
from tests.benchmarks.bare_textual import FLIPPED  # noqa: E402
from tests.benchmarks.bench_library import generate_library  # noqa: E402
from tests.benchmarks.tmux_timing import Step, TmuxServer, tmux_available  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BARE = REPO / "tests" / "benchmarks" / "bare_textual.py"
FIRST = "Zqmarker"
"""Starts the first paragraph of each generated article and library's first file."""
LAST = "Zqend"
"""Starts the last paragraph of each generated article."""

KEY_STEPS = (
    Step("page down", ("PageDown",), "!" + FIRST),
    Step("G (end)", ("G",), LAST),
    Step("g (top)", ("g",), FIRST),
    Step("] (next section)", ("]",), "!" + FIRST),
    Step('" (quotes off)', ('"',), "Quotes: off"),
    Step('" (quotes on)', ('"',), "Quotes: on"),
)


@dataclass
class Scenario:
    """One program to start in each round."""

    name: str
    command: list[str]
    marker: str
    steps: tuple[Step, ...] = ()
    fresh_state: bool = True
    """A new empty cache/data folder for every run (a cold start)."""
    state: Path | None = None
    """The folder to reuse when not fresh (its index is warm)."""
    paint_target: float | None = None
    """The first paint's largest allowed ratio to the floor's, if it has a target."""
    paint: list[float] = field(default_factory=list)
    keys: dict[str, list[float]] = field(default_factory=dict)
    rss: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def article_with_markers(size: int) -> str:
    """A generated BBC-style article with :data:`FIRST` opening its first paragraph."""
    lines = bench_parse.generate_article(size).rstrip("\n").split("\n")
    at = 1  # after the title, the bylines and the lead picture's credit
    while lines[at].startswith(("-", "Image ", "Video caption")):
        at += 1
    lines.insert(at, f"{FIRST} opens the first paragraph of this generated article.")
    lines.append(f"{LAST} closes the generated article at its very end.")
    return "\n".join(lines) + "\n"


def newsread_env(state: Path) -> dict[str, str]:
    """Environment for newsread: its config, cache and data folders under ``state``."""
    return {
        "LANG": "C.UTF-8",
        "COLORTERM": "truecolor",
        "XDG_CONFIG_HOME": str(state / "config"),
        "XDG_CACHE_HOME": str(state / "cache"),
        "XDG_DATA_HOME": str(state / "data"),
    }


def first_words(path: Path, count: int = 3) -> str:
    """The opening words of the first paragraph of ``path`` (the examples' marker)."""
    from tui.article import load

    return " ".join(load(path).paragraphs[0].text.split()[:count])


def warm_index(library: Path, state: Path) -> None:
    """Index ``library`` with newsread's cache under ``state``, in a separate process."""
    code = (
        "import sys; from pathlib import Path; from tui.library.index import LibraryIndex; "
        "from tui.library.loader import find_articles; root = Path(sys.argv[1]); "
        "files, _ = find_articles([root]); "
        "index = LibraryIndex(); [None for _ in index.update(files, roots=[root])]; index.close()"
    )
    env = {**os.environ, **newsread_env(state)}
    subprocess.run([sys.executable, "-c", code, str(library)], env=env, check=True, cwd=REPO)


def build_scenarios(work: Path, tiny: bool) -> list[Scenario]:
    """Write the inputs and describe every program to time."""
    from tui.library.loader import find_articles

    newsread = [sys.executable, "-m", "tui"]
    small, big, count = (20_000, 60_000, 200) if tiny else (100_000, 1_000_000, 10_000)
    floor_key = (Step("x (replace the text)", ("x",), FLIPPED),)
    floor = [sys.executable, str(BARE), FIRST, "floor"]
    scenarios = [Scenario("floor: bare Textual Static", floor, FIRST, steps=floor_key)]
    examples = REPO / "examples"
    marker = first_words(find_articles([examples])[0][0])
    scenarios.append(Scenario("newsread examples/", [*newsread, str(examples)], marker))
    for size, steps, target in ((small, (), None), (big, KEY_STEPS, 1.3)):
        path = work / f"article-{size // 1000}k.txt"
        path.write_text(article_with_markers(size), encoding="utf-8")
        name = f"newsread {size // 1000} KB article"
        command = [*newsread, str(path)]
        scenarios.append(Scenario(name, command, FIRST, steps=steps, paint_target=target))
    library = work / "library"
    generate_library(library, count)
    first = find_articles([library])[0][0]
    first.write_text(article_with_markers(3000), encoding="utf-8")
    state = work / "library-state"
    warm_index(library, state)
    name = f"newsread {count:,}-article library (warm)"
    command = [*newsread, str(library)]
    scenarios.append(
        Scenario(name, command, FIRST, fresh_state=False, state=state, paint_target=1.5)
    )
    return scenarios


def compile_newsread() -> None:
    """Write newsread's bytecode and let the timed programs use it, as an installed copy does.

    ``pip install`` compiles a package's modules; a source checkout run with
    ``PYTHONDONTWRITEBYTECODE`` set would compile every module again on each start instead
    (tens of milliseconds that no user pays).
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the tmux server passes its environment on
    compileall.compile_dir(str(REPO / "tui"), quiet=1)


def run_rounds(scenarios: list[Scenario], runs: int, work: Path) -> None:
    """Run every scenario once per round, ``runs`` rounds, collecting the figures."""
    os.environ.pop("NEWSREAD_CONFIG", None)  # the tmux server passes its environment on
    compile_newsread()
    with TmuxServer(120, 40) as tmux:
        for round_ in range(runs):
            for n, scenario in enumerate(scenarios):
                if scenario.fresh_state:
                    state = Path(tempfile.mkdtemp(prefix=f"s{n}-r{round_}-", dir=work))
                else:
                    assert scenario.state is not None
                    state = scenario.state
                env = newsread_env(state)
                result = tmux.run(scenario.command, scenario.marker, env=env, steps=scenario.steps)
                if result.error:
                    scenario.errors.append(result.error)
                if result.first_paint_ms is not None:
                    scenario.paint.append(result.first_paint_ms)
                for label, ms in result.steps_ms.items():
                    scenario.keys.setdefault(label, []).append(ms)
                if result.peak_rss_mib:
                    scenario.rss.append(result.peak_rss_mib)
            print(f"round {round_ + 1}/{runs} done", file=sys.stderr, flush=True)


def _figure(values: Sequence[float], floor: float | None, unit: str) -> list[str]:
    if not values:
        return ["n/a", "", ""]
    median = statistics.median(values)
    ratio = f"{median / floor:.2f}×" if floor else ""
    spread = f"{min(values):.1f}–{max(values):.1f}"
    return [f"{median:.1f} {unit}", spread, ratio]


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def table(scenarios: list[Scenario], parse_rows: list[tuple[str, str, float, float, float]]) -> str:
    """The results as an aligned text table, with each target's verdict."""
    floor = scenarios[0]
    floor_paint = statistics.median(floor.paint) if floor.paint else None
    floor_rss = statistics.median(floor.rss) if floor.rss else None
    rows: list[list[str]] = [["what", "measure", "median", "min–max", "× floor", "target"]]
    for scenario in scenarios:
        target, limit = "", scenario.paint_target
        if floor_paint and scenario.paint and limit is not None:
            ratio = statistics.median(scenario.paint) / floor_paint
            target = f"≤ {limit}× {_verdict(ratio <= limit)}"
        paint = _figure(scenario.paint, floor_paint, "ms")
        rows.append([scenario.name, "first paint", *paint, target])
        for label, values in scenario.keys.items():
            ok = bool(values) and statistics.median(values) <= 20.0
            key = _figure(values, None, "ms")
            verdict = "" if scenario is floor else f"≤ 20 ms {_verdict(ok)}"
            rows.append(["", f"key {label}", *key, verdict])
        if scenario is floor or scenario.steps:
            target = ""
            if scenario is not floor and floor_rss and scenario.rss:
                target = f"≤ 2× {_verdict(statistics.median(scenario.rss) <= 2 * floor_rss)}"
            rows.append(["", "peak RSS", *_figure(scenario.rss, floor_rss, "MiB"), target])
        for error in scenario.errors[:1]:
            rows.append(["", f"ERROR ({len(scenario.errors)} runs): {error.splitlines()[0]}"])
    for label, parser, seconds, rate, ratio in parse_rows:
        target = ""
        if parser != "markdown-it":
            target = f"≥ markdown-it {_verdict(ratio <= 1.0)}"
        speed = [f"{rate:.1f} MB/s", f"{seconds * 1000:.1f} ms", ""]
        rows.append([f"parse {label}", parser, *speed, target])
    widths = [max(len(row[i]) for row in rows if len(row) > i) for i in range(6)]
    widths[1] = min(widths[1], 24)
    lines = []
    for row in rows:
        if len(row) == 2:  # an error line runs across the columns
            lines.append(f"{row[0]:<{widths[0]}}  {row[1]}")
            continue
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [row[i].rjust(widths[i]) for i in (2, 3, 4)] + [row[5]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="rounds; medians of these (5)")
    parser.add_argument("--tiny", action="store_true", help="one run on small inputs (tests)")
    args = parser.parse_args(argv)
    if not tmux_available():
        print("tmux is needed for this benchmark", file=sys.stderr)
        return 2
    runs = 1 if args.tiny else max(1, args.runs)
    with tempfile.TemporaryDirectory(prefix="newsread-ttfp-") as tmp:
        work = Path(tmp)
        scenarios = build_scenarios(work, args.tiny)
        run_rounds(scenarios, runs, work)
    sizes, repeat = ([0.02], 1) if args.tiny else ([1.0], max(5, runs))
    parse_rows = bench_parse.run(sizes, repeat)
    print(f"120×40 tmux pane, {runs} run(s) each; median, min–max, ratio to the floor's median")
    print(table(scenarios, parse_rows))
    return 0 if all(not s.errors for s in scenarios) else 1


if __name__ == "__main__":
    sys.exit(main())
