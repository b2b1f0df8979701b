"""The help screen: the keys in force right now, grouped by what they do."""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.commands import KeyAction, key_actions

__all__ = ["HelpScreen"]

_KEY_WIDTH = 16


def _row(entry: KeyAction) -> Content:
    keys = " / ".join(entry.keys)
    tip = entry.help if entry.help != entry.name else ""
    return Content.assemble(
        (f"{keys:>{_KEY_WIDTH}}", "bold $text-accent"),
        "  ",
        entry.name,
        (f" — {tip}" if tip else "", "dim"),
    )


class HelpScreen(ModalScreen[None]):
    """Lists the active keymap of the screen below (rebound keys included), by area."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 96;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: round $primary;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
        & .area {
            margin-top: 1;
            text-style: bold;
            color: $text-primary;
        }
        & .key {
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        & .hint {
            margin-top: 1;
            color: $text-muted;
        }
    }
    """

    BINDINGS = [
        Binding(
            "escape,q,question_mark,f1",
            "dismiss",
            "Close",
            id="close-help",
            tooltip="Close the help screen and return to the article",
        ),
    ]

    def __init__(self, described: Screen[object]) -> None:
        """Create the help for a screen.

        Args:
            described: The screen whose keys to list (read when this screen is composed, so
                the keymap in force then is the one shown).
        """
        super().__init__()
        self._described = described

    def compose(self) -> ComposeResult:
        """One heading per area, one line per action with its keys."""
        with VerticalScroll() as body:
            body.border_title = "newsread — keys"
            body.border_subtitle = "Esc closes"
            for area, entries in groupby(key_actions(self._described), key=lambda e: e.area):
                yield Static(area, classes="area")
                for entry in entries:
                    yield Static(_row(entry), classes="key")
            yield Static(
                "Ctrl+P opens the command palette with every command. Click an article or a "
                "section in the sidebar to go there; the mouse wheel scrolls the article.",
                classes="hint",
            )
