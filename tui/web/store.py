"""The web store: subscriptions, feed entries and fetched pages (with their raw bytes).

Kept in ``paths.data_dir() / "web.sqlite3"`` — the user's data, not the rebuildable cache: it
is what ``newsread dump --offline`` and a start without the network read. Faults are handled
as the reading state handles them (:mod:`tui.web.sqlitefile`): a damaged file is set aside and
a new one made, a full or read-only disk makes the store go on in memory for the session.

Thread-safe: one connection shared by every thread under one lock (refresh workers merge one
feed each; every write is one short transaction, so they queue briefly). SQLite serialises
writers anyway, and one connection is what lets the in-memory fallback be shared.

Entries are deduplicated per feed by a key: ``guid:<guid>`` when the feed gives an id, else
``link:<canonical link>``, else ``hash:<sha256 of title and content or summary>``. An entry
seen again with the same key has its fields updated but keeps ``first_seen``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tui.settings import paths
from tui.web.sqlitefile import Database, transaction
from tui.web.store_rows import (
    ENTRY_COLUMNS,
    FEED_COLUMNS,
    PAGE_COLUMNS,
    SCHEMA,
    SCHEMA_VERSION,
    UPSERT_ENTRY,
    dedup_key,
    entry_params,
    entry_row,
    feed_row,
    page_row,
)
from tui.web.types import EntryRow, FeedEntry, FeedRow, PageRow, Validators
from tui.web.urls import canonical_url, check_url

__all__ = ["SCHEMA_VERSION", "EntryRow", "FeedRow", "PageRow", "WebStore", "dedup_key"]


_UNLINKED = "NOT EXISTS (SELECT 1 FROM entries WHERE entries.canonical_link = pages.canonical_url)"
"""A page no stored entry links (what pruning may take)."""


class WebStore:
    """Subscriptions, entries and pages in one SQLite file.

    Args:
        path: The SQLite file; ``paths.data_dir() / "web.sqlite3"`` by default. It (and its
            folder) is created on first use.
        report: Told in a few words when the file was damaged and set aside, or when the
            store had to go on in memory (a full or read-only disk).
    """

    def __init__(
        self, path: Path | None = None, *, report: Callable[[str], None] | None = None
    ) -> None:
        self.path = path if path is not None else paths.data_dir() / "web.sqlite3"
        """Where the store lives."""
        self._db = Database(self.path, SCHEMA, SCHEMA_VERSION, report)

    @property
    def recovered_from(self) -> Path | None:
        """Where a damaged file was moved this session (None when all was well)."""
        return self._db.recovered_from

    @property
    def problem(self) -> str | None:
        """Why nothing is saved this session (None while the file is in use)."""
        return self._db.problem

    def close(self) -> None:
        """Close the database (every write is committed already)."""
        self._db.close()

    def __enter__(self) -> WebStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self._db.run(lambda conn: conn.execute(sql, params).fetchall())

    # -- feeds ---------------------------------------------------------------------------------

    def add_feed(self, url: str, title: str | None = None, *, now: float | None = None) -> bool:
        """Subscribe to a feed.

        Args:
            url: The feed's address.
            title: A title to show instead of the feed's own (kept when already subscribed
                and None is given).
            now: The time to record as ``added`` (``time.time()`` by default).

        Returns:
            True when it was new, False when it was subscribed already.

        Raises:
            FetchError: when the address is not http(s).
        """
        url = check_url(url)
        added = time.time() if now is None else now

        def work(conn: sqlite3.Connection) -> bool:
            with transaction(conn):
                new = conn.execute(
                    "INSERT INTO feeds (url, title, added) VALUES (?, ?, ?) "
                    "ON CONFLICT (url) DO NOTHING",
                    (url, title, added),
                ).rowcount
                if not new and title:
                    conn.execute("UPDATE feeds SET title = ? WHERE url = ?", (title, url))
            return bool(new)

        return self._db.run(work)

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe: the feed and its entries go; pages stay until :meth:`prune`.

        Returns:
            True when it was subscribed.
        """

        def work(conn: sqlite3.Connection) -> bool:
            with transaction(conn):
                conn.execute("DELETE FROM entries WHERE feed_url = ?", (url,))
                return bool(conn.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount)

        return self._db.run(work)

    def feeds(self) -> list[FeedRow]:
        """Every subscribed feed, in the order subscribed."""
        rows = self._query(f"SELECT {FEED_COLUMNS} FROM feeds ORDER BY added, rowid")
        return [feed_row(row) for row in rows]

    def feed(self, url: str) -> FeedRow | None:
        """One subscribed feed, or None."""
        rows = self._query(f"SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?", (url,))
        return feed_row(rows[0]) if rows else None

    def record_fetch(
        self,
        url: str,
        *,
        refreshed_at: float,
        title: str | None = None,
        site_link: str | None = None,
        validators: Validators | None = None,
        error: str | None = None,
        next_try: float | None = None,
    ) -> bool:
        """Note a fetch of a subscribed feed (successful or not).

        Args:
            url: The feed.
            refreshed_at: When it was fetched (``last_refresh``, set on failures too).
            title: The feed's own title; kept only while the feed has none (the user's wins).
            site_link: The feed's site link (None keeps the stored one).
            validators: ETag/Last-Modified of a 200 answer (None keeps the stored ones).
            error: Why the fetch failed, or None when it succeeded (clears the last error).
            next_try: Not to be fetched before this time (Retry-After), or None.

        Returns:
            False when the feed is not subscribed (nothing is stored).
        """
        etags = (validators.etag, validators.last_modified) if validators else (None, None)

        def work(conn: sqlite3.Connection) -> bool:
            with transaction(conn):
                return bool(
                    conn.execute(
                        "UPDATE feeds SET last_refresh = ?, title = COALESCE(title, ?), "
                        "site_link = COALESCE(?, site_link), "
                        "etag = CASE WHEN ? THEN ? ELSE etag END, "
                        "last_modified = CASE WHEN ? THEN ? ELSE last_modified END, "
                        "last_error = ?, next_try = ? WHERE url = ?",
                        (
                            refreshed_at,
                            title or None,
                            site_link,
                            validators is not None,
                            etags[0],
                            validators is not None,
                            etags[1],
                            error,
                            next_try,
                            url,
                        ),
                    ).rowcount
                )

        return self._db.run(work)

    # -- entries -------------------------------------------------------------------------------

    def merge_entries(self, feed_url: str, entries: Iterable[FeedEntry], *, now: float) -> int:
        """Store a feed's entries in one transaction (see the module's note on dedup).

        The feed need not be subscribed (a feed opened once by URL is kept for offline reads).

        Args:
            feed_url: The feed they came from.
            entries: The entries, as parsed.
            now: The time to record as ``first_seen`` for new ones.

        Returns:
            How many entries were new.
        """
        rows = []
        for entry in entries:
            canonical = canonical_url(entry.link) if entry.link else None
            key = dedup_key(entry, canonical)
            rows.append(entry_params(feed_url, key, entry, now, canonical))

        def work(conn: sqlite3.Connection) -> int:
            with transaction(conn):
                # Which keys the feed has already: one query per 500, not one per entry.
                seen: set[str] = set()
                keys = list(dict.fromkeys(row["dedup_key"] for row in rows))
                for start in range(0, len(keys), 500):  # below SQLite's variable limit
                    chunk = keys[start : start + 500]
                    marks = ", ".join("?" * len(chunk))
                    seen.update(
                        key
                        for (key,) in conn.execute(
                            "SELECT dedup_key FROM entries WHERE feed_url = ? "
                            f"AND dedup_key IN ({marks})",
                            (feed_url, *chunk),
                        )
                    )
                conn.executemany(UPSERT_ENTRY, rows)
            return sum(key not in seen for key in keys)

        return self._db.run(work)

    def entries(self, feed_url: str) -> list[EntryRow]:
        """A feed's entries, newest first (by publication time, else first seen)."""
        rows = self._query(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE feed_url = ? ORDER BY sort_time DESC, id",
            (feed_url,),
        )
        return [entry_row(row) for row in rows]

    def entry(self, entry_id: int) -> EntryRow | None:
        """One entry by its id, or None."""
        rows = self._query(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?", (entry_id,))
        return entry_row(rows[0]) if rows else None

    def entries_by_link(self, url: str) -> list[EntryRow]:
        """Every stored entry (of any feed) whose link is this article, newest first."""
        rows = self._query(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE canonical_link = ? "
            "ORDER BY sort_time DESC, id",
            (canonical_url(url),),
        )
        return [entry_row(row) for row in rows]

    # -- pages ---------------------------------------------------------------------------------

    def save_page(self, row: PageRow) -> None:
        """Keep a fetched page (replacing the one stored under the same ``url``)."""
        canonical = canonical_url(row.canonical_url or row.final_url)
        params = (
            row.url,
            row.final_url,
            row.content_type,
            row.body,
            row.fetched_at,
            canonical,
            row.charset,
            row.validators.etag,
            row.validators.last_modified,
        )

        def work(conn: sqlite3.Connection) -> None:
            with transaction(conn):
                conn.execute(
                    f"INSERT OR REPLACE INTO pages ({PAGE_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    params,
                )

        self._db.run(work)

    def page(self, url: str) -> PageRow | None:
        """The stored page asked for as, redirected to, or canonically the same as ``url``.

        An exact ``url`` match wins; otherwise the newest of the others.
        """
        rows = self._query(
            f"SELECT {PAGE_COLUMNS} FROM pages WHERE url = ? OR final_url = ? "
            "OR canonical_url = ? ORDER BY url = ? DESC, fetched_at DESC LIMIT 1",
            (url, url, canonical_url(url), url),
        )
        return page_row(rows[0]) if rows else None

    def page_addresses(self) -> set[str]:
        """Every address a stored page answers to (asked for, final, canonical): one query,
        so a caller checks thousands of links without a look-up each."""
        rows = self._query("SELECT url, final_url, canonical_url FROM pages")
        return {value for row in rows for value in row if value}

    # -- pruning -------------------------------------------------------------------------------

    def prune(self, *, keep_days: float, now: float, keep: Callable[[str], bool]) -> int:
        """Delete old entries and pages, except the ones ``keep`` names.

        An entry first seen more than ``keep_days`` ago goes unless ``keep(entry.read_key)``
        is True (the caller passes "is unread or bookmarked"). A page fetched more than
        ``keep_days`` ago goes when no remaining entry links it and ``keep(canonical_url)``
        is False. ``keep`` is called outside any transaction.

        Returns:
            How many entries and pages were deleted, together.
        """
        cutoff = now - keep_days * 86400.0
        old = self._query(
            "SELECT id, feed_url, dedup_key, canonical_link FROM entries WHERE first_seen < ?",
            (cutoff,),
        )
        doomed = [row[0] for row in old if not keep(row[3] or f"{row[1]}#{row[2]}")]
        # The conditions are asked again as the rows go: a refresh between the question and
        # the delete may have renewed an entry or linked a page.
        deleted = self._delete("entries", "id", doomed, "first_seen < ?", (cutoff,))
        pages = self._query(
            f"SELECT url, canonical_url FROM pages WHERE fetched_at < ? AND {_UNLINKED}",
            (cutoff,),
        )
        gone = [row[0] for row in pages if not keep(row[1])]
        deleted += self._delete("pages", "url", gone, f"fetched_at < ? AND {_UNLINKED}", (cutoff,))
        return deleted

    def _delete(
        self, table: str, column: str, keys: list[Any], still: str, params: tuple[Any, ...]
    ) -> int:
        def work(conn: sqlite3.Connection) -> int:
            count = 0
            with transaction(conn):
                for start in range(0, len(keys), 500):  # below SQLite's variable limit
                    chunk = keys[start : start + 500]
                    marks = ", ".join("?" * len(chunk))
                    sql = f"DELETE FROM {table} WHERE {column} IN ({marks}) AND {still}"
                    count += conn.execute(sql, (*chunk, *params)).rowcount
            return count

        return self._db.run(work) if keys else 0
