"""The library benchmark runs (tiny) and its generated library is realistic and indexable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.benchmarks.bench_library import OUTLETS, generate_library, make_queries
from tests.conftest import REPO, run_script
from tui.library.index import LibraryIndex

SCRIPT = REPO / "tests" / "benchmarks" / "bench_library.py"
LABELS = [
    "articles",
    "generate",
    "find files",
    "cold index",
    "warm cached",
    "search median",
    "search p95",
    "search hits",
    "index size",
    "peak RSS",
]


def test_tiny_run_prints_every_figure() -> None:
    result = run_script(SCRIPT, "--tiny", timeout=120)
    assert result.returncode == 0, result.stderr
    rows = {}
    for line in result.stdout.splitlines():
        label, _, figure = line.partition("  ")
        rows[label.strip()] = figure.strip()
    assert list(rows) == LABELS
    assert rows["articles"] == "60"
    for label in LABELS[1:]:
        assert re.match(r"^\d+(\.\d+)?", rows[label]), (label, rows[label])
    assert re.search(r"\d+ files/s", rows["cold index"])


@pytest.mark.parametrize("count", [10, 25])
def test_generated_library_is_deterministic_and_indexes_cleanly(tmp_path: Path, count: int) -> None:
    files = generate_library(tmp_path / "a", count)
    again = generate_library(tmp_path / "b", count)
    assert [f.read_text("utf-8") for f in files] == [f.read_text("utf-8") for f in again]
    assert {f.parent.parent.name for f in files} == set(OUTLETS[: min(count, len(OUTLETS))])
    with LibraryIndex(tmp_path / "i.sqlite3") as idx:
        results = list(idx.update(files, roots=[tmp_path / "a"]))
    entries = [entry for _, entry, _ in results]
    assert all(entry is not None for entry in entries)
    assert all(e is not None and e.title and e.word_count > 30 for e in entries)
    assert all(e is not None and e.folder.count("/") == 1 for e in entries)
    formats = {e.source_format for e in entries if e is not None}
    assert "markdown" in formats and len(formats) >= 3


def test_queries_are_deterministic_and_varied() -> None:
    queries = make_queries(50)
    assert queries == make_queries(50)
    assert len(set(queries)) > 25
    assert any(" " in q for q in queries) and any('"' in q for q in queries)
