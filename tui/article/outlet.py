"""Which outlet and format family an article comes from, judged from its classified lines."""

from __future__ import annotations

import re

from tui.article.model import SourceFormat

__all__ = ["detect_outlet"]

_I = re.IGNORECASE

_OUTLETS: dict[SourceFormat, str] = {
    "bbc": "BBC",
    "guardian": "The Guardian",
    "reuters": "Reuters",
    "ap": "Associated Press",
}
# (family, kind of item, pattern matched at the start of its text): markers of each family.
_FAMILY_MARKERS: tuple[tuple[SourceFormat, str, re.Pattern[str]], ...] = (
    ("bbc", "credit-bbc", re.compile("")),
    ("bbc", "credit-bbc-old", re.compile("")),
    ("guardian", "credit-guardian", re.compile("")),
    ("guardian", "full", re.compile("")),
    ("reuters", "credit-reuters", re.compile("")),
    ("ap", "credit-ap", re.compile("")),
    ("german", "credit-german", re.compile("")),
    ("bbc", "byline", re.compile(r"-?\s*(?:author|autor|role|título del autor),", _I)),
    ("bbc", "time", re.compile(r"posted at", _I)),
    (
        "bbc",
        "label",
        re.compile(r"(?:related topics|more on this story|more from|temas relacionados)", _I),
    ),
    ("bbc", "chrome", re.compile(r"(?:media playback is unsupported|información del art)", _I)),
    ("guardian", "boiler", re.compile(r"(?:reuse this content|explore more on these)", _I)),
    ("guardian", "label", re.compile(r"explore more on these", _I)),
    ("reuters", "para", re.compile(r"[^()]{0,60}\(Reuters\) [-—–]")),
    ("reuters", "boiler", re.compile(r"(?:our standards|reporting by)", _I)),
    ("ap", "para", re.compile(r"[^()]{0,60}\(AP\) [—–-]")),
    ("ap", "byline", re.compile(r"associated press\Z", _I)),
    ("ap", "chrome", re.compile(r"_{3}")),
    ("ap", "boiler", re.compile(r".{0,300}contributed to this report")),
    ("german", "chrome", re.compile(r"stand:", _I)),
    ("german", "byline", re.compile(r"von ", _I)),
    ("german", "label", re.compile(r"mehr zum thema", _I)),
)
_TAGESSCHAU = re.compile(r"tagesschau", _I)


def _markers_by_kind() -> dict[str, list[tuple[SourceFormat, re.Pattern[str]]]]:
    by_kind: dict[str, list[tuple[SourceFormat, re.Pattern[str]]]] = {}
    for fmt, kind, pattern in _FAMILY_MARKERS:
        by_kind.setdefault(kind, []).append((fmt, pattern))
    return by_kind


_BY_KIND = _markers_by_kind()


def detect_outlet(markers: list[tuple[str, str]]) -> tuple[SourceFormat, str | None]:
    """Recognise the format family and outlet from the article's classified lines.

    Args:
        markers: ``(kind, text)`` for each classified item: kinds such as ``credit-guardian``,
            ``byline``, ``label``, ``boiler``, ``chrome``, ``time``, ``para``.

    Returns:
        The format family (``text`` when no family's markers occur) and the outlet name when
        the markers make it clear.
    """
    scores: dict[SourceFormat, int] = {}
    for kind, text in markers:
        patterns = _BY_KIND.get(kind)
        # Both paragraph markers need a "(" among the first 61 characters: most paragraphs
        # are ruled out without running a pattern.
        if patterns is None or kind == "para" and "(" not in text[:61]:
            continue
        for fmt, pattern in patterns:
            if pattern.match(text):
                scores[fmt] = scores.get(fmt, 0) + 1
    if not scores:
        return "text", None
    best = max(scores, key=lambda f: scores[f])
    if best == "german":
        named = any(k != "para" and _TAGESSCHAU.search(t) is not None for k, t in markers)
        return best, "tagesschau" if named else None
    return best, _OUTLETS.get(best)
