"""Unusable data and cache locations, a full disk, a second copy of newsread (#16.5, #16.7, #16.8).

The reader runs with what works and says what does not once: no index means every article is
parsed from its file (the sidebar still fills and "Indexing…" goes away), no writable state
means a session whose marks are not saved; the state file is never set aside for such faults.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

import tui.library.index
import tui.library.state
from tests.app.test_app import ready, write_articles
from tui.app import NewsreadApp
from tui.library.index import LibraryIndex
from tui.library.state import ReadingState
from tui.settings import paths

TITLES = ("Alpha", "Bravo", "Charlie")


def _titles(app: NewsreadApp) -> list[str]:
    return [str(n.title) for n in app._notifications]


async def _run(folder: Path, *keys: str) -> tuple[list[str], int, str]:
    """Start on ``folder``, press ``keys``; return notification titles, sidebar count, status."""
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        for key in keys:
            await pilot.press(key)
        await ready(app)
        return _titles(app), screen.sidebar.article_count, screen.status.progress


@pytest.mark.parametrize("where", ["data", "cache"])
async def test_a_location_that_is_a_file_runs_with_what_works(tmp_path: Path, where: str) -> None:
    folder = write_articles(tmp_path / "news", TITLES)
    blocked = paths.data_dir() if where == "data" else paths.cache_dir()
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    titles, count, progress = await _run(folder, "m", "B", "J", "m")
    assert count == len(TITLES) and progress == ""
    told = "Reading state" if where == "data" else "Library index"
    assert titles.count(told) == 1
    assert blocked.read_text(encoding="utf-8") == "a file where a folder should be"


async def test_paths_that_are_folders_run_with_what_works(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", TITLES)
    (paths.data_dir() / "state.sqlite3").mkdir(parents=True)
    (paths.cache_dir() / "index.sqlite3").mkdir(parents=True)
    titles, count, progress = await _run(folder, "m", "B")
    assert count == len(TITLES) and progress == ""
    assert titles.count("Reading state") == 1 and titles.count("Library index") == 1


class _FullDisk(sqlite3.Connection):
    """Every write fails as on a full disk (reads work)."""

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith(("INSERT", "DELETE", "BEGIN IMMEDIATE", "COMMIT")):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


async def test_a_full_disk_keeps_the_reading_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_articles(tmp_path / "news", TITLES)
    with ReadingState() as state:
        state.set_read(folder / "02-bravo.txt")
        state.toggle_bookmark(folder / "02-bravo.txt")
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", _FullDisk)
        return real(*args, **kwargs)

    monkeypatch.setattr(tui.library.state.sqlite3, "connect", connect)
    titles, count, _ = await _run(folder, "m", "B", "J")
    assert titles.count("Reading state") == 1 and count == len(TITLES)
    # (undo would drop the XDG dirs)
    monkeypatch.setattr(tui.library.state.sqlite3, "connect", real)
    db = paths.data_dir() / "state.sqlite3"
    assert not list(db.parent.glob("*.corrupt-*"))
    with ReadingState() as state:  # the next start still has everything
        assert state.is_read(folder / "02-bravo.txt")
        assert state.bookmarks() == [os.path.abspath(folder / "02-bravo.txt")]


async def test_a_second_copy_while_the_first_indexes_still_fills_the_sidebar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds the index's write lock: this one reads without writing."""
    folder = write_articles(tmp_path / "news", TITLES)
    LibraryIndex().close()  # the file exists, as the first copy made it
    holder = sqlite3.connect(paths.cache_dir() / "index.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the first copy, mid-batch
    real = sqlite3.connect

    def impatient(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **kwargs)
        if threading.current_thread() is not threading.main_thread():
            conn.execute("PRAGMA busy_timeout = 50")  # not five seconds per try in a test
        return conn

    monkeypatch.setattr(tui.library.index.sqlite3, "connect", impatient)
    monkeypatch.setattr(LibraryIndex, "_connect", _quick_connect)
    try:
        titles, count, progress = await _run(folder)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert count == len(TITLES) and progress == ""
    assert titles.count("Library index") == 1


def _quick_connect(self: LibraryIndex) -> sqlite3.Connection:
    """``LibraryIndex._connect`` with a short busy timeout (the lock is never let go here)."""
    self.db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(self.db_path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 50")
    conn.execute("PRAGMA journal_mode = WAL")
    return conn
