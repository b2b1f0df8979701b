"""Faults that are not corruption never cost the reading state (#16.5, #16.8).

A full disk, a read-only file or a state path that is a folder: the file is never moved aside,
nothing raises, the fault is reported once, changes wait in memory and are written by a later
write (or on close) once the fault is gone. Only a file SQLite calls corrupt is set aside.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

import tui.library.state
from tui.dbfaults import describe, is_busy, is_corrupt
from tui.library.state import ReadingState, peek_theme

FULL = "database or disk is full"


class _Disk:
    """A switch: while ``full``, every write SQLite is asked for fails as on a full disk."""

    full = False
    writes = ("INSERT", "DELETE", "CREATE", "BEGIN IMMEDIATE", "UPDATE", "COMMIT")


class _FullDiskConnection(sqlite3.Connection):
    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if _Disk.full and sql.lstrip().upper().startswith(_Disk.writes):
            raise sqlite3.OperationalError(FULL)
        return super().execute(sql, *args)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> type[_Disk]:
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", _FullDiskConnection)
        return real(*args, **kwargs)

    monkeypatch.setattr(tui.library.state.sqlite3, "connect", connect)
    monkeypatch.setattr(tui.library.state, "RETRY_SECONDS", 0.0)
    _Disk.full = False
    return _Disk


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    db = tmp_path / "state.sqlite3"
    with ReadingState(db) as state:
        state.set_read("/n/a.txt")
        state.toggle_bookmark("/n/a.txt")
        state.set_position("/n/a.txt", 3, 1)
    return db


def test_a_full_disk_at_start_keeps_the_file_and_reads_it(healthy: Path, disk: type[_Disk]) -> None:
    disk.full = True
    heard: list[str] = []
    state = ReadingState(healthy, report=heard.append)
    assert state.recovered_from is None
    assert not list(healthy.parent.glob("*.corrupt-*"))
    assert state.is_read("/n/a.txt") and state.bookmarks() == ["/n/a.txt"]
    assert state.position("/n/a.txt") == (3, 1)
    state.set_read("/n/b.txt")  # kept in memory, never raises
    assert state.toggle_bookmark("/n/b.txt") is True
    assert state.bookmarks() == ["/n/b.txt", "/n/a.txt"]
    assert heard == ["the disk is full"] and state.problem == "the disk is full"
    disk.full = False
    state.set_position("/n/b.txt", 1, 0)  # the next write takes the waiting ones along
    assert state.problem is None
    state.close()
    with ReadingState(healthy) as again:
        assert again.read_paths() == {"/n/a.txt", "/n/b.txt"}
        assert again.bookmarks() == ["/n/b.txt", "/n/a.txt"]
        assert again.position("/n/b.txt") == (1, 0)
    assert heard == ["the disk is full"]  # said once


def test_a_full_disk_mid_session_is_retried_on_close(healthy: Path, disk: type[_Disk]) -> None:
    heard: list[str] = []
    state = ReadingState(healthy, report=heard.append)
    disk.full = True
    state.set_read("/n/c.txt")
    state.set_read("/n/d.txt")
    assert state.toggle_bookmark("/n/a.txt") is False  # removal waits too
    assert state.bookmarks() == []
    assert heard == ["the disk is full"]
    disk.full = False
    state.close()
    with ReadingState(healthy) as again:
        assert again.read_paths() == {"/n/a.txt", "/n/c.txt", "/n/d.txt"}
        assert again.bookmarks() == []
    assert not list(healthy.parent.glob("*.corrupt-*"))


def test_a_theme_picked_on_a_full_disk_waits_and_is_written_whole(
    healthy: Path, disk: type[_Disk]
) -> None:
    """The theme goes through the same queue as every other change: never raises, never half."""
    heard: list[str] = []
    state = ReadingState(healthy, report=heard.append)
    state.set_theme("newsread-light", "newsread-dark")
    disk.full = True
    state.set_theme("newsread-sepia", "newsread-dark")  # kept in memory
    assert heard == ["the disk is full"]
    assert peek_theme(healthy) == ("newsread-light", "newsread-dark")
    disk.full = False
    state.close()
    assert peek_theme(healthy) == ("newsread-sepia", "newsread-dark")


@pytest.mark.parametrize("kind", ["folder", "file in place of the folder", "garbage"])
def test_peek_theme_never_raises(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "data" / "state.sqlite3"
    if kind == "folder":
        db.mkdir(parents=True)
    elif kind == "garbage":
        db.parent.mkdir()
        db.write_bytes(b"not a database" * 100)
    else:
        db.parent.write_text("not a folder", encoding="utf-8")
    assert peek_theme(db) is None


def test_sqlite_reporting_full_for_real_is_not_corruption(healthy: Path) -> None:
    """``PRAGMA max_page_count`` makes SQLite itself answer SQLITE_FULL."""
    heard: list[str] = []
    state = ReadingState(healthy, report=heard.append)
    assert state._db is not None
    pages = state._db.execute("PRAGMA page_count").fetchone()[0]
    state._db.execute(f"PRAGMA max_page_count = {pages}")
    for n in range(300):
        state.set_read(f"/n/{'x' * 200}-{n}.txt")
    assert heard == ["the disk is full"]
    state.close()
    assert not list(healthy.parent.glob("*.corrupt-*"))
    with ReadingState(healthy) as again:
        assert again.is_read("/n/a.txt") and again.bookmarks() == ["/n/a.txt"]


def test_a_state_path_that_is_a_folder_gives_a_session_without_saving(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    db.mkdir()
    heard: list[str] = []
    with ReadingState(db, report=heard.append) as state:
        assert state.read_paths() == frozenset() and state.last_opened() is None
        state.set_read("/n/a.txt")
        state.set_last_opened("/n/a.txt")
        assert state.toggle_bookmark("/n/a.txt") is True
        assert state.is_bookmarked("/n/a.txt")
    assert len(heard) == 1 and db.is_dir() and not list(tmp_path.glob("*.corrupt-*"))


def test_a_data_folder_that_is_a_file_gives_a_session_without_saving(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    heard: list[str] = []
    with ReadingState(tmp_path / "data" / "state.sqlite3", report=heard.append) as state:
        state.set_read("/n/a.txt")
        state.set_position("/n/a.txt", 1, 1)
    assert len(heard) == 1
    assert (tmp_path / "data").read_text(encoding="utf-8") == "not a folder"


def test_a_read_only_state_file_is_read_and_never_moved(
    healthy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root (mode bits do not stop it), so the file is opened read-only by URI."""
    real = sqlite3.connect

    def read_only(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if not kwargs.get("uri"):
            database, kwargs["uri"] = f"{Path(database).resolve().as_uri()}?mode=ro", True
        return real(database, *args, **kwargs)

    monkeypatch.setattr(tui.library.state.sqlite3, "connect", read_only)
    heard: list[str] = []
    with ReadingState(healthy, report=heard.append) as state:
        assert state.is_read("/n/a.txt") and state.position("/n/a.txt") == (3, 1)
        state.set_read("/n/b.txt")
        assert state.recovered_from is None
    assert heard == ["it is read-only"]
    assert not list(healthy.parent.glob("*.corrupt-*"))


@pytest.mark.parametrize(
    ("exc", "corrupt", "busy", "words"),
    [
        (sqlite3.OperationalError(FULL), False, False, "the disk is full"),
        (sqlite3.DatabaseError("file is not a database"), True, False, "it is not a database"),
        (sqlite3.DatabaseError("database disk image is malformed"), True, False, "it is damaged"),
        (sqlite3.OperationalError("database is locked"), False, True,
         "another newsread is using it"),
        (sqlite3.OperationalError("attempt to write a readonly database"), False, False,
         "it is read-only"),
        (sqlite3.OperationalError("unable to open database file"), False, False,
         "it cannot be opened"),
        (OSError(28, "No space left on device"), False, False, "the disk is full"),
        (IsADirectoryError(21, "Is a directory"), False, False, "is a directory"),
    ],
)  # fmt: skip
def test_faults_are_told_apart(exc: Exception, corrupt: bool, busy: bool, words: str) -> None:
    assert (is_corrupt(exc), is_busy(exc), describe(exc)) == (corrupt, busy, words)
