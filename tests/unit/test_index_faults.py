"""The index where it cannot be kept: never deleted, never a crash, entries still come.

Issue #16 items 7 (another newsread holds the lock) and 8 (unusable cache locations).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.library.index import LibraryIndex


@pytest.fixture
def library(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "lib"
    folder.mkdir()
    files = []
    for n in range(5):
        path = folder / f"{n}.txt"
        path.write_text(f"Title {n}\n\n{'Body words here. ' * 200}\n", encoding="utf-8")
        files.append(path)
    return files


def _entries(index: LibraryIndex, files: list[Path]) -> int:
    return sum(entry is not None for _, entry, _ in index.update(files))


@pytest.mark.parametrize("kind", ["index path is a folder", "cache folder is a file"])
def test_an_unusable_place_gives_an_index_in_memory(
    tmp_path: Path, library: list[Path], kind: str
) -> None:
    if kind == "index path is a folder":
        db = tmp_path / "cache" / "index.sqlite3"
        db.mkdir(parents=True)
    else:
        (tmp_path / "cache").write_text("a file", encoding="utf-8")
        db = tmp_path / "cache" / "index.sqlite3"
    with LibraryIndex(db) as index:
        assert index.problem is not None and not index.rebuilt
        assert index.cached(library) == {}
        assert _entries(index, library) == len(library)
        assert index.search("body", within=library)  # this session's index, in memory
    assert (tmp_path / "cache").exists()  # left as it was


def test_a_write_failing_mid_update_keeps_parsing_and_the_file(
    tmp_path: Path, library: list[Path]
) -> None:
    db = tmp_path / "index.sqlite3"
    with LibraryIndex(db) as index:
        list(index.update(library[:1]))
    with LibraryIndex(db) as index:
        pages = index._conn.execute("PRAGMA page_count").fetchone()[0]
        index._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite answers SQLITE_FULL
        assert _entries(index, library) == len(library) - 1  # the first is indexed already
        assert index.problem == "the disk is full"
        assert index.forget_missing(library) == 0
    with LibraryIndex(db) as index:
        assert not index.rebuilt and len(index.cached(library)) >= 1


def test_a_lock_held_elsewhere_is_waited_for_then_read_only(
    tmp_path: Path, library: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "index.sqlite3"
    with LibraryIndex(db) as index:
        list(index.update(library[:2]))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another newsread, mid-batch
    try:
        with LibraryIndex(db) as index:
            index._conn.execute("PRAGMA busy_timeout = 50")
            assert len(index.cached(library)) == 2  # reading is not blocked
            assert _entries(index, library) == 3
            assert index.problem == "another newsread is using it"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with LibraryIndex(db) as index:
        assert not index.rebuilt and len(index.cached(library)) == 2
