"""Reading state that outlives a session: read marks, bookmarks, positions, the last article.

Kept in ``paths.data_dir() / "state.sqlite3"``. Unlike the library index this is the user's
data, so it is guarded rather than rebuilt:

- WAL journal, ``synchronous=NORMAL`` and a busy timeout: every write is one short transaction,
  so a process killed at any moment leaves the last committed values (WAL commits survive a
  killed process; only a power cut may lose the newest), and two newsread processes on the same
  data directory wait for each other instead of failing or corrupting the file.
- A file SQLite calls damaged or not a database, one that fails ``PRAGMA integrity_check`` or
  one from an unknown schema version is moved aside to ``state.sqlite3.corrupt-<timestamp>``
  (with its ``-wal`` file), never deleted; a fresh file is created and
  :attr:`ReadingState.recovered_from` names the backup.
- Any other fault — a full disk, a read-only file or folder, a path that is a folder, another
  process holding the lock too long — never moves the file and never raises: the change is kept
  in memory and written with the next one (or on close), reads fall back to a read-only
  connection or to nothing, and :attr:`ReadingState.problem` says why. The ``report`` callback
  hears of the first fault once, so the reader can say so once and keep going.

Paths are stored absolute (``os.path.abspath``), so ``articles/a.txt`` and its absolute form
share their marks; a web address (a web article's canonical URL, see :mod:`tui.web.shelf`) is
stored as it is; methods that return paths return that absolute form. A path that is not valid
Unicode is stored as its raw bytes (:mod:`tui.library.dbpaths`). Textual-free.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tui.dbfaults import describe, enable_wal, is_corrupt
from tui.library.dbpaths import from_db, to_db
from tui.settings import paths

__all__ = [
    "RETRY_SECONDS",
    "SCHEMA_VERSION",
    "ReadingState",
    "is_url_key",
    "peek_last_opened",
    "peek_theme",
]

SCHEMA_VERSION = 1
"""The tables' version, stored in ``meta``."""

RETRY_SECONDS = 5.0
"""After a failed write, changes wait this long for the next try (a write or close retries)."""

_Fault = (sqlite3.Error, OSError)

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


_URL_KEY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url_key(key: str) -> bool:
    """Whether a key is a web address (``https://…``) rather than a file path."""
    return _URL_KEY.match(key) is not None


def _key(path: Path | str) -> str | bytes:
    # A web article is keyed by its URL: abspath would make "https://a" "/cwd/https:/a".
    if isinstance(path, str) and is_url_key(path):
        return path
    # A path that is not valid Unicode is stored as its bytes (see tui.library.dbpaths).
    return to_db(os.path.abspath(os.fspath(path)))


