"""SVG snapshot of the sidebar with subscribed feeds (a store and shelf built in the test).

The feed, its entries and their dates are fixed here, and the last refresh is recorded as
just now, so no refresh runs and nothing on screen depends on the clock.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from tests.snapshots.test_snapshots import SnapCompare, loaded
from tui.app import NewsreadApp
from tui.settings.config import Config
from tui.web.shelf import Shelf
from tui.web.store import WebStore
from tui.web.types import FeedEntry

STORY = (
    "<p>The Velmora tram line reopened on Monday after a winter of repairs, the city's "
    "transport office said.</p><p>“We rebuilt every switch,” said engineer Odile Marsh. "
    "“Riders will feel the difference.”</p><h2>What changes</h2><p>Trams run every six "
    "minutes until midnight.</p>"
)


def _shelf_with_feeds() -> NewsreadApp:
    feeds = {
        "https://courier.example/rss": ("Velmora Courier", ["Trams return to Velmora",
                                                             "Harbour fees rise"]),
        "https://gazette.example/atom": ("Kelmarsh Gazette", ["Gulls counted at dawn"]),
    }  # fmt: skip
    with WebStore() as store:
        for url, (title, stories) in feeds.items():
            store.add_feed(url, title, now=1.0)
            store.merge_entries(url, [
                FeedEntry(title=story, link=f"{url.rsplit('/', 1)[0]}/s/{n}", guid=f"{title}-{n}",
                          published=f"2024-04-0{n + 1}T09:00:00Z", content=STORY)
                for n, story in enumerate(stories)
            ], now=1_700_000_000.0)  # fmt: skip
            store.record_fetch(url, refreshed_at=time.time())  # not due: no refresh starts
        Shelf().sync(store)
    return NewsreadApp([Shelf().root], config=Config())


def test_sidebar_with_feeds(snap_compare: SnapCompare) -> None:
    run_before: Callable[[Pilot[None]], Awaitable[None]] = loaded
    assert snap_compare(
        _shelf_with_feeds(), press=("tab",), terminal_size=(120, 30), run_before=run_before
    )
