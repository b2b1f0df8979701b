"""The story's people as a quotation's speaker is worked out (Textual-free).

:class:`Story` tracks, in reading order, the people and bodies an article names (full names,
surnames, roles such as "the chancellor", short forms such as "the Fed"), the subject of each
recent sentence, the person the story is about, and the last source: who spoke last, until
someone else comes into the story. :mod:`tui.article.speakers` asks it what a reference
("Mr Lund", "he", "the company") stands for.

Narrative is queued and read only when a question needs it, and then only after the last
named speaker: a story whose quotations all name their speakers is never read sentence by
sentence. The scan for names runs once over the paragraphs before the current one, and only
when a surname or a new full name must be looked up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tui.article import lexicon as lx
from tui.article.attribution_rules import (
    AGED,
    BODY,
    DOCUMENT,
    NAME,
    PRONOUN,
    ROLE,
    UNNAMED,
    Ref,
    clean_run_text,
    reported_subject,
    sentence_subject,
    split_sentences,
)
from tui.article.lexicon import PERSON_ROLES

__all__ = ["FLOOR_TAKEN", "Entity", "Story"]


# A capitalised run: words starting with a capital (particles allowed inside), one space apart.
# A period belongs to a run only after an initial or a title ("George W. Bush", "Mr. Lund"),
# never after a word: "in Iraq. He said" is two sentences.
_CAP = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f]"
# The capital comes first and the lookbehind after it, so the scan skips lower case at once.
_TITLED = r"(?:r|rs|s|t|rof|ev|en|ov|apt|gt|r)"
_TOKEN = rf"{_CAP}(?:{_TITLED}?\.(?= {_CAP})|[\w’'\-]*)"
_PARTICLE = r"(?:de|da|del|van|von|der|den|la|le|bin|al|zu|y)(?: (?:la|las|los|der|den|de))?"
_START = rf"{_CAP}(?<![\w’'\-]{_CAP})"
_REST = rf"(?:{_TITLED}?\.(?= {_CAP})|[\w’'\-]*)"
_RUN = re.compile(rf"{_START}{_REST}(?: (?:{_TOKEN}|{_PARTICLE}(?= {_CAP})))*")
# The same, two words or more (a lone capitalised word cannot introduce anyone).
_MULTI_RUN = re.compile(rf"{_START}{_REST}(?: (?:{_TOKEN}|{_PARTICLE}(?= {_CAP})))+")
# A run followed by a role noun and a name modifies the role ("France coach Ana Lund").
_MODIFIER = re.compile(rf" (?:[a-z][\w\-]* )?([a-z][\w\-]*) {_CAP}")
_SAME_BODY = {
    noun: ("paper", "newspaper", "daily", "tabloid", "broadsheet", "weekly")
    for noun in ("paper", "newspaper", "daily", "tabloid")
}
"""Role nouns that name the same kind of body ("the paper" after "Spanish daily ABC")."""
_UNNAMED_NOUNS = PERSON_ROLES | lx.UNNAMED_PEOPLE
_NEAR = 600
"""Characters of narrative before a quotation that are read sentence by sentence."""
_LOOK_BACK = 3
"""Narrative sentences a pronoun looks back over (the quotation's own sentence first)."""


class Entity:
    """A person or body of the story."""

    __slots__ = ("gender", "name", "person")

    def __init__(self, name: str, person: bool | None, gender: str = "") -> None:
        self.name = name
        self.person = person
        self.gender = gender


FLOOR_TAKEN = Entity("", person=True)
"""The last source when a described, unnamed source spoke: a later he/she is not resolved."""


class _Sentence:
    """A narrative sentence's people: those it names, its subject when it opens with one, and
    whether it brings in someone unnamed ("a deputy", "one neighbour")."""

    __slots__ = ("mentions", "objects", "subject", "unnamed")

    def __init__(
        self,
        mentions: list[Entity],
        subject: Entity | None,
        unnamed: bool,
        objects: list[Entity],
    ) -> None:
        self.mentions = mentions
        self.subject = subject
        self.unnamed = unnamed
        self.objects = objects  # named after "against", "with", "to"…


class Story:
    """What the story has said so far: names, roles, recent sentences, the last source."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.entities: dict[str, Entity] = {}
        self.by_last: dict[str, list[Entity]] = {}  # people by the last word of their name
        self.by_tail: dict[str, list[Entity]] = {}  # every name of two words or more, likewise
        self.aliases: dict[str, Entity] = {}  # short forms of bodies' names
        self.roles: dict[str, Entity] = {}
        self.recent: list[_Sentence] = []
        self.source: Entity | None = None
        self.topic: Entity | None = None
        self.scanned = 0  # paragraphs whose names are registered
        self.current = 0  # the quoted paragraph being read
        self.lowered: set[str] | None = None
        # Narrative and speakers not read yet, in order: ("n", text, lo, hi, attributed),
        # ("s", speaker) or ("r",) for a new section. Read only when a decision needs them.
        self.pending: list[tuple[object, ...]] = []

    # -- names ----------------------------------------------------------------------------

    def entity(
        self, tokens: tuple[str, ...], gender: str = "", person: bool | None = None
    ) -> Entity:
        """The entity of a full name, registered on first sight."""
        name = " ".join(tokens)
        found = self.entities.get(name)
        if found is None:
            if person is None and (tokens[-1].lower() in lx.ORG_WORDS or tokens[-1].isupper()):
                person = False  # "Home Office", "BBC"
            if person is None and gender:
                person = True
            found = self.entities[name] = Entity(name, person, gender)
            if len(tokens) >= 2 and person is not False:
                self.by_last.setdefault(tokens[-1], []).append(found)
            if len(tokens) >= 2:
                self.by_tail.setdefault(tokens[-1], []).append(found)
                if person is not True:
                    self._index_aliases(found, tokens)
        elif gender and not found.gender:
            found.gender = gender
        return found

    def _index_aliases(self, entity: Entity, tokens: tuple[str, ...]) -> None:
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
            # Only runs of two words or more can introduce a name (a lone word is looked up).
            for match in _MULTI_RUN.finditer(text):
                self._register_run(text, match.start(), match.group())

    def _register_run(self, text: str, start: int, run: str) -> Entity | None:
        if " " not in run:  # a lone word: only a surname the story introduced
            word = run[:-2] if run.endswith(("’s", "'s")) else run.rstrip("’'")
            known = self.by_last.get(word)
            if not known:
                return None
            known = _distinct(known)
            return known[0] if len(known) == 1 else None
        tokens = run.split(" ")
        if len(tokens) >= 4 and tokens[0].lower() in lx.PLACE_LEAD:
            start += len(tokens[0]) + 1  # "In Norway Ana Lund" opening a sentence
            run = run[len(tokens[0]) + 1 :]
            tokens = tokens[1:]
        lead = text[max(0, start - 9) : start].split()[-1:]
        if (
            len(tokens) >= 3
            and lead
            and lead[0].lower() in lx.PLACE_LEAD
            and tokens[1][:1].isupper()
        ):
            # "In Norway Ana Lund scored", "against Norway Ana Lund": the place comes first.
            start += len(tokens[0]) + 1
            run = run[len(tokens[0]) + 1 :]
            tokens = tokens[1:]
        # A possessive splits the run: "Germany's Tommy Haas" names Tommy Haas (Germany is
        # whose he is), "Ana Lund's boat" names Ana Lund.
        cut = next((k for k, t in enumerate(tokens) if t.endswith(("’s", "'s", "’", "'"))), -1)
        if 0 <= cut < len(tokens) - 1:
            start += len(" ".join(tokens[: cut + 1])) + 1
            run = run[len(" ".join(tokens[: cut + 1])) + 1 :]
            tokens = tokens[cut + 1 :]
        elif cut >= 0:
            tokens[-1] = tokens[-1][:-2] if tokens[-1].endswith(("’s", "'s")) else tokens[-1][:-1]
        ref = clean_run_text(" ".join(tokens))
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
        elif prev in lx.PLACE_PREPOSITIONS or self._modifies(text, start + len(run)):
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
        # The role words before the name, lower case ("shadow chancellor Oliver Letwin") or
        # capitalised as a title ("Chancellor Gordon Brown").
        role = [w.lower() for w in tokens[: len(tokens) - len(ref.tokens)]]
        if not role and before and before[-1].endswith(",") and before[-1][:-1] in PERSON_ROLES:
            role = [before[-1][:-1]]  # "Ofsted chief, David Bell", "the shadow chancellor,"
            for word in reversed(before[-3:-1]):
                if word.lower() not in lx.OTHER_POST:
                    break
                role.insert(0, word.lower())
        if not role:
            for word in reversed(before[-3:]):
                low = word.lower()
                if low in lx.ROLE_STOP or not word.replace("-", "").isalpha():
                    break
                if not word.islower() and low not in lx.OTHER_POST:
                    break  # "Shadow chancellor Ana Lund" opening a sentence still says shadow
                role.insert(0, low)
        role = [w for w in role if w not in lx.ROLE_STOP]
        if role:
            self._give_role(role, entity)
            gender = lx.GENDER_ROLES.get(role[-1])
            if gender and not entity.gender:
                entity.gender = gender
        after = text[start + len(run) : start + len(run) + 60]
        if after.startswith(", the ") or after.startswith(", its "):
            role = after[2:].split(",", 1)[0].split()
            if 1 < len(role) <= 6:
                self._give_role(
                    [w.lower() for w in role], entity
                )  # "Ana Ruiz, the harbour master,"
        return entity

    def _give_role(self, words: list[str], entity: Entity) -> None:
        """Remember who holds a role: the whole phrase, and its head unless a modifier makes
        it another post ("shadow chancellor" is not "the chancellor")."""
        words = [w for w in words if not w.endswith(("’s", "'s"))][-3:]
        if not words:
            return
        self.roles[" ".join(words)] = entity
        if not lx.OTHER_POST.intersection(words[:-1]):
            self.roles[words[-1]] = entity

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

    def resolve_name(self, ref: Ref) -> Entity | None:
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
        if not ref.sure or self._is_common(word):
            return None  # "Police said": a common noun, not a name
        return self.entity((word,))

    # -- narrative ------------------------------------------------------------------------

    def narrate(self, text: str, lo: int, hi: int, attributed: bool) -> None:
        """Queue the narrative ``text[lo:hi]`` (see :meth:`_read`) until a decision needs it."""
        if lo < hi:
            self.pending.append(("n", text, lo, hi, attributed))

    def spoke(self, speaker: Entity | None) -> None:
        """Queue a quotation's speaker: from there on the last source, until the story moves on."""
        self.pending.append(("s", speaker))

    def reset(self) -> None:
        """Queue a new section: nobody carries on across a heading."""
        self.pending.append(("r",))

    def flush(self) -> None:
        """Read what was queued, in order.

        Narrative before the last speaker or section start is skipped: that speaker takes the
        floor whatever it said, so a story whose quotations all name their speakers is never
        read sentence by sentence.
        """
        pending = self.pending
        if not pending:
            return
        self.pending = []
        self.scan_to(self.current)  # the names a lone surname may stand for
        last = max((k for k, item in enumerate(pending) if item[0] != "n"), default=-1)
        if last >= 0:
            item = pending[last]
            if item[0] == "r":
                self.recent.clear()
                self.source = self.topic = None
            else:
                self.source = item[1]  # type: ignore[assignment]
        for item in pending[last + 1 :]:
            self._read(*item[1:])  # type: ignore[arg-type]

    def current_source(self) -> Entity | None:
        """The last source, once the queue is read."""
        self.flush()
        return self.source

    def _read(self, text: str, lo: int, hi: int, attributed: bool) -> None:
        """Read the narrative ``text[lo:hi]``: its names, subjects and reported speech.

        Args:
            text: The paragraph.
            lo: Where the narrative starts.
            hi: Where it ends (the next quotation's opening mark, or the paragraph's end).
            attributed: True when its first sentence is the attribution of the quotation just
                before (``, said Ana Ruiz.``): that source already took the floor.
        """
        if hi - lo > _NEAR:
            # A long stretch of narrative: only its last sentences can bear on the quotation
            # after it, and so much story between two quotations breaks any carrying on.
            cut = text.find(". ", hi - _NEAR, hi)
            if cut >= 0:
                lo, attributed = cut + 2, False
                self.source = None
        for n, (a, b) in enumerate(split_sentences(text[lo:hi])):
            sentence = text[lo + a : lo + b]
            mentions: list[Entity] = []
            objects: list[Entity] = []
            for match in _RUN.finditer(sentence):
                entity = self._register_run(sentence, match.start(), match.group())
                if entity is not None and entity.person is not False:
                    before = sentence[max(0, match.start() - 12) : match.start()].split()[-1:]
                    if before and before[0].lower() in lx.ADDRESSEE_LEAD:
                        continue  # "told Rugby Weekly": spoken to, not speaking
                    if before and before[0].lower() in lx.OBJECT_LEAD:
                        objects.append(entity)  # "against Ivan Ljubicic": not who acts
                    else:
                        mentions.append(entity)

            ref = sentence_subject(sentence)
            subject = self._resolve_subject(ref) if ref is not None else None
            # Someone unnamed, or described but not named ("But the 25-year-old Dubliner
            # underlined …"), may be the next "he": such a sentence leaves he/she unresolved.
            unnamed = _unnamed_person(sentence) or subject is None and _described_subject(sentence)
            self.recent.append(_Sentence(mentions, subject, unnamed, objects))
            if subject is not None and subject.person is not False:
                self.topic = subject  # the person the story is about now
            if n == 0 and attributed:
                continue
            said = reported_subject(sentence)
            if said is not None and said.kind == UNNAMED:
                self.source = FLOOR_TAKEN  # "A spokesman said the pier was safe."
            elif said is not None and said.kind in (NAME, PRONOUN, ROLE, AGED, BODY):
                # Reported speech: "Ana Ruiz said the pier…" gives her the floor; someone the
                # story cannot name ("the chancellor insisted") takes it from the last source.
                self.source = self.resolve(said)
            elif subject is not None and subject is not self.source and subject.person is not False:
                # Another person enters the story: the last source no longer carries on.
                self.source = None
            elif ref is not None and ref.kind == UNNAMED:
                self.source = None  # "A notice on the door still read …": someone else's words

    def resolve(self, ref: Ref, exclude: Entity | None = None) -> Entity | None:
        """The entity a reference stands for, or None (a described source: the floor-taker)."""
        kind = ref.kind
        if kind == NAME:
            if len(ref.tokens) > 1 and " ".join(ref.tokens) in self.entities:
                return self.entities[" ".join(ref.tokens)]  # a full name seen before
            self.scan_to(self.current)
            if len(ref.tokens) == 1:
                self.flush()  # a surname: the names read so far in this paragraph too
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
            source = self.current_source()
            return source if source is not None and source.name else None
        if kind == UNNAMED:
            return FLOOR_TAKEN
        return None

    def _resolve_subject(self, ref: Ref) -> Entity | None:
        if ref.kind == NAME and len(ref.tokens) == 1 and not ref.courtesy:
            known = self.by_last.get(ref.tokens[0], [])
            return known[0] if len(known) == 1 else None  # a lone word: only a known surname
        if ref.kind == NAME:
            return self.resolve_name(ref)
        if ref.kind in (PRONOUN, AGED):
            return self.pronoun(ref.gender, None)
        return None

    def pronoun(
        self, gender: str, exclude: Entity | None, nested: bool = False, named_in: str = ""
    ) -> Entity | None:
        """The one person he/she can mean, else None.

        In turn: the last source, when nobody else came into the story since they spoke (not
        for a quote inside a quote, where "he" is someone the speaker tells of); the subject of
        the nearest sentence that has a person for one, or the one person it names; the person
        the story was last about. Someone unnamed brought in meanwhile ("a deputy knocked on
        her door") leaves it unresolved.
        """
        self.flush()
        fits = _fitting(gender, exclude, named_in)
        source = self.source
        if not nested:
            if source is FLOOR_TAKEN:
                return None  # "a spokesman said … he added": the spokesman, who has no name
            if source is not None and fits(source):
                return source  # nobody else came into the story since they spoke
        for sentence in reversed(self.recent[-_LOOK_BACK:]):
            if sentence.unnamed:
                return None  # "a deputy knocked on her door": "he" may be the deputy
            subject = sentence.subject
            if subject is not None and fits(subject):
                return subject
            found: list[Entity] = []
            for entity in sentence.mentions:
                if fits(entity) and entity not in found:
                    found.append(entity)
            if len(found) == 1:
                return found[0]
            if found:
                return None  # two people it may mean
            objects = [e for e in sentence.objects if fits(e)]
            if len(set(objects)) == 1:
                return objects[0]  # several objects ("against X and against Y"): look further
        topic = self.topic
        return topic if topic is not None and fits(topic) and not nested else None

    def body(self, head: str) -> Entity | None:
        """The body ``the company``/``it``/``the paper`` stands for.

        The last source when it is no person ("Vivendi has said it believes"), else the body
        the story gave that name ("Spanish daily ABC" for "the paper"), else the subject of the
        nearest sentence that is a body.
        """
        self.flush()
        source = self.source
        if source is not None and source is not FLOOR_TAKEN and source.person is not True:
            return source
        for noun in _SAME_BODY.get(head, (head,)):
            found = self.roles.get(noun) if noun != "it" else None
            if found is not None and found.person is not True:
                return found
        for sentence in reversed(self.recent[-_LOOK_BACK:]):
            subject = sentence.subject
            if subject is not None and subject.person is not True:
                return subject
        return None

    def role(self, ref: Ref) -> Entity | None:
        """Whoever the story gave a role (``the chancellor``), else the one person it fits."""
        self.flush()
        phrase, head = ref.tokens
        found = self.roles.get(phrase) or self.roles.get(head)
        if found is not None:
            return found
        if head in ("spokesman", "spokeswoman", "spokesperson", "official"):
            return FLOOR_TAKEN
        return None


# "a deputy", "an elderly neighbour", "one man" (not an appositive: "Ana Ruiz, a resident,").
_INDEFINITE = re.compile(r"(?<!, )\b(?:a|an|one|another) ((?:[a-z][\w\-]* ){0,2}[a-z][\w\-]*)")


_DESCRIBED = re.compile(
    r"^\W*(?i:(?:but|and|yet|so|now|meanwhile|however),?\s+)?(?i:the)\s+(?:\d+-year-old|"
    r"[A-Z][a-z]+(?:man|woman|ian|er)\b|former\b|veteran\b)"
)


def _described_subject(sentence: str) -> bool:
    """Whether a sentence opens with a person described, not named ("The 36-year-old …")."""
    return _DESCRIBED.match(sentence) is not None


def _unnamed_person(sentence: str) -> bool:
    """Whether a sentence brings in someone without a name ("a deputy knocked")."""
    for match in _INDEFINITE.finditer(sentence):
        words = match.group(1).split(" ")
        if not _UNNAMED_NOUNS.isdisjoint(words):
            return True
    return False


def _fitting(gender: str, exclude: Entity | None, named_in: str = "") -> Callable[[Entity], bool]:
    """A test of whether he/she (``gender``) can stand for an entity (not one whose name the
    quoted words ``named_in`` use: they talk about that person)."""

    def fits(entity: Entity) -> bool:
        return (
            entity is not exclude
            and entity.person is not False
            and bool(entity.name)
            and entity.gender in ("", gender or entity.gender)
            and not (named_in and _named(entity.name, named_in))
        )

    return fits


def _named(name: str, text: str) -> bool:
    """Whether ``text`` uses a word of ``name`` as a word (its first or last name)."""
    words = name.split()
    return any(
        re.search(rf"(?<![\w’'-]){re.escape(w)}(?![\w-])", text) for w in (words[0], words[-1])
    )


def _distinct(entities: list[Entity]) -> list[Entity]:
    """Entities without a longer form of one of them ("BBC Mundo Ana Ruiz" beside "Ana Ruiz")."""
    if len(entities) < 2 or len(entities) > 8:
        return entities  # over 8 is hopelessly ambiguous; keeps hostile text linear
    names = [e.name for e in entities]
    return [e for e in entities if not any(e.name.endswith(" " + n) for n in names)]
