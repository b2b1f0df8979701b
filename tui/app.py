"""NewsreadApp: the Textual application. Thin: theme variables, app-wide keys, the main screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.commands import NewsreadCommands
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen

__all__ = ["NewsreadApp"]

# Theme colour (from Textual's generated palette) each newsread variable defaults to. Concrete
# colours are filled in per theme, because a variable whose value is "$other" is not valid CSS.
_VARIABLE_SOURCES: dict[str, str] = {
    "quote": "text-accent",
    "quote-nested": "text-secondary",
    "quote-speaker": "text-success",
    "credit-marker": "foreground-muted",
    "boilerplate": "foreground-disabled",
    "heading": "text-primary",
    "byline": "text-secondary",
    "find-match": "warning-muted",
    "unread": "text-primary",
}


class NewsreadApp(App[None]):
    """A keyboard-first reader for scraped news articles."""

    CSS_PATH = "newsread.tcss"
    TITLE = "newsread"
    COMMANDS = App.COMMANDS | {NewsreadCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "?,f1",
            "help",
            "Help",
            id="help",
            tooltip="List every key, grouped by what it does",
        ),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit newsread"),
        Binding(
            "T,ctrl+t",
            "change_theme",
            "Theme",
            show=False,
            id="change-theme",
            tooltip="Pick a colour theme from a searchable list",
        ),
    ]

    def __init__(self, paths: Sequence[Path], *, config: object | None = None) -> None:
        """Create the app.

        Args:
            paths: Article files and folders to open.
            config: The user's configuration (applied by the config layer; may be None).
        """
        super().__init__()
        self.paths = tuple(paths)
        """What the reader asked to open."""
        self.config = config
        """The configuration the app was started with, if any."""

    def get_default_screen(self) -> Screen[None]:
        """The main reading screen."""
        return MainScreen(self.paths)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Defaults for newsread's colour variables, derived from the current theme.

        A theme's own ``variables`` override these (``quote = "#ffcc00"`` in a theme file).

        Returns:
            Variable name → colour.
        """
        palette = self.current_theme.to_color_system().generate()
        return {name: palette[source] for name, source in _VARIABLE_SOURCES.items()}

    def action_help(self) -> None:
        """Show the keys in force on the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
