"""Line patterns for scraped news: page chrome, boilerplate, block labels, dates and times.

Every function here looks at one stripped line and answers one question, so the parser can
classify each line once. Patterns are precompiled and anchored, and the costly ones only run on
short lines, so a megabyte-long line costs no more than a scan. (:func:`detect_outlet` lives in
:mod:`tui.article.outlet` and is re-exported here.)
"""

from __future__ import annotations

import re

from tui.article.footers import is_footer
from tui.article.outlet import detect_outlet
from tui.article.sanitize import IGNORECASE_FOLDS

__all__ = [
    "chrome_date",
    "detect_outlet",
    "is_block_label",
    "is_boilerplate_line",
    "is_chrome",
    "is_date_line",
    "glue_point",
    "is_fullscreen",
    "is_real_date",
    "published",
    "timestamp",
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_I = re.IGNORECASE

# UI labels and layout residue that carry no content (compared lower-cased, colon stripped).
_CHROME_LABELS = frozenset(
    {
        "-",
        "share",
        "save",
        "share this article",
        "share page",
        "share this page",
        "copy link",
        "live",
        "summary",
        "breaking",
        "breaking news",
        "advertisement",
        "skip advertisement",
        "media playback is unsupported on your device",
        "article information",
        "información del artículo",
        "close",
        "menu",
        "play",
        "play video",
        "watch",
        "listen",
        "comments",
        "view comments",
        "print",
        "email",
        "updated",
        "published",
        "toggle caption",
        "hide caption",
        "show caption",
        "enlarge this image",
        "newsletter promotion",
        "skip past newsletter promotion",
        "after newsletter promotion",
        "zum artikel",
        "audio",
        "video",
    }
)

_SEPARATOR = re.compile(r"[-_*=~•·.#\s]{3,}|[-–—]")

# "- Published", "- Published2 days ago", "Updated 14 June 2025", "Last modified on Wed 14 Jun
# 2023 18.05 BST" and translations.
_PUBLISHED = re.compile(
    r"-?\s*(?:published|updated|last updated|last modified|first published|modified|publicado"
    r"|actualizado|veröffentlicht|aktualisiert|zuletzt aktualisiert)"
    r"(?:\s*(?:on|at|am)\b)?\s*:?\s*(?P<when>.*)",
    _I,
)
# What a _PUBLISHED line can start with, in ASCII: the dash, or a label's first letter.
_PUBLISHED_FIRST = frozenset("-pPuUlLaAvVfFmMzZ")
_UPDATED = re.compile(r"\s+(?:updated|last updated|actualizado|aktualisiert)\b", _I)
_STAND = re.compile(r"stand\s*:\s*(?P<when>.+)", _I)

_TIMESTAMP = re.compile(
    r"(?:(?:posted at|publicado a las|gepostet um)\s*)?(?P<time>\d{1,2}:\d{2})"
    r"(?:\s*(?:GMT|BST|UTC|CET|CEST|ET|EST|EDT|PT|Uhr|h))?",
    _I,
)
_POSTED_DOT = re.compile(
    r"(?:posted at|publicado a las|gepostet um)\s*(?P<time>\d{1,2}\.\d{2})", _I
)

_MONTHS = _wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec enero febrero marzo abril mayo junio "
    "julio agosto septiembre setiembre octubre noviembre diciembre januar februar märz mai "
    "juni juli oktober dezember janvier février mars avril juin juillet août septembre "
    "octobre novembre décembre"
)
_DATE_WORDS = _MONTHS | _wordset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
    "lunes martes miércoles jueves viernes sábado domingo montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag updated last published ago hours hour hrs hr "
    "minutes minute mins min days day weeks week am pm gmt bst utc cet cest edt est et pt "
    "uhr de del hace horas minutos días actualizado publicado stand aktualisiert "
    "veröffentlicht um"
)
_MONTH_WORDS = _MONTHS
_DIGIT = re.compile(r"\d")
_ALPHA = re.compile(r"[^\W\d_]+")
_NUMERIC_DATE = re.compile(
    r"\b(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

_FULLSCREEN = re.compile(r"view image in fullscreen", _I)

# Labels that open a block of related links or calls to action: the label and its links fold.
# Each alternative starts with a letter written out, so only lines starting with one of those
# letters (in any case, or with a non-ASCII letter IGNORECASE may fold) need the pattern.
_BLOCK_LABELS = (
    "related topics",
    "related content",
    "related stories",
    "related links",
    "related internet links",
    "related",
    "more on this story",
    "more on this",
    "more from [\\w ]{1,30}",
    "top stories",
    "most read",
    "most popular",
    "features",
    "elsewhere on the bbc",
    "around the bbc",
    "explore more on these topics",
    "read more",
    "also read",
    "read next",
    "you may also like",
    "you might also like",
    "you might also be interested in",
    "get in touch",
    "temas relacionados",
    "más sobre esta historia",
    "más sobre este tema",
    "noticias relacionadas",
    "lee también",
    "lea también",
    "también te puede interesar",
    "quizás también te interese",
    "mehr zum thema",
    "mehr zu diesem thema",
    "das könnte sie auch interessieren",
    "lesen sie auch",
    "weitere artikel",
    "à lire aussi",
    "sur le même sujet",
)
_BLOCK_LABEL = re.compile("(?:" + "|".join(_BLOCK_LABELS) + ")\\s*:?", _I)
_BLOCK_INITIALS = frozenset(label[0] for label in _BLOCK_LABELS if label[0].isascii())

# Whole lines that are promos, calls to action or wire footers: each alternative with the
# letters it can start with (lower-case), so a line is only tried against its own initial's.
_START_ALTERNATIVES = (
    ("s", r"subscribe\b"),
    ("s", r"sign up\b"),
    ("s", r"suscr[ií]bete"),
    ("h", r"haz clic aqu[ií]"),
    ("h", r"haga clic aqu[ií]"),
    ("c", r"click here"),
    ("p", r"pulse aqu[ií]"),
    ("d", r"download (?:the|our)\b"),
    ("d", r"descarga (?:la|nuestra)\b"),
    ("g", r"get in touch\b"),
    ("f", r"follow (?:us|the bbc|bbc|ap|reuters|the guardian)\b"),
    ("s", r"sigue a\b"),
    ("s", r"s[ií]guenos"),
    ("r", r"recuerda que\b"),
    ("y", r"y recuerda que\b"),
    ("ar", r"(?:and )?remember that you can\b"),
    ("t", r"tambi[ée]n puedes"),
    ("y", r"you can also (?:follow|watch|receive|find)\b"),
    ("j", r"jetzt abonnieren"),
    ("n", r"newsletter\b"),
    ("r", r"reuse this content"),
    ("o", r"our standards\s*:"),
    ("r", r"reporting by\b"),
    ("a", r"additional reporting\b"),
    ("w", r"writing by\b"),
    ("e", r"editing by\b"),
    ("c", r"compiled by\b"),
    ("d", r"dieses thema im programm\s*:"),
    ("s", r"sendung\s*:"),
    ("r", r"read more\s*:"),
    ("l", r"lesen sie (?:mehr|auch)\s*:"),
    ("c", r"copyright \d{4}\b"),
    ("©", r"©"),
    ("t", r"the associated press (?:receives|is solely)"),
    ("a", r"ap'?s? (?:climate|health|education) coverage"),
    ("f", r"follow ap'?s\b"),
    ("f", r"find more of ap'?s\b"),
)
_BOILER_START = re.compile("(?:" + "|".join(alt for _, alt in _START_ALTERNATIVES) + ")", _I)
# One pattern per ASCII initial. Of the other characters only "©" and the letters IGNORECASE
# folds onto ASCII ones (ſ, the Kelvin sign, ı, İ) can open a match: lines starting with one of
# those meet the whole pattern, lines starting with “ or é need none.
_START_FOLDED = frozenset(("©", *IGNORECASE_FOLDS))
_START_BY_INITIAL = {
    letter: re.compile(
        "(?:" + "|".join(alt for initials, alt in _START_ALTERNATIVES if letter in initials) + ")",
        _I,
    )
    for letter in sorted(
        {c for initials, _ in _START_ALTERNATIVES for c in initials if c.isascii()}
    )
}


_BOILER_ANY = re.compile(
    r"thomson reuters trust principles|haveyoursay@|@bbc\.co\.uk|notifications in our app"
    r"|notificaciones en nuestra app|activate the latest version|this article was amended",
    _I,
)
"""Footer phrases that may stand anywhere in a line."""
_BOILER_END = re.compile(r"contributed to this report\W*$|all rights reserved\W*$", _I)
"""Footer phrases that end a line: looked for in its last :data:`_FOOTER_TAIL` characters."""
# A "get in touch" call names a way to reach the newsroom; a police appeal does not.
_GET_IN_TOUCH = re.compile(
    r"get in touch\b.*\b(?:email|e-mail|whatsapp|sharing your|share your|upload|newsdesk)"
    r"|get in touch.*@|\b(?:email|e-mail)\b.*\bget in touch"
    r"|\b(?:share|send)(?: us)? your (?:pictures|photos|videos|stories|experiences|views)\b",
    _I,
)
_BOILER_MAX = 400


_FOOTER_TAIL = 64
"""How far from a line's end ``… contributed to this report.`` is looked for (the phrase and
the punctuation after it)."""


def _may_hold_footer(s: str) -> bool:
    """False only when no :data:`_BOILER_ANY` or :data:`_BOILER_END` phrase can be in ``s``.

    A cheap prefilter, exact in any case: a case-insensitive search over a long line costs far
    more than one lower-cased copy and a few substring tests.
    """
    if "@" in s:
        return True
    if not s.isascii() and any(letter in s for letter in IGNORECASE_FOLDS):  # the regexes decide
        return True
    low = s.lower()
    tail = low[-_FOOTER_TAIL:]
    return (
        "contributed to this report" in tail
        or "all rights reserved" in tail
        or "thomson reuters trust principles" in low
        or "notifications in our app" in low
        or "notificaciones en nuestra app" in low
        or "activate the latest version" in low
        or "this article was amended" in low
    )


def is_chrome(s: str) -> bool:
    """Tell whether a stripped line is layout residue or a UI label.

    Args:
        s: The line, stripped.

    Returns:
        True for ``-``, separators (``___``), ``Share``, ``Live``, ``Summary``, ``Breaking``,
        ``Media playback is unsupported on your device`` and similar labels.
    """
    if len(s) > 60:
        return False
    if s.lower().rstrip(":") in _CHROME_LABELS:
        return True
    return _SEPARATOR.fullmatch(s) is not None


def published(s: str) -> str | None:
    """Return the date part of a ``- Published…``/``Updated…`` line, or None if it is not one.

    Args:
        s: The line, stripped.

    Returns:
        The text after the label ("" for a bare ``- Published``), or None.
    """
    if not s or len(s) > 80:
        return None
    first = s[0]
    if first.isascii() and first not in _PUBLISHED_FIRST and not first.isspace():
        return None
    m = _PUBLISHED.fullmatch(s)
    if m is None:
        return None
    when = m.group("when").strip()
    if when and not is_date_line(when):
        return None
    return when


def chrome_date(s: str) -> str | None:
    """Return the date printed by a ``Stand: …`` line or a bare date line, else None.

    Args:
        s: The line, stripped.

    Returns:
        The date text (``14.10.2025 18:05 Uhr``), or None when the line is not a date line.
    """
    # Both forms need a digit: most short lines have none, and one search rules them out.
    if len(s) > 80 or _DIGIT.search(s) is None:
        return None
    m = _STAND.fullmatch(s)
    if m is not None and _DIGIT.search(m.group("when")):
        return m.group("when").strip()
    if not is_date_line(s):
        return None
    # "June 14, 2025 3:05 PM GMT+1 Updated 2 hours ago": the date is the part before "Updated".
    return _UPDATED.split(s, 1)[0].strip() or s


def is_date_line(s: str) -> bool:
    """Tell whether a short line holds only a date/time (``14 June 2025``, ``2 hours ago``).

    Args:
        s: The line, stripped.

    Returns:
        True when the line has a digit, ends without a full stop and all its words are
        month, weekday or time words.
    """
    if len(s) > 80 or s.endswith(".") and not s[-2:-1].isdigit():
        return False
    if _DIGIT.search(s) is None:
        return False
    words = [w.lower() for w in _ALPHA.findall(s)]
    return all(w in _DATE_WORDS for w in words)


def is_real_date(s: str) -> bool:
    """Tell whether a date text names a calendar date (not just "2 hours ago").

    Args:
        s: Date text.

    Returns:
        True when it has a month name, a numeric date or a year.
    """
    if _NUMERIC_DATE.search(s) or _YEAR.search(s):
        return True
    return any(w.lower() in _MONTH_WORDS for w in _ALPHA.findall(s))


def timestamp(s: str) -> str | None:
    """Return the time of a live-page entry line (``Posted at 16:45``, ``16:45``), else None.

    Args:
        s: The line, stripped.

    Returns:
        The time as printed, label removed, or None.
    """
    if len(s) > 40 or ":" not in s and "." not in s:  # hh:mm, or Posted at hh.mm
        return None
    m = _TIMESTAMP.fullmatch(s) or _POSTED_DOT.fullmatch(s)
    if m is None:
        return None
    label_end = m.start("time")
    return s[label_end:].strip()


def is_fullscreen(s: str) -> bool:
    """Tell whether a line is the Guardian's ``View image in fullscreen`` label.

    Args:
        s: The line, stripped.

    Returns:
        True for that label.
    """
    return len(s) < 40 and _FULLSCREEN.fullmatch(s) is not None


def is_block_label(s: str) -> bool:
    """Tell whether a line labels a block of related links or a call to action.

    Args:
        s: The line, stripped.

    Returns:
        True for ``Related topics``, ``More on this story``, ``Mehr zum Thema`` and the like.
    """
    if not s or len(s) > 60:
        return False
    first = s[0]
    if first.isascii() and first.lower() not in _BLOCK_INITIALS:
        return False
    return _BLOCK_LABEL.fullmatch(s) is not None


def is_boilerplate_line(s: str) -> bool:
    """Tell whether a whole line is a promo, call to action or wire footer.

    Args:
        s: The line, stripped.

    Returns:
        True for ``Subscribe…``, ``Haz clic aquí…``, ``Reporting by …; Editing by …``,
        ``Our Standards: …``, ``… contributed to this report.`` and similar lines.
    """
    if not s or len(s) > _BOILER_MAX:
        return False
    first = s[0]
    if first.isascii():
        start = _START_BY_INITIAL.get(first.lower())
        if start is not None and start.match(s) is not None:
            return True
    elif first in _START_FOLDED and _BOILER_START.match(s) is not None:
        return True
    if _may_hold_footer(s) and (
        _BOILER_ANY.search(s) is not None
        or _BOILER_END.search(s, max(0, len(s) - _FOOTER_TAIL)) is not None
    ):
        return True
    touchy = "ouch" in s and ("touch" in s or "Touch" in s) or " your " in s
    return touchy and _GET_IN_TOUCH.search(s) is not None or is_footer(s)


# Old BBC pages glue a label's value to the next sentence ("Getty ImagesThe…"): a lower-case
# run then a capital marks the seam. Brand names written in camel case are not seams.
_SEAM = re.compile(r"[a-zß-öø-ÿ]{2}(?=[A-ZÀ-ÖØ-Þ])")
_CAMEL_WORDS = _wordset(
    "tiktok youtube paypal whatsapp linkedin blackrock openai fedex spacex javascript "
    "playstation deepmind softbank glaxosmithkline harpercollins exxonmobil macbook iphone "
    "ipad ebay bbcnews mcdonald mcdonald's mcdonalds macdonald mackenzie mcdonnell mccarthy "
    "mclaren mcconnell mckinsey pricewaterhousecoopers smithkline airbnb doordash wikileaks "
    "wikipedia facebook's powerpoint sharepoint"
)
_WORD_EDGE = re.compile(r"[\s,;:()\[\]\"“”‘’]")


def glue_point(s: str, start: int = 0, end: int | None = None) -> int | None:
    """Find where two glued parts meet (``Jane DoeBusiness`` → the index of ``B``).

    Args:
        s: The text.
        start: First index to look at.
        end: Index past which no seam is looked for (keeps long lines cheap).

    Returns:
        The index of the capital that starts the second part, or None.
    """
    stop = len(s) if end is None else min(end, len(s))
    for m in _SEAM.finditer(s, start, stop):
        cut = m.end()
        left = cut
        while left > 0 and not _WORD_EDGE.match(s[left - 1]):
            left -= 1
        right = cut
        while right < len(s) and not _WORD_EDGE.match(s[right]):
            right += 1
        word = s[left:right].lower().rstrip(".")
        if word in _CAMEL_WORDS or s[left:cut] in ("Mac", "Mc") or cut - left < 2:
            continue
        if word.startswith(("mc", "mac")) and s[left:cut].istitle() and cut - left <= 4:
            continue
        return cut
    return None
