"""Collecting an article's links: absolute http, https and mailto only, each address once.

Used by the Markdown reader and by reader mode (:mod:`tui.web.readable`), so a link list is the
same whatever the article came from.
"""

from __future__ import annotations

from tui.article.model import Link
from tui.article.sanitize import sanitize

__all__ = ["LINK_SCHEMES", "LinkCollector", "link_scheme"]

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The schemes a link may have (never ``javascript:``, ``data:``, ``file:``…)."""

_MAX_TEXT = 300
"""Characters of link text kept (a link wrapping a whole teaser card is cut)."""


def link_scheme(url: str) -> str:
    """Return the lower-case scheme of an address ("" when it has none).

    Args:
        url: An address, possibly relative.

    Returns:
        The scheme without its colon, lower case.
    """
    head, sep, _ = url.partition(":")
    if not sep or not head or not head[0].isascii() or not head[0].isalpha():
        return ""
    if not all(c.isascii() and (c.isalnum() or c in "+-.") for c in head):
        return ""
    return head.lower()


class LinkCollector:
    """Links in order of first appearance, each address once."""

    def __init__(self) -> None:
        """Start with no links."""
        self._seen: set[str] = set()
        self._links: list[Link] = []

    def add(self, text: str, url: str) -> None:
        """Keep a link when its address is absolute http(s) or mailto and new.

        Args:
            text: The link text as found (sanitised and put on one line here).
            url: The absolute address (sanitised here; spaces and controls make it invalid).
        """
        url = url.strip()
        if link_scheme(url) not in LINK_SCHEMES or url in self._seen:
            return
        if not url.isprintable() or len(url.split()) != 1:
            return  # control or bidi characters in an address: never shown, never opened
        if url.partition(":")[2].strip("/") == "":
            return  # "https://" alone
        self._seen.add(url)
        shown = " ".join(sanitize(text).split())
        if len(shown) > _MAX_TEXT:
            shown = shown[: _MAX_TEXT - 1].rstrip() + "…"
        self._links.append(Link(shown, url))

    def links(self) -> tuple[Link, ...]:
        """Return the links kept so far, in order."""
        return tuple(self._links)
