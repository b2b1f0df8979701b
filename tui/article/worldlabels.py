"""BBC language-service labels in scraped text: ``منبع تصویر، …``, ``Автор, …``, ``图像来源，…``.

Every BBC service prints the same hidden labels in its own language (the list is generated
from BBC's renderer into :mod:`tui.article.bbc_labels`). :func:`classify` reads one stripped
line that nothing else claimed and says what the label makes of it: an image credit or caption,
a byline line (author, role, reporting place), a published date, or chrome.

What real pages do to the labels, and what is done about it here:

- the separator is a comma, an Arabic comma ``،`` or a full-width ``，`` (often with no space
  after it); Urdu's labels carry their comma first (``،تصویر کا ذریعہ``);
- zero-width (non-)joiners come and go (Persian and Sinhala text keep them, copies lose them):
  they are ignored while matching, and kept in the text;
- the byline labels are preceded by the list's ``-`` residue, as the English ones are;
- a label the renderer prints with no separator (``Audio caption``) may have its text glued on.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from tui.article.bbc_labels import LABELS
from tui.article.byline import BYLINE_MAX, BylineMatch, title_case
from tui.article.credits import CreditMatch
from tui.article.model import MediaKind

__all__ = ["Classified", "classify"]

Classified = tuple[str, CreditMatch | None, BylineMatch | None, str | None]
"""``(kind, credit, byline, date)``: what :func:`tui.article.textlines.scan` keeps per line."""

_ZERO_WIDTH: Final = "\u200c\u200d"
_SEPARATOR = re.compile(r"\s*[,\u060c\uff0c\u3001]\s*")
_LEAD = "-–—\u060c \u00a0"
"""Stripped from a line's start: the byline list's dash residue and Urdu's leading comma."""
_HEAD = 96
"""Characters of a line a label can span (the longest label is under 40)."""
_MEDIA: dict[str, MediaKind] = {
    "image-caption": "image",
    "caption": "image",
    "video-caption": "video",
    "audio-caption": "video",  # the model knows images and played media; audio is played
}
_AND = re.compile(
    r"\s*[,\u060c\uff0c\u3001]\s*|\s+(?:and|und|y|et|e|i|и|і|та|ve|və|و|और|এবং|dan|và|og|és|și)\s+",
    re.IGNORECASE,
)


def _bucket_key(text: str) -> str:
    key = text[:2]
    if "\u200c" in key or "\u200d" in key:
        key = text[:4].replace("\u200c", "").replace("\u200d", "")[:2]
    return key.lower()


def _buckets() -> dict[str, list[tuple[str, str, bool]]]:
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for label, kind, glued in LABELS:
        out.setdefault(label[:2], []).append((label, kind, glued))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))  # the longest label first: "autor fotografije"
    return out


_BUCKETS: Final = _buckets()
"""Labels by their first two characters: a line whose start is no key needs no pattern."""
_FIRST_WORDS: Final = {
    key: tuple({label.split(" ")[0] for label, _, _ in entries})
    for key, entries in _BUCKETS.items()
}
"""Each bucket's labels' first words: a line starting with none of them needs no pattern."""


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """One anchored pattern for a bucket's labels (compiled on first use: most never are)."""
    alternatives = []
    for label, _, _ in _BUCKETS[key]:
        alternatives.append("(" + r"\s+".join(map(re.escape, label.split(" "))) + ")")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _without_zero_width(head: str) -> tuple[str, list[int]]:
    """``head`` without zero-width joiners, and where each kept character stood."""
    kept = [i for i, ch in enumerate(head) if ch not in _ZERO_WIDTH]
    return "".join(head[i] for i in kept), kept


def _names(rest: str) -> tuple[str, ...]:
    parts = [p.strip() for p in _AND.split(rest) if p and p.strip()]
    if parts and all(len(p.split()) <= 5 for p in parts):
        return tuple(title_case(p) for p in parts)
    return (rest,) if rest else ()


def classify(s: str) -> Classified | None:
    """Recognise a line opened by a BBC language-service label.

    Args:
        s: The line, stripped.

    Returns:
        ``(kind, credit, byline, date)`` as the scraped-text parser keeps them, or None when
        the line does not start with a label or the label is not used as one.
    """
    text = s.lstrip(_LEAD)
    key = _bucket_key(text)
    entries = _BUCKETS.get(key)
    if entries is None:
        return None
    head = text[:_HEAD]
    zero_width = "\u200c" in head or "\u200d" in head
    clean, kept = _without_zero_width(head) if zero_width else (head, None)
    if not clean[:48].lower().startswith(_FIRST_WORDS[key]):
        return None
    m = _pattern(key).match(clean)
    if m is None or m.lastindex is None:
        return None
    _, kind, glued = entries[m.lastindex - 1]
    end = m.end() if kept is None else kept[m.end() - 1] + 1
    after = text[end:]
    sep = _SEPARATOR.match(after)
    rest = after[sep.end() :].strip() if sep else after.strip()
    spaced = sep is None and after[:1].isspace()
    return _decide(kind, rest, separated=sep is not None, spaced=spaced, glued=glued, line=s)


def _decide(
    kind: str, rest: str, *, separated: bool, spaced: bool, glued: bool, line: str
) -> Classified | None:
    """What a label of ``kind`` followed by ``rest`` makes of its line (None: not a label)."""
    if kind == "published":
        # "Опубликовано 3 марта 2025", "प्रकाशित, 2 घंटे पहले", "Objavljeno2 dana": a date
        # has a digit (any script's) and is short.
        if not rest:
            return "published", None, None, ""
        if len(rest) <= 60 and any(ch.isdigit() for ch in rest):
            return "published", None, None, rest
        return None
    if kind in ("article-information", "author-image"):
        return ("chrome", None, None, None) if not rest else None
    # Body text may open with a label's words ("Autorka…", "Kaynak olarak…"); only a label
    # printed with no separator may have its text glued straight on.
    if rest and not separated and (not glued or spaced or rest[0].islower()):
        return None
    if kind == "image-source":
        return "credit", CreditMatch(rest or None, None, "source", "image", "bbc"), None, None
    media = _MEDIA.get(kind)
    if media is not None:
        return "credit", CreditMatch(None, rest or None, "caption", media, "bbc"), None, None
    if len(line) > BYLINE_MAX:
        return None
    if kind == "author":
        return "byline", None, BylineMatch("author", _names(rest)), None
    if kind == "role":
        return "byline", None, BylineMatch("role", role=rest or None), None
    return "byline", None, BylineMatch("other"), None  # reporting from, twitter
