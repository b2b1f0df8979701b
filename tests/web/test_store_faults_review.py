"""The web store's transactions and big feeds, as a review found them wanting."""

from __future__ import annotations

import sqlite3

import pytest

from tui.web.feeds import parse_feed
from tui.web.jsonfeed import MAX_ITEMS
from tui.web.sqlitefile import transaction


def test_a_failed_commit_leaves_no_transaction_open() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE a (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE b (a_id INTEGER REFERENCES a(id) DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO b VALUES (7)")  # fails only at COMMIT
    assert not conn.in_transaction
    assert conn.execute("SELECT COUNT(*) FROM b").fetchone() == (0,)


def test_a_feed_longer_than_the_cap_keeps_the_first_entries_and_their_credits() -> None:
    items = "".join(
        f"<item><title>Tide report {n}</title><link>https://tides.example/{n}</link>"
        f"<guid>tide-{n}</guid><media:credit>Photo {n}/Tides</media:credit></item>"
        for n in range(MAX_ITEMS + 50)
    )
    body = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title>Kelmarsh Tides</title>{items}</channel></rss>"
    ).encode()
    feed = parse_feed(body, "https://tides.example/rss")
    assert feed.title == "Kelmarsh Tides" and len(feed.entries) == MAX_ITEMS
    assert feed.entries[0].image_credit == "Photo 0/Tides"
    assert feed.entries[-1].image_credit == f"Photo {MAX_ITEMS - 1}/Tides"
