"""The bookmarks view: a list of bookmarked articles; Enter opens one, Escape closes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.article.sanitize import shown_name

__all__ = ["BookmarksScreen"]


class BookmarksScreen(ModalScreen[Path | None]):
    """Lists bookmarks; dismisses with the chosen article's path, or None."""

    DEFAULT_CSS = """
    BookmarksScreen {
        align: center middle;
    }
    BookmarksScreen > OptionList {
        width: 80%;
        max-height: 80%;
        border: round $primary;
        background: $surface;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="close-bookmarks",
                tooltip="Close the bookmarks without opening one"),
    ]  # fmt: skip

    def __init__(self, marks: Sequence[tuple[Path, str]]) -> None:
        """Create the view.

        Args:
            marks: ``(path, title)`` of each bookmarked article, in the order to list them.
        """
        super().__init__()
        self._marks = tuple(marks)

    def compose(self) -> ComposeResult:
        """One option per bookmark: title, then the file name, dim."""
        # Titles come from articles: plain Content, never markup; file names shown escaped.
        names = [shown_name(path.name) for path, _ in self._marks]
        options = [
            Option(Content.assemble(title or name, ("  " + name, "dim")), id=str(n))
            for n, ((_, title), name) in enumerate(zip(self._marks, names, strict=True))
        ]
        menu = OptionList(*options, id="bookmarks")
        menu.border_title = "Bookmarks" if options else "Bookmarks: none yet (B adds one)"
        yield menu

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._marks[event.option_index][0])

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
