"""Speaker attribution: who the text says spoke each quotation (FORMAT.md, "Speaker").

A pure pass in reading order with a small tracker of the story's people and bodies
(:class:`tui.article.story.Story`). For each quotation it reads, in turn:

1. the clause after the closing mark (``“…,” Ana Ruiz said``, ``said Mr Lund``, ``she added``,
   ``the chancellor insisted``, ``according to X``);
2. the sentence before the opening mark (``Ana Ruiz said: “…”``, ``X told the BBC: “…”``,
   reported speech ``Ana Ruiz said the council had failed to deal with the “looming
   problems”``), or the paragraph before when it ends with a colon;
3. failing both, the source of the speech just before it, when the quotation carries it on
   and nobody else came into the story in between (``“…,” said X. “…”``, a paragraph that
   opens with a quotation after X spoke).

Names resolve to the fullest form the story gives (``Mr Fox`` → Liam Fox when one Fox was
introduced), roles to whoever the story gave them (``the chancellor`` → Chancellor Gordon
Brown), he/she/the 78-year-old to the one person who fits among the nearest mentions, and
``the company``/``it`` to the body just named. Described sources (``a spokesman``,
``officials``) are nobody, and they take the floor: a later ``he said`` stays unattributed.
Whenever the evidence is weak the answer is no speaker; a wrong name is worse than none.

Work stays near the quotations: the story's narrative is read only when a decision needs it
(see :mod:`tui.article.story`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from tui.article.attribution_rules import (
    AGED,
    NAME,
    NOBODY,
    PRONOUN,
    Ref,
    after_clause,
    before_sentence,
    split_sentences,
)
from tui.article.model import Quotation, QuoteSpan, Section
from tui.article.story import FLOOR_TAKEN, Entity, Story

__all__ = ["attribute", "find_speakers"]


_GOES_ON = re.compile(
    r"\s*,?\s*(?:and|but)\s+(?:also\s+|then\s+)?(?:said|says|added|called|told|described|warned|insisted|accused|urged|claimed|branded|labelled|dismissed)\b"
)
"""The text between two quotations of one clause whose subject goes on ("… and said the …")."""
_GAP = 2
"""Paragraphs without quotations after which the last source no longer carries on."""


def _last_sentence(text: str) -> str:
    spans = split_sentences(text)
    return text[spans[-1][0] :] if spans else text


class _Attributor:
    """Attribution in reading order over one article's quoted paragraphs."""

    def __init__(
        self,
        texts: Sequence[str],
        bounds: Sequence[int],
        spans: Mapping[int, Sequence[QuoteSpan]],
        quotes: Sequence[str],
    ) -> None:
        self.texts = texts
        self.bounds = bounds
        self.spans = spans
        self.quotes = quotes
        self.speakers: list[Entity | None] = [None] * len(quotes)
        self.story = Story(texts)
        # Top-level spans whose inner quotes wait for their quotation's speaker.
        self.pending: dict[int, list[tuple[int, QuoteSpan, list[QuoteSpan]]]] = {}

    def run(self) -> list[str | None]:
        """Attribute every quotation; the speakers' names (None where nobody is named)."""
        self.first: dict[int, tuple[int, int, int]] = {}  # quotation -> paragraph, from, start
        self.final: dict[int, tuple[int, int]] = {}  # quotation -> paragraph, start of last span
        for index in sorted(self.spans):
            for span in self.spans[index]:
                self.final[span.quote_index] = (index, span.start)
        section = 0
        last = -1  # the last paragraph read
        for index in sorted(self.spans):
            new_section = False
            while self.bounds[section + 1] <= index:
                section += 1
                new_section = True
            if new_section:
                self.story.reset()
                last = max(last, self.bounds[section] - 1)
            if index - last - 1 > _GAP:
                self.story.spoke(None)  # too far from the last quotation to carry it on
            for between in range(max(last + 1, self.bounds[section], index - _GAP), index):
                text = self.texts[between]
                self.story.narrate(text, 0, len(text), False)
            self.story.current = index
            self.paragraph(index, section)
            last = index
        return [e.name if e is not None and e.name else None for e in self.speakers]

    def paragraph(self, index: int, section: int) -> None:
        """Read one quoted paragraph: its narrative in order, each quotation at its last part."""
        text = self.texts[index]
        tops: list[QuoteSpan] = []
        inner: list[list[QuoteSpan]] = []  # the depth-1 spans inside each top-level span
        for span in self.spans[index]:  # sorted by start, then depth
            if span.depth == 0:
                tops.append(span)
                inner.append([])
            elif span.depth == 1 and tops and span.start < tops[-1].end:
                inner[-1].append(span)
        cursor = 0
        attributed = False
        for n, span in enumerate(tops):
            q = span.quote_index
            self.story.narrate(text, cursor, span.start, attributed)
            attributed = False
            if q not in self.first:
                self.first[q] = (index, tops[n - 1].end if n else 0, span.start)
            cursor = span.end
            if inner[n]:
                self.pending.setdefault(q, []).append((index, span, inner[n]))
            if self.final[q] != (index, span.start):
                continue  # decided at its last part
            nxt = tops[n + 1].start if n + 1 < len(tops) else len(text)
            after = text[span.end : nxt] if span.close_mark else ""
            speaker = self.decide(section, q, after)
            self.speakers[q] = speaker
            if speaker is not None:
                self.story.spoke(speaker)
            attributed = bool(after) and after_clause(after, self.quotes[q][-1:]) is not None
            for where, part, held in self.pending.pop(q, ()):
                self.nested(where, part, held)
        self.story.narrate(text, cursor, len(text), attributed)

    def decide(self, section: int, q: int, after: str) -> Entity | None:
        """The speaker of top-level quotation ``q``, given the text after its last part."""
        quote = self.quotes[q]
        # 1. the clause after its closing mark
        ref = after_clause(after, quote[-1:]) if after else None
        if ref is not None and quote[-1:] in "?!" and after.lstrip()[:1].isupper():
            # "“…?” Ana Lund said she was pleased" may start a new sentence: a speaker named
            # before the question ("Mr Brown asked: “…?”") comes first.
            index, lo, start = self.first[q]
            earlier = before_sentence(_last_sentence(self.texts[index][lo:start]), False)
            if earlier is not None and earlier.kind == NAME:
                ref = earlier
        if ref is not None:
            return self.resolve(ref, None, quote)
        # 2. the sentence before its opening mark, unless that is the attribution of the
        # quotation before it ("“…,” he said. “…”": this one carries the speech on)
        index, lo, start = self.first[q]
        text = self.texts[index]
        # (not when that clause runs on into this one: "said Ana Lund, adding it was “…”")
        between = text[lo:start].rstrip()
        carried = (
            lo > 0
            and between[-1:] in ".!?"
            and after_clause(text[lo:start], text[lo - 1 : lo]) is not None
        )
        before = _last_sentence(text[lo:start])
        if not carried:
            if not before.strip() and lo == 0 and index > self.bounds[section]:
                tail = self.texts[index - 1].rstrip()
                before = _last_sentence(tail) if tail.endswith(":") else ""
            if before.strip():
                ref = before_sentence(before, len(quote.split(None, 3)) <= 3)
            if ref is None and lo > 0 and _GOES_ON.match(before):
                # "called it “…” and said the “…” tactics": the same subject goes on.
                source = self.story.current_source()
                return None if source is FLOOR_TAKEN else source
        if ref is None:
            # 3. the speech just before it, carried on (never a word or two: a scare quote
            # with no verb of its own is nobody's in particular)
            source = self.story.current_source()
            # (a whole sentence is no scare quote: "Then they came.")
            whole = quote[:1].isupper() and quote.rstrip()[-1:] in ".!?"
            short = (
                len(quote.split(None, 3)) <= 3 and not whole and not before.rstrip().endswith(":")
            )
            return None if source is FLOOR_TAKEN or short else source
        return self.resolve(ref, None, quote)

    def resolve(self, ref: Ref, exclude: Entity | None, quote: str = "") -> Entity | None:
        """The entity a reference stands for (see :meth:`Story.resolve`).

        A he/she never means someone the quoted words talk about by name ("“Sean's
        situation is hard,” he said" is not Sean speaking).
        """
        if quote and ref.kind in (PRONOUN, AGED):
            found = self.story.pronoun(ref.gender, exclude, named_in=quote)
            if found is not None and ref.gender and not found.gender:
                found.gender = ref.gender  # "“…,” he said" tells the speaker is a he
            return found
        return self.story.resolve(ref, exclude)

    def nested(self, index: int, outer: QuoteSpan, inner: Sequence[QuoteSpan]) -> None:
        """Speakers of the quotes inside ``outer``: only its words can say who spoke them."""
        text = self.texts[index]
        speaker = self.speakers[outer.quote_index]
        cursor = outer.start + 1
        for n, span in enumerate(inner):
            if not span.open_mark:
                continue
            end = inner[n + 1].start if n + 1 < len(inner) else outer.end - 1
            after = text[span.end : end]
            before = _last_sentence(text[cursor : span.start])
            quote = self.quotes[span.quote_index]
            ref = after_clause(after, quote[-1:]) if span.close_mark else None
            if ref is None:
                ref = before_sentence(before, len(quote.split(None, 3)) <= 3)
            cursor = span.end
            if ref is None:
                continue
            if ref.kind == NOBODY and before.split()[:1] == ["I"] and speaker is not None:
                self.speakers[span.quote_index] = speaker  # "I thought ‘…’": the speaker's own
            elif ref.kind == NAME:
                found = self.resolve(ref, speaker)
                if found is not None and (" " in found.name or found.person):
                    self.speakers[span.quote_index] = found  # a person the story named
            elif ref.kind in (PRONOUN, AGED):
                found = self.story.pronoun(ref.gender, speaker, nested=True)
                self.speakers[span.quote_index] = found


