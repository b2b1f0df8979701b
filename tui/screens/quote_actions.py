"""The main screen's quote keys: move between quotations, show the navigator, copy citations.

A mixin so the main screen module stays small; the state it reads and writes (``quote_index``,
``show_quote_list``, ``show_sidebar``) is declared as ``var`` on :class:`MainScreen`. The
logic of where to go and what to copy is pure (:mod:`tui.article.cite`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

from tui.article.cite import (
    cite_paragraph,
    cite_quote,
    paragraph_at_or_after,
    quote_at_or_after,
    step_quote,
)

if TYPE_CHECKING:
    from textual.app import App

    from tui.widgets.quote_navigator import QuoteNavigator
    from tui.widgets.reader_pane import ReaderPane

__all__ = ["QuoteActions", "QuoteScreen", "go_to_quote"]

Position = tuple[int, int, int]
"""(section, block, line offset), as the reading pane reports it."""


class QuoteScreen(Protocol):
    """What the quote actions need from the screen (MainScreen provides it)."""

    quote_index: int
    show_quote_list: bool
    show_sidebar: bool
    show_speakers: bool
    _quote_anchor: Position | None

    @property
    def app(self) -> App[None]: ...
    @property
    def reader(self) -> ReaderPane: ...
    @property
    def quote_list(self) -> QuoteNavigator: ...
    def notify(
        self, message: str, *, severity: Literal["information", "warning", "error"] = ...,
        markup: bool = ...
    ) -> None: ...  # fmt: skip


def go_to_quote(screen: QuoteScreen, index: int) -> None:
    """Scroll the pane to quotation ``index`` and make it the current one.

    Args:
        screen: The main screen.
        index: Index of the quotation in the article on screen.
    """
    article = screen.reader.article
    if article is None or not 0 <= index < len(article.quotes):
        return
    quote = article.quotes[index]
    screen.reader.scroll_to_block(quote.section, quote.block)
    screen.quote_index = index
    screen._quote_anchor = screen.reader.position()


def _step_quote(screen: QuoteScreen, step: int) -> None:
    article = screen.reader.article
    if article is None:
        return
    top = screen.reader.position()
    # Stepping continues from the current quote only while the reader stays where the
    # last move left them; after scrolling by hand it starts from the top of the page.
    current = screen.quote_index if top == screen._quote_anchor else -1
    target = step_quote(article, (top[0], top[1]), current, step)
    if target is None:
        screen.app.bell()
        return
    go_to_quote(screen, target)


class QuoteActions:
    """Actions for the quote bindings of :class:`tui.screens.main.MainScreen`."""

    def action_next_quote(self: QuoteScreen) -> None:
        """Move to the next quotation."""
        _step_quote(self, 1)

    def action_previous_quote(self: QuoteScreen) -> None:
        """Move to the previous quotation."""
        _step_quote(self, -1)

    def action_toggle_speakers(self: QuoteScreen) -> None:
        """Show or hide the "— Speaker" line after attributed quotations."""
        self.show_speakers = not self.show_speakers

    def action_show_quotes(self: QuoteScreen) -> None:
        """Show the quote navigator in the sidebar (focused), or go back to the articles."""
        showing = self.show_quote_list and self.show_sidebar
        self.show_sidebar = True
        self.show_quote_list = not showing
        if self.show_quote_list:
            self.quote_list.focus()

    def action_copy_quote(self: QuoteScreen) -> None:
        """Copy the current quotation (else the first at or below the top) as a citation."""
        article = self.reader.article
        if article is None:
            return
        index: int | None = self.quote_index
        if not 0 <= self.quote_index < len(article.quotes):
            section, block, _ = self.reader.position()
            index = quote_at_or_after(article, section, block)
        if index is None:
            self.notify("No quotation here to copy", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(cite_quote(article, index))
        speaker = article.quotes[index].speaker
        message = f"Copied quote by {speaker}" if speaker else "Copied unattributed quote"
        self.notify(message, markup=False)

    def action_copy_paragraph(self: QuoteScreen) -> None:
        """Copy the paragraph at the top of the page as a citation."""
        article = self.reader.article
        if article is None:
            return
        section, block, _ = self.reader.position()
        where = paragraph_at_or_after(article, section, block)
        if where is None:
            self.notify("No paragraph here to copy", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(cite_paragraph(article, *where))
        self.notify("Copied paragraph", markup=False)
