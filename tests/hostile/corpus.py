"""Helpers shared by the hostile-input tests: the corpus files and what "unsafe" means."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from tui.article.model import Article

CASES = Path(__file__).resolve().parent / "cases"
"""The committed corpus (written by ``make_corpus.py``)."""

CASE_FILES = sorted(CASES.iterdir()) if CASES.is_dir() else []
"""Every case file, sorted by name."""

ESCAPE_CASES = [p for p in CASE_FILES if p.name.startswith(("esc-", "utf16-le-escape", "md-"))]
"""Cases that embed terminal escape sequences."""

UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""ESC and every other C0 control but ``\\n``, DEL, C1 controls, bidi marks/overrides/isolates,
the line and paragraph separators, and lone surrogates (a name's bytes that are not UTF-8)."""

UNSAFE_IN_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""Like :data:`UNSAFE`, and a rendered terminal line holds no ``\\n`` either."""


def strings(value: object, *, skip: frozenset[str] = frozenset({"path"})) -> Iterator[str]:
    """Every string inside a model value (dataclasses, tuples), recursively.

    Args:
        value: An :class:`Article` or any part of one.
        skip: Field names not to descend into (the file path is ours, not the article's).

    Yields:
        Each string found: titles, headings, texts, raws, credits, names, metadata.
    """
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in skip:
                yield from strings(getattr(value, f.name), skip=skip)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item, skip=skip)


def unsafe_strings(article: Article) -> list[str]:
    """The strings of ``article`` that hold a character a terminal could act on.

    Args:
        article: A parsed article.

    Returns:
        The offending strings (empty when the article is safe).
    """
    return [s for s in strings(article) if UNSAFE.search(s)]
