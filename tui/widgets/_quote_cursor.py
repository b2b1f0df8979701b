"""The reading pane's current quotation: moving between quotations, copying them as citations.

:class:`QuoteCursor` is owned by :class:`tui.widgets.reader_pane.ReaderPane` (``pane.quotes``):
the pane draws the current quotation (``ReaderPane.current_quote``), the cursor decides which
one that is and scrolls the pane to it. Where to go and what to copy is pure
(:mod:`tui.article.cite`); the screen only routes its keys and the quote navigator's choice here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.article.cite import (
    cite_paragraph,
    cite_quote,
    paragraph_at_or_after,
    quote_at_or_after,
    step_quote,
)

if TYPE_CHECKING:
    from tui.widgets._reader_layout import Position
    from tui.widgets.reader_pane import ReaderPane

__all__ = ["QuoteCursor"]


class QuoteCursor:
    """Moves a reading pane between quotations and copies them (or a paragraph) as citations."""

    def __init__(self, pane: ReaderPane) -> None:
        """Create the cursor of a pane.

        Args:
            pane: The pane it scrolls and marks.
        """
        self._pane = pane
        self._anchor: Position | None = None
        """Where the last move to a quotation left the pane (None: no move yet)."""

    @property
    def current(self) -> int:
        """The current quotation (index in ``Article.quotes``); -1 for none."""
        return self._pane.current_quote

    def reset(self) -> None:
        """Forget the last move (a new article is in the pane)."""
        self._anchor = None

    def go_to(self, index: int) -> bool:
        """Scroll the pane to quotation ``index`` and make it the current one.

        Args:
            index: Index of the quotation in the article on screen.

        Returns:
            False when there is no such quotation.
        """
        pane = self._pane
        article = pane.article
        if article is None or not 0 <= index < len(article.quotes):
            return False
        quote = article.quotes[index]
        pane.scroll_to_block(quote.section, quote.block)
        pane.current_quote = index
        self._anchor = pane.position()
        return True

    def step(self, step: int) -> None:
        """Move to the next (``step`` 1) or previous (-1) quotation; ring the bell at an end."""
        pane = self._pane
        article = pane.article
        if article is None:
            return
        top = pane.position()
        # Stepping continues from the current quote only while the reader stays where the
        # last move left them; after scrolling by hand it starts from the top of the page.
        current = pane.current_quote if top == self._anchor else -1
        target = step_quote(article, (top[0], top[1]), current, step)
        if target is None:
            pane.app.bell()
            return
        self.go_to(target)

    def scrolled(self) -> None:
        """Reading on by hand leaves the current quotation: its mark goes."""
        pane = self._pane
        if pane.current_quote >= 0 and pane.position() != self._anchor:
            pane.current_quote = -1

    def copy_quote(self) -> None:
        """Copy the current quotation (else the first at or below the top) as a citation."""
        pane = self._pane
        article = pane.article
        if article is None:
            return
        index: int | None = pane.current_quote
        if not 0 <= pane.current_quote < len(article.quotes):
            section, block, _ = pane.position()
            index = quote_at_or_after(article, section, block)
        if index is None:
            pane.notify("No quotation here to copy", severity="warning", markup=False)
            return
        pane.app.copy_to_clipboard(cite_quote(article, index))
        speaker = article.quotes[index].speaker
        message = f"Copied quote by {speaker}" if speaker else "Copied unattributed quote"
        pane.notify(message, markup=False)

    def copy_paragraph(self) -> None:
        """Copy the paragraph at the top of the page as a citation."""
        pane = self._pane
        article = pane.article
        if article is None:
            return
        section, block, _ = pane.position()
        where = paragraph_at_or_after(article, section, block)
        if where is None:
            pane.notify("No paragraph here to copy", severity="warning", markup=False)
            return
        pane.app.copy_to_clipboard(cite_paragraph(article, *where))
        pane.notify("Copied paragraph", markup=False)
