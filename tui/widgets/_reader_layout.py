"""Line bookkeeping for the reading pane: item heights, a prefix table, positions (no Textual).

Each item's height starts as an estimate and becomes exact (a plain-text wrap, no styling)
when it is needed on screen or during idle refinement. The prefix table maps scroll lines to
items; it is rebuilt lazily (one ``accumulate`` over the heights) after heights change.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import field
from itertools import accumulate
from time import perf_counter

from tui.article.model import Article
from tui.article.records import record
from tui.reader.items import Item, ViewOptions, build_items
from tui.reader.render import estimate_heights, height_inputs, item_height

_COLUMNS_KEPT = 3
"""Column widths whose layouts are kept for the same items (see ReaderLayout.reset)."""

Position = tuple[int, int, int]
"""(section, block, line offset within the block)."""


@record
class PreparedItems:
    """An article's items and estimated heights, built ahead (e.g. in a worker thread).

    Building the items of a huge article takes a pass over all of its blocks (about half a
    second for 25 MB), too long for the UI thread; :func:`prepare_items` does it where the
    article was parsed and the pane adopts the result when the toggles and width still match.
    """

    article: Article
    """The article the items are for."""
    options: ViewOptions
    """The toggles they were built with."""
    column: int
    """The column width the heights are estimated for."""
    items: list[Item] = field(repr=False)
    """The items, as :func:`tui.reader.items.build_items` makes them (no fold opened)."""
    keys: list[tuple[int, int]] = field(repr=False)
    """``(section, block)`` of each item."""
    heights: list[int] = field(repr=False)
    """Estimated height of each item at :attr:`column`."""
    lengths: list[int] = field(repr=False)
    """Text length of each item (to estimate heights at another width)."""
    extras: list[int] = field(repr=False)
    """Gap and speaker lines of each item."""

    def fits(self, article: Article, options: ViewOptions) -> bool:
        """Whether these items are the ones ``article`` gets with ``options``.

        Quote highlighting does not change the items, only how they are drawn.
        """
        ours, theirs = self.options, options
        return (
            article is self.article
            and ours.show_credits == theirs.show_credits
            and ours.show_boilerplate == theirs.show_boilerplate
            and ours.show_speakers == theirs.show_speakers
        )


def prepare_items(article: Article, options: ViewOptions, column: int) -> PreparedItems:
    """Build an article's items and estimate their heights (pure: any thread may call it).

    Args:
        article: The article.
        options: The toggles to build for.
        column: The column width to estimate heights for.

    Returns:
        Items, keys and estimated heights, ready for :meth:`ReaderLayout.reset`.
    """
    items = build_items(article, options)
    keys = [(item.section, item.block) for item in items]
    lengths, extras = height_inputs(items)
    heights = estimate_heights(lengths, extras, column)
    return PreparedItems(article, options, column, items, keys, heights, lengths, extras)


class ReaderLayout:
    """Heights and line offsets of the items of one article at one column width."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        """The items laid out."""
        self.keys: list[tuple[int, int]] = []
        """``(section, block)`` of each item, sorted."""
        self.heights: list[int] = []
        """Current height of each item (estimated until made exact)."""
        self.exact = bytearray()
        """1 where the height is exact."""
        self.column = 1
        """Column width the heights are for."""
        self._starts: list[int] = [0]
        self._lengths: list[int] = []  # text length of each item
        self._extras: list[int] = []  # gap and speaker lines of each item
        self._dirty = False
        self._refine_from = 0
        # Other column widths' (heights, exact, refine position, starts) for the same items.
        self._kept: dict[int, tuple[list[int], bytearray, int, list[int] | None]] = {}

    def reset(self, items: list[Item], column: int, prepared: PreparedItems | None = None) -> None:
        """Lay out ``items`` at ``column`` with estimated heights.

        Args:
            items: The items.
            column: Column width in cells.
            prepared: Keys and estimates computed ahead for these items, used when they are
                for the same items (else they are computed here).
        """
        same = items is self.items and bool(items)  # a reflow: the items stay, the width not
        if same and column != self.column:
            # Toggling the sidebar swaps between two widths: keep this one's heights (exact
            # ones included), since re-estimating 300,000 items takes a tenth of a second.
            starts = None if self._dirty else self._starts
            self._kept[self.column] = (self.heights, self.exact, self._refine_from, starts)
            while len(self._kept) > _COLUMNS_KEPT:
                del self._kept[next(iter(self._kept))]
        elif not same:
            self._kept.clear()
        self.items = items
        self.column = column
        kept = self._kept.pop(column, None) if same else None
        if kept is not None:
            self.heights, self.exact, self._refine_from, starts = kept
            self._dirty = starts is None
            if starts is not None:
                self._starts = starts
            return
        if prepared is not None and prepared.items is items:
            self.keys = prepared.keys
            self._lengths, self._extras = prepared.lengths, prepared.extras
            # A copy: make_exact changes heights in place, the prepared list stays as built.
            # Estimated for another width (the sidebar toggled while the worker built them)
            # they are still estimates: items become exact as they are shown or refined, and
            # estimating 300,000 items again here would hold the interface for 0.1 s.
            self.heights = list(prepared.heights)
        else:
            if not same:
                self.keys = [(item.section, item.block) for item in items]
                self._lengths, self._extras = height_inputs(items)
            self.heights = estimate_heights(self._lengths, self._extras, column)
        self.exact = bytearray(len(items))
        self._dirty = True
        self._refine_from = 0

    @property
    def starts(self) -> list[int]:
        """First line of each item, plus the total line count at the end."""
        if self._dirty:
            self._starts = [0, *accumulate(self.heights)]
            self._dirty = False
        return self._starts

    @property
    def total(self) -> int:
        """Total number of lines."""
        return self.starts[-1]

    @property
    def refined(self) -> bool:
        """True when every height is exact."""
        return self._refine_from >= len(self.items)

    def item_at(self, y: int) -> int:
        """Index of the item holding line ``y`` (clamped to the items)."""
        return max(0, min(len(self.items) - 1, bisect_right(self.starts, y) - 1))

    def make_exact(self, index: int) -> bool:
        """Make one item's height exact; return True when it changed."""
        if self.exact[index]:
            return False
        self.exact[index] = 1
        height = item_height(self.items[index], self.column)
        if height == self.heights[index]:
            return False
        self.heights[index] = height
        self._dirty = True
        return True

    def make_exact_from(self, index: int, lines: int) -> bool:
        """Make items exact from ``index`` on until they cover ``lines``; True if any changed."""
        covered = 0
        changed = False
        while index < len(self.items) and covered < lines:
            changed = self.make_exact(index) or changed
            covered += self.heights[index]
            index += 1
        return changed

    def make_exact_before(self, index: int, lines: int) -> None:
        """Make items exact backwards from ``index`` (exclusive) until they cover ``lines``."""
        covered = 0
        while index > 0 and covered < lines:
            index -= 1
            self.make_exact(index)
            covered += self.heights[index]

    def refine(self, budget: float) -> None:
        """Make estimated heights exact, in order, for about ``budget`` seconds."""
        deadline = perf_counter() + budget
        index = self._refine_from
        exact = self.exact
        while index < len(self.items):
            if not exact[index]:
                self.make_exact(index)
                if perf_counter() > deadline:
                    break
            index += 1
        self._refine_from = index + 1 if index < len(self.items) else index

    def position(self, y: int) -> Position:
        """The ``(section, block, line offset)`` of line ``y``.

        The offset counts from the first item with the same key (the article header and
        the first heading share one).
        """
        if not self.items:
            return (0, -1, 0)
        index = self.item_at(y)
        first = index
        while first > 0 and self.keys[first - 1] == self.keys[index]:
            first -= 1
        section, block = self.keys[index]
        return (section, block, y - self.starts[first])

    def locate(self, section: int, block: int, offset: int | None) -> int:
        """The line for a position, making the items it lands on exact.

        Args:
            section: Section index.
            block: Block index (-1 for the heading); a hidden block resolves to the next
                shown item, a folded one to its fold.
            offset: Line offset in the block, or None for its first text line.

        Returns:
            The line number.
        """
        if not self.items:
            return 0
        index = max(0, bisect_right(self.keys, (section, block)) - 1)
        item = self.items[index]
        folded = item.kind == "fold" and item.section == section and block <= item.end_block
        if self.keys[index] != (section, block) and not folded:
            if self.keys[index] < (section, block):
                index = min(index + 1, len(self.items) - 1)
            offset = None
        while index > 0 and self.keys[index - 1] == self.keys[index]:
            index -= 1
        if offset is None:
            offset = self.items[index].gap
        span = 0
        end = index
        while end < len(self.items) and self.keys[end] == self.keys[index]:
            self.make_exact(end)
            span += self.heights[end]
            end += 1
        return self.starts[index] + max(0, min(offset, span - 1))
