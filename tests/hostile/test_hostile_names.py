"""Hostile file and folder names: parsed, dumped and shown with every control made visible.

File names are as hostile as article text (ESC sequences, C1 controls, bidi overrides, tabs and
newlines, bytes that are not UTF-8) but, unlike text, are never cleaned up: they are shown
through :func:`tui.article.sanitize.shown_name`, which escapes and drops nothing. The names are
written into ``tmp_path`` by :func:`tests.hostile.make_corpus.write_names`.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.app.test_app import ready
from tests.hostile.corpus import UNSAFE, UNSAFE_IN_LINE, unsafe_strings
from tests.hostile.make_corpus import write_names
from tui.app import NewsreadApp
from tui.article import BinaryFileError, load
from tui.article.sanitize import shown_name
from tui.cli.command_line import main
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.library_search import LibrarySearchScreen
from tui.screens.main import MainScreen


@pytest.fixture
def named(tmp_path: Path) -> list[Path]:
    """The hostile names, written in ``tmp_path / "names"``."""
    folder = tmp_path / "names"
    folder.mkdir()
    try:
        return write_names(folder)
    except OSError as exc:  # a file system that wants UTF-8 names (macOS)
        pytest.skip(f"the file system refuses such names: {exc}")


def _readable(paths: list[Path]) -> list[Path]:
    out = []
    for path in paths:
        try:
            load(path)
        except BinaryFileError:
            continue
        out.append(path)
    return out


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("osc\x1b]52;c;eA==\x07.txt", "osc␛]52;c;eA==␇.txt"),
        ("tab\tnew\nline\rcr", "tab␉new␊line␍cr"),
        ("del\x7f", "del␡"),
        ("c1\x9b31m\x85", "c1\\x9b31m\\x85"),
        ("caf\udce9.txt", "caf\\xe9.txt"),
        ("rlo\u202etxt.exe", "rlo\\u202etxt.exe"),
        ("isolate\u2066x\u2069 mark\u200f", "isolate\\u2066x\\u2069 mark\\u200f"),
        ("sep\u2028line\u2029para", "sep\\u2028line\\u2029para"),
        ("bom\ufeff", "bom\\ufeff"),
        ("lone\ud800", "lone\\ud800"),
        ("Café “quoted” 界 😀 a\u00a0b", "Café “quoted” 界 😀 a\u00a0b"),
    ],
)
def test_shown_name_makes_every_control_visible(name: str, shown: str) -> None:
    assert shown_name(name) == shown
    assert not UNSAFE_IN_LINE.search(shown_name(name))
    shown_name(name).encode("utf-8")  # printable to any UTF-8 terminal, strict or not


def test_every_name_parses_to_a_safe_article(named: list[Path]) -> None:
    readable = _readable(named)
    assert len(readable) == len(named) - 1  # all but the binary one
    for path in readable:
        article = load(path)
        assert unsafe_strings(article) == [], path
    untitled = {path.stem: load(path).title for path in readable if path.stat().st_size == 0}
    assert untitled  # the empty files take their title from the name, escaped
    for stem, title in untitled.items():
        assert title == shown_name(stem)


def _strict_stdout(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    """Replace stdout with a strict UTF-8 stream, as under an ``en_US.UTF-8`` locale."""
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8", errors="strict"))
    return raw


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_dump_prints_names_safely_to_a_strict_utf8_stream(
    named: list[Path],
    fmt: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    raw = _strict_stdout(monkeypatch)
    folder = named[0].parent
    status = main(["dump", "--format", fmt, str(folder)])
    sys.stdout.flush()
    err = capsys.readouterr().err
    out = raw.getvalue().decode("utf-8")
    assert status == 1  # the binary file, reported
    assert err.count("\n") == 1 and "binary-␛]0;PWNEDTITLE␇.txt" in err
    assert not UNSAFE.search(out)
    assert not UNSAFE.search(err)
    if fmt == "json":
        records = [json.loads(line) for line in out.splitlines()]
        # Nothing lost: each record names its real file (non-UTF-8 bytes as surrogate escapes).
        assert {r["file"] for r in records} == {str(p) for p in _readable(named)}
        assert all(os.path.exists(os.fsencode(r["file"])) for r in records)


def test_dump_error_for_a_hostile_missing_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone\x1b]0;PWNEDTITLE\x07\u202e\tcaf\udce9.txt"
    assert main(["dump", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "gone␛]0;PWNEDTITLE␇\\u202e␉caf\\xe9.txt" in err
    assert err.count("\n") == 1 and not UNSAFE.search(err)


def _sidebar_lines(screen: MainScreen) -> list[str]:
    return [screen.sidebar.render_line(y).text for y in range(screen.sidebar.size.height)]


def _assert_safe(lines: list[str], where: str) -> None:
    assert [line for line in lines if UNSAFE_IN_LINE.search(line)] == [], where


async def test_app_shows_every_name_escaped(named: list[Path]) -> None:
    """Sidebar, status line, folder groups, bookmarks, search results and notifications."""
    folder = named[0].parent
    app = NewsreadApp([folder])
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await ready(app)
        # Notifications time out: keep each one as it is shown.
        notes = {(n.title, n.message) for n in app._notifications}
        seen = set()
        for _ in range(len(named)):
            _assert_safe(_sidebar_lines(screen), "sidebar")
            _assert_safe([screen.status.render().plain], "status line")
            seen.add(screen.status.article_title)
            await pilot.press("J")
            await ready(app)
        assert "rlo-\\u202etxt.exe" in seen  # an untitled article's title: its escaped name
        assert "tab␉and␊newline␍name" in seen
        sidebar = "\n".join(_sidebar_lines(screen))
        assert "na\\xefve-untitled" in seen  # an untitled non-UTF-8 name: its title, escaped
        assert "na\\xefve-untitled" in sidebar  # the non-UTF-8 name opened and was indexed
        await pilot.press("v")  # group by folder: the folder's name is a header
        await pilot.pause()
        groups = _sidebar_lines(screen)
        _assert_safe(groups, "folder groups")
        assert any("▼ folder-␛]8;;https:evil.example:PWNED8␛\\" in line for line in groups)
        await pilot.press("B", "ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert prompts
        _assert_safe(prompts, "bookmarks")
        await pilot.press("escape", "F", *"osc52")
        assert isinstance(app.screen, LibrarySearchScreen)
        assert app.screen.query_one(Input).value == "osc52"
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.screen.query_one(OptionList).option_count:
                break
        results = app.screen.query_one(OptionList)
        hits = [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]
        assert any("osc52-␛]52;c;" in hit for hit in hits)
        _assert_safe([line for hit in hits for line in hit.split("\n")], "search results")
        await pilot.press("escape")
        screen._open_bookmark(folder / "elsewhere\x1b]0;PWNEDTITLE\x07\udce9.txt")
        await pilot.pause()
        notes |= {(n.title, n.message) for n in app._notifications}
        messages = [message for _, message in notes]
        assert any("binary-␛]0;PWNEDTITLE␇.txt: not a text file" in m for m in messages)
        elsewhere = "elsewhere␛]0;PWNEDTITLE␇\\xe9.txt is not in this library."
        assert any(m.endswith(elsewhere) for m in messages)
        assert [m for m in messages if UNSAFE.search(m)] == []
        assert [title for title, _ in notes if UNSAFE.search(title)] == []
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("action", ["path", "init"])
def test_config_path_and_init_show_a_hostile_config_name_escaped(
    tmp_path: Path, action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "c\x1b]0;PWNEDTITLE\x07\u202e\tcaf\udce9.toml"
    assert main(["--config", str(config), "config", action]) == 0
    out = capsys.readouterr().out
    assert out.endswith("c␛]0;PWNEDTITLE␇\\u202e␉caf\\xe9.toml\n")
    assert out.count("\n") == 1 and not UNSAFE.search(out)
    if action == "init":
        assert os.path.exists(os.fsencode(config))  # written under its real name
