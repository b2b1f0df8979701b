"""An article's links and web address: absolute http, https and mailto only, each once.

:class:`LinkCollector` is used by the Markdown reader and by reader mode
(:mod:`tui.web.readable`), so a link list is the same whatever the article came from;
:func:`article_url` finds the address the article itself lives at (for ``o`` and ``U``).
"""

from __future__ import annotations

from collections.abc import Callable

from tui.article.model import Article, Link
from tui.article.sanitize import sanitize

__all__ = [
    "ARTICLE_URL_KEYS",
    "LINK_SCHEMES",
    "WEB_SCHEMES",
    "LinkCollector",
    "article_url",
    "is_openable",
    "link_scheme",
    "shorten_url",
]

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The schemes a link may have (never ``javascript:``, ``data:``, ``file:``…)."""

WEB_SCHEMES = frozenset({"http", "https"})
"""The schemes an article's own address may have."""

ARTICLE_URL_KEYS = ("url", "link", "canonical", "source")
"""Front-matter keys that may give a Markdown article's web address, in order of preference
(``source`` is often an outlet's name rather than an address: only an address counts)."""

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
        # Control or bidi characters in an address: never shown, never opened.
        if url in self._seen or not is_openable(url):
            return
        self._seen.add(url)
        shown = " ".join(sanitize(text).split())
        if len(shown) > _MAX_TEXT:
            shown = shown[: _MAX_TEXT - 1].rstrip() + "…"
        self._links.append(Link(shown, url))

    def links(self) -> tuple[Link, ...]:
        """Return the links kept so far, in order."""
        return tuple(self._links)


def is_openable(url: str, schemes: frozenset[str] = LINK_SCHEMES) -> bool:
    """Tell whether an address may be handed to a browser or a clipboard as it is.

    Args:
        url: The address.
        schemes: The schemes allowed (http, https and mailto unless told).

    Returns:
        True for one printable word with an allowed scheme and something after it.
    """
    if link_scheme(url) not in schemes or not url.isprintable() or len(url.split()) != 1:
        return False
    return url.partition(":")[2].strip("/") != ""  # not "https://" alone


def _from_path(article: Article) -> str | None:
    """A web article's ``path`` is its canonical URL (a file's is a file path: no scheme)."""
    return article.path


def _from_front_matter(article: Article) -> str | None:
    """The first of :data:`ARTICLE_URL_KEYS` in the front matter that holds a web address."""
    values = dict(article.metadata)  # keys are lower case already
    for key in ARTICLE_URL_KEYS:
        value = values.get(key, "").strip()
        if is_openable(value, WEB_SCHEMES):
            return value
    return None


ARTICLE_URL_SOURCES: tuple[Callable[[Article], str | None], ...] = (_from_path, _from_front_matter)
"""Where :func:`article_url` looks, in order; each gives a candidate address or None.

A new source of addresses (the URL a stored file records, say) is one more function here."""


def article_url(article: Article) -> str | None:
    """Return the web address the article itself lives at, if it has one.

    Args:
        article: Any parsed article.

    Returns:
        An http(s) address from the first of :data:`ARTICLE_URL_SOURCES` that gives a valid
        one, or None (a local file without one; never a file path or a ``javascript:`` URL).
    """
    for source in ARTICLE_URL_SOURCES:
        url = source(article)
        if url is not None:
            url = url.strip()
            if is_openable(url, WEB_SCHEMES):
                return url
    return None


def shorten_url(url: str, width: int) -> str:
    """Fit an address into ``width`` cells for display, eliding its middle.

    The start (scheme and host) and the end (the page's own name) say most about where a link
    goes, so both are kept. Addresses are printable ASCII or single-width text in practice;
    wide characters may overrun slightly, which only costs a wrapped line.

    Args:
        url: The whole address (copied and opened whole; only the display is shortened).
        width: The cells available, at least 1.

    Returns:
        ``url`` itself when it fits, else its head, ``…`` and its tail.
    """
    if len(url) <= width:
        return url
    if width <= 1:
        return "…"[:width]
    keep = width - 1
    head = (keep + 1) // 2 + keep // 4  # a little more of the host than of the tail
    head = min(head, keep)
    tail = keep - head
    return url[:head] + "…" + (url[len(url) - tail :] if tail else "")
