"""The help screen: the keys in force right now, grouped by what they do."""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.commands import KeyAction, key_actions

__all__ = ["HelpScreen"]

_KEY_WIDTH = 14
_LEFT_AREAS = frozenset({"Reading", "Moving", "Showing", "Links"})
"""Areas shown in the left column (the rest go right), so the keys fit on one 40-row screen."""


def _row(entry: KeyAction) -> Static:
    keys = " / ".join(entry.keys)
    row = Static(
        Content.assemble((f"{keys:>{_KEY_WIDTH}}", "bold $text-accent"), "  ", entry.name),
        classes="key",
    )
    row.tooltip = entry.help
    return row


class HelpScreen(ModalScreen[None]):
    """Lists the active keymap of the screen below (rebound keys included), by area."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 112;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
        & Horizontal {
            height: auto;
        }
        & Vertical {
            width: 1fr;
            height: auto;
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
        /* Narrow: one column, and a description too long for its row wraps (never "…"). */
        &.-narrow {
            & Horizontal {
                layout: vertical;
            }
            & Vertical {
                width: 100%;
            }
            & .key {
                text-wrap: wrap;
            }
        }
    }
    """

    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    """Below 100 columns the two columns of keys become one."""

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
        """Two columns of areas, each a heading and one line per action with its keys."""
        columns: tuple[list[Static], list[Static]] = ([], [])
        for area, entries in groupby(key_actions(self._described), key=lambda e: e.area):
            column = columns[0] if area in _LEFT_AREAS else columns[1]
            column.append(Static(area, classes="area"))
            column.extend(_row(entry) for entry in entries)
        with VerticalScroll() as body:
            body.border_title = "newsread — keys"
            body.border_subtitle = "Esc closes"
            with Horizontal():
                yield Vertical(*columns[0])
                yield Vertical(*columns[1])
            yield Static(
                "Ctrl+P opens the command palette with every command. Click an article or a "
                "section in the sidebar to go there; the mouse wheel scrolls the article.",
                classes="hint",
            )
