"""The phrase rules of speaker attribution: what the words around one quotation refer to.

Pure functions of short strings. :func:`after_clause` reads the clause after a closing mark
(``, Ana Ruiz said``, ``said Mr Lund``, ``he added``, ``the company said``, ``according to
X``); :func:`before_sentence` reads the sentence before an opening mark (``Ana Ruiz said:``,
``X told the BBC:``, ``Ana Ruiz said the council "…"``, ``According to X,``). Both answer with a
:class:`Ref`: a name to resolve, a pronoun, a role noun ("the chancellor", "the firm"), a
described source that names nobody ("a spokesman", "officials"), or None when the words name
no source. Resolving a reference against the people of the story is
:mod:`tui.article.speakers`' work.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.article import lexicon as lx

__all__ = [
    "AGED",
    "BODY",
    "DOCUMENT",
    "NAME",
    "NOBODY",
    "PRONOUN",
    "ROLE",
    "UNNAMED",
    "Ref",
    "after_clause",
    "before_sentence",
    "reported_subject",
    "clean_run",
    "clean_run_text",
    "forget_phrases",
    "is_reporting",
    "sentence_subject",
    "split_sentences",
]


_LOWER_WORD = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*|\d[\w’'\-]*")
# A sentence end: the punctuation first, so the scan jumps to it; abbreviations ("Mr.") and
# initials ("George W. Bush") are checked in Python on the few places it stops.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s+(?=[\"“‘'«„(]?[^\W_a-z])")
_AGED = re.compile(
    r"(?:the|der|die|das)\s+\d+[-\s](?:year-old|jährigen?|jähriger?|Jährigen?|Jähriger?)"
    r"(?:\s+[^\W\d_]+)?\Z",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\b(?:according to|según|laut)\s+", re.IGNORECASE)
# "“…” is the dry assessment of Ana Ruiz": the words are hers.
_VIEW_OF = re.compile(
    r"(?:is|was|are|were)\s+(?:the|a|an)\s+(?:[a-z\-]+\s+){0,2}(?:assessment|view|verdict|"
    r"opinion|message|warning|advice|conclusion|analysis|prediction|explanation|claim|"
    r"argument|response|reply|answer)\s+of\s+"
)
_OUTLET_RECIPIENT = re.compile(
    r"\s*(?:a|al)\s+(?:la\s+|el\s+)?(?:BBC News Mundo|BBC Mundo|BBC|Reuters|AFP|EFE|AP|CNN)?\s*"
)

_NICKNAME = re.compile(r" [\"“‘'][A-Z][^\"”’']{0,30}[\"”’'] (?=[A-Z])")
_PHRASE_BREAK = re.compile(r"[\"“”«»„‹›:;]|(?<!\S)['‘’‚](?!\S)")
_CLAUSE_STOP = re.compile(r"[.;!?\"“”«»„]")
_BOUNDARY = re.compile(r",(?!\d)|[;:(—–]|\s-\s")  # not the comma of "£2,000"
_LEADING_CONJ = re.compile(
    r"^(?:(?:and|but|while|as|that|so|because|after|before|when|although|though|whereas|"
    r"meanwhile|however|y|pero|und|aber|dass|que)\s+)+",
    re.IGNORECASE,
)

NAME = "name"
"""A :class:`Ref` kind: a capitalised name to resolve (``Ana Ruiz``, ``Mr Lund``, ``Fed``)."""
PRONOUN = "pronoun"
"""A :class:`Ref` kind: he/she (Spanish pro-drop too), resolved from context."""
AGED = "aged"
"""A :class:`Ref` kind: ``the 78-year-old``, resolved like a pronoun."""
ROLE = "role"
"""A :class:`Ref` kind: ``the chancellor``, resolved to whoever the story gave that role."""
BODY = "body"
"""A :class:`Ref` kind: ``the company``, ``it``, resolved to a body the story named."""
DOCUMENT = "document"
"""A :class:`Ref` kind: ``the statement added``: the words of whoever spoke just before."""
UNNAMED = "unnamed"
"""A :class:`Ref` kind: a described source (``a spokesman``, ``officials``): nobody named."""
NOBODY = "nobody"
"""A :class:`Ref` kind: they/we/I, or two people at once: no single source."""


class Ref:
    """What an attribution phrase refers to, before it is resolved to a speaker."""

    __slots__ = ("courtesy", "gender", "kind", "sure", "tokens")

    def __init__(
        self, kind: str, tokens: tuple[str, ...] = (), courtesy: str = "", gender: str = ""
    ) -> None:
        self.sure = True
        """False for a lone word that may not be a name: only a known surname is taken."""
        self.kind = kind
        """One of the kinds above."""
        self.tokens = tokens
        """The name's words (NAME), the role noun (ROLE, BODY), else empty."""
        self.courtesy = courtesy
        """The courtesy title printed before a name ("Ms"), or ""."""
        self.gender = gender
        """"m" or "f" when the phrase says (Mr, she), else ""."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ref) and (
            (self.kind, self.tokens, self.courtesy, self.gender)
            == (other.kind, other.tokens, other.courtesy, other.gender)
        )

    def __hash__(self) -> int:
        return hash((self.kind, self.tokens, self.courtesy, self.gender))

    def __repr__(self) -> str:
        return f"Ref({self.kind!r}, {self.tokens!r}, {self.courtesy!r}, {self.gender!r})"


def is_reporting(word: str) -> bool:
    """Whether a lower-case word is a verb that reports speech (said, told, dijo, sagte)."""
    return word in lx.SPEECH


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _possessive(token: str) -> bool:
    return token.endswith(("’s", "'s", "s’", "s'"))


def clean_run(tokens: list[str]) -> Ref | None:
    """A name from a capitalised run: opening words, titles and roles stripped.

    Args:
        tokens: Consecutive capitalised words (particles allowed inside).

    Returns:
        A NAME reference (with its courtesy title and the gender it implies), or None when
        nothing of the run is a name.
    """
    words = [t.rstrip(".") if len(t) > 2 or not t.endswith(".") else t for t in tokens]
    # Opening words, and adjectives such as "Coffee-loving" or "Cambridge-based".
    while words and (words[0].lower() in lx.STOP or words[0].rsplit("-", 1)[-1].islower()):
        words.pop(0)
    courtesy = ""
    for k in range(len(words) - 1, -1, -1):
        low = words[k].lower()
        if k < len(words) - 1 and (
            low in lx.TITLES or low in lx.PERSON_ROLES or low.endswith(lx.TITLE_ENDINGS)
        ):
            courtesy = words[k] if low in lx.COURTESY else ""
            words = words[k + 1 :]
            break
    while words and words[-1] in lx.PARTICLES:
        words.pop()
    while words and words[0] in lx.PARTICLES:
        words.pop(0)
    if not words or any(not (_is_cap(w) or w in lx.PARTICLES) for w in words):
        return None
    low = courtesy.lower()
    gender = "f" if low in lx.FEMALE else "m" if low in lx.MALE else ""
    return Ref(NAME, tuple(words), courtesy, gender)


@lru_cache(maxsize=4096)
def clean_run_text(run: str) -> Ref | None:
    """:func:`clean_run` of a run given as text, memoised: a story names the same people again
    and again."""
    return clean_run(run.split(" "))


def _runs(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised tokens; a possessive token ends its run."""
    runs: list[tuple[int, int]] = []
    start = -1
    for k, tok in enumerate(tokens):
        cap = _is_cap(tok) or (start >= 0 and tok in lx.PARTICLES)
        if cap and start < 0:
            start = k
        if start >= 0 and (not cap or _possessive(tokens[k - 1]) and k > start):
            runs.append((start, k))
            start = k if cap and _is_cap(tok) else -1
    if start >= 0:
        runs.append((start, len(tokens)))
    return [(a, b) for a, b in runs if b > a]


