"""The sidebar's order: grouping and sorting modes, dates as printed made sortable, groups.

Private to :class:`tui.widgets.library_tree.LibraryTree` (which re-exports the modes and
:func:`date_key`). Pure functions of an index :class:`~tui.library.entry.Entry`: no widget,
no Textual.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tui.library.entry import Entry

__all__ = [
    "GROUPINGS",
    "SORTINGS",
    "Grouping",
    "Sorting",
    "date_key",
    "group_name",
    "sort_key",
]

Grouping = Literal["none", "folder", "outlet"]
Sorting = Literal["file", "date", "title"]
GROUPINGS: tuple[Grouping, ...] = ("none", "folder", "outlet")
"""Group-by modes in the order ``group-by`` cycles through them."""
SORTINGS: tuple[Sorting, ...] = ("file", "date", "title")
"""Sort modes in the order ``sort-by`` cycles through them (``file``: the order found)."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "januar", "january"),
            ("feb", "februar", "february"),
            ("mar", "march", "märz", "maerz"),
            ("apr", "april"),
            ("may", "mai"),
            ("jun", "june", "juni"),
            ("jul", "july", "juli"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october", "okt", "oktober"),
            ("nov", "november"),
            ("dec", "december", "dez", "dezember"),
        ),
        1,
    )
    for name in names
}
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")  # 05.03.2024 day first
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_WORDS = re.compile(r"[^\W\d_]+|\d{1,2}\b")


def date_key(date: str | None) -> tuple[int, int, int] | None:
    """A sortable (year, month, day) from a date as printed, or None when it has no year.

    Understands ISO dates, day-first numeric dates and dates with month names in English or
    German ("5 March 2024", "March 5, 2024", "5. März 2024"); a missing day or month is 0.

    Args:
        date: The date string from the article, if any.

    Returns:
        ``(year, month, day)`` or None.
    """
    if not date:
        return None
    if match := _ISO.search(date):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _NUMERIC.search(date):
        return int(match[3]), int(match[2]), int(match[1])
    year = _YEAR.search(date)
    if year is None:
        return None
    month = day = 0
    for word in _WORDS.findall(date[: year.start()] + " " + date[year.end() :]):
        if word.isdigit():
            day = day or int(word)
        else:
            month = month or _MONTHS.get(word.casefold(), 0)
    return int(year[1]), month, day if 1 <= day <= 31 else 0


def group_name(entry: Entry, grouping: Grouping) -> str:
    """The sidebar group an article goes in ("" when not grouped)."""
    if grouping == "folder":
        # A file at the top of a library folder is grouped under that folder's own name
        # ("examples", "news"), not ".", so several folders opened together read apart.
        return str(entry.folder) or os.path.basename(os.path.dirname(entry.path)) or "."
    if grouping == "outlet":
        return entry.outlet or "No outlet"
    return ""


def sort_key(sorting: Sorting, article: int, entry: Entry) -> tuple[object, ...]:
    """An article's place in the sidebar's order (its index breaks ties).

    Args:
        sorting: The order.
        article: The article's index (the order found).
        entry: Its index entry.

    Returns:
        A key that sorts as the order wants.
    """
    if sorting == "title":
        return (entry.title.casefold(), article)
    if sorting == "date":
        # Newest first; undated articles after the dated ones, by file time.
        when = date_key(entry.date)
        dated = (0, *(-part for part in when)) if when else (1, 0, 0, 0)
        return (*dated, -entry.mtime_ns, article)
    return (article,)
