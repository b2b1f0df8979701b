"""One reading session of a library: what is open, read marks, bookmarks, positions, parses kept.

:class:`LibrarySession` is plain Python (no Textual): the main screen owns one, calls
:meth:`LibrarySession.find` and :meth:`LibrarySession.index` from its worker threads and posts
what they return as messages, and asks it on the UI thread which article is next unread, which
are bookmarked and where the reader left an article. The reading state behind it is
:class:`tui.library.state.ReadingState`; the index is :class:`tui.library.index.LibraryIndex`.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tui.article.model import Article
from tui.dbfaults import describe
from tui.library.entry import path_key
from tui.library.positions import PanePosition, paragraph_at, position_of
from tui.library.state import ReadingState, is_url_key

if TYPE_CHECKING:
    from tui.library.index import Entry

__all__ = ["BATCH", "BATCH_SECONDS", "PARSED_KEPT", "Found", "Indexed", "LibrarySession"]

PARSED_KEPT = 8
"""How many parsed articles are kept for going back and forth without parsing again."""

BATCH = 500
BATCH_SECONDS = 0.25
"""Indexing hands over this many entries, or what it has after this long."""

Indexed = tuple[tuple[Path, "Entry | None", str], ...]
"""(path, entry or None when unreadable, reason) for each file indexed."""


class Found(NamedTuple):
    """The library's files, and the index's up-to-date entries for them."""

    files: tuple[Path, ...]
    """Every article file, in the order found."""
    skipped: tuple[tuple[Path, str], ...]
    """Paths left out, with the reason."""
    cached: dict[str, Entry]
    """Entries that need no parsing, by ``str(path)``."""
    problem: str | None
    """Why the index could not be used (None when it could)."""


class LibrarySession:
    """What is open in a library and the reader's marks on it (one per main screen)."""

    def __init__(self, paths: Sequence[Path]) -> None:
        """Create the session of a library (nothing is read until asked).

        Args:
            paths: Files and folders to open (folders are searched recursively).
        """
        self.paths = tuple(paths)
        """The files and folders the library was opened from."""
        self.files: tuple[Path, ...] = ()
        """Every article file, in the order found (empty until :meth:`set_files`)."""
        self.state: ReadingState | None = None
        """Read marks, bookmarks and positions (opened by :meth:`open_state`)."""
        self.read: set[str] = set()
        """The read articles, by :meth:`key_of` (a path key, or a web article's URL)."""
        self.parsed: OrderedDict[int, Article] = OrderedDict()
        """The last :data:`PARSED_KEPT` articles parsed in full, by index in :attr:`files`."""
        self.exact: dict[int, PanePosition] = {}
        """This session's exact pane positions, by index in :attr:`files`."""
        self.skipped: list[tuple[Path, str]] = []
        """Files that could not be listed, with the reason (until reported)."""
        self.quiet: set[Path] = set()
        """Folders not reported when empty or missing (the web shelf before its first sync)."""
        self._index_of: dict[str, int] = {}

    # ------------------------------------------------------------------ files

    @property
    def roots(self) -> list[Path] | None:
        """The folders the library was opened from (None when only files were given)."""
        return [p for p in self.paths if p.is_dir()] or None

    def open_state(self, report: Callable[[str], None]) -> ReadingState:
        """Open the reading state and load the read marks.

        Args:
            report: Told why the state cannot be saved, when it cannot.
        """
        self.state = ReadingState(report=report)
        self.read = {k if is_url_key(k) else path_key(k) for k in self.state.read_paths()}
        return self.state

    def set_files(self, files: tuple[Path, ...], skipped: Sequence[tuple[Path, str]] = ()) -> None:
        """Take the files found (see :meth:`find`) and those left out, with the reason."""
        self.files = ()
        self._index_of = {}
        self.add_files(files)
        self.skipped.extend(skipped)

    def add_files(self, files: Sequence[Path]) -> list[int]:
        """Add files after those listed (a refresh's new web entries); return their indexes.

        Files listed already are left where they are (and not returned).
        """
        added: list[int] = []
        listed = list(self.files)
        for path in files:
            key = path_key(path)
            if key in self._index_of:
                continue
            n = len(listed)
            listed.append(path)
            self._index_of[key] = n
            url = self._url_of(path)
            if url is not None:
                self._index_of.setdefault(url, n)
            added.append(n)
        self.files = tuple(listed)
        return added

    @staticmethod
    def _url_of(path: Path | str) -> str | None:
        """A web shelf file's read key (its canonical URL); None for any other file."""
        from tui.library.html_files import is_html

        if not is_html(path):
            return None  # no look-up (nor import) for a library of text files
        from tui.web.shelf import file_record

        found = file_record(path)
        return found.key if found is not None else None

    def key_of(self, path: Path | str) -> str:
        """The key read marks, bookmarks and positions are kept under.

        A file's absolute path, except for a web shelf file: its canonical URL (from the
        shelf's manifest), so marks outlive the shelf's rebuilds and match the store's keys.
        """
        if isinstance(path, str) and is_url_key(path):
            return path
        return self._url_of(path) or path_key(path)

    def index_of(self, path: Path | str) -> int | None:
        """The index of a file (or a web article's URL) in :attr:`files`; None when not there."""
        if isinstance(path, str) and is_url_key(path):
            return self._index_of.get(path)
        return self._index_of.get(path_key(path))

    def find(self) -> Found:
        """Find the library's files and read the index's entries for them (for a worker)."""
        from tui.library.index import LibraryIndex
        from tui.library.loader import find_articles

        files, skipped = find_articles(self.paths)
        skipped = [(path, why) for path, why in skipped if path not in self.quiet]
        try:
            with LibraryIndex() as index:
                cached = index.cached(files, roots=self.roots)
                problem = index.problem
        except Exception as exc:  # noqa: BLE001 - without the index every file is parsed
            cached, problem = {}, describe(exc)
        return Found(tuple(files), tuple(skipped), cached, problem)

    def to_index(self, shown: int) -> tuple[tuple[Path, ...], dict[str, Article]]:
        """The files to index, the one on screen last, and the articles already parsed."""
        files = self.files
        rest = tuple(f for n, f in enumerate(files) if n != shown)
        parsed = {path_key(files[n]): article for n, article in self.parsed.items()}
        return rest + ((files[shown],) if 0 <= shown < len(files) else ()), parsed

    def index(
        self,
        files: tuple[Path, ...],
        parsed: dict[str, Article],
        cancelled: Callable[[], bool],
        hand_over: Callable[[Indexed, int, int], None],
        *,
        forget: bool = True,
    ) -> str | None:
        """Index new and changed files (for a worker); return the index's problem, if any.

        Args:
            files: The files, in the order to index them.
            parsed: Articles already parsed in full, by path key (stored as they are).
            cancelled: Whether to stop.
            hand_over: Given each batch of entries with (done, total).
            forget: Drop index entries of files that are gone (the whole library's indexing
                only: given a few new files it would check every other stored path).
        """
        from tui.library.index import LibraryIndex

        count = [0, 0]  # (done, total) from the index's progress callback

        def note(done: int, total: int) -> None:
            count[:] = [done, total]

        with LibraryIndex() as index:
            updates = index.update(
                files, progress=note, should_stop=cancelled, roots=self.roots, parsed=parsed
            )
            batch: list[tuple[Path, Entry | None, str]] = []
            sent = time.monotonic()
            for item in updates:
                batch.append(item)
                if len(batch) >= BATCH or time.monotonic() - sent >= BATCH_SECONDS:
                    hand_over(tuple(batch), count[0], count[1])
                    batch, sent = [], time.monotonic()
            if batch:
                hand_over(tuple(batch), count[0], count[1])
            if forget and not cancelled():
                index.forget_missing(files)
            return index.problem

    # ------------------------------------------------------------------ read marks, bookmarks

    def is_read(self, path: Path | str) -> bool:
        """Whether the reader has read an article."""
        return self.key_of(path) in self.read

    def unread(self) -> Iterator[int]:
        """The indexes of the unread articles."""
        return (n for n, p in enumerate(self.files) if self.key_of(p) not in self.read)

    def note_read(self, path: Path, read: bool) -> bool:
        """Mark an article read or unread in memory; False when it already was."""
        if self.is_read(path) == read:
            return False
        (self.read.add if read else self.read.discard)(self.key_of(path))
        return True

    def next_unread(self, order: Sequence[int], at: int, shown: int) -> int | None:
        """The next unread article after ``at`` in ``order`` (wrapping), not ``shown``."""
        order = list(order) or list(range(len(self.files)))
        start = order.index(at) if at in order else -1
        for step in range(1, len(order) + 1):
            candidate = order[(start + step) % len(order)]
            if candidate != shown and not self.is_read(self.files[candidate]):
                return candidate
        return None

    def bookmarked(self) -> Iterator[int]:
        """The indexes of the bookmarked articles in this library."""
        if self.state is None:
            return iter(())
        marks = (self.index_of(path) for path in self.state.bookmarks())
        return (n for n in marks if n is not None)

    # ------------------------------------------------------------------ parses and positions

    def keep_parsed(self, index: int, article: Article) -> None:
        """Keep a whole parse (the oldest beyond :data:`PARSED_KEPT` go)."""
        self.parsed[index] = article
        while len(self.parsed) > PARSED_KEPT:
            self.parsed.popitem(last=False)

    def take_parsed(self, index: int) -> Article | None:
        """A kept parse (now the most recent), or None."""
        article = self.parsed.get(index)
        if article is not None:
            self.parsed.move_to_end(index)
        return article

    def remember_position(self, index: int, path: Path, article: Article,
                          position: PanePosition) -> None:  # fmt: skip
        """Keep where the reader is in an article: exactly for this session, and saved."""
        self.exact[index] = position
        if self.state is not None:
            self.state.set_position(self.key_of(path), *paragraph_at(article, position))

    def saved_position(self, index: int, path: Path, article: Article) -> PanePosition | None:
        """Where the reader left an article: this session's exact place, else the saved one."""
        if index in self.exact:
            return self.exact[index]
        saved = self.state.position(self.key_of(path)) if self.state is not None else None
        if saved is not None:
            return position_of(article, *saved)
        return None

    def close(self, reads: Sequence[tuple[Path, bool]] = ()) -> None:
        """Write read marks not yet written and close the reading state."""
        if self.state is not None:
            for path, read in reads:
                self.state.set_read(self.key_of(path), read)
            self.state.close()
            self.state = None