def _strip_possessive(token: str) -> str:
    if token.endswith(("’s", "'s")):
        return token[:-2]
    if token.endswith(("s’", "s'")):
        return token[:-1]
    return token


@lru_cache(maxsize=4096)
def noun_phrase(phrase: str) -> Ref | None:
    """What a subject phrase refers to (``Tory co-chairman Liam Fox``, ``he``, ``a spokesman``).

    Args:
        phrase: The words of the phrase, nothing after it.

    Returns:
        The reference, or None when the phrase refers to nobody that could speak.
    """
    phrase = _NICKNAME.sub(" ", phrase)  # Piet "Rocket" Varga
    phrase = _PHRASE_BREAK.split(phrase)[-1]  # a stray mark or colon ends what comes before
    phrase = _LEADING_CONJ.sub("", phrase.strip(" \u00a0,;:-—–")).strip()
    tokens = _WORD.findall(phrase)
    if not tokens:
        return None
    low = [t.lower() for t in tokens]
    if len(tokens) == 1 and low[0] in lx.PRONOUNS:
        return Ref(PRONOUN, gender=lx.PRONOUNS[low[0]])
    if len(tokens) == 1 and low[0] in lx.NOBODY:
        return Ref(NOBODY)
    if len(tokens) == 1 and low[0] in lx.IT:
        return Ref(BODY, ("it",))
    if _AGED.search(phrase):
        return Ref(AGED)
    if " and " in f" {phrase} " and any(
        any(t.lower() not in lx.STOP for t in tokens[a:b]) for a, b in _runs(tokens)
    ):
        return Ref(NOBODY)  # several sources at once ("Ana Ruiz and her neighbours said")
    head = tokens[-1].lower().rstrip(".")
    runs = _runs(tokens)
    if head in lx.DOCUMENTS:
        named = [r for r in runs if r[1] < len(tokens)]
        if named:  # "Mr Crosby's statement", "a Kremlin statement"
            a, b = named[-1]
            run = tokens[a:b]
            run[-1] = _strip_possessive(run[-1])
            return clean_run(run) or Ref(DOCUMENT)
        return Ref(DOCUMENT)
    if (
        low[0] in lx.QUANTIFIERS
        or low[-1] in lx.PLURAL_SOURCES
        and (not _is_cap(tokens[-1]) or len(tokens) == 1)
    ):
        return Ref(UNNAMED)
    if len(tokens) == 2 and low[0] in lx.GERMAN_ARTICLES:
        return Ref(UNNAMED)  # "der Sprecher", "ein Anwohner": German capitalises its nouns
    if low[0] in ("the", "a", "an") and _demonym(low[-1]) and low[-1] not in _ORG_HEADS:
        return Ref(AGED)  # "the Scot", "the 25-year-old Dubliner": someone named before
    if runs:
        a, b = runs[-1]
        if b == len(tokens):
            run = tokens[a:b]
            if a > 0 and _possessive(tokens[a - 1]) is False and low[a - 1] in lx.QUANTIFIERS:
                return Ref(UNNAMED)
            ref = clean_run(run)
            if ref is not None:
                return ref
        elif head in lx.INSTITUTIONS and b == len(tokens) - 1:
            ref = clean_run(tokens[a:b])  # "the Ruiz government"
            if ref is not None:
                return Ref(NAME, (*ref.tokens, tokens[-1]))
    if low[0] in ("the", "its", "their", "his", "her", "der", "die", "das", "el", "la"):
        if head in lx.PERSON_ROLES:
            role = " ".join(w for w in low[1:] if not _possessive(w))
            return Ref(ROLE, (role, head))
        if head in lx.BODY_ROLES:
            return Ref(BODY, (head,))
    return None


