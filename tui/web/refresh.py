"""Refreshing feeds: what is due, fetching in threads, merging each feed in one transaction.

Three steps, kept apart as in lemon24/reader's updater:

- :func:`due` decides what to fetch: feeds never refreshed or refreshed longer ago than the
  interval, and never one whose ``next_try`` (a server's Retry-After) is still in the future.
- worker threads (:class:`concurrent.futures.ThreadPoolExecutor`, ``[web] concurrency`` of
  them; the :class:`~tui.web.fetch.Fetcher` enforces the per-host limit) fetch a feed with a
  conditional GET and parse it. A page instead of a feed is searched for a feed link, and the
  first feed found is fetched instead.
- the calling thread merges each parsed feed into the store in one transaction as it arrives
  and reports a :class:`FeedOutcome` through ``on_outcome``. SQLite is only ever touched from
  this thread, so a slow merge never holds a worker and workers never contend for the file.

A failure (network, HTTP status, not a feed) is stored on the feed as one line with the time
of the next allowed try and never stops the other feeds. Retry-After is honoured by storing
that time, never by sleeping a worker.

Discovery: a subscription whose URL answers with a page linking a feed (a site that moved its
feed, or an OPML outline naming a page) is refreshed from the first feed the page links, and
its entries are merged under the subscription's own URL, which stays as the user gave it.
(``newsread feeds add`` of a page instead subscribes to the discovered feed itself, so later
refreshes fetch the feed directly.)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias

from tui.article.records import record
from tui.web.types import Feed, FeedRow, FetchError, FetchResult, NotAFeed, Validators

if TYPE_CHECKING:
    from tui.web.store import WebStore

__all__ = [
    "FeedOutcome",
    "Fetched",
    "Fetching",
    "OutcomeStatus",
    "RefreshSummary",
    "due",
    "fetch_feed",
    "one_line",
    "prune_old",
    "refresh_feeds",
]

OutcomeStatus: TypeAlias = Literal["updated", "not-modified", "failed", "deferred"]
"""What happened to one feed in a refresh."""

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1"
)
"""The Accept header of a feed request (a feed first, a page that may link one after)."""


class Fetching(Protocol):
    """What refreshing needs of a :class:`~tui.web.fetch.Fetcher` (thread-safe)."""

    def get(
        self, url: str, *, validators: Validators | None = None, accept: str | None = None
    ) -> FetchResult:
        """Fetch ``url`` (200 or 304; raises FetchError otherwise)."""


@record
class FeedOutcome:
    """What happened to one feed in a refresh (reported as each finishes)."""

    url: str
    """The subscription's URL."""
    title: str
    """Its title (the feed's own when it stated one, else the URL)."""
    status: OutcomeStatus
    """updated, not-modified, failed, or deferred (Retry-After still in the future)."""
    new: int = 0
    """Entries that were not in the store before."""
    reason: str | None = None
    """One line saying why, for failed and deferred feeds."""
    seconds: float = 0.0
    """Wall-clock time the fetch, parse and merge took."""


@record
class RefreshSummary:
    """Every feed's outcome, in the order they finished."""

    outcomes: tuple[FeedOutcome, ...] = ()
    """One per feed asked for."""
    seconds: float = 0.0
    """Wall-clock time of the whole refresh."""

    def count(self, status: OutcomeStatus) -> int:
        """How many feeds ended with ``status``.

        Args:
            status: The outcome status.

        Returns:
            The number of feeds.
        """
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def new(self) -> int:
        """New entries over all feeds."""
        return sum(outcome.new for outcome in self.outcomes)

    @property
    def refreshed(self) -> int:
        """Feeds that answered (updated or not modified)."""
        return self.count("updated") + self.count("not-modified")


@record
class Fetched:
    """A worker's answer for one feed."""

    feed: Feed | None
    """The parsed feed, or None for a 304."""
    validators: Validators
    """The answer's validators (stored for the next conditional GET)."""
    feed_url: str
    """The URL the feed was read from: the subscription's, or the feed its page links."""


def one_line(text: str, limit: int = 200) -> str:
    """Squeeze a reason into one printable line of at most ``limit`` characters.

    Args:
        text: An error message (may hold newlines or control characters from a server).

    Returns:
        The line.
    """
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def due(feeds: Iterable[FeedRow], now: float, interval_s: float) -> list[FeedRow]:
    """The feeds an automatic refresh should fetch now.

    Args:
        feeds: Every subscription.
        now: The current time, seconds since the epoch.
        interval_s: The refresh interval in seconds.

    Returns:
        Feeds never refreshed or refreshed at least ``interval_s`` ago, in the given order,
        leaving out any whose ``next_try`` is still in the future.
    """
    return [
        row
        for row in feeds
        if not (row.next_try is not None and now < row.next_try)
        and (row.last_refresh is None or now - row.last_refresh >= interval_s)
    ]


def fetch_feed(fetcher: Fetching, row: FeedRow) -> Fetched:
    """Fetch and parse one subscription (runs in a worker thread; touches no store).

    Args:
        fetcher: A thread-safe fetcher.
        row: The subscription, with its validators and any discovered feed URL.

    Returns:
        The parsed feed (or None for 304) with its validators.

    Raises:
        FetchError: For a failed request, or a body that is neither a feed nor a page
            linking one (``reason`` says which).
    """
    from tui.web.feeds import discover_feeds

    url = row.url
    result = fetcher.get(url, validators=row.validators, accept=FEED_ACCEPT)
    if result.not_modified:
        return Fetched(None, result.validators, url)
    try:
        return Fetched(_parse(result), result.validators, url)
    except NotAFeed:
        found = discover_feeds(result.body, result.final_url)
        if not found:
            raise FetchError(url, "not a feed, and the page links none") from None
    page_feed = found[0]
    result = fetcher.get(page_feed, accept=FEED_ACCEPT)
    try:
        return Fetched(_parse(result), result.validators, page_feed)
    except NotAFeed:
        raise FetchError(url, f"the feed the page links ({page_feed}) is not a feed") from None


