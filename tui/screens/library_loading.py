"""Loading the main screen's library: the first article, the files found, the index's progress.

Start-up is ordered for the first paint: the article to open (the last one read, else the
first file) is picked with a few file checks and parsed (a long one's opening only) on mount,
so the first frame already shows it; then one worker finds the rest of the library and reads
the index's cached entries for the sidebar. New or changed files are indexed in a second
worker, started only once the first article is in, so it does not compete with it.

:class:`LibraryLoading` is composed into the main screen (``screen.loader``): it fills the
sidebar and the status line from what the workers post (:class:`LibraryFound`,
:class:`EntriesIndexed`, :class:`IndexFinished`) and says once what went wrong. The workers
are the screen's (``@work`` methods, so "latest wins" holds per screen) and run
:meth:`LibraryLoading.find` and :meth:`LibraryLoading.index`, which call the
:class:`tui.library.session.LibrarySession` and post what it returns; the screen's handlers
pass the messages back here. It also shows the pane's loading indicator when opening is slow.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tui.article.sanitize import shown_name
from tui.dbfaults import describe
from tui.screens.article_opening import ArticleParsed

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui.article.model import Article
    from tui.library.index import Entry
    from tui.library.prefetch import Prefetch
    from tui.library.session import Indexed
    from tui.library.state import ReadingState
    from tui.screens.article_opening import Parse
    from tui.screens.main import MainScreen

__all__ = [
    "LOADING_DELAY",
    "EntriesIndexed",
    "IndexFinished",
    "LibraryFound",
    "LibraryLoading",
    "arrangement_title",
]

LOADING_DELAY = 0.3
"""Seconds before the pane shows its loading indicator, if no article is in by then."""

_GROUP_NAMES = {"none": "", "folder": "by folder", "outlet": "by outlet"}
_SORT_NAMES = {"file": "file order", "date": "newest first", "title": "by title"}


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
        """Files handled so far."""
        self.total = total
        """Files to handle."""
        super().__init__()


class IndexFinished(Message):
    """The index worker is done (or was stopped, or failed: ``problem`` says why)."""

    def __init__(self, problem: str | None = None) -> None:
        self.problem = problem
        """Why the index could not be saved (None when all went well)."""
        super().__init__()


def arrangement_title(count: int, grouping: str, sorting: str) -> str:
    """The sidebar's title: how many articles, how grouped and sorted."""
    parts = [f"{count:,} article" if count == 1 else f"{count:,} articles"]
    if grouping != "none":
        parts.append(_GROUP_NAMES[grouping])
    parts.append(_SORT_NAMES[sorting])
    return " · ".join(parts)


