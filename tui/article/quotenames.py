"""Quote marks around a name, not around anyone's words (FORMAT.md, "Quotations").

News text puts quote marks around titles of works, schemes, products, programmes and
nicknames: the so-called "one-euro jobs", a report called 'Improving Opportunity', what the
firm calls "Office in a Pocket", Microsoft's "Plays for Sure" program. Nobody's words are
reproduced there, so such spans are not quotations: they stay ordinary text (marks and all)
and get no highlight, no speaker and no navigator entry.

Two signs, each read from a few characters around the span:

- the words just before it name a thing (``so-called``, ``is called``, ``dubbed``, ``known
  as``, ``nicknamed``, ``entitled``; and in Spanish and German their equivalents), but not
  ``which he called "reckless"``, which gives his words;
- the span is a short phrase in title case (``Office in a Pocket``), mid-sentence, with no
  sentence punctuation of its own and no colon or reporting verb before it.
"""

from __future__ import annotations

import re

__all__ = ["names_a_thing"]

_NAMING = re.compile(
    r"(?:\b(?:so-called|so called|titled|entitled|known as|"
    # "is called", "a format called" name a thing; "which he called" gives his words.
    r"(?<!\bhe )(?<!\bshe )(?<!\bit )(?<!\bwe )(?<!\bthey )(?<!\bI )(?<!\bwho )called|"
    r"(?:dubbed|dubbing|nicknamed)(?: [\w’'.-]+){0,2}|"
    r"llamad[oa]s?|denominad[oa]s?|apodad[oa]|sogenannte[nrs]?|genannte[nrs]?)"
    r"|\bthe (?:book|film|movie|song|album|novel|series|show|play|documentary|podcast|poem|"
    r"programme|program|slogan|hashtag))\s*[,:]?\s*\Z",
    re.IGNORECASE,
)
# Small words a title-case name keeps in lower case ("Office in a Pocket").
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "de",
        "del",
        "for",
        "from",
        "in",
        "into",
        "la",
        "le",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "with",
        "y",
    ]
)
_REPORTING = re.compile(r"\b(?:says?|said|told|tells|adds?|added|writes?|wrote|reads?)\s*\Z")
_MAX_WORDS = 8


def _nickname_sides(before: str, after: str) -> bool:
    """A capitalised word hugging each side of the marks ("Piet " … " Varga")."""
    left = before.rstrip(" ").rsplit(" ", 1)[-1]
    right = after.lstrip(" ").split(" ", 1)[0]
    return (
        before.endswith(" ")
        and after.startswith(" ")
        and left[:1].isupper()
        and left.isalpha()
        and right[:1].isupper()
        and right.rstrip(".,;:!?").isalpha()
    )


def _title_case(words: list[str]) -> bool:
    capitals = 0
    for word in words:
        head = word.lstrip("(&-")[:1]
        if head.isupper() or head.isdigit():
            capitals += head.isupper()
        elif word.lower() not in _SMALL:
            return False
    return capitals >= 2 and words[0][:1].isupper()


def names_a_thing(before: str, quoted: str, after: str = "") -> bool:
    """Whether a closed quotation is a name (of a work, scheme, product or person), not words.

    Args:
        before: The paragraph's text before the opening mark (only its end is read).
        quoted: The words between the marks.
        after: The paragraph's text after the closing mark (only its start is read).

    Returns:
        True when the marks only set off a name.
    """
    if quoted.count(" ") >= _MAX_WORDS:
        return False  # most quotations: longer than any name
    words = quoted.split()
    if not words or len(words) > _MAX_WORDS or any(c in quoted for c in '"“”«»„'):
        return False
    tail = before[-40:]
    if _NAMING.search(tail):
        return True
    if len(words) <= 3 and all(w[:1].isupper() for w in words) and _nickname_sides(tail, after):
        return True  # Piet "Rocket" Varga: a nickname inside a name
    if quoted.rstrip()[-1:] in ".!?,;:…" or not _title_case(words):
        return False
    lead = tail.rstrip()
    # A name sits mid-sentence; after a colon, a sentence end or a reporting verb the
    # capitals are those of quoted words ("the e-mail reads: "Happy Holidays"").
    return bool(lead) and lead[-1] not in '.!?:…"”' and not _REPORTING.search(lead)
