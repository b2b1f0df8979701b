"""Speaker attribution: who the text says spoke each quotation (FORMAT.md, "Speaker").

A pure pass over annotated sections. For each quotation it reads the words after the closing
mark (``“…,” Ana Ruiz said``, ``said Ana Ruiz``, ``he added``, ``according to X``) and then the
sentence before the opening mark (``Ana Ruiz said: “…”``, ``X: “…”``), or the end of the
paragraph before when the quotation opens its paragraph after a colon. Courtesy titles, bare
surnames, short forms and he/she resolve to a full name introduced earlier only when exactly one
candidate fits; described sources ("a spokesperson", "one resident"), scare quotes, titles of
works and nicknames get no speaker. A quote inside a quote gets a speaker only when the outer
quotation says who spoke it (``“She told me, ‘…’,” he said.``), never the outer speaker.

The phrase rules live in :mod:`tui.article.attribution_rules`. The names the article introduces
are learnt lazily: only a query that needs them (a surname, a pronoun, a possible short form)
reads the text before it, so a long article whose speakers are all named in full is never
tokenised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from tui.article.attribution_rules import (
    PARTICLES,
    PRONOUN,
    Name,
    attribution,
    clean_name,
    follows_on,
)
from tui.article.model import Quotation, QuoteSpan, Section
from tui.article.sanitize import joined_groups

__all__ = ["attribute", "find_speakers"]

_TOKEN_CHAR = re.compile(r"[\w’'\-]")
_LETTER = re.compile(r"[^\W\d_]")
_TOKEN_BEFORE = re.compile(r"[\w’'\-]+\Z")
# A capitalised run right after a definite article is a place or body ("the Corn Exchange"),
# not a person a pronoun could point to, unless a title shows it is one.
_DEFINITE = frozenset({"the", "der", "die", "das", "den", "dem", "des", "el", "la", "los", "las"})
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'\-])(?:the|der|die|das|den|dem|des|el|la|los|las) \Z")
_SENTENCE_OPENERS = '.!?…:“”"«»„「'


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern[str]:
    """A run of capitalised words, particles allowed inside (built once: scans Unicode)."""
    upper = [c for c in map(chr, range(0x20000)) if c.isupper()]  # none above plane 1
    ranges: list[list[int]] = []
    for c in upper:
        if ranges and ranges[-1][1] == ord(c) - 1:
            ranges[-1][1] = ord(c)
        else:
            ranges.append([ord(c), ord(c)])
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    bmp = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
        if b < 0x10000
    )
    # The scan tests a fast BMP class plus any astral character, then checks the exact class
    # only where it matched; a letter just before means the capital is inside a word.
    cap = f"[{bmp}\U00010000-\U0010ffff](?<=[{cls}])"
    particle = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")(?![\w’'\-])"
    return re.compile(f"{cap}(?<![^\\W\\d_].)[\\w’'\\-]*(?: (?:{cap}[\\w’'\\-]*|{particle}))*")


@lru_cache(maxsize=8192)
def _run_name(run: str) -> Name | None:
    return clean_name(run.split(" "))


def _sentence_start(text: str, lo: int, at: int) -> bool:
    k = at - 1
    while k >= lo and text[k].isspace():
        k -= 1
    return k < lo or text[k] in _SENTENCE_OPENERS


class _Context:
    """Names introduced so far, learnt lazily in reading order.

    ``learn`` and ``add`` only queue their work; every query first replays the queue, so the
    answers are those of an eager pass, and an article that never needs them costs nothing.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.joined: list[str] | None = None  # the paragraphs joined, a group at a time
        self.by_surname: dict[str, set[str]] = {}
        self.first: dict[str, int] = {}  # full name -> order of its first appearance
        self.mid_sentence: set[str] = set()
        self.queue: list[tuple[str, int, int, list[str]] | tuple[int, int] | str] = []
        self.mentions: dict[int, list[str]] = {}  # paragraph -> people it mentions
        self.longer: dict[str, bool] = {}

    def learn(self, text: str, lo: int, hi: int, into: list[str]) -> None:
        """Queue ``text[lo:hi]``; the people it mentions are appended to ``into`` on replay."""
        if lo < hi:
            self.queue.append((text, lo, hi, into))

    def learn_paragraphs(self, first: int, stop: int) -> None:
        """Queue whole paragraphs ``first``…``stop - 1`` (those without quotations)."""
        if first < stop:
            self.queue.append((first, stop))

    def mentioned(self, index: int) -> list[str]:
        """The list that collects the people paragraph ``index`` mentions (filled on replay)."""
        return self.mentions.setdefault(index, [])

    def add(self, full: str) -> None:
        """Queue a resolved speaker's full name."""
        if " " in full:
            self.queue.append(full)

    def flush(self) -> None:
        """Replay the queued text and names, in order."""
        for item in self.queue:
            if isinstance(item, str):
                self._register(item)
            elif len(item) == 2:
                for index in range(item[0], item[1]):
                    text = self.texts[index]
                    self._learn(text, 0, len(text), self.mentioned(index))
            else:
                self._learn(*item)
        self.queue.clear()

    def _register(self, full: str) -> None:
        self.by_surname.setdefault(full.rsplit(" ", 1)[1], set()).add(full)
        self.first.setdefault(full, len(self.first))

    def _learn(self, text: str, lo: int, hi: int, into: list[str]) -> None:
        for match in _run_pattern().finditer(text, lo, hi):
            start = match.start()
            tokens = match.group().split(" ")
            mid = not _sentence_start(text, lo, start)
            if start and _TOKEN_CHAR.match(text, start - 1) and self._inside_word(text, start):
                # "x1Ana Bell": the first capital is inside a lower-case word.
                tokens.pop(0)
                while tokens and tokens[0] in PARTICLES:
                    tokens.pop(0)
                if not tokens:
                    continue
                start, mid = -1, True
            self.mid_sentence.update(t for t in tokens[1:] if t not in PARTICLES)
            if mid:
                self.mid_sentence.add(tokens[0])
            name = _run_name(" ".join(tokens))
            if name is None:
                continue
            place = (
                not name.titled
                and (
                    tokens[0].lower() in _DEFINITE
                    or _ARTICLE_BEFORE.search(text, max(lo, start - 4), start)
                )
                and start >= 0
            )
            if len(name.tokens) >= 2:
                full = " ".join(name.tokens)
                self._register(full)
                if not place:
                    into.append(full)
            elif name.tokens[0] in self.by_surname and not place:
                known = self.distinct(self.by_surname[name.tokens[0]])
                if len(known) == 1:
                    into.extend(known)

    @staticmethod
    def _inside_word(text: str, at: int) -> bool:
        """True when the token characters before ``at`` include a letter (one word goes on)."""
        k = at - 1
        while k >= 0 and _TOKEN_CHAR.match(text, k):
            if _LETTER.match(text, k):
                return True
            k -= 1
        return False

    def distinct(self, names: Iterable[str]) -> set[str]:
        """Names without a second form of the same one ("BBC Mundo Ana Ruiz", "Ana Ruiz").

        When one name ends with another, the form introduced first stands for both.
        """
        found = set(names)
        if len(found) < 2 or len(found) > 8:
            return found  # over 8 is hopelessly ambiguous; keeps hostile text linear
        first = self.first
        drop = set()
        for n in found:
            for m in found:
                if n != m and n.endswith(" " + m):
                    drop.add(n if first.get(m, -1) <= first.get(n, -1) else m)
        return found - drop

    def _may_have_longer(self, full: str) -> bool:
        """Whether the article prints ``full`` right after a capitalised word anywhere."""
        if full not in self.longer:
            if self.joined is None:
                # Groups of whole paragraphs: a name never spans two, and the word before it
                # never reaches back past a paragraph's start (a newline ends the run).
                self.joined = [joined for _, _, joined in joined_groups(self.texts)]
            needle = " " + full
            found = False
            for joined in self.joined:
                i = joined.find(needle)
                while i >= 0 and not found:
                    before = _TOKEN_BEFORE.search(joined, max(0, i - 64), i)
                    word = before.group() if before else ""
                    found = bool(word) and (not word.islower() or word in PARTICLES)
                    i = joined.find(needle, i + 1)
                if found:
                    break
            self.longer[full] = found
        return self.longer[full]

    def resolve(self, name: Name) -> str | None:
        """A full name for ``name``; a lone surname, or a short form a pronoun points to,
        expands only when one earlier name fits ("Monte Alçada" → "Corticeira Monte Alçada")."""
        if len(name.tokens) >= 2:
            full = " ".join(name.tokens)
            if name.antecedent and self._may_have_longer(full):
                self.flush()
                longer = {n for n in self.by_surname.get(name.tokens[-1], ()) if n != full}
                longer = {n for n in longer if n.endswith(" " + full)}
                known = self.distinct(longer | ({full} if full in self.first else set()))
                if len(known) == 1:
                    return next(iter(known))
            return full
        self.flush()
        word = name.tokens[0]
        known = self.distinct(self.by_surname.get(word, ()))
        if len(known) == 1:
            return next(iter(known))
        if name.courtesy:
            return f"{name.courtesy} {word}"
        return word if name.sure or word in self.mid_sentence else None

    def pool(self, groups: Sequence[Sequence[list[str]]], not_: str | None) -> str | None:
        """The one person a pronoun can mean: among recent mentions, else recent speakers.

        Args:
            groups: Lists of names to try in turn (filled in by the replay, so read after it).
            not_: A name the pronoun cannot mean (the speaker of the quotation it stands in).
        """
        self.flush()
        for group in groups:
            found = self.distinct(n for names in group for n in names if n != not_)
            if found:
                return next(iter(found)) if len(found) == 1 else None
        return None


