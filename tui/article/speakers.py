"""Speaker attribution: who the text says spoke each quotation (FORMAT.md, "Speaker").

A pure pass over annotated sections. For each top-level quotation it reads the words after the
closing mark (``“…,” Ana Ruiz said``, ``said Ana Ruiz``, ``he added``, ``according to X``) and
then the sentence before the opening mark (``Ana Ruiz said: “…”``, ``X: “…”``). Courtesy titles,
bare surnames and he/she resolve to a full name introduced earlier only when exactly one
candidate fits; described sources ("a spokesperson", "one resident"), scare quotes, titles of
works and nicknames get no speaker. Nested quotations get none either: the text rarely says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.article.model import Quotation, Section

__all__ = ["attribute"]


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
_PARTICLES = _words("de da del della di do dos van von der den la le al bin ibn y zu")
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
    our my his her their el la los las un una pero y en der die das ein eine und aber dann im
    am auch monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december lunes martes miércoles
    jueves viernes sábado domingo montag dienstag mittwoch donnerstag freitag samstag sonntag
    critics officials residents experts analysts police dazu damals später heute gestern
    luego después entonces ayer hoy"""
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
# A lone capitalised word after these is a noun ("ein Anwohner", "a Texan"), not a name.
_ARTICLES = _words("a an one un una uno der die das den dem des ein eine einer einem eines")
_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)[.!?…][\"”’»“]?\s+")
_NOT_SPOKEN = re.compile(
    r"\b(?:so-called|so called|dubbed|nicknamed|known as|titled|entitled|headlined|sogenannte[nrs]?"
    r"|llamad[oa]s?|apodad[oa]|book|film|movie|song|album|novel|series|show|play|documentary"
    r"|podcast|poem|called|word|term|phrase|slogan|motto|hashtag|libro|película|canción|buch|lied"
    r"|roman)\s*[,:]?\s*$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"(?:according to|según|laut)\s+(.+?)\s*,?\s*$", re.IGNORECASE)
_PRONOUN = "\0pronoun"  # marker: resolve he/she (and Spanish pro-drop) from context


@dataclass(frozen=True, slots=True)
class _Name:
    """A name read from the text: its tokens and whether a courtesy title preceded it."""

    tokens: tuple[str, ...]
    courtesy: str = ""
    sure: bool = True
    """False for a lone capitalised word opening a sentence (it may not be a name)."""


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _clean(tokens: Sequence[str]) -> _Name | None:
    """Strip sentence-start words and titles from a capitalised run (``Foreign Minister X``)."""
    words = [re.sub(r"[’']s$", "", t) for t in tokens]
    while words and words[0].lower() in _STOP:
        words.pop(0)
    courtesy = ""
    for k in range(len(words) - 1, -1, -1):
        title = words[k].lower().rstrip(".")
        if title in _TITLES or (k < len(words) - 1 and title.endswith(_TITLE_ENDINGS)):
            courtesy = words[k] if title in _COURTESY else ""
            words = words[k + 1 :]
            break
    while words and words[-1] in _PARTICLES:
        words.pop()
    while words and words[0] in _PARTICLES:
        words.pop(0)
    return _Name(tuple(words), courtesy) if words else None


def _last_run(text: str, article_ok: bool = False) -> list[str]:
    """The capitalised run (particles allowed inside) that ends ``text``, or []."""
    tokens = list(_TOKEN.finditer(text))
    if not tokens or text[tokens[-1].end() :].strip() or not _is_cap(tokens[-1].group()):
        return []
    run = [tokens[-1]]
    for tok in reversed(tokens[:-1]):
        gap = text[tok.end() : run[0].start()]
        if gap != " " or not (_is_cap(tok.group()) or tok.group() in _PARTICLES):
            if len(run) == 1 and not article_ok and tok.group() in _ARTICLES:
                return []
            break
        run.insert(0, tok)
    if len(run) == 2 and not article_ok and run[0].group().lower() in _ARTICLES:
        return []  # "Ein Anwohner" opening a sentence
    return [t.group() for t in run]


def _first_run(text: str, article_ok: bool = False) -> list[str]:
    """The first capitalised run in ``text`` that is a name once cleaned, or []."""
    run: list[str] = []
    end = -1
    previous = ""
    noun = False  # the run follows an article: one word is a noun ("sagte ein Anwohner")

    def is_name() -> bool:
        return bool(run) and not (noun and len(run) == 1) and _clean(run) is not None

    for tok in _TOKEN.finditer(text):
        word = tok.group()
        if run and text[end : tok.start()] == " " and (_is_cap(word) or word in _PARTICLES):
            run.append(word)
        else:
            if is_name():
                return run
            run = [word] if _is_cap(word) and word.lower() not in _STOP else []
            noun = not article_ok and previous.lower() in _ARTICLES
        previous = word
        end = tok.end()
    return run if is_name() else []


def _name(run: list[str]) -> _Name | None:
    return _clean(run) if run else None


def _subject(phrase: str) -> str | _Name | None:
    """Who a subject phrase before a reporting verb names (a name, the pronoun marker, None)."""
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
    phrase = re.sub(r"^\W+", "", phrase).strip()
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return _PRONOUN
    if _last_run(phrase):
        return _name(_last_run(phrase))
    if words and words[-1].lower() in _DESCRIBED | _INSTITUTIONS:
        head = phrase[: len(phrase) - len(words[-1])].rstrip()
        body = _last_run(head, article_ok=True)
        name = _name(body or _first_run(head, article_ok=True))
        if name and body and words[-1].lower() in _INSTITUTIONS:
            return _Name((*name.tokens, words[-1]))  # "the Maduro government"
        return name
    return None


def _according(text: str) -> _Name | None:
    """The body or person after ``according to`` / ``según`` / ``laut``."""
    match = _ACCORDING.match(re.split(r"[.;:!?]", text)[0])
    return _name(_first_run(match.group(1))) if match else None


def _after(segment: str) -> str | _Name | None:
    """Attribution in the words after a closing mark (``, Ana Ruiz said`` / ``, said Ana``)."""
    clause = re.split(r"[.!?;:\"“”«»„]", segment.lstrip(" ,—–-\u00a0"), maxsplit=1)[0]
    for n, tok in enumerate(list(_TOKEN.finditer(clause))[:16]):
        word = tok.group().lower()
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
            return _PRONOUN
        if not first or first[0].lower() in _PRONOUNS:
            return _PRONOUN  # "sagte er", Spanish "dijo."
        return _name(_first_run(rest))
    return None


def _before(segment: str, words_quoted: int) -> str | _Name | None:
    """Attribution in the sentence before an opening mark (``X said: “`` / ``X: “``)."""
    sentence = _SENTENCE_END.split(segment)[-1]
    colon = re.fullmatch(r"\s*([^\W\d_][\w’'\- ]*?)\s*:\s*", sentence)
    if colon and all(_is_cap(w) or w in _PARTICLES for w in colon.group(1).split()):
        return _clean(colon.group(1).split())
    according = re.search(r"(?:according to|según|laut)\s+[^,]+,?\s*$", sentence, re.IGNORECASE)
    if according:
        return _according(according.group())
    verbs = [t for t in _TOKEN.finditer(sentence) if t.group().lower() in _VERBS]
    if not verbs:
        return None
    verb = verbs[-1]
    between = sentence[verb.end() :]
    subject = _subject(sentence[: verb.start()])
    if (
        isinstance(subject, _Name)
        and len(subject.tokens) == 1
        and sentence.lstrip().startswith(subject.tokens[0])
    ):
        subject = replace(subject, sure=False)
    inverted = re.fullmatch(r"\s+([\w’'\- ]+?)\s*:\s*", between)
    if inverted and (subject is None or (isinstance(subject, _Name) and not subject.sure)):
        if inverted.group(1).lower() in _PRONOUNS:  # "Dann sagte er: „…“"
            return _PRONOUN
        run = _last_run(inverted.group(1))
        if run and len(run) == len(inverted.group(1).split()):  # "Dazu sagte Müller: „…“"
            return _clean(run)
    lead_in = between.strip(" ,:\u00a0").lower()
    if words_quoted <= 2 and lead_in not in ("", "that", "que", "dass"):
        return None  # a word or two quoted mid-sentence is a scare quote
    return subject


def _nickname(quote: Quotation, before: str, after: str) -> bool:
    """``Ana “The Hammer” Ruiz``: a capitalised word hugging each side of a bare phrase."""
    if not quote.text[-1:].isalnum() or not before.endswith(" ") or not after.startswith(" "):
        return False
    right = _first_run(after[:40])
    return bool(_last_run(before.rstrip())) and bool(right) and after.split()[:1] == right[:1]


def _attribution(quote: Quotation, before: str, after: str) -> str | _Name | None:
    if _NOT_SPOKEN.search(before) or _nickname(quote, before, after):
        return None
    found = _after(after)
    return found if found is not None else _before(before, len(quote.text.split()))


def _sentence_start(text: str, at: int) -> bool:
    k = at - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or text[k] in '.!?…:“”"«»„「'


def _distinct(names: set[str]) -> set[str]:
    """Names without those that merely prefix another ("BBC Mundo Ana Ruiz" is Ana Ruiz)."""
    if len(names) > 8:
        return names  # hopelessly ambiguous anyway; keeps hostile text from going quadratic
    return {n for n in names if not any(n != m and n.endswith(" " + m) for m in names)}


class _Context:
    """Names introduced so far, in reading order: surnames map to the full names that end so."""

    def __init__(self) -> None:
        self.by_surname: dict[str, set[str]] = {}
        self.mid_sentence: set[str] = set()

    def learn(self, text: str) -> list[str]:
        """Register the names in ``text``; return the people it mentions, as full names."""
        mentioned: list[str] = []
        run: list[str] = []
        end = -1
        for tok in [*_TOKEN.finditer(text), None]:
            word = tok.group() if tok else ""
            cap = _is_cap(word)
            if tok and run and text[end : tok.start()] == " " and (cap or word in _PARTICLES):
                run.append(word)
            else:
                name = _clean(run) if run else None
                if name and len(name.tokens) >= 2:
                    full = " ".join(name.tokens)
                    self.by_surname.setdefault(name.tokens[-1], set()).add(full)
                    mentioned.append(full)
                elif name and len(_distinct(self.by_surname.get(name.tokens[0], set()))) == 1:
                    mentioned.extend(_distinct(self.by_surname[name.tokens[0]]))
                run = [word] if cap else []
            if tok:
                if cap and not _sentence_start(text, tok.start()):
                    self.mid_sentence.add(word)
                end = tok.end()
        return mentioned

    def add(self, full: str) -> None:
        """Register a resolved speaker's full name."""
        if " " in full:
            self.by_surname.setdefault(full.rsplit(" ", 1)[1], set()).add(full)

    def resolve(self, name: _Name) -> str | None:
        """A full name for ``name``; a lone surname expands only when one earlier name fits."""
        if len(name.tokens) >= 2:
            return " ".join(name.tokens)
        word = name.tokens[0]
        known = _distinct(self.by_surname.get(word, set()))
        if len(known) == 1:
            return next(iter(known))
        if name.courtesy:
            return f"{name.courtesy} {word}"
        return word if name.sure or word in self.mid_sentence else None


def _one_sentence(between: str) -> bool:
    """True when text between two quotations is one finished sentence (the attribution)."""
    parts = _SENTENCE_END.split(between.strip() + " ")
    return len(parts) == 2 and not parts[-1].strip()


def _segments(sections: Sequence[Section]) -> tuple[dict[int, str], dict[int, str]]:
    """For each quotation: the text before its opening mark and after its last span."""
    before: dict[int, str] = {}
    after: dict[int, str] = {}
    for section in sections:
        for block in section.paragraphs:
            tops = [s for s in block.quotes if s.depth == 0]
            for n, span in enumerate(tops):
                if span.quote_index not in before:
                    before[span.quote_index] = block.text[tops[n - 1].end if n else 0 : span.start]
                nxt = tops[n + 1].start if n + 1 < len(tops) else len(block.text)
                after[span.quote_index] = block.text[span.end : nxt]
    return before, after


def attribute(sections: Sequence[Section], quotes: Sequence[Quotation]) -> tuple[Quotation, ...]:
    """Fill :attr:`Quotation.speaker` where the text makes the speaker unambiguous.

    Args:
        sections: Sections whose paragraphs carry the quotations' spans (from ``annotate``).
        quotes: The quotations, indexed by :attr:`QuoteSpan.quote_index`.

    Returns:
        The quotations in the same order, each with its speaker or None.
    """
    before, after = _segments(sections)
    speakers: list[str | None] = [None] * len(quotes)
    context = _Context()
    for section in sections:
        prev_mentions: list[str] = []
        prev_speakers: list[str] = []
        for block in section.paragraphs:
            mentions: list[str] = []
            here: list[str] = []
            cursor = 0
            last_top: str | None = None
            for span in block.quotes:
                index = span.quote_index
                if span.depth or not span.open_mark or index >= len(quotes):
                    continue  # nested quotes, and continuations decided where they began
                mentions += context.learn(block.text[cursor : span.start])
                cursor = span.start
                found = _attribution(quotes[index], before[index], after[index])
                speaker: str | None = None
                if isinstance(found, _Name):
                    speaker = context.resolve(found)
                elif found == _PRONOUN:
                    pool = _distinct({*prev_mentions, *mentions} or {*prev_speakers, *here})
                    speaker = next(iter(pool)) if len(pool) == 1 else None
                elif last_top and _one_sentence(before[index]):
                    speaker = last_top  # “…,” she said. “…” — the same speaker goes on
                speakers[index] = speaker
                last_top = speaker
                if speaker:
                    here.append(speaker)
                    context.add(speaker)
            mentions += context.learn(block.text[cursor:])
            prev_mentions, prev_speakers = mentions, here
    return tuple(replace(q, speaker=speakers[i]) for i, q in enumerate(quotes))
