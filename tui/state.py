"""Reading state that outlives a session: read marks, bookmarks, positions, the last article.

Kept in ``paths.data_dir() / "state.sqlite3"``. Unlike the library index this is the user's
data, so it is guarded rather than rebuilt:

- WAL journal, ``synchronous=NORMAL`` and a busy timeout: every write is one short transaction,
  so a process killed at any moment leaves the last committed values (WAL commits survive a
  killed process; only a power cut may lose the newest), and two newsread processes on the same
  data directory wait for each other instead of failing or corrupting the file.
- A file that is not a database, fails ``PRAGMA integrity_check`` or comes from an unknown schema
  version is moved aside to ``state.sqlite3.corrupt-<timestamp>`` (with its ``-wal`` file), never
  deleted; a fresh file is created and :attr:`ReadingState.recovered_from` names the backup.

Paths are stored absolute (``os.path.abspath``), so ``articles/a.txt`` and its absolute form
share their marks; methods that return paths return that absolute form. Textual-free.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from tui import paths

__all__ = ["SCHEMA_VERSION", "ReadingState", "peek_last_opened", "peek_theme"]

SCHEMA_VERSION = 1
"""The tables' version, stored in ``meta``."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS read (path TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS bookmarks (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,
    at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS positions (path TEXT PRIMARY KEY, paragraph INTEGER NOT NULL,
    line_offset INTEGER NOT NULL, at REAL NOT NULL);
"""


class _Unusable(Exception):
    """The state file cannot be used as it is (corrupt or from another version)."""


def _key(path: Path | str) -> str:
    return os.path.abspath(os.fspath(path))


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying while another process does the same.

    SQLite answers "database is locked" at once, without calling the busy handler, when two
    connections change the journal mode of a new file together; so wait and try again here.
    """
    for attempt in range(200):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or attempt == 199:
                raise
            time.sleep(0.05)


def peek_last_opened(db_path: Path | None = None) -> str | None:
    """The article opened most recently, read without changing anything (or None).

    For the start-up helper (:mod:`tui.prefetch`): a read-only look that never creates,
    checks or repairs the file, which :class:`ReadingState` does when the reader opens it.

    Args:
        db_path: The SQLite file; ``paths.data_dir() / "state.sqlite3"`` by default.

    Returns:
        The absolute path, or None when there is none or the file cannot be read.
    """
    path = db_path if db_path is not None else paths.data_dir() / "state.sqlite3"
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'last_opened'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row and isinstance(row[0], str) else None


