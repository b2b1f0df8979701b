"""Feeds: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed (:mod:`tui.web.jsonfeed`).

:func:`parse_feed` turns a fetched body into a :class:`~tui.web.types.Feed`. A well-formed RSS
or Atom feed is read by the lxml fast path (:mod:`tui.web.xmlfeed`), which gives the records
feedparser would, five to eight times faster; everything it declines goes to feedparser
(:func:`parse_with_feedparser`), the safety net for malformed feeds. feedparser gets
a stream of the body, never bytes or a string (it would open bytes as a file name and fetch a
URL itself), is told not to sanitise or resolve HTML (the reader does both its own way) and is
imported inside the function. A feed that is malformed
but readable (feedparser's ``bozo``) still gives its entries; a body that is no feed at all
(an HTML page) raises :class:`~tui.web.types.NotAFeed`. Text is not sanitised here: it is
hostile until :mod:`tui.article.sanitize` has seen it, which the reader does.

:func:`discover_feeds` finds the feeds an HTML page links, and :func:`has_full_content`
decides whether an entry needs its link fetched (``fetch_full_article = "auto"``).
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

from tui.web.jsonfeed import MAX_ITEMS, absolute_link, cap, parse_json_feed
from tui.web.mediarss import media_credits
from tui.web.types import Feed, FeedEntry, FeedKind, NotAFeed
from tui.web.xmlfeed import read_xml_feed

__all__ = [
    "FEED_TYPES",
    "FULL_CONTENT_WORDS",
    "NotAFeed",
    "discover_feeds",
    "has_full_content",
    "parse_feed",
    "parse_with_feedparser",
]

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/json",
        "application/rdf+xml",
    }
)
"""The ``type`` of a ``<link rel="alternate">`` that names a feed."""

FULL_CONTENT_WORDS = 150
"""Words from which an entry's text counts as the whole article (see :func:`has_full_content`)."""

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# "desk@courier.example (Bram Oakhurst)": RSS 2.0's author is an address with a name after it.
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)\s*$")
_TAG = re.compile(r"<[^>]*>")


def _looks_json(body: bytes, content_type: str) -> bool:
    if "json" in content_type.lower():
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """Read a feed from its bytes.

    Args:
        body: The response body.
        url: The feed's URL (final, after redirects): relative links are resolved against it.
        content_type: The response's media type, when known (chooses JSON Feed).

    Returns:
        The feed: title, format, site link and entries in the feed's order.

    Raises:
        NotAFeed: when the body is not a feed (an HTML page, an image, other JSON).
    """
    if _looks_json(body, content_type):
        return parse_json_feed(body, url)
    fast = read_xml_feed(body, url)
    if fast is not None:
        return _feed(fast.kind, fast.info, fast.entries, fast.media, url)
    return parse_with_feedparser(body, url, content_type)


def parse_with_feedparser(body: bytes, url: str, content_type: str = "") -> Feed:
    """Read an RSS or Atom feed with feedparser: the safety net behind the fast path.

    :func:`parse_feed` calls it for every XML feed the fast path (:mod:`tui.web.xmlfeed`)
    declines: malformed but readable, with a DOCTYPE, another encoding, an unknown dialect.

    Args:
        body: The response body.
        url: The feed's URL (final, after redirects).
        content_type: The response's media type, when known.

    Returns:
        The feed.

    Raises:
        NotAFeed: when feedparser names no format (an HTML page, plain text, an image).
    """
    import feedparser

    # A stream, not bytes: feedparser tries bytes as a file name first, so a body that reads
    # "/home/someone/notes.xml" would make it parse that local file.
    parsed = feedparser.parse(
        io.BytesIO(body),
        sanitize_html=False,
        resolve_relative_uris=False,
        response_headers={
            "content-location": url,
            "content-type": content_type or "application/xml",
        },
    )
    version = str(parsed.get("version") or "")
    if not version:
        # feedparser names no format for HTML, plain text or XML that is no feed.
        reason = parsed.get("bozo_exception")
        raise NotAFeed(f"not a feed{f': {reason}' if reason else ''}".splitlines()[0][:200])
    kind: FeedKind = "atom" if version.startswith("atom") else "rss"
    all_entries = list(parsed.get("entries") or [])
    raw_entries = all_entries[:MAX_ITEMS]
    media = media_credits(body)
    if media is not None and len(media) != len(all_entries):
        media = None  # a recovered parse saw other items than feedparser did: do not guess
    elif media is not None:
        media = media[:MAX_ITEMS]
    return _feed(kind, parsed.get("feed") or {}, raw_entries, media, url)


def _feed(
    kind: FeedKind,
    info: Mapping[str, Any],
    raw_entries: list[Any],
    media: list[tuple[str | None, str | None]] | None,
    url: str,
) -> Feed:
    """The :class:`Feed` from feedparser's dictionaries (or the fast path's copies of them)."""
    entries = tuple(
        _entry(raw, url, media[n] if media else (None, None)) for n, raw in enumerate(raw_entries)
    )
    return Feed(
        title=cap(info.get("title"), "title") or "",
        kind=kind,
        link=absolute_link(info.get("link"), url),
        entries=entries,
    )


def _iso(value: object) -> str | None:
    """A feedparser ``*_parsed`` time (a UTC ``struct_time``) as ISO 8601 UTC."""
    if not isinstance(value, time.struct_time) or not 1 <= value.tm_year <= 9999:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)