def _after_spans(texts: Sequence[str], spans: Mapping[int, Sequence[QuoteSpan]]) -> dict[int, str]:
    """For each top-level quotation: the text after its last span, up to the next quotation."""
    after: dict[int, str] = {}
    for index, held in spans.items():
        text = texts[index]
        tops = [s for s in held if s.depth == 0]
        for n, span in enumerate(tops):
            nxt = tops[n + 1].start if n + 1 < len(tops) else len(text)
            after[span.quote_index] = text[span.end : nxt]
    return after


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
    speakers: list[str | None] = [None] * len(quotes)
    after = _after_spans(texts, spans)
    context = _Context(texts)
    tails: dict[int, str] = {}  # quoted paragraph -> its text after its last quotation
    heard: dict[int, list[str]] = {}  # quoted paragraph -> the speakers heard in it
    learnt = 0
    quoted = sorted(spans)
    section = 0
    for index in quoted:
        while bounds[section + 1] <= index:
            section += 1
        context.learn_paragraphs(learnt, index)
        learnt = index + 1
        text = texts[index]
        if index > bounds[section]:  # the paragraph before, in the same section
            prev_tail = tails.get(index - 1, texts[index - 1])
            prev = (context.mentioned(index - 1), heard.get(index - 1, []))
        else:
            prev_tail, prev = "", ([], [])
        mentions = context.mentioned(index)
        here = heard[index] = []
        cursor = top_end = 0
        last_top: str | None = None
        parent: QuoteSpan | None = None
        inner_start = 0
        held = spans[index]
        for n, span in enumerate(held):
            q = span.quote_index
            if q >= len(quotes) or span.depth > 1:
                continue
            if span.depth == 0:
                parent, inner_start = span, span.start + 1
                before, top_end = text[top_end : span.start], span.end
                if not span.open_mark:  # a continuation: decided where it began
                    if speakers[q]:
                        here.append(speakers[q])  # type: ignore[arg-type]
                    continue
                if n == 0 and not before.strip() and prev_tail.rstrip().endswith(":"):
                    before = prev_tail  # "…, she said:" ends the paragraph before
                found = attribution(quotes[q], before, after.get(q, ""))
            elif parent is None or not span.open_mark or span.start >= parent.end:
                continue
            else:  # a quote inside a quote: only the outer quotation's words can say
                inner_end = parent.end - (1 if parent.close_mark else 0)
                for later in held[n + 1 :]:
                    if later.start >= inner_end or later.depth == 1:
                        inner_end = min(inner_end, later.start)
                        break
                inner = text[inner_start : span.start]
                found = attribution(quotes[q], inner, text[span.end : inner_end])
                inner_start = span.end
            context.learn(text, cursor, span.start, mentions)
            cursor = span.start
            speaker: str | None = None
            if isinstance(found, Name):
                speaker = context.resolve(found)
            elif found == PRONOUN:
                # Words inside a quotation never call its own speaker "he" or "she".
                outer = speakers[parent.quote_index] if span.depth and parent else None
                speaker = context.pool(((prev[0], mentions), (prev[1], here)), outer)
            elif span.depth == 0 and last_top and follows_on(before):
                speaker = last_top  # “…,” she said. “…” — the same speaker goes on
            speakers[q] = speaker
            if speaker:
                context.add(speaker)
            if span.depth == 0:
                last_top = speaker
                if speaker:
                    here.append(speaker)
        context.learn(text, cursor, len(text), mentions)
        tails[index] = text[top_end:]
    return speakers


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
