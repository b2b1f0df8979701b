"""Quotation detection: quoted passages in body paragraphs, as spans and :class:`Quotation` s.

The scanner visits only the quote-mark characters of each paragraph, once, and keeps a small
stack of open quotations (never deeper than :data:`MAX_DEPTH`), so it runs in linear time and
never recurses however hostile the text. Direction is decided from the mark itself when it has
one (“ ” « » 「 」 …), from the characters around it when it is ambiguous (straight ``"`` and
``'``, ’ which is usually an apostrophe, “ and ‘ which close German „…“ and ‚…‘), and from the
stack. The rules are FORMAT.md's "Quotations" section; speakers are filled in afterwards by
:mod:`tui.article.speakers`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tui.article.model import Block, Paragraph, Quotation, QuoteSpan, Section
from tui.article.speakers import attribute

__all__ = ["MAX_DEPTH", "FoundQuote", "FoundSpan", "annotate", "find_quotes"]

MAX_DEPTH = 8
"""Openers found while this many quotations are already open are ignored (garbage, not prose)."""

# Every character that can open or close a quotation.
_MARKS = re.compile(
    "[\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c-\u300f]"
)
_SINGLES = "'\u2018\u2019\u201a"  # ' ‘ ’ ‚
_SINGLE_RE = re.compile("['\u2018\u2019\u201a]")

# Which characters close a quotation, keyed by its opening mark. Straight and curly marks of the
# same weight may close each other: scraped text mixes them ("…” and “…").
_CLOSERS: dict[str, str] = {
    "\u201c": '\u201d"',  # “ → ” "
    '"': '"\u201d',  # " → " ”
    "\u201e": '\u201c\u201d"',  # „ → “ (German), ” (Polish), "
    "\u2018": "\u2019'",  # ‘ → ’ '
    "'": "'\u2019",  # ' → ' ’
    "\u201a": "\u2018\u2019",  # ‚ → ‘ (German), ’
    "\u00ab": "\u00bb",  # « → »
    "\u00bb": "\u00ab",  # » → « (German reversed guillemets)
    "\u2039": "\u203a",  # ‹ → ›
    "\u203a": "\u2039",  # › → ‹
    "\u300c": "\u300d",  # 「 → 」
    "\u300e": "\u300f",  # 『 → 』
}

# Marks that may start a paragraph continuing a quotation, keyed by the quotation's opening mark
# (French and Spanish continue «…» paragraphs with » as well as «).
_CONTINUERS: dict[str, str] = {
    "\u201c": '\u201c"',
    '"': '"\u201c',
    "\u201e": "\u201e",
    "\u2018": "\u2018'",
    "'": "'\u2018",
    "\u201a": "\u201a",
    "\u00ab": "\u00ab\u00bb",
    "\u00bb": "\u00bb",
    "\u2039": "\u2039\u203a",
    "\u203a": "\u203a",
    "\u300c": "\u300c",
    "\u300e": "\u300e",
}

# Elided words written with a leading apostrophe (’em, ’tis, rock ’n’ roll).
_ELIDED = ("em", "tis", "twas", "n")


@dataclass(frozen=True, slots=True)
class FoundSpan:
    """The part of a found quotation that lies in one paragraph."""

    paragraph: int
    """Index of the paragraph in the sequence given to :func:`find_quotes`."""
    start: int
    """Offset of the first character (the opening or continuation mark when present)."""
    end: int
    """Offset one past the last character (past the closing mark when there is one)."""
    open_mark: str = ""
    """The opening mark at ``start`` ("" when the quotation continues from a paragraph before)."""
    close_mark: str = ""
    """The closing mark at ``end - 1`` ("" when unclosed or continued in the next paragraph)."""


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quotation found by :func:`find_quotes`, not yet tied to sections or speakers."""

    spans: tuple[FoundSpan, ...]
    """One span per paragraph the quotation covers, in order."""
    depth: int
    """0 at top level, 1 inside another quotation, and so on."""
    text: str
    """The quoted words without the enclosing marks; paragraphs joined by a blank line."""
    unclosed: bool = False
    """True when no closing mark ends the quotation."""

    @property
    def paragraph(self) -> int:
        """Index of the paragraph where the quotation starts."""
        return self.spans[0].paragraph

    @property
    def multi_paragraph(self) -> bool:
        """True when the quotation covers more than one paragraph."""
        return len(self.spans) > 1


