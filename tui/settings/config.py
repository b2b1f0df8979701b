"""The user's configuration: one TOML file read once into a frozen :class:`Config`.

Everything the file may hold is validated up front and every problem is reported together,
each naming the file, the line and the key. The app never writes the config; only
``newsread config init`` does, through :func:`init_config`, and never over an existing file.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tui.article.records import record
from tui.settings import paths
from tui.settings.config_source import (
    NESTED_TOO_DEEPLY,
    ConfigError,
    ConfigProblem,
    LineIndex,
    decode_problem,
    quote,
    read_config_text,
    toml_key,
    tomllib,
    where,
)
from tui.settings.keymap import BindingInfo, check_keys, find_clashes
from tui.settings.web_config import WEB_KEYS, WebConfig, read_web, web_config_lines

__all__ = [
    "THEME",
    "BindingInfo",
    "Config",
    "ConfigError",
    "ConfigProblem",
    "LibraryConfig",
    "ReaderConfig",
    "WebConfig",
    "config_path",
    "default_config_text",
    "init_config",
    "load_config",
]

CONFIG_ENV = "NEWSREAD_CONFIG"
"""Environment variable naming the config file (``--config`` beats it)."""

MEASURE_RANGE = (20, 400)
"""Allowed values of ``[reader] measure`` (columns)."""


@record
class ReaderConfig:
    """Settings of the reading pane."""

    measure: int = 80
    """Maximum width of the article text, in columns."""
    highlight_quotes: bool = True
    """Style quotations with the theme's quote variables."""
    show_credits: bool = True
    """Show image and video credit lines."""
    show_boilerplate: bool = False
    """Show newsletter sign-ups, share prompts and other boilerplate."""
    show_speakers: bool = True
    """Mark who is speaking next to quotations."""


@record
class LibraryConfig:
    """Where articles are found."""

    paths: tuple[Path, ...] = ()
    """Files or directories to read articles from (``~`` expanded)."""


THEME = "newsread-dark"
"""The theme a config without ``theme`` starts with."""


@record
class Config:
    """The whole configuration, validated."""

    theme: str = THEME
    """Name of the theme to start with."""
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    """Reading-pane settings."""
    library: LibraryConfig = field(default_factory=LibraryConfig)
    """Library settings."""
    web: WebConfig = field(default_factory=WebConfig)
    """Feeds and web pages: fetching limits, refresh interval, what is kept."""
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Binding id → key string (normalised), for ``App.set_keymap``."""
    source: Path | None = None
    """The file this came from, or ``None`` when no file existed (all defaults)."""
    warnings: tuple[str, ...] = ()
    """Things that work but look unintended (a key bound in two scopes…), one line each."""


def config_path(cli_path: Path | None = None) -> Path:
    """Decide which config file to read.

    Args:
        cli_path: The ``--config`` argument, if given.

    Returns:
        ``--config``, else ``$NEWSREAD_CONFIG``, else ``<config dir>/config.toml``.
    """
    if cli_path is not None:
        return cli_path.expanduser()
    if env := os.environ.get(CONFIG_ENV):
        return Path(env).expanduser()
    return paths.config_dir() / "config.toml"


_READER_TYPES: dict[str, type] = {
    "measure": int,
    "highlight_quotes": bool,
    "show_credits": bool,
    "show_boilerplate": bool,
    "show_speakers": bool,
}
_SECTIONS = ("reader", "library", "web", "keymap")
_TOP_KEYS = ("theme",)
_EXPECTED = {str: "a string", bool: "true or false", int: "an integer", list: "an array"}
_EXPECTED[dict] = "a table"
_FOUND = {bool: "a boolean", str: "a string", int: "an integer", float: "a float"}
_FOUND.update({list: "an array", dict: "a table"})


def _toml_type(value: object) -> str:
    """Name a parsed TOML value's type the way the TOML spec does."""
    for kind, name in _FOUND.items():  # bool comes before int: a bool is an int in Python
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"  # datetime, date, time


