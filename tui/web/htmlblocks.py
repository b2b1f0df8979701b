"""What each run of a page's text becomes: the block rules of reader mode.

:class:`BlockMaker` receives the runs :mod:`tui.web.htmlwalk` ends, with where they were found,
and keeps the lead and sections. Text runs are read with the scraped-text line rules
(:mod:`tui.article.boilerplate`, :mod:`tui.article.byline`, :mod:`tui.article.credits`,
:mod:`tui.article.worldlabels`), so a ``<p>Reporting by …; Editing by …</p>`` is a wire footer
and ``<p>By Ana Ruiz</p>`` a byline, as they are in a file.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from tui.article.boilerplate import (
    chrome_date,
    is_block_label,
    is_boilerplate_line,
    is_chrome,
    published,
    timestamp,
)
from tui.article.byline import match_byline
from tui.article.credits import CreditMatch, match_credit
from tui.article.model import (
    Author,
    Block,
    Boilerplate,
    Byline,
    Chrome,
    Heading,
    ImageCredit,
    Paragraph,
    Section,
    Timestamp,
    Title,
)
from tui.article.worldlabels import classify

__all__ = ["BlockMaker", "Kind"]

Kind: TypeAlias = Literal["body", "blockquote", "list-item", "dateline"]
"""A paragraph's kind (mirrors :attr:`Paragraph.kind`)."""

_CREDIT_LINE_MAX = 300
"""Characters a paragraph may have to be read as a stray credit line (``Image source, X``)."""
_OPENING = "“\"«„‘'「『‚»"
_CLOSING = "”\"»“’'」』‘«"
_TRAILING_PUNCT = ".,;:!?…)]"
_ATTRIBUTION = ("—", "–", "―", "- ", "~")


def _closed(text: str) -> bool:
    return text.rstrip(_TRAILING_PUNCT)[-1:] in _CLOSING


def _is_chrome_like(text: str) -> bool:
    if is_chrome(text) or published(text) is not None or chrome_date(text) is not None:
        return True
    return len(text.split()) <= 2 and text[-1:] not in ".!?" and not is_block_label(text)


def _stray_credit(text: str) -> CreditMatch | None:
    """A body line that is a BBC-style labelled credit or caption (not inside a figure)."""
    if len(text) > _CREDIT_LINE_MAX:
        return None
    found = match_credit(text)
    if found is not None and found.style.startswith("bbc"):
        return found
    labelled = classify(text)
    return labelled[1] if labelled is not None and labelled[0] == "credit" else None