def peek_theme(db_path: Path | None = None) -> tuple[str, str] | None:
    """The theme last picked in the app, read without changing anything (or None).

    The app chooses its theme before the reading state is opened, so it peeks, as the
    start-up helper does for the last article (:func:`peek_last_opened`).

    Args:
        db_path: The SQLite file; ``paths.data_dir() / "state.sqlite3"`` by default.

    Returns:
        ``(theme picked, the configured theme it replaced)``, or None.
    """
    path = db_path if db_path is not None else paths.data_dir() / "state.sqlite3"
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            rows = dict(
                conn.execute("SELECT key, value FROM meta WHERE key IN ('theme', 'theme_over')")
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    theme, over = rows.get("theme"), rows.get("theme_over")
    return (theme, over) if isinstance(theme, str) and isinstance(over, str) else None


class ReadingState:
    """The persistent reading state.

    Args:
        db_path: The SQLite file; ``paths.data_dir() / "state.sqlite3"`` by default.
    """

    def __init__(self, db_path: Path | None = None) -> None:
        self.db_path = db_path if db_path is not None else paths.data_dir() / "state.sqlite3"
        """Where the state lives."""
        self.recovered_from: Path | None = None
        """The backup a corrupt state file was moved to at start-up (None when all was well)."""
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        # A file that exists is opened (and checked) now. A missing one holds nothing to read:
        # it is created by the first write, so a first start does not create, switch to WAL
        # and fill a new database (a few milliseconds of disk syncs) before its first frame.
        if self.db_path.exists():
            self._connect()

    # -- opening -------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        """Open the file (creating it, or moving a damaged one aside first); keep the connection."""
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except _Unusable:
            self.recovered_from = self._move_aside()
            self._db = self._open()
        return self._db

    @property
    def _conn(self) -> sqlite3.Connection:
        """The connection for writing: opened, and the file created, on first use."""
        return self._db if self._db is not None else self._connect()

    def _reader(self) -> sqlite3.Connection | None:
        """The connection for reading; None while there is no file (nothing is stored yet)."""
        if self._db is None and self.db_path.exists():  # another process may have made it
            self._connect()
        return self._db

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.db_path, isolation_level=None, check_same_thread=False, timeout=10.0
        )
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            _enable_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            check = conn.execute("PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                raise _Unusable(str(check[:3]))
            # IMMEDIATE: a second process creating the tables at the same moment waits its turn.
            conn.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if found is None:
                conn.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
            conn.execute("COMMIT")
            if found is not None and found[0] != str(SCHEMA_VERSION):
                raise _Unusable(f"schema version {found[0]}")
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise  # another process holds it: not corruption, never move it aside
            raise _Unusable(str(exc)) from exc
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
            conn.close()
            raise _Unusable(str(exc)) from exc
        except _Unusable:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path:
        """Rename the unusable file (and its WAL) to a timestamped backup; return its path."""
        stamp = time.strftime("%Y%m%dT%H%M%S")
        backup = self.db_path.with_name(f"{self.db_path.name}.corrupt-{stamp}")
        n = 1
        while backup.exists():
            n += 1
            backup = self.db_path.with_name(f"{self.db_path.name}.corrupt-{stamp}-{n}")
        os.replace(self.db_path, backup)
        # A WAL left beside a new file would be replayed into it: keep it with the backup.
        wal = Path(f"{self.db_path}-wal")
        if wal.exists():
            os.replace(wal, Path(f"{backup}-wal"))
        Path(f"{self.db_path}-shm").unlink(missing_ok=True)
        return backup

    def close(self) -> None:
        """Close the database (every write is already committed)."""
        with self._lock:
            if self._db is not None:
                self._db.close()

    def __enter__(self) -> ReadingState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, sql: str, params: tuple[object, ...]) -> None:
        """Run one statement as its own transaction (autocommit)."""
        with self._lock:
            self._conn.execute(sql, params)

    # -- read marks ----------------------------------------------------------------------------

    def is_read(self, path: Path | str) -> bool:
        """Whether the article is marked read."""
        with self._lock:
            conn = self._reader()
            sql = "SELECT 1 FROM read WHERE path = ?"
            return conn is not None and conn.execute(sql, (_key(path),)).fetchone() is not None

    def set_read(self, path: Path | str, read: bool = True) -> None:
        """Mark the article read or unread."""
        if read:
            sql = "INSERT INTO read VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET at = excluded.at"
            self._write(sql, (_key(path), time.time()))
        else:
            self._write("DELETE FROM read WHERE path = ?", (_key(path),))

    def read_paths(self) -> frozenset[str]:
        """Every article marked read (absolute paths)."""
        with self._lock:
            conn = self._reader()
            rows = conn.execute("SELECT path FROM read") if conn is not None else ()
            return frozenset(row[0] for row in rows)

    # -- bookmarks -----------------------------------------------------------------------------

    def toggle_bookmark(self, path: Path | str) -> bool:
        """Add the article to the bookmarks, or remove it if it is there.

        Returns:
            True when the article is bookmarked afterwards.
        """
        key = _key(path)
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")  # read-then-write must not race another process
            try:
                gone = conn.execute("DELETE FROM bookmarks WHERE path = ?", (key,)).rowcount
                if not gone:
                    conn.execute(
                        "INSERT INTO bookmarks (path, at) VALUES (?, ?)", (key, time.time())
                    )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return not gone

    def is_bookmarked(self, path: Path | str) -> bool:
        """Whether the article is bookmarked."""
        with self._lock:
            conn = self._reader()
            sql = "SELECT 1 FROM bookmarks WHERE path = ?"
            return conn is not None and conn.execute(sql, (_key(path),)).fetchone() is not None

    def bookmarks(self) -> list[str]:
        """Bookmarked articles, most recently added first (absolute paths)."""
        with self._lock:
            conn = self._reader()
            if conn is None:
                return []
            rows = conn.execute("SELECT path FROM bookmarks ORDER BY id DESC")
            return [row[0] for row in rows]

    # -- positions -----------------------------------------------------------------------------

    def position(self, path: Path | str) -> tuple[int, int] | None:
        """Where reading stopped: ``(paragraph index, line offset)``, or None if never saved."""
        with self._lock:
            conn = self._reader()
            sql = "SELECT paragraph, line_offset FROM positions WHERE path = ?"
            row = conn.execute(sql, (_key(path),)).fetchone() if conn is not None else None
        return (row[0], row[1]) if row else None

    def set_position(self, path: Path | str, paragraph: int, offset: int) -> None:
        """Remember the reading position (index into ``Article.paragraphs``, line offset)."""
        self._write(
            "INSERT INTO positions VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
            "paragraph = excluded.paragraph, line_offset = excluded.line_offset, at = excluded.at",
            (_key(path), int(paragraph), int(offset), time.time()),
        )

    # -- last opened ---------------------------------------------------------------------------

    def last_opened(self) -> str | None:
        """The article opened most recently (absolute path), if any."""
        with self._lock:
            conn = self._reader()
            sql = "SELECT value FROM meta WHERE key = 'last_opened'"
            row = conn.execute(sql).fetchone() if conn is not None else None
        return row[0] if row else None

    def set_last_opened(self, path: Path | str) -> None:
        """Remember the article being read now."""
        self._write(
            "INSERT INTO meta VALUES ('last_opened', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (_key(path),),
        )

    # -- theme ---------------------------------------------------------------------------------

    def set_theme(self, theme: str, configured: str) -> None:
        """Remember the theme picked in the app (the user's config file is never written).

        Args:
            theme: The theme picked.
            configured: The config's theme at the time: a later edit of the config wins.
        """
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT INTO meta VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [("theme", theme), ("theme_over", configured)],
                )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
