"""One SQLite file kept usable through faults, for :class:`tui.web.store.WebStore`.

The same choices as the reading state (:mod:`tui.library.state`):

- WAL, ``synchronous=NORMAL`` and a 10 s busy timeout, so a killed process leaves the last
  committed transaction and two newsread processes wait for each other.
- A file SQLite calls damaged or not a database (``SQLITE_CORRUPT``/``SQLITE_NOTADB``), at open
  or later, or one of another schema version, is renamed to ``<name>.corrupt-<timestamp>``
  (with its ``-wal``), never deleted, and a fresh file is made; ``recovered_from`` names it.
- Any other fault — a full disk, a read-only file or folder, a lock held too long — never
  moves the file and never raises: the work goes on in an in-memory copy of the file (or an
  empty database when it cannot be read), so the session keeps what it fetches but does not
  save it; ``problem`` says why and ``report`` hears of it once.

What a fault means (damaged, busy, full, read-only) is read by :mod:`tui.dbfaults`, shared with
the library's databases.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from tui.dbfaults import describe, is_busy, is_corrupt

__all__ = ["Database", "describe", "is_corrupt", "transaction"]

_T = TypeVar("_T")
_Fault = (sqlite3.Error, OSError)


class _Unusable(Exception):
    """The file is damaged or of another schema version."""


class Database:
    """A lazily opened connection, shared by all threads under one lock.

    Args:
        path: The SQLite file (its folder is created).
        schema: ``CREATE … IF NOT EXISTS`` statements separated by ``;``, with a ``meta`` table.
        version: The schema version stored in ``meta``.
        report: Told once, in a few words, of the first fault.
    """

    def __init__(
        self,
        path: Path,
        schema: str,
        version: int,
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        """The file."""
        self.recovered_from: Path | None = None
        """Where a damaged file was moved (None when all was well)."""
        self.problem: str | None = None
        """Why nothing is being saved (None while the file is in use)."""
        self._schema = [s for s in schema.split(";") if s.strip()]
        self._version = str(version)
        self._report = report
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._memory = False

    def run(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``work`` on the connection under the lock, handling faults as the module says.

        ``work`` must leave no transaction open when it raises (:func:`transaction` helps).
        """
        with self._lock:
            try:
                return work(self._connection())
            except _Fault as exc:
                if self._memory:
                    raise
                if is_corrupt(exc):
                    try:  # setting the file aside can fail too (a read-only folder)
                        self._close()
                        self._set_aside()
                        return work(self._connection())
                    except _Fault as again:
                        exc = again
                self._to_memory(exc)
                return work(self._connection())

    def close(self) -> None:
        """Close the connection (it is opened again if used again)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                self._conn = self._open()
            except _Unusable:
                self._set_aside()
                self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            for attempt in range(200):  # two processes switching a new file to WAL: wait
                try:
                    conn.execute("PRAGMA journal_mode = WAL")
                    break
                except sqlite3.OperationalError as exc:
                    if not is_busy(exc) or attempt == 199:
                        raise
                    time.sleep(0.05)
            conn.execute("PRAGMA synchronous = NORMAL")
            self._create(conn)
        except sqlite3.Error as exc:
            conn.close()
            if is_corrupt(exc):
                raise _Unusable(str(exc)) from exc
            raise
        except _Unusable:
            conn.close()
            raise
        return conn

    def _create(self, conn: sqlite3.Connection) -> None:
        with transaction(conn):
            for statement in self._schema:
                conn.execute(statement)
            found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if found is None:
                conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (self._version,))
        if found is not None and found[0] != self._version:
            raise _Unusable(f"schema version {found[0]}")

    def _set_aside(self) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while backup.exists():
            n += 1
            backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        os.replace(self.path, backup)
        wal = Path(f"{self.path}-wal")
        if wal.exists():  # replayed into a new file otherwise
            os.replace(wal, Path(f"{backup}-wal"))
        Path(f"{self.path}-shm").unlink(missing_ok=True)
        self.recovered_from = backup
        self._tell(f"it was damaged; it was set aside as {backup.name} and a new one made")

    def _to_memory(self, exc: BaseException) -> None:
        """Go on in memory, from a copy of the file when it can still be read."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        source = self._conn
        if source is not None and source.in_transaction:
            # A backup from a connection with a write transaction open never returns.
            with contextlib.suppress(sqlite3.Error):
                source.execute("ROLLBACK")
        try:
            if source is None and self.path.is_file():
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                source = sqlite3.connect(uri, uri=True, timeout=2.0)
            if source is not None:
                source.backup(memory)
        except (*_Fault, ValueError):
            memory.close()
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        finally:
            if source is not None and source is not self._conn:
                source.close()
        try:
            self._create(memory)
        except _Unusable:  # the copy was of another schema version: start empty
            memory.close()
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._create(memory)
        self._close()
        self._conn = memory
        self._memory = True
        self.problem = describe(exc)
        self._tell(f"{self.problem}; what is fetched now is kept until newsread quits")

    def _tell(self, words: str) -> None:
        if self._report is not None:
            self._report(words)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back when the block raises.

    IMMEDIATE takes the write lock at once, so a read-then-write never races another process.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    finally:
        # The block raised, or COMMIT itself failed (a full disk): never leave it open.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
