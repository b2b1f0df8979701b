"""``examples/feeds.opml``: the real public news feeds a new user imports first."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import EXAMPLES
from tui.web.urls import canonical_url, check_url

OPML = EXAMPLES / "feeds.opml"

WANTED = {
    "https://feeds.bbci.co.uk/news/rss.xml",
    "https://feeds.bbci.co.uk/news/world/rss.xml",
    "https://feeds.bbci.co.uk/mundo/rss.xml",
    "https://feeds.bbci.co.uk/arabic/rss.xml",
    "https://feeds.bbci.co.uk/russian/rss.xml",
    "https://www.theguardian.com/world/rss",
    "https://feedx.net/rss/ap.xml",
    "https://rss.dw.com/rdf/rss-de-all",
    "https://www.tagesschau.de/index~rss2.xml",
}


def feed_urls() -> list[str]:
    """Every ``xmlUrl`` in the file, nested outlines included, in file order."""
    root = ET.fromstring(OPML.read_bytes())
    assert root.tag == "opml"
    return [node.attrib["xmlUrl"] for node in root.iter("outline") if "xmlUrl" in node.attrib]


def test_lists_the_public_feeds_once_each() -> None:
    urls = feed_urls()
    assert set(urls) == WANTED
    assert len(urls) == len(set(urls))


def test_every_feed_may_be_fetched_and_is_canonical() -> None:
    for url in feed_urls():
        assert check_url(url) == url
        assert url.startswith("https://")
        assert canonical_url(url) == url


def test_every_feed_has_a_title() -> None:
    root = ET.fromstring(OPML.read_bytes())
    for node in root.iter("outline"):
        if "xmlUrl" in node.attrib:
            assert node.attrib["title"].strip() and node.attrib["text"].strip()
