"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) read into a :class:`Feed`.

Small and strict about types: every field is checked before use, a field of the wrong type is
ignored (an item without a usable ``id`` is skipped, as the spec makes ``id`` required), and
strings and item counts are capped so a hostile feed cannot make the store or the reader hold
more than a real one would. Dates become ISO 8601 UTC. Links are made absolute against the
feed's URL and kept only when they are http or https.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from tui.web.types import Feed, FeedEntry, NotAFeed

__all__ = ["MAX_ITEMS", "absolute_link", "cap", "parse_json_feed"]

MAX_ITEMS = 5000
"""Items read from one feed; the rest are ignored."""

_CAPS = {"title": 1000, "author": 500, "url": 4000, "text": 2_000_000}


def cap(value: object, kind: str) -> str | None:
    """A string value cut to the cap for its kind, or None when it is not a non-blank string.

    Args:
        value: A field's value from a feed (any type).
        kind: ``title``, ``author``, ``url`` or ``text``.

    Returns:
        The stripped string (at most the cap's characters), or None.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value[: _CAPS[kind]] if value else None


def absolute_link(value: object, base: str) -> str | None:
    """An entry's link made absolute against ``base``; None unless it is http(s) with a host.

    Args:
        value: The link as the feed gives it (any type).
        base: The feed's URL.

    Returns:
        The absolute address, or None (``javascript:``, ``data:``, no host, not a string).
    """
    link = cap(value, "url")
    if link is None:
        return None
    try:
        absolute = urljoin(base, link)
    except ValueError:  # an invalid IPv6 host and the like
        return None
    try:
        parts = urlsplit(absolute)
        host = parts.hostname
    except ValueError:
        return None
    return absolute if parts.scheme.lower() in ("http", "https") and host else None


def _date(value: object) -> str | None:
    """An RFC 3339 date as ISO 8601 UTC (``2024-07-03T11:45:00Z``), or None."""
    text = cap(value, "title")
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:  # the spec requires an offset; read a missing one as UTC
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _authors(item: dict[str, Any], feed: dict[str, Any]) -> str | None:
    """Names of ``authors`` (1.1) or ``author`` (1.0), the item's else the feed's, joined."""
    for source in (item, feed):
        found = source.get("authors")
        people = found if isinstance(found, list) else [source.get("author")]
        names = [
            name
            for person in people[:20]
            if isinstance(person, dict) and (name := cap(person.get("name"), "author"))
        ]
        if names:
            return ", ".join(names)[: _CAPS["author"]]
    return None


def _entry(item: dict[str, Any], feed: dict[str, Any], url: str) -> FeedEntry | None:
    raw_id = item.get("id")
    # 1.0 allowed numbers as ids; a bool is an int to Python but no id.
    if isinstance(raw_id, (int, float)) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    guid = cap(raw_id, "url")
    if guid is None:
        return None
    html = cap(item.get("content_html"), "text")
    text = cap(item.get("content_text"), "text")
    return FeedEntry(
        title=cap(item.get("title"), "title") or "",
        link=absolute_link(item.get("url"), url) or absolute_link(item.get("external_url"), url),
        guid=guid,
        author=_authors(item, feed),
        published=_date(item.get("date_published")) or _date(item.get("date_modified")),
        summary=cap(item.get("summary"), "text"),
        content=html if html is not None else text,
        content_is_html=html is not None or text is None,
    )


def parse_json_feed(body: bytes, url: str) -> Feed:
    """Read a JSON Feed.

    Args:
        body: The response body (UTF-8, a BOM allowed).
        url: The feed's URL, for relative links.

    Returns:
        The feed, its items in the feed's order.

    Raises:
        NotAFeed: when the body is not JSON, or not an object with a JSON Feed ``version``.
    """
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise NotAFeed(f"not JSON: {str(exc).splitlines()[0][:200]}") from exc
    if not isinstance(data, dict):
        raise NotAFeed("JSON, but not a JSON Feed object")
    version = data.get("version")
    if not isinstance(version, str) or not version.startswith("https://jsonfeed.org/version/"):
        raise NotAFeed("JSON without a JSON Feed version")
    items = data.get("items")
    entries = []
    for item in items[:MAX_ITEMS] if isinstance(items, list) else []:
        if isinstance(item, dict) and (entry := _entry(item, data, url)) is not None:
            entries.append(entry)
    return Feed(
        title=cap(data.get("title"), "title") or "",
        kind="json",
        link=absolute_link(data.get("home_page_url"), url),
        entries=tuple(entries),
    )
