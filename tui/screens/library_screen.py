"""The library half of the main screen: the index, lazy parsing, read marks, positions, bookmarks.

:class:`LibraryScreen` is the base class of :class:`tui.screens.main.MainScreen`. Start-up finds
the files and reads the index's cached entries in one worker, so the sidebar fills at once;
new or changed files are indexed in a second worker while the first article is parsed in a
third. An article is parsed only when it is opened, and the last few are kept. Read marks,
bookmarks and reading positions live in :class:`tui.state.ReadingState` (the data directory).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from textual import getters, on, work
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer

from tui.article.model import Article
from tui.library import Entry, LibraryIndex
from tui.library_search import SearchHit
from tui.positions import paragraph_at, position_of
from tui.state import ReadingState
from tui.widgets.article_tree import ArticleTree
from tui.widgets.library_tree import GROUPINGS, SORTINGS, Grouping, LibraryTree, Sorting
from tui.widgets.reader_pane import ReaderPane
from tui.widgets.status_line import StatusLine

__all__ = ["PARSED_KEPT", "LibraryScreen"]

PARSED_KEPT = 8
"""How many parsed articles are kept for going back and forth without parsing again."""

_SAVE_DELAY = 1.5
"""Seconds of quiet scrolling before the reading position is saved."""


def _key(path: Path | str) -> str:
    """How paths are compared: absolute, symbolic links kept (as the index stores them)."""
    return os.path.abspath(path)


_GROUP_NAMES = {"none": "", "folder": "by folder", "outlet": "by outlet"}
_SORT_NAMES = {"file": "file order", "date": "newest first", "title": "by title"}


class LibraryScreen(Screen[None]):
    """Loads a library of articles and keeps the reader's place in it."""

    BINDINGS = [
        Binding("m", "toggle_read", "Read", show=False, id="toggle-read",
                tooltip="Mark the article read or unread"),
        Binding("u", "next_unread", "Unread", show=False, id="next-unread",
                tooltip="Open the next unread article in the sidebar"),
        Binding("B", "toggle_bookmark", "Bookmark", show=False, id="toggle-bookmark",
                tooltip="Bookmark the article, or remove its bookmark"),
        Binding("ctrl+b", "show_bookmarks", "Bookmarks", show=False, id="show-bookmarks",
                tooltip="List the bookmarked articles; Enter opens one"),
        Binding("F", "library_search", "Search", show=False, id="library-search",
                tooltip="Search the text of every article in the library"),
        Binding("o", "group_by", "Group", show=False, id="group-by",
                tooltip="Group the sidebar by folder, by outlet, or not at all"),
        Binding("O", "sort_by", "Sort", show=False, id="sort-by",
                tooltip="Sort the sidebar by file order, newest first, or title"),
    ]  # fmt: skip

    article_index: var[int] = var(-1)
    """Index (in :attr:`files`) of the article chosen; -1 before any is."""
    grouping: var[Grouping] = var[Grouping]("none")
    """How the sidebar groups articles."""
    sorting: var[Sorting] = var[Sorting]("file")
    """How the sidebar orders articles."""

    reader = getters.query_one(ReaderPane)
    sidebar = getters.query_one(LibraryTree)
    status = getters.query_one(StatusLine)

    class LibraryFound(Message):
        """The files were found and the index's up-to-date entries read."""

        def __init__(
            self,
            files: tuple[Path, ...],
            skipped: tuple[tuple[Path, str], ...],
            cached: dict[str, Entry],
        ) -> None:
            self.files = files
            """Every article file, in the order found."""
            self.skipped = skipped
            """Paths left out, with the reason."""
            self.cached = cached
            """Entries that need no parsing, by ``str(path)``."""
            super().__init__()

    class EntryIndexed(Message):
        """The index worker handled one new or changed file (``entry`` None if unreadable)."""

        def __init__(self, path: Path, entry: Entry | None, reason: str, done: int, total: int):
            self.path = path
            self.entry = entry
            self.reason = reason
            self.done = done
            self.total = total
            super().__init__()

    class IndexFinished(Message):
        """The index worker is done (or was stopped)."""

    class ArticleParsed(Message):
        """An article opened by the reader was parsed (``article`` None when it could not be)."""

        def __init__(self, index: int, article: Article | None, error: str) -> None:
            self.index = index
            self.article = article
            self.error = error
            super().__init__()

    def __init__(self, paths: Sequence[Path]) -> None:
        """Create the screen.

        Args:
            paths: Files and folders to open (folders are searched recursively).
        """
        super().__init__()
        self._paths = tuple(paths)
        self.files: tuple[Path, ...] = ()
        """Every article file, in the order found; :attr:`article_index` indexes it."""
        self._index_of: dict[str, int] = {}
        self._parsed: OrderedDict[int, Article] = OrderedDict()
        self._shown = -1  # the article in the pane (differs from article_index while parsing)
        self._article: Article | None = None  # and its parse
        self._exact: dict[int, tuple[int, int, int]] = {}  # this session's exact positions
        self._target: tuple[str, int] | None = None  # where to go once the article is in
        self._read: set[str] = set()
        self._skipped: list[tuple[Path, str]] = []
        self._save_timer: Timer | None = None
        self._pane: ReaderPane | None = None
        self.state: ReadingState | None = None
        """Read marks, bookmarks and positions (opened on mount)."""

    # ------------------------------------------------------------------ start-up

    def start_library(self) -> None:
        """Open the reading state and start finding the library's files."""
        self.state = ReadingState()
        self._read = {_key(p) for p in self.state.read_paths()}
        if self.state.recovered_from is not None:
            self.notify(
                f"The reading state was damaged and has been reset "
                f"(the old file is kept as {self.state.recovered_from}).",
                title="Reading state",
                severity="warning",
                markup=False,
            )
        self._pane = self.reader  # kept: on unmount (quit) the pane is no longer queryable
        self.watch(self._pane, "scroll_y", self._reader_scrolled, init=False)
        self._show_arrangement()
        self._find_library(self._paths)

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _find_library(self, paths: tuple[Path, ...]) -> None:
        from tui.loader import find_articles

        files, skipped = find_articles(paths)
        with LibraryIndex() as index:
            cached = index.cached(files, roots=[p for p in paths if p.is_dir()] or None)
        self.post_message(self.LibraryFound(tuple(files), tuple(skipped), cached))

    @on(LibraryFound)
    def _fill_library(self, message: LibraryFound) -> None:
        self.files = message.files
        self._index_of = {_key(path): n for n, path in enumerate(message.files)}
        self._skipped.extend(message.skipped)
        cached = message.cached
        self.sidebar.set_entries(
            ((n, cached[str(p)]) for n, p in enumerate(self.files) if str(p) in cached),
            (n for n, p in enumerate(self.files) if _key(p) not in self._read),
        )
        if not self.files:
            self._report_skipped()
            self._stop_loading()
            self.status.progress = ""
            self.notify(
                "No article files found. Give newsread .txt, .md or .markdown files or folders.",
                severity="error",
                markup=False,
            )
            return
        if len(cached) < len(self.files):
            self.status.progress = "Indexing… 0%"
        self._index_library(self.files)
        assert self.state is not None
        last = self.state.last_opened()
        start = self._index_of.get(_key(last), -1) if last is not None else -1
        if start < 0:
            order = self.sidebar.order()
            start = order[0] if order else 0
        self.article_index = start

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _index_library(self, files: tuple[Path, ...]) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        roots = [p for p in self._paths if p.is_dir()] or None
        count = [0, 0]  # (done, total) from the index's progress callback

        def note(done: int, total: int) -> None:
            count[:] = [done, total]

        with LibraryIndex() as index:
            updates = index.update(
                files, progress=note, should_stop=lambda: worker.is_cancelled, roots=roots
            )
            for path, entry, reason in updates:
                self.post_message(self.EntryIndexed(path, entry, reason, count[0], count[1]))
            if not worker.is_cancelled:
                index.forget_missing(files)
        self.post_message(self.IndexFinished())

    @on(EntryIndexed)
    def _add_entry(self, message: EntryIndexed) -> None:
        index = self._index_of.get(_key(message.path))
        if index is None:
            return
        if message.entry is None:
            self._skipped.append((message.path, message.reason))
        else:
            unread = _key(message.path) not in self._read
            self.sidebar.upsert(index, message.entry, unread=unread)
            if index == self._shown:  # its node is new: put the cursor there
                self.sidebar.show_position(index, self.reader.current_section)
        if message.done < message.total:
            self.status.progress = f"Indexing… {100 * message.done // message.total}%"
        if message.done % 100 == 0 or message.done == message.total:
            self._show_arrangement()

    @on(IndexFinished)
    def _index_finished(self) -> None:
        self.status.progress = ""
        self._show_arrangement()
        self._report_skipped()

    def _report_skipped(self) -> None:
        if not self._skipped:
            return
        first = "\n".join(f"{path}: {reason}" for path, reason in self._skipped[:5])
        more = len(self._skipped) - 5
        tail = f"\n…and {more} more" if more > 0 else ""
        count = len(self._skipped)
        title = f"Skipped {count} file" + ("" if count == 1 else "s")
        self.notify(first + tail, title=title, severity="warning", markup=False)
        self._skipped.clear()

    def _stop_loading(self) -> None:
        self.reader.loading = False
        # Keys of a loading widget are inactive and Textual does not announce the change
        # back, so tell the footer (and key dispatch) that the pane's keys are live again.
        self.refresh_bindings()

    # ------------------------------------------------------------------ opening

    @property
    def current_article(self) -> Article | None:
        """The article in the reading pane, if one has been parsed."""
        return self._article

    @property
    def shown_index(self) -> int:
        """Index (in :attr:`files`) of the article in the pane; -1 before one is shown."""
        return self._shown

    @property
    def current_path(self) -> Path | None:
        """The file of the article in the reading pane."""
        return self.files[self._shown] if 0 <= self._shown < len(self.files) else None

    def watch_article_index(self, new: int) -> None:
        """Open the chosen article: at once when it is parsed already, else after parsing."""
        if not 0 <= new < len(self.files):
            return
        if new in self._parsed:
            self._parsed.move_to_end(new)
            self._show(new)
        else:
            self._parse_article(new, self.files[new])

    @work(thread=True, exclusive=True, group="parse", exit_on_error=False)
    def _parse_article(self, index: int, path: Path) -> None:
        from tui.loader import parse_files

        for _, article, error in parse_files([path]):
            self.post_message(self.ArticleParsed(index, article, error))

    @on(ArticleParsed)
    def _article_parsed(self, message: ArticleParsed) -> None:
        if message.article is None:
            self._stop_loading()
            path = self.files[message.index]
            self.notify(f"{path}: {message.error}", title="Could not open", severity="error",
                        markup=False)  # fmt: skip
            return
        self._parsed[message.index] = message.article
        while len(self._parsed) > PARSED_KEPT:
            self._parsed.popitem(last=False)
        if message.index == self.article_index:
            self._show(message.index)

    def _show(self, index: int) -> None:
        """Put a parsed article in the pane, at the target or where the reader left it."""
        self._leave()
        article = self._parsed[index]
        path = self.files[index]
        self._shown, self._article = index, article
        self.reader.show_article(article)
        target, self._target = self._target, None
        if target is not None and target[0] == "section":
            self.reader.scroll_to_section(target[1])
        elif target is not None:
            self.reader.restore_position(position_of(article, target[1]))
        elif index in self._exact:
            self.reader.restore_position(self._exact[index])
        elif self.state is not None and (saved := self.state.position(path)) is not None:
            self.reader.restore_position(position_of(article, *saved))
        if self.state is not None:
            self.state.set_last_opened(path)
        if self.reader.loading:
            self._stop_loading()
            if self.focused is None:  # auto-focus skips a pane that is still loading
                self.reader.focus()
        self.article_shown()
        self._schedule_save()

    def article_shown(self) -> None:
        """Called when an article has been put in the pane (the main screen updates views)."""

    def open_article(self, path: Path, *, section: int | None = None,
                     paragraph: int | None = None) -> bool:  # fmt: skip
        """Open a library article, optionally at a section or paragraph.

        Args:
            path: The article's file.
            section: Section to scroll to.
            paragraph: Paragraph (index in ``Article.paragraphs``) to scroll to.

        Returns:
            False when the file is not part of this library.
        """
        index = self._index_of.get(_key(path))
        if index is None:
            return False
        if section is not None:
            self._target = ("section", section)
        elif paragraph is not None:
            self._target = ("paragraph", paragraph)
        if index == self.article_index and index == self._shown:
            target, self._target = self._target, None
            article = self._article
            if article is None:
                return True
            if target is not None and target[0] == "section":
                self.reader.scroll_to_section(target[1])
            elif target is not None:
                self.reader.restore_position(position_of(article, target[1]))
        elif index == self.article_index:
            self.watch_article_index(index)
        else:
            self.article_index = index
        self.sidebar.show_position(index, section)
        return True

    # ------------------------------------------------------------------ reading state

    def _leave(self) -> None:
        """Remember where the reader is in the article on screen."""
        article, path = self.current_article, self.current_path
        if article is None or path is None or self._pane is None:
            return
        position = self._pane.position()
        self._exact[self._shown] = position
        if self.state is not None:
            self.state.set_position(path, *paragraph_at(article, position))

    def _reader_scrolled(self) -> None:
        reader = self.reader
        if reader.max_scroll_y > 0 and reader.scroll_y >= reader.max_scroll_y:
            self._mark_read(True)
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(_SAVE_DELAY, self._save_now)

    def _save_now(self) -> None:
        self._save_timer = None
        reader = self.reader
        if reader.virtual_size.height and reader.virtual_size.height <= reader.size.height:
            self._mark_read(True)  # the whole article fits: it has been seen to its end
        self._leave()

    def _mark_read(self, read: bool) -> None:
        path = self.current_path
        if path is None or self.state is None or (_key(path) in self._read) == read:
            return
        self.state.set_read(path, read)
        (self._read.add if read else self._read.discard)(_key(path))
        self.sidebar.set_unread(self._shown, not read)

    def on_unmount(self) -> None:
        """Save the position on quit and close the reading state."""
        if self.state is not None:
            self._leave()
            self.state.close()
            self.state = None

    # ------------------------------------------------------------------ actions

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        path = self.current_path
        if path is not None:
            self._mark_read(_key(path) not in self._read)

    def action_next_unread(self) -> None:
        """Open the next unread article after this one, in sidebar order (wrapping)."""
        order = self.sidebar.order() or list(range(len(self.files)))
        at = order.index(self.article_index) if self.article_index in order else -1
        for step in range(1, len(order) + 1):
            candidate = order[(at + step) % len(order)]
            if candidate != self._shown and _key(self.files[candidate]) not in self._read:
                self.article_index = candidate
                return
        self.notify("No unread articles left.", markup=False)

    def action_toggle_bookmark(self) -> None:
        """Bookmark the article on screen, or remove its bookmark."""
        path = self.current_path
        if path is None or self.state is None:
            return
        marked = self.state.toggle_bookmark(path)
        self.notify("Bookmarked." if marked else "Bookmark removed.", markup=False)

    def action_show_bookmarks(self) -> None:
        """List the bookmarks; the one chosen opens."""
        from tui.screens.bookmarks import BookmarksScreen

        if self.state is None:
            return
        marks = []
        for path in self.state.bookmarks():
            index = self._index_of.get(_key(path))
            entry = self.sidebar.entry(index) if index is not None else None
            marks.append((Path(path), entry.title if entry else Path(path).name))
        self.app.push_screen(BookmarksScreen(marks), self._open_bookmark)

    def _open_bookmark(self, path: Path | None) -> None:
        if path is not None and not self.open_article(path):
            self.notify(f"{path} is not in this library.", severity="warning", markup=False)

    def action_library_search(self) -> None:
        """Search every article in the library."""
        from tui.screens.library_search import LibrarySearchScreen

        self.app.push_screen(LibrarySearchScreen(self.files), self._open_hit)

    def _open_hit(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self.open_article(Path(hit.path), paragraph=max(0, hit.paragraph))

    def action_group_by(self) -> None:
        """Cycle the sidebar's grouping."""
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]

    def action_sort_by(self) -> None:
        """Cycle the sidebar's order."""
        self.sorting = SORTINGS[(SORTINGS.index(self.sorting) + 1) % len(SORTINGS)]

    def _watch_grouping(self) -> None:
        self._regroup_sidebar()

    def _watch_sorting(self) -> None:
        self._regroup_sidebar()

    def _regroup_sidebar(self) -> None:
        if self.is_mounted:
            self.sidebar.regroup(self.grouping, self.sorting)
            if self._shown >= 0:
                self.sidebar.show_position(self._shown, None)
            self._show_arrangement()

    def _show_arrangement(self) -> None:
        parts = [f"{self.sidebar.article_count or len(self.files)} articles"]
        if self.grouping != "none":
            parts.append(_GROUP_NAMES[self.grouping])
        parts.append(_SORT_NAMES[self.sorting])
        self.sidebar.border_title = " · ".join(parts)

    @on(ArticleTree.SectionSelected)
    def _go_to_selection(self, message: ArticleTree.SectionSelected) -> None:
        entry = message.entry
        self.open_article(self.files[entry.article], section=entry.section)
