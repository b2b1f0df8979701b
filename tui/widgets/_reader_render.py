"""The reading pane's drawing and idle work: lines for the compositor, heights, the next page.

Private to :class:`tui.widgets.reader_pane.ReaderPane`, which keeps a thin method for each
(``_plain_box``, ``_final_lines``, ``_refine``, ``_warm``) and whose internals these use: its
layout (heights, ``tui/widgets/_reader_layout.py``) and its drawn lines
(``tui/widgets/_reader_lines.py``). What the idle work does is here; when it runs (the timers)
is the pane's.
"""

from __future__ import annotations

import dataclasses
from time import perf_counter
from typing import TYPE_CHECKING

from textual.style import Style

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.strip import Strip

    from tui.widgets.reader_pane import ReaderPane

__all__ = ["final_lines", "keep_anchor", "plain_box", "refine", "top_anchor", "warm"]

REFINE_SLICE = 0.004
"""Seconds of idle refinement per timer tick (short, so keys stay responsive)."""

RESIZE_EVERY = 0.25
"""Seconds between the virtual-size updates idle refinement makes (and one at its end)."""


def plain_box(pane: ReaderPane) -> bool:
    """True when the pane's CSS draws nothing around or over its lines.

    Then :func:`final_lines` gives the same strips as Textual's styles cache: the cache
    would only pad each line to the region and pass it through the app's line filters.
    """
    styles = pane.styles
    return (
        not any(styles.gutter)  # padding and border
        and not any(edge[0] not in ("", "none") for edge in styles.outline)
        and not styles.tint.a
        and pane.opacity == 1.0
        and styles.text_opacity == 1.0
        and (not styles.has_rule("hatch") or styles.hatch == "none")
        and pane.border_title is None
        and pane.border_subtitle is None
    )


def final_lines(pane: ReaderPane, crop: Region) -> list[Strip]:
    """The lines in ``crop`` as the compositor wants them, from the strips' own caches.

    Textual's styles cache makes a new strip for every line after each scroll, so the
    line filters (truecolour conversion) ran on all of them for every page; here the
    padded, filtered strip is cached on the drawn strip and a page seen before costs
    lookups only.
    """
    base_background, background = pane.background_colors
    pad = Style(background=base_background + background).rich_style  # as the cache pads
    filters = pane.get_line_filters()
    width = pane.size.width
    top = pane._top()
    line_width = pane.scrollable_content_region.width
    strips: list[Strip] = []
    for y in crop.line_range:
        strip = pane._line(top + y, line_width).adjust_cell_length(width, pad)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        strips.append(strip)
    if crop.column_span != (0, width):
        x1, x2 = crop.column_span
        strips = [strip.crop(x1, x2) for strip in strips]
    return strips


def refine(pane: ReaderPane) -> None:
    """Make a slice of estimated heights exact, keeping the top line still.

    Called with an article in the pane; the pane schedules the next slice while its layout
    is not refined.
    """
    layout = pane._layout
    anchor = top_anchor(pane)
    layout.refine(REFINE_SLICE)
    now = perf_counter()
    # The new length only moves the scrollbar's thumb a little: telling Textual every tick
    # would repaint the scrollbar 50 times a second (keys move the pane with its own sync).
    if layout.refined or now - pane._sized_at >= RESIZE_EVERY:
        pane._sized_at = now
        pane._sync_size()
    if keep_anchor(pane, anchor):
        pane._sized_at = now


def top_anchor(pane: ReaderPane) -> tuple[int, int]:
    """The item holding the top line and the line's offset in it (see :func:`keep_anchor`)."""
    layout = pane._layout
    top = pane._top()
    index = layout.item_at(top)
    return index, top - layout.starts[index]


def keep_anchor(pane: ReaderPane, anchor: tuple[int, int]) -> bool:
    """Put the anchored line back on top after heights above it changed.

    Returns:
        True when it had moved (the virtual size is updated first, so the line is in range).
    """
    index, offset = anchor
    y = pane._layout.starts[index] + offset
    if y == pane._top():
        return False
    pane._sync_size()
    pane.scroll_to(y=y, animate=False, force=True)
    return True


def warm(pane: ReaderPane) -> None:
    """Draw the page below the one on screen, this page with quote highlighting switched,
    and the last page.

    Paging down, the quotes toggle and the jump to the end are the keys pressed most;
    with their lines drawn, the key costs only the composing of the screen. Lines drawn
    before are cached, so a second call costs lookups only.
    """
    layout = pane._layout
    if not layout.items:
        return
    width = pane.scrollable_content_region.width
    height = max(1, pane.scrollable_content_region.height)
    if width != pane._pane_width:
        return  # a reflow is due; the next frame lays out again
    start = pane._top() + height - 1  # page down keeps one line of the old page
    for line_y in range(start, min(start + height, layout.total)):
        pane._line(line_y, width)
    # And this page with quote highlighting switched, the other one-key change.
    flipped = dataclasses.replace(pane.options, highlight_quotes=not pane.highlight_quotes)
    top = pane._top()
    for line_y in range(top, min(top + height, layout.total)):
        pane._line(line_y, width, flipped)
    # The last page, laid out as the end key lays it out (the line on top stays put).
    anchor = top_anchor(pane)
    layout.make_exact_before(len(layout.items), height)
    pane._sync_size()
    keep_anchor(pane, anchor)
    for line_y in range(max(0, layout.total - height), layout.total):
        pane._line(line_y, width)
