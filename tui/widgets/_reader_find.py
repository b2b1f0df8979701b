"""Finding places in the reading pane: a find match, an opened fold, a quotation's items.

Private to :class:`tui.widgets.reader_pane.ReaderPane`, which keeps the public methods
(``find``) and thin private ones (``_reveal``, ``_quote_items``) and whose internals these
use: its layout (``tui/widgets/_reader_layout.py``), its drawn lines with the find highlight
(``tui/widgets/_reader_lines.py``) and its scrolling (``_top``, ``_jump``, ``_sync_size``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.widgets.reader_pane import ReaderPane

__all__ = ["find", "quote_items", "reveal"]


def find(pane: ReaderPane, query: str, *, backwards: bool) -> bool:
    """Move to the next (or previous) match of ``query`` and highlight it (see ``pane.find``).

    Returns:
        False when there is no match (the highlight is cleared).
    """
    layout = pane._layout
    if not query or not layout.items:
        pane.clear_find()
        return False
    found = pane._drawn.next_match(query, layout.item_at(pane._top()), backwards=backwards)
    if found is None:
        pane.clear_find()
        return False
    pane._drawn.set_match(found)
    line = pane._item_lines(found[0]).line_of(found[1])
    height = max(1, pane.scrollable_content_region.height)
    y = layout.starts[found[0]] + line
    if not pane._top() <= y < pane._top() + height:
        # Keep a third of a page of context above the match.
        layout.make_exact_before(found[0], height // 3)
        pane._sync_size()
        pane._jump(layout.starts[found[0]] + line - height // 3)
    pane.refresh()
    return True


def reveal(pane: ReaderPane, section: int, first: int, last: int) -> None:
    """Scroll the least that brings blocks ``first``…``last`` of a section into view.

    An opened fold near the bottom of the screen (the end of an article, where scrolling
    cannot go further) kept its text below the screen: scroll down until the last of it
    shows, never so far that its first line leaves the top.
    """
    layout = pane._layout
    begin = bisect_left(layout.keys, (section, first))
    end = bisect_right(layout.keys, (section, last))
    if begin >= end:
        return
    for index in range(begin, end):
        layout.make_exact(index)
    pane._sync_size()
    height = max(1, pane.scrollable_content_region.height)
    start = layout.starts[begin] + layout.items[begin].gap
    bottom = layout.starts[end - 1] + layout.heights[end - 1]
    top = pane._top()
    if bottom > top + height:
        pane._jump(max(top, min(start, bottom - height)))


def quote_items(pane: ReaderPane, quote: int) -> range:
    """The items holding a quotation's paragraphs (empty when there is none)."""
    article, layout = pane.article, pane._layout
    if article is None or not 0 <= quote < len(article.quotes) or not layout.items:
        return range(0)
    first = article.quotes[quote]
    start = bisect_left(layout.keys, (first.section, first.block))
    end = start
    while end < len(layout.items):
        paragraph = layout.items[end].paragraph
        if paragraph is None or all(span.quote_index != quote for span in paragraph.quotes):
            break
        end += 1
    return range(start, max(end, start + 1))
