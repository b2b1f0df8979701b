"""Keeping the reader's place: positions saved after a pause in scrolling, read marks after a frame.

:class:`ReadingPlace` is composed into the main screen (``screen.place``); it watches the
reading pane's scrolling, and stores what it learns in the screen's
:class:`tui.library.session.LibrarySession` (positions, read marks), which writes the reading
state. It waits on the screen's timers and frames so that a scroll repaints first and the
database is written after.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui.screens.main import MainScreen
    from tui.widgets.reader_pane import ReaderPane

__all__ = ["SAVE_DELAY", "ReadingPlace"]

SAVE_DELAY = 1.5
"""Seconds of quiet scrolling before the reading position is saved."""


class ReadingPlace:
    """Saves where the reader is and what they have read, for the screen that owns it."""

    def __init__(self, screen: MainScreen) -> None:
        """Create the helper of a screen (it follows a pane once :meth:`follow` is called).

        Args:
            screen: The screen whose article, session and sidebar it uses.
        """
        self._screen = screen
        self._pane: ReaderPane | None = None  # kept: on unmount the pane is not queryable
        self._save_timer: Timer | None = None
        self.reads_due: list[tuple[Path, int, bool]] = []
        """Read marks to write after the next frame: (path, index in files, read)."""

    def follow(self, pane: ReaderPane) -> None:
        """Watch a reading pane's scrolling."""
        self._pane = pane
        self._screen.watch(pane, "scroll_y", self.scrolled, init=False)

    def leave(self) -> None:
        """Remember where the reader is in the article on screen."""
        screen = self._screen
        article, path = screen.current_article, screen.current_path
        if article is None or path is None or self._pane is None:
            return
        screen.session.remember_position(screen.shown_index, path, article, self._pane.position())

    def scrolled(self) -> None:
        """The pane scrolled: reaching the end marks the article read; save after a pause."""
        reader = self._screen.reader
        if reader.max_scroll_y > 0 and reader.scroll_y >= reader.max_scroll_y:
            self.mark_read(True)
        self.schedule_save()

    def schedule_save(self) -> None:
        """Save the position once scrolling has paused for :data:`SAVE_DELAY` seconds."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self._screen.set_timer(SAVE_DELAY, self._save_now)

    def _save_now(self) -> None:
        self._save_timer = None
        reader = self._screen.reader
        if reader.virtual_size.height and reader.virtual_size.height <= reader.size.height:
            self.mark_read(True)  # the whole article fits: it has been seen to its end
        self.leave()

    def mark_read(self, read: bool) -> None:
        """Mark the article on screen read or unread (written after the next frame)."""
        screen = self._screen
        path = screen.current_path
        if path is None or screen.state is None or not screen.session.note_read(path, read):
            return
        # After the frame: reaching the end is a scroll, whose repaint comes first (a new
        # marker redraws the sidebar's lines, and the state is a database write).
        if not self.reads_due:
            screen.call_after_refresh(self._store_reads)
        self.reads_due.append((path, screen.shown_index, read))

    def _store_reads(self) -> None:
        """Write the read marks set since the last frame, and show them in the sidebar."""
        due, self.reads_due = self.reads_due, []
        screen = self._screen
        for path, index, read in due:
            if screen.state is not None:
                screen.state.set_read(screen.session.key_of(path), read)
            screen.sidebar.set_unread(index, not read)

    def close(self) -> None:
        """Save the position and the marks not yet written (quit at once), close the state."""
        if self._screen.state is not None:
            self.leave()
            due, self.reads_due = self.reads_due, []
            self._screen.session.close([(path, read) for path, _, read in due])
