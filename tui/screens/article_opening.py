"""Opening an article in the reading pane: which one, its parse, the whole swapped in, where to go.

:class:`ArticleOpening` is composed into the main screen (``screen.opening``). It holds what
the pane shows (index, file, parse) and where to go once it is in, and decides what a choice,
a parse or a request to open does; the screen's worker runs :meth:`ArticleOpening.parses`
and posts each :class:`ArticleParsed`, and the screen follows up on the :class:`Opened` each
step returns (the loading indicator, notices, the views that follow the article, indexing).

Two seams are kept apart for other sources: *what* is opened is a library file (a ``Path``,
found in the session's files), and *how* its :class:`Article` is produced is the ``produce``
function given to the opener (a progressive parse of the file, :func:`parses_of`). A long
article comes in two steps: the quick parse of its opening is shown at once and the whole
swapped in at the same reading position. The parses kept, read marks and positions are the
:class:`tui.library.session.LibrarySession`'s; the :class:`tui.screens.reading_place.ReadingPlace`
saves the reader's place as articles come and go.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tui.article import collector
from tui.article.model import Article
from tui.article.records import record
from tui.library.entry import path_key
from tui.library.positions import position_of

if TYPE_CHECKING:
    from tui.library.session import LibrarySession
    from tui.screens.reading_place import ReadingPlace
    from tui.widgets._reader_layout import PreparedItems
    from tui.widgets.reader_pane import ReaderPane

__all__ = ["ArticleOpening", "ArticleParsed", "Opened", "Parse", "Produce", "parses_of"]

_PREPARE_BLOCKS = 2000
"""Articles with more blocks than this get their display items built in the parsing thread."""

Parse = tuple[Article | None, str, bool]
"""One step of producing an article: (article or None, error, complete)."""

Produce = Callable[[Path, "tuple[Article, bool] | None"], Iterator[Parse]]
"""How an opened file's article is produced: its parses, a long one's opening first.

The second argument is a parse made already (by the start-up helper), to resume from.
"""

_key = path_key


def parses_of(path: Path, first: tuple[Article, bool] | None = None) -> Iterator[Parse]:
    """The parses of a library file: a long one's opening first, then the whole.

    Args:
        path: The article file.
        first: Its parse made already (by the start-up helper), if any.

    Returns:
        The parses, made as they are asked for (run it in a worker).
    """
    from tui.library.loader import parse_progressively

    return parse_progressively(path, first=first)


def is_long(article: Article) -> bool:
    """Whether an article gets its display items built in the thread that parsed it."""
    return sum(len(section.blocks) for section in article.sections) > _PREPARE_BLOCKS


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
        """Index of the article in the library's files; -1 before they are known."""
        self.article = article
        """The parse (None when the file could not be read)."""
        self.error = error
        """Why it could not be parsed ("" when it was)."""
        self.path = path
        """The file (set when ``index`` is -1)."""
        self.complete = complete
        """False for the quick parse of a long article's opening."""
        self.prepared: PreparedItems | None = None
        """The article's display items, built in the thread that parsed a long article."""
        super().__init__()


@record
class Opened:
    """What a step of opening did, for the screen to follow up."""

    shown: bool = False
    """An article, or a fuller parse of it, went into the pane."""
    parse: Path | None = None
    """The file to parse in a worker (the chosen article is not parsed yet)."""
    choose: int = -1
    """An article for the screen to choose (set ``article_index`` to it); -1 for none."""
    failed: Path | None = None
    """The file that could not be parsed."""
    error: str = ""
    """Why it could not be (with :attr:`failed`)."""
    asked: bool = False
    """The failed file is the one the reader chose (say so in the pane's place)."""
    adopted: bool = False
    """The article on screen got its library index (put the sidebar's cursor on it)."""
    settled: bool = False
    """The opening is done for now: the library may be indexed."""


