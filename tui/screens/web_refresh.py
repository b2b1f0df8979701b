"""Feeds in the main screen: the shelf kept in step, ``r`` to refresh, teasers made whole.

:class:`WebRefresh` is composed into the main screen (``screen.web``). It is active when the
library holds the web shelf's folder (:func:`tui.web.shelf.default_root`, added by the
command line when feeds are subscribed): on mount it syncs the shelf from the store in a
worker (no network) and starts a refresh when the last one is older than ``[web]
refresh_minutes``. ``r`` refreshes every feed in a thread worker; each feed's outcome comes
back as a :class:`WebUpdated` message, its shelf folder already synced, and the new files are
added to the library and indexed (the sidebar grows) without touching the reading pane. An
entry whose file holds only the feed's summary is fetched whole when opened (``[web]
fetch_full_article`` "auto" or "always"), its shelf file rewritten and the whole article
swapped in at the reader's place.

The records the workers post and their :class:`WebUpdated` message are in
:mod:`tui.screens.web_messages` (re-exported here).

Nothing here imports urllib3, feedparser or lxml at module level: the web is loaded in the
workers, and only when the shelf is in the library.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.article.sanitize import shown_name
from tui.screens.web_messages import FeedDone, RefreshDone, ShelfSynced, Upgraded, WebUpdated

if TYPE_CHECKING:
    from tui.library.session import Indexed
    from tui.screens.main import MainScreen
    from tui.settings.web_config import WebConfig
    from tui.web.refresh import FeedOutcome
    from tui.web.shelf import ShelfChange

__all__ = ["WEB_KEYS", "FeedDone", "RefreshDone", "ShelfSynced", "Upgraded", "WebRefresh",
           "WebUpdated"]  # fmt: skip

WEB_KEYS = [
    Binding("r", "refresh_feeds", "Refresh", show=False, id="refresh-feeds",
            tooltip="Fetch new entries of the subscribed feeds in the background"),
]  # fmt: skip
"""The screen's feed keys (its ``BINDINGS`` include them)."""

NO_FEEDS = (
    "No feeds to refresh. Subscribe with `newsread feeds add URL` or "
    "`newsread feeds import FILE.opml`, then start newsread again."
)


def _counted(store: object) -> frozenset[str]:
    """The folder names and titles of the feeds (the groups that show unread counts)."""
    from tui.web.shelf import OPENED, Shelf, safe_name
    from tui.web.store import WebStore

    assert isinstance(store, WebStore)
    names = {OPENED}
    folders = Shelf().folders()  # the manifest read once, not once per feed
    for row in store.feeds():
        if (folder := folders.get(row.url)) is not None:
            names.add(folder)
        names.add(row.title or row.url)
        names.add(safe_name(row.title or row.url, fallback="Feed"))
    return frozenset(names)


