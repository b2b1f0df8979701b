"""The library half of the main screen: the index, lazy parsing, read marks, positions, bookmarks.

:class:`LibraryScreen` is the base class of :class:`tui.screens.main.MainScreen`. Start-up is
ordered for the first paint: the article to open (the last one read, else the first file) is
picked with a few file checks and parsed (a long one's opening only) on mount, so the first
frame already shows it; then one worker finds the rest of the library and reads the index's
cached entries for the sidebar. New or changed files are indexed in a second worker, started
only once the first article is in, so it does not compete with it. A long article is parsed
in two steps: its opening is shown at once and the whole swapped in at the same reading
position. An article is parsed only when it is opened, and the last few are kept. What is
open, read marks, bookmarks and positions are held by a Textual-free
:class:`tui.library.session.LibrarySession` (``self.session``), which the workers call and
whose results they post as messages; the library keys here are thin calls on it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import getters, on, work
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var

from tui.article.model import Article
from tui.article.sanitize import shown_name
from tui.library.entry import path_key
from tui.library.prefetch import Prefetch
from tui.library.session import PARSED_KEPT, Indexed
from tui.library.sqlite_faults import describe
from tui.screens.library_opening import ArticleOpener
from tui.widgets.article_tree import ArticleTree
from tui.widgets.library_tree import GROUPINGS, SORTINGS, Grouping, Sorting
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tui.library.index import Entry
    from tui.library.search import SearchHit

    _Parses = Iterator[tuple[Article | None, str, bool]]

__all__ = ["LOADING_DELAY", "PARSED_KEPT", "LibraryScreen"]

_key = path_key

LOADING_DELAY = 0.3
"""Seconds before the pane shows its loading indicator, if no article is in by then."""

_GROUP_NAMES = {"none": "", "folder": "by folder", "outlet": "by outlet"}
_SORT_NAMES = {"file": "file order", "date": "newest first", "title": "by title"}


class LibraryScreen(ArticleOpener):
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

    grouping: var[Grouping] = var[Grouping]("none")
    """How the sidebar groups articles."""
    sorting: var[Sorting] = var[Sorting]("file")
    """How the sidebar orders articles."""

    status = getters.query_one(StatusLine)

    class LibraryFound(Message):
        """The files were found and the index's up-to-date entries read."""

        def __init__(
            self,
            files: tuple[Path, ...],
            skipped: tuple[tuple[Path, str], ...],
            cached: dict[str, Entry],
            problem: str | None = None,
        ) -> None:
            self.files = files
            """Every article file, in the order found."""
            self.skipped = skipped
            """Paths left out, with the reason."""
            self.cached = cached
            """Entries that need no parsing, by ``str(path)``."""
            self.problem = problem
            """Why the index could not be used (None when it could)."""
            super().__init__()

    class EntriesIndexed(Message):
        """The index worker handled a batch of new or changed files (entry None if unreadable).

        Batched because every change to the sidebar makes the Tree rebuild all its lines: one
        message per file made indexing a big library quadratic.
        """

        def __init__(self, items: Indexed, done: int, total: int) -> None:
            self.items = items
            """(path, entry or None, reason) for each file handled."""
            self.done = done
            self.total = total
            super().__init__()

    class IndexFinished(Message):
        """The index worker is done (or was stopped, or failed: ``problem`` says why)."""

        def __init__(self, problem: str | None = None) -> None:
            self.problem = problem
            """Why the index could not be saved (None when all went well)."""
            super().__init__()

    def __init__(self, paths: Sequence[Path], *, prefetch: Prefetch | None = None) -> None:
        """Create the screen.

        Args:
            paths: Files and folders to open (folders are searched recursively).
            prefetch: A helper parsing the first article (see :mod:`tui.library.prefetch`).
        """
        super().__init__(paths)
        self._paths = self.session.paths
        self._prefetch = prefetch
        self._skipped = self.session.skipped
        self._indexing = False  # the index worker was started
        self._index_fault_told = False

    # ------------------------------------------------------------------ start-up

    def start_library(self) -> None:
        """Open the reading state and start finding the library's files."""
        state = self.session.open_state(self._state_fault)
        if state.recovered_from is not None:
            self.notify(
                f"The reading state was damaged and has been reset "
                f"(the old file is kept as {state.recovered_from}).",
                title="Reading state",
                severity="warning",
                markup=False,
            )
        self._pane = self.reader  # kept: on unmount (quit) the pane is no longer queryable
        self.place.follow(self._pane)
        self._show_arrangement()
        first, parses = self._open_first(state.last_opened())
        # After the first frame: walking the library now would contend with painting it.
        self.call_after_refresh(self._find_library, self._paths, first, parses)
        if self._shown_path is None:
            # The spinner only when opening is slow: drawing it would slow a quick first paint.
            self._spinner = self.set_timer(LOADING_DELAY, self._show_loading)

    def _state_fault(self, reason: str) -> None:
        """The reading state cannot be saved (it says so once): the session goes on."""
        from tui.settings import paths

        # Called from ReadingState() itself when opening fails, before self.state is set.
        path = self.state.db_path if self.state is not None else paths.data_dir()
        self.notify(
            f"Read marks, bookmarks and positions cannot be saved to {path} ({reason}). "
            "They are kept for this session and saved as soon as that works again.",
            title="Reading state",
            severity="warning",
            markup=False,
            timeout=10,
        )

    def _open_first(self, last: str | None) -> tuple[Path | None, _Parses]:
        """Parse the first article (a long one's opening) here, before the first frame.

        It takes a few file checks and at most :data:`tui.library.loader.PREFIX_CHARS` of text, so
        the first frame already holds it: no empty frame painted first, and no worker thread
        contending for the interpreter with that paint. The rest of a long article is parsed
        by the worker, which resumes the same generator.
        """
        from tui.library.loader import first_article, parse_progressively

        first = first_article(self._paths, last)
        prefetch, self._prefetch = self._prefetch, None
        if first is None:
            if prefetch is not None:
                prefetch.close()
            return None, iter(())
        parsed = prefetch.take(first) if prefetch is not None else None
        parses = parse_progressively(first, first=parsed)
        for article, error, complete in parses:
            self._article_parsed(
                self.ArticleParsed(-1, article, error, path=first, complete=complete)
            )
            break
        return first, parses

    def _show_loading(self) -> None:
        self._spinner = None
        self.reader.loading = True

    @work(
        thread=True,
        exclusive=True,
        group="library",
        exit_on_error=False,
        description="find the library",
    )
    def _find_library(self, paths: tuple[Path, ...], first: Path | None, parses: _Parses) -> None:
        # The first article (a long one's opening) is already in: the rest of a lone long
        # file comes before the walk, since finding that one file again matters less.
        messages = (
            self.ArticleParsed(-1, article, error, path=first, complete=complete)
            for article, error, complete in parses
        )
        if len(paths) == 1 and not paths[0].is_dir():
            self.post_parses(itertools.islice(messages, 1))
        self.post_message(self.LibraryFound(*self.session.find()))
        self.post_parses(messages)  # the rest of a long first article

    def _index_fault(self, problem: str | None) -> None:
        """Say once that the index cannot be used or saved; articles are parsed from files."""
        if problem is None or self._index_fault_told:
            return
        from tui.settings import paths

        self._index_fault_told = True
        self.notify(
            f"The library index in {paths.cache_dir()} cannot be used or saved ({problem}). "
            "Articles are read from their files this session; library search finds only what "
            "was indexed before.",
            title="Library index",
            severity="warning",
            markup=False,
            timeout=10,
        )

    @on(LibraryFound)
    def _fill_library(self, message: LibraryFound) -> None:
        self._index_fault(message.problem)
        session = self.session
        session.set_files(message.files, message.skipped)
        cached = message.cached
        self.sidebar.set_entries(
            ((n, cached[str(p)]) for n, p in enumerate(self.files) if str(p) in cached),
            session.unread(),
        )
        if self.state is not None:
            self.sidebar.set_bookmarked(session.bookmarked())
        if not self.files:
            from tui.widgets.notice import nothing_to_read

            # The pane says what was tried and why it failed: no toast repeats it.
            self.show_notice(nothing_to_read(self._paths, self._skipped))
            self._skipped.clear()
            self._stop_loading()
            self.status.progress = ""
            return
        if len(cached) < len(self.files):
            self.status.progress = "Indexing… 0%"
        assert self.state is not None
        last = self.state.last_opened()
        found = session.index_of(last) if last is not None else None
        start = found if found is not None else -1
        if start < 0:
            order = self.sidebar.order()
            start = order[0] if order else 0
        early, self._early = self._early, None
        if early is not None and _key(early[0]) == _key(self.files[start]):
            self._adopt(start, *early)
        else:
            self.article_index = start
        self.library_found()
        if early is None or early[2]:
            self._start_indexing()

    def library_found(self) -> None:
        """Called once the files are known and the first article chosen (a subclass hook)."""

    def _adopt(self, index: int, path: Path, article: Article, complete: bool) -> None:
        """Give the first article, parsed before the files were known, its library index."""
        if complete:
            self.session.keep_parsed(index, article)
        self.set_reactive(ArticleOpener.article_index, index)
        if self._shown_path is not None and _key(self._shown_path) == _key(path):
            self._shown = index  # already on screen: just book-keeping
            if self.state is not None:
                self.state.set_last_opened(path)
            self.sidebar.show_position(index, self.reader.current_section)
            self.place.schedule_save()
        elif complete:
            self._show(index, article)
        # else: the whole article is still being parsed and arrives as ArticleParsed(-1)

    def _start_indexing(self) -> None:
        """Index new and changed files, the open one last (once only)."""
        if self._indexing or not self.files:
            return
        self._indexing = True
        # The articles already parsed in full are indexed as they are, not parsed again.
        self._index_library(*self.session.to_index(self._shown))

    # An explicit description: Textual otherwise builds one from repr() of the arguments,
    # which for `parsed` renders whole articles on the UI thread.
    @work(
        thread=True,
        exclusive=True,
        group="index",
        exit_on_error=False,
        description="index the library",
    )
    def _index_library(self, files: tuple[Path, ...], parsed: dict[str, Article]) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()

        def hand_over(items: Indexed, done: int, total: int) -> None:
            self.post_message(self.EntriesIndexed(items, done, total))

        try:
            problem = self.session.index(files, parsed, lambda: worker.is_cancelled, hand_over)
        except Exception as exc:  # noqa: BLE001 - never leave "Indexing…" up with no word
            problem = describe(exc)
        self.post_message(self.IndexFinished(problem))

    @on(EntriesIndexed)
    def _add_entries(self, message: EntriesIndexed) -> None:
        for path, entry, reason in message.items:
            index = self.session.index_of(path)
            if index is None:
                continue
            if entry is None:
                self._skipped.append((path, reason))
            else:
                unread = not self.session.is_read(path)
                self.sidebar.upsert(index, entry, unread=unread)
                if index == self._shown:  # its node is new: put the cursor there
                    self.sidebar.show_position(index, self.reader.current_section)
        if message.done < message.total:
            self.status.progress = f"Indexing… {100 * message.done // message.total}%"
        self._show_arrangement()

    @on(IndexFinished)
    def _index_finished(self, message: IndexFinished) -> None:
        self._index_fault(message.problem)
        self.status.progress = ""
        self._show_arrangement()
        self._report_skipped()

    def _report_skipped(self) -> None:
        if not self._skipped:
            return
        # One line per file: a name is shown escaped (a newline in it would fake a line).
        first = "\n".join(
            f"{shown_name(str(path))}: {shown_name(reason)}" for path, reason in self._skipped[:5]
        )
        more = len(self._skipped) - 5
        tail = f"\n…and {more} more" if more > 0 else ""
        count = len(self._skipped)
        title = f"Skipped {count} file" + ("" if count == 1 else "s")
        self.notify(first + tail, title=title, severity="warning", markup=False)
        self._skipped.clear()

    @on(ArticleTree.SectionSelected)
    def _go_to_selection(self, message: ArticleTree.SectionSelected) -> None:
        entry = message.entry
        self.open_article(self.files[entry.article], section=entry.section)

    # ------------------------------------------------------------------ library keys

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        path = self.current_path
        if path is not None:
            self.place.mark_read(not self.session.is_read(path))

    def action_next_unread(self) -> None:
        """Open the next unread article after this one, in sidebar order (wrapping)."""
        target = self.session.next_unread(self.sidebar.order(), self.article_index, self._shown)
        if target is None:
            self.notify("No unread articles left.", markup=False)
        else:
            self.article_index = target

    def action_toggle_bookmark(self) -> None:
        """Bookmark the article on screen, or remove its bookmark."""
        path = self.current_path
        if path is None or self.state is None:
            return
        marked = self.state.toggle_bookmark(path)
        self.sidebar.set_bookmarked((self._shown,), marked)
        self.notify("Bookmarked." if marked else "Bookmark removed.", markup=False)

    def action_show_bookmarks(self) -> None:
        """List the bookmarks; the one chosen opens."""
        from tui.screens.bookmarks import BookmarksScreen

        if self.state is None:
            return
        marks = []
        for path in self.state.bookmarks():
            index = self.session.index_of(path)
            entry = self.sidebar.entry(index) if index is not None else None
            marks.append((Path(path), entry.title if entry else shown_name(Path(path).name)))
        self.app.push_screen(BookmarksScreen(marks), self._open_bookmark)

    def _open_bookmark(self, path: Path | None) -> None:
        if path is not None and not self.open_article(path):
            shown = shown_name(str(path))
            self.notify(f"{shown} is not in this library.", severity="warning", markup=False)

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
        count = self.sidebar.article_count or len(self.files)
        parts = [f"{count:,} article" if count == 1 else f"{count:,} articles"]
        if self.grouping != "none":
            parts.append(_GROUP_NAMES[self.grouping])
        parts.append(_SORT_NAMES[self.sorting])
        self.sidebar.border_title = " · ".join(parts)
