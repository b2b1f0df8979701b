"""Pure text layout helpers for the reading pane: word wrap, column width, find, styles.

No Textual here: the wrap works on plain text so item heights can be computed without
building styled ``Content``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache

from rich.cells import cell_len

from tui.reader.items import Item

__all__ = [
    "column_width",
    "find_next",
    "find_pattern",
    "line_count",
    "resolve_style",
    "wrap_offsets",
]


def column_width(pane_width: int, measure: int) -> int:
    """The width of the text column in a pane ``pane_width`` cells wide.

    Args:
        pane_width: Usable width of the pane in cells.
        measure: The maximum column width.

    Returns:
        ``min(measure, pane_width - margins)``, never below 1 (margins of 2 cells a side
        when the pane is wide enough to spare them).
    """
    margins = 4 if pane_width >= 24 else 0
    return max(1, min(max(1, measure), pane_width - margins))


_CHUNK = re.compile(r"\S+\s*|\s+")

_NARROW_RANGES = (
    (0x20, 0x7E),  # printable ASCII
    (0xA0, 0xAC),  # Latin-1 (U+00AD, the soft hyphen, is zero-width)
    (0xAE, 0x2FF),  # Latin-1, Latin Extended, IPA, spacing modifiers
    (0x370, 0x482),  # Greek, Cyrillic
    (0x2000, 0x200A),  # spaces
    (0x2010, 0x2027),  # dashes, curly quotes, bullets, ellipsis
    (0x202F, 0x205F),  # narrow no-break space, primes, guillemets, more punctuation
)
"""Code point ranges whose characters are each one cell wide (a test checks them against
Rich's tables). News text is mostly these: curly quotes and dashes are not ASCII, and
measuring every word with ``cell_len`` made wrapping such a paragraph several times slower."""

_NARROW = frozenset(chr(code) for low, high in _NARROW_RANGES for code in range(low, high + 1))


def is_narrow(text: str) -> bool:
    """True when ``len`` measures ``text``: ASCII (counted a cell a character, as the wrap
    always has), or every character one cell wide."""
    return text.isascii() or _NARROW.issuperset(text)


def _chop(word: str, width: int) -> list[str]:
    """Split a word into pieces of at most ``width`` cells (a wider character stands alone)."""
    if word.isascii():
        return [word[i : i + width] for i in range(0, len(word), width)]
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for char in word:
        size = cell_len(char)
        if current and used + size > width:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += size
    if current:
        pieces.append("".join(current))
    return pieces


def wrap_offsets(text: str, width: int) -> list[int]:
    """Greedy word wrap: where to break ``text`` so that lines fit ``width`` cells.

    Words longer than the width are folded. Trailing spaces may overhang (they are trimmed
    from the drawn line). Pure and cheap, so heights can be computed without styling.

    Args:
        text: One paragraph (no newlines).
        width: Column width in cells (values below 1 count as 1).

    Returns:
        Increasing character offsets at which new lines start.
    """
    width = max(1, width)
    return _breaks(text, width, len if is_narrow(text) else cell_len)


def _breaks(text: str, width: int, measure: Callable[[str], int]) -> list[int]:
    """:func:`wrap_offsets` with the measure of ``text`` chosen (``width`` at least 1)."""
    if measure(text) <= width:
        return []
    breaks: list[int] = []
    column = 0
    for match in _CHUNK.finditer(text):
        start = match.start()
        chunk = match.group()
        word = chunk.rstrip()
        size = measure(word)
        if column + size <= width:
            column += measure(chunk)
            continue
        if column and start:
            breaks.append(start)
        if size > width:
            pieces = _chop(word, width)
            position = start
            for piece in pieces[:-1]:
                position += len(piece)
                breaks.append(position)
            column = measure(pieces[-1]) + (len(chunk) - len(word))
        else:
            column = measure(chunk)
    return breaks


def line_count(text: str, width: int) -> int:
    """How many lines :func:`wrap_offsets` wraps ``text`` into: ``len(breaks) + 1``.

    Item heights need only this count, for every paragraph of an article; for text that
    ``len`` measures, one regular expression finds the lines without a Python step per word.

    Args:
        text: One paragraph (no newlines).
        width: Column width in cells (values below 1 count as 1).

    Returns:
        The number of lines, at least 1.
    """
    width = max(1, width)
    if not is_narrow(text):
        return len(_breaks(text, width, cell_len)) + 1
    if len(text) <= width:
        return 1
    if text[0].isspace():  # a leading run of spaces is a chunk of its own: the plain wrap
        return len(_breaks(text, width, len)) + 1
    return len(_line_pattern(width).findall(text))


@lru_cache(maxsize=16)
def _line_pattern(width: int) -> re.Pattern[str]:
    """One wrapped line: the longest run of whole words that fits (its trailing spaces
    overhang), or ``width`` characters of a word too long for any line."""
    return re.compile(rf"\S.{{0,{width - 1}}}(?!\S)\s*|\S{{{width}}}", re.DOTALL)


def resolve_style(style: str, variables: Mapping[str, str], depth: int = 8) -> str:
    """Expand ``$name`` references in a style string, recursively.

    Textual's style parser substitutes one level of variables only, so a theme variable
    defined as another variable (``quote: "$warning"``) must be expanded first.

    Args:
        style: A style string such as ``"bold $quote"``.
        variables: Theme variables (``App.theme_variables``).
        depth: Maximum nesting to expand.

    Returns:
        The style with every known variable replaced by its value.
    """

    def replace(match: re.Match[str]) -> str:
        return variables.get(match.group(1), match.group(0))

    for _ in range(depth):
        if "$" not in style:
            break
        expanded = _VARIABLE.sub(replace, style)
        if expanded == style:
            break
        style = expanded
    return style


_VARIABLE = re.compile(r"\$([A-Za-z0-9_-]+)")


def find_next(
    items: Sequence[Item],
    query: str,
    index: int,
    start: int,
    *,
    backwards: bool = False,
) -> tuple[int, int, int] | None:
    """Find the next match of ``query`` after (or before) a point, wrapping.

    Matching ignores case, accents and the apostrophe's style (:func:`find_pattern`), as
    library search does. Fold lines are not searched (their text is not the article's).

    Args:
        items: The layout items.
        query: The text to find.
        index: Item to start from.
        start: Offset in that item: forward finds matches starting after it, backwards
            matches starting before it.
        backwards: Search towards the start.

    Returns:
        ``(item index, start, end)`` of the match, or None when there is none.
    """
    if not query or not items:
        return None
    pattern = find_pattern(query)
    count = len(items)
    index = max(0, min(index, count - 1))
    for step in range(count + 1):
        i = (index - step) % count if backwards else (index + step) % count
        item = items[i]
        if item.kind == "fold":
            continue
        text = item.text
        if backwards:
            limit = start if step == 0 else len(text) + 1
            if step == count:  # wrapped round to the first item: what lies after the point
                limit = len(text) + 1
            last: re.Match[str] | None = None
            for found in pattern.finditer(text):
                if found.start() >= limit:
                    break
                last = found
            if last is not None:
                return (i, last.start(), last.end())
        else:
            begin = start + 1 if step == 0 else 0
            match = pattern.search(text, max(0, begin))
            if match is not None:
                return (i, match.start(), match.end())
    return None


_APOSTROPHES = "'\u2018\u2019\u02bc\u02b9\u2032`\u00b4"
"""Characters news text uses for an apostrophe (straight, curly, modifier letter, prime…)."""

_COMBINING = "[\u0300-\u036f]*"
"""Accents written as combining marks after their letter (decomposed text)."""


def _base(char: str) -> str:
    """The letter an accented character is written on ("é" → "e"), else the character."""
    return unicodedata.normalize("NFD", char)[0]


@cache
def _accented() -> dict[str, str]:
    """Each ASCII letter → the Latin letters that are it with accents (lower case)."""
    found: dict[str, list[str]] = {}
    for low, high in ((0xC0, 0x24F), (0x1E00, 0x1EFF)):  # Latin-1, Extended-A/B, Additional
        for code in range(low, high + 1):
            char = chr(code).lower()
            base = _base(char)
            if base != char and base.isascii() and base.isalpha() and len(char) == 1:
                found.setdefault(base, []).append(char)
    return {base: "".join(sorted(set(chars))) for base, chars in found.items()}


@lru_cache(maxsize=32)
def find_pattern(query: str) -> re.Pattern[str]:
    """The pattern find looks for: ``query`` as text, folded the way library search folds.

    Case and accents are ignored both ways ("cafe" finds "Café", "café" finds "cafe"), and
    any apostrophe matches any other ("can't" finds "can’t"). The pattern runs on the
    article's own text, so match offsets are offsets in what the pane shows.

    Args:
        query: What the reader typed (never a regular expression).

    Returns:
        A compiled, case-insensitive pattern.
    """
    accented = _accented()
    parts: list[str] = []
    for char in query:
        if char in _APOSTROPHES:
            parts.append("[" + re.escape(_APOSTROPHES) + "]")
            continue
        base = _base(char.lower())
        variants = accented.get(base) if base.isascii() and base.isalpha() else None
        if variants is None:
            parts.append(re.escape(char))
        else:
            parts.append(f"[{base}{variants}]{_COMBINING}")
    return re.compile("".join(parts), re.IGNORECASE)