@dataclass(slots=True)
class _Record:
    """A quotation being built: its finished spans and text pieces."""

    depth: int
    spans: list[FoundSpan] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    unclosed: bool = False


@dataclass(slots=True)
class _Open:
    """A stack entry: an open quotation and where its span in the current paragraph began."""

    record: int
    mark: str
    start: int
    open_mark: str
    part_start: int


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _is_punct(ch: str) -> bool:
    return ch != "" and not ch.isalnum() and not ch.isspace()


def _elided_width(text: str, i: int) -> int:
    """How many characters from ``i`` form an elision (’90s, ’em, ’n’), or 0 when none does."""
    before = text[i - 1] if i else ""
    if before.isalnum():
        return 0
    nxt = text[i + 1 : i + 4]
    # Decades: ’90s, '68, ‘80s typed with the wrong mark.
    if len(nxt) >= 2 and nxt[:2].isdigit() and not nxt[2:3].isdigit():
        return 1
    lowered = text[i + 1 : i + 6].lower()
    for word in _ELIDED:
        if lowered.startswith(word):
            after = text[i + 1 + len(word) : i + 2 + len(word)]
            if word == "n" and after and after in _SINGLES:
                tail = text[i + 3 : i + 4]
                return 3 if not tail.isalnum() else 0  # ’n’ takes both marks
            if not after.isalpha():
                return 1
    return 0


