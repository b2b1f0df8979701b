"""Reader mode: an HTML page or a feed entry becomes an :class:`~tui.article.model.Article`.

Nothing is lost: every visible piece of a page's text lands in some block (the article's
paragraphs, headings, credit markers and bylines; the page around it as boilerplate or
chrome, folded in the reader). The steps, each in its own module:

1. :mod:`tui.web.htmldoc` decodes the bytes and parses them with lxml (no network, no
   comments); :mod:`tui.web.htmlmeta` reads JSON-LD and meta tags, then drops scripts,
   styles, templates and ``<noscript>`` fallbacks.
2. :mod:`tui.web.htmlcontainer` finds the element holding the article.
3. :mod:`tui.web.htmlwalk` walks the body; :mod:`tui.web.htmlblocks` decides what each run
   of text is and :mod:`tui.web.htmlfigure` reads figures and bylines.
4. :func:`tui.article.quotes.annotate` finds quotations and speakers, as for files.

All text passes through :func:`tui.article.sanitize.sanitize`. lxml is imported only when a
page is read.
"""

from __future__ import annotations

from tui.article.links import WEB_SCHEMES, LinkCollector, is_openable
from tui.article.markdown import derive_title
from tui.article.model import Article, Author, Block, ImageCredit, Paragraph, Section
from tui.article.quotes import annotate
from tui.article.sanitize import sanitize
from tui.web.htmlcontainer import choose_container
from tui.web.htmldoc import collapse, decode_html, drop_unshown, parse_html
from tui.web.htmlmeta import clean, merge_authors, read_meta, split_names
from tui.web.htmlwalk import walk_body
from tui.web.types import FeedEntry
from tui.web.urls import canonical_url

__all__ = ["read_entry", "read_page"]


def _trim(sections: list[Section]) -> list[Section]:
    """Drop the lead when it is empty and headed sections follow."""
    if len(sections) > 1 and not sections[0].blocks:
        return sections[1:]
    return sections


def read_page(body: bytes, url: str, *, charset: str | None = None) -> Article:
    """Read an HTML page in reader mode.

    Args:
        body: The page's bytes as fetched.
        url: The address it was fetched from (after redirects).
        charset: The charset the server named, if any (else ``<meta charset>``, else UTF-8).

    Returns:
        The article (``source_format="html"``): title, authors, date and outlet from JSON-LD
        and meta tags, every visible piece of text in some block, quotations with speakers,
        the page's links, and ``path`` the canonical address. Never raises for any bytes.
    """
    root = parse_html(decode_html(body, charset))
    meta = read_meta(root, url)
    page = root.find("body")
    assert page is not None  # parse_html always gives one
    links = LinkCollector()
    sections, byline_authors, _ = walk_body(
        page, choose_container(page), meta.base, live=meta.live, links=links
    )
    annotated, quotes = annotate(_trim(sections))
    title = meta.title
    derived = not title
    return Article(
        title=title or derive_title(annotated),
        sections=annotated,
        title_derived=derived,
        authors=tuple(merge_authors(meta.authors, byline_authors)),
        source_format="html",
        outlet=meta.outlet,
        date=meta.date,
        path=_address(meta.canonical, url),
        quotes=quotes,
        links=links.links(),
    )


def _text_blocks(text: str) -> list[Block]:
    """Plain text (a JSON Feed ``content_text``): blank-line-separated paragraphs."""
    clean_text = sanitize(text).replace("\r\n", "\n")
    chunks = clean_text.split("\n\n") if "\n\n" in clean_text else clean_text.split("\n")
    blocks: list[Block] = []
    line = 1
    for chunk in chunks:
        shown = collapse(chunk)
        if shown:
            blocks.append(Paragraph(shown, chunk.strip("\n"), line))
        line += chunk.count("\n") + 2
    return blocks


def read_entry(entry: FeedEntry, *, feed_title: str, feed_url: str) -> Article:
    """Read a feed entry's content (else its summary) as an article.

    Args:
        entry: The entry as the feed gives it.
        feed_title: The feed's title (the article's outlet).
        feed_url: The feed's address (relative links resolve against the entry's link, else
            this).

    Returns:
        The article (``source_format="html"``): title, author, date and link from the entry,
        the ``media:credit``/caption as a credit marker at the top, the entry's links, and
        ``path`` the canonical form of the entry's link (None when it has none).
    """
    content = entry.content or entry.summary or ""
    link = entry.link if entry.link and entry.link.lower().startswith(("http:", "https:")) else None
    base = link or feed_url
    links = LinkCollector()
    if entry.content_is_html:
        root = parse_html(f"<html><body>{content}</body></html>")
        drop_unshown(root)
        page = root.find("body")
        assert page is not None
        sections, byline_authors, _ = walk_body(page, page, base, live=False, links=links)
    else:
        sections, byline_authors = [Section(None, tuple(_text_blocks(content)))], []
    credit, caption = clean(entry.image_credit) or None, clean(entry.image_caption) or None
    if credit or caption:
        raw = "\n".join(part for part in (credit, caption) if part)
        marker = ImageCredit(credit, caption, raw, 0)
        sections[0] = Section(sections[0].heading, (marker, *sections[0].blocks))
    annotated, quotes = annotate(_trim(sections))
    title = clean(entry.title)
    entry_authors = [Author(name) for name in split_names(clean(entry.author))]
    return Article(
        title=title or derive_title(annotated),
        sections=annotated,
        title_derived=not title,
        authors=tuple(merge_authors(entry_authors, byline_authors)),
        source_format="html",
        outlet=clean(feed_title) or None,
        date=clean(entry.published) or None,
        path=_address(link),
        quotes=quotes,
        links=links.links(),
    )


def _address(*candidates: str | None) -> str | None:
    """The first candidate that is a clean http(s) address, in canonical form.

    Hostile addresses (ESC or bidi controls inside a canonical link) never become an
    article's path.
    """
    for candidate in candidates:
        if candidate and is_openable(candidate, WEB_SCHEMES):
            return canonical_url(candidate)
    return None
