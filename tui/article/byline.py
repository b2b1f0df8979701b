"""Byline detection: BBC label pairs, ``By X and Y, Role``, glued ``By NameRole``, ``Von X, SWR``.

:func:`match_byline` reads one stripped line. A line may name authors (``author``), give the
role of the authors named just before it (``role``), or add something else such as the
reporting place (``other``). The parser hands a role to every author still waiting for one, so
a role written once for several names belongs to each.
"""

from __future__ import annotations

import re
from typing import Literal

from tui.article.boilerplate import glue_point
from tui.article.records import record

__all__ = [
    "BYLINE_MAX",
    "BylineMatch",
    "bare_byline",
    "is_desk_line",
    "match_byline",
    "title_case",
]

BylineKind = Literal["author", "role", "other"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_I = re.IGNORECASE
_LABEL = re.compile(
    r"-?\s*(?P<label>author title|author|autora|autor|role|título del autor|cargo"
    r"|reporting from|informando desde|reportando desde)\s*,\s*(?P<rest>.*)",
    _I,
)
_LABEL_FIRST = frozenset("-aArRtTcCiI")
_ROLE_LABELS = frozenset({"author title", "role", "título del autor", "cargo"})
_AUTHOR_LABELS = frozenset({"author", "autor", "autora"})
_BY = re.compile(r"(?:By|BY|Von|VON|Por|POR|Par|PAR)\s+(?P<rest>\S.*)")
_AND = re.compile(r"\s+(?:and|AND|und|UND|y|Y|et|ET|&)\s+")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w\- ]*\Z")
_PARTICLES = _wordset(
    "de da del della der den di do dos das du la le van von ten ter bin bint al el y e"
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
_ROLE_WORDS = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|journalist|analyst|columnist|producer"
    r"|presenter|contributor|news|press|bbc|reuters|associated|service|desk|staff|mundo"
    r"|world|agency|redaktion|korrespondent|korrespondentin|reportera?|corresponsal"
    r"|periodista|redactora?|tagesschau|online)\b",
    _I,
)
_DESKS = frozenset(
    {"associated press", "ap", "reuters", "bbc news", "bbc", "afp", "dpa", "the guardian"}
)
BYLINE_MAX = 160
"""The longest line :func:`match_byline` reads as a byline."""


@record
class BylineMatch:
    """What a byline line says."""

    kind: BylineKind
    """``author`` names people, ``role`` only gives a role, ``other`` adds a place or desk."""
    names: tuple[str, ...] = ()
    """Author names, capitals normalised."""
    role: str | None = None
    """The role printed on this line, if any."""
    glued: bool = False
    """True for an old-style line with the role glued to the name (``By Jane DoeReporter``)."""


def title_case(name: str) -> str:
    """Turn an all-capitals name into title case (``JEAN-PAUL O'NEILL`` → ``Jean-Paul O'Neill``).

    Args:
        name: A name.

    Returns:
        The name in title case when it was all capitals, else unchanged.
    """
    if not name.isupper():
        return name

    def fix(word: str) -> str:
        out = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word.lower())
        if out.startswith("Mc") and len(out) > 2:
            out = "Mc" + out[2].upper() + out[3:]
        return out

    return " ".join(fix(w) for w in name.split())


def _is_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5 or len(words) == 1 and part.isupper():
        return False
    capitalised = 0
    for word in words:
        if word.lower() in _PARTICLES and capitalised:
            continue
        if _NAME_WORD.fullmatch(word) is None or not word[0].isupper():
            return False
        capitalised += 1
    return capitalised > 0 and not _ROLE_WORDS.search(part)


def _is_role(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 8 or part[-1] in ".!?:;":
        return False
    if _ROLE_WORDS.search(part):
        return True
    if len(words) == 1 and part.isupper() and 2 <= len(part) <= 6:
        return True
    return any(w[0].islower() and w.lower() not in _PARTICLES for w in words)


def _split_names(text: str) -> list[str] | None:
    parts = [p.strip() for chunk in text.split(",") for p in _AND.split(chunk)]
    parts = [p for p in parts if p]
    if not parts or not all(_is_name(p) for p in parts):
        return None
    return [title_case(p) for p in parts]


def _by_line(rest: str) -> BylineMatch | None:
    rest = rest.strip()
    if not rest or rest[-1] in ".!?:;," or len(rest) > BYLINE_MAX:
        return None
    cut = glue_point(rest)
    if cut is not None:
        names = _split_names(rest[:cut])
        role = rest[cut:].strip()
        if names and role:
            return BylineMatch("author", tuple(names), role, glued=True)
        return None
    rest = _IN_PLACE.sub("", rest)
    names = _split_names(rest)
    if names:
        return BylineMatch("author", tuple(names))
    head, sep, tail = rest.rpartition(",")
    if sep and _is_role(tail.strip()):
        names = _split_names(head)
        if names:
            return BylineMatch("author", tuple(names), tail.strip())
    return None


def match_byline(s: str) -> BylineMatch | None:
    """Recognise a byline line.

    Args:
        s: The line, stripped.

    Returns:
        What the line says, or None when it is not a byline line.
    """
    if not s or len(s) > BYLINE_MAX:
        return None
    first = s[0]
    # A label line opens with "-", a space or a label's first letter (any case; IGNORECASE
    # folds some non-ASCII letters onto ASCII ones, so those lines meet the pattern too).
    labelled = first in _LABEL_FIRST or not first.isascii() or first.isspace()
    m = _LABEL.fullmatch(s) if labelled else None
    if m is not None:
        label = m.group("label").lower()
        rest = m.group("rest").strip()
        if label in _AUTHOR_LABELS:
            names = _split_names(rest) if rest else None
            return BylineMatch("author", tuple(names) if names else ((rest,) if rest else ()))
        if label in _ROLE_LABELS:
            return BylineMatch("role", role=rest or None)
        return BylineMatch("other", role=None)
    m = _BY.fullmatch(s)
    if m is not None:
        return _by_line(m.group("rest"))
    return None


def is_desk_line(s: str) -> bool:
    """Tell whether a short line right after a ``By …`` line gives a desk or role.

    Args:
        s: The line, stripped.

    Returns:
        True for ``Associated Press``, ``Business reporter``, ``BBC News`` and the like.
    """
    if len(s) > 60:
        return False
    return s.lower() in _DESKS or (_is_role(s) and bool(_ROLE_WORDS.search(s)))


def bare_byline(s: str) -> BylineMatch | None:
    """Recognise a line that is only names (``Hannah Pike and Tom Lyle``), as the Guardian prints.

    The caller decides where such a line may stand (between the headline and a date line).

    Args:
        s: The line, stripped.

    Returns:
        The names, or None when the line is not made of two-to-four-word names only.
    """
    if len(s) > 100 or _ends_closed(s):
        return None
    names = _split_names(s)
    if not names or any(not 2 <= len(n.split()) <= 4 for n in names):
        return None
    return BylineMatch("author", tuple(names))


def _ends_closed(s: str) -> bool:
    return s[-1] in ".!?:;,"
