"""The article model: frozen dataclasses that every parser produces and every view consumes.

An :class:`Article` is a sequence of :class:`Section` objects. Each section has an optional
heading and holds blocks in reading order. Every line of the input lands in exactly one block
(or in one part of a glued line that was split), and every block keeps the ``raw`` text it came
from, so "nothing is lost" can be checked mechanically.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Literal, TypeAlias

from tui.article.records import record

MediaKind: TypeAlias = Literal["image", "video"]
"""What an image-credit marker refers to."""

SourceFormat: TypeAlias = Literal[
    "bbc", "guardian", "reuters", "ap", "german", "text", "markdown", "html"
]
"""The family of format an article was recognised as (``text`` when none in particular,
``html`` for a web page or feed entry read in reader mode)."""

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def count_words(text: str) -> int:
    """Count words the way the sidebar shows them (runs of word characters).

    Args:
        text: Any text.

    Returns:
        The number of words in ``text``.
    """
    return len(_WORD.findall(text))


@record
class QuoteSpan:
    """One quotation's extent inside one paragraph.

    ``start``/``end`` index into :attr:`Paragraph.text` and cover the quote marks that are
    present (so highlighting shows the marks too). A quotation that runs over several
    paragraphs has one span per paragraph, all with the same ``quote_index``.
    """

    start: int
    """Offset of the first character (the opening mark, when there is one)."""
    end: int
    """Offset one past the last character (the closing mark, when there is one)."""
    depth: int
    """0 for a top-level quotation, 1 for a quote inside a quote, and so on."""
    quote_index: int
    """Index of the :class:`Quotation` in :attr:`Article.quotes` this span belongs to."""
    open_mark: str = ""
    """The opening mark at ``start`` ("" when the span continues from an earlier paragraph)."""
    close_mark: str = ""
    """The closing mark at ``end - 1`` ("" when unclosed or continued in the next paragraph)."""


@record
class Quotation:
    """A whole quotation, possibly spanning paragraphs, with its speaker when known."""

    text: str
    """The quoted words without their enclosing marks (paragraphs joined by a blank line)."""
    depth: int
    """Nesting depth: 0 top level, 1 a quote inside a quote."""
    speaker: str | None = None
    """Who the text attributes the words to, or None when it does not say unambiguously."""
    multi_paragraph: bool = False
    """True when the quotation runs over more than one paragraph."""
    unclosed: bool = False
    """True when the opening mark is never closed (it then runs to the paragraph's end)."""
    section: int = 0
    """Index of the section holding the quotation's first paragraph."""
    block: int = 0
    """Index, within that section, of the quotation's first paragraph."""
    parts: tuple[str, ...] = ()
    """The words of each part when the quotation was left open and reopened (BBC style: one
    part per paragraph, or per reopening mark within one); empty for a one-part quotation."""


@record
class Link:
    """A link the article's source gives (an ``<a href>`` of a page, a Markdown link)."""

    text: str
    """The link's text, sanitised and on one line ("" when the link has none)."""
    url: str
    """The absolute address (http, https or mailto)."""


@record
class Author:
    """A person or desk credited in the byline."""

    name: str
    """The author's name as printed (capitals normalised for all-caps bylines)."""
    role: str | None = None
    """The author's role or title ("BBC News World", "Business reporter"), when stated."""


@record
class Title:
    """The headline line."""

    text: str
    """The headline."""
    raw: str
    """The source text this block came from."""
    line: int = 0
    """1-based line number in the decoded input (0 when synthesised)."""


@record
class Byline:
    """Byline lines: authors with roles, reporting place, published date."""

    authors: tuple[Author, ...]
    """The authors named by these lines (may be empty for a line that adds only a role)."""
    raw: str
    """The source text this block came from."""
    line: int = 0
    """1-based line number in the decoded input."""


@record
class Heading:
    """A section heading."""

    text: str
    """The heading text (surrounding quote marks kept as printed)."""
    raw: str
    """The source text this block came from."""
    line: int = 0
    """1-based line number in the decoded input."""
    level: int = 2
    """Heading level (2 for scraped text; from the Markdown source otherwise)."""


@record
class Paragraph:
    """A paragraph of body text with its quotation spans."""

    text: str
    """The paragraph text, hard-wrapped lines joined by single spaces."""
    raw: str
    """The source text this block came from."""
    line: int = 0
    """1-based line number of the paragraph's first line in the decoded input."""
    quotes: tuple[QuoteSpan, ...] = ()
    """Quotation spans, sorted by ``start``; nested spans lie inside their parents."""
    kind: Literal["body", "blockquote", "list-item", "dateline"] = "body"
    """How the source presented the paragraph (Markdown block quotes and lists keep it)."""
    _words: int = field(default=-1, init=False, repr=False, compare=False)
    """Memo of :attr:`word_count` (-1 until first asked); not part of the paragraph's value."""

    @property
    def word_count(self) -> int:
        """Number of words in the paragraph (counted once, on first use)."""
        words = self._words
        if words < 0:
            # Sections and articles sum this on every call: counting is the costly part.
            words = count_words(self.text)
            object.__setattr__(self, "_words", words)
        return words


@record
class ImageCredit:
    """An image or video marker: its credit (source) and caption, either may be missing."""

    credit: str | None
    """The source without its label ("Getty Images", "Tom Hadley/PA")."""
    caption: str | None
    """The caption text without its label."""
    raw: str
    """The source text this block came from (all lines of the pair)."""
    line: int = 0
    """1-based line number of the block's first line."""
    media: MediaKind = "image"
    """Whether the marker is for an image or a video."""


@record
class Boilerplate:
    """A line that is not article content (promos, related links, wire footers): folded."""

    text: str
    """The line as printed."""
    raw: str
    """The source text this block came from."""
    line: int = 0
    """1-based line number in the decoded input."""


@record
class Chrome:
    """Layout residue (a lone ``-``, ``Share``, ``- Published``, separators): hidden."""

    text: str
    """The line as printed."""
    raw: str
    """The source text this block came from."""
    line: int = 0
    """1-based line number in the decoded input."""


@record
class Timestamp:
    """A live-page entry time (``Posted at 16:45``, ``16:45``)."""

    text: str
    """The time as printed, label removed ("16:45")."""
    raw: str
    """The source text this block came from."""
    line: int = 0
    """1-based line number in the decoded input."""


Block: TypeAlias = Title | Byline | Paragraph | ImageCredit | Boilerplate | Chrome | Timestamp
"""Anything a section can hold (headings belong to the section itself)."""


@record
class Section:
    """A heading (or the untitled lead) and the blocks that follow it."""

    heading: Heading | None
    """The section's heading; None for the lead before the first heading."""
    blocks: tuple[Block, ...] = ()
    """The section's blocks in reading order."""

    @property
    def title(self) -> str:
        """The heading text, or "" for the lead."""
        return self.heading.text if self.heading else ""

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The section's paragraphs only."""
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def word_count(self) -> int:
        """Words in the section's paragraphs (not boilerplate, credits or chrome)."""
        return sum(p.word_count for p in self.paragraphs)


@record
class Article:
    """A parsed news article."""

    title: str
    """The headline, or a fallback (front-matter title, else the lead's opening words)."""
    sections: tuple[Section, ...]
    """Sections in order; the first may be the untitled lead."""
    title_derived: bool = False
    """True when ``title`` was guessed from the lead's opening words (no headline, no metadata).

    A front-matter title is the author's own title, so it is not derived."""
    authors: tuple[Author, ...] = ()
    """Everyone credited in the byline, in order."""
    source_format: SourceFormat = "text"
    """The format family the parser recognised."""
    outlet: str | None = None
    """The publishing outlet when the text or front matter names it."""
    date: str | None = None
    """Publication date as printed, when the text or front matter gives one."""
    path: str | None = None
    """The file the article was read from, or the canonical URL of a web page, if any."""
    quotes: tuple[Quotation, ...] = ()
    """Every quotation in reading order; :attr:`QuoteSpan.quote_index` indexes this."""
    metadata: tuple[tuple[str, str], ...] = field(default=())
    """Other front-matter keys and values, in file order."""
    links: tuple[Link, ...] = ()
    """The links the source gives, in order, each address once (absolute http, https and
    mailto only)."""

    @property
    def headings(self) -> tuple[str, ...]:
        """The text of every section heading, in order."""
        return tuple(s.heading.text for s in self.sections if s.heading)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of the article, in order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def word_count(self) -> int:
        """Words in the article's paragraphs."""
        return sum(s.word_count for s in self.sections)

    def blocks(self) -> tuple[Block | Heading, ...]:
        """Every block, headings included, in reading order."""
        out: list[Block | Heading] = []
        for section in self.sections:
            if section.heading is not None:
                out.append(section.heading)
            out.extend(section.blocks)
        return tuple(out)
