"""Feed parsing (RSS 2.0/1.0, Atom, JSON Feed), discovery and the full-content rule."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tui.web.feeds import discover_feeds, has_full_content, parse_feed
from tui.web.types import FeedEntry, NotAFeed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def _read(name: str, url: str = "https://courier.example/feeds/all.rss") -> list[FeedEntry]:
    return list(parse_feed((FEEDS / name).read_bytes(), url).entries)


@pytest.mark.parametrize(
    ("name", "kind", "title", "count"),
    [
        ("rss20.xml", "rss", "The Harrowgate Courier", 3),
        ("rss10.rdf", "rss", "Quillbury Almanac", 1),
        ("atom.xml", "atom", "Fenwick Field Notes", 2),
        ("feed.json", "json", "Pellham Weekly", 3),
        ("malformed.xml", "rss", "Orrin Valley Gazette & Times", 2),
    ],
)
def test_each_format_gives_its_title_and_entries(
    name: str, kind: str, title: str, count: int
) -> None:
    feed = parse_feed((FEEDS / name).read_bytes(), "https://x.example/feed")
    assert (feed.kind, feed.title, len(feed.entries)) == (kind, title, count)


def test_rss20_entry_fields() -> None:
    ferry, bridge, market = _read("rss20.xml")
    # A relative link is resolved against the feed URL; the query is kept as the feed gave it.
    assert ferry.link == "https://courier.example/news/ferry-returns?utm_source=rss"
    assert ferry.guid == "courier-2024-0412"
    assert ferry.author == "Orla Vantrees"
    assert ferry.published == "2024-04-12T07:30:00Z"  # +0200 moved to UTC
    assert ferry.summary == "The old ferry is back on the lake."
    assert ferry.content is not None and "Pell Maddock" in ferry.content
    assert ferry.content_is_html
    assert ferry.image_credit == "Photograph: Tamsin Roe/Courier"
    assert ferry.image_caption == "The ferry leaves the Harrowgate pier at dawn."
    # "address (Name)" gives the name; media:title is a caption, not the entry's title.
    assert bridge.author == "Bram Oakhurst"
    assert bridge.title == "Harrowgate council delays the bridge vote"
    assert (bridge.image_credit, bridge.image_caption) == (
        "Ilse Farrow",
        "The half-built bridge at Stonecross",
    )
    assert (market.link, market.guid, market.published) == (None, None, None)


def test_rss10_and_atom_fields() -> None:
    (tides,) = _read("rss10.rdf")
    assert (tides.author, tides.published) == ("Hester Quill", "2024-05-01T06:00:00Z")
    herons, updated = _read("atom.xml", "https://notes.example/atom.xml")
    assert herons.link == "https://notes.example/blog/herons"  # xml:base honoured
    assert herons.author == "Dilys Fenwick, Amos Reed"
    assert herons.published == "2024-06-01T07:15:00Z"  # published wins over updated
    assert herons.content == "<p>We counted forty-one herons at Marsh End.</p>"
    assert updated.published == "2024-05-20T12:00:00Z"  # else updated
    assert (updated.content, updated.content_is_html, updated.summary) == (
        "Plain words, no markup.",
        False,
        None,
    )


def test_json_feed_fields_and_junk() -> None:
    orchard, note, junk = _read("feed.json", "https://pellham.example/feed.json")
    assert orchard.link == "https://pellham.example/stories/orchard"
    assert orchard.author == "Rosalind Teague, Jory Plum"
    assert orchard.published == "2024-07-03T11:45:00Z"
    assert orchard.content_is_html and orchard.summary == "Apples again."
    assert (note.guid, note.content_is_html, note.author) == ("42", False, "The Pellham desk")
    assert note.published == "2024-07-01T00:00:00Z"
    # Wrong types are ignored, a javascript: URL dropped; an item without an id is skipped.
    assert (junk.title, junk.link, junk.published) == ("", None, None)


@pytest.mark.parametrize(
    "body",
    [
        b"{}",
        b'{"version": "https://example.org/", "items": []}',
        b"[1, 2]",
        b"{" * 100_000,
        b'{"version": 1}',
    ],
)
def test_json_that_is_no_json_feed_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(NotAFeed):
        parse_feed(body, "https://x.example/", "application/json")


def test_json_feed_items_of_wrong_type_give_no_entries() -> None:
    data = {"version": "https://jsonfeed.org/version/1", "title": 5, "items": {"id": "x"}}
    feed = parse_feed(json.dumps(data).encode(), "https://x.example/feed.json")
    assert (feed.title, feed.entries) == ("", ())


@pytest.mark.parametrize("name", ["page.html"])
def test_html_page_is_not_a_feed(name: str) -> None:
    with pytest.raises(NotAFeed):
        parse_feed((FEEDS / name).read_bytes(), "https://courier.example/", "text/html")


@pytest.mark.parametrize("body", [b"", b"plain words", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_other_bodies_are_not_feeds(body: bytes) -> None:
    with pytest.raises(NotAFeed):
        parse_feed(body, "https://x.example/")


def test_hostile_feed_is_read_but_not_trusted() -> None:
    first, huge = _read("hostile.xml", "https://hostile.example/rss")
    # Text stays as the feed wrote it (sanitising is the reader's job) ...
    assert first.title == "[/bold]Mayor \u202egnorw\u202c of Crookfell[bold]"
    # ... but links that are not http(s) are dropped, and a huge title is capped.
    assert (first.link, huge.link) == (None, None)
    assert len(huge.title) <= 1000


def test_billion_laughs_is_not_expanded() -> None:
    started = time.monotonic()
    feed = parse_feed((FEEDS / "laughs.xml").read_bytes(), "https://tarn.example/rss")
    assert time.monotonic() - started < 5
    assert "lol" * 100 not in feed.title
    assert all("lol" * 100 not in (e.summary or "") for e in feed.entries)


def test_discover_feeds_in_page_order() -> None:
    found = discover_feeds((FEEDS / "page.html").read_bytes(), "https://courier.example/a/")
    assert found == [
        "https://courier.example/feeds/all.rss",
        "https://courier.example/feeds/atom.xml",
        "https://courier.example/feeds/all.json",
        "https://cdn.courier.example/feed.json",
        "https://courier.example/feeds/sport.rss",
    ]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            b'<base href="https://b.example/x/"><link rel=alternate type=application/rss+xml '
            b'href="f.xml">',
            ["https://b.example/x/f.xml"],
        ),
        (b'<link rel="alternate" type="text/html" href="/de/">', []),
        (b'<link rel="stylesheet" type="application/rss+xml" href="/f">', []),
        (b'<link rel="alternate" type="application/atom+xml" href="file:///etc/passwd">', []),
        (b"<p>no links \xff\xfe at all</p>", []),
    ],
)
def test_discover_feeds_cases(page: bytes, expected: list[str]) -> None:
    assert discover_feeds(page, "https://a.example/") == expected


def _entry(content: str | None = None, summary: str | None = None) -> FeedEntry:
    return FeedEntry(title="t", content=content, summary=summary)


@pytest.mark.parametrize(
    ("entry", "full"),
    [
        (_entry(), False),
        (_entry(summary="A teaser. Read more"), False),
        (_entry(content="<p>" + "word " * 150 + "</p>"), True),
        (_entry(summary="word " * 160), True),  # the whole article in the description
        (_entry(content="<p>" + "word " * 60 + "</p>", summary="a short teaser"), True),
        (_entry(content="<p>" + "word " * 60 + "</p>", summary="word " * 40), False),
        (_entry(content="<b>" * 400 + "few words here"), False),  # tags are not words
    ],
)
def test_has_full_content(entry: FeedEntry, full: bool) -> None:
    assert has_full_content(entry) is full


def test_a_body_naming_a_local_file_is_not_read_as_that_file(tmp_path: Path) -> None:
    # feedparser opens bytes it is given as a file name when it can; parse_feed never lets it.
    local = tmp_path / "secret.xml"
    local.write_bytes((FEEDS / "rss20.xml").read_bytes())
    with pytest.raises(NotAFeed):
        parse_feed(str(local).encode(), "https://x.example/feed")
