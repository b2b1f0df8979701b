"""The phrase-level rules of speaker attribution: who the words around one quotation name.

Pure functions of short strings (the sentence before an opening mark, the clause after a closing
mark), memoised because articles repeat their attribution phrases ("he said.", "Ana Ruiz
said."). Context — earlier names, pronouns — is resolved by :mod:`tui.article.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from tui.article.records import record
from tui.article.sanitize import IGNORECASE_FOLDS

__all__ = [
    "PARTICLES",
    "PRONOUN",
    "Name",
    "attribution",
    "clean_name",
    "follows_on",
    "forget_phrases",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERBS = _words(
    """said says say added adds noted notes warned warns insisted insists wrote writes asked
    asks told tells explained explains stated states argued argues claimed claims replied
    replies declared declares announced announces recalled recalls remarked admitted admits
    stressed stresses urged urges continued assured acknowledged concluded responded testified
    observed commented suggested predicted promised vowed tweeted posted
    sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb schreibt fragte
    fragt warnte warnt ergänzte ergänzt kritisierte berichtete berichtet erzählte erzählt
    described"""
)
_SPANISH_VERBS = _words(
    """dijo dice afirmó afirma señaló señala explicó explica añadió añade agregó agrega aseguró
    asegura declaró declara indicó indica sostuvo sostiene advirtió advierte comentó expresó
    manifestó subrayó insistió escribió preguntó respondió reiteró destacó apuntó contó cuenta
    relató recordó lamentó reconoció admitió opinó"""
)
_VERBS |= _SPANISH_VERBS
# German compound roles: "Feuerwehrkommandant Markus Ebner", "Bäckermeister Tobias Renz".
_TITLE_ENDINGS: tuple[str, ...] = (
    "meister",
    "meisterin",
    "kommandant",
    "kommandantin",
    "leiter",
    "leiterin",
)
_TITLE_ENDINGS += ("direktor", "direktorin", "chef", "chefin", "sprecher", "sprecherin")
_RELATIVES = _words("who which que quien quienes der die das")
_OUTLET_RECIPIENT = re.compile(
    r"\s*(?:a|al)\s+(?:la\s+|el\s+)?(?:BBC News Mundo|BBC Mundo|BBC|Reuters|AFP|EFE|AP|CNN)?"
)
_PRONOUNS = frozenset({"he", "she", "er", "sie", "él", "ella"})
# "it" speaks for an organisation; it is resolved only from the sentence's named subject.
_IT = frozenset({"it"})
_PRONOUNS_IT = _PRONOUNS | _IT
PARTICLES = _words("de da del della di do dos van von der den la le al bin ibn y zu")
"""Lower-case name particles that may sit inside a name ("Ana de la Cruz")."""
_COURTESY = _words("mr mrs ms miss dr prof sir dame sr sra señor señora herr frau")
_TITLES = _COURTESY | _words(
    """president vice prime minister foreign chancellor senator governor mayor general judge
    secretary chief executive king queen prince princess pope professor lord lady ambassador
    presidente presidenta ministro ministra canciller alcalde alcaldesa bundeskanzler kanzler
    kanzlerin präsident präsidentin ministerin bürgermeister bürgermeisterin councillor
    councilwoman councilman skipper librarian coach captain inspector sergeant detective
    constable superintendent commissioner bishop archbishop reverend rev father dean
    headteacher principal director chairman chairwoman chair lieutenant colonel admiral
    commander sheriff deputy"""
)
_STOP = _words(
    """the a an but and or so then later when while however meanwhile also yesterday today
    tonight on in at for after before as if this that these those it its there here we i you
    he she they them our my his her their el la los las un una pero y en der die das ein eine
    und aber dann im am auch monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december lunes
    martes miércoles jueves viernes sábado domingo montag dienstag mittwoch donnerstag freitag
    samstag sonntag critics officials residents experts analysts police dazu damals später
    heute gestern luego después entonces ayer hoy"""
)
# Prepositions opening a sentence ("Unter den Gästen ist…", "Among the guests…") start no name.
_STOP |= _words(
    """among under with from during despite since until without across around through unter
    nach bei mit aus für gegen seit über vor zwischen während wegen trotz neben hinter ohne
    durch con desde entre sin sobre tras hasta durante para por"""
)
# A described source that names the body it speaks for ("a Kremlin statement").
_DESCRIBED = _words(
    """statement spokesperson spokesman spokeswoman official officials source sources
    representative aide adviser advisor release communique communiqué portavoz comunicado
    sprecher sprecherin mitteilung erklärung"""
)
_INSTITUTIONS = _words(
    "government administration ministry embassy office council party campaign department "
    "gobierno ministerio regierung ministerium"
)
_DESCRIBED_BODIES = _DESCRIBED | _INSTITUTIONS
# A lone capitalised word after these is a noun ("ein Anwohner", "a Texan"), not a name.
_ARTICLES = _words("a an one un una uno der die das den dem des ein eine einer einem eines")
_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*")
# _LOWER_KEEPS: where lower() keeps a text's length, every character maps to one character of
# the same token class (a test checks all of Unicode), so the lower-cased text has the text's
# tokens at the same places and the rules tokenise it once instead of lower-casing each token.
# Only a Greek final sigma can come out differently, and no word list here holds Greek.
# The punctuation comes first so the scan can skip to it (lookbehinds first test every place).
_SENTENCE_END = re.compile(r"[.!?…](?<!\bMr.)(?<!\bMs.)(?<!\bDr.)(?<!\bMrs.)[\"”’»“]?\s+")
# Words that, ending the text before a quotation, introduce a title, term or nickname.
_NOT_SPOKEN_ONE_WORD = _words(
    """so-called dubbed nicknamed titled entitled headlined sogenannte sogenannten sogenannter
    sogenanntes llamado llamada llamados llamadas apodado apodada book film movie song album
    novel series show play documentary podcast poem called word term phrase slogan motto
    hashtag libro película canción buch lied roman"""
)
_NOT_SPOKEN_ENDINGS = ("so called", "known as", *sorted(_NOT_SPOKEN_ONE_WORD))
_NOT_SPOKEN = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _NOT_SPOKEN_ENDINGS)) + r")\s*[,:]?\s*$", re.IGNORECASE
)
_ACCORDING = re.compile(r"(?:according to|según|laut)\s+(.+?)\s*,?\s*$", re.IGNORECASE)
# A clause after a closing mark that opens with these tells what happened next, not who spoke.
_SUBORDINATORS = _words("before after when while until because although though unless whereas")
_CLAUSE_END = re.compile(r"[.!?;:\"“”«»„]")
# Compiled once: re's own cache lookup costs more than a short match (these run per quotation).
_LEAD_PUNCT = re.compile(r"^\W+")
_CLAUSE_CUT = re.compile(r"[.;:!?]")
_COLON_SUBJECT = re.compile(r"\s*([^\W\d_][\w’'\- ]*?)\s*:\s*")
_ACCORDING_END = re.compile(r"(?:according to|según|laut)\s+[^,]+,?\s*$", re.IGNORECASE)
_INVERTED = re.compile(r"\s+([\w’'\- ]+?)\s*:\s*")
# "the 78-year-old", "die 78-Jährige": a definite description by age points back like "she".
_AGED = re.compile(
    r"(?:the|der|die|das)\s+\d+[-\s](?:year-old|jährigen?|jähriger?)(?:\s+[^\W\d_]+)?",
    re.IGNORECASE,
)
PRONOUN = "\0pronoun"
"""Marker: the attribution is a pronoun (he/she, Spanish pro-drop) to resolve from context."""


@record
class Name:
    """A name read from the text: its tokens and whether a courtesy title preceded it."""

    tokens: tuple[str, ...]
    """The name's words, titles and particles at either end removed."""
    courtesy: str = ""
    """The courtesy title printed before it ("Ms"), or ""."""
    sure: bool = True
    """False for a lone capitalised word opening a sentence (it may not be a name)."""
    titled: bool = False
    """True when a title or role preceded the name ("Councillor Ana Ruiz")."""
    antecedent: bool = False
    """True when a pronoun points to the name: it may be a short form of a longer name."""


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def clean_name(tokens: Sequence[str]) -> Name | None:
    """Strip sentence-start words and titles from a capitalised run (``Foreign Minister X``).

    Args:
        tokens: The words of a run of capitalised words (particles allowed inside).

    Returns:
        The name, or None when nothing of the run is left.
    """
    # "Ruiz’s" -> "Ruiz" (a token never holds a newline, so "$" is the token's end).
    words = [t[:-2] if t.endswith(("’s", "'s")) else t for t in tokens]
    while words and words[0].lower() in _STOP:
        words.pop(0)
    courtesy = ""
    titled = False
    for k in range(len(words) - 1, -1, -1):
        title = words[k].lower().rstrip(".")
        if title in _TITLES or (k < len(words) - 1 and title.endswith(_TITLE_ENDINGS)):
            courtesy = words[k] if title in _COURTESY else ""
            words = words[k + 1 :]
            titled = True
            break
    while words and words[-1] in PARTICLES:
        words.pop()
    while words and words[0] in PARTICLES:
        words.pop(0)
    return Name(tuple(words), courtesy, titled=titled) if words else None


