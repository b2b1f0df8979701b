"""OPML: nested folders flattened, hostile XML refused safely, and a write/read round trip."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.web.opml import OpmlError, read_opml, write_opml
from tui.web.types import Subscription

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def test_nested_outlines_are_flattened_and_deduplicated() -> None:
    subs = read_opml((FEEDS / "subscriptions.opml").read_bytes())
    assert subs == [
        Subscription("https://courier.example/feeds/all.rss", "The Harrowgate Courier"),
        Subscription("https://almanac.example/rss", "Quillbury Almanac"),
        Subscription("https://notes.example/atom.xml", "Fenwick Field Notes"),
        Subscription("https://pellham.example/feed.json", None),
    ]


_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY a%d "%s">' % (i, (b"&a;" if i == 1 else b"&a%d;" % (i - 1)) * 10)
        for i in range(1, 10)
    )
    + b']><opml version="2.0"><body><outline text="&a9;" xmlUrl="https://a.example/f"/>'
    b"</body></opml>"
)
_EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/f"/></body></opml>'
)


@pytest.mark.parametrize("data", [_LAUGHS, _EXTERNAL])
def test_entities_are_never_expanded(data: bytes) -> None:
    started = time.monotonic()
    try:
        subs = read_opml(data)
    except OpmlError:
        return  # refusing the file is as good as reading it without the entity
    assert time.monotonic() - started < 5
    assert all(len(s.title or "") < 100 and "root:" not in (s.title or "") for s in subs)


@pytest.mark.parametrize(
    "data",
    [b"", b"not xml", b"<html><body>hi</body></html>", b"<opml><body>", b"\xff\xfe\x00<"],
)
def test_not_opml_raises_one_line(data: bytes) -> None:
    with pytest.raises(OpmlError) as caught:
        read_opml(data)
    assert "\n" not in str(caught.value)


def test_written_opml_escapes_and_reads_back() -> None:
    subs = [
        Subscription('https://a.example/f?x=1&y="2"', "Ash & <Oak> \x1b[31m"),
        Subscription("https://b.example/f", None),
    ]
    text = write_opml(subs)
    assert "\x1b" not in text and "&amp;" in text and "&lt;Oak&gt;" in text
    assert read_opml(text.encode()) == [
        Subscription('https://a.example/f?x=1&y="2"', "Ash & <Oak> [31m"),
        Subscription("https://b.example/f", None),
    ]


_urls = st.builds(
    "https://{}.example/{}?q={}".format,
    st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs")), max_size=30
    ),
    st.text(max_size=20).map(lambda s: s.replace(" ", "+")),
)


@given(st.lists(st.tuples(_urls, st.none() | st.text(max_size=60)), max_size=8))
def test_round_trip(pairs: list[tuple[str, str | None]]) -> None:
    subs = [Subscription(url, title) for url, title in pairs]
    expected: list[Subscription] = []
    for sub in subs:
        url = _xml_only(sub.url).strip()
        if url not in {e.url for e in expected}:
            expected.append(Subscription(url, _xml_only(sub.title or "").strip() or None))
    assert read_opml(write_opml(subs).encode("utf-8", "surrogatepass")) == expected


def _xml_only(text: str) -> str:
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff"
    )