def _subject_before_verb(text: str) -> Ref | None:
    """The subject of a verb that follows ``text`` (the words before it in its clause)."""
    words = text.rstrip().split(" ")
    while words and words[-1].lower() in lx.AUX:
        words.pop()
    text = " ".join(words).rstrip()
    if not text:
        return None
    if text.endswith(","):  # an appositive ends just before the verb
        parts = [p.strip() for p in text[:-1].split(",")]
        if len(parts) >= 2:
            return _appositive_subject(parts)
        text = text[:-1]
    pieces = _BOUNDARY.split(text)
    if len(pieces) > 1 and pieces[-1].strip().lower() in (
        "who",
        "which",
        "que",
        "quien",
        "der",
        "die",
    ):
        return noun_phrase(pieces[-2])  # "its treasurer, Tom Bell, who said"
    clause = pieces[-1]
    if " and " in clause and len(clause.split(" and ", 1)[0].split()) > 4:
        clause = clause.rsplit(" and ", 1)[-1]  # "The firm calls it … and Ms Lund says"
    ref = noun_phrase(clause)
    last = pieces[-1].strip()
    described = last[:1].islower() and not lx.PERSON_ROLES.isdisjoint(last.lower().split())
    if (ref is None or ref.kind in (UNNAMED, ROLE) or described) and len(pieces) > 1:
        first = last.split(" ", 1)[0].lower()
        prior = noun_phrase(pieces[-2]) if first in ("a", "an", "the") or described else None
        if prior is not None and prior.kind == NAME:
            # "Katrina Bull, a candidate said", "Jo Lund, spokesman for Acme said": the
            # closing comma left out, the name is the one before the description.
            return prior
    return ref


