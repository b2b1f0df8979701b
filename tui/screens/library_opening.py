"""Opening articles in the reading pane, and remembering the reader's place in them.

:class:`ArticleOpener` is the base of :class:`tui.screens.library_screen.LibraryScreen` (which
finds and indexes the library). It parses an article only when it is opened, keeps the last
few, and opens a long article in two steps: the quick parse of its opening is shown at once and
the whole article swapped in at the same reading position. What is open, the parses kept, read
marks and reading positions are held by the screen's :class:`tui.library.session.LibrarySession`;
its :class:`tui.screens.reading_place.ReadingPlace` (``self.place``) saves positions after a
pause in scrolling, and on quit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import getters, on, work
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer

from tui.article import collector
from tui.article.model import Article
from tui.article.sanitize import shown_name
from tui.library.entry import path_key
from tui.library.positions import position_of
from tui.library.session import PARSED_KEPT, LibrarySession
from tui.library.state import ReadingState
from tui.screens.reading_place import ReadingPlace
from tui.widgets._reader_layout import PreparedItems
from tui.widgets.library_tree import LibraryTree
from tui.widgets.reader_pane import ReaderPane

__all__ = ["PARSED_KEPT", "ArticleOpener"]

_PREPARE_BLOCKS = 2000
"""Articles with more blocks than this get their display items built in the parsing thread."""

_key = path_key


def _is_long(article: Article) -> bool:
    """Whether an article gets its display items built in the thread that parsed it."""
    return sum(len(section.blocks) for section in article.sections) > _PREPARE_BLOCKS


class ArticleOpener(Screen[None]):
    """Opens the library's articles in the reading pane and keeps the reader's place."""

    article_index: var[int] = var(-1)
    """Index (in :attr:`files`) of the article chosen; -1 before any is."""

    reader = getters.query_one(ReaderPane)
    sidebar = getters.query_one(LibraryTree)

    class ArticleParsed(Message):
        """An article opened by the reader was parsed (``article`` None when it could not be).

        ``index`` is -1 for the first article, parsed before the library's files are known
        (``path`` says which file it is). ``complete`` is False for the quick parse of a long
        article's opening; the whole one follows.
        """

        def __init__(
            self,
            index: int,
            article: Article | None,
            error: str,
            *,
            path: Path | None = None,
            complete: bool = True,
        ) -> None:
            self.index = index
            self.article = article
            self.error = error
            self.path = path
            self.complete = complete
            self.prepared: PreparedItems | None = None
            """The article's display items, built in the thread that parsed a long article."""
            super().__init__()

    def __init__(self, paths: Sequence[Path] = ()) -> None:
        """Create the screen (the library is found by the subclass).

        Args:
            paths: Files and folders to open (folders are searched recursively).
        """
        super().__init__()
        self.session = LibrarySession(paths)
        """What is open, read marks, bookmarks, positions and the parses kept (no Textual)."""
        self._shown = -1  # the article in the pane (differs from article_index while parsing)
        self._article: Article | None = None  # and its parse
        self._shown_path: Path | None = None  # and its file (known before :attr:`files` is)
        self._target: tuple[str, int] | None = None  # where to go once the article is in
        self.place = ReadingPlace(self)
        """Saves the reading position after a pause in scrolling, and read marks."""
        self._spinner: Timer | None = None  # shows the loading indicator if opening is slow
        self._pane: ReaderPane | None = None
        self._early: tuple[Path, Article, bool] | None = None  # first article, files unknown
        self._first_pending: str | None = None  # the first article, while its whole is parsed

    @property
    def files(self) -> tuple[Path, ...]:
        """Every article file, in the order found; :attr:`article_index` indexes it."""
        return self.session.files

    @property
    def state(self) -> ReadingState | None:
        """Read marks, bookmarks and positions (opened on mount)."""
        return self.session.state

    def post_message(self, message: Message) -> bool:
        """Post a message; a long article parsed in a worker gets its display items built there.

        Building the items of a huge article takes a pass over every block (about half a
        second for 25 MB): done here, in the worker that posts the parse, the UI thread only
        swaps them in and keys stay answered while the article loads.
        """
        if (
            isinstance(message, ArticleOpener.ArticleParsed)
            and message.complete
            and message.article is not None
            and message.prepared is None
            and self._pane is not None
            and threading.get_ident() != self._thread_id  # in a worker: the UI thread is free
            and _is_long(message.article)
        ):
            message.prepared = self._pane.prepare(message.article)
        return super().post_message(message)

    def post_parses(self, parses: Iterable[ArticleParsed]) -> None:
        """Post each parse of an article (from a worker), holding the garbage collector.

        The hold spans the parse and the building of the display items. A long article is
        frozen at its end (:mod:`tui.article.collector`): it lives on, and collections would
        otherwise rescan it all (a second's pause after 100 MB, 20 ms on a key after 1 MB).

        Args:
            parses: The messages, made as each parse finishes.
        """
        collector.hold()
        long = False
        try:
            for message in parses:
                article = message.article
                long = long or (article is not None and _is_long(article))
                self.post_message(message)
        finally:
            collector.release(freeze=long)

    def _start_indexing(self) -> None:
        """Called once the opened article is in: the subclass indexes the library then."""

    def _stop_loading(self) -> None:
        if self._spinner is not None:  # the loading indicator is not due any more
            self._spinner.stop()
            self._spinner = None
        if not self.reader.loading:
            return
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
        parsed = self.session.take_parsed(new)
        if parsed is not None:
            self._show(new, parsed)
        elif self._first_pending != _key(self.files[new]):  # else its whole parse is under way
            self._parse_article(new, self.files[new])

    @work(
        thread=True,
        exclusive=True,
        group="parse",
        exit_on_error=False,
        description="parse an article",
    )
    def _parse_article(self, index: int, path: Path) -> None:
        from tui.library.loader import parse_progressively

        self.post_parses(
            self.ArticleParsed(index, article, error, complete=complete)
            for article, error, complete in parse_progressively(path)
        )

    @on(ArticleParsed)
    def _article_parsed(self, message: ArticleParsed) -> None:
        article, index = message.article, message.index
        if index < 0:  # the first article, parsed before the files were found
            assert message.path is not None
            self._first_pending = None if message.complete else _key(message.path)
            if not self.files:
                self._early_parsed(message.path, article, message.complete, message.prepared)
                return
            found = self.session.index_of(message.path)
            if found is None:
                return
            index = found
        if article is None:
            self._stop_loading()
            where = shown_name(f"{self.files[index]}: {message.error}")
            self.notify(where, title="Could not open", severity="error", markup=False)
            if index == self.article_index:  # the one the reader asked for: say so in its place
                from tui.widgets.notice import could_not_open

                self.show_notice(could_not_open(self.files[index], message.error))
            self._start_indexing()
            return
        if message.complete:
            self.session.keep_parsed(index, article)
        if index == self.article_index:
            if index == self._shown:
                if message.complete and article is not self._article:
                    self._swap(article, message.prepared)
            elif message.complete or self._opening_fits(index, article, self.files[index]):
                self._show(index, article, prepared=message.prepared)
        if message.complete:
            self._start_indexing()

    def _early_parsed(
        self, path: Path, article: Article | None, complete: bool, prepared: PreparedItems | None
    ) -> None:
        """Show the first article before the library's files are known."""
        if article is None:
            return
        self._early = (path, article, complete)
        if self._shown_path is not None and _key(self._shown_path) == _key(path):
            if complete and article is not self._article:
                self._swap(article, prepared)
        elif complete or self._opening_fits(-1, article, path):
            self._show(-1, article, path, prepared)

    def _opening_fits(self, index: int, opening: Article, path: Path) -> bool:
        """Whether the reader starts inside a long article's opening (so it can show now)."""
        if self._target is not None or index in self.session.exact:
            return False
        saved = self.state.position(path) if self.state is not None else None
        return saved is None or saved[0] < len(opening.paragraphs) - 1

    def _swap(self, article: Article, prepared: PreparedItems | None = None) -> None:
        """Replace the article on screen by a fuller parse of it, at the same position."""
        position = self.reader.position()
        self._article = article
        self.reader.show_article(article, prepared)
        self.reader.restore_position(position)
        self.article_shown()

    def _show(
        self,
        index: int,
        article: Article,
        path: Path | None = None,
        prepared: PreparedItems | None = None,
    ) -> None:
        """Put a parsed article in the pane, at the target or where the reader left it.

        Args:
            index: Its index in :attr:`files`; -1 before the files are known.
            article: The article (or the opening of a long one).
            path: Its file (needed when ``index`` is -1).
            prepared: Its display items, when built in the parsing thread.
        """
        self.place.leave()
        path = path if path is not None else self.files[index]
        self._shown, self._article, self._shown_path = index, article, path
        self.reader.show_article(article, prepared)
        target, self._target = self._target, None
        if target is not None and target[0] == "section":
            self.reader.scroll_to_section(target[1])
        elif target is not None:
            self.reader.restore_position(position_of(article, target[1]))
        elif (saved := self.session.saved_position(index, path, article)) is not None:
            self.reader.restore_position(saved)
        if self.state is not None and index >= 0:
            self.state.set_last_opened(path)
        if self.reader.loading or self._spinner is not None:
            self._stop_loading()
            if self.focused is None:  # auto-focus skips a pane that is still loading
                self.reader.focus()
        self.article_shown()
        if index >= 0:
            self.place.schedule_save()

    def article_shown(self) -> None:
        """Called when an article has been put in the pane (the main screen updates views)."""

    def show_notice(self, text: Content) -> None:
        """Called to say, in the pane's place, why there is nothing to read (a subclass hook).

        Args:
            text: What happened and what to do (plain Content, never markup).
        """

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
        index = self.session.index_of(path)
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

    @property
    def _reads_due(self) -> list[tuple[Path, int, bool]]:
        """Read marks to write after the next frame (kept by :attr:`place`)."""
        return self.place.reads_due

    def _reader_scrolled(self) -> None:
        self.place.scrolled()

    def on_unmount(self) -> None:
        """Save the position on quit and close the reading state."""
        self.place.close()
