"""The web in the reader: the shelf added to the library, ``newsread URL`` opened in the app.

``newsread`` with subscribed feeds opens the library as before plus the web shelf's folder
(:mod:`tui.web.shelf`), which the app syncs from the store in a worker. ``newsread URL``
fetches and stores each address (:func:`tui.web.sources.open_source`), puts it on the shelf (a
page in ``Opened pages``, a feed's entries in a folder of its own) and opens the app on the
first one. Only the standard library and newsread's own modules are imported before it is
known that the web is wanted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tui.article.sanitize import shown_name
from tui.settings import paths

__all__ = ["open_urls", "shelf_paths"]


def shelf_paths() -> list[Path]:
    """The shelf's folder when feeds are subscribed (or pages were opened), else nothing.

    Runs before the first frame, so it only looks: without a store file nothing is read; with
    one, the shelf's manifest or a read-only query for a feed decides (the app's worker syncs
    the shelf later). The store is never opened for writing here, so a second newsread busy
    writing it cannot hold up the start.

    Returns:
        ``[shelf root]`` (made if missing) or ``[]``.
    """
    store = paths.data_dir() / "web.sqlite3"
    if not store.is_file():
        return []
    root = paths.cache_dir() / "web"
    if not ((root / ".shelf.json").is_file() or _has_feeds(store)):
        return []
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return []
    return [root]


def _has_feeds(store: Path) -> bool:
    import sqlite3

    try:
        conn = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            return conn.execute("SELECT 1 FROM feeds LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _error(message: str) -> None:
    print(f"newsread: {shown_name(message)}", file=sys.stderr)


def open_urls(args: argparse.Namespace) -> tuple[list[Path], Path | None]:
    """Fetch and store the addresses given and put them on the shelf.

    Args:
        args: Parsed arguments (``paths`` holds the addresses, ``--config``).

    Returns:
        ``(library paths, file to open first)``; the file is None when no address could be
        fetched (each failure is said on stderr).
    """
    from contextlib import ExitStack

    from tui.cli.web_commands import _config, _fetcher
    from tui.web.shelf import Shelf
    from tui.web.sources import OfflineMiss, open_source
    from tui.web.store import WebStore
    from tui.web.types import FetchError

    config = _config(args)  # a CommandError (status 2) goes to the caller
    shelf = Shelf()
    first: Path | None = None
    with ExitStack() as stack:
        store = stack.enter_context(WebStore(report=lambda why: _error(f"web store: {why}")))
        fetcher = _fetcher(config, stack)
        for url in args.paths:
            try:
                opened = open_source(
                    url,
                    store=store,
                    fetcher=fetcher,
                    policy=config.web.fetch_full_article,
                    concurrency=config.web.concurrency,
                )
            except (FetchError, OfflineMiss) as error:
                _error(f"{url}: {getattr(error, 'reason', error)}")
                continue
            for problem in opened.problems:
                _error(problem)
            path = (
                shelf.add_page(store, url)
                if opened.kind == "page"
                else _add_feed(shelf, store, url)
            )
            if path is None:
                _error(f"{url}: nothing to show")
            elif first is None:
                first = path
    return ([shelf.root] if first is not None else []), first


def _add_feed(shelf: object, store: object, url: str) -> Path | None:
    """A feed opened by address: its entries stored and shelved; its newest entry's file."""
    from tui.web.feeds import parse_feed
    from tui.web.shelf import Shelf
    from tui.web.store import WebStore

    assert isinstance(shelf, Shelf) and isinstance(store, WebStore)
    page = store.page(url)
    if page is None:
        return None
    feed = parse_feed(page.body, page.final_url, page.content_type)
    store.merge_entries(url, feed.entries, now=time.time())
    title = store.feed(url)
    folder = shelf.add_feed(store, url, (title.title if title else None) or feed.title or url)
    if folder is None:
        return None
    files = sorted(folder.glob("*.html"))
    return files[-1] if files else None  # names start with the date: the newest is last
