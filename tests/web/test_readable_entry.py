"""Feed entries read as articles: HTML content, plain text, summaries, media credits."""

from __future__ import annotations

from tui.article.model import Author, ImageCredit, Link
from tui.web.readable import read_entry
from tui.web.types import FeedEntry

FEED = "https://radio.example/feed.xml"


def test_html_content_with_metadata_from_the_entry() -> None:
    entry = FeedEntry(
        title="Ferry \x1b[1mback\u202e",
        link="https://radio.example/news/ferry?utm_source=rss#top",
        author="Mara Osei and Lev Pires",
        published="2025-03-01T08:00:00Z",
        summary="<p>Short version.</p>",
        content=(
            "<p>Skipper Ines Holt said: <q>We sail at dawn.</q></p>"
            "<figure><img src='f.jpg'><figcaption>The ferry. Photograph: Jo Bell/Radio</figcaption>"
            "</figure><p>See <a href='/timetable'>the timetable</a>.</p>"
            "<script>SECRET()</script>"
        ),
        image_credit="Kim Ode/Radio",
        image_caption="The quay at dawn",
    )
    article = read_entry(entry, feed_title="Valley Radio", feed_url=FEED)
    assert article.title == "Ferry ␛[1mback"
    assert article.authors == (Author("Mara Osei"), Author("Lev Pires"))
    assert article.date == "2025-03-01T08:00:00Z"
    assert article.outlet == "Valley Radio"
    assert article.path == "https://radio.example/news/ferry"
    assert article.source_format == "html"
    markers = [b for b in article.blocks() if isinstance(b, ImageCredit)]
    assert [(m.credit, m.caption) for m in markers] == [
        ("Kim Ode/Radio", "The quay at dawn"),
        ("Jo Bell/Radio", "The ferry."),
    ]
    assert article.sections[0].blocks[0] is markers[0]
    assert [p.text for p in article.paragraphs] == [
        "Skipper Ines Holt said: “We sail at dawn.”",
        "See the timetable.",
    ]
    assert article.quotes[0].text == "We sail at dawn."
    assert article.links == (Link("the timetable", "https://radio.example/timetable"),)
    assert "SECRET" not in repr(article)


def test_summary_when_there_is_no_content() -> None:
    entry = FeedEntry(title="T", summary="Only the <b>summary</b>.", link=None)
    article = read_entry(entry, feed_title="", feed_url=FEED)
    assert [p.text for p in article.paragraphs] == ["Only the summary."]
    assert article.path is None and article.outlet is None


def test_plain_text_content_is_not_html() -> None:
    entry = FeedEntry(
        title="",
        content="First <b>para</b>\nstill first.\n\nSecond \x1b para.",
        content_is_html=False,
        link="javascript:alert(1)",
    )
    article = read_entry(entry, feed_title="F", feed_url=FEED)
    assert [p.text for p in article.paragraphs] == [
        "First <b>para</b> still first.",
        "Second ␛ para.",
    ]
    assert article.title_derived and article.title == "First <b>para</b> still first."
    assert article.path is None


def test_empty_entry() -> None:
    article = read_entry(FeedEntry(title=""), feed_title="F", feed_url=FEED)
    assert article.title == "Untitled" and article.paragraphs == ()