def _appositive_subject(parts: list[str]) -> Ref | None:
    """The subject of ``Name, appositive, …, said``: the name nearest the verb.

    A part that opens in lower case ("managing director of X"), with a number ("26") or a
    preposition ("from Wales", "of the Coalition") describes; "who"/"which" opens a relative
    clause whose subject is the part before it; a role part ("the harbour master") is used
    only when no part names anyone.
    """
    fallback: Ref | None = None
    for k in range(len(parts) - 1, -1, -1):
        part = parts[k]
        first = part.split(" ", 1)[0]
        if k == len(parts) - 1 and first.lower() in ("who", "which", "que", "quien", "der", "die"):
            continue
        if k < len(parts) - 1 or k == 0:
            part = _BOUNDARY.split(part)[-1].strip() if k == 0 else part
        if not first[:1].isupper() and k > 0 and first.lower() not in ("the", "its", "their"):
            continue
        words = part.lower().split()
        if k > 0 and (any(_possessive(w) for w in words) or not lx.PERSON_ROLES.isdisjoint(words)):
            continue  # "Capgemini's principal consultant on RFID": a description, not a name
        ref = noun_phrase(part)
        if ref is None:
            continue
        if ref.kind == NAME:
            return ref
        if fallback is None:
            fallback = ref
    return fallback


def _subject_after_verb(rest: str, verb: str) -> Ref | None:
    """The subject that follows a verb (``said Mr Lund``, ``said the harbour master, Ana``)."""
    if verb in lx.SPANISH_VERBS and rest.split()[:1] in (["a"], ["al"]):
        # "dijo a BBC Mundo Ana Ruiz" names her after the outlet; "dijo a su hija" does not.
        match = _OUTLET_RECIPIENT.match(rest)
        rest = rest[match.end() :] if match else rest
        first = rest.split(",")[0].strip()
        ref = noun_phrase(first) if first else None
        return ref if ref is not None and ref.kind == NAME else Ref(PRONOUN)
    parts = re.split(r"[,:;]", rest)
    first = parts[0].strip()
    if not first:
        return Ref(PRONOUN) if verb in lx.SPANISH_VERBS else None  # "dijo."
    words = first.split()
    if words[0].lower() in lx.PRONOUNS:
        return Ref(PRONOUN, gender=lx.PRONOUNS[words[0].lower()])
    # Only the phrase right after the verb: "said Mr Lund on Monday" stops at "on", while
    # role words may sit inside it ("said France coach Ana Lund").
    kept: list[str] = []
    for n, word in enumerate(words):
        if kept and word.lower() in lx.AFTER_STOP:
            break
        if kept and _is_cap(kept[-1]) and not _is_cap(word) and word not in lx.PARTICLES:
            # After a name only a role word leads on to another name ("France coach Ana
            # Lund", "London race director Ana Lund"); "Albrecht dem SWR" ends at "dem".
            ahead = [w.lower() for w in words[n : n + 2]]
            if not any(w in lx.PERSON_ROLES for w in ahead):
                break
        kept.append(word)
    if _AGED.search(" ".join(kept[:4])):
        return Ref(AGED)  # "said the 78-year-old"
    while len(kept) > 1 and not _is_cap(kept[-1]) and kept[-1].lower() not in lx.PERSON_ROLES:
        kept.pop()
    ref = noun_phrase(" ".join(kept))
    if (ref is None or ref.kind in (ROLE, BODY)) and len(parts) > 1:
        named = noun_phrase(parts[1])  # "said the harbour master, Ana Ruiz"
        if named is not None and named.kind == NAME:
            return named
    return ref


