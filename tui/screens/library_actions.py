"""The library keys of the main screen: read marks, next unread, bookmarks, search, group/sort.

A mixin so :mod:`tui.screens.library_screen` stays about loading and opening; the bindings and
the ``grouping``/``sorting`` vars are declared on
:class:`~tui.screens.library_screen.LibraryScreen`, which provides everything
:class:`LibraryHost` lists.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from tui.article.sanitize import shown_name
from tui.widgets.library_tree import GROUPINGS, SORTINGS, Grouping, Sorting

if TYPE_CHECKING:
    from textual.app import App

    from tui.library.search import SearchHit
    from tui.library.state import ReadingState
    from tui.widgets.library_tree import LibraryTree

__all__ = ["LibraryActions", "LibraryHost", "path_key"]

_GROUP_NAMES = {"none": "", "folder": "by folder", "outlet": "by outlet"}
_SORT_NAMES = {"file": "file order", "date": "newest first", "title": "by title"}


def path_key(path: Path | str) -> str:
    """How paths are compared: absolute, symbolic links kept (as the index stores them)."""
    return os.path.abspath(path)


class LibraryHost(Protocol):
    """What the library actions need from the screen (LibraryScreen provides it)."""

    article_index: int
    grouping: Grouping
    sorting: Sorting
    files: tuple[Path, ...]
    state: ReadingState | None
    _index_of: dict[str, int]
    _read: set[str]
    _shown: int

    @property
    def app(self) -> App[None]: ...
    @property
    def sidebar(self) -> LibraryTree: ...
    @property
    def current_path(self) -> Path | None: ...
    @property
    def is_mounted(self) -> bool: ...
    def open_article(
        self, path: Path, *, section: int | None = None, paragraph: int | None = None
    ) -> bool: ...
    def _mark_read(self, read: bool) -> None: ...
    def _show_arrangement(self) -> None: ...
    def _regroup_sidebar(self) -> None: ...
    def _open_bookmark(self, path: Path | None) -> None: ...
    def _open_hit(self, hit: SearchHit | None) -> None: ...
    def notify(
        self, message: str, *, severity: Literal["information", "warning", "error"] = ...,
        markup: bool = ...
    ) -> None: ...  # fmt: skip


class LibraryActions:
    """Actions on the library as a whole (the screen's bindings call them)."""

    def action_toggle_read(self: LibraryHost) -> None:
        """Mark the article read or unread."""
        path = self.current_path
        if path is not None:
            self._mark_read(path_key(path) not in self._read)

    def action_next_unread(self: LibraryHost) -> None:
        """Open the next unread article after this one, in sidebar order (wrapping)."""
        order = self.sidebar.order() or list(range(len(self.files)))
        at = order.index(self.article_index) if self.article_index in order else -1
        for step in range(1, len(order) + 1):
            candidate = order[(at + step) % len(order)]
            if candidate != self._shown and path_key(self.files[candidate]) not in self._read:
                self.article_index = candidate
                return
        self.notify("No unread articles left.", markup=False)

    def action_toggle_bookmark(self: LibraryHost) -> None:
        """Bookmark the article on screen, or remove its bookmark."""
        path = self.current_path
        if path is None or self.state is None:
            return
        marked = self.state.toggle_bookmark(path)
        self.sidebar.set_bookmarked((self._shown,), marked)
        self.notify("Bookmarked." if marked else "Bookmark removed.", markup=False)

    def action_show_bookmarks(self: LibraryHost) -> None:
        """List the bookmarks; the one chosen opens."""
        from tui.screens.bookmarks import BookmarksScreen

        if self.state is None:
            return
        marks = []
        for path in self.state.bookmarks():
            index = self._index_of.get(path_key(path))
            entry = self.sidebar.entry(index) if index is not None else None
            marks.append((Path(path), entry.title if entry else shown_name(Path(path).name)))
        self.app.push_screen(BookmarksScreen(marks), self._open_bookmark)

    def _open_bookmark(self: LibraryHost, path: Path | None) -> None:
        if path is not None and not self.open_article(path):
            shown = shown_name(str(path))
            self.notify(f"{shown} is not in this library.", severity="warning", markup=False)

    def action_library_search(self: LibraryHost) -> None:
        """Search every article in the library."""
        from tui.screens.library_search import LibrarySearchScreen

        self.app.push_screen(LibrarySearchScreen(self.files), self._open_hit)

    def _open_hit(self: LibraryHost, hit: SearchHit | None) -> None:
        if hit is not None:
            self.open_article(Path(hit.path), paragraph=max(0, hit.paragraph))

    def action_group_by(self: LibraryHost) -> None:
        """Cycle the sidebar's grouping."""
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]

    def action_sort_by(self: LibraryHost) -> None:
        """Cycle the sidebar's order."""
        self.sorting = SORTINGS[(SORTINGS.index(self.sorting) + 1) % len(SORTINGS)]

    def _watch_grouping(self: LibraryHost) -> None:
        self._regroup_sidebar()

    def _watch_sorting(self: LibraryHost) -> None:
        self._regroup_sidebar()

    def _regroup_sidebar(self: LibraryHost) -> None:
        if self.is_mounted:
            self.sidebar.regroup(self.grouping, self.sorting)
            if self._shown >= 0:
                self.sidebar.show_position(self._shown, None)
            self._show_arrangement()

    def _show_arrangement(self: LibraryHost) -> None:
        count = self.sidebar.article_count or len(self.files)
        parts = [f"{count:,} article" if count == 1 else f"{count:,} articles"]
        if self.grouping != "none":
            parts.append(_GROUP_NAMES[self.grouping])
        parts.append(_SORT_NAMES[self.sorting])
        self.sidebar.border_title = " · ".join(parts)
