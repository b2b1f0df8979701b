"""Refresh scheduling (tui.web.refresh.due) and one-line reasons."""

from __future__ import annotations

from tui.web.refresh import due, one_line
from tui.web.types import FeedRow, Validators


def row(url: str, last: float | None, next_try: float | None = None) -> FeedRow:
    return FeedRow(url, None, None, 0.0, last, Validators(), None, next_try)


def test_due_takes_never_refreshed_and_stale_feeds_but_not_deferred_ones() -> None:
    feeds = [
        row("http://127.0.0.1/never", None),
        row("http://127.0.0.1/fresh", 1000.0),
        row("http://127.0.0.1/stale", 100.0),
        row("http://127.0.0.1/busy", None, next_try=1500.0),
        row("http://127.0.0.1/waited", 100.0, next_try=1100.0),
    ]
    found = [feed.url for feed in due(feeds, now=1200.0, interval_s=600.0)]
    assert found == [
        "http://127.0.0.1/never",
        "http://127.0.0.1/stale",
        "http://127.0.0.1/waited",
    ]


def test_due_at_exactly_the_interval() -> None:
    assert due([row("http://127.0.0.1/a", 0.0)], now=60.0, interval_s=60.0)
    assert not due([row("http://127.0.0.1/a", 0.5)], now=60.0, interval_s=60.0)


def test_one_line_squeezes_control_characters_and_length() -> None:
    assert one_line("HTTP 500\n\x1b[31mboom\x00 ") == "HTTP 500 [31mboom"
    assert len(one_line("x" * 500)) == 200
