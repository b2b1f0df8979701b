"""NewsreadApp: the Textual application. Thin: theme variables, app-wide keys, the main screen."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from time import monotonic
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.command import CommandPalette, Provider
from textual.filter import LineFilter, Monochrome, NoColor
from textual.screen import Screen
from textual.theme import Theme

from tui.article import collector
from tui.article.sanitize import shown_name
from tui.library.prefetch import Prefetch
from tui.screens.main import MainScreen
from tui.settings import paths as user_paths
from tui.settings.config import Config
from tui.settings.themes import app_themes, starting_theme, variable_defaults

__all__ = ["IDLE_COLLECT", "SWITCH_INTERVAL", "AttributesOnly", "NewsreadApp"]

IDLE_COLLECT = 2.0
"""Seconds without a key or a click before a due full garbage collection runs."""

SWITCH_INTERVAL = 0.001
"""Seconds a thread waits for the interpreter lock before asking for it (see on_load)."""


_REVERSE = Style(reverse=True)
_RAISED = 0.25
"""A background at least this bright (0–1) is a highlight (the mono theme's panel is 0.15)."""


@lru_cache(maxsize=1024)
def _attributes_of(style: Style) -> Style:
    """The style's attributes; text on a raised (light) ground becomes ``reverse``.

    Textual draws some highlights with a background colour alone (the command palette's and
    option lists' cursor, an input's cursor): without colour they would vanish. The mono
    theme's grounds are near black, so a light one marks a highlight.
    """
    plain = style.without_color
    if style.bgcolor is None or style.reverse:
        return plain
    ground = Color.from_rich_color(style.bgcolor).brightness
    ink = Color.from_rich_color(style.color).brightness if style.color is not None else 1.0
    return plain + _REVERSE if ground > ink or ground >= _RAISED else plain


class AttributesOnly(LineFilter):
    """Drops every colour, keeping bold, italic, underline, dim, reverse… (``NO_COLOR``).

    Textual's own ``NO_COLOR`` filters keep colour: ``Monochrome`` turns it grey (still 24-bit
    colour codes) and ``NoColor`` sets the terminal's default colours (codes 39 and 49).
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """Strip the colours from a line.

        Args:
            segments: The line.
            background: The background colour (unused: there is none to draw on).

        Returns:
            The same text with attribute-only styles.
        """
        return [
            Segment(text, None if style is None else _attributes_of(style), control)
            for text, style, control in segments
        ]


def _newsread_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not before first paint)."""
    from tui.commands import NewsreadCommands

    return NewsreadCommands


class NewsreadApp(App[None]):
    """A keyboard-first reader for scraped news articles."""

    CSS_PATH = "newsread.tcss"
    TITLE = "newsread"
    COMMANDS = App.COMMANDS | {_newsread_commands}

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

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        config: Config | None = None,
        themes: Mapping[str, Theme] | None = None,
        collector_held: bool = False,
        prefetch: Prefetch | None = None,
    ) -> None:
        """Create the app.

        Args:
            paths: Article files and folders to open.
            config: The user's configuration, loaded once by the CLI (defaults when None).
            themes: newsread's and the user's themes by name; loaded from the theme folders
                (next to the config file) when None.
            collector_held: The caller holds the garbage collector
                (:func:`tui.article.collector.hold`) for start-up: the app releases that
                hold, freezing what start-up made, once its first frame is painted.
            prefetch: A helper parsing the first article (:mod:`tui.library.prefetch`), started by
                the CLI; its answer is taken instead of parsing when it fits.
        """
        super().__init__()
        if self.no_color:
            # Textual offers no public way to choose its NO_COLOR filter: swap it here.
            self._filters = [
                f for f in self._filters if not isinstance(f, Monochrome | NoColor)
            ] + [AttributesOnly()]
        self._collector_held = collector_held
        self._last_input = monotonic()
        self._switch_interval: float | None = None  # the interval to restore on the way out
        self._full_threshold: int | None = None  # the collector's, while full ones are deferred
        self._prefetch = prefetch
        self.paths = tuple(paths)
        """What the reader asked to open."""
        self.config = config if config is not None else Config()
        """The configuration the app was started with (never written back)."""
        self._notes = list(self.config.warnings)
        if themes is None:
            source = self.config.source
            folder = source.parent if source is not None else user_paths.config_dir()
            loaded, errors = app_themes(folder)
            themes = loaded
            self._notes += [str(error) for error in errors]
        # Registered on this app only: Textual's BUILTIN_THEMES stay untouched.
        for theme in themes.values():
            self.register_theme(theme)
        name, note = starting_theme(
            self._wanted_theme(), self.available_themes, no_color=self.no_color
        )
        if note:
            self._notes.append(note)
        self.theme = name
        self.set_keymap(dict(self.config.keymap))

    def _wanted_theme(self) -> str:
        """The theme last picked with ``T`` (kept in the reading state), else the config's.

        A pick is kept until the config's own theme changes: editing the config wins.
        """
        from tui.library.state import peek_theme

        remembered = peek_theme()
        if remembered is not None:
            theme, over = remembered
            if over == self.config.theme and theme in self.available_themes:
                return theme
        return self.config.theme

    def on_load(self) -> None:
        """Let the interface thread win the interpreter lock back quickly from the workers."""
        # A thread waiting for the GIL asks for it after the switch interval (5 ms by default)
        # and a key takes a dozen turns of the event loop: with a worker parsing a huge
        # article, keys took 150 ms. At 1 ms the worker loses a fraction of a per cent.
        if self._switch_interval is None:  # (Load can come twice)
            self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)

    def on_mount(self) -> None:
        """Tell the user about config warnings and theme fallbacks."""
        for note in self._notes:
            # Notes can quote file names and values from the user's files: keep them inert.
            self.notify(
                shown_name(note), title="Config", severity="warning", markup=False, timeout=8
            )
        # The main screen has been pushed: this runs once its first frame is painted.
        self.call_after_refresh(self._first_frame_painted)

    def on_unmount(self) -> None:
        """An app that quits before its first frame still gives the collector back."""
        self.release_collector()
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None
        if self._full_threshold is not None:  # the process may go on (tests, an embedding)
            collector.resume_full_collections(self._full_threshold)
            self._full_threshold = None

    def release_collector(self) -> bool:
        """Release the start-up hold on the garbage collector, if the app has one (once).

        Returns:
            True when this call released it.
        """
        if not self._collector_held:
            return False
        self._collector_held = False
        collector.release(freeze=True)
        return True

    def _first_frame_painted(self) -> None:
        """Give the collector back; the app keeps its timing: full collections wait until the
        user has been idle for a moment (:data:`IDLE_COLLECT`), so none lands on a key."""
        if self.release_collector():
            self._full_threshold = collector.defer_full_collections()
            self.set_interval(1.0, self._collect_when_idle, name="idle collection")

    def _collect_when_idle(self) -> None:
        if monotonic() - self._last_input >= IDLE_COLLECT:
            collector.collect_if_due()

    async def on_event(self, event: events.Event) -> None:
        """Note when the user last pressed a key or used the mouse (see release_collector)."""
        if isinstance(event, events.InputEvent):
            self._last_input = monotonic()
        await super().on_event(event)

    def get_default_screen(self) -> Screen[None]:
        """The main reading screen."""
        return MainScreen(
            self.paths,
            reader=self.config.reader,
            prefetch=self._prefetch,
            configured_theme=self.config.theme,
        )

    def refresh_css(self, animate: bool = True) -> None:
        """Refresh CSS; before the first screen exists, only take the theme's variables.

        Setting the theme in ``__init__`` asks for a re-parse that runs before anything is
        styled, and Textual re-parses into a throw-away cache: the first styling then parsed
        newsread's and the App's CSS a second time (about 3 ms of start-up). The first styling
        parses with the variables set here, so nothing is skipped.

        Args:
            animate: Also execute CSS animations.
        """
        if not self.screen_stack:
            self.stylesheet.set_variables(self.get_css_variables())
            return
        super().refresh_css(animate)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Defaults for newsread's style variables, resolved for the current theme.

        A theme's own ``variables`` override these (``quote = "#ffcc00"`` in a theme file).
        The values are concrete (no ``$name``), since Textual expands only one level.

        Returns:
            Variable name → style string.
        """
        return variable_defaults(self.current_theme)

    def search_themes(self) -> None:
        """Open the theme picker (``T``), listing every theme name as the literal text it is.

        Replaces Textual's picker, which reads theme names as markup: a user theme called
        ``[/]`` crashed the app and ``[b]…[/b]`` was interpreted.
        """
        from tui.theme_picker import PLACEHOLDER, ThemeNames  # only when the picker opens

        self.push_screen(CommandPalette(providers=[ThemeNames], placeholder=PLACEHOLDER))

    def action_help(self) -> None:
        """Show the keys in force on the current screen."""
        from tui.screens.help import HelpScreen  # only when asked: not on the first-paint path

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