def peek_last_opened(db_path: Path | None = None) -> str | None:
    """The article opened most recently, read without changing anything (or None).

    For the start-up helper (:mod:`tui.library.prefetch`): a read-only look that never creates,
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
    return from_db(row[0]) if row and isinstance(row[0], (str, bytes)) else None


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
    # Read before the first frame, so no fault of the state file (a folder in its place, a
    # folder that cannot be read, a damaged file) may stop the start: the theme is a nicety.
    try:
        if not path.is_file():
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            rows = dict(
                conn.execute("SELECT key, value FROM meta WHERE key IN ('theme', 'theme_over')")
            )
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError, RuntimeError):
        return None
    theme, over = rows.get("theme"), rows.get("theme_over")
    return (theme, over) if isinstance(theme, str) and isinstance(over, str) else None


class ReadingState:
    """The persistent reading state.

    Args:
        db_path: The SQLite file; ``paths.data_dir() / "state.sqlite3"`` by default.
        report: Called once, with a few words ("the disk is full"), the first time the state
            cannot be opened or saved.
    """

    def __init__(
        self, db_path: Path | None = None, *, report: Callable[[str], None] | None = None
    ) -> None:
        self.db_path = db_path if db_path is not None else paths.data_dir() / "state.sqlite3"
        """Where the state lives."""
        self.recovered_from: Path | None = None
        """The backup a corrupt state file was moved to at start-up (None when all was well)."""
        self.problem: str | None = None
        """Why changes are not being saved now (None when all is well)."""
        self._report = report
        self._reported = False
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._ro: sqlite3.Connection | None = None  # reads while the file cannot be written
        # Changes not written yet, newest per (kind, path) only, and the bookmarks among them.
        self._due: dict[tuple[str, str | bytes], tuple[str, tuple[object, ...]]] = {}
        self._marks_due: dict[str | bytes, bool] = {}
        self._retry_at = 0.0
        # A file that exists is opened (and checked) now. A missing one holds nothing to read:
        # it is created by the first write, so a first start does not create, switch to WAL
        # and fill a new database (a few milliseconds of disk syncs) before its first frame.
        if self.db_path.exists():
            self._try_connect()

    # -- opening -------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        """Open the file (creating it, or moving a damaged one aside first); keep the connection."""
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except _Unusable:
            self.recovered_from = self._move_aside()
            self._db = self._open()
        if self._ro is not None:
            self._ro.close()
            self._ro = None
        return self._db

    def _try_connect(self) -> sqlite3.Connection | None:
        """:meth:`_connect`, or None after noting the fault (and opening the file read-only)."""
        try:
            return self._connect()
        except _Fault as exc:
            self._fault(exc)
            if self._ro is None:
                self._ro = self._open_read_only()
            return None

    def _fault(self, exc: BaseException) -> None:
        """Note why the state cannot be saved; tell the reader the first time."""
        self.problem = describe(exc)
        self._retry_at = time.monotonic() + RETRY_SECONDS
        if self._report is not None and not self._reported:
            self._reported = True
            self._report(self.problem)

    def _reader(self) -> sqlite3.Connection | None:
        """The connection for reading; None while there is no file (nothing is stored yet)."""
        if self._db is None and self._may_retry() and self.db_path.exists():
            self._try_connect()  # another process may have made it, or the fault may be gone
        return self._db if self._db is not None else self._ro

    def _may_retry(self) -> bool:
        return self.problem is None or time.monotonic() >= self._retry_at

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.db_path, isolation_level=None, check_same_thread=False, timeout=10.0
        )
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            enable_wal(conn)
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
        except sqlite3.Error as exc:
            conn.close()
            # Only a file SQLite calls damaged is set aside: a full disk, a read-only file or
            # a lock held elsewhere say nothing about the data in it.
            if is_corrupt(exc):
                raise _Unusable(str(exc)) from exc
            raise
        except _Unusable:
            conn.close()
            raise
        return conn

    def _open_read_only(self) -> sqlite3.Connection | None:
        """A read-only connection, so marks still show when the file cannot be written."""
        try:
            uri = f"{self.db_path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=2.0)
        except (*_Fault, ValueError):
            return None
        try:
            conn.execute("SELECT count(*) FROM meta").fetchone()
        except sqlite3.Error:
            conn.close()
            return None
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
        """Write what is still due (a last try), then close the database."""
        with self._lock:
            if self._due:
                self._flush(force=True)
            for conn in (self._db, self._ro):
                if conn is not None:
                    conn.close()
            self._db = self._ro = None

    def __enter__(self) -> ReadingState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def _write(self, due: tuple[str, str | bytes], sql: str, params: tuple[object, ...]) -> None:
        """Queue one change (replacing an older one to the same thing) and write the queue."""
        with self._lock:
            self._due[due] = (sql, params)
            self._flush()

    def _flush(self, force: bool = False) -> bool:
        """Write every change due in one transaction; keep them all if that fails.

        Args:
            force: Try now even if the last failure was less than :data:`RETRY_SECONDS` ago.

        Returns:
            True when nothing is due any more.
        """
        if not self._due:
            return True
        if not force and not self._may_retry():
            return False
        conn = self._db if self._db is not None else self._try_connect()
        if conn is None:
            return False
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for sql, params in self._due.values():
                    conn.execute(sql, params)
                conn.execute("COMMIT")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
        except _Fault as exc:
            self._fault(exc)
            return False
        self._due.clear()
        self._marks_due.clear()
        self.problem = None
        return True

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of a read, or none when the file cannot be read (the fault is noted)."""
        conn = self._reader()
        if conn is None:
            return []
        try:
            return conn.execute(sql, params).fetchall()
        except _Fault as exc:
            self._fault(exc)
            return []

    # -- read marks ----------------------------------------------------------------------------

    def is_read(self, path: Path | str) -> bool:
        """Whether the article is marked read."""
        with self._lock:
            return bool(self._query("SELECT 1 FROM read WHERE path = ?", (_key(path),)))

    def set_read(self, path: Path | str, read: bool = True) -> None:
        """Mark the article read or unread."""
        key = _key(path)
        if read:
            sql = "INSERT INTO read VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET at = excluded.at"
            self._write(("read", key), sql, (key, time.time()))
        else:
            self._write(("read", key), "DELETE FROM read WHERE path = ?", (key,))

    def read_paths(self) -> frozenset[str]:
        """Every article marked read (absolute paths)."""
        with self._lock:
            rows = self._query("SELECT path FROM read")
            return frozenset(from_db(row[0]) for row in rows)  # type: ignore[arg-type]

    # -- bookmarks -----------------------------------------------------------------------------

    def toggle_bookmark(self, path: Path | str) -> bool:
        """Add the article to the bookmarks, or remove it if it is there.

        Returns:
            True when the article is bookmarked afterwards (also while the change waits to be
            written, when the file cannot be written now).
        """
        key = _key(path)
        with self._lock:
            if self._flush() and self._db is not None:
                try:
                    return self._toggle(self._db, key)
                except _Fault as exc:
                    self._fault(exc)
            # Not writable now: decide from what is known, and keep the change for later.
            marked = not self._bookmarked(key)
            if marked:
                sql = "INSERT INTO bookmarks (path, at) VALUES (?, ?) ON CONFLICT(path) DO NOTHING"
                self._due[("bookmark", key)] = (sql, (key, time.time()))
            else:
                self._due[("bookmark", key)] = ("DELETE FROM bookmarks WHERE path = ?", (key,))
            self._marks_due.pop(key, None)  # re-inserted: the newest change comes last
            self._marks_due[key] = marked
            return marked

    @staticmethod
    def _toggle(conn: sqlite3.Connection, key: str | bytes) -> bool:
        conn.execute("BEGIN IMMEDIATE")  # read-then-write must not race another process
        try:
            gone = conn.execute("DELETE FROM bookmarks WHERE path = ?", (key,)).rowcount
            if not gone:
                conn.execute("INSERT INTO bookmarks (path, at) VALUES (?, ?)", (key, time.time()))
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        return not gone

    def _bookmarked(self, key: str | bytes) -> bool:
        if key in self._marks_due:
            return self._marks_due[key]
        return bool(self._query("SELECT 1 FROM bookmarks WHERE path = ?", (key,)))

    def is_bookmarked(self, path: Path | str) -> bool:
        """Whether the article is bookmarked."""
        with self._lock:
            return self._bookmarked(_key(path))

    def bookmarks(self) -> list[str]:
        """Bookmarked articles, most recently added first (absolute paths)."""
        with self._lock:
            rows = self._query("SELECT path FROM bookmarks ORDER BY id DESC")
            stored = [from_db(row[0]) for row in rows]  # type: ignore[arg-type]
            if not self._marks_due:
                return stored
            due = self._marks_due
            added = [from_db(key) for key, marked in reversed(due.items()) if marked]
            return added + [path for path in stored if to_db(path) not in due]

    # -- positions -----------------------------------------------------------------------------

    def position(self, path: Path | str) -> tuple[int, int] | None:
        """Where reading stopped: ``(paragraph index, line offset)``, or None if never saved."""
        with self._lock:
            sql = "SELECT paragraph, line_offset FROM positions WHERE path = ?"
            rows = self._query(sql, (_key(path),))
        return (int(rows[0][0]), int(rows[0][1])) if rows else None  # type: ignore[call-overload]

    def set_position(self, path: Path | str, paragraph: int, offset: int) -> None:
        """Remember the reading position (index into ``Article.paragraphs``, line offset)."""
        key = _key(path)
        self._write(
            ("position", key),
            "INSERT INTO positions VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
            "paragraph = excluded.paragraph, line_offset = excluded.line_offset, at = excluded.at",
            (key, int(paragraph), int(offset), time.time()),
        )

    # -- last opened ---------------------------------------------------------------------------

    def last_opened(self) -> str | None:
        """The article opened most recently (absolute path), if any."""
        with self._lock:
            rows = self._query("SELECT value FROM meta WHERE key = 'last_opened'")
        return from_db(rows[0][0]) if rows else None  # type: ignore[arg-type]

    def set_last_opened(self, path: Path | str) -> None:
        """Remember the article being read now."""
        self._write(
            ("meta", "last_opened"),
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
        # One statement, so the pair is written (or kept for a later try) together.
        self._write(
            ("meta", "theme"),
            "INSERT INTO meta VALUES ('theme', ?), ('theme_over', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (theme, configured),
        )
