"""The article index: a SQLite cache of each file's metadata and full text, with search.

Opening a library of thousands of articles should not mean parsing them all again. The index
remembers, per file, its size and modification time together with what the sidebar shows (title,
authors, headings, word counts) and the text of every title, heading and paragraph in an FTS5
table, one row per paragraph, so a search hit knows where in the article it landed.

- :meth:`LibraryIndex.cached` is the warm path: one query and a ``stat`` per file, no parsing.
- :meth:`LibraryIndex.update` parses only new or changed files and commits in batches.
- :meth:`LibraryIndex.search` never hands user text to ``MATCH`` unquoted (see
  :func:`tui.library.search.fts_query`); without FTS5 it falls back to ``LIKE``.

Stored paths are absolute (``os.path.abspath``, symlinks not resolved); entries and dictionary keys
handed back use each path as the caller gave it; a path that is not valid Unicode is stored as its
raw bytes (:mod:`tui.library.dbpaths`). The file is only a cache: one SQLite calls corrupt or one
written by another schema version is deleted and rebuilt. Any other fault (a full or read-only disk,
an index path that is a folder, a cache folder that is a file, another newsread holding the lock)
never touches the file: when it cannot be opened the index lives in memory for the session, when a
write fails the update goes on parsing without writing, and :attr:`LibraryIndex.problem` says why.
Textual-free, so it runs in worker threads; one connection is shared behind a lock.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Generator, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from tui.article.model import Article
from tui.dbfaults import describe, enable_wal, is_corrupt
from tui.library.dbpaths import from_db, to_db
from tui.library.entry import (
    ENTRY_COLUMNS,
    Entry,
    article_values,
    entry_from_row,
    folder_namer,
    load_article,
    os_reason,
    path_key,
    root_dirs,
    search_chunks,
)
from tui.library.search import (
    RANK_LIMIT,
    SearchHit,
    fts_available,
    fts_count,
    fts_search,
    like_count,
    like_search,
)
from tui.settings import paths

__all__ = ["BATCH", "RANK_LIMIT", "SCHEMA_VERSION", "Entry", "LibraryIndex", "SearchHit"]

SCHEMA_VERSION = 2
"""Bumped whenever the tables change; an index of another version is rebuilt."""

BATCH = 200
"""Files parsed between commits in :meth:`LibraryIndex.update`."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, skipped TEXT, title TEXT NOT NULL DEFAULT '',
    title_derived INTEGER NOT NULL DEFAULT 0, authors TEXT NOT NULL DEFAULT '', outlet TEXT,
    date TEXT, headings TEXT NOT NULL DEFAULT '', section_words TEXT NOT NULL DEFAULT '',
    word_count INTEGER NOT NULL DEFAULT 0, source_format TEXT NOT NULL DEFAULT 'text');
CREATE TABLE chunks (id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, para INTEGER NOT NULL,
    body TEXT NOT NULL);