@lru_cache(maxsize=4096)
def after_clause(clause: str, quote_end: str) -> Ref | None:
    """The source named in the clause after a closing mark.

    Args:
        clause: The text after the closing mark, up to the next quotation.
        quote_end: The quotation's last character, which tells whether its sentence goes on.

    Returns:
        The reference, or None when the clause names no source.
    """
    lead = clause[:3]
    stripped = _NICKNAME.sub(" ", clause.lstrip(" \u00a0,—–-"))  # said Piet "Rocket" Varga
    stop = _CLAUSE_STOP.search(stripped)
    first = stripped[: stop.start()] if stop else stripped
    if not first.strip():
        return None
    goes_on = quote_end in ",?!…—–-:" or "," in lead or "—" in lead or first[:1].islower()
    if not goes_on:
        return None  # "“…." The council said…" starts a new sentence
    match = _ACCORDING.match(first) or _VIEW_OF.match(first)
    if match:
        return _first_name_phrase(first[match.end() :])
    tokens = list(_WORD.finditer(first))
    if not tokens:
        return None
    if tokens[0].group().lower() in lx.SUBORDINATORS:
        return None  # "“…” before Tom Bell replied": his words come next, not these
    if tokens[0].group().lower() == "so" and len(tokens) > 1:  # German: „…“, so Müller.
        ref = _first_name_phrase(first[tokens[0].end() :])
        return ref if ref is not None and ref.kind == NAME else None
    for n, tok in enumerate(tokens[:14]):
        word = tok.group().lower()
        if word not in lx.SPEECH:
            continue
        if n == 0:
            return _subject_after_verb(first[tok.end() :], word)
        return _subject_before_verb(first[: tok.start()])
    return None


def _first_name_phrase(text: str) -> Ref | None:
    head = _BOUNDARY.split(text, 1)[0]
    if len(head.split()) <= 8:
        whole = noun_phrase(head)  # "according to harbour master Lena Kovic,"
        if whole is not None and whole.kind == NAME:
            return whole
    words: list[str] = []
    for word in head.split():
        if words and not (_is_cap(word) or word in lx.PARTICLES):
            break
        words.append(word)
    return noun_phrase(" ".join(words)) if words else None


@lru_cache(maxsize=4096)
def before_sentence(sentence: str, short: bool) -> Ref | None:
    """The source named in the sentence before an opening mark.

    Args:
        sentence: The sentence from its start to the opening mark.
        short: True for a quotation of a word or two: a scare quote is the subject's only
            when a reporting verb governs it (``said the plan was “reckless”``).

    Returns:
        The reference, or None when the sentence names no source.
    """
    core = sentence.rstrip()
    if not core:
        return None
    match = _ACCORDING.search(core)
    if match:
        return _first_name_phrase(core[match.end() :])
    if core.endswith(":"):
        plain = core[:-1].strip()
        if all(_is_cap(w) or w in lx.PARTICLES for w in plain.split()):
            ref = noun_phrase(plain)
            if ref is not None and ref.kind == NAME:
                return ref  # "Ana Ruiz: “…”"
    found = _verb_subject(core, lx.CLAIM, short)
    if found is None and core.endswith(":"):
        # A colon hands the floor to the sentence's subject, whatever its verb
        # ("Drummer Ana Lund echoed those sentiments: “…”").
        found = sentence_subject(core)
        if found is not None and len(found.tokens) < 2 and not found.courtesy:
            # A lone capitalised word may be a noun ("Mein Mann sagt:"); a copy, as the
            # phrase memos share their answers.
            found = Ref(found.kind, found.tokens, found.courtesy, found.gender)
            found.sure = False
    return found


