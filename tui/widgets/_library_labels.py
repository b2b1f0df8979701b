"""The sidebar's labels: an article's row, a group's, a section's, the unread marker's style.

Private to :class:`tui.widgets.library_tree.LibraryTree` (which re-exports
:data:`BOOKMARK_MARK`). Each label is built from an index :class:`~tui.library.entry.Entry` or
plain values; text from files and the web is shown through
:func:`~tui.article.sanitize.shown_name` or as Rich ``Text`` (never markup).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.style import Style as ContentStyle

from tui.article.sanitize import shown_name
from tui.reader.textlayout import resolve_style
from tui.widgets.article_tree import words_label

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tui.library.entry import Entry

__all__ = [
    "BOOKMARK_MARK",
    "article_label",
    "group_label",
    "more_label",
    "section_label",
    "section_titles",
    "short_source",
    "unread_style",
]

BOOKMARK_MARK = "★ "
"""Drawn before a bookmarked article's title."""

_OUTLET_SHORT = {"Associated Press": "AP", "The Guardian": "Guardian", "BBC News": "BBC"}


def short_source(entry: Entry) -> str:
    """The outlet in a few cells ("AP", "Reuters"), cut to 10 cells; "" when none is named.

    Only an outlet the text names: a file name standing in for it read as one ("· zzzz-long").
    """
    source = entry.outlet or ""
    source = _OUTLET_SHORT.get(source, source)
    return source if len(source) <= 10 else source[:9] + "…"


def article_label(entry: Entry, *, unread: bool, bookmarked: bool) -> tuple[Text, int, int]:
    """An article's row: its label, the length of its dim tail, and of the outlet ending it.

    Args:
        entry: The article's index entry.
        unread: Draw the unread marker (its first cell, styled with the theme when drawn).
        bookmarked: Draw :data:`BOOKMARK_MARK` before the title.

    Returns:
        ``(label, tail length, outlet length)``.
    """
    # Compact so the title keeps most of the sidebar's width: "471w · AP".
    source = short_source(entry)
    outlet = f" · {source}" if source else ""
    meta = f"  {entry.word_count:,}w" + outlet
    # The first cell is the unread marker, styled with the theme when drawn.
    label = Text("● " if unread else "  ")
    if bookmarked:
        label.append(BOOKMARK_MARK, style="bold")
    label.append(entry.title or shown_name(Path(entry.path).name))
    label.append(meta, style="dim")
    return label, len(meta), len(outlet)


def group_label(name: str, unread: int = 0) -> Text:
    """A group's row: its name in bold, then its unread count when there is one."""
    # A folder name is hostile (ESC, tabs, bytes that are not UTF-8): shown escaped.
    label = Text(shown_name(name), style="bold")
    if unread:
        label.append(f" · {unread:,}", style="not bold")
    return label


def section_titles(entry: Entry) -> list[tuple[int, tuple[str, int]]]:
    """An article's sections as ``(number, (title, words))``, from its index entry."""
    headings = list(entry.headings)
    words = list(entry.section_words)
    # The lead has no heading: when there is one more section than headings, it is first.
    titles = ["Lead"] * (len(words) - len(headings)) + headings
    return list(enumerate(zip(titles, words, strict=False)))


def section_label(title: str, words: int) -> tuple[Text, int]:
    """A section's leaf: its label and the length of its dim tail (the word count)."""
    meta = f"  {words_label(words)}"
    label = Text(title or "Lead")
    label.append(meta, style="dim")
    return label, len(meta)


def more_label(more: int) -> Text:
    """The leaf that stands for the ``more`` sections not listed."""
    return Text(f"⋯ {more:,} more section{'s' if more > 1 else ''}", style="dim")


def unread_style(variables: Mapping[str, str]) -> Style:
    """The theme's ``$unread`` style (a style string such as "bold #9ece6a").

    Args:
        variables: The app's theme variables.

    Returns:
        The Rich style; plain when the theme's colour is unknown.
    """
    spec = resolve_style("$unread", variables)
    try:
        return ContentStyle.parse(spec).rich_style
    except Exception:  # an unknown colour in a user theme: draw it unstyled
        return Style()
