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

__all__ = [
    "PERSON_ROLES",
    "AGED",
    "BODY",
    "DOCUMENT",
    "NAME",
    "NOBODY",
    "PARTICLES",
    "PRONOUN",
    "ROLE",
    "UNNAMED",
    "Ref",
    "after_clause",
    "before_sentence",
    "reported_subject",
    "clean_run",
    "forget_phrases",
    "is_reporting",
    "sentence_subject",
    "split_sentences",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that report speech or writing: after a closing mark they attribute the quotation.
_SPEECH = _words(
    """said says say saying added adds adding told tells telling explained explains warned
    warns insisted insists wrote writes asked asks stated states argued argues claimed claims
    replied replies declared declares announced announces recalled recalls remarked remarks
    admitted admits stressed stresses urged urges continued continues assured assures
    acknowledged acknowledges concluded concludes responded responds testified observed
    observes commented comments suggested suggests predicted predicts promised promises vowed
    vows tweeted posted noted notes confirmed confirms revealed reveals conceded concedes
    maintained maintains reckoned reckons agreed agrees complained complains joked jokes quipped
    boasted boasts pleaded pleads laughed cautioned cautions insisting believes believed thinks
    thought feels felt reported reports answered answers went explains
    sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb schreibt fragte
    fragt warnte warnt ergänzte ergänzt kritisierte berichtete berichtet erzählte erzählt
    dijo dice afirmó afirma señaló señala explicó explica añadió añade agregó agrega aseguró
    asegura declaró declara indicó indica sostuvo sostiene advirtió advierte comentó expresó
    manifestó subrayó insistió escribió preguntó respondió reiteró destacó apuntó contó cuenta
    relató recordó lamentó reconoció admitió opinó"""
)
# Verbs that, before a quotation in the same sentence, make its words the subject's: the
# speech verbs and those of judging and naming ("accused X of being "terrified"").
_CLAIM = _SPEECH | _words(
    """accused accuses denied denies described describes called calls branded brands labelled
    labeled dismissed dismisses hailed hails criticised criticized attacked praised praises
    welcomed welcomes condemned condemns pledged pledges blamed blames defended defends
    demanded demands rejected rejects questioned questions promised urged expects expected
    hopes hoped fears feared says warned admitted describing calling"""
)
_SPANISH_VERBS = _words(
    """dijo dice afirmó afirma señaló señala explicó explica añadió añade agregó agrega aseguró
    asegura declaró declara indicó indica sostuvo sostiene advirtió advierte comentó expresó
    manifestó subrayó insistió escribió preguntó respondió reiteró destacó apuntó contó cuenta
    relató recordó lamentó reconoció admitió opinó"""
)
PARTICLES = _words("de da del della di do dos du van von der den la le al bin ibn y zu ten ter")
"""Lower-case name particles that may sit inside a name ("Ana de la Cruz")."""
_COURTESY = _words("mr mrs ms miss dr prof sir dame lord lady sr sra señor señora herr frau")
_FEMALE = _words("mrs ms miss dame lady sra señora frau")
_MALE = _words("mr sir lord sr señor herr")
# Title and role words stripped from the front of a capitalised run ("Foreign Secretary
# Jack Straw" names Jack Straw); the party and nation words go with a role after them.
_TITLES = _COURTESY | _words(
    """president vice prime minister foreign home chancellor senator governor mayor general
    judge secretary chief executive king queen prince princess pope professor ambassador
    presidente presidenta ministro ministra canciller alcalde alcaldesa bundeskanzler kanzler
    kanzlerin präsident präsidentin ministerin bürgermeister bürgermeisterin councillor
    councilwoman councilman skipper coach captain inspector sergeant detective constable
    superintendent commissioner bishop archbishop reverend rev father dean headteacher
    principal director chairman chairwoman chair lieutenant colonel admiral commander sheriff
    deputy shadow justice attorney chancellor economist analyst manager boss leader spokesman
    spokeswoman correspondent editor mp mep officer agent dr. mr. mrs. ms. prof. st"""
)
_TITLE_ENDINGS = (
    "meister",
    "meisterin",
    "kommandant",
    "kommandantin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "chef",
    "chefin",
)
# Capitalised words that open a sentence or clause without being part of a name.
_STOP = _words(
    """the a an but and or so then later when while however meanwhile also yesterday today
    tonight on in at for after before as if this that these those it its there here we i you
    he she they them our my his her their el la los las un una pero y en der die das ein eine
    und aber dann im am auch dazu damals später heute gestern luego después entonces ayer hoy
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december lunes martes miércoles jueves viernes
    sábado domingo montag dienstag mittwoch donnerstag freitag samstag sonntag among under
    with from during despite since until without across around through unter nach bei mit
    aus für gegen seit über vor zwischen während wegen trotz neben hinter ohne durch con desde
    entre sin sobre tras hasta durante para por earlier now speaking asked writing both
    instead indeed still even yet although though because unless whereas what why how where
    who which whom whose according last next first second third new former ex late"""
)
_PRONOUNS = {"he": "m", "she": "f", "er": "m", "sie": "f", "él": "m", "ella": "f"}
_NOBODY = _words("they we i you them us one ellos ellas wir ich man")
_IT = _words("it es")
_GERMAN_ARTICLES = _words("der die das den dem des ein eine einer einem eines")
# A described source: the phrase names nobody, even when it names the body behind them.
_QUANTIFIERS = _words(
    """a an one some several many most few two three four five six seven eight nine ten
    another other others both all any ein eine einer einem eines un una uno unos unas"""
)
_PLURAL_SOURCES = _words(
    """critics officials analysts experts residents sources observers campaigners protesters
    fans people locals witnesses insiders economists aides diplomats ministers police
    investigators researchers scientists doctors teachers parents users customers members
    voters leaders bosses executives traders dealers commentators colleagues friends rivals
    neighbours neighbors villagers workers staff organisers organizers authorities men women
    reports rumours reporters players supporters pundits"""
)
# Nouns of a document or statement: its words are its author's.
_DOCUMENTS = _words(
    """statement report letter release communique communiqué ruling note memo website blog
    message announcement document filing comunicado mitteilung erklärung"""
)
# Nouns of a person standing for someone the story introduced ("the chancellor said").
_PERSON_ROLES = _words(
    """chancellor minister secretary president premier leader chairman chairwoman chair
    executive boss chief director manager coach captain player striker midfielder defender
    goalkeeper singer star actor actress presenter host judge mayor governor senator
    spokesman spokeswoman spokesperson official economist analyst founder owner author
    writer artist designer producer champion veteran winner mp mep diplomat ambassador envoy
    prosecutor lawyer attorney head editor commissioner king queen prince princess pope
    inspector officer detective sergeant teacher doctor professor researcher scientist
    producer correspondent reporter journalist columnist critic partner adviser advisor
    aide consultant strategist negotiator lecturer expert novelist poet director-general
    footballer cricketer golfer boxer rider driver runner skipper manager musician rapper
    comedian director entrepreneur campaigner activist librarian curator chef"""
)
PERSON_ROLES = _PERSON_ROLES
"""Role nouns of people (coach, analyst, producer…), for the mention tracker."""
# Nouns standing for a body the story introduced ("the company said", "the paper says").
_BODY_ROLES = _words(
    """company firm group bank party government ministry department agency regulator watchdog
    union council board club paper newspaper magazine broadcaster network studio channel
    league federation association carrier airline retailer maker manufacturer operator giant
    organisation organization body commission committee authority institute charity
    website court team side administration embassy office campaign"""
)
_INSTITUTIONS = _words(
    "government administration ministry embassy office council party campaign department "
    "gobierno ministerio regierung ministerium"
)
# A clause after a closing mark that opens with these tells what happened next, not who spoke.
_SUBORDINATORS = _words("before after when while until because although though unless whereas")
_AUX = _words(
    """also later then has have had was were is are will would could should may might must
    previously earlier again recently once already further still even yesterday today
    separately subsequently repeatedly immediately publicly privately has also had also
    last week month year apparently reportedly quickly simply himself herself just only
    originally initially finally now meanwhile formally however too""".replace(
        "last week month year", ""
    )
)
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*|\d[\w’'\-]*")
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)(?<!\bNo)(?<!\bvs)[.!?…]"
    r"[\"”’»)]*\s+(?=[\"“‘'«„(]?[^\W_a-z])"
)
_AGED = re.compile(
    r"(?:the|der|die|das)\s+\d+[-\s](?:year-old|jährigen?|jähriger?|Jährigen?|Jähriger?)"
    r"(?:\s+[^\W\d_]+)?\Z",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\b(?:according to|según|laut)\s+", re.IGNORECASE)
_OUTLET_RECIPIENT = re.compile(
    r"\s*(?:a|al)\s+(?:la\s+|el\s+)?(?:BBC News Mundo|BBC Mundo|BBC|Reuters|AFP|EFE|AP|CNN)?\s*"
)
# Words that end the phrase after a reporting verb ("said Ana Lund on Monday, adding…").
_AFTER_STOP = _words(
    """on in at after before to as who which that adding and but with of from when while
    during last this yesterday today tonight earlier later in a an not if because about"""
)
_CLAUSE_STOP = re.compile(r"[.;!?\"“”«»„]")
_BOUNDARY = re.compile(r"[,;:(—–]|\s-\s")
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

    __slots__ = ("courtesy", "gender", "kind", "tokens")

    def __init__(
        self, kind: str, tokens: tuple[str, ...] = (), courtesy: str = "", gender: str = ""
    ) -> None:
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
    return word in _SPEECH


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
    while words and words[0].lower() in _STOP:
        words.pop(0)
    courtesy = ""
    for k in range(len(words) - 1, -1, -1):
        low = words[k].lower()
        if k < len(words) - 1 and (
            low in _TITLES or low in _PERSON_ROLES or low.endswith(_TITLE_ENDINGS)
        ):
            courtesy = words[k] if low in _COURTESY else ""
            words = words[k + 1 :]
            break
    while words and words[-1] in PARTICLES:
        words.pop()
    while words and words[0] in PARTICLES:
        words.pop(0)
    if not words or any(not (_is_cap(w) or w in PARTICLES) for w in words):
        return None
    low = courtesy.lower()
    gender = "f" if low in _FEMALE else "m" if low in _MALE else ""
    return Ref(NAME, tuple(words), courtesy, gender)


def _runs(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised tokens; a possessive token ends its run."""
    runs: list[tuple[int, int]] = []
    start = -1
    for k, tok in enumerate(tokens):
        cap = _is_cap(tok) or (start >= 0 and tok in PARTICLES)
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
    phrase = _LEADING_CONJ.sub("", phrase.strip(" \u00a0,;:-—–")).strip()
    tokens = _WORD.findall(phrase)
    if not tokens:
        return None
    low = [t.lower() for t in tokens]
    if len(tokens) == 1 and low[0] in _PRONOUNS:
        return Ref(PRONOUN, gender=_PRONOUNS[low[0]])
    if len(tokens) == 1 and low[0] in _NOBODY:
        return Ref(NOBODY)
    if len(tokens) == 1 and low[0] in _IT:
        return Ref(BODY, ("it",))
    if _AGED.search(phrase):
        return Ref(AGED)
    if " and " in f" {phrase} " and _runs(tokens):
        return Ref(NOBODY)  # several sources at once ("Ana Ruiz and her neighbours said")
    head = tokens[-1].lower().rstrip(".")
    runs = _runs(tokens)
    if head in _DOCUMENTS:
        named = [r for r in runs if r[1] < len(tokens)]
        if named:  # "Mr Crosby's statement", "a Kremlin statement"
            a, b = named[-1]
            run = tokens[a:b]
            run[-1] = _strip_possessive(run[-1])
            return clean_run(run) or Ref(DOCUMENT)
        return Ref(DOCUMENT)
    if (
        low[0] in _QUANTIFIERS
        or low[-1] in _PLURAL_SOURCES
        and (not _is_cap(tokens[-1]) or len(tokens) == 1)
    ):
        return Ref(UNNAMED)
    if len(tokens) == 2 and low[0] in _GERMAN_ARTICLES:
        return Ref(UNNAMED)  # "der Sprecher", "ein Anwohner": German capitalises its nouns
    if runs:
        a, b = runs[-1]
        if b == len(tokens):
            run = tokens[a:b]
            if a > 0 and _possessive(tokens[a - 1]) is False and low[a - 1] in _QUANTIFIERS:
                return Ref(UNNAMED)
            ref = clean_run(run)
            if ref is not None:
                return ref
        elif head in _INSTITUTIONS and b == len(tokens) - 1:
            ref = clean_run(tokens[a:b])  # "the Ruiz government"
            if ref is not None:
                return Ref(NAME, (*ref.tokens, tokens[-1]))
    if low[0] in ("the", "its", "their", "his", "her", "der", "die", "das", "el", "la"):
        if head in _PERSON_ROLES:
            role = " ".join(w for w in low[1:] if not _possessive(w))
            return Ref(ROLE, (role, head))
        if head in _BODY_ROLES:
            return Ref(BODY, (head,))
    return None


def _subject_before_verb(text: str) -> Ref | None:
    """The subject of a verb that follows ``text`` (the words before it in its clause)."""
    words = text.rstrip().split(" ")
    while words and words[-1].lower() in _AUX:
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
    ref = noun_phrase(pieces[-1])
    if (ref is None or ref.kind in (UNNAMED, ROLE)) and len(pieces) > 1:
        first = pieces[-1].strip().split(" ", 1)[0].lower()
        prior = noun_phrase(pieces[-2]) if first in ("a", "an", "the") else None
        if prior is not None and prior.kind == NAME:
            return prior  # "Katrina Bull, a candidate said": the closing comma left out
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
    if verb in _SPANISH_VERBS and rest.split()[:1] in (["a"], ["al"]):
        # "dijo a BBC Mundo Ana Ruiz" names her after the outlet; "dijo a su hija" does not.
        match = _OUTLET_RECIPIENT.match(rest)
        rest = rest[match.end() :] if match else rest
        first = rest.split(",")[0].strip()
        ref = noun_phrase(first) if first else None
        return ref if ref is not None and ref.kind == NAME else Ref(PRONOUN)
    parts = rest.split(",")
    first = parts[0].strip()
    if not first:
        return Ref(PRONOUN) if verb in _SPANISH_VERBS else None  # "dijo."
    words = first.split()
    if words[0].lower() in _PRONOUNS:
        return Ref(PRONOUN, gender=_PRONOUNS[words[0].lower()])
    # Only the phrase right after the verb: "said Mr Lund on Monday" stops at "on", while
    # role words may sit inside it ("said France coach Ana Lund").
    kept: list[str] = []
    for n, word in enumerate(words):
        if kept and word.lower() in _AFTER_STOP:
            break
        if kept and _is_cap(kept[-1]) and not _is_cap(word) and word not in PARTICLES:
            # After a name only a role word leads on to another name ("France coach Ana
            # Lund", "London race director Ana Lund"); "Albrecht dem SWR" ends at "dem".
            ahead = [w.lower() for w in words[n : n + 2]]
            if not any(w in _PERSON_ROLES for w in ahead):
                break
        kept.append(word)
    if _AGED.search(" ".join(kept[:4])):
        return Ref(AGED)  # "said the 78-year-old"
    while len(kept) > 1 and not _is_cap(kept[-1]) and kept[-1].lower() not in _PERSON_ROLES:
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
    stripped = clause.lstrip(" \u00a0,—–-")
    stop = _CLAUSE_STOP.search(stripped)
    first = stripped[: stop.start()] if stop else stripped
    if not first.strip():
        return None
    goes_on = quote_end in ",?!…—–-:" or "," in lead or "—" in lead or first[:1].islower()
    if not goes_on:
        return None  # "“…." The council said…" starts a new sentence
    match = _ACCORDING.match(first)
    if match:
        return _first_name_phrase(first[match.end() :])
    tokens = list(_WORD.finditer(first))
    if not tokens:
        return None
    if tokens[0].group().lower() in _SUBORDINATORS:
        return None  # "“…” before Tom Bell replied": his words come next, not these
    if tokens[0].group().lower() == "so" and len(tokens) > 1:  # German: „…“, so Müller.
        ref = _first_name_phrase(first[tokens[0].end() :])
        return ref if ref is not None and ref.kind == NAME else None
    for n, tok in enumerate(tokens[:14]):
        word = tok.group().lower()
        if word not in _SPEECH:
            continue
        if n == 0:
            return _subject_after_verb(first[tok.end() :], word)
        return _subject_before_verb(first[: tok.start()])
    return None


def _first_name_phrase(text: str) -> Ref | None:
    head = _BOUNDARY.split(text, 1)[0]
    words: list[str] = []
    for word in head.split():
        if words and not (_is_cap(word) or word in PARTICLES):
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
        if all(_is_cap(w) or w in PARTICLES for w in plain.split()):
            ref = noun_phrase(plain)
            if ref is not None and ref.kind == NAME:
                return ref  # "Ana Ruiz: “…”"
    return _verb_subject(core, _CLAIM, short)


def reported_subject(sentence: str) -> Ref | None:
    """Who a narrative sentence reports as speaking (``Ana Ruiz said the pier was safe.``).

    Args:
        sentence: One sentence of narrative.

    Returns:
        The subject of its last reporting verb, or None when it reports nobody's words.
    """
    return _verb_subject(sentence.rstrip(" .!?"), _SPEECH, False)


def _verb_subject(core: str, verbs_of: frozenset[str], short: bool) -> Ref | None:
    """The subject of the last verb of ``verbs_of`` in ``core``, before or after it."""
    tokens = list(_WORD.finditer(core))
    verbs = [t for t in tokens if t.group().lower() in verbs_of]
    if not verbs:
        return None
    verb = verbs[-1]
    word = verb.group().lower()
    between = core[verb.end() :].strip()
    if (
        short
        and between.strip(" ,:").lower() not in ("", "that", "que", "dass")
        and (not core.endswith(":") and word in _SPEECH and not _governs(between))
    ):
        return None  # a scare quote far from the verb
    head = core[: verb.start()]
    last = head.split()[-1:]
    if word.endswith("ing") or last and last[0].lower() == "to":
        return sentence_subject(core)  # "…, saying", "used a speech to say": the main subject
    if last and last[0].lower() in _PRONOUNS and len(head.split()) > 1:
        low = last[0].lower()
        return Ref(PRONOUN, gender=_PRONOUNS[low])  # "a plan he described as"
    if last and last[0].lower() in _IT:
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
        _is_cap(w) or w in PARTICLES or w.lower() in _PERSON_ROLES or w.lower() == "the"
        for w in words
    )


def _governs(between: str) -> bool:
    """Whether the words between a speech verb and a short quotation keep it in its clause."""
    return len(between.split()) <= 12 and not re.search(r"[.;]", between)


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
    words: list[str] = []
    end = 0
    for match in _WORD.finditer(sentence, 0, 200):
        if words and sentence[end : match.start()].strip():
            break  # punctuation ends the subject ("Ian Fogg, Jupiter Research analyst, …")
        words.append(match.group())
        end = match.end()
    k = 0
    while k < len(words) and words[k].lower() in _STOP and _is_cap(words[k]):
        k += 1
    if k >= len(words):
        return None
    low = words[k].lower()
    if low in _PRONOUNS and (k == 0 or _is_cap(words[k])):
        return Ref(PRONOUN, gender=_PRONOUNS[low])
    if low in _QUANTIFIERS:
        return Ref(UNNAMED)
    phrase: list[str] = []
    while k < len(words) and len(phrase) < 8:
        word = words[k]
        if _is_cap(word) or word in PARTICLES:
            phrase.append(word)
            if _possessive(word):
                return None  # "Ana Ruiz's boat": the subject is the boat
        elif (
            phrase
            and any(_is_cap(w) for w in words[k + 1 : k + 3])
            and word.isalpha()
            and (word.lower() not in _AFTER_STOP and word.lower() not in _CLAIM)
        ):
            phrase.append(word)  # a role word inside the subject
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
        out.append((start, match.start() + 1))
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
