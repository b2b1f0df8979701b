"""What the command line does before the reader starts: config, themes and their listings.

:func:`load_startup` reads the config file once (with the app's binding ids and the theme names
to check it against) and the theme files, and turns every problem into :class:`StartupError`,
which the CLI prints before exiting with status 2. :func:`bindings_table`,
:func:`themes_listing` and :func:`run_config` implement ``--bindings``, ``--list-themes`` and
``newsread config``. Textual is imported here (the binding ids live on the app's classes), so
``__main__`` imports this module only when it is needed.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from textual.keys import _character_to_key, key_to_character
from textual.theme import BUILTIN_THEMES, Theme

from tui.article.records import record
from tui.article.sanitize import shown_name
from tui.settings.config import (
    CONFIG_ENV,
    Config,
    ConfigError,
    config_path,
    default_config_text,
    init_config,
)
from tui.settings.config import load_config as _load_config
from tui.settings.keymap import BindingInfo, binding_infos
from tui.settings.themes import ThemeError, app_themes, builtin_themes, declared_name, user_themes

__all__ = [
    "Startup",
    "StartupError",
    "app_bindings",
    "bindings_table",
    "load_startup",
    "run_config",
    "themes_listing",
]


class StartupError(Exception):
    """Problems that stop newsread before the UI starts (exit status 2)."""

    def __init__(self, problems: Sequence[str]) -> None:
        """Create the error.

        Args:
            problems: One line each, ``file:line: key: message`` where known.
        """
        # A file name can hold anything; the messages themselves quote what files say. One
        # line each, controls made visible (a newline in a name must not fake a second line).
        self.problems = [shown_name(problem) for problem in problems]
        """Every problem found, safe to print."""
        super().__init__("\n".join(self.problems))


@record
class Startup:
    """The validated configuration and the themes to register."""

    path: Path
    """The config file in use (it may not exist)."""
    config: Config
    """The configuration (defaults when the file does not exist)."""
    themes: Mapping[str, Theme]
    """newsread's and the user's themes, by name."""
    theme_errors: tuple[ThemeError, ...]
    """User theme files that did not load (not selected by the config)."""


def app_bindings() -> dict[str, BindingInfo]:
    """Every binding id newsread has, with its scope, default key and description.

    Returns:
        Binding id → info, in app, main-screen, reader and help-screen order.
    """
    from tui.app import NewsreadApp
    from tui.screens.help import HelpScreen
    from tui.screens.main import MainScreen
    from tui.widgets.reader_pane import ReaderPane

    return binding_infos(
        {
            "app": NewsreadApp.BINDINGS,
            # MainScreen inherits the library bindings from its bases: collect them all.
            "main": [
                b for cls in reversed(MainScreen.__mro__) for b in cls.__dict__.get("BINDINGS", [])
            ],
            "reader": ReaderPane.BINDINGS,
            "help": HelpScreen.BINDINGS,
        }
    )


def _themes_folder(path: Path) -> Path:
    """User themes live in ``themes/`` next to the config file in use."""
    return path.parent


def load_startup(cli_path: Path | None = None) -> Startup:
    """Find, read and check the config file and the themes it may select.

    Args:
        cli_path: The ``--config`` argument, if given.

    Returns:
        The configuration and themes; broken user themes the config does not select are
        kept as warnings in :attr:`Config.warnings`.

    Raises:
        StartupError: With every problem, when the config is invalid, a config file named by
            ``--config`` or ``$NEWSREAD_CONFIG`` does not exist, the selected theme is broken,
            or a built-in theme is (a packaging fault).
    """
    path = config_path(cli_path)
    # Only the default location may be absent: a file the user names and mistypes would
    # otherwise be ignored without a word, and the defaults used.
    named = cli_path is not None or bool(os.environ.get(CONFIG_ENV))
    if named and not path.exists():
        raise StartupError([f"{path}: no such config file"])
    try:
        themes, errors = app_themes(_themes_folder(path))
    except ThemeError as error:  # a shipped theme: report it rather than crash
        raise StartupError([f"built-in theme: {error}"]) from None
    broken = {name: error for error in errors if (name := declared_name(error.file))}
    names = set(BUILTIN_THEMES) | set(themes) | set(broken)
    try:
        # The binding ids (which import every screen) only check a [keymap]: read without
        # them first and again with them only when there is a keymap or a problem to report.
        try:
            config = _load_config(path, binding_ids=None, theme_names=names)
        except ConfigError:
            config = None
        if config is None or config.keymap:
            config = _load_config(path, binding_ids=app_bindings(), theme_names=names)
    except ConfigError as error:
        # Any broken theme may be the one the user meant, so show those problems too.
        raise StartupError(
            [str(problem) for problem in error.problems] + [str(e) for e in errors]
        ) from None
    if config.theme in broken and config.theme not in themes:
        raise StartupError([str(broken[config.theme])])
    notes = (*config.warnings, *(f"theme not loaded: {error}" for error in errors))
    warnings = tuple(shown_name(note) for note in notes)
    config = dataclasses.replace(config, warnings=warnings)
    return Startup(path, config, themes, tuple(errors))


_ASCII_NAMES = {_character_to_key(char): char for char in map(chr, range(33, 127))}


def _character(name: str) -> str | None:
    """The printable character a key name stands for (``slash`` → ``/``), if any."""
    if name in _ASCII_NAMES:
        return _ASCII_NAMES[name]
    char = key_to_character(name)
    if char is None or len(char) != 1 or not char.isprintable() or char.isspace():
        return None
    return char


def _writable(keys: str) -> str:
    """Show a comma-separated key list the way one would write it (``?`` not ``question_mark``)."""
    shown: list[str] = []
    for key in keys.split(","):
        *modifiers, base = key.split("+") if key != "+" else ["+"]
        if len(base) > 1:
            base = _character(base) or base
        shown.append("+".join([*modifiers, base]))
    return ", ".join(shown)


def bindings_table(config: Config, bindings: Mapping[str, BindingInfo] | None = None) -> str:
    """The ``--bindings`` table: id, scope, default key, configured key, description.

    Args:
        config: The configuration (its ``[keymap]`` gives the configured keys).
        bindings: The bindings to list; :func:`app_bindings` when None.

    Returns:
        A plain-text table, one binding per line after a header.
    """
    infos = app_bindings() if bindings is None else bindings
    rows = [("ID", "SCOPE", "DEFAULT", "CONFIGURED", "DESCRIPTION")]
    for info in infos.values():
        configured = config.keymap.get(info.id)
        shown = _writable(configured) if configured is not None else "(default)"
        rows.append((info.id, info.scope, _writable(info.default_key), shown, info.description))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = [
        "  ".join(f"{cell:<{width}}" for cell, width in zip(row[:4], widths, strict=True))
        + "  "
        + row[4]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def themes_listing(config: Config, path: Path) -> str:
    """The ``--list-themes`` text: newsread's, Textual's and the user's themes, and errors.

    Args:
        config: The configuration (its theme is marked with ``*``).
        path: The config file in use (user themes are in ``themes/`` next to it).

    Returns:
        Plain text, one theme per line under a heading per kind.
    """
    folder = _themes_folder(path) / "themes"
    builtin = builtin_themes()
    user, errors = user_themes(_themes_folder(path))

    def group(title: str, names: Sequence[str]) -> list[str]:
        lines = [title]
        for name in names:
            mark = "*" if name == config.theme else " "
            lines.append(f" {mark} {name}")
        return lines

    lines = group("newsread themes:", sorted(set(builtin) - set(user)))
    lines += ["", *group("Textual themes:", sorted(set(BUILTIN_THEMES) - set(user)))]
    lines += ["", *group(f"Your themes ({shown_name(str(folder))}):", sorted(user))]
    if not user:
        lines.append("   (none)")
    if errors:
        lines += ["", "Theme files with errors:", *(f"   {shown_name(str(e))}" for e in errors)]
    lines += ["", f"* the configured theme ({config.theme})"]
    return "\n".join(lines) + "\n"


def _error(message: str) -> None:
    """Print a problem to stderr, with nothing a terminal could act on."""
    print(f"newsread: {shown_name(message)}", file=sys.stderr)


def run_config(args: argparse.Namespace) -> int:
    """``newsread config path`` / ``newsread config init``.

    Args:
        args: Parsed arguments (``action``, optional ``config``).

    Returns:
        0; 1 when ``init`` finds a file already there or cannot write it.
    """
    cli_path: Path | None = getattr(args, "config", None)
    path = config_path(cli_path)
    if args.action == "path":
        print(shown_name(str(path)))
        return 0
    if path.exists() or path.is_symlink():
        _error(f"{path} already exists; not overwriting it")
        return 1
    try:
        theme_names = set(BUILTIN_THEMES) | set(app_themes(_themes_folder(path))[0])
        text = default_config_text(app_bindings(), theme_names)
        written = init_config(path, text)
    except (OSError, ThemeError) as error:
        _error(f"cannot write {path}: {error}")
        return 1
    if not written:
        _error(f"{path} already exists; not overwriting it")
        return 1
    print(f"Wrote {shown_name(str(path))}")
    return 0
