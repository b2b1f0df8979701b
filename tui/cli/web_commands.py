"""The web on the command line: ``feeds``, ``refresh``, ``dump URL`` and ``newsread URL``.

None of this imports Textual; urllib3, feedparser and lxml are imported by :mod:`tui.web` only
when a command fetches or parses, so ``newsread dump file.txt`` never loads them. Every failure
is one line on standard error naming the feed or address and the reason, never a traceback.

Which feed a page gives: ``feeds add`` of a page (not a feed) subscribes to the page's first
``<link rel="alternate">`` feed: the discovered feed address is what is stored (and what
``feeds list``, ``feeds remove`` and ``feeds export`` show), and the command says so. Refreshes
then fetch the feed directly, with conditional GETs, instead of the page each time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.article.sanitize import shown_name

if TYPE_CHECKING:
    from tui.article.model import Article
    from tui.settings.config import Config
    from tui.web.fetch import Fetcher
    from tui.web.refresh import FeedOutcome
    from tui.web.store import WebStore

__all__ = [
    "run_feeds",
    "run_refresh",
    "setup_feeds",
    "setup_refresh",
    "web_articles",
]


class CommandError(Exception):
    """A problem that ends a web command with one line and a status."""

    def __init__(self, message: str, status: int = 1) -> None:
        """Create the error.

        Args:
            message: One line for standard error.
            status: The exit status.
        """
        super().__init__(message)
        self.status = status


def _error(message: str) -> None:
    for line in message.splitlines() or [""]:  # each line made inert on its own
        print(f"newsread: {shown_name(line)}", file=sys.stderr)


def _config(args: argparse.Namespace) -> Config:
    """The config file's settings (binding ids are not needed: the app is not started).

    As for the reader: a file named by ``--config`` or ``$NEWSREAD_CONFIG`` must exist, and
    every problem is reported (exit status 2).
    """
    from tui.settings.config import CONFIG_ENV, ConfigError, config_path, load_config

    given = getattr(args, "config", None)
    path = config_path(given)
    if (given is not None or os.environ.get(CONFIG_ENV)) and not path.exists():
        raise CommandError(f"{path}: no such config file", 2)
    try:
        return load_config(path)
    except ConfigError as error:
        raise CommandError("\n".join(str(p) for p in error.problems), 2) from None


def _store() -> WebStore:
    from tui.web.store import WebStore

    # A store that cannot be saved (full or read-only disk, a damaged file set aside) says so.
    return WebStore(report=lambda why: _error(f"web store: {why}"))


def _fetcher(config: Config, stack: ExitStack) -> Fetcher:
    from tui.web.fetch import Fetcher
    from tui.web.limits import fetch_limits

    return stack.enter_context(Fetcher(fetch_limits(config.web)))


# -- dump URL and newsread URL ---------------------------------------------------------------


def web_articles(
    urls: list[str], args: argparse.Namespace, *, offline: bool
) -> Iterator[tuple[str, Article | None]]:
    """Each article the addresses give, with the address to report (None after a failure).

    Args:
        urls: http(s) addresses, in order.
        args: The parsed arguments (``--config``).
        offline: Answer from the store only.

    Yields:
        (address, article): the address given for a page, the entry's own for a feed entry.
    """
    from tui.web.sources import OfflineMiss, open_source
    from tui.web.types import FetchError

    try:
        config = _config(args)
    except CommandError as error:
        # A broken config stops newsread with status 2, as everywhere else; nothing is fetched.
        _error(str(error))
        raise SystemExit(error.status) from None
    with ExitStack() as stack:
        store = stack.enter_context(_store())
        fetcher = None if offline else _fetcher(config, stack)
        for url in urls:
            try:
                opened = open_source(
                    url,
                    store=store,
                    fetcher=fetcher,
                    policy=config.web.fetch_full_article,
                    offline=offline,
                    concurrency=config.web.concurrency,
                )
            except FetchError as error:
                _error(f"{url}: {error.reason}")
                yield url, None
                continue
            except OfflineMiss as error:
                _error(str(error))
                yield url, None
                continue
            for problem in opened.problems:
                _error(problem)
            if opened.kind == "feed" and not opened.articles:
                _error(f"{url}: the feed has no entries")
            yield from zip(opened.addresses, opened.articles, strict=True)


# -- feeds -----------------------------------------------------------------------------------


def setup_feeds(parser: argparse.ArgumentParser) -> None:
    """Add ``feeds``' actions and their arguments.

    Args:
        parser: The ``feeds`` subparser.
    """
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="subscribe to a feed (or the feed a page links)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--title", help="the name to show instead of the feed's own title")
    actions.add_parser("list", help="list subscriptions and their last errors")
    remove = actions.add_parser("remove", help="unsubscribe (stored entries go with it)")
    remove.add_argument("url", metavar="URL")
    imp = actions.add_parser("import", help="subscribe to every feed of an OPML file")
    imp.add_argument("file", type=Path, metavar="FILE.opml")
    actions.add_parser("export", help="print the subscriptions as OPML")


def run_feeds(args: argparse.Namespace) -> int:
    """``newsread feeds add|list|remove|import|export``.

    Args:
        args: Parsed arguments.

    Returns:
        0, or 1 (2 for a config problem) after one line saying what went wrong.
    """
    try:
        with _store() as store:
            action = {
                "add": _feeds_add,
                "list": _feeds_list,
                "remove": _feeds_remove,
                "import": _feeds_import,
                "export": _feeds_export,
            }[args.action]
            return action(args, store, sys.stdout)
    except CommandError as error:
        _error(str(error))
        return error.status


def _feeds_add(args: argparse.Namespace, store: WebStore, out: TextIO) -> int:
    from tui.web.refresh import fetch_feed, one_line
    from tui.web.types import FeedRow, FetchError, Validators
    from tui.web.urls import check_url

    config = _config(args)
    try:
        url = check_url(args.url)
    except FetchError as error:
        raise CommandError(f"{args.url}: {error.reason}") from None
    if store.feed(url) is not None:
        raise CommandError(f"{url}: already subscribed")
    row = FeedRow(url, None, None, 0.0, None, Validators(), None, None)
    with ExitStack() as stack:
        fetcher = _fetcher(config, stack)
        try:
            fetched = fetch_feed(fetcher, row)
        except FetchError as error:
            raise CommandError(f"{url}: {error.reason} (not subscribed)") from None
    feed = fetched.feed
    assert feed is not None  # no validators were sent, so no 304
    feed_url = fetched.feed_url
    if feed_url != url and store.feed(feed_url) is not None:
        raise CommandError(f"{url}: the page's feed {feed_url} is already subscribed")
    now = time.time()
    store.add_feed(feed_url, args.title, now=now)
    new = store.merge_entries(feed_url, feed.entries, now=now)
    same = feed_url == url
    store.record_fetch(
        feed_url,
        refreshed_at=now,
        title=one_line(feed.title) or None,
        site_link=feed.link,
        validators=fetched.validators if same else None,
    )
    title = args.title or one_line(feed.title) or feed_url
    if not same:
        out.write(f"{shown_name(url)} is a page; it links the feed {shown_name(feed_url)}\n")
    out.write(f"subscribed: {shown_name(title)} ({shown_name(feed_url)}), {new} entries\n")
    return 0


def _feeds_list(args: argparse.Namespace, store: WebStore, out: TextIO) -> int:
    rows = store.feeds()
    if not rows:
        out.write(
            "no feeds: add one with `newsread feeds add URL` or `newsread feeds import FILE`\n"
        )
        return 0
    for row in rows:
        line = f"{row.url}  {row.title or ''}".rstrip()
        if row.last_error:
            line += f"  [last refresh failed: {row.last_error}]"
        out.write(shown_name(line) + "\n")
    return 0


def _feeds_remove(args: argparse.Namespace, store: WebStore, out: TextIO) -> int:
    from tui.web.urls import canonical_url

    url = args.url.strip()
    if not store.remove_feed(url):
        known = {canonical_url(row.url): row.url for row in store.feeds()}
        if (match := known.get(canonical_url(url))) is None or not store.remove_feed(match):
            raise CommandError(f"{url}: not subscribed (see `newsread feeds list`)")
        url = match
    out.write(f"unsubscribed: {shown_name(url)}\n")
    return 0


def _feeds_import(args: argparse.Namespace, store: WebStore, out: TextIO) -> int:
    from tui.web.opml import OpmlError, read_opml
    from tui.web.types import FetchError
    from tui.web.urls import check_url

    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror or error}") from None
    try:
        subscriptions = read_opml(data)
    except OpmlError as error:
        raise CommandError(f"{args.file}: not an OPML file we can read: {error}") from None
    added = skipped = 0
    for sub in subscriptions:
        try:
            url = check_url(sub.url)
        except FetchError as error:
            _error(f"{args.file}: {sub.url}: {error.reason} (skipped)")
            skipped += 1
            continue
        if store.add_feed(url, sub.title):
            added += 1
        else:
            skipped += 1
    out.write(f"imported {added} feed(s) from {shown_name(str(args.file))}")
    out.write(f", {skipped} skipped (already subscribed or not http/https)\n" if skipped else "\n")
    if added:
        out.write("run `newsread refresh` to fetch them\n")
    return 0 if added or not skipped else 1


def _feeds_export(args: argparse.Namespace, store: WebStore, out: TextIO) -> int:
    from tui.web.opml import write_opml
    from tui.web.types import Subscription

    subs = [Subscription(row.url, row.title) for row in store.feeds()]
    out.write(write_opml(subs))
    return 0


# -- refresh ---------------------------------------------------------------------------------


def setup_refresh(parser: argparse.ArgumentParser) -> None:
    """``refresh`` takes no arguments of its own.

    Args:
        parser: The ``refresh`` subparser.
    """
    parser.set_defaults(action="refresh")


def run_refresh(args: argparse.Namespace) -> int:
    """``newsread refresh``: fetch every feed, a line per feed as it finishes, a summary.

    Args:
        args: Parsed arguments.

    Returns:
        0 when at least one feed answered (updated or not modified), else 1; 2 for a config
        problem.
    """
    from tui.web.refresh import prune_old, refresh_feeds

    try:
        config = _config(args)
    except CommandError as error:
        _error(str(error))
        return error.status
    with ExitStack() as stack:
        store = stack.enter_context(_store())
        rows = store.feeds()
        if not rows:
            _error("no feeds to refresh: add one with `newsread feeds add URL`")
            return 1
        fetcher = _fetcher(config, stack)
        total = len(rows)
        done = 0

        def progress(outcome: FeedOutcome) -> None:
            nonlocal done
            done += 1
            print(_progress_line(outcome, done, total), file=_stream(outcome), flush=True)

        summary = refresh_feeds(
            store,
            fetcher,
            rows,
            concurrency=config.web.concurrency,
            on_outcome=progress,
        )
        pruned = prune_old(
            store, keep_days=config.web.keep_days, now=time.time(), keep=_keeper(stack)
        )
    parts = [
        f"{summary.count('updated')} updated",
        f"{summary.count('not-modified')} not modified",
        f"{summary.count('failed')} failed",
    ]
    if deferred := summary.count("deferred"):
        parts.append(f"{deferred} deferred")
    line = f"{total} feed(s): {', '.join(parts)}; {summary.new} new entries"
    if pruned:
        line += f", {pruned} old read entries pruned"
    print(f"{line} in {summary.seconds:.1f} s")
    return 0 if summary.refreshed else 1


def _stream(outcome: FeedOutcome) -> TextIO:
    return sys.stderr if outcome.status == "failed" else sys.stdout


def _progress_line(outcome: FeedOutcome, done: int, total: int) -> str:
    width = len(str(total))
    head = f"[{done:>{width}}/{total}] {outcome.status:<12} {outcome.title}"
    if outcome.status == "updated":
        tail = f" ({outcome.new} new, {outcome.seconds:.1f} s)"
    elif outcome.reason:
        tail = f" ({outcome.url}): {outcome.reason}"
    else:
        tail = f" ({outcome.seconds:.1f} s)"
    return shown_name(head + tail)


def _keeper(stack: ExitStack) -> Callable[[str], bool]:
    """Keep an entry unless it is read and not bookmarked (the reading state decides)."""
    from tui.library.state import ReadingState

    state = stack.enter_context(ReadingState())

    def keep(key: str) -> bool:
        return not state.is_read(key) or state.is_bookmarked(key)

    return keep