_RUN_WINDOW = 40
"""How much of a text's end :func:`_last_run` tokenises first (a run and the word before it
nearly always fit; when they do not, it reads the whole text)."""


def _last_run(text: str, article_ok: bool = False) -> list[str]:
    """The capitalised run (particles allowed inside) that ends ``text``, or []."""
    # Tokens from just after a space are the whole text's tokens from there on (no token
    # holds a space), so only the end is read unless the run reaches back past it.
    start = text.rfind(" ", 0, len(text) - _RUN_WINDOW) + 1 if len(text) > _RUN_WINDOW else 0
    while True:
        tokens = list(_TOKEN.finditer(text, start))
        if not tokens or text[tokens[-1].end() :].strip() or not _is_cap(tokens[-1].group()):
            if start and not tokens:
                start = 0
                continue
            return []
        run = [tokens[-1]]
        broke = None
        for tok in reversed(tokens[:-1]):
            gap = text[tok.end() : run[0].start()]
            if gap != " " or not (_is_cap(tok.group()) or tok.group() in PARTICLES):
                broke = tok
                break
            run.insert(0, tok)
        if broke is None and start:
            start = 0  # the run may go on before the window: read the whole text
            continue
        if broke is not None and len(run) == 1 and not article_ok and broke.group() in _ARTICLES:
            return []
        if len(run) == 2 and not article_ok and run[0].group().lower() in _ARTICLES:
            return []  # "Ein Anwohner" opening a sentence
        return [t.group() for t in run]


