"""Speaker attribution: who the text says spoke each quotation (FORMAT.md, "Speaker").

A pure pass in reading order with a small tracker of the story's people and bodies
(:class:`_Story`). For each quotation it reads, in turn:

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

Work stays near the quotations: paragraphs far from any quotation are read only when a
surname or short name must be looked up among the names the story introduced.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from tui.article.attribution_rules import (
    AGED,
    BODY,
    DOCUMENT,
    NAME,
    NOBODY,
    PERSON_ROLES,
    PRONOUN,
    ROLE,
    UNNAMED,
    Ref,
    after_clause,
    before_sentence,
    clean_run,
    is_reporting,
    reported_subject,
    sentence_subject,
    split_sentences,
)
from tui.article.model import Quotation, QuoteSpan, Section

__all__ = ["attribute", "find_speakers"]

# A capitalised run: words starting with a capital (particles allowed inside), one space apart.
_CAP = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f]"
_RUN = re.compile(
    rf"(?<![\w’'\-]){_CAP}[\w’'\-]*(?:\.(?= {_CAP}))?"
    rf"(?: (?:{_CAP}[\w’'\-]*|(?:de|da|del|van|von|der|den|la|le|bin|al|zu|y)"
    rf"(?: (?:la|las|los|der|den|de))?(?= {_CAP}))"
    rf"(?:\.(?= {_CAP}))?)*"
)
_ORG_WORDS = frozenset(
    [
        "office",
        "council",
        "bank",
        "reserve",
        "ministry",
        "department",
        "party",
        "commission",
        "authority",
        "agency",
        "association",
        "union",
        "federation",
        "group",
        "corporation",
        "company",
        "inc",
        "ltd",
        "plc",
        "institute",
        "university",
        "college",
        "trust",
        "foundation",
        "court",
        "parliament",
        "assembly",
        "board",
        "committee",
        "service",
        "services",
        "police",
        "army",
        "club",
        "united",
        "city",
        "fc",
        "research",
        "securities",
        "partners",
        "capital",
        "holdings",
        "airways",
        "airlines",
        "motors",
        "media",
        "news",
        "times",
        "post",
        "journal",
        "telegraph",
        "guardian",
        "mail",
        "express",
        "mirror",
        "herald",
        "network",
        "systems",
        "technologies",
        "labs",
        "studios",
        "pictures",
        "records",
        "entertainment",
        "communications",
        "telecom",
        "mobile",
        "energy",
        "exchange",
        "fund",
        "organisation",
        "organization",
        "society",
        "alliance",
        "coalition",
        "front",
        "movement",
        "government",
        "administration",
        "kremlin",
        "fed",
        "bbc",
    ]
)
_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "to", "from", "of", "for", "near", "into", "across", "outside", "inside", "the"]
)
# A run followed by a role noun and a name modifies the role ("France coach Ana Lund").
_MODIFIER = re.compile(rf" (?:[a-z][\w\-]* )?([a-z][\w\-]*) {_CAP}")
_ROLE_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "said",
        "says",
        "told",
        "by",
        "with",
        "to",
        "for",
        "in",
        "on",
        "at",
        "from",
        "that",
        "as",
        "but",
        "was",
        "is",
        "has",
        "had",
        "have",
        "be",
        "been",
        "were",
        "will",
        "would",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "former",
        "new",
        "old",
        "according",
    ]
)
_GENDER_ROLES = {
    "spokeswoman": "f",
    "chairwoman": "f",
    "actress": "f",
    "businesswoman": "f",
    "sportswoman": "f",
    "spokesman": "m",
    "chairman": "m",
    "actor": "m",
    "businessman": "m",
    "sportsman": "m",
}
_UNNAMED_PEOPLE = frozenset(
    [
        "deputy",
        "man",
        "woman",
        "boy",
        "girl",
        "neighbour",
        "neighbor",
        "resident",
        "worker",
        "officer",
        "soldier",
        "passenger",
        "driver",
        "nurse",
        "farmer",
        "fisherman",
        "villager",
        "witness",
        "friend",
        "relative",
        "volunteer",
        "student",
        "teenager",
        "stranger",
        "guard",
        "policeman",
        "policewoman",
        "member",
        "visitor",
        "customer",
        "shopkeeper",
    ]
)
_LOOK_BACK = 3
"""Narrative sentences a pronoun looks back over (the quotation's own sentence first)."""
_GAP = 2
"""Paragraphs without quotations after which the last source no longer carries on."""


class _Entity:
    """A person or body of the story."""

    __slots__ = ("gender", "name", "person")

    def __init__(self, name: str, person: bool | None, gender: str = "") -> None:
        self.name = name
        self.person = person
        self.gender = gender


_FLOOR_TAKEN = _Entity("", person=True)
"""The last source when a described, unnamed source spoke: a later he/she is not resolved."""


class _Sentence:
    """A narrative sentence's people: those it names, its subject when it opens with one, and
    whether it brings in someone unnamed ("a deputy", "one neighbour")."""

    __slots__ = ("mentions", "subject", "unnamed")

    def __init__(self, mentions: list[_Entity], subject: _Entity | None, unnamed: bool) -> None:
        self.mentions = mentions
        self.subject = subject
        self.unnamed = unnamed


class _Story:
    """What the story has said so far: names, roles, recent sentences, the last source."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.entities: dict[str, _Entity] = {}
        self.by_last: dict[str, list[_Entity]] = {}  # people by the last word of their name
        self.by_tail: dict[str, list[_Entity]] = {}  # every name of two words or more, likewise
        self.aliases: dict[str, _Entity] = {}  # short forms of bodies' names
        self.roles: dict[str, _Entity] = {}
        self.recent: list[_Sentence] = []
        self.source: _Entity | None = None
        self.scanned = 0  # paragraphs whose names are registered
        self.current = 0  # the quoted paragraph being read
        self.lowered: set[str] | None = None

    # -- names ----------------------------------------------------------------------------

    def entity(
        self, tokens: tuple[str, ...], gender: str = "", person: bool | None = None
    ) -> _Entity:
        """The entity of a full name, registered on first sight."""
        name = " ".join(tokens)
        found = self.entities.get(name)
        if found is None:
            if person is None and (tokens[-1].lower() in _ORG_WORDS or tokens[-1].isupper()):
                person = False  # "Home Office", "BBC"
            if person is None and gender:
                person = True
            found = self.entities[name] = _Entity(name, person, gender)
            if len(tokens) >= 2 and person is not False:
                self.by_last.setdefault(tokens[-1], []).append(found)
            if len(tokens) >= 2:
                self.by_tail.setdefault(tokens[-1], []).append(found)
                if person is not True:
                    self._index_aliases(found, tokens)
        elif gender and not found.gender:
            found.gender = gender
        return found

    def _index_aliases(self, entity: _Entity, tokens: tuple[str, ...]) -> None:
        """Short forms of a body's name: its initials and the start of its first word."""
        capitals = [t for t in tokens if t[:1].isupper()]
        if len(capitals) >= 2:
            self.aliases.setdefault("".join(t[0] for t in capitals), entity)
        first = tokens[0]
        for cut in range(3, len(first)):
            self.aliases.setdefault(first[:cut], entity)

    def scan_to(self, index: int) -> None:
        """Register the names of every paragraph before ``index`` (for short-name lookups)."""
        while self.scanned < index:
            text = self.texts[self.scanned]
            self.scanned += 1
            for match in _RUN.finditer(text):
                self._register_run(text, match.start(), match.group())

    def _register_run(self, text: str, start: int, run: str) -> _Entity | None:
        tokens = run.split(" ")
        cut = next((k for k, t in enumerate(tokens) if t.endswith(("’s", "'s"))), -1)
        if cut >= 0:
            tokens = tokens[: cut + 1]
            tokens[-1] = tokens[-1][:-2]
        ref = clean_run(tokens)
        if ref is None:
            return None
        if len(ref.tokens) < 2 and not ref.courtesy:
            known = _distinct(self.by_last.get(ref.tokens[0], []))
            return known[0] if len(known) == 1 else None  # a surname the story introduced
        before = text[max(0, start - 24) : start].split()
        prev = before[-1].lower() if before else ""
        person: bool | None = None
        if ref.courtesy or len(ref.tokens) < len(tokens):
            person = True  # a title or role before it
        elif prev in _PLACE_PREPOSITIONS or self._modifies(text, start + len(run)):
            person = False  # "in New York", "the Grand Pavilion", "France coach Ana Lund"
        if len(ref.tokens) == 1:
            return self.resolve_name(ref)
        entity = self.resolve_name(ref)  # "Costa Nova" after "Fabril Costa Nova"
        if entity is None:
            return None
        if entity.person is None and person is not None:
            entity.person = person
            if person is False and len(ref.tokens) >= 2:
                people = self.by_last.get(ref.tokens[-1], [])
                if entity in people:
                    people.remove(entity)
        if prev and prev not in _ROLE_STOP and prev.isalpha() and prev.islower():
            self.roles[prev] = entity  # "co-chairman Liam Fox", "judge Letitia Clark"
            gender = _GENDER_ROLES.get(prev)
            if gender and not entity.gender:
                entity.gender = gender
        for word in tokens[: len(tokens) - len(ref.tokens)]:
            if word.lower() not in _ROLE_STOP:
                self.roles[word.lower()] = entity  # "Chancellor Gordon Brown"
        after = text[start + len(run) : start + len(run) + 60]
        if after.startswith(", the ") or after.startswith(", its "):
            role = after[2:].split(",", 1)[0].split()
            if 1 < len(role) <= 6:
                self.roles[role[-1].lower()] = entity  # "Ana Ruiz, the harbour master,"
        return entity

    @staticmethod
    def _modifies(text: str, end: int) -> bool:
        match = _MODIFIER.match(text, end)
        return match is not None and match.group(1) in PERSON_ROLES

    def _is_common(self, word: str) -> bool:
        """Whether the story also writes ``word`` in lower case (a common noun, not a name)."""
        if self.lowered is None:
            self.lowered = set()
            for text in self.texts:
                self.lowered.update(w for w in re.findall(r"\b[a-z][a-z\-]+\b", text))
        return word.lower() in self.lowered

    def resolve_name(self, ref: Ref) -> _Entity | None:
        """The entity a name refers to: the full form the story introduced when one fits."""
        tokens = ref.tokens
        if len(tokens) >= 2:
            full = " ".join(tokens)
            if full not in self.entities:
                tail = self.by_tail.get(tokens[-1], [])
                longer = [e for e in tail[:8] if e.name.endswith(" " + full)]
                if len(longer) == 1:
                    return longer[0]  # "Costa Nova" → "Fabril Costa Nova"
            return self.entity(tokens, ref.gender)
        word = tokens[0]
        known = [
            e
            for e in _distinct(self.by_last.get(word, []))
            if not ref.gender or e.gender in ("", ref.gender)
        ]
        if len(known) == 1:
            if ref.gender and not known[0].gender:
                known[0].gender = ref.gender
                known[0].person = True
            return known[0]
        if len(known) > 1:
            return (
                self.entity((f"{ref.courtesy} {word}",), ref.gender, True) if ref.courtesy else None
            )
        body = self.aliases.get(word)
        if body is not None and body.person is not True:
            return body  # "the Fed" → "Federal Reserve", "FSA" → "Financial Services Authority"
        if ref.courtesy:
            return self.entity((f"{ref.courtesy} {word}",), ref.gender, True)
        if self._is_common(word):
            return None  # "Police said": a common noun, not a name
        return self.entity((word,))

    # -- narrative ------------------------------------------------------------------------

    def narrate(self, text: str, lo: int, hi: int, attributed: bool) -> None:
        """Read the narrative ``text[lo:hi]``: its names, subjects and reported speech.

        Args:
            text: The paragraph.
            lo: Where the narrative starts.
            hi: Where it ends (the next quotation's opening mark, or the paragraph's end).
            attributed: True when its first sentence is the attribution of the quotation just
                before (``, said Ana Ruiz.``): that source already took the floor.
        """
        for n, (a, b) in enumerate(split_sentences(text[lo:hi])):
            sentence = text[lo + a : lo + b]
            mentions: list[_Entity] = []
            for match in _RUN.finditer(sentence):
                entity = self._register_run(sentence, match.start(), match.group())
                if entity is not None and entity.person is not False:
                    mentions.append(entity)
            ref = sentence_subject(sentence)
            subject = self._resolve_subject(ref) if ref is not None else None
            unnamed = _unnamed_person().search(sentence) is not None
            self.recent.append(_Sentence(mentions, subject, unnamed))
            if n == 0 and attributed:
                continue
            said = reported_subject(sentence)
            if said is not None and said.kind == UNNAMED:
                self.source = _FLOOR_TAKEN  # "A spokesman said the pier was safe."
            elif said is not None and said.kind in (NAME, PRONOUN, ROLE, AGED, BODY):
                speaker = self.resolve(said)
                if speaker is not None:
                    self.source = speaker  # reported speech: "Ana Ruiz said the pier…"
                elif subject is not None and subject is not self.source:
                    self.source = None
            elif subject is not None and subject is not self.source and subject.person is not False:
                # Another person enters the story: the last source no longer carries on.
                self.source = None

    def resolve(self, ref: Ref, exclude: _Entity | None = None) -> _Entity | None:
        """The entity a reference stands for, or None (a described source: the floor-taker)."""
        kind = ref.kind
        if kind == NAME:
            self.scan_to(self.current)
            return self.resolve_name(ref)
        if kind in (PRONOUN, AGED):
            found = self.pronoun(ref.gender, exclude)
            if found is not None and ref.gender and not found.gender:
                found.gender = ref.gender  # "“…,” he said" tells Andrew Whitlock is a he
            return found
        if kind == ROLE:
            return self.role(ref)
        if kind == BODY:
            return self.body(ref.tokens[0])
        if kind == DOCUMENT:
            source = self.source
            return source if source is not None and source.name else None
        if kind == UNNAMED:
            return _FLOOR_TAKEN
        return None

    def _resolve_subject(self, ref: Ref) -> _Entity | None:
        if ref.kind == NAME and len(ref.tokens) == 1 and not ref.courtesy:
            known = self.by_last.get(ref.tokens[0], [])
            return known[0] if len(known) == 1 else None  # a lone word: only a known surname
        if ref.kind == NAME:
            return self.resolve_name(ref)
        if ref.kind == PRONOUN:
            return self.pronoun(ref.gender, None, 1)
        return None

    def pronoun(
        self, gender: str, exclude: _Entity | None, back: int = _LOOK_BACK, nested: bool = False
    ) -> _Entity | None:
        """The one person he/she can mean, else None.

        The last source, when nobody else came into the story since they spoke (not for a
        quote inside a quote: there "he" is someone the speaker tells of); else the one
        person named in the nearest sentence that names anyone, unless someone unnamed
        ("a deputy") came in since.
        """
        if self.source is _FLOOR_TAKEN and back == _LOOK_BACK and not nested:
            return None  # "a spokesman said … he added": the spokesman, who has no name
        source = self.source
        if (
            back == _LOOK_BACK
            and not nested
            and source is not None
            and source.person is not False
            and source is not exclude
            and source.gender in ("", gender or source.gender)
        ):
            return source  # nobody else came into the story since they spoke
        for sentence in reversed(self.recent[-back:]):
            if sentence.unnamed:
                return None  # "a deputy knocked on her door": "he" may be the deputy
            found: list[_Entity] = []
            for entity in sentence.mentions:
                fits = entity is not exclude and entity.gender in ("", gender or entity.gender)
                if fits and entity not in found:
                    found.append(entity)
            if not found:
                continue
            if len(found) == 1:
                return found[0]
            if sentence.subject in found:
                return sentence.subject
            return self.source if self.source in found else None
        if (
            not nested
            and self.source is not None
            and self.source is not exclude
            and self.source.person is not False
        ):
            return self.source if self.source.gender in ("", gender or self.source.gender) else None
        return None

    def body(self, head: str) -> _Entity | None:
        """The body ``the company``/``it`` stands for: one named in the nearest sentences."""
        found = self.roles.get(head) if head != "it" else None
        if found is not None and found.person is not True:
            return found
        for sentence in reversed(self.recent[-_LOOK_BACK:]):
            subject = sentence.subject
            if subject is not None and subject.person is not True:
                return subject
        if self.source is not None and self.source.person is not True and self.source.name:
            return self.source
        return None

    def role(self, ref: Ref) -> _Entity | None:
        """Whoever the story gave a role (``the chancellor``), else the one person it fits."""
        phrase, head = ref.tokens
        found = self.roles.get(phrase) or self.roles.get(head)
        if found is not None:
            return found
        if head in ("spokesman", "spokeswoman", "spokesperson", "official"):
            return _FLOOR_TAKEN
        return None


@lru_cache(maxsize=1)
def _unnamed_person() -> re.Pattern[str]:
    """Someone brought in without a name: "a deputy", "an elderly neighbour", "one man"."""
    nouns = sorted(PERSON_ROLES | _UNNAMED_PEOPLE, key=len, reverse=True)
    return re.compile(
        # Not an appositive: "Ana Ruiz, a local resident," names her.
        r"(?<!, )\b(?:a|an|one|another)\s+(?:[a-z][\w\-]*\s+){0,2}(?:" + "|".join(nouns) + r")\b"
    )


def _distinct(entities: list[_Entity]) -> list[_Entity]:
    """Entities without a longer form of one of them ("BBC Mundo Ana Ruiz" beside "Ana Ruiz")."""
    if len(entities) < 2 or len(entities) > 8:
        return entities  # over 8 is hopelessly ambiguous; keeps hostile text linear
    names = [e.name for e in entities]
    return [e for e in entities if not any(e.name.endswith(" " + n) for n in names)]


def _reports(sentence: str) -> bool:
    """Whether a narrative sentence reports speech (holds a reporting verb)."""
    return any(is_reporting(w) for w in sentence.lower().split())


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
        self.speakers: list[_Entity | None] = [None] * len(quotes)
        self.story = _Story(texts)
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
                self.story.recent.clear()
                self.story.source = None
                last = max(last, self.bounds[section] - 1)
            if index - last - 1 > _GAP:
                self.story.source = None  # too far from the last quotation to carry it on
            for between in range(max(last + 1, self.bounds[section], index - _GAP), index):
                text = self.texts[between]
                self.story.narrate(text, 0, len(text), False)
            self.story.current = index
            self.story.scan_to(index)
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
                self.story.source = speaker
            attributed = bool(after) and after_clause(after, self.quotes[q][-1:]) is not None
            for where, part, held in self.pending.pop(q, ()):
                self.nested(where, part, held)
        self.story.narrate(text, cursor, len(text), attributed)

    def decide(self, section: int, q: int, after: str) -> _Entity | None:
        """The speaker of top-level quotation ``q``, given the text after its last part."""
        quote = self.quotes[q]
        # 1. the clause after its closing mark
        ref = after_clause(after, quote[-1:]) if after else None
        # 2. the sentence before its opening mark, unless that is the attribution of the
        # quotation before it ("“…,” he said. “…”": this one carries the speech on)
        index, lo, start = self.first[q]
        text = self.texts[index]
        carried = lo > 0 and after_clause(text[lo:start], text[lo - 1 : lo]) is not None
        before = _last_sentence(text[lo:start])
        if ref is None and not carried:
            if not before.strip() and lo == 0 and index > self.bounds[section]:
                tail = self.texts[index - 1].rstrip()
                before = _last_sentence(tail) if tail.endswith(":") else ""
            if before.strip():
                ref = before_sentence(before, len(quote.split(None, 3)) <= 3)
        if ref is None:
            # 3. the speech just before it, carried on (never a word or two: a scare quote
            # with no verb of its own is nobody's in particular)
            source = self.story.source
            short = len(quote.split(None, 3)) <= 3 and not before.rstrip().endswith(":")
            return None if source is _FLOOR_TAKEN or short else source
        return self.resolve(ref, None)

    def resolve(self, ref: Ref, exclude: _Entity | None) -> _Entity | None:
        """The entity a reference stands for (see :meth:`_Story.resolve`)."""
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
