"""Quotation detection: quoted passages in body paragraphs, as spans and :class:`Quotation` s.

The rules are FORMAT.md's "Quotations" section. The scanning itself (marks, direction, nesting,
multi-paragraph quotations) is :mod:`tui.article.quotescan`; speakers come from
:mod:`tui.article.speakers`. Both run in time linear in the article's length.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import fields
from typing import TypeVar

from tui.article import collector
from tui.article.model import Block, Paragraph, Quotation, QuoteSpan, Section
from tui.article.quotenames import names_a_thing
from tui.article.quotescan import (
    MAX_DEPTH,
    Record,
    Scanner,
    find_marks,
    paragraph_count,
    record_text,
)
from tui.article.records import record
from tui.article.speakers import find_speakers

__all__ = ["MAX_DEPTH", "FoundQuote", "FoundSpan", "annotate", "find_quotes", "quote_paragraphs"]


@record
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


@record
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
        return len({span.paragraph for span in self.spans}) > 1


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
    marks = find_marks(paragraphs)
    records = Scanner(paragraphs, marks).scan(0, len(paragraphs), list(marks))
    return [
        FoundQuote(
            spans=tuple(FoundSpan(*span) for span in r.spans),
            depth=r.depth,
            text=record_text(r),
            unclosed=r.unclosed,
        )
        for r in records
    ]


def annotate(sections: Sequence[Section]) -> tuple[tuple[Section, ...], tuple[Quotation, ...]]:
    """Find quotations in the sections' paragraphs.

    Each section's paragraphs are scanned as one run (blocks between them, such as image
    credits, do not break a multi-paragraph quotation; a heading does, since it starts a new
    section). Headings are never scanned. Paragraphs and sections without quotations are
    returned as they came.

    Args:
        sections: Sections whose paragraphs have no quote spans yet.

    Returns:
        The sections with :attr:`Paragraph.quotes` filled, and every quotation in order with
        its speaker when :func:`tui.article.speakers.find_speakers` finds one.
    """
    # The pass makes many small objects and no reference cycles: the cyclic collector would
    # only rescan the whole (long-lived) article again and again, which grows faster than
    # linearly with its size. Reference counting frees everything this pass drops.
    with collector.held():
        return _annotate(sections)


def _annotate(sections: Sequence[Section]) -> tuple[tuple[Section, ...], tuple[Quotation, ...]]:
    blocks: list[Paragraph] = []
    where: list[tuple[int, int]] = []  # (section, block) of each paragraph
    bounds = [0]
    for s_index, section in enumerate(sections):
        for b_index, block in enumerate(section.blocks):
            if isinstance(block, Paragraph):
                blocks.append(block)
                where.append((s_index, b_index))
        bounds.append(len(blocks))
    spans, quotations = quote_paragraphs([block.text for block in blocks], bounds, where)
    if not spans:
        return tuple(sections), quotations
    changed: dict[int, list[Block]] = {}
    for index, held in spans.items():
        s_index, b_index = where[index]
        if s_index not in changed:
            changed[s_index] = list(sections[s_index].blocks)
        changed[s_index][b_index] = _evolve(blocks[index], "quotes", held)
    out = tuple(
        _evolve(section, "blocks", tuple(changed[n])) if n in changed else section
        for n, section in enumerate(sections)
    )
    return out, quotations


def quote_paragraphs(
    texts: Sequence[str], bounds: Sequence[int], where: Sequence[tuple[int, int]]
) -> tuple[dict[int, tuple[QuoteSpan, ...]], tuple[Quotation, ...]]:
    """Find the quotations in paragraph texts before any :class:`Paragraph` is made of them.

    :func:`annotate` for a parser that builds each paragraph once, with its spans.

    Args:
        texts: Every paragraph's text, all sections in order.
        bounds: Where each section's paragraphs start in ``texts``, then ``len(texts)``.
        where: The (section, block) each paragraph will have, for :class:`Quotation`.

    Returns:
        The spans of each paragraph that has any (sorted by start, then depth), by its index
        in ``texts``, and every quotation in order with its speaker.
    """
    marks = find_marks(texts)
    if not marks:
        return {}, ()
    marked = list(marks)
    scanner = Scanner(texts, marks)
    spans: dict[int, list[QuoteSpan]] = {}
    found: list[Record] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        indices = marked[bisect.bisect_left(marked, lo) : bisect.bisect_left(marked, hi)]
        if not indices:
            continue
        for rec in scanner.scan(lo, hi, indices):
            if _a_name(texts, rec):
                continue  # quote marks around a name: ordinary text, no quotation
            q_index = len(found)
            found.append(rec)
            for index, start, end, open_mark, close_mark in rec.spans:
                span = QuoteSpan(start, end, rec.depth, q_index, open_mark, close_mark)
                spans.setdefault(index, []).append(span)
    for held in spans.values():
        if len(held) > 1:
            held.sort(key=lambda s: (s.start, s.depth))
    texts_of = [record_text(rec) for rec in found]
    speakers = find_speakers(texts, bounds, spans, texts_of)
    quotations: list[Quotation] = []
    for n, rec in enumerate(found):
        section, block = where[rec.spans[0][0]]
        # Positional: text, depth, speaker, multi_paragraph, unclosed, section, block, parts.
        quotations.append(
            Quotation(
                texts_of[n],
                rec.depth,
                speakers[n],
                paragraph_count(rec) > 1,
                rec.unclosed,
                section,
                block,
                tuple(part.strip() for part in rec.parts) if len(rec.parts) > 1 else (),
            )
        )
    return {index: tuple(held) for index, held in spans.items()}, tuple(quotations)


def _a_name(texts: Sequence[str], rec: Record) -> bool:
    """Whether a scanned quotation only sets off a name (:mod:`tui.article.quotenames`)."""
    if rec.depth or rec.unclosed or len(rec.spans) != 1 or not rec.spans[0][4]:
        return False
    index, start, end = rec.spans[0][0], rec.spans[0][1], rec.spans[0][2]
    text = texts[index]
    return names_a_thing(text[max(0, start - 48) : start], rec.parts[0], text[end : end + 24])


_T = TypeVar("_T", Paragraph, Section)


_FIELDS: dict[type, tuple[tuple[str, ...], tuple[tuple[str, object], ...]]] = {}


def _evolve(obj: _T, name: str, value: object) -> _T:
    """``dataclasses.replace(obj, name=value)`` for the model's frozen dataclasses, without
    its per-call introspection (it is the bulk of annotating a long article otherwise).

    As with ``replace``, fields that are not ``__init__`` arguments (memos such as
    ``Paragraph._words``) start again from their defaults."""
    cls = type(obj)
    if cls not in _FIELDS:
        _FIELDS[cls] = (
            tuple(f.name for f in fields(cls) if f.init),
            tuple((f.name, f.default) for f in fields(cls) if not f.init),
        )
    copied, reset = _FIELDS[cls]
    new = object.__new__(cls)
    for field_name in copied:
        object.__setattr__(new, field_name, getattr(obj, field_name))
    for field_name, default in reset:
        object.__setattr__(new, field_name, default)
    object.__setattr__(new, name, value)
    return new
