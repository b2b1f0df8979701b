"""The huge-input benchmark runs (tiny) and prints every figure; its library is indexable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.benchmarks.bench_huge import write_library
from tests.conftest import REPO, run_script
from tui.library.index import LibraryIndex
from tui.library.loader import find_articles

SCRIPT = REPO / "tests" / "benchmarks" / "bench_huge.py"
LABELS = [
    "article",
    "library",
    "generate",
    "parse time",
    "parse base",
    "parse peak",
    "parse held",
    "app first shown",
    "app whole shown",
    "app key lag",
    "app indexed",
    "app peak",
    "index time",
    "index peak",
    "index size",
    "shapes bylines",
    "shapes authors",
    "shapes roles",
    "shapes search",
    "shapes floods",
    "shapes peak",
]
MEMORY = re.compile(r"^\d+ MB \(-?\d+\.\d × file \+ \d+ MB\)$")


def _rows(stdout: str) -> dict[str, str]:
    rows = {}
    for line in stdout.splitlines():
        label, _, figure = line.partition("  ")
        rows[label.strip()] = figure.strip()
    return rows


def test_tiny_run_prints_every_figure(tmp_path: Path) -> None:
    result = run_script(SCRIPT, "--tiny", "--keep", str(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert list(rows) == LABELS
    assert rows["article"] == "1.0 MB"
    assert rows["library"].startswith("20 files, ")
    for label in ("parse peak", "parse held", "app peak", "index peak"):
        assert MEMORY.match(rows[label]), (label, rows[label])
    for label in ("generate", "parse time", "app first shown", "app whole shown", "index time"):
        assert re.match(r"^\d+\.\d+ s", rows[label]), (label, rows[label])
    for name, what in (("bylines", "By lines"), ("authors", "authors"), ("roles", "roles")):
        assert re.match(rf"^\d+\.\d+ s \(400 {what}, \d+ kB\)$", rows[f"shapes {name}"])
    assert re.match(r"^\d+\.\d+ s \(80 words\)$", rows["shapes search"])
    floods = r'^\d+\.\d+ s \+ \d+\.\d+ s \(100 kB of " and 300 kB of “”\)$'
    assert re.match(floods, rows["shapes floods"]), rows["shapes floods"]
    assert re.match(r"^\d+ MB$", rows["shapes peak"])
    assert re.match(r"^\d+ ms median, \d+ ms max \(\d+ keys while loading\)$", rows["app key lag"])
    # The inputs were generated where asked, never in the repository; the children's XDG
    # folders were private to the run (the app wrote its reading state there).
    assert (tmp_path / "big" / "huge-article.txt").stat().st_size >= 1_000_000
    assert len(list((tmp_path / "library").rglob("*.txt"))) == 20
    assert list((tmp_path / "xdg" / "app").rglob("state.sqlite3"))


@pytest.mark.parametrize("skip", ["parse,app,shapes", "app,index,shapes", "parse,index,shapes"])
def test_skip_leaves_cases_out(tmp_path: Path, skip: str) -> None:
    result = run_script(SCRIPT, "--tiny", "--skip", skip)
    assert result.returncode == 0, result.stderr
    kept = {label.split()[0] for label in _rows(result.stdout)} - {"article", "library", "generate"}
    assert kept == {"parse", "app", "index", "shapes"} - set(skip.split(","))


def test_unknown_case_is_refused() -> None:
    result = run_script(SCRIPT, "--tiny", "--skip", "render", timeout=60)
    assert result.returncode == 2 and "unknown case in --skip: render" in result.stderr


@pytest.mark.parametrize(("count", "size"), [(3, 5_000), (12, 20_000)])
def test_library_files_have_the_size_asked_and_index(tmp_path: Path, count: int, size: int) -> None:
    total = write_library(tmp_path / "lib", count, size)
    files, skipped = find_articles([tmp_path / "lib"])
    assert len(files) == count and not skipped
    assert total == sum(f.stat().st_size for f in files)
    assert all(size <= f.stat().st_size < 2 * size for f in files)
    with LibraryIndex(tmp_path / "i.sqlite3") as index:
        results = list(index.update(files, roots=[tmp_path / "lib"]))
    assert all(entry is not None and entry.word_count > 100 for _, entry, _ in results)
    assert len({entry.title for _, entry, _ in results if entry is not None}) == count