class _Loader:
    """Validate one parsed config document, collecting problems and warnings."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = LineIndex(text)
        self.problems: list[ConfigProblem] = []
        self.warnings: list[str] = []

    def problem(self, key_path: tuple[str, ...], message: str, is_table: bool = False) -> None:
        line = self.lines.line_of(key_path)
        place = where(key_path, is_table)
        self.problems.append(ConfigProblem(self.path, line, place, message))

    def warn(self, key_path: tuple[str, ...], message: str) -> None:
        self.warnings.append(
            str(ConfigProblem(self.path, self.lines.line_of(key_path), where(key_path), message))
        )

    def typed(self, key_path: tuple[str, ...], value: object, kind: type) -> bool:
        """Check a value's type, reporting ``expected X, got Y`` when it is wrong."""
        ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
        if not ok:
            self.problem(key_path, f"expected {_EXPECTED[kind]}, got {_toml_type(value)}")
        return ok

    def table(self, data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
        """The ``[name]`` section, or an empty one if it is missing or not a table."""
        section = data.get(name, {})
        if self.typed((name,), section, dict):
            return section  # type: ignore[no-any-return]
        return {}

    def unknown(self, path: tuple[str, ...], value: object, known: Collection[str]) -> None:
        """Report a key or section that is not part of the config, suggesting the nearest."""
        is_table = len(path) == 1 and isinstance(value, dict)
        self.problem(
            path,
            f"unknown {'section' if is_table else 'key'}{_hint(path[-1], known)}; "
            f"known: {', '.join(known)}",
            is_table=is_table,
        )

    def theme(self, data: Mapping[str, Any], theme_names: Collection[str] | None) -> str:
        """The ``theme`` setting, checked against the available themes."""
        value = data.get("theme", THEME)
        if not self.typed(("theme",), value, str):
            return THEME
        if theme_names is not None and value not in theme_names:
            names = ", ".join(sorted(theme_names))
            hint = _hint(value, theme_names)
            message = f"unknown theme {quote(value)}{hint}; available: {names}"
            self.problem(("theme",), message)
        return str(value)

    def reader(self, data: Mapping[str, Any]) -> ReaderConfig:
        """The ``[reader]`` section."""
        values: dict[str, Any] = {}
        low, high = MEASURE_RANGE
        for key, value in self.table(data, "reader").items():
            if key not in _READER_TYPES:
                self.unknown(("reader", key), value, tuple(_READER_TYPES))
            elif not self.typed(("reader", key), value, _READER_TYPES[key]):
                continue
            elif key == "measure" and not low <= value <= high:
                self.problem(
                    ("reader", key), f"expected an integer from {low} to {high}, got {value}"
                )
            else:
                values[key] = value
        return ReaderConfig(**values)

    def library(self, data: Mapping[str, Any]) -> LibraryConfig:
        """The ``[library]`` section; relative paths are taken from the config file's folder."""
        found: list[Path] = []
        for key, value in self.table(data, "library").items():
            if key != "paths":
                self.unknown(("library", key), value, ("paths",))
                continue
            if not self.typed(("library", key), value, list):
                continue
            for item in value:
                if isinstance(item, str) and item.strip():
                    found.append(self.path.parent / Path(item).expanduser())
                else:
                    message = f"expected an array of non-empty strings, found {item!r}"
                    self.problem(("library", key), message)
        return LibraryConfig(tuple(found))

    def web(self, data: Mapping[str, Any]) -> WebConfig:
        """The ``[web]`` section (values checked in :mod:`tui.settings.web_config`)."""
        known: dict[str, Any] = {}
        for key, value in self.table(data, "web").items():
            if key in WEB_KEYS:
                known[key] = value
            else:
                self.unknown(("web", key), value, WEB_KEYS)
        return read_web(known, lambda key, text: self.problem(("web", key), text), _toml_type)

    def keymap(
        self, data: Mapping[str, Any], bindings: Mapping[str, BindingInfo] | None
    ) -> dict[str, str]:
        """The ``[keymap]`` section: ids, key names and clashes checked."""
        keymap: dict[str, tuple[str, ...]] = {}
        for binding_id, value in self.table(data, "keymap").items():
            key_path = ("keymap", binding_id)
            if bindings is not None and binding_id not in bindings:
                ids = ", ".join(sorted(bindings))
                message = f"unknown binding id{_hint(binding_id, bindings)}; valid ids: {ids}"
                self.problem(key_path, message)
            elif self.typed(key_path, value, str):
                keys, problem = check_keys(value)
                if problem:
                    self.problem(key_path, problem)
                else:
                    keymap[binding_id] = keys
        for clash in find_clashes(keymap, bindings) if bindings is not None else ():
            report = self.problem if clash.is_error else self.warn
            report(("keymap", clash.binding_id), clash.message)
        return {binding_id: ",".join(keys) for binding_id, keys in keymap.items()}


def _hint(word: str, known: Collection[str]) -> str:
    """`` (did you mean "x"?)`` for the closest known word, or nothing."""
    import difflib  # only on the error path: it costs milliseconds at every start-up

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {quote(close[0])}?)" if close else ""