def reported_subject(sentence: str) -> Ref | None:
    """Who a narrative sentence reports as speaking (``Ana Ruiz said the pier was safe.``).

    Args:
        sentence: One sentence of narrative.

    Returns:
        The subject of its last reporting verb, or None when it reports nobody's words.
    """
    # The first reporting verb is the sentence's own ("A spokesman said the firm believed…").
    if lx.SPEECH.isdisjoint(_LOWER_WORD.findall(sentence.lower())):
        return None  # most narrative reports nobody's words: one C-level test says so
    core = sentence.rstrip(" .!?")
    words = [w.lower().strip(",") for w in core.split()[:4]]
    while words and words[0] in ("but", "and", "even", "yet", "so", "still", "however", "just"):
        words.pop(0)
    lead = words[0] if words else ""
    if lead in lx.SUBORDINATORS or lead in ("although", "though", "as", "if", "since", "despite"):
        core = core.split(",", 1)[-1]  # "Although Newcastle said …, Bellamy insisted …"
    return _verb_subject(core, lx.SPEECH, False, first=True)


def _verb_subject(
    core: str, verbs_of: frozenset[str], short: bool, first: bool = False
) -> Ref | None:
    """The subject of the last (or ``first``) verb of ``verbs_of`` in ``core``."""
    tokens = list(_WORD.finditer(core))
    verbs = [
        t
        for n, t in enumerate(tokens)
        if t.group().lower() in verbs_of
        # "Mr Bell's comments", "the remarks", "such questions": a noun, not a verb
        and not (
            n
            and (
                _possessive(tokens[n - 1].group())
                or tokens[n - 1].group().lower() in lx.DETERMINERS
                or tokens[n - 1].group().lower() in lx.QUANTIFIERS
            )
        )
    ]
    if not verbs:
        return None
    verb = verbs[0] if first else verbs[-1]
    word = verb.group().lower()
    between = core[verb.end() :].strip()
    if (
        short
        and between.strip(" ,:").lower() not in ("", "that", "que", "dass")
        and (not core.endswith(":") and word in lx.SPEECH and not _governs(between))
    ):
        return None  # a scare quote in another sentence than the verb
    head = core[: verb.start()]
    last = head.split()[-1:]
    if between.startswith("by ") and last and last[0].lower() in lx.PASSIVE:
        by = _first_name_phrase(between[3:])  # "was described by Jobs as"
        return by if by is not None and by.kind == NAME else None
    if last and last[0].lower() in ("and", "but") and len(head.split()) > 2:
        return sentence_subject(core)  # "Dunne is keen to … and said:": the same subject
    if word == "said" and last and last[0].lower() in lx.PASSIVE:
        return None  # "Souness is said to have been impressed": hearsay, nobody speaks
    if word.endswith("ing") or last and last[0].lower() == "to":
        # "…, saying", "…, adding", "used a speech to say": the main clause's subject.
        clause = _BOUNDARY.split(head.rstrip(" ,"))[-1]
        found = sentence_subject(clause) if clause.strip() else None
        if found is None and word.endswith("ing"):
            found = _verb_subject(head.rstrip(" ,"), verbs_of, False)  # "said X, adding"
        return found
    if last and last[0].lower() in lx.PRONOUNS and len(head.split()) > 1:
        low = last[0].lower()
        return Ref(PRONOUN, gender=lx.PRONOUNS[low])  # "a plan he described as"
    if last and last[0].lower() in lx.IT:
        return Ref(BODY, ("it",))
    subject = _subject_before_verb(head)
    tail = between.rstrip(":,").strip()
    if subject is None or subject.kind not in (NAME, PRONOUN, UNNAMED):
        # "Dazu sagte Anna Roth:", ", said Mr King, “": a name right after the verb
        inverted = _subject_after_verb(tail, word) if _name_only(tail) else None
        if inverted is not None and inverted.kind in (NAME, PRONOUN):
            return inverted
    return subject


def _name_only(text: str) -> bool:
    """Whether ``text`` is a short name phrase and nothing else (``Anna Roth``, ``the coach``)."""
    words = text.split()
    return 0 < len(words) <= 6 and all(
        _is_cap(w) or w in lx.PARTICLES or w.lower() in lx.PERSON_ROLES or w.lower() == "the"
        for w in words
    )


