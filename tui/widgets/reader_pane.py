"""The reading pane: one article, rendered line by line with the Line API.

Only what is on screen is laid out. The article is flattened into items
(:func:`tui.reader.render.build_items`); each item's height is first estimated from its length,
made exact (cheap, plain-text wrap) when it comes into view or during idle refinement, and
wrapped with styles only when a line of it is drawn. Item heights feed a prefix table that
maps scroll lines to items, so opening a 1 MB article costs a pass over its blocks, not a
wrap of its text. Strips are cached per line and dropped on theme, width or toggle changes.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.theme import Theme
from textual.timer import Timer

from tui.article.model import Article
from tui.reader.render import Item, ItemLines, ViewOptions, build_items, column_width
from tui.widgets._quote_cursor import QuoteCursor
from tui.widgets._reader_find import find, quote_items, reveal
from tui.widgets._reader_layout import Position, PreparedItems, ReaderLayout, prepare_items
from tui.widgets._reader_lines import ReaderLines, fold_at, fold_on_screen
from tui.widgets._reader_render import final_lines, plain_box, refine, warm

_WARM_DELAY = 0.05
"""Seconds the pane must be still before the next page is drawn ahead."""


class ReaderPane(ScrollView, can_focus=True):
    """Shows one :class:`Article`, virtualised, with quote highlighting and folds."""

    DEFAULT_CSS = """
    ReaderPane {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        background: $surface;
        color: $foreground;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_lines(1)", "Down", show=False, id="scroll-down",
                tooltip="Scroll down one line"),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="scroll-up",
                tooltip="Scroll up one line"),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", show=False, id="page-down",
                tooltip="Scroll down one page"),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", show=False, id="page-up",
                tooltip="Scroll up one page"),
        Binding("g,home", "scroll_top", "Top", show=False, id="scroll-top",
                tooltip="Go to the start of the article"),
        Binding("G,end", "scroll_bottom", "Bottom", show=False, id="scroll-bottom",
                tooltip="Go to the end of the article"),
        Binding("enter", "toggle_fold", "Fold", show=False, id="toggle-fold",
                tooltip="Expand or collapse the first boilerplate fold on screen"),
    ]  # fmt: skip

    article: reactive[Article | None] = reactive(None, always_update=True, init=False)
    """The article shown (None shows nothing)."""
    highlight_quotes: reactive[bool] = reactive(True, init=False)
    """Colour quotations with the theme's ``$quote`` and ``$quote-nested``."""
    show_credits: reactive[bool] = reactive(True, init=False)
    """Show image/video credit markers."""
    show_boilerplate: reactive[bool] = reactive(False, init=False)
    """Show boilerplate and chrome lines instead of folding/hiding them."""
    show_speakers: reactive[bool] = reactive(True, init=False)
    """Show ``— Speaker`` after a paragraph that closes an attributed quotation."""
    measure: reactive[int] = reactive(80, init=False)
    """Maximum width of the text column (it is centred in the pane)."""
    current_section: reactive[int] = reactive(0, init=False)
    """Index of the section at the top of the pane."""
    current_quote: reactive[int] = reactive(-1, init=False)
    """The current quotation (index in ``Article.quotes``), underlined; -1 for none."""

    class SectionChanged(Message):
        """Posted when the section at the top of the pane changes."""

        def __init__(self, reader: ReaderPane, section: int) -> None:
            super().__init__()
            self.reader = reader
            """The pane that scrolled."""
            self.section = section
            """Index of the section now at the top."""

        def can_replace(self, message: Message) -> bool:
            """A newer section change supersedes one still queued (scrolling is high-rate)."""
            return isinstance(message, ReaderPane.SectionChanged) and message.reader is self.reader

        @property
        def control(self) -> ReaderPane:
            """The pane that posted the message."""
            return self.reader

    class QuoteChanged(Message):
        """Posted when the current quotation changes (moved to, or left by reading on)."""

        def __init__(self, reader: ReaderPane, quote: int) -> None:
            super().__init__()
            self.reader = reader
            """The pane that marks the quotation."""
            self.quote = quote
            """Index of the current quotation in ``Article.quotes``; -1 for none."""

        @property
        def control(self) -> ReaderPane:
            """The pane that posted the message."""
            return self.reader

    class FoldToggled(Message):
        """Posted when the reader opens or closes a boilerplate fold."""

        def __init__(self, reader: ReaderPane, section: int, block: int, expanded: bool) -> None:
            super().__init__()
            self.reader = reader
            """The pane holding the fold."""
            self.section = section
            """Section of the fold."""
            self.block = block
            """First block of the fold."""
            self.expanded = expanded
            """True when the fold is now open."""

        @property
        def control(self) -> ReaderPane:
            """The pane that posted the message."""
            return self.reader

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._layout = ReaderLayout()
        self._pane_width = 0
        self._expanded: frozenset[tuple[int, int]] = frozenset()
        self._drawn = ReaderLines(self._layout, self._sync_size)
        self._refine_timer: Timer | None = None
        self._warm_timer: Timer | None = None
        self._sized_at = 0.0  # when refinement last passed the new length on
        self._prepared: PreparedItems | None = None  # items built ahead for the next article
        self.quotes = QuoteCursor(self)
        """The current quotation: moves between quotations, copies them as citations."""

    # ---------------------------------------------------------------- public API

    def show_article(self, article: Article, prepared: PreparedItems | None = None) -> None:
        """Replace the article and scroll to its top.

        Args:
            article: The article to show.
            prepared: Its items built ahead by :meth:`prepare` (off the UI thread, for a
                huge article); ignored, and the items built here, when the toggles or the
                width changed since.
        """
        self._prepared = prepared
        try:
            self.article = article
        finally:
            self._prepared = None

    def prepare(self, article: Article) -> PreparedItems:
        """Build the items :meth:`show_article` needs, for the current toggles and width.

        Safe to call from a worker thread: it only reads the toggles and the pane's width,
        and :meth:`show_article` checks both again before using the result.

        Args:
            article: The article to prepare.

        Returns:
            Items and estimated heights to pass to :meth:`show_article`.
        """
        column = column_width(self.scrollable_content_region.width, self.measure)
        return prepare_items(article, self.options, column)

    def scroll_to_section(self, index: int) -> None:
        """Scroll so that section ``index`` (its heading, or first block) is at the top.

        Args:
            index: Section index.
        """
        self._goto(index, -1, None)
        if self.article is not None and 0 <= index < len(self.article.sections):
            self.current_section = index

    def scroll_to_block(self, section: int, block: int) -> None:
        """Scroll so that a block (or the next shown one, or its fold) is at the top.

        Args:
            section: Section index.
            block: Block index within the section (-1 for the heading).
        """
        self._goto(section, block, None)

    def position(self) -> Position:
        """The reading position: (section, block, line offset in the block) at the top."""
        return self._layout.position(self._top())

    def restore_position(self, pos: Position) -> None:
        """Scroll back to a position from :meth:`position` (clamped to what exists).

        Args:
            pos: (section, block, line offset).
        """
        self._goto(*pos)

    def find(self, query: str, *, backwards: bool = False) -> bool:
        """Move to the next (or previous) case-insensitive match, wrapping; highlight it.

        The search starts after the current match, or at the top of the pane.

        Args:
            query: Text to look for.
            backwards: Search towards the start.

        Returns:
            False when there is no match.
        """
        return find(self, query, backwards=backwards)

    def clear_find(self) -> None:
        """Remove the find highlight."""
        if self._drawn.match is not None:
            self._drawn.set_match(None)
            self.refresh()

    @property
    def options(self) -> ViewOptions:
        """The current display toggles."""
        return ViewOptions(
            self.highlight_quotes, self.show_credits, self.show_boilerplate, self.show_speakers
        )

    @property
    def items(self) -> tuple[Item, ...]:
        """The layout items of the current article and toggles."""
        return tuple(self._layout.items)

    # ---------------------------------------------------------------- watchers

    def watch_article(self, article: Article | None) -> None:
        self.set_reactive(ReaderPane.current_quote, -1)
        self._drawn.current_quote = -1
        self.quotes.reset()
        self._expanded = frozenset()
        self._rebuild(keep=False)
        self._jump(0)

    def watch_current_quote(self, old: int, new: int) -> None:
        items = [*self._quote_items(old), *self._quote_items(new)]
        self._drawn.set_current_quote(
            new, range(0) if not items else range(min(items), max(items) + 1)
        )
        self.refresh()
        self.post_message(self.QuoteChanged(self, new))

    def _quote_items(self, quote: int) -> range:
        """The items holding a quotation's paragraphs (empty when there is none)."""
        return quote_items(self, quote)

    def watch_highlight_quotes(self) -> None:
        self.refresh()  # the lines drawn for each state are kept apart (see _warm)

    def watch_show_credits(self) -> None:
        self._rebuild()

    def watch_show_boilerplate(self, show: bool) -> None:
        top = self._top()
        height = self.scrollable_content_region.height
        fold = fold_on_screen(self._layout, top, top + height) if show else None
        self._rebuild()
        if fold is not None:  # the fold the reader was looking at: show what it held
            self._reveal(fold.section, fold.block, fold.end_block)

    def watch_show_speakers(self) -> None:
        self._rebuild()

    def watch_measure(self) -> None:
        self._reflow()

    def watch_current_section(self, section: int) -> None:
        self.post_message(self.SectionChanged(self, section))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._update_section()
        self.quotes.scrolled()

    def on_mount(self) -> None:
        super().on_mount()  # type: ignore[no-untyped-call]
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._schedule_refine()

    def _theme_changed(self, theme: Theme) -> None:
        self._drawn.restyle()
        self.refresh()

    # ---------------------------------------------------------------- actions

    def action_scroll_lines(self, count: int) -> None:
        """Scroll by ``count`` lines."""
        self._jump(self._top() + count)

    def action_scroll_pages(self, count: int) -> None:
        """Scroll by ``count`` pages (one line of the old page stays visible)."""
        page = max(1, self.scrollable_content_region.height - 1)
        self._jump(self._top() + count * page)

    def action_scroll_top(self) -> None:
        """Go to the start of the article."""
        self._jump(0)

    def action_scroll_bottom(self) -> None:
        """Go to the end; the last page is laid out exactly first so the end is exact."""
        layout = self._layout
        layout.make_exact_before(len(layout.items), self.scrollable_content_region.height)
        self._sync_size()
        self._jump(layout.total)

    def action_toggle_fold(self) -> None:
        """Open or close the first fold line on screen."""
        top = self._top()
        fold = fold_on_screen(self._layout, top, top + self.scrollable_content_region.height)
        if fold is None:
            raise SkipAction()
        self._toggle_fold(fold)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        fold = None if offset is None else fold_at(self._layout, self._top() + offset.y)
        if fold is not None:
            event.stop()
            self._toggle_fold(fold)

    def _toggle_fold(self, item: Item) -> None:
        key = (item.section, item.block)
        is_open = key not in self._expanded
        self._expanded = self._expanded | {key} if is_open else self._expanded - {key}
        self._rebuild()
        if is_open:
            self._reveal(item.section, item.block, item.end_block)
        self.post_message(self.FoldToggled(self, item.section, item.block, is_open))

    def _reveal(self, section: int, first: int, last: int) -> None:
        """Scroll the least that brings blocks ``first``…``last`` of a section into view."""
        reveal(self, section, first, last)

    # ---------------------------------------------------------------- layout

    def _rebuild(self, keep: bool = True) -> None:
        """Rebuild the items for the current article and toggles, keeping the position."""
        pos = self.position() if keep and self._layout.items else None
        article, prepared = self.article, self._prepared
        if prepared is not None and (
            self._expanded or article is None or not prepared.fits(article, self.options)
        ):
            prepared = None
        if prepared is not None:
            items = prepared.items
        else:
            items = build_items(article, self.options, self._expanded) if article else []
        self._drawn.match = None  # the items are new: _relayout drops every cached line
        self._relayout(items, pos, prepared)

    def _reflow(self) -> None:
        """Lay out again at a new column width, keeping the top paragraph."""
        pos = self.position() if self._layout.items else None
        self._relayout(self._layout.items, pos)

    def _relayout(
        self, items: list[Item], pos: Position | None, prepared: PreparedItems | None = None
    ) -> None:
        self._pane_width = self.scrollable_content_region.width
        self._layout.reset(items, column_width(self._pane_width, self.measure), prepared)
        self._drawn.clear()
        self._sync_size()
        if pos is not None:
            self._goto(*pos)
        self._schedule_refine()
        self.refresh()

    def _schedule_refine(self) -> None:
        if self._refine_timer is None and self.is_mounted and not self._layout.refined:
            self._refine_timer = self.set_timer(0.05, self._refine)

    def _refine(self) -> None:
        """Idle work: make a slice of estimated heights exact (see :func:`refine`)."""
        self._refine_timer = None
        if not self._layout.items:
            return
        refine(self)
        if not self._layout.refined:
            self._refine_timer = self.set_timer(0.02, self._refine)
        self._schedule_warm()  # exact heights can move other items onto the next page

    def _goto(self, section: int, block: int, offset: int | None = None) -> None:
        """Scroll to a line of a block; ``offset`` None means its first text line."""
        if self._layout.items:
            y = self._layout.locate(section, block, offset)
            self._sync_size()
            self._jump(y)

    def _top(self) -> int:
        return round(self.scroll_y)

    def _sync_size(self) -> None:
        size = Size(self._pane_width, self._layout.total)
        if self.virtual_size != size:
            self.virtual_size = size

    def _jump(self, y: int) -> None:
        """Scroll to line ``y`` at once (clamped), laying out the page that lands on screen."""
        y = max(0, min(y, self._layout.total - 1))
        if self._layout.make_exact_from(self._layout.item_at(y), self._page_span(y)):
            self._sync_size()
        self.scroll_to(y=y, animate=False, force=True)
        self._update_section()

    def _page_span(self, top: int) -> int:
        """Lines to lay out exactly from the item at ``top``: the screen and one more page."""
        layout = self._layout
        if not layout.items:
            return 0
        offset = top - layout.starts[layout.item_at(top)]
        return offset + 2 * max(1, self.scrollable_content_region.height)

    def _update_section(self) -> None:
        layout = self._layout
        section = layout.keys[layout.item_at(self._top())][0] if layout.items else 0
        if section != self.current_section:
            self.current_section = section

    # ---------------------------------------------------------------- rendering

    def _item_lines(self, index: int) -> ItemLines:
        return self._drawn.item_lines(index, self.options)

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._pane_width and self._layout.items:
            if column_width(width, self.measure) != self._layout.column:
                self._reflow()
            else:  # same column, new margins: the strips notice the new width
                self._pane_width = width
                self._sync_size()
        top = self._top()
        if self._layout.make_exact_from(self._layout.item_at(top), self._page_span(top)):
            self._sync_size()
        self._schedule_warm()
        if not self._plain_box():
            return super().render_lines(crop)
        return self._final_lines(crop)

    def _plain_box(self) -> bool:
        """True when the pane's CSS draws nothing over its lines (see :func:`plain_box`)."""
        return plain_box(self)

    def _final_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop`` as the compositor wants them (see :func:`final_lines`)."""
        return final_lines(self, crop)

    def render_line(self, y: int) -> Strip:
        return self._line(self._top() + y, self.scrollable_content_region.width)

    def _line(self, line_y: int, width: int, options: ViewOptions | None = None) -> Strip:
        """Article line ``line_y`` as a strip ``width`` cells wide (cached)."""
        layout = self._layout
        base = self.visual_style
        if not layout.items or line_y >= layout.total:
            return Strip.blank(width, base.rich_style)
        index = layout.item_at(line_y)
        row = line_y - layout.starts[index]
        variables = self.app.theme_variables
        drawn_as = self.options if options is None else options
        return self._drawn.strip(index, row, width, base, drawn_as, variables)

    def _schedule_warm(self) -> None:
        """Draw the next page once the screen has been still for a moment (see _warm)."""
        if self._warm_timer is not None:
            self._warm_timer.reset()  # still moving: wait until it stops
        elif self.is_mounted:
            self._warm_timer = self.set_timer(_WARM_DELAY, self._warm)

    def _warm(self) -> None:
        """Idle work: draw ahead the pages the next key is likely to show (see :func:`warm`)."""
        self._warm_timer = None
        warm(self)