def load_config(
    path: Path,
    *,
    binding_ids: Mapping[str, BindingInfo] | None = None,
    theme_names: Collection[str] | None = None,
) -> Config:
    """Read and validate a config file.

    Args:
        path: The config file (see :func:`config_path`); a missing file gives the defaults.
        binding_ids: The app's bindings by id, to validate ``[keymap]``; ``None`` skips the
            id and clash checks (key names are still checked).
        theme_names: The themes that exist, to validate ``theme``; ``None`` skips that check.

    Returns:
        The configuration.

    Raises:
        ConfigError: With every problem found, if there is any.
    """
    text = read_config_text(path)
    if text is None:
        return Config()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([decode_problem(path, text, error)]) from None
    except RecursionError:  # tomllib recurses once per level of nesting
        raise ConfigError([ConfigProblem(path, None, None, NESTED_TOO_DEEPLY)]) from None
    loader = _Loader(path, text)
    for key, value in data.items():
        if key not in _SECTIONS and key not in _TOP_KEYS:
            loader.unknown((key,), value, (*_TOP_KEYS, *_SECTIONS))
    config = Config(
        theme=loader.theme(data, theme_names),
        reader=loader.reader(data),
        library=loader.library(data),
        web=loader.web(data),
        keymap=MappingProxyType(loader.keymap(data, binding_ids)),
        source=path,
        warnings=tuple(loader.warnings),
    )
    if loader.problems:
        loader.problems.sort(key=lambda problem: problem.line or 0)
        raise ConfigError(loader.problems)
    return config


def default_config_text(
    binding_ids: Mapping[str, BindingInfo] | None = None,
    theme_names: Collection[str] | None = None,
) -> str:
    """A config file with every setting commented out at its default, for ``config init``.

    Args:
        binding_ids: The app's bindings, listed in ``[keymap]`` grouped by scope.
        theme_names: The available themes, listed in the comment on ``theme``.

    Returns:
        TOML text that loads to the default :class:`Config`.
    """
    # Only `config init` writes this text: keep these imports off the start-up path.
    import json
    import textwrap

    reader = ReaderConfig()
    low, high = MEASURE_RANGE
    lines = [
        "# newsread configuration.",
        "# Every setting is shown at its default value, commented out: remove the leading",
        '# "# " of a line to change it. newsread reads this file (or --config PATH, or',
        f"# ${CONFIG_ENV}) at start-up and never writes to it.",
        "",
        "# Colour theme. Themes of your own go in themes/*.toml next to this file.",
    ]
    if theme_names is not None:
        available = f"Available: {', '.join(sorted(theme_names))}."
        lines += textwrap.wrap(available, 88, initial_indent="# ", subsequent_indent="#   ")
    lines += [f"# theme = {json.dumps(THEME)}", "", "[reader]"]
    reader_help = {
        "measure": f"Widest line of article text, in columns ({low}-{high}).",
        "highlight_quotes": "Colour quotations using the theme's quote styles.",
        "show_credits": "Show image and video credit lines.",
        "show_boilerplate": "Show sign-up prompts, share links and other boilerplate.",
        "show_speakers": "Mark who is speaking next to quotations.",
    }
    for key, comment in reader_help.items():
        value = getattr(reader, key)
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        lines += [f"# {comment}", f"# {key} = {shown}"]
    lines += [
        "",
        "[library]",
        "# Files and folders to read articles from. ~ is expanded; a relative path is read",
        '# from the folder this file is in. Example: paths = ["~/news", "saved"]',
        "# paths = []",
        *web_config_lines(),
        "",
        "[keymap]",
        '# Each line sets one binding: id = "key" or id = "key1,key2". A key is one character',
        '# ("j", "?") or a name ("down", "pageup", "f5", "space"), optionally after',
        '# modifiers ("ctrl+f", "alt+shift+up"). `newsread --bindings` lists every binding.',
    ]
    by_scope: dict[str, list[BindingInfo]] = {}
    for info in (binding_ids or {}).values():
        by_scope.setdefault(info.scope, []).append(info)
    for scope, infos in sorted(by_scope.items()):
        lines += ["", f"# Scope: {scope}"]
        for info in infos:
            lines += [
                f"# {info.description}",
                f"# {toml_key(info.id)} = {json.dumps(info.default_key)}",
            ]
    return "\n".join(lines) + "\n"


def init_config(path: Path, text: str) -> bool:
    """Write a new config file, never replacing one.

    Args:
        path: Where to write; missing parent folders are created.
        text: The file's contents (see :func:`default_config_text`).

    Returns:
        ``True`` if the file was written, ``False`` if something already exists at ``path``.

    Raises:
        OSError: If the folder or file cannot be created.
    """
    if path.exists() or path.is_symlink():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" fails rather than truncates if the file appeared since the check above.
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        return False
    return True