def _first_run(text: str, article_ok: bool = False) -> list[str]:
    """The first capitalised run in ``text`` that is a name once cleaned, or []."""
    run: list[str] = []
    end = -1
    previous = ""
    noun = False  # the run follows an article: one word is a noun ("sagte ein Anwohner")
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        if run and text[end : tok.start()] == " " and (word[:1].isupper() or word in PARTICLES):
            run.append(word)
        else:
            if run and not (noun and len(run) == 1) and clean_name(run) is not None:
                return run
            if word[:1].isupper() and word.lower() not in _STOP:
                run = [word]
                # Only a run's first word needs the word before it (an article or not).
                noun = not article_ok and previous.lower() in _ARTICLES
            elif run:
                run = []
        previous = word
        end = tok.end()
    return run if run and not (noun and len(run) == 1) and clean_name(run) is not None else []


def _name(run: list[str]) -> Name | None:
    return clean_name(run) if run else None


# Memoised too: an article names its speakers again and again ("Ana Ruiz said …") inside
# sentences that differ, so the subject phrase repeats where the sentence does not.
@lru_cache(maxsize=1024)
def _subject(phrase: str) -> str | Name | None:
    """Who a subject phrase before a reporting verb names (a name, a pronoun marker, None)."""
    parts = [part.strip() for part in phrase.split(",")]
    if len(parts) > 1 and parts[-1].lower() in _RELATIVES:  # "…, Ana Ruiz, who said"
        parts[-1] = ""
    if len(parts) > 2 and not parts[-1]:
        # An appositive before the verb: "Its chair, Ana Ruiz," names her in the last part;
        # "Ana Ruiz, the harbour master," names her in the part before it.
        last = parts[-2]
        whole = len(_last_run(last)) == len(last.split()) > 0
        phrase = last if whole else parts[-3]
    else:
        phrase = parts[-1] or parts[0]
    phrase = _LEAD_PUNCT.sub("", phrase).strip()
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return PRONOUN
    if _AGED.fullmatch(phrase):
        return PRONOUN  # "“…,” the 82-year-old said."
    run = _last_run(phrase)
    if run:
        return _name(run)
    if words and words[-1].lower() in _DESCRIBED_BODIES:
        head = phrase[: len(phrase) - len(words[-1])].rstrip()
        body = _last_run(head, article_ok=True)
        name = _name(body or _first_run(head, article_ok=True))
        if name and body and words[-1].lower() in _INSTITUTIONS:
            return Name((*name.tokens, words[-1]))  # "the Maduro government"
        return name
    return None


def _according(text: str) -> Name | None:
    """The body or person after ``according to`` / ``según`` / ``laut``."""
    match = _ACCORDING.match(_CLAUSE_CUT.split(text, 1)[0])
    return _name(_first_run(match.group(1))) if match else None


