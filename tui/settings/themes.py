"""Theme files: parse ``themes/*.toml`` and ``<config dir>/themes/*.toml`` into Textual themes.

A theme file holds the top-level fields of :class:`textual.theme.Theme` and a ``[variables]``
table. newsread's own variables (:data:`VARIABLE_DEFAULTS`) are *style strings*: the reader
uses them as ``Content`` span styles (``"$quote"``), so a value may be a colour (``"#e0af68"``,
``"ansi_yellow"``, ``"$warning"``) or style words with an optional colour (``"bold italic
#e0af68"``, ``"reverse"``, ``"#000 on #e0af68"``). They must not be used as TCSS colours.
Textual's own variables (``footer-key-foreground``…) may be overridden too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.css.tokenizer import TokenError
from textual.markup import parse_style
from textual.theme import BUILTIN_THEMES, Theme

from tui.settings import paths
from tui.settings.config import THEME
from tui.settings.config_source import NESTED_TOO_DEEPLY, quote, read_user_file, toml_key, tomllib

__all__ = [
    "DEFAULT_THEME",
    "MONO_THEME",
    "NEWSREAD_VARIABLES",
    "VARIABLE_DEFAULTS",
    "ThemeError",
    "all_theme_names",
    "app_themes",
    "builtin_themes",
    "declared_name",
    "load_theme_file",
    "resolve_references",
    "starting_theme",
    "user_themes",
    "variable_defaults",
]

DEFAULT_THEME = THEME
"""The theme used when the config names none (the config's own default)."""

VARIABLE_DEFAULTS: dict[str, str] = {  # templates: resolve with variable_defaults(theme)
    "quote": "$text-warning",
    "quote-nested": "italic $text-accent",
    "quote-speaker": "bold $text-primary",
    "credit-marker": "dim italic",
    "boilerplate": "dim",
    "heading": "bold $text-primary",
    "byline": "italic $text-secondary",
    "unread": "bold $text-success",
    "find-match": "reverse bold",
}
"""Fallbacks for newsread's theme variables (templates referring to Textual's colours).

Pass them through :func:`variable_defaults` before returning them from
``App.get_theme_variable_defaults``: any theme (even Textual's own) then gets readable
highlights. newsread's built-in themes set every one explicitly.
"""

NEWSREAD_VARIABLES: frozenset[str] = frozenset(VARIABLE_DEFAULTS)
"""The names of newsread's own theme variables."""

_COLOUR_FIELDS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
_FLOAT_FIELDS = ("luminosity_spread", "text_alpha")
_KNOWN_KEYS = frozenset({"name", "dark", "variables", *_COLOUR_FIELDS, *_FLOAT_FIELDS})


@functools.cache
def _textual_variable_names() -> frozenset[str]:
    """Names of the variables Textual's colour system generates (all a theme may override)."""
    return frozenset(Theme(name="probe", primary="#000000").to_color_system().generate())


class ThemeError(Exception):
    """A theme file that cannot be used, naming the file and (when known) the key at fault."""

    def __init__(self, file: Path, key: str | None, message: str) -> None:
        """Create the error.

        Args:
            file: The theme file.
            key: The offending key (``variables.quote`` for a variable), or ``None``.
            message: What is wrong, in words a user can act on.
        """
        self.file = file
        """The theme file."""
        self.key = key
        """The offending key, or ``None`` when the whole file is at fault."""
        self.message = message
        """What is wrong."""
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else str(self.file)
        return f"{where}: {self.message}"


def _check_colour(file: Path, key: str, value: object) -> str:
    """Return ``value`` if it is a colour string Textual can parse, else raise ThemeError."""
    if not isinstance(value, str):
        raise ThemeError(file, key, f"expected a colour string, got {type(value).__name__}")
    try:
        Color.parse(value)
    except ColorParseError as error:
        raise ThemeError(file, key, f"not a colour: {value!r} ({error})") from None
    return value


def _check_variables(file: Path, value: object) -> dict[str, str]:
    """Validate the ``[variables]`` table: known names, string values."""
    if not isinstance(value, dict):
        raise ThemeError(file, "variables", f"expected a table, got {type(value).__name__}")
    allowed = _textual_variable_names() | NEWSREAD_VARIABLES
    variables: dict[str, str] = {}
    for name, setting in value.items():
        key = f"variables.{toml_key(name)}"
        if name not in allowed:
            newsread = ", ".join(sorted(NEWSREAD_VARIABLES))
            raise ThemeError(
                file, key, f"unknown variable; newsread variables: {newsread} (or a Textual one)"
            )
        if not isinstance(setting, str):
            raise ThemeError(file, key, f"expected a string, got {type(setting).__name__}")
        variables[name] = setting
    return variables


_REFERENCE = re.compile(r"\$([A-Za-z0-9_-]+)")


def _expand(value: str, scope: Mapping[str, str]) -> str:
    """One pass of ``$name`` substitution; unknown names stay as they are."""
    return _REFERENCE.sub(lambda match: scope.get(match[1], match[0]), value)


def resolve_references(values: Mapping[str, str], palette: Mapping[str, str]) -> dict[str, str]:
    """Replace ``$name`` references in style strings with the values they name.

    Textual substitutes only one level when a Content style names a theme variable: with
    ``quote = "bold $warning"``, the style ``"$quote"`` comes out bold but without colour.
    So references are expanded here, where the theme's palette is known.

    Args:
        values: Variable name → style string, possibly referring to each other.
        palette: The theme's generated variables (``warning``, ``text-primary``…).

    Returns:
        The values with every resolvable reference replaced (an unknown or circular one is
        left in place).
    """
    resolved = dict(values)
    for _ in range(len(resolved) + 1):  # enough passes for any chain without a cycle
        scope = {**palette, **resolved}
        expanded = {name: _expand(value, scope) for name, value in resolved.items()}
        if expanded == resolved:
            break
        resolved = expanded
    return resolved


def variable_defaults(theme: Theme) -> dict[str, str]:
    """:data:`VARIABLE_DEFAULTS` resolved for one theme, for ``get_theme_variable_defaults``.

    Args:
        theme: The app's current theme.

    Returns:
        newsread's variables as concrete style strings.
    """
    return resolve_references(VARIABLE_DEFAULTS, theme.to_color_system().generate())


def _needs_palette(theme: Theme) -> bool:
    """Whether the theme's own style variables refer to other variables (``$warning``)."""
    return any(
        "$" in value for name, value in theme.variables.items() if name in NEWSREAD_VARIABLES
    )


def _resolve_styles(file: Path, theme: Theme) -> None:
    """Expand references in the theme's newsread variables and check each parses as a style."""
    try:
        # Textual builds the palette again when the theme is used; here it is needed only
        # to expand references (the built-in themes have none: start-up skips the work).
        palette = theme.to_color_system().generate() if _needs_palette(theme) else {}
    except Exception as error:  # Textual raises assorted errors for odd colour systems.
        raise ThemeError(file, None, f"Textual cannot build this theme: {error}") from None
    ours = {name: value for name, value in theme.variables.items() if name in NEWSREAD_VARIABLES}
    resolved = resolve_references(ours, palette)
    for name in sorted(resolved):
        value = resolved[name]
        key, original = f"variables.{name}", theme.variables[name]
        if unresolved := _REFERENCE.search(value):
            message = f"{original!r} refers to ${unresolved[1]}, which is not defined here"
            raise ThemeError(file, key, f"not a colour or style: {message}")
        try:
            parse_style(value, {})
        except (ColorParseError, TokenError) as error:
            # TokenError: "#ggg" and other text that is no style token at all.
            raise ThemeError(file, key, f"not a colour or style: {original!r} ({error})") from None
    theme.variables.update(resolved)


def theme_from_mapping(file: Path, data: Mapping[str, Any]) -> Theme:
    """Build and check a Theme from parsed TOML.

    Args:
        file: Where the data came from (for error messages).
        data: The parsed TOML document.

    Returns:
        The theme.

    Raises:
        ThemeError: On the first problem found.
    """
    for key in data:
        if key not in _KNOWN_KEYS:
            known = ", ".join(sorted(_KNOWN_KEYS))
            raise ThemeError(file, toml_key(key), f"unknown key; known keys: {known}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeError(file, "name", "required: a non-empty string naming the theme")
    if not name.isprintable():
        # Names are printed by --list-themes and shown in the theme picker.
        raise ThemeError(file, "name", f"{quote(name)} holds a control character")
    if "primary" not in data:
        raise ThemeError(file, "primary", "required: the theme's primary colour")
    colours = {key: _check_colour(file, key, data[key]) for key in _COLOUR_FIELDS if key in data}
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(file, "dark", f"expected true or false, got {type(dark).__name__}")
    numbers: dict[str, float] = {}
    for key in _FLOAT_FIELDS:
        if key not in data:
            continue
        number = data[key]
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise ThemeError(file, key, f"expected a number, got {type(number).__name__}")
        if not 0.0 <= number <= 1.0:
            raise ThemeError(file, key, f"expected a number from 0 to 1, got {number}")
        numbers[key] = float(number)
    variables = _check_variables(file, data.get("variables", {}))
    theme = Theme(name=name, primary=colours.pop("primary"), dark=dark, variables=variables)
    # Optional fields keep Theme's own defaults unless the file sets them.
    for key, value in [*colours.items(), *numbers.items()]:
        setattr(theme, key, value)
    _resolve_styles(file, theme)
    return theme


def load_theme_file(path: Path) -> Theme:
    """Read one theme file.

    Args:
        path: A ``.toml`` theme file.

    Returns:
        The theme, ready for ``App.register_theme``.

    Raises:
        ThemeError: If the file cannot be read or parsed, or holds a bad key or value.
    """
    try:
        text = read_user_file(path).decode("utf-8")
    except (OSError, ValueError) as error:  # ValueError: too large, or not UTF-8
        raise ThemeError(path, None, f"cannot read theme file: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(path, None, f"invalid TOML: {error}") from None
    except RecursionError:  # tomllib recurses once per level of nesting
        raise ThemeError(path, None, NESTED_TOO_DEEPLY) from None
    return theme_from_mapping(path, data)


def _load_dir(directory: Path) -> tuple[dict[str, Theme], list[ThemeError]]:
    """Load every ``*.toml`` in ``directory`` (sorted), collecting errors rather than stopping."""
    themes: dict[str, Theme] = {}
    errors: list[ThemeError] = []
    if not directory.is_dir():
        return themes, errors
    for path in sorted(directory.glob("*.toml")):
        try:
            theme = load_theme_file(path)
        except ThemeError as error:
            errors.append(error)
        else:
            themes[theme.name] = theme
    return themes, errors


def builtin_themes() -> dict[str, Theme]:
    """The themes shipped in ``themes/``, by name.

    Returns:
        A fresh dict of fresh Theme objects (callers may keep or change them).

    Raises:
        ThemeError: If a shipped theme is broken (a packaging bug, so it is loud).
    """
    themes, errors = _load_dir(paths.themes_dir())
    if errors:
        raise errors[0]
    return themes


def user_themes(config_dir: Path | None = None) -> tuple[dict[str, Theme], list[ThemeError]]:
    """The user's themes from ``<config dir>/themes/*.toml``.

    A user theme with the name of a built-in one replaces it.

    Args:
        config_dir: The config directory; ``paths.config_dir()`` when ``None``.

    Returns:
        The themes that loaded, by name, and an error for each file that did not.
    """
    directory = (config_dir if config_dir is not None else paths.config_dir()) / "themes"
    return _load_dir(directory)


def all_theme_names(config_dir: Path | None = None) -> list[str]:
    """Every theme name the app can show: newsread's, the user's and Textual's own.

    Args:
        config_dir: The config directory; ``paths.config_dir()`` when ``None``.

    Returns:
        The names, sorted.
    """
    names = set(BUILTIN_THEMES) | set(builtin_themes()) | set(user_themes(config_dir)[0])
    return sorted(names)


MONO_THEME = "newsread-mono"
"""The theme used when ``NO_COLOR`` is set: highlights by weight and slant, not hue."""


def app_themes(config_dir: Path | None = None) -> tuple[dict[str, Theme], list[ThemeError]]:
    """newsread's built-in themes with the user's on top, ready for ``App.register_theme``.

    Args:
        config_dir: The folder holding ``themes/``; ``paths.config_dir()`` when ``None``.

    Returns:
        The themes by name (a user theme may replace a built-in one) and the user theme
        files that did not load.
    """
    themes = builtin_themes()
    user, errors = user_themes(config_dir)
    themes.update(user)
    return themes, errors


def declared_name(path: Path) -> str | None:
    """The ``name`` a theme file gives itself, if it can be read at all.

    Used to tell whether a broken theme file is the one the config selects.

    Args:
        path: A theme file.

    Returns:
        The name, or ``None`` when the file is unreadable, not TOML or has no string name
        (or one holding a control character).
    """
    try:
        name = tomllib.loads(read_user_file(path).decode("utf-8")).get("name")
    except (OSError, ValueError, RecursionError):  # ValueError: UnicodeDecodeError, TOML, size
        return None
    return name if isinstance(name, str) and name.isprintable() else None


def starting_theme(
    wanted: str, available: Collection[str], *, no_color: bool = False
) -> tuple[str, str | None]:
    """Choose the theme to start with.

    Args:
        wanted: The configured theme.
        available: The names of the registered themes.
        no_color: Whether ``NO_COLOR`` is set, which selects :data:`MONO_THEME`.

    Returns:
        The theme name, and a note for the user when ``wanted`` had to be replaced.
    """
    if no_color and MONO_THEME in available:
        return MONO_THEME, None
    if wanted in available:
        return wanted, None
    fallback = DEFAULT_THEME if DEFAULT_THEME in available else "textual-dark"
    return fallback, f'Theme "{wanted}" is not available; using "{fallback}" instead.'
