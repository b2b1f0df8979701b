"""The lxml fast path reads feeds as feedparser does, and leaves it what it cannot vouch for."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.web import feeds
from tui.web.feeds import parse_feed, parse_with_feedparser
from tui.web.types import Feed
from tui.web.xmlfeed import read_xml_feed
from tui.web.xmlnames import FEEDPARSER_NAMESPACES, FEEDPARSER_PREFIXES

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
URL = "https://courier.example/feeds/all.rss"


def _fast(body: bytes, url: str = URL) -> Feed | None:
    read = read_xml_feed(body, url)
    if read is None:
        return None
    return feeds._feed(read.kind, read.info, read.entries, read.media, url)


def _assert_same(body: bytes, url: str = URL) -> bool:
    """Fast and feedparser paths agree; returns whether the fast path took the feed."""
    fast = _fast(body, url)
    if fast is not None:
        assert fast == parse_with_feedparser(body, url)
    return fast is not None


@pytest.mark.parametrize(
    ("name", "fast"),
    [
        ("rss20.xml", True),
        ("rss10.rdf", True),
        ("atom.xml", True),
        ("quirks.xml", True),
        ("quirks_atom.xml", True),
        ("malformed.xml", False),  # an unclosed tag: feedparser's recovery reads it
        ("hostile.xml", False),  # a DOCTYPE with entities
        ("laughs.xml", False),
    ],
)
def test_fixtures_read_the_same_by_both_paths(name: str, fast: bool) -> None:
    body = (FEEDS / name).read_bytes()
    for url in (URL, "https://notes.example/atom.xml"):
        assert _assert_same(body, url) is fast
    assert parse_feed(body, URL) == parse_with_feedparser(body, URL)


def test_quirks_feedparser_has_are_kept() -> None:
    ferry, swap, bare = parse_feed((FEEDS / "quirks.xml").read_bytes(), URL).entries
    # A permalink guid is resolved against the feed URL and stands in for the missing link.
    assert ferry.guid == ferry.link == "https://courier.example/feeds/ferry-2024"
    assert ferry.title == "Ferry \u201cback\u201d at Lindmere"  # C1 bytes read as cp1252
    # A media:description after the description becomes content (plain text), as feedparser has it.
    assert (swap.summary, swap.content, swap.content_is_html) == (
        "The mill wheel turns again.",
        "The wheel at Ostby mill, from the weir",
        False,
    )
    assert swap.published == "2024-03-02T09:00:00Z"  # dc:date when there is no pubDate
    assert (bare.title, bare.author) == ("Caf\u00e9 opens at Tarnby", "Wendel Hask")


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel/></rss>',
        b"<rss version='2.0'><channel><item><title>x</title><pubDate>yesterday</pubDate>"
        b"</item></channel></rss>",
        b"<rss version='2.0'><channel><item><description>a <b>b</b></description></item>"
        b"</channel></rss>",
        b"<rss version='2.0' xmlns:itunes='http://www.itunes.com/DTDs/PodCast-1.0.dtd'><channel>"
        b"<item><itunes:summary>s</itunes:summary></item></channel></rss>",
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">'
        b'<div xmlns="http://www.w3.org/1999/xhtml">hi</div></content></entry></feed>',
        b"<html><body>not a feed</body></html>",
        b"<rss version='2.0'><channel><item><title>unclosed</item></channel></rss>",
    ],
)
def test_fallback_is_taken(body: bytes) -> None:
    assert read_xml_feed(body, URL) is None


def test_comments_between_elements_keep_the_fast_path() -> None:
    body = (
        b"<rss version='2.0'><channel><!-- made by hand --><title>Tarn Post</title><item>"
        b"<?note x?><title>Quiet day</title><!-- c --><link>/quiet</link></item></channel></rss>"
    )
    assert _assert_same(body)
    # Inside a text element a comment splits the text: that is left to feedparser.
    assert read_xml_feed(b"<rss><channel><title>a<!-- c -->b</title></channel></rss>", URL) is None


def test_namespace_tables_match_feedparser() -> None:
    from feedparser.mixin import _FeedParserMixin

    known = {uri.lower() for uri in _FeedParserMixin.namespaces if uri}
    assert known == FEEDPARSER_NAMESPACES
    assert set(_FeedParserMixin.namespaces.values()) - {""} == FEEDPARSER_PREFIXES


# -- generated feeds --------------------------------------------------------------------------

WORDS = ["Ostervale", "harbour", "Quillbury", "ferry", "weir", "Marsh End", "lantern", "choir"]
_text = st.one_of(
    st.lists(st.sampled_from([*WORDS, " ", "&", "<", ">", '"', "\u00e9", "\x93", "\u2019"])).map(
        "".join
    ),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
)
_html = st.lists(
    st.sampled_from(["<p>", "</p>", "<b>", "</b>", "&amp;", "&nbsp;", "<br/>", *WORDS, " "]),
    max_size=12,
).map("".join)
_link = st.sampled_from(
    [
        "https://courier.example/news/a?x=1&y=2",
        "/news/relative",
        "story/7",
        "javascript:alert(1)",
        "",
        "  https://courier.example/spaced  ",
        "http:///triple",
    ]
)
_rfc822 = st.builds(
    "{}{} {} {} {:02d}:{:02d}{} {}".format,
    st.sampled_from(["", "Mon, ", "Fri, "]),
    st.integers(1, 28),
    st.sampled_from(["Jan", "Feb", "Jul", "Dec"]),
    st.integers(1995, 2030),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["", ":07"]),
    st.sampled_from(["GMT", "UT", "Z", "+0200", "-0530", "EST", "PDT", "+0000"]),
)
_rfc3339 = st.builds(
    "{}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}{}".format,
    st.integers(1995, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 59),
    st.sampled_from(["", ".5", ".123456"]),
    st.sampled_from(["Z", "+01:00", "-07:30", "+00:00"]),
)
_date = st.one_of(_rfc822, _rfc3339, st.sampled_from(["", "2024-05-01", "not a date"]))


def _chars(value: str) -> str:
    return escape(value)


def _cdata_or_escaped(value: str) -> st.SearchStrategy[str]:
    options = [escape(value)]
    if "]]>" not in value:
        options.append(f"<![CDATA[{value}]]>")
    return st.sampled_from(options)


@st.composite
def _rss_item(draw: st.DrawFn) -> str:
    parts = []
    for kind in draw(
        st.lists(
            st.sampled_from(
                [
                    "title",
                    "link",
                    "guid",
                    "description",
                    "content",
                    "date",
                    "dcdate",
                    "creator",
                    "author",
                    "media",
                    "mediadesc",
                    "mediatitle",
                    "category",
                    "enclosure",
                    "source",
                ]
            ),
            max_size=9,
        )
    ):
        if kind == "title":
            parts.append(f"<title>{_chars(draw(_text))}</title>")
        elif kind == "link":
            parts.append(f"<link>{escape(draw(_link))}</link>")
        elif kind == "guid":
            attr = draw(st.sampled_from(["", ' isPermaLink="false"', ' isPermaLink="true"']))
            guid = draw(st.sampled_from(["g-1", "https://courier.example/g/2", "tag:x,2024:3"]))
            parts.append(f"<guid{attr}>{guid}</guid>")
        elif kind == "description":
            parts.append(f"<description>{draw(_cdata_or_escaped(draw(_html)))}</description>")
        elif kind == "content":
            body = draw(_cdata_or_escaped(draw(_html)))
            parts.append(f"<content:encoded>{body}</content:encoded>")
        elif kind == "date":
            parts.append(f"<pubDate>{draw(_date)}</pubDate>")
        elif kind == "dcdate":
            parts.append(f"<dc:date>{draw(_date)}</dc:date>")
        elif kind == "creator":
            parts.append(f"<dc:creator>{_chars(draw(_text))}</dc:creator>")
        elif kind == "author":
            who = draw(st.sampled_from(["desk@courier.example (Orla Vantrees)", "Pell Maddock"]))
            parts.append(f"<author>{who}</author>")
        elif kind == "media":
            credit = _chars(draw(_text))
            parts.append(
                f'<media:content url="https://courier.example/i.jpg"><media:credit>{credit}'
                f"</media:credit><media:description>{_chars(draw(_text))}</media:description>"
                "</media:content>"
            )
        elif kind == "mediadesc":
            parts.append(f"<media:description>{_chars(draw(_text))}</media:description>")
        elif kind == "mediatitle":
            parts.append(f"<media:title>{_chars(draw(_text))}</media:title>")
        elif kind == "category":
            parts.append(f"<category>{_chars(draw(_text))}</category>")
        elif kind == "enclosure":
            parts.append('<enclosure url="https://courier.example/a.mp3" type="audio/mpeg"/>')
        else:
            parts.append(
                f'<source url="https://elsewhere.example/rss">{_chars(draw(_text))}</source>'
            )
    return f"<item>{''.join(parts)}</item>"


@st.composite
def _rss(draw: st.DrawFn) -> bytes:
    items = "".join(draw(st.lists(_rss_item(), max_size=4)))
    title = f"<title>{_chars(draw(_text))}</title>"
    link = f"<link>{escape(draw(_link))}</link>"
    self_link = '<atom:link href="https://courier.example/rss" rel="self"/>'
    head = draw(st.permutations([title, link, self_link, "<ttl>60</ttl>"]))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" '
        'xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"{''.join(head)}{items}</channel></rss>"
    ).encode()


@st.composite
def _atom_entry(draw: st.DrawFn) -> str:
    parts = []
    for kind in draw(
        st.lists(
            st.sampled_from(
                ["title", "link", "id", "published", "updated", "author", "summary", "content"]
            ),
            max_size=8,
        )
    ):
        text_type = draw(st.sampled_from(["", ' type="text"', ' type="html"']))
        if kind == "title":
            parts.append(f"<title{text_type}>{_chars(draw(_text))}</title>")
        elif kind == "link":
            rel = draw(st.sampled_from(["", ' rel="alternate"', ' rel="self"', ' rel="enclosure"']))
            kind_attr = draw(st.sampled_from(["", ' type="text/html"', ' type="audio/mpeg"']))
            parts.append(f"<link{rel}{kind_attr} href={quoteattr(draw(_link))}/>")
        elif kind == "id":
            parts.append(
                f"<id>{draw(st.sampled_from(['tag:n.example,2024:1', 'e/2', 'https://n.example/3']))}</id>"
            )
        elif kind in ("published", "updated"):
            parts.append(f"<{kind}>{draw(_date)}</{kind}>")
        elif kind == "author":
            email = draw(st.sampled_from(["", "<email>dilys@notes.example</email>"]))
            uri = draw(st.sampled_from(["", "<uri>/people/dilys</uri>"]))
            parts.append(f"<author><name>{_chars(draw(_text))}</name>{email}{uri}</author>")
        else:
            body = escape(draw(_html)) if "html" in text_type else _chars(draw(_text))
            parts.append(f"<{kind}{text_type}>{body}</{kind}>")
    base = draw(
        st.sampled_from(["", ' xml:base="https://notes.example/blog/"', ' xml:base="sub/"'])
    )
    return f"<entry{base}>{''.join(parts)}</entry>"


@st.composite
def _atom(draw: st.DrawFn) -> bytes:
    entries = "".join(draw(st.lists(_atom_entry(), max_size=4)))
    base = draw(st.sampled_from(["", ' xml:base="https://notes.example/"']))
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"{base}>'
        f"<title>{_chars(draw(_text))}</title><link href={quoteattr(draw(_link))}/>"
        f"<id>tag:notes.example,2024:feed</id>{entries}</feed>"
    ).encode()


_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(_rss())
def test_generated_rss_reads_the_same(body: bytes) -> None:
    _assert_same(body)


@_settings
@given(_atom())
def test_generated_atom_reads_the_same(body: bytes) -> None:
    _assert_same(body, "https://notes.example/atom.xml")


def test_generated_feeds_mostly_take_the_fast_path() -> None:
    taken = []

    @settings(max_examples=100, deadline=None, database=None)
    @given(st.one_of(_rss(), _atom()))
    def run(body: bytes) -> None:
        taken.append(read_xml_feed(body, URL) is not None)

    run()
    assert sum(taken) >= len(taken) // 2
