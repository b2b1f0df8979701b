"""Reading state: marks, bookmarks and positions survive reopening, kills and a second process."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tui.library.state import ReadingState, peek_last_opened


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "state.sqlite3"


@pytest.fixture
def state(db: Path) -> Iterator[ReadingState]:
    st = ReadingState(db)
    yield st
    st.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_default_location_is_the_data_dir(tmp_path: Path) -> None:
    with ReadingState() as st:
        assert st.db_path == tmp_path / "data" / "newsread" / "state.sqlite3"
        st.set_last_opened(tmp_path / "a.txt")
        assert st.db_path.exists() and st.recovered_from is None


def test_a_missing_file_is_created_by_the_first_write_only(tmp_path: Path) -> None:
    db = tmp_path / "new" / "state.sqlite3"
    with ReadingState(db) as st:
        a = tmp_path / "a.txt"
        assert st.read_paths() == frozenset() and st.bookmarks() == []
        assert not st.is_read(a) and not st.is_bookmarked(a)
        assert st.position(a) is None and st.last_opened() is None
        assert not db.parent.exists()  # reading an empty state creates nothing
        st.set_position(a, 3, 1)
        assert db.exists() and st.position(a) == (3, 1)
    with ReadingState(db) as again:
        assert again.position(a) == (3, 1)


def test_a_file_made_by_another_process_is_read(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    a = tmp_path / "a.txt"
    with ReadingState(db) as first:
        assert first.last_opened() is None
        with ReadingState(db) as other:
            other.set_last_opened(a)
        assert first.last_opened() == os.path.abspath(a)


def test_read_marks(state: ReadingState, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    assert not state.is_read(a) and state.read_paths() == frozenset()
    state.set_read(a, True)
    state.set_read(a, True)  # idempotent
    state.set_read(b, True)
    assert state.is_read(a) and state.read_paths() == {str(a), str(b)}
    state.set_read(a, False)
    assert not state.is_read(a) and state.read_paths() == {str(b)}
    state.set_read(a, False)  # unmarking an unread article is harmless
    assert state.read_paths() == {str(b)}


def test_relative_and_absolute_paths_share_marks(
    state: ReadingState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    state.set_read("articles/a.txt", True)
    assert state.is_read(tmp_path / "articles" / "a.txt")
    assert state.read_paths() == {str(tmp_path / "articles" / "a.txt")}


def test_bookmarks_most_recent_first(state: ReadingState) -> None:
    assert state.toggle_bookmark("/n/one.txt") is True
    assert state.toggle_bookmark("/n/two.txt") is True
    assert state.toggle_bookmark("/n/three.txt") is True
    assert state.bookmarks() == ["/n/three.txt", "/n/two.txt", "/n/one.txt"]
    assert state.toggle_bookmark("/n/two.txt") is False
    assert not state.is_bookmarked("/n/two.txt")
    assert state.bookmarks() == ["/n/three.txt", "/n/one.txt"]
    assert state.toggle_bookmark("/n/two.txt") is True  # re-adding makes it the newest
    assert state.bookmarks() == ["/n/two.txt", "/n/three.txt", "/n/one.txt"]


@pytest.mark.parametrize(("paragraph", "offset"), [(0, 0), (12, 3), (4000, 99)])
def test_positions(state: ReadingState, paragraph: int, offset: int) -> None:
    assert state.position("/n/a.txt") is None
    state.set_position("/n/a.txt", 1, 1)
    state.set_position("/n/a.txt", paragraph, offset)  # the latest wins
    assert state.position("/n/a.txt") == (paragraph, offset)
    assert state.position("/n/b.txt") is None


def test_last_opened(state: ReadingState) -> None:
    assert state.last_opened() is None
    state.set_last_opened("/n/a.txt")
    state.set_last_opened("/n/b.txt")
    assert state.last_opened() == "/n/b.txt"


NOT_UTF8 = ["/n/caf\udce9.txt", "/n/\udcff\udcfe/x.md", "/n/plain-twin-caf\u00e9.txt"]
"""Paths whose names are not UTF-8 (surrogate escapes, as os.fsdecode gives them), and a
UTF-8 neighbour that must stay a different key."""


def test_paths_that_are_not_utf8_round_trip(db: Path) -> None:
    """Marks, bookmarks, positions and the last article keep the real path, across reopening."""
    with ReadingState(db) as state:
        for n, path in enumerate(NOT_UTF8):
            state.set_read(path, True)
            assert state.toggle_bookmark(path) is True
            state.set_position(path, n, n + 1)
        state.set_last_opened(NOT_UTF8[0])
    with ReadingState(db) as state:
        assert state.read_paths() == frozenset(NOT_UTF8)
        assert state.bookmarks() == NOT_UTF8[::-1]
        assert all(state.is_read(p) and state.is_bookmarked(p) for p in NOT_UTF8)
        assert [state.position(p) for p in NOT_UTF8] == [(0, 1), (1, 2), (2, 3)]
        assert state.last_opened() == NOT_UTF8[0]
        assert state.toggle_bookmark(NOT_UTF8[0]) is False
        state.set_read(NOT_UTF8[1], False)
        assert state.read_paths() == {NOT_UTF8[0], NOT_UTF8[2]}
    assert peek_last_opened(db) == NOT_UTF8[0]


def test_everything_survives_reopening(db: Path) -> None:
    with ReadingState(db) as st:
        st.set_read("/n/a.txt", True)
        st.toggle_bookmark("/n/b.txt")
        st.toggle_bookmark("/n/c.txt")
        st.set_position("/n/a.txt", 7, 2)
        st.set_last_opened("/n/a.txt")
    with ReadingState(db) as st:
        assert st.recovered_from is None
        assert st.read_paths() == {"/n/a.txt"}
        assert st.bookmarks() == ["/n/c.txt", "/n/b.txt"]
        assert st.position("/n/a.txt") == (7, 2)
        assert st.last_opened() == "/n/a.txt"


def _corrupt_pages(path: Path) -> None:
    """Overwrite the middle of the file (past the header page) with junk."""
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * 4096
    for offset in range(4096 + 100, len(data) - 100, 2048):
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["garbage", "pages", "future-version"])
def test_corrupt_file_is_moved_aside_and_replaced(db: Path, damage: str) -> None:
    with ReadingState(db) as st:
        for i in range(400):
            st.set_read(f"/n/{i:04}-a-longish-article-name-to-fill-pages.txt", True)
    if damage == "garbage":
        db.write_bytes(b"this was never a database " * 200)
    elif damage == "pages":
        _corrupt_pages(db)
    else:
        conn = sqlite3.connect(db)
        with conn:
            conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        conn.close()
    before = db.read_bytes()
    with ReadingState(db) as st:
        backup = st.recovered_from
        assert backup is not None
        assert backup.parent == db.parent
        assert backup.name.startswith("state.sqlite3.corrupt-")
        assert backup.read_bytes() == before  # kept byte for byte, never discarded
        assert st.read_paths() == frozenset()  # a fresh, working file
        st.set_read("/n/new.txt", True)
    with ReadingState(db) as st:
        assert st.recovered_from is None and st.read_paths() == {"/n/new.txt"}
    assert _integrity(db) == "ok"


def test_two_recoveries_keep_two_backups(db: Path) -> None:
    backups = set()
    for _ in range(2):
        db.parent.mkdir(parents=True, exist_ok=True)
        db.write_bytes(b"not sqlite " * 100)
        for sidecar in ("-wal", "-shm"):
            Path(f"{db}{sidecar}").unlink(missing_ok=True)
        with ReadingState(db) as st:
            assert st.recovered_from is not None
            backups.add(st.recovered_from)
    assert len(backups) == 2 and all(b.exists() for b in backups)


_WRITER = """
import sys
from tui.library.state import ReadingState
st = ReadingState(__import__("pathlib").Path(sys.argv[1]))
tag, start, stop = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for i in range(start, stop):
    st.set_position(f"/n/{tag}.txt", i, i % 7)
    st.set_read(f"/n/{tag}-{i}.txt", True)
    st.toggle_bookmark(f"/n/{tag}-bm-{i}.txt")
    st.set_last_opened(f"/n/{tag}-{i}.txt")
    print(i, flush=True)
