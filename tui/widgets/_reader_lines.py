"""Drawing for the reading pane: wrapped items, strips and styles, cached; fold hit tests.

:class:`ReaderLines` wraps an item with styles only when one of its lines is drawn, and keeps
the wrapped items, the finished strips and the parsed theme styles until a theme, width or
toggle change drops them. The find highlight lives here because it changes how an item wraps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.segment import Segment
from textual.cache import LRUCache
from textual.strip import Strip
from textual.style import Style

from tui.reader.items import Item
from tui.reader.render import ItemLines, ViewOptions, find_next, resolve_style, wrap_item
from tui.widgets._reader_layout import ReaderLayout

__all__ = ["Match", "ReaderLines", "fold_at", "fold_on_screen"]

Match = tuple[int, int, int]
"""A find match: (item index, start, end) in the item's text."""


class ReaderLines:
    """The pane's drawn lines, made on demand and cached."""

    def __init__(self, layout: ReaderLayout, resized: Callable[[], None]) -> None:
        """Draw the items of ``layout``.

        Args:
            layout: The pane's layout (shared, not copied).
            resized: Called when wrapping made an estimated height exact, so the pane can
                update its virtual size.
        """
        self.layout = layout
        """The items and their heights."""
        self.match: Match | None = None
        """The find match to highlight, if any."""
        self.current_quote = -1
        """The current quotation (index in ``Article.quotes``) to mark; -1 for none."""
        self._resized = resized
        # One set of caches per state of quote highlighting: the toggle swaps them (and idle
        # time can draw the other state ahead), instead of wrapping the page again.
        self._lines_of: dict[bool, LRUCache[int, ItemLines]] = {
            state: LRUCache(512) for state in (True, False)
        }
        self._strips_of: dict[bool, LRUCache[tuple[int, int], Strip]] = {
            state: LRUCache(2048) for state in (True, False)
        }
        self._frame: tuple[Style, int] | None = None  # (pane style, width) of the strips
        self._styles: dict[str, Style] = {}

    def clear(self) -> None:
        """Forget every wrapped item and strip (new items, width or toggles)."""
        for lines in self._lines_of.values():
            lines.clear()
        self._clear_strips()

    def _clear_strips(self) -> None:
        for strips in self._strips_of.values():
            strips.clear()

    def restyle(self) -> None:
        """Forget parsed styles and strips (a new theme), keeping the wrapping."""
        self._styles.clear()
        self._clear_strips()

    def forget(self, index: int) -> None:
        """Forget one item's wrapping (its highlight changed) and every strip."""
        for lines in self._lines_of.values():
            lines.discard(index)
        self._clear_strips()

    def set_match(self, match: Match | None) -> None:
        """Move the find highlight, re-wrapping the items it leaves and enters.

        Args:
            match: The new match, or ``None`` for no highlight.
        """
        if self.match is not None:
            self.forget(self.match[0])
        self.match = match
        if match is not None:
            self.forget(match[0])

    def set_current_quote(self, quote: int, items: range) -> None:
        """Mark another quotation, re-wrapping the items that held the old mark.

        Args:
            quote: Index of the quotation in ``Article.quotes``; -1 for none.
            items: The item indexes holding the old or the new quotation.
        """
        self.current_quote = quote
        for index in items:
            for lines in self._lines_of.values():
                lines.discard(index)
        self._clear_strips()

    def next_match(self, query: str, top: int, *, backwards: bool = False) -> Match | None:
        """Where ``query`` occurs next (case-insensitive, wrapping around the article).

        Args:
            query: The text to find (not empty).
            top: The item at the top of the pane, where a first search starts.
            backwards: Search towards the start.

        Returns:
            The match after (or before) the current one, or ``None`` when there is none.
        """
        if self.match is not None:
            index, start, _ = self.match
        else:
            index, start = top, 0 if backwards else -1
        return find_next(self.layout.items, query, index, start, backwards=backwards)

    def item_lines(self, index: int, options: ViewOptions) -> ItemLines:
        """An item wrapped with styles at the layout's column (cached).

        Args:
            index: The item's index in the layout.
            options: The pane's display toggles.

        Returns:
            The item's lines.
        """
        cache = self._lines_of[options.highlight_quotes]
        lines = cache.get(index)
        if lines is None:
            if self.layout.make_exact(index):
                self._resized()
            match = self.match
            span = (match[1], match[2]) if match is not None and match[0] == index else None
            item = self.layout.items[index]
            lines = wrap_item(item, self.layout.column, options, span, self.current_quote)
            cache[index] = lines
        return lines

    def strip(
        self,
        index: int,
        row: int,
        width: int,
        base: Style,
        options: ViewOptions,
        variables: Mapping[str, str],
    ) -> Strip:
        """One screen line: a row of an item, centred in the pane (cached).

        Args:
            index: The item's index.
            row: The line within the item.
            width: The pane's width (a new width with the same column only moves the margin).
            base: The pane's own style (background and foreground).
            options: The pane's display toggles.
            variables: The app's theme variables, for the item's ``$name`` styles.

        Returns:
            The strip, exactly ``width`` cells wide.
        """
        if (base, width) != self._frame:
            self._clear_strips()  # new colours or margins
            self._frame = (base, width)
        strips = self._strips_of[options.highlight_quotes]
        strip = strips.get((index, row))
        if strip is None:
            lines = self.item_lines(index, options).lines
            margin = max(0, (width - self.layout.column) // 2)
            segments = [Segment(" " * margin, base.rich_style)]
            used = margin
            if row < len(lines) and lines[row]:
                line = lines[row]

                def parse(style: str | Style) -> Style:
                    return self._parse_style(style, variables)

                segments.extend(
                    Segment(text, style.rich_style)
                    for text, style in line.render(base, end="", parse_style=parse)
                )
                used += line.cell_length
            if used <= width:
                # The width is known: no second strip, no measuring of every segment.
                if used < width:
                    segments.append(Segment(" " * (width - used), base.rich_style))
                strip = Strip(segments, cell_length=width)
            else:  # a column wider than the pane: crop
                strip = Strip(segments).adjust_cell_length(width, base.rich_style)
            strips[(index, row)] = strip
        return strip

    def _parse_style(self, style: str | Style, variables: Mapping[str, str]) -> Style:
        if isinstance(style, Style):
            return style
        parsed = self._styles.get(style)
        if parsed is None:
            # Textual substitutes one level of variables; theme defaults may nest them.
            resolved = resolve_style(style, variables)
            try:
                parsed = Style.parse(resolved)
            except Exception:  # an unknown variable or colour: draw unstyled, never crash
                parsed = Style.null()
            self._styles[style] = parsed
        return parsed


def fold_on_screen(layout: ReaderLayout, top: int, bottom: int) -> Item | None:
    """The first fold whose line is between ``top`` and ``bottom`` (screen lines).

    Args:
        layout: The pane's layout.
        top: The first line on screen.
        bottom: The line after the last one on screen.

    Returns:
        The fold item, or ``None`` when no fold line is on screen.
    """
    index = layout.item_at(top)
    while index < len(layout.items) and layout.starts[index] < bottom:
        item = layout.items[index]
        if item.kind == "fold" and layout.starts[index] + item.gap >= top:
            return item
        index += 1
    return None


def fold_at(layout: ReaderLayout, y: int) -> Item | None:
    """The fold drawn on line ``y`` (not its gap above), if that line is one.

    Args:
        layout: The pane's layout.
        y: A line of the article (scroll offset plus screen row).

    Returns:
        The fold item, or ``None``.
    """
    if not layout.items or y >= layout.total:
        return None
    index = layout.item_at(y)
    item = layout.items[index]
    return item if item.kind == "fold" and y - layout.starts[index] >= item.gap else None