def _parse(result: FetchResult) -> Feed:
    """Parse a 200 answer as a feed (raises NotAFeed)."""
    from tui.web.feeds import parse_feed

    return parse_feed(result.body, result.final_url, result.content_type)


def refresh_feeds(
    store: WebStore,
    fetcher: Fetching,
    feeds: Sequence[FeedRow],
    *,
    now: Callable[[], float] = time.time,
    concurrency: int = 8,
    on_outcome: Callable[[FeedOutcome], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RefreshSummary:
    """Fetch feeds in worker threads and merge each into the store as it arrives.

    Args:
        store: Where entries, validators and failures are kept (used from this thread only).
        fetcher: A thread-safe fetcher (it enforces the per-host limit).
        feeds: The subscriptions to refresh; those whose ``next_try`` is in the future are
            reported as deferred without a request.
        now: The clock (seconds since the epoch).
        concurrency: Worker threads, at least 1.
        on_outcome: Called in this thread with each feed's outcome as it finishes.
        cancelled: Asked between feeds; True stops the refresh (the app quitting). Feeds not
            yet started are dropped, those in flight end at their deadline.

    Returns:
        Every outcome and the total time.
    """
    started = time.monotonic()
    outcomes: list[FeedOutcome] = []

    def report(outcome: FeedOutcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    wanted: list[FeedRow] = []
    at = now()
    for row in feeds:
        if row.next_try is not None and at < row.next_try:
            wait_s = max(1, round(row.next_try - at))
            reason = f"the server asked for a pause: next try in {_duration(wait_s)}"
            report(FeedOutcome(row.url, row.title or row.url, "deferred", reason=reason))
        else:
            wanted.append(row)
    if not wanted:
        return RefreshSummary(tuple(outcomes), time.monotonic() - started)
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="refresh")
    try:
        pending: dict[Future[Fetched], tuple[FeedRow, float]] = {
            pool.submit(fetch_feed, fetcher, row): (row, time.monotonic()) for row in wanted
        }
        poll = None if cancelled is None else 0.25
        while pending and not (cancelled is not None and cancelled()):
            done, _ = wait(pending, timeout=poll, return_when=FIRST_COMPLETED)
            for future in done:
                row, begun = pending.pop(future)
                report(_merge(store, row, future, now(), begun))
    finally:
        # Ctrl-C or a cancel must not wait for every queued feed: drop those not started.
        pool.shutdown(wait=False, cancel_futures=True)
    return RefreshSummary(tuple(outcomes), time.monotonic() - started)


def _merge(
    store: WebStore, row: FeedRow, future: Future[Fetched], at: float, begun: float
) -> FeedOutcome:
    """Store one worker's answer (one transaction) and say what happened."""
    title = row.title or row.url
    try:
        fetched = future.result()
    except FetchError as error:
        retry = at + error.retry_after if error.retry_after is not None else None
        reason = one_line(error.reason)
        store.record_fetch(row.url, refreshed_at=at, error=reason, next_try=retry)
        return FeedOutcome(row.url, title, "failed", reason=reason, seconds=_since(begun))
    except Exception as error:  # a parser fault on hostile input must not stop the rest
        reason = one_line(f"could not read the feed: {type(error).__name__}: {error}")
        store.record_fetch(row.url, refreshed_at=at, error=reason)
        return FeedOutcome(row.url, title, "failed", reason=reason, seconds=_since(begun))
    if fetched.feed is None:
        store.record_fetch(row.url, refreshed_at=at)
        return FeedOutcome(row.url, title, "not-modified", seconds=_since(begun))
    feed = fetched.feed
    new = store.merge_entries(row.url, feed.entries, now=at)
    # Validators of a discovered feed belong to another URL: never send them to this one.
    same = fetched.feed_url == row.url
    store.record_fetch(
        row.url,
        refreshed_at=at,
        title=one_line(feed.title) or None,
        site_link=feed.link,
        validators=fetched.validators if same else Validators(),
    )
    title = row.title or one_line(feed.title) or row.url
    return FeedOutcome(row.url, title, "updated", new=new, seconds=_since(begun))


def _since(begun: float) -> float:
    return time.monotonic() - begun


def _duration(seconds: float) -> str:
    """``45 s``, ``3 min``, ``2 h`` for a wait."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"


def prune_old(store: WebStore, *, keep_days: int, now: float, keep: Callable[[str], bool]) -> int:
    """Drop entries (and pages) older than ``keep_days`` unless ``keep`` says to keep them.

    Args:
        store: The store.
        keep_days: ``[web] keep_days``; 0 keeps everything.
        now: The current time, seconds since the epoch.
        keep: Given an entry's key (its canonical link), True to keep it: unread or
            bookmarked entries (the reading state decides).

    Returns:
        How many entries were dropped.
    """
    if keep_days <= 0:
        return 0
    return store.prune(keep_days=keep_days, now=now, keep=keep)
