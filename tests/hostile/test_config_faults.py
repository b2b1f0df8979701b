"""Config and theme faults: each gives a clear ConfigError/ThemeError and a defined outcome.

Outcomes: a config that cannot be used stops newsread before the UI with exit status 2 and one
``newsread: <file>[:line]: …`` line per problem on stderr; a broken user theme that the config
does not select is a warning and the reader starts. Tests run as root, so "cannot read" is
simulated with monkeypatch where the file is read.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import BinaryIO

import pytest

import tui.article.files
from tests.hostile.corpus import UNSAFE
from tui.app import NewsreadApp
from tui.cli.command_line import main
from tui.settings import paths
from tui.settings.config import ConfigError, load_config
from tui.settings.config_source import quote
from tui.settings.themes import ThemeError, declared_name, load_theme_file, user_themes


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[NewsreadApp]:
    """Apps that ``main`` would have run (the UI never starts)."""
    apps: list[NewsreadApp] = []
    monkeypatch.setattr(NewsreadApp, "run", lambda self: apps.append(self))
    return apps


def _refuse_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every file read below ``folder`` fail as an unreadable (mode 000) folder would."""
    real_bytes, real_text = Path.read_bytes, Path.read_text

    def guard(path: Path) -> None:
        if path.resolve().is_relative_to(folder.resolve()):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    def read_bytes(self: Path) -> bytes:
        guard(self)
        return real_bytes(self)

    def read_text(self: Path, *args: object, **kwargs: object) -> str:
        guard(self)
        return real_text(self, *args, **kwargs)  # type: ignore[arg-type]

    real_open = tui.article.files.open_regular

    def open_regular(path: str | Path) -> BinaryIO:  # how config and theme files are read
        guard(Path(path))
        return real_open(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "read_text", read_text)
    monkeypatch.setattr(tui.article.files, "open_regular", open_regular)


def _err_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.splitlines()


def test_unreadable_config_directory(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    started: list[NewsreadApp],
) -> None:
    folder = paths.config_dir()
    folder.mkdir(parents=True)
    config = folder / "config.toml"
    config.write_text('theme = "newsread-dark"\n', encoding="utf-8")
    _refuse_under(folder, monkeypatch)
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}: cannot read the config file: permission denied"
    assert main([]) == 2
    assert _err_lines(capsys) == [
        f"newsread: {config}: cannot read the config file: permission denied"
    ]
    assert started == []


def test_unreadable_themes_folder_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, started: list[NewsreadApp]
) -> None:
    themes = paths.config_dir() / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.toml").write_text('name = "mine"\nprimary = "#336699"\n', encoding="utf-8")
    _refuse_under(themes, monkeypatch)
    loaded, errors = user_themes()
    assert loaded == {}
    [error] = errors
    assert str(error).startswith(f"{themes / 'mine.toml'}: cannot read theme file: ")
    assert main([]) == 0  # the config does not select it: the reader starts
    assert any("theme not loaded" in w and "mine.toml" in w for w in started[0].config.warnings)


