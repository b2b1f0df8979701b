"""The web store's tables and how rows and entries map onto them (for :mod:`tui.web.store`)."""

from __future__ import annotations

import calendar
import hashlib
import re
import time
from datetime import date
from typing import Any

from tui.web.types import EntryRow, FeedEntry, FeedRow, PageRow, Validators
from tui.web.urls import canonical_url

__all__ = [
    "ENTRY_COLUMNS",
    "FEED_COLUMNS",
    "PAGE_COLUMNS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "UPSERT_ENTRY",
    "dedup_key",
    "entry_params",
    "entry_row",
    "feed_row",
    "page_row",
]

_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")

SCHEMA_VERSION = 1
"""The tables' version, stored in ``meta``; a file of another version is set aside."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, title TEXT, site_link TEXT,
    added REAL NOT NULL, last_refresh REAL, etag TEXT, last_modified TEXT, last_error TEXT,
    next_try REAL);
CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, feed_url TEXT NOT NULL,
    dedup_key TEXT NOT NULL, guid TEXT, link TEXT, canonical_link TEXT, title TEXT NOT NULL,
    author TEXT, published TEXT, summary TEXT, content TEXT, content_is_html INTEGER NOT NULL,
    image_credit TEXT, image_caption TEXT, first_seen REAL NOT NULL, sort_time REAL NOT NULL,
    UNIQUE (feed_url, dedup_key));
CREATE INDEX IF NOT EXISTS entries_newest ON entries (feed_url, sort_time);
CREATE INDEX IF NOT EXISTS entries_link ON entries (canonical_link);
CREATE INDEX IF NOT EXISTS entries_seen ON entries (first_seen);
CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, final_url TEXT NOT NULL,
    canonical_url TEXT NOT NULL, content_type TEXT NOT NULL, charset TEXT, body BLOB NOT NULL,
    fetched_at REAL NOT NULL, etag TEXT, last_modified TEXT);
CREATE INDEX IF NOT EXISTS pages_final ON pages (final_url);
CREATE INDEX IF NOT EXISTS pages_canonical ON pages (canonical_url);
"""

FEED_COLUMNS = (
    "url, title, site_link, added, last_refresh, etag, last_modified, last_error, next_try"
)
ENTRY_COLUMNS = (
    "id, feed_url, dedup_key, guid, link, canonical_link, title, author, published, summary, "
    "content, content_is_html, image_credit, image_caption, first_seen"
)
PAGE_COLUMNS = (
    "url, final_url, content_type, body, fetched_at, canonical_url, charset, etag, last_modified"
)

UPSERT_ENTRY = f"""
INSERT INTO entries ({ENTRY_COLUMNS.removeprefix("id, ")}, sort_time)
VALUES (:feed_url, :dedup_key, :guid, :link, :canonical_link, :title, :author, :published,
    :summary, :content, :content_is_html, :image_credit, :image_caption, :now,
    COALESCE(:published_time, :now))
ON CONFLICT (feed_url, dedup_key) DO UPDATE SET guid = excluded.guid, link = excluded.link,
    canonical_link = excluded.canonical_link, title = excluded.title, author = excluded.author,
    published = excluded.published, summary = excluded.summary, content = excluded.content,
    content_is_html = excluded.content_is_html, image_credit = excluded.image_credit,
    image_caption = excluded.image_caption,
    sort_time = COALESCE(:published_time, entries.first_seen)
"""


def dedup_key(entry: FeedEntry, canonical_link: str | None = None) -> str:
    """The key an entry is deduplicated by within its feed.

    Args:
        entry: A parsed entry.
        canonical_link: ``canonical_url(entry.link)`` when the caller has it already.

    Returns:
        ``guid:<guid>``, else ``link:<canonical link>``, else ``hash:<sha256>`` of the title and
        the content (else the summary).
    """
    if entry.guid:
        return f"guid:{entry.guid}"
    if entry.link:
        return f"link:{canonical_link or canonical_url(entry.link)}"
    text = f"{entry.title}\0{entry.content or entry.summary or ''}"
    return f"hash:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}"


def _timestamp(published: str | None) -> float | None:
    """Unix time of an ISO 8601 UTC stamp as the feed parsers write it, or None."""
    if not published:
        return None
    # The parsers' own form, read without strptime (a tenth of its cost, 50 times a feed).
    if _STAMP.fullmatch(published):
        year, month, day = int(published[:4]), int(published[5:7]), int(published[8:10])
        hour, minute, second = int(published[11:13]), int(published[14:16]), int(published[17:19])
        try:
            date(year, month, day)
        except ValueError:
            return None
        if hour > 23 or minute > 59 or second > 61:
            return None
        return float(calendar.timegm((year, month, day, hour, minute, second)))
    try:
        return float(calendar.timegm(time.strptime(published, "%Y-%m-%dT%H:%M:%SZ")))
    except (ValueError, OverflowError):
        return None


def feed_row(row: tuple[Any, ...]) -> FeedRow:
    """A ``feeds`` row (``FEED_COLUMNS``) as a :class:`FeedRow`."""
    url, title, site, added, last, etag, modified, error, next_try = row
    return FeedRow(url, title, site, added, last, Validators(etag, modified), error, next_try)


def entry_row(row: tuple[Any, ...]) -> EntryRow:
    """An ``entries`` row (``ENTRY_COLUMNS``) as an :class:`EntryRow`."""
    values = list(row)
    values[11] = bool(values[11])
    return EntryRow(*values)


def page_row(row: tuple[Any, ...]) -> PageRow:
    """A ``pages`` row (``PAGE_COLUMNS``) as a :class:`PageRow`."""
    url, final_url, content_type, body, fetched_at, canonical, charset, etag, modified = row
    return PageRow(
        url,
        final_url,
        content_type,
        body,
        fetched_at,
        canonical,
        charset,
        Validators(etag, modified),
    )


def entry_params(
    feed_url: str, key: str, entry: FeedEntry, now: float, canonical_link: str | None = None
) -> dict[str, Any]:
    """The named parameters of :data:`UPSERT_ENTRY` for one entry.

    ``canonical_link``: ``canonical_url(entry.link)`` when the caller has it already.
    """
    if canonical_link is None and entry.link:
        canonical_link = canonical_url(entry.link)
    return {
        "feed_url": feed_url,
        "dedup_key": key,
        "guid": entry.guid,
        "link": entry.link,
        "canonical_link": canonical_link,
        "title": entry.title,
        "author": entry.author,
        "published": entry.published,
        "summary": entry.summary,
        "content": entry.content,
        "content_is_html": int(entry.content_is_html),
        "image_credit": entry.image_credit,
        "image_caption": entry.image_caption,
        "now": now,
        "published_time": _timestamp(entry.published),
    }