def _demonym(word: str) -> bool:
    """Whether a lower-cased word is a noun of nationality or origin (scot, welshman)."""
    return word in lx.DEMONYMS or len(word) > 4 and word.endswith(lx.DEMONYM_ENDINGS)


_ORG_HEADS = frozenset({"guardian", "times", "telegraph", "vatican", "european", "pentagon"})


def _governs(between: str) -> bool:
    """Whether the words between a speech verb and a short quotation keep it in its sentence."""
    return not re.search(r"[.;!?]", between)


def sentence_subject(sentence: str) -> Ref | None:
    """The reference that opens a narrative sentence as its subject, when one does.

    The subject is the capitalised run (role words allowed before it: "Harbour master Ana
    Ruiz", "Former Chelsea captain Lund") that opens the sentence, or an opening pronoun.

    Args:
        sentence: One sentence of narrative.

    Returns:
        A NAME (of two words or more, or with a title), PRONOUN, UNNAMED or NOBODY
        reference, or None.
    """
    opening = sentence.lstrip()[:6].lower()
    if opening.startswith(("his ", "her ", "its ", "their ", "the ")) and "," in sentence:
        # "His creator, Richard Bowden, lecturer at …, refers": the name in apposition.
        parts = sentence.split(",", 3)
        if len(parts) >= 3 and _name_only(parts[1].strip()):
            ref = noun_phrase(parts[1])
            if ref is not None and ref.kind == NAME and len(ref.tokens) >= 2:
                return ref
    words: list[str] = []
    end = 0
    for match in _WORD.finditer(sentence, 0, 120):
        if words and sentence[end : match.start()].strip():
            break  # punctuation ends the subject ("Ian Fogg, Jupiter Research analyst, …")
        words.append(match.group())
        end = match.end()
    k = 0
    while k < len(words) and words[k].lower() in lx.STOP and _is_cap(words[k]):
        k += 1
    if k >= len(words):
        return None
    low = words[k].lower()
    if low in lx.PRONOUNS and (k == 0 or _is_cap(words[k])):
        return Ref(PRONOUN, gender=lx.PRONOUNS[low])
    if low in lx.QUANTIFIERS:
        return Ref(UNNAMED)
    phrase: list[str] = []
    while k < len(words) and len(phrase) < 8:
        word = words[k]
        if _is_cap(word) or word in lx.PARTICLES:
            phrase.append(word)
            if _possessive(word):
                return None  # "Ana Ruiz's boat": the subject is the boat
        elif (
            phrase
            and any(_is_cap(w) for w in words[k + 1 : k + 4])
            and word.isalpha()
            and (word.lower() not in lx.AFTER_STOP or word == "of" and not _is_cap(phrase[-1]))
            and word.lower() not in lx.CLAIM
        ):
            phrase.append(word)  # role words inside the subject ("director of rugby")
        else:
            break
        k += 1
    while phrase and not _is_cap(phrase[-1]):
        phrase.pop()
        k -= 1
    if not phrase:
        return None
    if k + 1 < len(words) and words[k].lower() == "and" and _is_cap(words[k + 1]):
        return Ref(NOBODY)
    ref = noun_phrase(" ".join(phrase))
    return ref if ref is not None and ref.kind == NAME else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a narrative text (abbreviations and initials kept)."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        at = match.start()
        if text[at] == "." and (
            text[at - 1 : at].isupper()
            and not text[at - 2 : at - 1].isalpha()
            or text[max(0, at - 3) : at].endswith(lx.ABBREVIATIONS)
        ):
            continue  # "W. Bush", "Mr. Lund"
        out.append((start, at + 1))
        start = match.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def forget_phrases() -> None:
    """Empty the memos of attribution phrases, as in a process that has parsed nothing yet.

    The memos make a phrase seen before cheap; a benchmark that times one parse as a first
    parse calls this before it.
    """
    after_clause.cache_clear()
    before_sentence.cache_clear()
    noun_phrase.cache_clear()
    clean_run_text.cache_clear()
