"""How faithfully the parser reads real news: quotations and speakers (not a test).

Run: python tests/benchmarks/bench_fidelity.py [--corpus PATH] [--mismatches]

Two parts, on the BBC News research corpus in ``../shared/corpus/bbc2005`` (BBC copyright:
read and measured here, never copied into the project):

- **Development set** (``articles/`` + ``labels/``): every article is parsed and dumped as
  ``newsread dump --format json`` would, and the corpus's own ``score.py`` scores it. The table
  shows quotes strict F1, depth accuracy, speaker accuracy, speaker precision and the share of
  null speakers kept null, next to the targets of issue #17.
- **Whole corpus** (``all/``): crashes (must be 0), parse time per MB, and the quotations whose
  text holds a reporting clause (``he said``, ``said Mr …``): a cheap detector of narrative
  swallowed into a quotation (target 0).

It exits 0 after printing, or with a note when the corpus is absent (a clean skip).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tui.article import load
from tui.article.export import to_json

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc2005"
"""Where the corpus lives beside the project (the workplace's shared folder)."""

TARGETS = {
    "quotes_f1": 0.98,
    "depth": 0.98,
    "speaker_accuracy": 0.90,
    "speaker_precision": 0.93,
    "null_kept": 0.90,
}
"""Issue #17's targets for the development set."""

_MEASURES = {
    "quotes_f1": re.compile(r"^Quotes strict:.*F1 = ([0-9.]+)", re.M),
    "depth": re.compile(r"^Depth accuracy.*= ([0-9.]+)\s*$", re.M),
    "speaker_accuracy": re.compile(r"^Speaker accuracy.*= ([0-9.]+)\s*$", re.M),
    "speaker_precision": re.compile(r"^Speaker precision.*= ([0-9.]+)\s*$", re.M),
    "null_kept": re.compile(r"^Unattributed-correctly rate.*= ([0-9.]+)\s*$", re.M),
}
# A reporting clause inside a quotation's own words: narrative that the pairing swallowed.
_REPORTING = re.compile(
    r"\b(?:he|she|they) (?:said|says|added|told)\b"
    r"|\b(?:said|says|added) (?:Mr|Mrs|Ms|Dr|Sir|Lord)\b"
    r"|\b(?:Mr|Mrs|Ms|Dr) [A-Z][\w'-]+ (?:said|says|added|told)\b"
)


@dataclass
class DevScore:
    """The development set's figures, as the corpus's scorer prints them."""

    measures: dict[str, float]
    """quotes_f1, depth, speaker_accuracy, speaker_precision, null_kept."""
    report: str
    """The scorer's whole output."""


@dataclass
class CorpusRun:
    """The whole corpus, parsed once."""

    articles: int
    crashes: list[str]
    megabytes: float
    seconds: float
    swallowed: list[tuple[str, str]]
    """(file, quotation) for each quotation whose words hold a reporting clause."""


def dump_line(path: Path) -> str:
    """One article as the JSON line ``newsread dump --format json`` prints for it."""
    return json.dumps(to_json(load(path), file=str(path)), ensure_ascii=False)


def score_dev(corpus: Path = CORPUS, mismatches: bool = False) -> DevScore:
    """Parse the development articles and score them with the corpus's own scorer.

    Args:
        corpus: The corpus folder (with ``articles/``, ``labels/`` and ``score.py``).
        mismatches: Ask the scorer to list every miss.

    Returns:
        The figures and the scorer's report.
    """
    articles = sorted((corpus / "articles").glob("*.txt"))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for path in articles:
            out.write(dump_line(path) + "\n")
    command = [sys.executable, "score.py", out.name, "--gold", "labels"]
    if mismatches:
        command.append("--mismatches")
    done = subprocess.run(
        command, cwd=corpus, capture_output=True, text=True, check=True, timeout=300
    )
    Path(out.name).unlink()
    measures = {}
    for key, pattern in _MEASURES.items():
        found = pattern.search(done.stdout)
        measures[key] = float(found.group(1)) if found else 0.0
    return DevScore(measures, done.stdout)


def run_corpus(corpus: Path = CORPUS) -> CorpusRun:
    """Parse every article of ``all/``: crashes, time per MB, swallowed narrative."""
    files = sorted((corpus / "all").rglob("*.txt"))
    crashes: list[str] = []
    swallowed: list[tuple[str, str]] = []
    size = 0
    spent = 0.0
    for path in files:
        size += path.stat().st_size
        started = time.perf_counter()
        try:
            article = load(path)
        except Exception as exc:  # noqa: BLE001 - a crash is what this counts
            crashes.append(f"{path}: {type(exc).__name__}: {exc}")
            continue
        spent += time.perf_counter() - started
        for quote in article.quotes:
            for part in quote.parts or (quote.text,):
                if _REPORTING.search(part):
                    swallowed.append((str(path.relative_to(corpus)), part))
    return CorpusRun(len(files), crashes, size / 1e6, spent, swallowed)


def main(argv: list[str] | None = None) -> int:
    """Print the development-set table and the whole-corpus figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the bbc2005 folder")
    parser.add_argument("--mismatches", action="store_true", help="list the scorer's misses")
    parser.add_argument("--dev-only", action="store_true", help="skip the whole corpus")
    args = parser.parse_args(argv)
    if not (args.corpus / "score.py").is_file():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    dev = score_dev(args.corpus, args.mismatches)
    if args.mismatches:
        print(dev.report)
    print("development set (59 articles, 313 quotes)")
    print(f"  {'measure':<22} {'now':>6} {'target':>7}")
    for key, target in TARGETS.items():
        value = dev.measures[key]
        mark = "" if value >= target else "  (below target)"
        print(f"  {key:<22} {value:6.3f} {target:7.2f}{mark}")
    if args.dev_only:
        return 0
    run = run_corpus(args.corpus)
    print(f"whole corpus ({run.articles} articles, {run.megabytes:.2f} MB)")
    print(f"  crashes                {len(run.crashes)}")
    for crash in run.crashes[:10]:
        print(f"    {crash}")
    per_mb = run.seconds / run.megabytes if run.megabytes else 0.0
    print(f"  parse time             {run.seconds:.2f} s ({per_mb * 1000:.0f} ms per MB)")
    print(f"  quotes with a reporting clause inside: {len(run.swallowed)}")
    for where, text in run.swallowed[:10]:
        print(f"    {where}: {text[:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