CREATE INDEX chunks_file ON chunks(file_id);
"""
# External-content FTS5 over ``chunks``: the text is stored once and the LIKE fallback reads the
# same table. Prefix indexes keep "last term is a prefix" queries fast.
_FTS = (
    "CREATE VIRTUAL TABLE fts USING fts5(body, content='chunks', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
)


def _paths_decoded(rows: list[Any]) -> list[Any]:
    """Rows whose first column is a stored path, with that path as a ``str`` again."""
    return [row if type(row[0]) is str else (from_db(row[0]), *row[1:]) for row in rows]


class LibraryIndex:
    """The on-disk article index (a cache: safe to delete at any time).

    Args:
        db_path: The SQLite file; ``paths.cache_dir() / "index.sqlite3"`` by default.
        use_fts: Force full-text search on or off; None uses FTS5 when SQLite has it.
    """

    def __init__(self, db_path: Path | None = None, *, use_fts: bool | None = None) -> None:
        self.db_path = db_path if db_path is not None else paths.cache_dir() / "index.sqlite3"
        """Where the index lives."""
        self.use_fts = fts_available() if use_fts is None else use_fts
        """Whether search runs on FTS5 (else ``LIKE`` over the stored paragraphs)."""
        self.rebuilt = False
        """True when an existing index file was unreadable or outdated and was recreated."""
        self.problem: str | None = None
        """Why the index is not being saved (None when all is well): set when the file cannot
        be opened (the index then lives in memory) or a write failed (nothing more is written)."""
        self._writable = True
        self._lock = threading.RLock()
        self._scope: frozenset[str] | None = None
        self._conn = self._open()

    # -- opening -------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            self.db_path, isolation_level=None, check_same_thread=False, timeout=5.0
        )
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            enable_wal(conn)  # waits while another newsread switches a new file to WAL
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            return self._open_file()
        except (sqlite3.Error, OSError) as exc:
            # Not a damaged file (that is rebuilt): a place that cannot hold the index. Work
            # from memory this session; the file, if any, is left as it is.
            self.problem = describe(exc)
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._create(conn)
            return conn

    def _open_file(self) -> sqlite3.Connection:
        existed = self.db_path.exists()
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            if not is_corrupt(exc):
                raise
            return self._recreate(existed)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            conn.close()
            # A damaged file, or one without the table (empty, or something else entirely):
            # rebuilt. A lock, a full or read-only disk: raised, the file left alone.
            if not (is_corrupt(exc) or "no such table" in str(exc)):
                raise
            return self._recreate(existed)
        if meta == {"schema_version": str(SCHEMA_VERSION), "fts": str(int(self.use_fts))}:
            return conn
        conn.close()
        return self._recreate(existed)

    def _recreate(self, existed: bool) -> sqlite3.Connection:
        """Delete the index file (and its WAL files) and create empty tables."""
        self.rebuilt = self.rebuilt or existed
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        conn = self._connect()
        try:
            self._create(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _create(self, conn: sqlite3.Connection) -> None:
        """Create the tables in an empty database."""
        conn.executescript(_SCHEMA + (_FTS + ";" if self.use_fts else ""))
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), ("fts", str(int(self.use_fts)))],
        )

    def _rebuild(self) -> None:
        """Start over after SQLite reported the file corrupt mid-session."""
        self._conn.close()
        self._scope = None
        self._conn = self._recreate(True)

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """A transaction, unless one is already open (an :meth:`update` batch): then join it."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        if self._conn.in_transaction:
            self._conn.execute("COMMIT")

    def _fill_wanted(self, keys: Collection[str]) -> None:
        self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (path TEXT PRIMARY KEY)")
        self._conn.execute("DELETE FROM temp.wanted")
        rows = ((to_db(k),) for k in keys)
        self._conn.executemany("INSERT OR IGNORE INTO temp.wanted VALUES (?)", rows)

    def _rows(self, keys: Collection[str], columns: str) -> list[Any]:
        """Stored rows for ``keys`` (the first column must be ``f.path``).

        When the index holds little beyond the wanted files, one plain scan filtered here is
        fastest; otherwise one join through a temporary table of the wanted paths.
        """
        conn = self._conn
        stored = conn.execute("SELECT count(*) FROM files").fetchone()[0]
        if stored <= 2 * len(keys):
            wanted = keys if isinstance(keys, AbstractSet) else set(keys)
            rows = _paths_decoded(conn.execute(f"SELECT {columns} FROM files f").fetchall())
            return [row for row in rows if row[0] in wanted]
        with self._tx():
            self._fill_wanted(keys)
            sql = f"SELECT {columns} FROM files f JOIN temp.wanted w ON w.path = f.path"
            return _paths_decoded(conn.execute(sql).fetchall())

    def _guarded_rows(self, keys: Collection[str], columns: str) -> list[Any]:
        with self._lock:
            try:
                return self._rows(keys, columns)
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if is_corrupt(exc):
                    self._rebuild()
                else:  # locked too long, I/O: nothing known from the index this time
                    self.problem = describe(exc)
                return []

    @staticmethod
    def _fresh(file: Path, size: int, mtime_ns: int) -> bool:
        try:
            info = os.stat(file)
        except OSError:
            return False
        return info.st_size == size and info.st_mtime_ns == mtime_ns

    def cached(
        self, files: Sequence[Path], *, roots: Sequence[Path | str] | None = None
    ) -> dict[str, Entry]:
        """Entries for the files whose size and modification time still match; no parsing.

        Args:
            files: The library's article files.
            roots: The folders the library was opened from (for :attr:`Entry.folder`); by
                default the deepest folder holding every file.

        Returns:
            ``{str(file): entry}`` for each file with an up-to-date entry. Files that are new,
            changed, missing or recorded as skipped are absent.
        """
        given = {path_key(f): f for f in files}
        folder = folder_namer(root_dirs(list(given), roots))
        rows = self._guarded_rows(given.keys(), ENTRY_COLUMNS + ", f.skipped")
        out: dict[str, Entry] = {}
        for row in rows:
            file = given[row[0]]
            if row[12] is None and self._fresh(file, row[1], row[2]):
                out[str(file)] = entry_from_row(row, str(file), folder(row[0]))
        return out

    def skipped(self, files: Sequence[Path]) -> dict[str, str]:
        """Files recorded as unreadable, unchanged since: ``{str(file): reason}``.

        Args:
            files: The library's article files.

        Returns:
            The reason each such file was skipped (it is not parsed again until it changes).
        """
        given = {path_key(f): f for f in files}
        rows = self._guarded_rows(given.keys(), "f.path, f.size, f.mtime_ns, f.skipped")
        return {
            str(given[path]): reason
            for path, size, mtime, reason in rows
            if reason is not None and self._fresh(given[path], size, mtime)
        }

    # -- writing -------------------------------------------------------------------------------

    def _delete_file_rows(self, file_id: int) -> None:
        if self.use_fts:
            self._conn.execute(
                "INSERT INTO fts(fts, rowid, body) "
                "SELECT 'delete', id, body FROM chunks WHERE file_id = ?",
                (file_id,),
            )
        self._conn.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))

    def _store(self, key: str, info: os.stat_result, article: Article | None, why: str) -> None:
        conn = self._conn
        stored = to_db(key)
        old = conn.execute("SELECT id FROM files WHERE path = ?", (stored,)).fetchone()
        if old is not None:
            self._delete_file_rows(old[0])
        values = (stored, info.st_size, info.st_mtime_ns, why or None, *article_values(article))
        file_id = conn.execute(
            "INSERT INTO files (path, size, mtime_ns, skipped, title, title_derived, authors, "
            "outlet, date, headings, section_words, word_count, source_format) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
            "size = excluded.size, mtime_ns = excluded.mtime_ns, skipped = excluded.skipped, "
            "title = excluded.title, title_derived = excluded.title_derived, "
            "authors = excluded.authors, outlet = excluded.outlet, date = excluded.date, "
            "headings = excluded.headings, section_words = excluded.section_words, "
            "word_count = excluded.word_count, source_format = excluded.source_format "
            "RETURNING id",
            values,
        ).fetchone()[0]
        if article is not None:
            conn.executemany(
                "INSERT INTO chunks (file_id, para, body) VALUES (?, ?, ?)",
                ((file_id, para, text) for para, text in search_chunks(article)),
            )
            if self.use_fts:
                conn.execute(
                    "INSERT INTO fts(rowid, body) SELECT id, body FROM chunks WHERE file_id = ?",
                    (file_id,),
                )

    def _commit(self) -> None:
        with self._lock:
            if self._conn.in_transaction:
                try:
                    self._conn.execute("COMMIT")
                except (sqlite3.Error, OSError) as exc:
                    self._stop_writing(exc)

    def _stop_writing(self, exc: BaseException) -> None:
        """A write failed (full disk, read-only, locked too long): write nothing more this run.

        The batch not yet committed is dropped (the index is only a cache: those files are
        parsed again next time); parsing goes on, so every entry still reaches the caller.
        """
        self._writable = False
        self.problem = describe(exc)
        if self._conn.in_transaction:
            with suppress(sqlite3.Error):  # SQLite rolls back by itself after some failures
                self._conn.execute("ROLLBACK")

    def _try_store(self, key: str, info: os.stat_result, article: Article | None, why: str) -> None:
        """:meth:`_store`, or nothing once writing has failed."""
        if not self._writable:
            return
        with self._lock:
            try:
                if not self._conn.in_transaction:
                    self._conn.execute("BEGIN")
                self._store(key, info, article, why)
            except (sqlite3.Error, OSError) as exc:
                self._stop_writing(exc)

    def update(
        self,
        files: Sequence[Path],
        *,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        roots: Sequence[Path | str] | None = None,
        parsed: Mapping[str, Article] | None = None,
    ) -> Generator[tuple[Path, Entry | None, str], None, None]:
        """Parse and store the files that are new or changed since they were indexed.

        Work is committed every :data:`BATCH` files, when ``should_stop`` says so and when the
        iterator is closed early, so an interrupted run keeps what it did.

        Args:
            files: The library's article files.
            progress: Called with ``(done, total)`` after each parsed file (total counts only
                the files that need parsing).
            should_stop: Checked before each file; True ends the run early.
            roots: As for :meth:`cached`.
            parsed: Articles already parsed in full, by :func:`path_key`: stored as they are
                instead of being parsed again (the article the reader has open).

        Yields:
            ``(file, entry, "")`` for each file parsed, ``(file, None, reason)`` for one that
            could not be read or parsed. Unchanged files (good or skipped) are not yielded.
        """
        given = {path_key(f): f for f in files}
        folder = folder_namer(root_dirs(list(given), roots))
        rows = self._guarded_rows(given.keys(), "f.path, f.size, f.mtime_ns")
        known = {path: (size, mtime) for path, size, mtime in rows}
        todo: list[tuple[Path, str, os.stat_result | None]] = []
        for key, file in given.items():
            try:
                info = os.stat(file)  # before reading: a later change shows up as a new mtime
            except OSError as exc:
                todo.append((file, os_reason(exc), None))
                continue
            if known.get(key) != (info.st_size, info.st_mtime_ns):
                todo.append((file, key, info))
        total = len(todo)
        try:
            for done, (file, key, stat) in enumerate(todo, 1):
                if should_stop is not None and should_stop():
                    break
                if stat is None:  # vanished or unreadable before we got to it
                    result: tuple[Path, Entry | None, str] = (file, None, key)
                else:
                    article = parsed.get(key) if parsed is not None else None
                    if article is not None:
                        why, remember = "", False
                    else:
                        article, why, remember = load_article(file)
                    if article is not None or remember:
                        self._try_store(key, stat, article, why)
                    if done % BATCH == 0:
                        self._commit()
                    entry = None
                    if article is not None:
                        row = (key, stat.st_size, stat.st_mtime_ns, *article_values(article))
                        entry = entry_from_row(row, str(file), folder(key))
                    result = (file, entry, why)
                if progress is not None:
                    progress(done, total)
                yield result
        finally:
            self._commit()

    def forget_missing(self, files: Sequence[Path]) -> int:
        """Drop stored files that no longer exist on disk.

        Args:
            files: The library's current files (known to exist, so not checked again). Other
                stored paths — from this or any other library — are checked with ``stat``.

        Returns:
            How many files were forgotten.
        """
        present = {path_key(f) for f in files}
        with self._lock:
            try:
                return self._forget(present)
            except (sqlite3.Error, OSError) as exc:
                self._stop_writing(exc)
                return 0

    def _forget(self, present: AbstractSet[str]) -> int:
        if not self._writable:
            return 0
        with self._lock:
            stored = self._conn.execute("SELECT id, path FROM files").fetchall()
            gone = [
                fid
                for fid, value in stored
                if (path := from_db(value)) not in present and not os.path.exists(path)
            ]
            if not gone:
                return 0
            with self._tx():
                for fid in gone:
                    self._delete_file_rows(fid)
                    self._conn.execute("DELETE FROM files WHERE id = ?", (fid,))
            self._scope = None
            return len(gone)

    # -- searching -----------------------------------------------------------------------------

    def _set_scope(self, within: Collection[Path | str] | None) -> bool:
        """Fill ``temp.scope`` with the file ids to search; False when there is no scope."""
        if within is None:
            return False
        keys = frozenset(path_key(p) for p in within)
        if keys != self._scope:
            conn = self._conn
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope (id INTEGER PRIMARY KEY)")
            with self._tx():
                conn.execute("DELETE FROM temp.scope")
                self._fill_wanted(keys)
                conn.execute(
                    "INSERT INTO temp.scope SELECT f.id FROM files f "
                    "JOIN temp.wanted w ON w.path = f.path"
                )
            self._scope = keys
        return True

    def search(
        self, query: str, *, limit: int = 200, within: Collection[Path | str] | None = None
    ) -> list[SearchHit]:
        """Find titles, headings and paragraphs containing every word of ``query``.

        Words are matched whole, case- and accent-insensitively, except the last, which also
        matches as a prefix (search as you type). Quotes, ``*``, ``NEAR``, ``AND``/``OR``/``NOT``
        and other FTS5 syntax in ``query`` are treated as plain words or ignored.

        Args:
            query: What the user typed.
            limit: The most hits to return.
            within: Only search these files (the open library); None searches every file.

        Returns:
            Hits, best first (several per file when several paragraphs match).
        """
        with self._lock:
            try:
                return self._search(query, limit, within)
            except sqlite3.OperationalError:  # a query FTS5 still rejects: no hits, never a crash
                return []
            except sqlite3.DatabaseError:
                self._rebuild()
                return []

    def count(self, query: str, *, within: Collection[Path | str] | None = None) -> int:
        """How many titles, headings and paragraphs :meth:`search` finds, without its limit.

        Args:
            query: What the user typed.
            within: Only count in these files; None counts in every file.

        Returns:
            The number of matches (0 for a query the index cannot run).
        """
        with self._lock:
            try:
                scoped = self._set_scope(within)
                where = " AND c.file_id IN (SELECT id FROM temp.scope)" if scoped else ""
                if self.use_fts:
                    return fts_count(self._conn, query, where)
                return like_count(self._conn, query, where)
            except sqlite3.OperationalError:
                return 0
            except sqlite3.DatabaseError:
                self._rebuild()
                return 0

    def _search(
        self, query: str, limit: int, within: Collection[Path | str] | None
    ) -> list[SearchHit]:
        scoped = self._set_scope(within)
        where = " AND c.file_id IN (SELECT id FROM temp.scope)" if scoped else ""
        if self.use_fts:
            return fts_search(self._conn, query, limit, where)
        return like_search(self._conn, query, limit, where)