class _Scanner:
    """Scans paragraphs in order, carrying an unclosed quotation into a continuing paragraph."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self.records: list[_Record] = []
        self.stack: list[_Open] = []
        self.text = ""
        self.index = 0
        # Lazily built per paragraph: positions of single marks able to close / to open.
        self._strong_closers: list[int] | None = None
        self._openers: list[int] | None = None

    # -- stack operations -----------------------------------------------------------------

    def _open(self, i: int, mark: str) -> None:
        if len(self.stack) >= MAX_DEPTH:
            return
        self.records.append(_Record(depth=len(self.stack)))
        self.stack.append(_Open(len(self.records) - 1, mark, i, mark, i + 1))

    def _end(self, entry: _Open, end: int, part_end: int, close_mark: str) -> None:
        record = self.records[entry.record]
        span = FoundSpan(self.index, entry.start, end, entry.open_mark, close_mark)
        record.spans.append(span)
        record.parts.append(self.text[entry.part_start : part_end])

    def _accepting(self, ch: str) -> int:
        """Stack position of the innermost open quotation that ``ch`` closes, or -1."""
        for k in range(len(self.stack) - 1, -1, -1):
            if ch in _CLOSERS[self.stack[k].mark]:
                return k
        return -1

    def _close(self, k: int, j: int) -> None:
        """Close stack entry ``k`` with the mark at ``j``; inner open quotations end there."""
        while len(self.stack) > k + 1:
            inner = self.stack.pop()
            self._end(inner, j, j, "")
            self.records[inner.record].unclosed = True
        self._end(self.stack.pop(), j + 1, j, self.text[j])

    # -- single-mark look-ahead -----------------------------------------------------------

    def _possessive_shape(self, i: int) -> bool:
        """``farmers’ union``: an s/x/z, the mark, a space, then a word."""
        text = self.text
        return (
            i > 0
            and text[i - 1] in "sSxXzZ"
            and text[i + 1 : i + 2].isspace()
            and text[i + 2 : i + 3].isalnum()
        )

    def _later_closer_first(self, i: int) -> bool:
        """True when a plain single closer follows ``i`` before any single opener does."""
        if self._strong_closers is None or self._openers is None:
            closers: list[int] = []
            openers: list[int] = []
            text = self.text
            for m in _SINGLE_RE.finditer(text):
                j = m.start()
                before, after = text[j - 1 : j] if j else "", text[j + 1 : j + 2]
                if _elided_width(text, j):
                    continue
                if text[j] in "'\u2019" and not _is_space(before) and not after.isalnum():
                    if not self._possessive_shape(j):
                        closers.append(j)
                elif text[j] != "\u2019" and not before.isalnum() and after.isalpha():
                    openers.append(j)
            self._strong_closers, self._openers = closers, openers
        c = bisect.bisect_right(self._strong_closers, i)
        if c == len(self._strong_closers):
            return False
        o = bisect.bisect_right(self._openers, i)
        return o == len(self._openers) or self._strong_closers[c] < self._openers[o]

    # -- one mark -------------------------------------------------------------------------

    def _mark(self, i: int) -> int:
        """Handle the mark at ``i``; return how many characters it consumed."""
        text, ch = self.text, self.text[i]
        before = text[i - 1] if i else ""
        after = text[i + 1 : i + 2]
        if ch in _SINGLES:
            width = _elided_width(text, i)
            if width:
                return width
            if before.isalnum() and after.isalnum():
                return 1  # don’t, Duarte’s, 90’s, o’clock
        left = not _is_space(after) and (not _is_punct(after) or not before.isalnum())
        right = not _is_space(before) and (not _is_punct(before) or not after.isalnum())
        k = self._accepting(ch)
        if ch == '"':
            if k >= 0 and (right or not left):
                self._close(k, i)
            elif left or not right:
                self._open(i, ch)
        elif ch == "\u201c":  # “ opens in English, closes German „…“
            if k >= 0 and not _is_space(before):
                self._close(k, i)
            elif left or not right:
                self._open(i, ch)
        elif ch in "\u2018'":  # ‘ and ' open; ‘ also closes German ‚…‘, ' closes '…'
            if k >= 0 and not _is_space(before) and not after.isalnum():
                if self._possessive_shape(i) and self._later_closer_first(i):
                    return 1
                self._close(k, i)
            elif not before.isalnum() and after.isalpha():
                self._open(i, ch)
        elif ch == "\u2019":  # ’ only closes, and only when it is not an apostrophe
            if k >= 0 and not _is_space(before) and not after.isalnum():
                if self._possessive_shape(i) and self._later_closer_first(i):
                    return 1
                self._close(k, i)
        elif ch == "\u201a":  # ‚ opens German single quotes (else it is a stray comma)
            if not before.isalnum() and after.isalpha():
                self._open(i, ch)
        elif ch in "\u00ab\u2039":  # « opens French/Spanish, closes German »…«
            if k >= 0 and not _is_space(before):
                self._close(k, i)
            else:
                self._open(i, ch)
        elif ch in "\u00bb\u203a":  # » closes «…», else opens German »…«
            if k >= 0:
                self._close(k, i)
            elif not _is_space(after):
                self._open(i, ch)
        elif ch in "\u201e\u300c\u300e":  # „ 「 『 only open
            self._open(i, ch)
        elif k >= 0:  # ” 」 』 only close; a closer with no opener is ignored
            self._close(k, i)
        return 1

    # -- paragraphs -----------------------------------------------------------------------

    def _leading_mark(self, index: int) -> int:
        """Offset of the mark a paragraph starts with (after spaces), or -1."""
        text = self.paragraphs[index]
        pos = len(text) - len(text.lstrip())
        return pos if pos < len(text) and text[pos] in _CLOSERS else -1

    def _continues(self, entry: _Open, index: int) -> bool:
        if index >= len(self.paragraphs):
            return False
        pos = self._leading_mark(index)
        return pos >= 0 and self.paragraphs[index][pos] in _CONTINUERS[entry.mark]

    def scan(self) -> list[FoundQuote]:
        carry: _Open | None = None
        for index, text in enumerate(self.paragraphs):
            self.text, self.index = text, index
            self._strong_closers = self._openers = None
            pos = 0
            if carry is not None:
                lead = self._leading_mark(index)
                carry.start, carry.open_mark, carry.part_start = lead, "", lead + 1
                self.stack = [carry]
                pos, carry = lead + 1, None
            for m in _MARKS.finditer(text, pos):
                if m.start() < pos:
                    continue  # consumed by an elision such as ’n’
                pos = m.start() + self._mark(m.start())
            end = len(text)
            for entry in reversed(self.stack[1:]):
                self._end(entry, end, end, "")
                self.records[entry.record].unclosed = True
            if self.stack:
                bottom = self.stack[0]
                self._end(bottom, end, end, "")
                if self._continues(bottom, index + 1):
                    carry = bottom
                else:
                    self.records[bottom.record].unclosed = True
            self.stack = []
        return [
            FoundQuote(
                spans=tuple(r.spans),
                depth=r.depth,
                text="\n\n".join(part.strip() for part in r.parts),
                unclosed=r.unclosed,
            )
            for r in self.records
        ]


def find_quotes(paragraphs: Sequence[str]) -> list[FoundQuote]:
    """Find the quotations in consecutive paragraphs of one section.

    A quotation left open at the end of a paragraph continues into the next one when that
    paragraph starts with an opening mark of the same kind (the multi-paragraph convention);
    otherwise it runs to the end of its paragraph and is marked unclosed.

    Args:
        paragraphs: Paragraph texts in reading order.

    Returns:
        The quotations in reading order (by first paragraph, then start offset).
    """
    return _Scanner(paragraphs).scan()


def annotate(sections: Sequence[Section]) -> tuple[tuple[Section, ...], tuple[Quotation, ...]]:
    """Find quotations in the sections' paragraphs.

    Each section's paragraphs are scanned as one run (blocks between them, such as image
    credits, do not break a multi-paragraph quotation; a heading does, since it starts a new
    section). Headings are never scanned.

    Args:
        sections: Sections whose paragraphs have no quote spans yet.

    Returns:
        The sections with :attr:`Paragraph.quotes` filled, and every quotation in order with
        its speaker when :func:`tui.article.speakers.attribute` finds one.
    """
    out_sections: list[Section] = []
    quotations: list[Quotation] = []
    for s_index, section in enumerate(sections):
        positions: list[int] = []
        texts: list[str] = []
        for b_index, block in enumerate(section.blocks):
            if isinstance(block, Paragraph):
                positions.append(b_index)
                texts.append(block.text)
        spans: list[list[QuoteSpan]] = [[] for _ in positions]
        for found in find_quotes(texts):
            q_index = len(quotations)
            quotations.append(
                Quotation(
                    text=found.text,
                    depth=found.depth,
                    multi_paragraph=found.multi_paragraph,
                    unclosed=found.unclosed,
                    section=s_index,
                    block=positions[found.paragraph],
                )
            )
            for span in found.spans:
                spans[span.paragraph].append(
                    QuoteSpan(
                        span.start, span.end, found.depth, q_index, span.open_mark, span.close_mark
                    )
                )
        blocks: list[Block] = list(section.blocks)
        for n, b_index in enumerate(positions):
            block = blocks[b_index]
            assert isinstance(block, Paragraph)
            ordered = tuple(sorted(spans[n], key=lambda s: (s.start, s.depth)))
            blocks[b_index] = replace(block, quotes=ordered)
        out_sections.append(replace(section, blocks=tuple(blocks)))
    return tuple(out_sections), attribute(out_sections, quotations)