class WebRefresh:
    """Feeds and web pages in the main screen (see the module docstring)."""

    def __init__(self, screen: MainScreen) -> None:
        """Create the web part of a screen.

        Args:
            screen: The screen whose session, sidebar, status line and pane it updates.
        """
        self._screen = screen
        self.running = False
        """A refresh is under way."""
        self._upgrading: set[Path] = set()
        self._tried: set[Path] = set()
        self._web: WebConfig | None = None  # read on the UI thread, used by the workers
        self._synced_once = False

    @property
    def active(self) -> bool:
        """Whether the library holds the web shelf (feeds are subscribed)."""
        from tui.settings import paths

        # tui.web.shelf.default_root() spelled out: asked on every start, before the first
        # frame, when no web module should be imported (a test keeps the two in step).
        root = paths.cache_dir() / "web"
        return any(Path(p) == root for p in self._screen.session.paths)

    def start(self) -> None:
        """On mount: group by folder, newest first (the shelf is synced once files are found)."""
        if not self.active:
            return
        screen = self._screen
        self._web = self.web_config()
        screen.session.quiet.add(self._root())
        screen.set_reactive(type(screen).grouping, "folder")
        screen.set_reactive(type(screen).sorting, "date")
        screen.sidebar.grouping, screen.sidebar.sorting = "folder", "date"

    def library_found(self) -> None:
        """The library's files are in the session: sync the shelf (new files are added then)."""
        if self.active and not self._synced_once:
            self._synced_once = True
            self._run(self._sync_work, "sync the web shelf")

    def web_config(self) -> WebConfig:
        """The ``[web]`` settings the app was started with (defaults without a config)."""
        from tui.settings.web_config import WebConfig

        if self._web is not None:
            return self._web
        config = getattr(self._screen.app, "config", None)
        web = getattr(config, "web", None)
        return web if isinstance(web, WebConfig) else WebConfig()

    @staticmethod
    def _root() -> Path:
        from tui.web.shelf import default_root  # the one place the shelf's folder is named

        return default_root()

    def _run(self, work: Callable[[], None], description: str) -> None:
        self._screen.run_worker(
            work, thread=True, group=description, exit_on_error=False, description=description
        )

    def _post(self, update: ShelfSynced | FeedDone | RefreshDone | Upgraded) -> None:
        self._screen.post_message(WebUpdated(update))

    # -- workers (threads) -----------------------------------------------------------------------

    def _sync_work(self) -> None:
        from tui.web.refresh import due
        from tui.web.shelf import Shelf
        from tui.web.store import WebStore

        interval = self.web_config().refresh_minutes * 60.0
        with WebStore() as store:
            change = Shelf(self._root()).sync(store)
            counted = _counted(store)
            wanted = bool(due(store.feeds(), time.time(), interval))
        self._post(ShelfSynced(change, counted, wanted))

    def _refresh_work(self, read: frozenset[str], marked: frozenset[str]) -> None:
        from textual.worker import get_current_worker

        from tui.web.fetch import Fetcher
        from tui.web.limits import fetch_limits
        from tui.web.refresh import prune_old, refresh_feeds
        from tui.web.shelf import Shelf
        from tui.web.store import WebStore

        web = self.web_config()
        shelf = Shelf(self._root())
        try:
            with WebStore() as store, Fetcher(fetch_limits(web)) as fetcher:
                feeds = store.feeds()
                count = [0]

                def arrived(outcome: FeedOutcome) -> None:
                    count[0] += 1
                    change = shelf.sync(store, [outcome.url])
                    done = FeedDone(outcome, change, count[0], len(feeds), _counted(store))
                    self._post(done)

                worker = get_current_worker()
                summary = refresh_feeds(
                    store,
                    fetcher,
                    feeds,
                    concurrency=web.concurrency,
                    on_outcome=arrived,
                    cancelled=lambda: worker.is_cancelled,  # quitting never waits for feeds
                )
                # As `newsread refresh` does: old entries go unless unread or bookmarked.
                pruned = prune_old(
                    store,
                    keep_days=web.keep_days,
                    now=time.time(),
                    keep=lambda key: key not in read or key in marked,
                )
                if pruned:
                    shelf.sync(store)  # their files leave the shelf; the sidebar at next start
        except Exception as exc:  # noqa: BLE001 - the reader goes on; the status says why
            self._post(RefreshDone(None, f"{type(exc).__name__}: {exc}"))
            return
        self._post(RefreshDone(summary))

    def _upgrade_work(self, path: Path, url: str) -> None:
        from tui.library.html_files import read_html
        from tui.web.fetch import Fetcher
        from tui.web.limits import fetch_limits
        from tui.web.shelf import Shelf
        from tui.web.sources import PAGE_ACCEPT, save_result
        from tui.web.store import WebStore
        from tui.web.types import FetchError

        web = self.web_config()
        try:
            with WebStore() as store, Fetcher(fetch_limits(web)) as fetcher:
                result = fetcher.get(url, accept=PAGE_ACCEPT)
                save_result(store, result)
                Shelf(self._root()).sync(store, [self._feed_of(path) or ""])
            article = read_html(path)
        except FetchError as error:
            self._post(Upgraded(path, None, error.reason))
            return
        except Exception as exc:  # noqa: BLE001 - the summary stays; one line says why
            self._post(Upgraded(path, None, f"{type(exc).__name__}: {exc}"))
            return
        self._post(Upgraded(path, article))

    @staticmethod
    def _feed_of(path: Path) -> str | None:
        from tui.web.shelf import file_record

        found = file_record(path)
        return found.feed_url if found is not None else None

    # -- on the UI thread ------------------------------------------------------------------------

    def refresh(self) -> None:
        """``r``: refresh every feed in the background (or say why not)."""
        screen = self._screen
        if self.running:
            screen.notify("A refresh is running already.", markup=False)
            return
        if not self.active:
            screen.notify(NO_FEEDS, title="Refresh", markup=False)
            return
        self.running = True
        screen.status.progress = "Refreshing…"
        # What pruning must spare, taken here on the UI thread: the worker never reads the
        # session's sets while the reader changes them.
        read = frozenset(screen.session.read)
        state = screen.session.state
        marked = frozenset(state.bookmarks()) if state is not None else frozenset()
        self._run(lambda: self._refresh_work(read, marked), "refresh the feeds")

    def handle(self, message: WebUpdated) -> None:
        """Take a worker's news (the screen's handler calls this)."""
        update = message.update
        if isinstance(update, ShelfSynced):
            self._synced(update)
        elif isinstance(update, FeedDone):
            self._feed_done(update)
        elif isinstance(update, RefreshDone):
            self._refresh_done(update)
        else:
            self._upgraded(update)

    def _synced(self, update: ShelfSynced) -> None:
        self._screen.sidebar.count_groups(update.counted)
        self._take_change(update.change)
        if update.due and not self.running:
            self.refresh()

    def _feed_done(self, update: FeedDone) -> None:
        outcome = update.outcome
        self._screen.sidebar.count_groups(update.counted)
        self._take_change(update.change)
        news = {
            "updated": f"{outcome.new} new",
            "not-modified": "no change",
            "failed": "failed",
            "deferred": "later",
        }.get(outcome.status, outcome.status)
        self._screen.status.progress = shown_name(
            f"Refreshing {update.done}/{update.total} · {outcome.title}: {news}"
        )

    def _refresh_done(self, update: RefreshDone) -> None:
        self.running = False
        screen = self._screen
        screen.status.progress = ""
        summary = update.summary
        if summary is None:
            screen.notify(f"Refresh failed: {update.problem}", severity="error", markup=False)
            return
        failed = [o for o in summary.outcomes if o.status == "failed"]
        text = f"{summary.new} new entr{'y' if summary.new == 1 else 'ies'} from "
        text += f"{summary.refreshed} of {len(summary.outcomes)} feeds."
        # Feed titles and reasons come from servers: each line is made inert on its own.
        reasons = {o.reason for o in failed}
        if len(failed) > 1 and len(reasons) == 1:  # offline, typically: one line says it
            lines = [text, shown_name(f"All {len(failed)} failed feeds: {failed[0].reason}")]
        else:
            lines = [text, *(shown_name(f"{o.title}: {o.reason}") for o in failed[:5])]
            if len(failed) > 5:
                lines.append(f"… and {len(failed) - 5} more (newsread refresh lists them)")
        screen.notify(
            "\n".join(lines),
            title="Refreshed",
            severity="warning" if failed else "information",
            markup=False,
        )

    def _take_change(self, change: ShelfChange) -> None:
        """Add new shelf files to the library and index new and rewritten ones."""
        session = self._screen.session
        if not (change.added or change.changed):
            return
        added = session.add_files(sorted(change.added))
        if added and self._screen.article_index < 0:  # nothing was open: the shelf was empty
            self._screen.article_index = added[-1]  # the newest
        for path in change.changed:
            index = session.index_of(path)
            if index is not None and index != self._screen.shown_index:
                session.parsed.pop(index, None)  # read it again when opened
        files = (*change.added, *change.changed)
        self._screen.run_worker(
            lambda: self._index_work(files),
            thread=True,
            group="index web files",
            exit_on_error=False,
            description="index web files",
        )

    def _index_work(self, files: Sequence[Path]) -> None:
        from tui.screens.library_loading import EntriesIndexed

        def hand_over(items: Indexed, done: int, total: int) -> None:
            # As done: the loader's "Indexing… n%" would cover the refresh's progress.
            self._screen.post_message(EntriesIndexed(items, total, total))

        # forget=False: these few files are new, not the library; checking every other stored
        # path once per feed would repeat the whole library's work.
        self._screen.session.index(tuple(files), {}, lambda: False, hand_over, forget=False)

    # -- summary-only entries --------------------------------------------------------------------

    def article_shown(self, path: Path | None) -> None:
        """Fetch the whole article of a summary-only entry just opened (per the policy)."""
        if path is None or path in self._upgrading or path in self._tried:
            return
        from tui.library.html_files import is_html

        if not is_html(path) or self.web_config().fetch_full_article == "never":
            return
        from tui.web.shelf import file_record

        found = file_record(path)
        if found is None or not found.summary_only or not found.url.startswith("http"):
            return
        self._upgrading.add(path)
        self._tried.add(path)
        self._screen.status.progress = "Fetching the whole article…"
        url = found.url
        self._run(lambda: self._upgrade_work(path, url), "fetch a whole article")

    def _upgraded(self, update: Upgraded) -> None:
        screen = self._screen
        self._upgrading.discard(update.path)
        if not self.running:
            screen.status.progress = ""
        if update.article is None:
            screen.status.progress = shown_name(
                f"Summary only: the whole article could not be fetched ({update.problem})"
            )
            return
        screen.opening.replace(update.path, update.article)
        self._take_change(_changed(update.path))


def _changed(path: Path) -> ShelfChange:
    from tui.web.shelf import ShelfChange

    return ShelfChange(changed=(path,))