def test_config_path_that_is_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], started: list[NewsreadApp]
) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    with pytest.raises(ConfigError, match="is a directory, not a config file"):
        load_config(folder)
    assert main(["--config", str(folder)]) == 2
    assert _err_lines(capsys) == [f"newsread: {folder}: is a directory, not a config file"]
    assert started == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('primary = "#12345"\n', "primary: not a colour: '#12345'"),
        ('primary = "#336699"\nsurface = "blurple"\n', "surface: not a colour: 'blurple'"),
        (
            'primary = "#336699"\n[variables]\nquote = "#ggg"\n',
            "variables.quote: not a colour or style",
        ),
    ],
    ids=["primary", "surface", "variable"],
)
def test_theme_with_a_bad_colour(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    started: list[NewsreadApp],
    body: str,
    expected: str,
) -> None:
    themes = tmp_path / "themes"
    themes.mkdir()
    theme = themes / "mine.toml"
    theme.write_text('name = "mine"\n' + body, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme_file(theme)
    assert str(caught.value).startswith(f"{theme}: {expected}")
    config = tmp_path / "config.toml"
    # Selected: newsread stops before the UI and names the theme file and key.
    config.write_text('theme = "mine"\n', encoding="utf-8")
    assert main(["--config", str(config)]) == 2
    lines = _err_lines(capsys)
    assert len(lines) == 1 and lines[0].startswith(f"newsread: {theme}: {expected}")
    # Not selected: a warning, and the reader starts with the configured theme.
    config.write_text('theme = "newsread-sepia"\n', encoding="utf-8")
    assert main(["--config", str(config)]) == 0
    [app] = started
    assert app.theme == "newsread-sepia"
    assert any(str(theme) in warning for warning in app.config.warnings)


# --- hostile text in config and theme files ----------------------------------------------

_ESCAPED_VALUES = [
    ('theme = "\\u001b]0;PWNED\\u0007"\n', "theme value"),
    ('[keymap]\nquit = "\\u001b]52;c;PWNED\\u0007"\n', "keymap value"),
    ('theme = "\\u009b31mPWNED\\u202e"\n', "theme value with C1 and bidi controls"),
    ('[keymap]\nquit = "ctrl+\\u009bPWNED"\n', "keymap key with a C1 control"),
    ('[keymap]\nquit = "\\u001bPWNED+x"\n', "keymap modifier"),
    ('["\\u009b2JPWNED"]\nx = 1\n', "section name"),
    ('[reader]\n"\\u202ePWNED" = 1\n', "key in a section"),
]


@pytest.mark.parametrize(("text", "what"), _ESCAPED_VALUES, ids=[w for _, w in _ESCAPED_VALUES])
def test_config_messages_never_print_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, what: str
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    assert main(["--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "PWNED" in err  # the value is still named, in a visible form
    assert not UNSAFE.search(err.replace("\n", " ")), what


@pytest.mark.parametrize(
    "text",
    [
        'name = "\\u001b]0;PWNED\\u0007"\nprimary = "#000000"\n',
        'name = "x"\nprimary = "#000000"\n"\\u001b]52;PWNED" = 1\n',
        'name = "x"\nprimary = "#000000"\n[variables]\n"\\u001b]52;PWNED" = "red"\n',
    ],
    ids=["name", "key", "variable"],
)
def test_theme_files_never_yield_control_characters(tmp_path: Path, text: str) -> None:
    path = tmp_path / "evil.toml"
    path.write_text(text, encoding="utf-8")
    try:
        theme = load_theme_file(path)
    except ThemeError as error:
        message = str(error)
    else:
        message = theme.name
    assert not UNSAFE.search(message)


def test_hostile_values_are_named_in_escaped_form_where_already_safe(tmp_path: Path) -> None:
    """Unknown keys are quoted with json.dumps, which already escapes controls."""
    config = tmp_path / "config.toml"
    config.write_text('"\\u001b]52;PWNED\\u0007" = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    message = str(caught.value)
    assert re.search(r'"\\u001b\]52;PWNED\\u0007": unknown key', message)
    assert not UNSAFE.search(message)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("quit", '"quit"'),
        ("Grüße", '"Grüße"'),  # printable non-ASCII stays readable
        ('a"b', '"a\\"b"'),
        ("\x1b]0;x\x07", '"\\u001b]0;x\\u0007"'),
        ("\x9b2J", '"\\u009b2J"'),
        ("\x7f", '"\\u007f"'),
        ("ab\u202ec", '"ab\\u202ec"'),
    ],
)
def test_quote_escapes_every_non_printable_character(value: str, expected: str) -> None:
    assert quote(value) == expected


def test_a_theme_name_with_controls_is_never_offered(tmp_path: Path) -> None:
    path = tmp_path / "evil.toml"
    path.write_text('name = "\\u001b]0;PWNED\\u0007"\nprimary = "#000000"\n', encoding="utf-8")
    with pytest.raises(ThemeError, match="holds a control character"):
        load_theme_file(path)
    assert declared_name(path) is None  # so "available: …" in config errors never lists it


def test_startup_errors_show_hostile_file_names_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], started: list[NewsreadApp]
) -> None:
    """A theme file whose *name* holds an escape sequence is reported in a visible form."""
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "\x1b]0;PWNED\x07.toml").write_text('name = "mine"\nprimary = 1\n', encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('theme = "mine"\n', encoding="utf-8")
    assert main(["--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "PWNED" in err and "primary" in err
    assert not UNSAFE.search(err.replace("\n", " "))
    # Not selected: the reader starts and the warning it shows is inert too.
    config.write_text('theme = "newsread-sepia"\n', encoding="utf-8")
    assert main(["--config", str(config)]) == 0
    [app] = started
    assert any("PWNED" in warning for warning in app.config.warnings)
    assert not any(UNSAFE.search(warning) for warning in app.config.warnings)
