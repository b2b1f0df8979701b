"""Telling SQLite's faults apart: a damaged file, a busy one, a full or read-only disk.

Only a file SQLite itself calls damaged (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``) may be set aside
or rebuilt. A full disk, a read-only file or folder, a path that cannot be opened or another
process holding the lock says nothing about the data: the file is left alone, the fault is
reported in words (:func:`describe`) and the work is retried later or done without the file.
Textual-free and below every package that keeps a database: shared by
:mod:`tui.library.state`, :mod:`tui.library.index` and :mod:`tui.web.sqlitefile`.
"""

from __future__ import annotations

import errno
import sqlite3
import time

__all__ = ["describe", "enable_wal", "is_busy", "is_corrupt"]

# Primary result codes (sqlite3 names them only from Python 3.11 on).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _NOTADB = 13, 14, 26

# When the code is missing (Python 3.10, or an error raised by hand), SQLite's own message
# says the same: these are its texts for each code.
_MESSAGES = (
    ("malformed", _CORRUPT),
    ("not a database", _NOTADB),
    ("disk is full", _FULL),
    ("readonly", _READONLY),
    ("read-only", _READONLY),
    ("unable to open", _CANTOPEN),
    ("locked", _BUSY),
    ("busy", _BUSY),
    ("disk i/o error", _IOERR),
    ("access permission denied", _PERM),
)

_WORDS = {
    _FULL: "the disk is full",
    _READONLY: "it is read-only",
    _CANTOPEN: "it cannot be opened",
    _BUSY: "another newsread is using it",
    _LOCKED: "another newsread is using it",
    _IOERR: "a disk error",
    _PERM: "permission denied",
    _CORRUPT: "it is damaged",
    _NOTADB: "it is not a database",
}


def _code(exc: sqlite3.Error) -> int | None:
    """The primary result code of a SQLite error, from the exception or its message."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    return next((found for words, found in _MESSAGES if words in text), None)


def is_corrupt(exc: BaseException) -> bool:
    """Whether SQLite says the file is damaged or not a database (and only then).

    Args:
        exc: Any exception.

    Returns:
        True for ``SQLITE_CORRUPT`` and ``SQLITE_NOTADB``.
    """
    return isinstance(exc, sqlite3.Error) and _code(exc) in (_CORRUPT, _NOTADB)


def is_busy(exc: BaseException) -> bool:
    """Whether another connection holds the lock (``SQLITE_BUSY``/``SQLITE_LOCKED``).

    Args:
        exc: Any exception.

    Returns:
        True when waiting and trying again may succeed.
    """
    return isinstance(exc, sqlite3.Error) and _code(exc) in (_BUSY, _LOCKED)


def describe(exc: BaseException) -> str:
    """Say in a few words why a database could not be used ("the disk is full").

    Args:
        exc: A ``sqlite3.Error`` or ``OSError`` (anything else is named by its type).

    Returns:
        Lower-case words, no file name.
    """
    if isinstance(exc, sqlite3.Error):
        code = _code(exc)
        return _WORDS.get(code, str(exc) or type(exc).__name__) if code else str(exc)
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full"
        return (exc.strerror or type(exc).__name__).lower()
    return f"{type(exc).__name__}: {exc}"


def enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying while another process does the same.

    SQLite answers "database is locked" at once, without calling the busy handler, when two
    connections change the journal mode of a new file together; so wait and try again here.

    Args:
        conn: A new connection.

    Raises:
        sqlite3.Error: Any other fault, or the lock still held after about ten seconds.
    """
    for attempt in range(200):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or attempt == 199:
                raise
            time.sleep(0.05)