def find_speakers(
    texts: Sequence[str],
    bounds: Sequence[int],
    spans: Mapping[int, Sequence[QuoteSpan]],
    quotes: Sequence[str],
) -> list[str | None]:
    """The speaker of each quotation, from the paragraphs that carry their spans.

    Args:
        texts: Every paragraph's text, all sections in order.
        bounds: Where each section's paragraphs start in ``texts``, then ``len(texts)``.
        spans: The quotation spans of each paragraph that has any (sorted by start).
        quotes: The quoted words of each quotation, indexed by :attr:`QuoteSpan.quote_index`.

    Returns:
        One speaker or None per quotation.
    """
    if not quotes:
        return []
    return _Attributor(texts, bounds, spans, quotes).run()


def attribute(sections: Sequence[Section], quotes: Sequence[Quotation]) -> tuple[Quotation, ...]:
    """Fill :attr:`Quotation.speaker` where the text makes the speaker unambiguous.

    Args:
        sections: Sections whose paragraphs carry the quotations' spans (from ``annotate``).
        quotes: The quotations, indexed by :attr:`QuoteSpan.quote_index`.

    Returns:
        The quotations in the same order, each with its speaker or None.
    """
    paragraphs = [p for section in sections for p in section.paragraphs]
    bounds = [0]
    for section in sections:
        bounds.append(bounds[-1] + len(section.paragraphs))
    found = find_speakers(
        [p.text for p in paragraphs],
        bounds,
        {n: p.quotes for n, p in enumerate(paragraphs) if p.quotes},
        [q.text for q in quotes],
    )
    return tuple(replace(q, speaker=found[i]) for i, q in enumerate(quotes))
