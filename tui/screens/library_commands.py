"""The main screen's library keys: read marks, next unread, bookmarks, library search.

:class:`LibraryCommands` is composed into the main screen (``screen.library``); the screen's
``action_…`` methods (its bindings) call it. It asks the screen's
:class:`tui.library.session.LibrarySession` and opens what is chosen with
``MainScreen.open_article``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.article.sanitize import shown_name

if TYPE_CHECKING:
    from tui.library.search import SearchHit
    from tui.screens.main import MainScreen

__all__ = ["LibraryCommands"]


class LibraryCommands:
    """What the library keys of the main screen do."""

    def __init__(self, screen: MainScreen) -> None:
        """Create the commands of a screen.

        Args:
            screen: The screen whose session, sidebar and opening they use.
        """
        self._screen = screen

    def toggle_read(self) -> None:
        """Mark the article on screen read or unread."""
        screen = self._screen
        path = screen.current_path
        if path is not None:
            screen.place.mark_read(not screen.session.is_read(path))

    def next_unread(self) -> None:
        """Open the next unread article after this one, in sidebar order (wrapping)."""
        screen = self._screen
        order = screen.sidebar.order()
        target = screen.session.next_unread(order, screen.article_index, screen.shown_index)
        if target is None:
            screen.notify("No unread articles left.", markup=False)
        else:
            screen.article_index = target

    def toggle_bookmark(self) -> None:
        """Bookmark the article on screen, or remove its bookmark."""
        screen = self._screen
        path, state = screen.current_path, screen.state
        if path is None or state is None:
            return
        marked = state.toggle_bookmark(screen.session.key_of(path))
        screen.sidebar.set_bookmarked((screen.shown_index,), marked)
        screen.notify("Bookmarked." if marked else "Bookmark removed.", markup=False)

    def show_bookmarks(self) -> None:
        """List the bookmarks; the one chosen opens."""
        from tui.screens.bookmarks import BookmarksScreen

        screen = self._screen
        if screen.state is None:
            return
        marks = []
        for key in screen.state.bookmarks():
            index = screen.session.index_of(key)
            entry = screen.sidebar.entry(index) if index is not None else None
            # A web article's key is its URL: the list opens its shelf file.
            path = screen.files[index] if index is not None else Path(key)
            marks.append((path, entry.title if entry else shown_name(Path(key).name)))
        screen.app.push_screen(BookmarksScreen(marks), self.open_bookmark)

    def open_bookmark(self, path: Path | None) -> None:
        """Open a bookmarked article (None: none was chosen), or say it is not in the library."""
        screen = self._screen
        if path is not None and not screen.open_article(path):
            shown = shown_name(str(path))
            screen.notify(f"{shown} is not in this library.", severity="warning", markup=False)

    def search(self) -> None:
        """Search every article in the library; the hit chosen opens at its paragraph."""
        from tui.screens.library_search import LibrarySearchScreen

        screen = self._screen
        screen.app.push_screen(LibrarySearchScreen(screen.files), self.open_hit)

    def open_hit(self, hit: SearchHit | None) -> None:
        """Open the article of a search hit at its paragraph (None: none was chosen)."""
        if hit is not None:
            self._screen.open_article(Path(hit.path), paragraph=max(0, hit.paragraph))