class ArticleOpening:
    """Which article is in the reading pane, and how the one chosen gets there."""

    def __init__(
        self, session: LibrarySession, place: ReadingPlace, produce: Produce = parses_of
    ) -> None:
        """Create the opener of a screen's library (it shows articles once :meth:`attach`).

        Args:
            session: The library: its files, the parses kept, the reading state.
            place: Remembers where the reader was as articles come and go.
            produce: How an opened file's article is produced (:data:`Produce`).
        """
        self.session = session
        self.place = place
        self.produce = produce
        """How an opened file's article is produced."""
        self.shown = -1
        """Index of the article in the pane (differs from the chosen one while parsing)."""
        self.article: Article | None = None
        """The article in the pane."""
        self.shown_path: Path | None = None
        """Its file (known before the library's files are)."""
        self._target: tuple[str, int] | None = None  # where to go once the article is in
        self._early: tuple[Path, Article, bool] | None = None  # first article, files unknown
        self._first_pending: str | None = None  # the first article, while its whole is parsed
        self._pane: ReaderPane | None = None  # kept: on quit the pane is no longer queryable
        self._ui_thread = threading.get_ident()

    def attach(self, pane: ReaderPane) -> None:
        """Show articles in ``pane`` (call on the UI thread)."""
        self._pane = pane
        self._ui_thread = threading.get_ident()

    @property
    def pane(self) -> ReaderPane:
        """The reading pane (after :meth:`attach`)."""
        assert self._pane is not None, "attach() the reading pane first"
        return self._pane

    @property
    def current_path(self) -> Path | None:
        """The library file of the article in the pane (None before the files are known)."""
        files = self.session.files
        return files[self.shown] if 0 <= self.shown < len(files) else None

    # ------------------------------------------------------------------ producing (workers)

    def parses(self, index: int, path: Path) -> Iterator[ArticleParsed]:
        """Produce an article for the pane (in a worker): its parses as messages to post.

        Args:
            index: Its index in the library's files.
            path: Its file.
        """
        for article, error, complete in self.produce(path, None):
            yield ArticleParsed(index, article, error, complete=complete)

    def deliver(self, parses: Iterable[ArticleParsed], post: Callable[[Message], bool]) -> None:
        """Post each parse (from a worker), holding the garbage collector.

        A long article gets its display items built here: building them takes a pass over
        every block (about half a second for 25 MB), and in the worker the UI thread only
        swaps them in and keys stay answered. The collector is held over the parse and that
        building; a long article is frozen at the end (:mod:`tui.article.collector`): it lives
        on, and collections would otherwise rescan it all.

        Args:
            parses: The messages, made as each parse finishes.
            post: The screen's ``post_message``.
        """
        collector.hold()
        long = False
        try:
            for message in parses:
                article = message.article
                if article is not None and is_long(article):
                    long = True
                    if (
                        message.complete
                        and self._pane is not None
                        and threading.get_ident() != self._ui_thread
                    ):
                        message.prepared = self._pane.prepare(article)
                post(message)
        finally:
            collector.release(freeze=long)

    # ------------------------------------------------------------------ opening (UI thread)

    def choose(self, index: int) -> Opened:
        """The reader chose an article: show it at once when parsed already, else parse it."""
        files = self.session.files
        if not 0 <= index < len(files):
            return Opened()
        parsed = self.session.take_parsed(index)
        if parsed is not None:
            return self._show(index, parsed)
        if self._first_pending != _key(files[index]):  # else its whole parse is under way
            return Opened(parse=files[index])
        return Opened()

    def parsed(self, message: ArticleParsed, chosen: int) -> Opened:
        """Take a parse in: show it, swap it for the opening on screen, or keep it.

        Args:
            message: The parse.
            chosen: The article the reader chose (the screen's ``article_index``).
        """
        article, index = message.article, message.index
        files = self.session.files
        if index < 0:  # the first article, parsed before the files were found
            assert message.path is not None
            self._first_pending = None if message.complete else _key(message.path)
            if not files:
                return self._early_parsed(message)
            found = self.session.index_of(message.path)
            if found is None:
                return Opened()
            index = found
        if article is None:
            return Opened(
                failed=files[index], error=message.error, asked=index == chosen, settled=True
            )
        done = Opened(settled=message.complete)
        if message.complete:
            self.session.keep_parsed(index, article)
        if index == chosen:
            if index == self.shown:
                if message.complete and article is not self.article:
                    done = self._swap(article, message.prepared)
            elif message.complete or self._opening_fits(index, article, files[index]):
                done = self._show(index, article, prepared=message.prepared)
        return Opened(shown=done.shown, settled=message.complete)

    def _early_parsed(self, message: ArticleParsed) -> Opened:
        """Show the first article before the library's files are known."""
        article, path, complete = message.article, message.path, message.complete
        assert path is not None
        if article is None:
            return Opened()
        self._early = (path, article, complete)
        if self.shown_path is not None and _key(self.shown_path) == _key(path):
            if complete and article is not self.article:
                return self._swap(article, message.prepared)
        elif complete or self._opening_fits(-1, article, path):
            return self._show(-1, article, path, message.prepared)
        return Opened()

    def start_at(self, start: int) -> Opened:
        """The files are known: give the first article its index, or have ``start`` chosen.

        Args:
            start: The article to start at (the last one read, else the first listed).
        """
        early, self._early = self._early, None
        if early is None or _key(early[0]) != _key(self.session.files[start]):
            return Opened(choose=start, settled=early is None or early[2])
        path, article, complete = early
        if complete:
            self.session.keep_parsed(start, article)
        if self.shown_path is not None and _key(self.shown_path) == _key(path):
            self.shown = start  # already on screen: just book-keeping
            if self.session.state is not None:
                self.session.state.set_last_opened(path)
            self.place.schedule_save()
            return Opened(adopted=True, settled=complete)
        if complete:
            return Opened(shown=self._show(start, article).shown, settled=True)
        return Opened()  # the whole article is still being parsed and arrives as index -1

    def _opening_fits(self, index: int, opening: Article, path: Path) -> bool:
        """Whether the reader starts inside a long article's opening (so it can show now)."""
        if self._target is not None or index in self.session.exact:
            return False
        state = self.session.state
        saved = state.position(self.session.key_of(path)) if state is not None else None
        return saved is None or saved[0] < len(opening.paragraphs) - 1

    def replace(self, path: Path, article: Article) -> bool:
        """Put a new version of a file's article in place (a web teaser made whole).

        On screen, it is swapped in at the reader's place; otherwise the kept parse is
        dropped, so the file is read again when opened.

        Args:
            path: The file that changed.
            article: Its new article.

        Returns:
            True when it was on screen and swapped in.
        """
        index = self.session.index_of(path)
        if index is not None:
            self.session.parsed.pop(index, None)
        if self.shown_path is None or _key(self.shown_path) != _key(path):
            return False
        if index is not None:
            self.session.keep_parsed(index, article)
        self._swap(article)
        return True

    def _swap(self, article: Article, prepared: PreparedItems | None = None) -> Opened:
        """Replace the article on screen by a fuller parse of it, at the same position."""
        pane = self.pane
        position = pane.position()
        self.article = article
        pane.show_article(article, prepared)
        pane.restore_position(position)
        return Opened(shown=True)

    def _show(
        self,
        index: int,
        article: Article,
        path: Path | None = None,
        prepared: PreparedItems | None = None,
    ) -> Opened:
        """Put a parsed article in the pane, at the target or where the reader left it.

        Args:
            index: Its index in the library's files; -1 before the files are known.
            article: The article (or the opening of a long one).
            path: Its file (needed when ``index`` is -1).
            prepared: Its display items, when built in the parsing thread.
        """
        self.place.leave()
        path = path if path is not None else self.session.files[index]
        self.shown, self.article, self.shown_path = index, article, path
        self.pane.show_article(article, prepared)
        if not self._go_to_target(article):
            saved = self.session.saved_position(index, path, article)
            if saved is not None:
                self.pane.restore_position(saved)
        if self.session.state is not None and index >= 0:
            self.session.state.set_last_opened(path)
        if index >= 0:
            self.place.schedule_save()
        return Opened(shown=True)

    def _go_to_target(self, article: Article) -> bool:
        """Go where :meth:`aim` asked, once (False when nothing was asked)."""
        target, self._target = self._target, None
        if target is None:
            return False
        if target[0] == "section":
            self.pane.scroll_to_section(target[1])
        else:
            self.pane.restore_position(position_of(article, target[1]))
        return True

    def aim(
        self, path: Path, chosen: int, *, section: int | None = None, paragraph: int | None = None
    ) -> Opened | None:
        """Open a library article at a section or paragraph (there at once when it is shown).

        Args:
            path: The article's file.
            chosen: The article the reader chose (the screen's ``article_index``).
            section: Section to scroll to.
            paragraph: Paragraph (index in ``Article.paragraphs``) to scroll to.

        Returns:
            None when the file is not part of this library, else what to follow up (the
            article for the screen to choose when it is another one).
        """
        index = self.session.index_of(path)
        if index is None:
            return None
        if section is not None:
            self._target = ("section", section)
        elif paragraph is not None:
            self._target = ("paragraph", paragraph)
        if index != chosen:
            return Opened(choose=index)
        if index != self.shown:
            return self.choose(index)
        if self.article is None:
            self._target = None
        else:
            self._go_to_target(self.article)
        return Opened()