def _author(raw: Mapping[str, Any]) -> str | None:
    authors = raw.get("authors")
    names = [
        name
        for person in (authors if isinstance(authors, list) else [])[:20]
        if isinstance(person, Mapping) and (name := cap(person.get("name"), "author"))
    ]
    # feedparser keeps only the last Atom author in "author"; several are joined here.
    if len(names) > 1:
        return ", ".join(names)[:500]
    single = cap(raw.get("author"), "author")
    if single is not None and (named := _EMAIL_NAME.match(single)):
        return named.group(1).strip()
    return single or (names[0] if names else None)


def _content(raw: Mapping[str, Any]) -> tuple[str | None, bool | None]:
    """The longest content block (``content:encoded``, Atom content) and whether it is HTML."""
    blocks = raw.get("content")
    best: tuple[str | None, bool | None] = (None, None)
    for block in blocks if isinstance(blocks, list) else []:
        if not isinstance(block, Mapping):
            continue
        value = cap(block.get("value"), "text")
        if value is not None and len(value) > len(best[0] or ""):
            best = (value, str(block.get("type") or "text/html").lower() in _HTML_TYPES)
    return best


def _plain_get(raw: Mapping[str, Any], key: str) -> Any:
    # feedparser's own get maps a missing updated_parsed onto published_parsed with a
    # DeprecationWarning; both are read here anyway, so skip the mapping.
    return dict.get(raw, key) if isinstance(raw, dict) else raw.get(key)


def _entry(raw: Mapping[str, Any], url: str, media: tuple[str | None, str | None]) -> FeedEntry:
    content, content_html = _content(raw)
    summary = cap(raw.get("summary"), "text")
    if summary is not None and summary == content:
        summary = None  # feedparser copies Atom content into summary when there is none
    detail = raw.get("summary_detail")
    summary_html = not (
        isinstance(detail, Mapping) and str(detail.get("type") or "").lower() == "text/plain"
    )
    credit = media[0]
    if credit is None and isinstance(raw.get("media_credit"), list):
        credit = next(
            (c for item in raw["media_credit"] if (c := cap(item.get("content"), "title"))),
            None,
        )
    link = absolute_link(raw.get("link"), url)
    if link is None:
        links = raw.get("links")
        for candidate in links if isinstance(links, list) else []:
            alternate = isinstance(candidate, Mapping) and candidate.get("rel") == "alternate"
            if alternate and (link := absolute_link(candidate.get("href"), url)):
                break
    return FeedEntry(
        title=cap(raw.get("title"), "title") or "",
        link=link,
        guid=cap(raw.get("id"), "url"),
        author=_author(raw),
        published=_iso(_plain_get(raw, "published_parsed"))
        or _iso(_plain_get(raw, "updated_parsed")),
        summary=summary,
        content=content,
        content_is_html=content_html if content_html is not None else summary_html,
        image_credit=credit,
        image_caption=media[1],
    )


def _words(text: str | None, is_html: bool) -> int:
    """Words in a content or summary, tags and entities stripped when it is HTML."""
    if not text:
        return 0
    if is_html:
        text = html.unescape(_TAG.sub(" ", text))
    return len(text.split())


def has_full_content(entry: FeedEntry) -> bool:
    """Whether the feed carries the whole article, so its link need not be fetched.

    The rule: the entry's text — its content, else its summary — has at least
    :data:`FULL_CONTENT_WORDS` (150) words; or it has content of at least 50 words that is at
    least twice as long as its summary (a short article, not a teaser). A title, a one-line
    summary or a teaser ending in "Read more" gives False.

    Args:
        entry: A parsed entry.

    Returns:
        True when ``fetch_full_article = "auto"`` should read the entry as it is.
    """
    content = _words(entry.content, entry.content_is_html)
    summary = _words(entry.summary, entry.content_is_html)
    if max(content, summary) >= FULL_CONTENT_WORDS:
        return True
    return content >= 50 and content >= 2 * summary


class _AlternateLinks(HTMLParser):
    """Collects ``<base href>`` and the feed ``<link rel="alternate">`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "base"):
            return
        values = {name: value or "" for name, value in attrs}
        href = values.get("href", "").strip()
        if tag == "base":
            if self.base is None and href:
                self.base = href
            return
        kind = values.get("type", "").split(";")[0].strip().lower()
        if href and "alternate" in values.get("rel", "").lower().split() and kind in FEED_TYPES:
            self.found.append(href)

    handle_startendtag = handle_starttag


def discover_feeds(body: bytes, base_url: str) -> list[str]:
    """The feeds an HTML page links with ``<link rel="alternate" type="…">``.

    Read with the standard library's :class:`html.parser.HTMLParser`: it needs no third-party
    import, never fails on broken markup, and only ``<link>`` and ``<base>`` tags matter here.
    Types are those of :data:`FEED_TYPES`; ``<base href>`` is honoured.

    Args:
        body: The page's bytes (UTF-8, else read as Latin-1: only the addresses matter).
        base_url: The page's URL (after redirects).

    Returns:
        Absolute http(s) addresses in page order, each once (fragments ignored for that).
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("latin-1")
    parser = _AlternateLinks()
    parser.feed(text)
    parser.close()
    base = absolute_link(parser.base, base_url) or base_url
    seen: set[str] = set()
    feeds: list[str] = []
    for href in parser.found:
        link = absolute_link(href, base)
        if link is None:
            continue
        link = link.split("#", 1)[0]
        if link not in seen:
            seen.add(link)
            feeds.append(link)
    return feeds
