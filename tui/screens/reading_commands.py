"""The main screen's reading keys: sections, articles, find, the sidebar and the quote list.

:class:`ReadingCommands` is composed into the main screen (``screen.reading``); the screen's
``action_…`` methods (its bindings) and its find bar's handler call it. The state it changes
(``article_index``, ``section_index``, ``find_query``, ``show_sidebar``…) stays in the
screen's ``var`` attributes, so the screen's watchers do the rest; the widgets it drives are
the screen's (``screen.reader``, ``screen.sidebar``, ``screen.panels``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

__all__ = ["ReadingCommands"]


class ReadingCommands:
    """What the main screen's keys for moving, finding and the sidebar do."""

    def __init__(self, screen: MainScreen) -> None:
        """Create the commands of a screen.

        Args:
            screen: The screen whose state and widgets they use.
        """
        self._screen = screen
        self._article_steps = 0  # next/previous article pressed before the files were known

    # ----------------------------------------------------------------------- moving

    def go_to_section(self, step: int) -> None:
        """Scroll ``step`` sections on from the one at the top (a bell past either end)."""
        screen = self._screen
        article = screen.current_article
        if article is None:
            return
        target = screen.reader.current_section + step
        if not 0 <= target < len(article.sections):
            screen.app.bell()
            return
        screen.reader.scroll_to_section(target)
        screen.section_index = target

    def go_to_article(self, step: int) -> None:
        """Open the article ``step`` places on in the sidebar (a bell past either end).

        Before the library's files are known the steps are kept for :meth:`catch_up`.
        """
        screen = self._screen
        if not screen.files:  # the library is still being found: move once it is
            self._article_steps += step
            return
        if screen.sidebar.entry(screen.article_index) is None:
            # Not listed yet (its index entry is on the way): go by the order files were found.
            near = screen.article_index + step
            target: int | None = near if 0 <= near < len(screen.files) else None
        else:
            target = screen.sidebar.neighbour(screen.article_index, step)
        if target is None:
            screen.app.bell()
            return
        screen.article_index = target

    def catch_up(self) -> None:
        """Make the article moves asked for before the library's files were known."""
        steps, self._article_steps = self._article_steps, 0
        if steps:
            self.go_to_article(steps)

    # ----------------------------------------------------------------------- find

    def search(self, query: str) -> None:
        """Take a query from the find bar: close it and go to the first match ("" clears)."""
        screen = self._screen
        screen.find_query = query
        screen.panels.close_find_bar()
        if query:
            self.find(backwards=False)
        else:
            screen.reader.clear_find()

    def open_find(self) -> None:
        """Open the find bar with the last search in it."""
        self._screen.panels.open_find_bar(self._screen.find_query)

    def find(self, *, backwards: bool) -> None:
        """Go to the next (or previous) match of the last search; no search yet opens the bar."""
        screen = self._screen
        if not screen.find_query:
            self.open_find()
        elif not screen.reader.find(screen.find_query, backwards=backwards):
            screen.notify(f"Not found: {screen.find_query}", severity="warning", markup=False)

    def can_close_find(self) -> bool:
        """Whether Escape has something to close: the find bar, or a match highlighted."""
        return bool(self._screen.panels.find_bar_open() or self._screen.find_query)

    def close_find(self) -> None:
        """Close the find bar, or clear the match highlight when the bar is closed."""
        screen = self._screen
        if screen.panels.find_bar_open():
            screen.panels.close_find_bar()
        else:
            screen.find_query = ""
            screen.reader.clear_find()

    # ----------------------------------------------------------------------- the sidebar

    def resize_sidebar(self, step: int) -> None:
        """Widen or narrow the sidebar by ``step`` per cent of the terminal, at least 4 cells."""
        screen = self._screen
        share = screen.panels.resized_share(step)
        if share:
            screen.sidebar_share = share
        else:
            screen.app.bell()
        screen.show_sidebar = True

    def focus_next_pane(self) -> None:
        """Move focus between the sidebar and the article (showing a hidden sidebar)."""
        screen = self._screen
        if screen.panels.sidebar_has_focus():
            screen.reader.focus()
        else:
            screen.show_sidebar = True
            screen.panels.sidebar_panel.focus()

    def show_quotes(self) -> None:
        """Show the quote navigator in the sidebar (focused), or go back to the articles."""
        screen = self._screen
        showing = screen.show_quote_list and screen.show_sidebar
        screen.show_sidebar = True
        screen.show_quote_list = not showing
        if screen.show_quote_list:
            screen.quote_list.focus()
