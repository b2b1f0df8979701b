"""The CLI's config handling: ``config path|init``, ``--bindings``, ``--list-themes``, exit 2.

The UI never starts here: ``NewsreadApp.run`` is replaced where the reader would open, and the
exit-status test runs the installed ``newsread`` script in a subprocess.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import THEMES
from tui.app import NewsreadApp
from tui.cli.command_line import main
from tui.cli.startup import app_bindings, bindings_table
from tui.settings import paths
from tui.settings.config import Config, load_config

BUILTIN = sorted(path.stem for path in THEMES.glob("*.toml"))
NEWSREAD = Path(sys.executable).parent / "newsread"


def default_path() -> Path:
    return paths.config_dir() / "config.toml"


def out_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


# --------------------------------------------------------------------------- config path


@pytest.mark.parametrize(
    "args",
    [
        ["config", "path", "--config", "{cli}"],
        ["config", "--config", "{cli}", "path"],
        ["--config", "{cli}", "config", "path"],
        ["--config={cli}", "config", "path"],
    ],
    ids=["after", "between", "before", "equals"],
)
def test_config_path_follows_the_cli_option(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    cli, env = tmp_path / "cli.toml", tmp_path / "env.toml"
    monkeypatch.setenv("NEWSREAD_CONFIG", str(env))  # --config beats the environment
    assert main([arg.format(cli=cli) for arg in args]) == 0
    assert out_lines(capsys) == [str(cli)]


def test_config_path_follows_the_environment_then_the_config_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "path"]) == 0
    assert out_lines(capsys) == [str(tmp_path / "config" / "newsread" / "config.toml")]
    monkeypatch.setenv("NEWSREAD_CONFIG", str(tmp_path / "env.toml"))
    assert main(["config", "path"]) == 0
    assert out_lines(capsys) == [str(tmp_path / "env.toml")]


# --------------------------------------------------------------------------- config init


def test_config_init_writes_once_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = default_path()
    assert not path.exists()
    assert main(["config", "init"]) == 0
    assert str(path) in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    # Everything is commented out: it loads to the defaults, checked against the real ids.
    assert load_config(path, binding_ids=app_bindings()) == Config(source=path)
    for binding_id in app_bindings():
        assert f"# {binding_id} = " in text

    path.write_text('theme = "newsread-light"\n', encoding="utf-8")
    assert main(["config", "init"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == 'theme = "newsread-light"\n'


def test_config_init_honours_config_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep" / "folder" / "mine.toml"
    assert main(["config", "init", "--config", str(path)]) == 0
    assert path.is_file() and not default_path().exists()


# --------------------------------------------------------------------------- --bindings


def table_rows(text: str) -> dict[str, list[str]]:
    """``--bindings`` rows by id: [scope, default, configured, description]."""
    rows = {}
    for line in text.splitlines()[1:]:
        binding_id, *cells = re.split(r"\s{2,}", line)
        rows[binding_id] = cells
    return rows


def test_bindings_lists_every_id_with_default_and_configured_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[keymap]\ntoggle-quotes = "x"\nnext-section = "ctrl+n,f7"\n')
    assert main(["--config", str(config), "--bindings"]) == 0
    rows = table_rows(capsys.readouterr().out)
    bindings = app_bindings()
    assert set(rows) == set(bindings)
    assert {"close-find", "close-help", "toggle-fold", "change-theme"} <= set(rows)
    assert rows["toggle-quotes"][:3] == ["main", '"', "x"]
    assert rows["next-section"][:3] == ["main", "]", "ctrl+n, f7"]
    assert rows["help"][:3] == ["app", "?, f1", "(default)"]
    assert rows["find"][1] == "/"
    assert rows["close-help"][:2] == ["help", "escape, q, ?, f1"]
    for binding_id, info in bindings.items():
        assert rows[binding_id][0] == info.scope
        assert rows[binding_id][3] == info.description


@pytest.mark.parametrize(
    ("keymap", "shown"),
    [("ctrl+question_mark", "ctrl+?"), ("space", "space"), ("comma", ","), ("plus", "+")],
)
def test_bindings_show_keys_as_one_would_write_them(keymap: str, shown: str) -> None:
    config = Config(keymap={"quit": keymap})
    assert table_rows(bindings_table(config))["quit"][2] == shown


# --------------------------------------------------------------------------- --list-themes


def write_theme(folder: Path, stem: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_list_themes_shows_builtins_textuals_and_the_users(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    themes = paths.config_dir() / "themes"
    write_theme(themes, "mine", 'name = "my-paper"\nprimary = "#336699"\ndark = false\n')
    broken = write_theme(themes, "broken", 'name = "broken"\nprimary = "#336699"\nhue = 3\n')
    default_path().write_text('theme = "my-paper"\n')
    assert main(["--list-themes"]) == 0
    text = capsys.readouterr().out
    ours, textual, users, *rest = text.split("\n\n")
    assert ours.splitlines()[0] == "newsread themes:"
    assert [line.split()[-1] for line in ours.splitlines()[1:]] == BUILTIN
    assert len(BUILTIN) == 5
    assert "textual-dark" in textual and "nord" in textual
    assert users.splitlines()[1] == " * my-paper"  # the configured one is marked
    errors = rest[0]
    assert errors.startswith("Theme files with errors:")
    assert f"{broken}: hue: unknown key" in errors


def test_list_themes_marks_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-themes"]) == 0
    marked = [line for line in out_lines(capsys) if line.startswith(" * ")]
    assert marked == [" * newsread-dark"]


# --------------------------------------------------------------------------- exit status 2


def test_broken_config_exits_2_in_the_installed_script(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text('theme = "newsread-dark"\n\n[reader]\nmeasure = "wide"\n')
    assert NEWSREAD.is_file(), NEWSREAD
    env = {**os.environ, "NEWSREAD_CONFIG": str(config)}
    result = subprocess.run(
        [str(NEWSREAD), str(tmp_path)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert f"{config}:4:" in result.stderr
    assert '[reader] "measure": expected an integer, got a string' in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[reader\n", ":1: invalid TOML"),
        ('[keymap]\nquit = "j"\nscroll-down = "j"\nnope = "x"\n', ':4: [keymap] "nope"'),
        ('theme = "newsread-dakr"\n', ':1: "theme": unknown theme "newsread-dakr"'),
    ],
    ids=["toml", "keymap", "theme"],
)
@pytest.mark.parametrize("extra", [[], ["--bindings"], ["--list-themes"]])
def test_every_invalid_config_exits_2_before_the_ui(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    expected: str,
    extra: list[str],
) -> None:
    monkeypatch.setattr(NewsreadApp, "run", lambda self: pytest.fail("the UI started"))
    config = tmp_path / "c.toml"
    config.write_text(text)
    assert main(["--config", str(config), *extra]) == 2
    captured = capsys.readouterr()
    assert f"{config}{expected}" in captured.err
    assert captured.out == ""


def test_bad_colour_in_the_selected_user_theme_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewsreadApp, "run", lambda self: pytest.fail("the UI started"))
    theme = write_theme(
        tmp_path / "themes", "mine", 'name = "mine"\nprimary = "#336699"\nsurface = "#12345"\n'
    )
    config = tmp_path / "config.toml"
    config.write_text('theme = "mine"\n')
    assert main(["--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert f"{theme}: surface: not a colour: '#12345'" in err
    assert "unknown theme" not in err  # the theme exists; its file is what is wrong


def test_config_path_that_is_a_directory_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"newsread: {tmp_path}: is a directory, not a config file\n"


# --------------------------------------------------------------------------- starting the app


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[NewsreadApp]:
    """Apps that ``main`` would have run."""
    apps: list[NewsreadApp] = []
    monkeypatch.setattr(NewsreadApp, "run", lambda self: apps.append(self))
    return apps


def test_config_reaches_the_app(tmp_path: Path, started: list[NewsreadApp]) -> None:
    config = tmp_path / "c.toml"
    config.write_text('theme = "newsread-sepia"\n[reader]\nmeasure = 66\n[keymap]\nquit = "Q"\n')
    assert main(["--config", str(config), "a.txt"]) == 0
    (app,) = started
    assert app.paths == (Path("a.txt"),)
    assert app.config.source == config and app.config.reader.measure == 66
    assert app.theme == "newsread-sepia"
    assert app._keymap == {"quit": "Q"}


def test_library_paths_open_when_no_path_is_given(
    tmp_path: Path, started: list[NewsreadApp]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[library]\npaths = ["news", "/elsewhere"]\n')
    assert main(["--config", str(config)]) == 0
    assert main(["--config", str(config), "given.md"]) == 0
    assert [app.paths for app in started] == [
        (tmp_path / "news", Path("/elsewhere")),
        (Path("given.md"),),
    ]


def test_without_config_the_examples_open(started: list[NewsreadApp]) -> None:
    assert main([]) == 0
    assert started[0].paths == (paths.examples_dir(),)
    assert started[0].config == Config()


def test_broken_unselected_user_theme_is_a_warning(started: list[NewsreadApp]) -> None:
    bad = write_theme(paths.config_dir() / "themes", "bad", 'name = "bad"\nprimary = 7\n')
    assert main([]) == 0
    assert any(str(bad) in warning for warning in started[0].config.warnings)


@pytest.mark.parametrize(
    ("wanted", "no_color", "expected", "noted"),
    [
        ("newsread-sepia", False, "newsread-sepia", False),
        ("newsread-sepia", True, "newsread-mono", False),
        ("gone", False, "newsread-dark", True),
        ("gone", True, "newsread-mono", False),
    ],
)
def test_starting_theme(wanted: str, no_color: bool, expected: str, noted: bool) -> None:
    from tui.settings.themes import starting_theme

    available = {*BUILTIN, "textual-dark"}
    name, note = starting_theme(wanted, available, no_color=no_color)
    assert name == expected
    assert (note is not None) == noted
    assert note is None or f'"{wanted}"' in note


@pytest.mark.parametrize("named_by", ["option", "environment"])
def test_a_named_config_file_that_does_not_exist_exits_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    named_by: str,
) -> None:
    """Only the default location may be absent: a file the user names must be there."""
    monkeypatch.setattr(NewsreadApp, "run", lambda self: pytest.fail("the UI started"))
    missing = tmp_path / "typo.toml"
    if named_by == "option":
        argv = ["--config", str(missing)]
    else:
        monkeypatch.setenv("NEWSREAD_CONFIG", str(missing))
        argv = []
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == f"newsread: {missing}: no such config file\n"
    assert captured.out == ""


def test_the_default_config_file_may_be_absent(started: list[NewsreadApp]) -> None:
    assert main([]) == 0
    assert len(started) == 1
