"""Opening a web address: an article page gives one article, a feed one per entry.

Used by ``newsread URL`` and ``newsread dump URL`` (and later by the app). Online, the address
is fetched and its raw bytes stored (:meth:`~tui.web.store.WebStore.save_page`), so that
``--offline`` can answer later from the store alone, parsing the same bytes the same way.
Offline, the stored bytes are read; for a subscribed feed never fetched as a page, the entries
a refresh stored are used. Nothing here runs anything from the web: pages are parsed, never
executed.

Page or feed: a body that :func:`~tui.web.feeds.parse_feed` reads is a feed, whatever the
content type said (many servers send feeds as ``text/html`` or ``text/plain``); an HTML body
is tried as a page only after that fails (``NotAFeed``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Literal, Protocol

from tui.article.model import Article
from tui.article.records import record
from tui.web.types import (
    Feed,
    FeedEntry,
    FetchError,
    FetchResult,
    FullArticlePolicy,
    NotAFeed,
    PageRow,
    Validators,
)
from tui.web.urls import check_url

if TYPE_CHECKING:
    from tui.web.store import WebStore

__all__ = ["OfflineMiss", "Opened", "open_source", "open_url", "save_result"]

PAGE_ACCEPT = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
PAGE_ACCEPT += "application/feed+json, application/xml;q=0.9, */*;q=0.5"
"""The Accept header of ``newsread URL``: a page or a feed, both welcome."""


class OfflineMiss(Exception):
    """``--offline`` and nothing stored for the address; the message is one line."""


class Fetching(Protocol):
    """What opening addresses needs of a :class:`~tui.web.fetch.Fetcher`."""

    def get(
        self, url: str, *, validators: Validators | None = None, accept: str | None = None
    ) -> FetchResult:
        """Fetch ``url``."""


@record
class Opened:
    """What an address gave."""

    url: str
    """The address as given."""
    kind: Literal["page", "feed"]
    """An article page or a feed."""
    articles: tuple[Article, ...]
    """One for a page; one per entry for a feed (possibly none)."""
    addresses: tuple[str, ...] = ()
    """Each article's address, in order: the one given for a page, an entry's link (else
    the feed's address) for a feed."""
    problems: tuple[str, ...] = ()
    """Entries whose linked page could not be fetched (their feed text was used), one line each."""


def open_url(
    url: str,
    *,
    store: WebStore,
    fetcher: Fetching | None,
    policy: FullArticlePolicy = "auto",
    offline: bool = False,
) -> list[Article]:
    """The articles an address gives: a page's one article or a feed's entries.

    Args:
        url: An http(s) address.
        store: Where fetched bodies are kept and read back offline.
        fetcher: Fetches online; None means offline.
        policy: ``[web] fetch_full_article``: when an entry's linked page is fetched.
        offline: Answer from the store only, never the network.

    Returns:
        The articles.

    Raises:
        FetchError: When the address cannot be fetched or is not allowed.
        OfflineMiss: Offline, with nothing stored for the address.
    """
    return list(
        open_source(url, store=store, fetcher=fetcher, policy=policy, offline=offline).articles
    )


def open_source(
    url: str,
    *,
    store: WebStore,
    fetcher: Fetching | None,
    policy: FullArticlePolicy = "auto",
    offline: bool = False,
    concurrency: int = 4,
) -> Opened:
    """As :func:`open_url`, saying whether the address was a page or a feed.

    Args:
        url: An http(s) address.
        store: Where fetched bodies are kept and read back offline.
        fetcher: Fetches online; None means offline.
        policy: When an entry's linked page is fetched.
        offline: Answer from the store only.
        concurrency: Linked pages fetched at once for a feed.

    Returns:
        The kind and the articles.

    Raises:
        FetchError: When the address cannot be fetched or is not allowed.
        OfflineMiss: Offline, with nothing stored for the address.
    """
    url = check_url(url)
    if offline or fetcher is None:
        return _offline(url, store, policy)
    result = fetcher.get(url, accept=PAGE_ACCEPT)
    save_result(store, result)
    feed = _as_feed(result)
    if feed is None:
        return Opened(url, "page", (_page_article(result),), (url,))

    def linked(entry: FeedEntry) -> FetchResult:
        assert entry.link is not None and fetcher is not None
        page = fetcher.get(entry.link, accept=PAGE_ACCEPT)
        save_result(store, page)
        return page

    return _feed_articles(url, feed, policy, linked, concurrency)


def _offline(url: str, store: WebStore, policy: FullArticlePolicy) -> Opened:
    """Answer from stored bytes, else from a subscribed feed's stored entries."""

    def linked(entry: FeedEntry) -> FetchResult:
        assert entry.link is not None
        page = _stored(store, entry.link)
        if page is None:
            raise FetchError(entry.link, "not stored (offline)")
        return page

    stored = _stored(store, url)
    if stored is not None:
        feed = _as_feed(stored)
        if feed is None:
            return Opened(url, "page", (_page_article(stored),), (url,))
        return _feed_articles(url, feed, policy, linked, 1, offline=True)
    row = store.feed(url)
    if row is not None:
        found = tuple(entry.to_entry() for entry in store.entries(url))
        feed = Feed(title=row.title or "", kind="rss", entries=found)
        return _feed_articles(url, feed, policy, linked, 1, offline=True)
    raise OfflineMiss(f"{url}: nothing stored for this address (fetch it once online)")


def save_result(store: WebStore, result: FetchResult) -> None:
    """Keep a fetched body (raw bytes) for offline reads and better extractors later.

    Args:
        store: The web store.
        result: A fetch's answer (a 200).
    """
    store.save_page(
        PageRow(
            url=result.url,
            final_url=result.final_url,
            content_type=result.content_type,
            body=result.body,
            fetched_at=time.time(),
            charset=result.charset,
            validators=result.validators,
        )
    )


def _stored(store: WebStore, url: str) -> FetchResult | None:
    """A stored body as the answer a fetch would have given, or None."""
    row = store.page(url)
    if row is None:
        return None
    return FetchResult(
        url=url,
        final_url=row.final_url,
        status=200,
        body=row.body,
        content_type=row.content_type,
        charset=row.charset,
        validators=row.validators,
    )


def _as_feed(result: FetchResult) -> Feed | None:
    """The body as a feed, or None when it is not one (then it is read as a page)."""
    from tui.web.feeds import parse_feed

    try:
        return parse_feed(result.body, result.final_url, result.content_type)
    except NotAFeed:
        return None


def _page_article(result: FetchResult) -> Article:
    from tui.web.readable import read_page

    return read_page(result.body, result.final_url, charset=result.charset)


def _feed_articles(
    url: str,
    feed: Feed,
    policy: FullArticlePolicy,
    linked: Callable[[FeedEntry], FetchResult],
    concurrency: int,
    *,
    offline: bool = False,
) -> Opened:
    """One article per entry: its linked page when the policy wants it, else its own text."""
    from tui.web.feeds import has_full_content
    from tui.web.readable import read_entry

    def wants_page(entry: FeedEntry) -> bool:
        if entry.link is None or policy == "never":
            return False
        return policy == "always" or not has_full_content(entry)

    problems: list[str] = []

    def article(entry: FeedEntry) -> Article:
        if wants_page(entry):
            try:
                return _page_article(linked(entry))
            except FetchError as error:
                if not offline:  # offline, the feed's own text is the expected answer
                    problems.append(f"{entry.link}: {error.reason}; the feed's text is shown")
        return read_entry(entry, feed_title=feed.title, feed_url=url)

    entries: Sequence[FeedEntry] = feed.entries
    if offline or concurrency <= 1 or not any(wants_page(e) for e in entries):
        articles = [article(entry) for entry in entries]
    else:
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="page") as pool:
            articles = list(pool.map(article, entries))
    addresses = tuple(entry.link or url for entry in entries)
    return Opened(url, "feed", tuple(articles), addresses, tuple(problems))
