"""Benchmark: one feed's refresh work without the network — parsing and merging into the store.

Run from the repository root::

    python tests/benchmarks/bench_feedparse.py [--entries 50] [--repeat 200]

Prints milliseconds per feed for the lxml fast path (``parse_feed``) and for feedparser
(``parse_with_feedparser``) on a generated RSS 2.0 feed (invented text, the shape
``bench_refresh.py`` serves), then for ``WebStore.merge_entries`` of its entries into a fresh
store (all new) and again (all seen), on a temporary file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tui.web.feeds import parse_feed, parse_with_feedparser
from tui.web.store import WebStore

WORDS = ["harbour", "council", "ferry", "orchard", "market", "lantern", "quay", "valley"]


def feed_xml(entries: int, base: str = "http://127.0.0.1:8000") -> bytes:
    """A generated RSS 2.0 feed (invented places, deterministic)."""
    items = []
    for i in range(entries):
        words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(40))
        items.append(
            f"<item><title>Story {i}: the {WORDS[i % len(WORDS)]} of Ostervale</title>"
            f"<link>{base}/story/{i}</link><guid>f-{i}</guid>"
            f"<pubDate>Mon, 0{1 + i % 9} Jan 2024 10:00:00 GMT</pubDate>"
            f"<description>&lt;p&gt;{words}.&lt;/p&gt;</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Ostervale feed</title><link>{base}/</link>"
        f"<description>Generated</description>{''.join(items)}</channel></rss>"
    ).encode()


def per_call_ms(work: Callable[[], object], repeat: int) -> float:
    """The best of three runs of ``repeat`` calls, in milliseconds per call."""
    work()  # imports and caches
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(repeat):
            work()
        best = min(best, (time.perf_counter() - started) / repeat)
    return best * 1000


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    body = feed_xml(args.entries)
    url = "http://127.0.0.1:8000/feed.xml"
    assert parse_feed(body, url) == parse_with_feedparser(body, url)
    fast = per_call_ms(lambda: parse_feed(body, url), args.repeat)
    slow = per_call_ms(lambda: parse_with_feedparser(body, url), max(1, args.repeat // 10))
    print(f"{args.entries}-entry RSS 2.0 feed, {len(body) / 1024:.0f} KiB")
    print(f"parse  lxml fast path   {fast:7.2f} ms/feed")
    print(f"parse  feedparser       {slow:7.2f} ms/feed   ({slow / fast:.1f}x)")
    entries = parse_feed(body, url).entries
    with (
        tempfile.TemporaryDirectory(prefix="bench-feedparse-") as tmp,
        WebStore(Path(tmp) / "web.sqlite3") as store,
    ):
        feeds = iter(range(10**6))
        # Every call a feed the store has not seen, so every entry is new.
        new = per_call_ms(lambda: store.merge_entries(f"{url}?{next(feeds)}", entries, now=1.0), 50)
        again = per_call_ms(lambda: store.merge_entries(url, entries, now=2.0), 50)
    print(f"merge  {args.entries} new entries      {new:7.2f} ms/feed")
    print(f"merge  {args.entries} seen entries     {again:7.2f} ms/feed")


if __name__ == "__main__":
    main()