# The words _after acts on: anywhere in its first 16, or only as the first.
_CLAUSE_WORDS = _VERBS | {"according", "según", "laut"}
_FIRST_WORDS = _SUBORDINATORS | {"so"}


def _after(clause: str) -> str | Name | None:
    """Attribution in the clause after a closing mark (``, Ana Ruiz said`` / ``, said Ana``)."""
    low = clause.lower()
    same = len(low) == len(clause)  # the same tokens at the same places (see _LOWER_KEEPS)
    if same:
        # Most clauses hold none of the words the loop below acts on: one C-level test says so.
        words = _TOKEN.findall(low)[:16]
        if not words or words[0] not in _FIRST_WORDS and _CLAUSE_WORDS.isdisjoint(words):
            return None
    for n, tok in enumerate(islice(_TOKEN.finditer(low if same else clause), 16)):
        word = tok.group() if same else tok.group().lower()
        if n == 0 and word in _SUBORDINATORS:
            return None  # "«…» before Tom Bell replied": his words come next, not these
        if word in ("according", "según", "laut"):
            return _according(clause[tok.start() :])
        if word == "so" and n == 0:  # German: „…“, so Müller.
            run = _first_run(clause[tok.end() :])
            return _name(run) if run and clause[tok.end() :].split()[:1] == run[:1] else None
        if word not in _VERBS:
            continue
        if n > 0:
            return _subject(clause[: tok.start()])
        rest = clause[tok.end() :]
        first = rest.split()[:1]
        if word in _SPANISH_VERBS and first[:1] in (["a"], ["al"]):
            # "dijo a BBC Mundo Ana Ruiz" names her after the outlet; "dijo a su hija" does not.
            rest = rest[_OUTLET_RECIPIENT.match(rest).end() :]  # type: ignore[union-attr]
            run = _last_run(rest.split(",")[0].strip())
            if run and len(run) == len(rest.split(",")[0].split()):
                return _name(run)
            return PRONOUN
        if not first or first[0].lower() in _PRONOUNS:
            return PRONOUN  # "sagte er", Spanish "dijo."
        if _AGED.match(rest.strip()):
            return PRONOUN  # "erzählt die 78-Jährige"
        return _name(_first_run(rest))
    return None


def _opening_subject(sentence: str, verb: re.Match[str]) -> Name | None:
    """The name that opens ``sentence`` as the subject of ``verb`` (``X also said``), if any."""
    head = sentence[: verb.start()].split()
    run = _first_run(sentence[: verb.start()])
    if not run or head[: len(run)] != run:
        return None
    extra = head[len(run) :]
    name = _name(run) if len(extra) <= 2 and all(w.islower() for w in extra) else None
    return replace(name, antecedent=True) if name else None


def _before(sentence: str, few_words: bool) -> str | Name | None:
    """Attribution in the sentence before an opening mark (``X said: “`` / ``X: “``)."""
    # Cheap tests before each pattern, each a condition the pattern cannot match without:
    # the colon forms end with a colon, "according to" needs its words (IGNORECASE's folded
    # letters aside, which lower() does not fold).
    colon = _COLON_SUBJECT.fullmatch(sentence) if sentence.rstrip().endswith(":") else None
    if colon and all(_is_cap(w) or w in PARTICLES for w in colon.group(1).split()):
        return clean_name(colon.group(1).split())
    low = sentence.lower()
    if (
        "according to" in low
        or "según" in low
        or "laut" in low
        or not sentence.isascii()
        and any(c in sentence for c in IGNORECASE_FOLDS)
    ):
        according = _ACCORDING_END.search(sentence)
        if according:
            return _according(according.group())
    if len(low) == len(sentence):  # the same tokens at the same places (see _LOWER_KEEPS)
        verbs = [t for t in _TOKEN.finditer(low) if t.group() in _VERBS]
    else:
        verbs = [t for t in _TOKEN.finditer(sentence) if t.group().lower() in _VERBS]
    if not verbs:
        return None
    verb = verbs[-1]
    between = sentence[verb.end() :]
    subject_phrase = sentence[: verb.start()].split(",")[-1].split()
    if len(subject_phrase) > 1 and subject_phrase[-1].lower() in _PRONOUNS_IT:
        # "…, a business it described as “…”": the pronoun points to the sentence's subject.
        return _opening_subject(sentence, verbs[0]) if len(verbs) > 1 else None
    subject = _subject(sentence[: verb.start()])
    if (
        isinstance(subject, Name)
        and len(subject.tokens) == 1
        and sentence.lstrip().startswith(subject.tokens[0])
    ):
        subject = replace(subject, sure=False)
    inverted = _INVERTED.fullmatch(between) if between.rstrip().endswith(":") else None
    if inverted and (subject is None or (isinstance(subject, Name) and not subject.sure)):
        if inverted.group(1).lower() in _PRONOUNS:  # "Dann sagte er: „…“"
            return PRONOUN
        run = _last_run(inverted.group(1))
        if run and len(run) == len(inverted.group(1).split()):  # "Dazu sagte Müller: „…“"
            return clean_name(run)
    lead_in = between.strip(" ,:\u00a0").lower()
    if few_words and lead_in not in ("", "that", "que", "dass"):
        return None  # a word or two quoted mid-sentence is a scare quote
    return subject