class BlockMaker:
    """The lead and sections made so far."""

    def __init__(self, *, live: bool) -> None:
        """Start empty.

        Args:
            live: Whether the page is a live page (time lines become timestamps).
        """
        self.live = live
        """Whether the page is a live page."""
        self.lead: list[Block] = []
        self.headed: list[tuple[Heading, list[Block]]] = []
        self.authors: list[Author] = []
        """Authors named by bylines, in order."""
        self.title_made = False
        """Whether a :class:`Title` block was made (from the first ``<h1>``)."""

    @property
    def blocks(self) -> list[Block]:
        """The blocks of the current section."""
        return self.headed[-1][1] if self.headed else self.lead

    def add(self, block: Block, mode: str) -> None:
        """Add a block made elsewhere (a figure's marker); outside the article it is chrome."""
        if mode == "content" or not isinstance(block, ImageCredit):
            self.blocks.append(block)
        else:
            self.blocks.append(Chrome(block.raw.replace("\n", " "), block.raw, block.line))

    def byline(self, authors: list[Author], raw: str, line: int) -> None:
        """Add a byline element's block."""
        self.blocks.append(Byline(tuple(authors), raw, line))
        self.authors.extend(authors)

    def pre(self, text: str, line: int, kind: Kind) -> None:
        """Add preformatted text as one paragraph with its line breaks."""
        text = text.strip("\n")
        if text.strip():
            self.blocks.append(Paragraph(text, text, line, kind=kind))

    def row(self, text: str, raw: str, line: int, mode: str, kind: Kind) -> None:
        """Add a table row (cells joined by `` | ``): a paragraph in the article, whatever
        its words look like (a row of figures is no date line)."""
        if mode == "content":
            self.blocks.append(Paragraph(text, raw.strip(), line, kind=kind))
        else:
            self.run(text, raw.strip(), line, mode=mode, kind=kind, heading=0)

    def timestamp(self, text: str, line: int, mode: str) -> None:
        """Add a live entry's time."""
        if text:
            shown = timestamp(text) or text
            block: Block = (
                Timestamp(shown, text, line) if mode == "content" else Chrome(text, text, line)
            )
            self.blocks.append(block)

    def run(self, text: str, raw: str, line: int, *, mode: str, kind: Kind, heading: int) -> None:
        """Turn one run of text into a block.

        Args:
            text: The run as shown (quote marks of ``<q>`` and list numbers added).
            raw: The run as the page prints it.
            line: Its source line.
            mode: ``content``, ``outside`` or ``furniture``.
            kind: The paragraph kind where it was found.
            heading: Its heading level, 0 for a text run.
        """
        text = text or raw
        if mode == "furniture":
            block: Block = (
                Chrome(text, raw, line) if _is_chrome_like(text) else Boilerplate(text, raw, line)
            )
            self.blocks.append(block)
            return
        if heading == 1 and not self.title_made:
            self.title_made = True
            self.blocks.append(Title(text, raw, line))
            return
        found = match_byline(text) if kind == "body" else None
        if found is not None and found.kind == "author" and found.names:
            authors = [Author(name, found.role) for name in found.names]
            self.byline(authors, raw, line)
            return
        if mode == "outside":
            block = (
                Chrome(text, raw, line) if _is_chrome_like(text) else Boilerplate(text, raw, line)
            )
            self.blocks.append(block)
        elif heading:
            if is_block_label(text) or is_chrome(text):
                self.blocks.append(Boilerplate(text, raw, line))
            else:
                self.headed.append((Heading(text, raw, line, heading), []))
        else:
            self._content(text, raw, line, kind)

    def _content(self, text: str, raw: str, line: int, kind: Kind) -> None:
        if kind != "blockquote":
            if self.live and timestamp(text) is not None:
                self.blocks.append(Timestamp(timestamp(text) or text, raw, line))
                return
            if is_chrome(text) or published(text) is not None or chrome_date(text) is not None:
                self.blocks.append(Chrome(text, raw, line))
                return
            if is_boilerplate_line(text) or is_block_label(text):
                self.blocks.append(Boilerplate(text, raw, line))
                return
            credit = _stray_credit(text)
            if credit is not None:
                self._credit(credit, raw, line)
                return
        self.blocks.append(Paragraph(text, raw, line, kind=kind))

    def _credit(self, found: CreditMatch, raw: str, line: int) -> None:
        """A stray credit line; a caption line pairs with a credit-only marker before it."""
        last = self.blocks[-1] if self.blocks else None
        if (
            isinstance(last, ImageCredit)
            and (found.credit is None) != (last.credit is None)
            and (found.caption is None) != (last.caption is None)
        ):
            self.blocks[-1] = ImageCredit(
                last.credit or found.credit,
                last.caption or found.caption,
                f"{last.raw}\n{raw}",
                last.line,
                "video" if "video" in (last.media, found.media) else "image",
            )
            return
        self.blocks.append(ImageCredit(found.credit, found.caption, raw, line, found.media))

    def mark(self) -> tuple[int, int]:
        """Where the next block will go: (section count, block count of the current one)."""
        return len(self.headed), len(self.blocks)

    def quote_marks(self, start: tuple[int, int]) -> None:
        """Mark a block quote's paragraphs made since ``start`` as one quotation.

        Quotation marks the page does not print are added (``“`` before each paragraph, ``”``
        after the last; ``‘ ’`` when the words hold ``“`` themselves), as a multi-paragraph
        quotation is printed, so the quotation finder reads it as one. A closing attribution
        line (``— Ana Ruiz``) stays outside the marks; raw text keeps the page's words.
        """
        if len(self.headed) != start[0]:
            return  # a heading inside the quote: leave it as the page prints it
        blocks = self.blocks
        quoted = [
            (i, block)
            for i, block in enumerate(blocks[start[1] :], start[1])
            if isinstance(block, Paragraph) and block.kind == "blockquote"
        ]
        while quoted and quoted[-1][1].text.startswith(_ATTRIBUTION):
            quoted.pop()
        if not quoted:
            return
        texts = [block.text for _, block in quoted]
        if texts[0][:1] in _OPENING and _closed(texts[-1]):
            return
        inner = any("“" in t or "”" in t for t in texts)
        opening, closing = ("‘", "’") if inner else ("“", "”")
        for n, (index, old) in enumerate(quoted):
            text = opening + old.text + (closing if n == len(quoted) - 1 else "")
            blocks[index] = Paragraph(text, old.raw, old.line, kind="blockquote")

    def sections(self) -> list[Section]:
        """The lead (always, possibly empty) and the headed sections."""
        return [Section(None, tuple(self.lead))] + [
            Section(heading, tuple(blocks)) for heading, blocks in self.headed
        ]