class LibraryLoading:
    """Brings the library into the main screen: first article, sidebar, index progress."""

    def __init__(self, screen: MainScreen, prefetch: Prefetch | None = None) -> None:
        """Create the loader of a screen's library.

        Args:
            screen: The screen whose session, sidebar and status line it fills.
            prefetch: A helper parsing the first article (see :mod:`tui.library.prefetch`).
        """
        self._screen = screen
        self._prefetch = prefetch
        self._indexing = False  # the index worker was started
        self._index_fault_told = False
        self._spinner: Timer | None = None  # shows the loading indicator if opening is slow

    @property
    def skipped(self) -> list[tuple[Path, str]]:
        """Files that could not be listed or read, with the reason (until reported)."""
        return self._screen.session.skipped

    def open_state(self) -> ReadingState:
        """Open the reading state (saying so when it was damaged and reset)."""
        state = self._screen.session.open_state(self._state_fault)
        if state.recovered_from is not None:
            self._screen.notify(
                f"The reading state was damaged and has been reset "
                f"(the old file is kept as {state.recovered_from}).",
                title="Reading state",
                severity="warning",
                markup=False,
            )
        return state

    def _state_fault(self, reason: str) -> None:
        """The reading state cannot be saved (it says so once): the session goes on."""
        from tui.settings import paths

        # Called from ReadingState() itself when opening fails, before the state is set.
        state = self._screen.state
        path = state.db_path if state is not None else paths.data_dir()
        self._screen.notify(
            f"Read marks, bookmarks and positions cannot be saved to {path} ({reason}). "
            "They are kept for this session and saved as soon as that works again.",
            title="Reading state",
            severity="warning",
            markup=False,
            timeout=10,
        )

    def first_parses(self, last: str | None) -> tuple[Path | None, Iterator[Parse]]:
        """The article to open first and its parses (the helper's, when it has one).

        It takes a few file checks, and the first parse at most
        :data:`tui.library.loader.PREFIX_CHARS` of text, so the screen can show it before the
        first frame; the rest of a long article is parsed by the worker, which resumes the
        same generator.

        Args:
            last: The last article read, if any.
        """
        from tui.library.loader import first_article

        screen = self._screen
        first = first_article(screen.session.paths, last)
        prefetch, self._prefetch = self._prefetch, None
        if first is None:
            if prefetch is not None:
                prefetch.close()
            return None, iter(())
        parsed = prefetch.take(first) if prefetch is not None else None
        return first, screen.opening.produce(first, parsed)

    def find(
        self,
        paths: tuple[Path, ...],
        first: Path | None,
        parses: Iterator[Parse],
        post: Callable[[Message], bool],
    ) -> None:
        """The ``find the library`` worker's work: the files, then the rest of the first article.

        Args:
            paths: The paths the library was opened with.
            first: The first article (already in the pane: a long one's opening).
            parses: The rest of its parses (see :meth:`first_parses`).
            post: Posts a message to the screen (called from the worker thread).
        """
        screen = self._screen
        # The first article (a long one's opening) is already in: the rest of a lone long
        # file comes before the walk, since finding that one file again matters less.
        messages = (
            ArticleParsed(-1, article, error, path=first, complete=complete)
            for article, error, complete in parses
        )
        if len(paths) == 1 and not paths[0].is_dir():
            screen.opening.deliver(itertools.islice(messages, 1), post)
        post(LibraryFound(*screen.session.find()))
        screen.opening.deliver(messages, post)  # the rest of a long first article

    def fill(self, message: LibraryFound) -> int | None:
        """Put the files found in the session and the sidebar.

        Returns:
            The article to start at (the last one read, else the first listed), or None
            when there is nothing to read (the pane says why).
        """
        screen = self._screen
        self.index_fault(message.problem)
        session = screen.session
        session.set_files(message.files, message.skipped)
        files, cached = session.files, message.cached
        screen.sidebar.set_entries(
            ((n, cached[str(p)]) for n, p in enumerate(files) if str(p) in cached),
            session.unread(),
        )
        if session.state is not None:
            screen.sidebar.set_bookmarked(session.bookmarked())
        if not files:
            from tui.widgets.notice import nothing_to_read

            # The pane says what was tried and why it failed: no toast repeats it.
            screen.show_notice(nothing_to_read(session.paths, self.skipped))
            self.skipped.clear()
            self.stop_loading()
            screen.status.progress = ""
            return None
        if len(cached) < len(files):
            screen.status.progress = "Indexing… 0%"
        assert session.state is not None
        last = session.state.last_opened()
        found = session.index_of(last) if last is not None else None
        if found is not None:
            return found
        order = screen.sidebar.order()
        return order[0] if order else 0

    def to_index(self) -> tuple[tuple[Path, ...], dict[str, Article]] | None:
        """What the index worker is to index, the open article last (once only; else None).

        The articles already parsed in full are indexed as they are, not parsed again.
        """
        screen = self._screen
        if self._indexing or not screen.session.files:
            return None
        self._indexing = True
        return screen.session.to_index(screen.shown_index)

    def index(
        self,
        files: tuple[Path, ...],
        parsed: dict[str, Article],
        cancelled: Callable[[], bool],
        post: Callable[[Message], bool],
    ) -> None:
        """The ``index the library`` worker's work: batches of entries, then the end.

        Args:
            files: The files to index (see :meth:`to_index`).
            parsed: Articles already parsed in full, by ``str(path)``.
            cancelled: Whether the worker was cancelled (it stops between files).
            post: Posts a message to the screen (called from the worker thread).
        """

        def hand_over(items: Indexed, done: int, total: int) -> None:
            post(EntriesIndexed(items, done, total))

        try:
            problem = self._screen.session.index(files, parsed, cancelled, hand_over)
        except Exception as exc:  # noqa: BLE001 - never leave "Indexing…" up with no word
            problem = describe(exc)
        post(IndexFinished(problem))

    def add_entries(self, message: EntriesIndexed) -> None:
        """Show a batch of indexed files in the sidebar, and the progress."""
        screen = self._screen
        session = screen.session
        for path, entry, reason in message.items:
            index = session.index_of(path)
            if index is None:
                continue
            if entry is None:
                self.skipped.append((path, reason))
            else:
                unread = not session.is_read(path)
                screen.sidebar.upsert(index, entry, unread=unread)
                if index == screen.shown_index:  # its node is new: put the cursor there
                    screen.sidebar.show_position(index, screen.reader.current_section)
        if message.done < message.total:
            screen.status.progress = f"Indexing… {100 * message.done // message.total}%"

    def finished(self, message: IndexFinished) -> None:
        """The index is done: clear the progress, say what was skipped or went wrong."""
        self.index_fault(message.problem)
        self._screen.status.progress = ""
        self._report_skipped()

    def index_fault(self, problem: str | None) -> None:
        """Say once that the index cannot be used or saved; articles are parsed from files."""
        if problem is None or self._index_fault_told:
            return
        from tui.settings import paths

        self._index_fault_told = True
        self._screen.notify(
            f"The library index in {paths.cache_dir()} cannot be used or saved ({problem}). "
            "Articles are read from their files this session; library search finds only what "
            "was indexed before.",
            title="Library index",
            severity="warning",
            markup=False,
            timeout=10,
        )

    # ----------------------------------------------------------------------- the spinner

    @property
    def loading(self) -> bool:
        """Whether the pane's loading indicator is shown, or due to show."""
        return self._screen.reader.loading or self._spinner is not None

    def show_loading_later(self) -> None:
        """Show the loading indicator if no article is in after :data:`LOADING_DELAY`.

        Only when opening is slow: drawing it would slow a quick first paint.
        """
        self._spinner = self._screen.set_timer(LOADING_DELAY, self._show_loading)

    def _show_loading(self) -> None:
        self._spinner = None
        self._screen.reader.loading = True

    def stop_loading(self) -> None:
        """Take the pane's loading indicator away (and the timer that would show it)."""
        if self._spinner is not None:  # the loading indicator is not due any more
            self._spinner.stop()
            self._spinner = None
        screen = self._screen
        if not screen.reader.loading:
            return
        screen.reader.loading = False
        # Keys of a loading widget are inactive and Textual does not announce the change
        # back, so tell the footer (and key dispatch) that the pane's keys are live again.
        screen.refresh_bindings()

    def _report_skipped(self) -> None:
        skipped = self.skipped
        if not skipped:
            return
        # One line per file: a name is shown escaped (a newline in it would fake a line).
        first = "\n".join(
            f"{shown_name(str(path))}: {shown_name(reason)}" for path, reason in skipped[:5]
        )
        more = len(skipped) - 5
        tail = f"\n…and {more} more" if more > 0 else ""
        count = len(skipped)
        title = f"Skipped {count} file" + ("" if count == 1 else "s")
        self._screen.notify(first + tail, title=title, severity="warning", markup=False)
        skipped.clear()