"""


def _writer(db: Path, tag: str, start: int, stop: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db), tag, str(start), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_leaves_the_last_committed_values(db: Path) -> None:
    rng = random.Random(20251014)
    ReadingState(db).close()
    for run in range(20):
        base = run * 1_000_000
        proc = _writer(db, "k", base, base + 1_000_000)
        if run % 2 == 0:  # half the kills land after writing began, half may hit start-up
            assert proc.stdout is not None
            proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        printed = [int(line) for line in out.split()]
        assert _integrity(db) == "ok"
        with ReadingState(db) as st:
            assert st.recovered_from is None
            if printed:
                last = printed[-1]
                # The loop may have committed the next position before it could print.
                position = st.position("/n/k.txt")
                assert position is not None and position[0] in (last, last + 1)
                assert position[1] == position[0] % 7
                assert st.is_read(f"/n/k-{last}.txt")
                assert f"/n/k-bm-{last}.txt" in st.bookmarks()
                opened = st.last_opened()
                assert opened in (f"/n/k-{last}.txt", f"/n/k-{last + 1}.txt")


def test_two_processes_writing_at_once_do_not_corrupt(db: Path) -> None:
    ReadingState(db).close()
    procs = [_writer(db, tag, 0, 400) for tag in ("p", "q")]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.split()[-1] == "399"
    assert _integrity(db) == "ok"
    with ReadingState(db) as st:
        for tag in ("p", "q"):
            assert st.position(f"/n/{tag}.txt") == (399, 399 % 7)
            assert {f"/n/{tag}-{i}.txt" for i in range(400)} <= st.read_paths()
        assert len(st.read_paths()) == 800
        assert len(st.bookmarks()) == 800
        assert st.last_opened() in ("/n/p-399.txt", "/n/q-399.txt")
