"""The walk of a page's body that turns every visible piece of text into a block.

Inline text gathers into a run; a block element ends the run before it and after it, and the
run becomes one block. What the block is depends on where the walk is: inside the article
container (*content*: headings, paragraphs, block quotes, list items, table rows, figures,
bylines), outside it (*outside*: the first ``<h1>`` is the title, bylines are bylines, the
rest is boilerplate or chrome), or inside page furniture (*furniture*: all boilerplate or
chrome). Nothing visible is skipped, so every word lands in some block's text or raw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlsplit

from tui.article.boilerplate import is_block_label
from tui.article.links import LinkCollector
from tui.article.model import Author, Section
from tui.article.sanitize import sanitize
from tui.web.htmlblocks import BlockMaker, Kind
from tui.web.htmlcontainer import is_boilerplate
from tui.web.htmldoc import BLOCK_TAGS, collapse, tag_of
from tui.web.htmlfigure import is_byline, read_byline, read_figure

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PageWalk", "walk_body"]

Mode = Literal["content", "outside", "furniture"]

_MAX_DEPTH = 150
"""Nesting below which a subtree is read as flat text (keeps recursion bounded: each level
costs three or four Python frames, and Python allows a thousand)."""
_QUOTE_OPEN = ("“", "‘")
_QUOTE_CLOSE = ("”", "’")
_OPENING_MARKS = "“\"«„‘'「『‚»"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_FIGURE_WALKED = ("blockquote", "table", "pre")
"""A figure holding one of these is a pull quote or a table, walked as content."""
_LABELLED = frozenset({"div", "section", "ul", "aside"})
"""Blocks that a related-links label heading (``More on this story``) makes furniture."""
_BYLINE_MAX = 400
"""Characters a byline element may hold (a longer one is an author biography: text)."""


class PageWalk:
    """One walk over a page body; the results are read after :meth:`run`."""

    def __init__(
        self, container: HtmlElement, base: str, *, live: bool, links: LinkCollector
    ) -> None:
        """Prepare the walk.

        Args:
            container: The element holding the article (see :mod:`tui.web.htmlcontainer`).
            base: The address relative links are resolved against.
            live: Whether the page is a live page (``<time>`` entries become timestamps).
            links: Where the page's links are collected.
        """
        self.container = container
        self.above = {id(e) for e in container.iterancestors()}
        self.base = base
        try:
            parts = urlsplit(base)
            simple = parts.scheme in ("http", "https") and parts.netloc
        except ValueError:
            simple = False
        self.origin = f"{parts.scheme}://{parts.netloc}" if simple else ""
        """``scheme://host`` of the base, for hrefs that start with one ``/``."""
        self.links = links
        self.out = BlockMaker(live=live)
        self.text: list[str] = []
        self.raw: list[str] = []
        self.line = 0
        self.kind: Kind = "body"
        self.ol_next: dict[int, int] = {}
        """The next number of each ``<ol>`` being walked, by ``id`` (one step per item)."""
        self.mode: Mode = "outside"
        self.q_depth = 0
        self.in_quote = False

    # -- the inline run -------------------------------------------------------------------

    def add(self, text: str | None, element: HtmlElement, shown: str | None = None) -> None:
        """Add text to the run (``shown`` when the block's text differs from the page's)."""
        if not text and not shown:
            return
        if not self.line and (text or "").strip():
            self.line = element.sourceline or 0
        self.raw.append(text or "")
        self.text.append((text or "") if shown is None else shown)

    def flush(self, heading: int = 0) -> None:
        """End the run: it becomes a block (a heading when ``heading`` is its level)."""
        if not self.raw and not self.text:
            return
        raw = collapse(sanitize("".join(self.raw)))
        text = collapse(sanitize("".join(self.text)))
        line = self.line
        self.text, self.raw, self.line = [], [], 0
        if raw or text:
            self.out.run(text, raw, line, mode=self.mode, kind=self.kind, heading=heading)

    # -- the walk -------------------------------------------------------------------------

    def run(self, body: HtmlElement) -> None:
        """Walk the body.

        Args:
            body: The ``<body>`` element.
        """
        self.mode = "content" if body is self.container else "outside"
        self.children(body, 0)
        self.flush()

    def children(self, element: HtmlElement, depth: int) -> None:
        """Walk an element's own text and its children with their tails."""
        self.add(element.text, element)
        for child in element:
            self.visit(child, depth + 1)
            self.add(child.tail, element)

    def visit(self, element: HtmlElement, depth: int) -> None:
        """Walk one element."""
        tag = tag_of(element)
        if not tag:
            return
        if tag == "br":
            self.add(" ", element)
            return
        if depth > _MAX_DEPTH:
            self.add(" ".join(element.itertext()), element)
            return
        saved_mode = self.mode
        if element is self.container:
            self.flush()
            self.mode = "content"
        elif (
            self.mode != "furniture"
            and id(element) not in self.above
            and not (self.in_quote and tag in ("footer", "cite"))
            and (is_boilerplate(element) or self._labelled_block(element, tag))
        ):
            self.flush()
            self.mode = "furniture"
        try:
            self._dispatch(element, tag, depth)
        finally:
            if self.mode != saved_mode:
                self.flush()
                self.mode = saved_mode

    def _dispatch(self, element: HtmlElement, tag: str, depth: int) -> None:
        if tag == "a":
            href = str(element.get("href") or "").strip()
            if href:
                text = " ".join(element.itertext()) or str(element.get("title") or "")
                self.links.add(text, self._absolute(href))
        if self.mode != "furniture":
            if tag == "figure" and not any(True for _ in element.iter(*_FIGURE_WALKED)):
                self.flush()
                self.out.add(read_figure(element, element.sourceline or 0), self.mode)
                self._links_in(element)
                return
            if tag in BLOCK_TAGS and is_byline(element) and self._short(element):
                self.flush()
                authors, raw = read_byline(element)
                if raw:
                    self.out.byline(authors, raw, element.sourceline or 0)
                self._links_in(element)
                return
        if tag in _HEADINGS:
            self.flush()
            self.children(element, depth)
            self.flush(heading=int(tag[1]))
        elif tag == "blockquote":
            self._blockquote(element, depth)
        elif tag == "li":
            self._list_item(element, depth)
        elif tag == "tr" and not any(True for _ in element.iter(*BLOCK_TAGS - {"tr", "td", "th"})):
            self.flush()
            cells = [collapse(sanitize(" ".join(c.itertext()))) for c in element]
            text = " | ".join(c for c in cells if c)
            # The raw is the whole row, text between and around the cells included.
            raw = collapse(sanitize(" ".join(element.itertext())))
            if text or raw:
                self.out.row(text or raw, raw, element.sourceline or 0, self.mode, self.kind)
            self._links_in(element)
        elif tag == "pre":
            self.flush()
            self.out.pre(sanitize("".join(element.itertext())), element.sourceline or 0, self.kind)
            self._links_in(element)
        elif tag == "time" and self.out.live and self._standalone(element):
            self.flush()
            text = collapse(sanitize(" ".join(element.itertext())))
            self.out.timestamp(text, element.sourceline or 0, self.mode)
        elif tag == "q":
            self._q(element, depth)
        elif tag in BLOCK_TAGS:
            self.flush()
            self.children(element, depth)
            self.flush()
        else:
            self.children(element, depth)

    # -- element kinds --------------------------------------------------------------------

    def _links_in(self, element: HtmlElement) -> None:
        for a in element.iter("a"):
            href = str(a.get("href") or "").strip()
            if href:
                text = " ".join(a.itertext())
                self.links.add(text, self._absolute(href))

    def _absolute(self, href: str) -> str:
        """An ``href`` made absolute against the page (already absolute ones as they are)."""
        if href.startswith(("https://", "http://", "mailto:")):
            return href
        if href.startswith("/") and not href.startswith("//") and self.origin:
            return self.origin + href  # the common "/path" without urljoin's work
        try:
            return urljoin(self.base, href)
        except ValueError:  # "http://[bad" and the like
            return ""

    def _labelled_block(self, element: HtmlElement, tag: str) -> bool:
        """A block whose first child is a heading such as ``Related topics``."""
        if tag not in _LABELLED or not len(element):
            return False
        first = element[0]
        if tag_of(first) not in _HEADINGS:
            return False
        return is_block_label(collapse(sanitize(" ".join(first.itertext()))))

    def _short(self, element: HtmlElement) -> bool:
        total = 0
        for piece in element.itertext():
            total += len(piece.strip())
            if total > _BYLINE_MAX:
                return False
        return True

    def _standalone(self, element: HtmlElement) -> bool:
        """A ``<time>`` that is all (or nearly all) of its parent's text: an entry's time."""
        parent = element.getparent()
        if parent is None:
            return True
        own = collapse(" ".join(element.itertext()))
        around = collapse(" ".join(parent.itertext()))
        return bool(own) and len(around) - len(own) <= 12

    def _q(self, element: HtmlElement, depth: int) -> None:
        inner = collapse(" ".join(element.itertext()))
        marked = inner[:1] in _OPENING_MARKS
        level = self.q_depth % 2
        if not marked:
            self.add("", element, _QUOTE_OPEN[level])
        self.q_depth += 1
        try:
            self.children(element, depth)
        finally:
            self.q_depth -= 1
        if not marked:
            self.add("", element, _QUOTE_CLOSE[level])

    def _list_item(self, element: HtmlElement, depth: int) -> None:
        self.flush()
        saved = self.kind
        if self.kind == "body":
            self.kind = "list-item"
        parent = element.getparent()
        if parent is not None and tag_of(parent) == "ol" and self.mode == "content":
            # Counted as the walk goes: looking each item up among its siblings was
            # quadratic (16,000 items took minutes).
            number = self.ol_next.get(id(parent))
            if number is None:
                start = str(parent.get("start") or "1")
                number = int(start) if start.isdigit() and len(start) < 7 else 1
            self.ol_next[id(parent)] = number + 1
            self.add("", element, f"{number}. ")
        self.children(element, depth)
        self.flush()
        self.kind = saved

    def _blockquote(self, element: HtmlElement, depth: int) -> None:
        self.flush()
        if self.mode != "content":
            self.children(element, depth)
            self.flush()
            return
        saved = (self.kind, self.in_quote)
        self.kind, self.in_quote = "blockquote", True
        self.q_depth += 1
        start = self.out.mark()
        try:
            self.children(element, depth)
            self.flush()
        finally:
            self.q_depth -= 1
            self.kind, self.in_quote = saved
        self.out.quote_marks(start)


def walk_body(
    body: HtmlElement, container: HtmlElement, base: str, *, live: bool, links: LinkCollector
) -> tuple[list[Section], list[Author], bool]:
    """Walk a page body into sections.

    Args:
        body: The ``<body>``.
        container: The element holding the article.
        base: The address relative links are resolved against.
        live: Whether ``<time>`` entries become timestamps.
        links: Where the page's links are collected.

    Returns:
        The sections (the lead first, even when empty), the authors bylines named, and
        whether a :class:`~tui.article.model.Title` block was made.
    """
    walk = PageWalk(container, base, live=live, links=links)
    walk.run(body)
    return walk.out.sections(), walk.out.authors, walk.out.title_made