def _nickname(sentence: str, after: str, first: str) -> bool:
    """``Ana “The Hammer” Ruiz``: a capitalised word hugging each side of a bare phrase."""
    # The run after starts with a capitalised token: a first word that is not one cannot be it.
    if not first[:1].isupper():
        return False
    right = _first_run(after)
    return bool(right) and first == right[0] and bool(_last_run(sentence.rstrip()))


@lru_cache(maxsize=4096)
def _cached(
    sentence: str, clause: str, nick_after: str, nick_first: str, few_words: bool
) -> str | Name | None:
    if _not_spoken(sentence) or (nick_after and _nickname(sentence, nick_after, nick_first)):
        return None
    found = _after(clause)
    return found if found is not None else _before(sentence, few_words)


def _not_spoken(sentence: str) -> bool:
    """True when the sentence introduces a title, term or nickname rather than speech."""
    # The match ends the text: a word, spaces, one optional comma or colon, spaces. Search
    # only the end, from well before where that word must end.
    core = sentence.rstrip()
    if core.endswith((",", ":")):
        core = core[:-1].rstrip()
    tail = core[-24:]
    low = tail.lower()
    if len(low) != len(tail) or not tail.isascii() and any(c in tail for c in IGNORECASE_FOLDS):
        return _NOT_SPOKEN.search(sentence, max(0, len(core) - 24)) is not None
    if not low.endswith(_NOT_SPOKEN_ENDINGS):  # the usual case, one C-level test
        return False
    for word in _NOT_SPOKEN_ENDINGS:
        at = len(core) - len(word)
        # The word must start one (\b): at the text's start or after a non-word character.
        if low.endswith(word) and (at == 0 or not (core[at - 1].isalnum() or core[at - 1] == "_")):
            return True
    return False


def attribution(quote: str, before: str, after: str) -> str | Name | None:
    """Who the words around one quotation name as its speaker.

    Args:
        quote: The quoted words (without marks).
        before: The text before the opening mark (back to the previous quotation).
        after: The text after the closing mark (up to the next quotation).

    Returns:
        A :class:`Name` to resolve, :data:`PRONOUN`, or None when the text names nobody.
    """
    # Only the last sentence before and the first clause after can attribute the quotation
    # (no capitalised run, title or term crosses a sentence end).
    sentence = _SENTENCE_END.split(before)[-1]
    rest = after.lstrip(" ,—–-\u00a0")
    stop = _CLAUSE_END.search(rest)
    clause = rest[: stop.start()] if stop else rest
    nickname = quote[-1:].isalnum() and sentence.endswith(" ") and after.startswith(" ")
    return _cached(
        sentence,
        clause,
        after[:40] if nickname else "",
        (after.split(None, 1) or [""])[0] if nickname else "",
        len(quote.split(None, 2)) <= 2,
    )


def forget_phrases() -> None:
    """Empty the memos of attribution phrases, as in a process that has parsed nothing yet.

    The memos make a phrase seen before cheap; parsing the same article twice reuses every
    entry, so a benchmark that times one parse as a first parse calls this before it.
    """
    _cached.cache_clear()
    _subject.cache_clear()


def follows_on(between: str) -> bool:
    """Whether a quotation continues the one before it, by the text between them.

    True for one finished sentence (``“…,” she said. “…”``) and for a lead-in inside the same
    sentence that ends with a colon and names nobody (``… before translating it himself: “…”``).

    Args:
        between: The text between the previous quotation's closing mark and this opening one.

    Returns:
        True when the previous quotation's speaker goes on speaking.
    """
    parts = _SENTENCE_END.split(between.strip() + " ")
    if len(parts) == 2 and not parts[-1].strip():
        return True
    lead = between.strip()
    return (
        len(parts) == 1
        and lead.endswith(":")
        and bool(_TOKEN.search(lead))
        and not any(_is_cap(t) for t in _TOKEN.findall(lead))
    )
