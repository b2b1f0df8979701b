"""Where a key's latency goes: inside the program, and in the terminal around it.

Run: python tests/benchmarks/bench_keys.py [--runs 5] [--tiny]

Not part of the test run (it needs tmux). The floor app (its ``x`` key) and newsread on the
generated 1 MB article (the keys of :data:`tests.benchmarks.bench_ttfp.KEY_STEPS`) run in a
120×40 tmux pane, as in ``bench_ttfp.py``, but started through
:mod:`tests.benchmarks.keypath`, which logs when each key event reaches the app and when the
next frame is flushed to the terminal. For each key the table gives both figures: key →
repaint seen from tmux (what ``bench_ttfp.py`` reports) and key → frame written inside the
program. Their difference is what tmux, the pty and the poll add, the same for any program.
``--tiny`` does one run on a small article (for the test suite).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from tests.benchmarks.bare_textual import FLIPPED  # noqa: E402
from tests.benchmarks.bench_ttfp import (  # noqa: E402
    BARE,
    FIRST,
    KEY_STEPS,
    article_with_markers,
    compile_newsread,
    newsread_env,
)
from tests.benchmarks.tmux_timing import Step, TmuxServer, tmux_available  # noqa: E402

KEYPATH = Path(__file__).resolve().with_name("keypath.py")


def _figure(values: Sequence[float]) -> str:
    if not values:
        return "n/a"
    return f"{statistics.median(values):.1f} ms ({min(values):.1f}–{max(values):.1f})"


def measure(runs: int, size: int) -> list[tuple[str, str, list[float], list[float]]]:
    """Run the floor and newsread ``runs`` times each, in turns.

    Returns:
        One row per key: (program, key label, tmux-side figures, in-program figures).
    """
    compile_newsread()
    floor_steps = (Step("x (replace the text)", ("x",), FLIPPED),)
    with tempfile.TemporaryDirectory(prefix="newsread-keys-") as tmp:
        work = Path(tmp)
        article = work / "article.txt"
        article.write_text(article_with_markers(size), encoding="utf-8")
        programs = [
            ("floor: bare Textual Static", [str(BARE), FIRST], floor_steps),
            (f"newsread {size // 1000} KB article", ["-m", "tui", str(article)], KEY_STEPS),
        ]
        rows: dict[tuple[str, str], tuple[list[float], list[float]]] = {
            (name, step.label): ([], []) for name, _, steps in programs for step in steps
        }
        with TmuxServer(120, 40) as tmux:
            for round_ in range(runs):
                for n, (name, args, steps) in enumerate(programs):
                    state = Path(tempfile.mkdtemp(prefix=f"k{n}-r{round_}-", dir=work))
                    log = state / "keys.log"
                    command = [sys.executable, str(KEYPATH), str(log), *args]
                    result = tmux.run(command, FIRST, env=newsread_env(state), steps=steps)
                    if result.error:
                        print(f"{name}: {result.error.splitlines()[0]}", file=sys.stderr)
                    inside = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
                    for step, line in zip(steps, inside, strict=False):
                        outside, within = rows[(name, step.label)]
                        if step.label in result.steps_ms:
                            outside.append(result.steps_ms[step.label])
                        within.append(float(line.split("\t")[1]))
                print(f"round {round_ + 1}/{runs} done", file=sys.stderr, flush=True)
    return [(name, label, out, inside) for (name, label), (out, inside) in rows.items()]


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the programs and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="rounds; medians of these (5)")
    parser.add_argument("--tiny", action="store_true", help="one run on a small article (tests)")
    args = parser.parse_args(argv)
    if not tmux_available():
        print("tmux is needed for this benchmark", file=sys.stderr)
        return 2
    runs = 1 if args.tiny else max(1, args.runs)
    rows = measure(runs, 60_000 if args.tiny else 1_000_000)
    print(f"120×40 tmux pane, {runs} run(s); median (min–max)")
    header = ("program", "key", "key → repaint (tmux)", "key → frame written (inside)")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in (0, 1)]
    print(f"{header[0]:<{widths[0]}}  {header[1]:<{widths[1]}}  {header[2]:>26}  {header[3]}")
    missing = False
    for name, label, outside, inside in rows:
        missing = missing or not outside or not inside
        line = f"{name:<{widths[0]}}  {label:<{widths[1]}}  {_figure(outside):>26}  "
        print(line + _figure(inside))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
