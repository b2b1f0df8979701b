"""Deep trees, FIFOs, devices and deeply nested TOML (#16.9).

Only regular files are ever opened: a FIFO (in a folder, swapped in after the listing, or named
by ``--config``) or a device such as ``/dev/zero`` is refused with a reason instead of blocking
or filling memory; config and theme files have a size cap; TOML nested too deeply for tomllib
is a config error (exit 2), and a theme file like that is only a warning unless selected.
Blocking cases run the code in a thread with a join timeout, so a regression fails the test
instead of hanging the suite.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tui.article
from tui.app import NewsreadApp
from tui.article.files import NOT_REGULAR, open_regular, read_regular
from tui.cli.command_line import main
from tui.library.loader import find_articles, first_article, first_parse, parse_files
from tui.settings.config import ConfigError, load_config
from tui.settings.config_source import FILE_LIMIT
from tui.settings.themes import ThemeError, declared_name, load_theme_file

DEEP_TOML = "a = " + "[" * 600 + "]" * 600 + "\n"
"""Deeper than tomllib can recurse."""


def finishes(call: Callable[[], Any], seconds: float = 20.0) -> Any:
    """Run ``call`` in a thread; fail (not hang) if it blocks. Returns its result or raises."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked (a FIFO or device was opened for reading)"
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _deep_tree(root: Path, levels: int) -> Path:
    """``root/d/d/…/d`` ``levels`` deep with an article at the bottom; returns the bottom."""
    root.mkdir()
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(levels):  # relative to the last folder: no path gets long
            os.mkdir("d", dir_fd=fd)
            deeper = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        article = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(article, b"Deep down\n\nThe bottom of the tree.\n")
        os.close(article)
    finally:
        os.close(fd)
    return root


def _remove_deep_tree(root: Path, levels: int) -> None:
    """Delete what :func:`_deep_tree` made (``shutil.rmtree`` recurses, and would fail)."""
    fds = [os.open(root, os.O_RDONLY)]
    try:
        for _ in range(levels):
            fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
        os.unlink("deep.txt", dir_fd=fds[-1])
        while len(fds) > 1:
            os.close(fds.pop())
            os.rmdir("d", dir_fd=fds[-1])
    finally:
        for fd in fds:
            os.close(fd)
    root.rmdir()


def test_a_tree_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    levels = sys.getrecursionlimit() + 50
    root = _deep_tree(tmp_path / "deep", levels)
    try:
        files, skipped = find_articles([root])
        assert skipped == []
        assert [f.name for f in files] == ["deep.txt"]
        assert len(files[0].relative_to(root).parts) == levels + 1
        assert first_article([root]) == files[0]
    finally:
        _remove_deep_tree(root, levels)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_link_into_proc_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.txt").write_text("A\n\nBody.\n", encoding="utf-8")
    (tmp_path / "lib" / "proc").symlink_to("/proc")
    (tmp_path / "lib" / "me").symlink_to("/proc/self/root")  # "/" reached through /proc
    files, skipped = finishes(lambda: find_articles([tmp_path / "lib"]))
    assert files == [tmp_path / "lib" / "a.txt"]
    assert sorted((p.name, why) for p, why in skipped) == [
        ("me", "a system folder (/proc), not searched"),
        ("proc", "a system folder (/proc), not searched"),
    ]


def test_a_fifo_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.txt").write_text("A\n\nBody.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "lib" / "pipe.txt")
    os.mkfifo(tmp_path / "lib" / "other-pipe")  # not named like an article: ignored
    files, skipped = finishes(lambda: find_articles([tmp_path / "lib"]))
    assert files == [tmp_path / "lib" / "a.txt"]
    assert skipped == [(tmp_path / "lib" / "pipe.txt", NOT_REGULAR)]


def test_a_file_swapped_for_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Listed as a file, a FIFO by the time it is opened: every reader refuses it at once."""
    path = tmp_path / "a.txt"
    os.mkfifo(path)
    with pytest.raises(OSError, match=NOT_REGULAR):
        finishes(lambda: tui.article.load(path))
    assert finishes(lambda: list(parse_files([path]))) == [(path, None, NOT_REGULAR)]
    assert finishes(lambda: first_parse(path)) is None
    with pytest.raises(OSError, match=NOT_REGULAR):
        finishes(lambda: open_regular(path))


def test_a_device_is_refused_and_a_regular_file_read(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=NOT_REGULAR):
        read_regular("/dev/zero")
    path = tmp_path / "f.txt"
    path.write_bytes(b"x" * 10)
    assert read_regular(path) == b"x" * 10
    assert read_regular(path, 10) == b"x" * 10
    with pytest.raises(ValueError, match="larger than 9 bytes"):
        read_regular(path, 9)


@pytest.mark.parametrize("kind", ["fifo", "device", "huge"])
def test_config_that_is_not_a_small_regular_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "fifo":
        config = tmp_path / "config.toml"
        os.mkfifo(config)
        why = NOT_REGULAR
    elif kind == "device":
        config, why = Path("/dev/zero"), NOT_REGULAR
    else:
        config = tmp_path / "config.toml"
        config.write_text("# padding\n" * (FILE_LIMIT // 10 + 1), encoding="utf-8")
        why = f"larger than {FILE_LIMIT:,} bytes"
    status = finishes(lambda: main(["--config", str(config), "--list-themes"]))
    assert status == 2
    err = capsys.readouterr().err
    assert err == f"newsread: {config}: cannot read the config file: {why}\n"


def test_config_nested_too_deeply_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(DEEP_TOML, encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(config)
    assert main(["--config", str(config), "--list-themes"]) == 2
    err = capsys.readouterr().err
    assert err == f"newsread: {config}: invalid TOML: arrays or tables nested too deeply\n"


def _user_theme(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "conf" / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    config = tmp_path / "conf" / "config.toml"
    config.touch()  # a --config file that does not exist is an error (#20.2): an empty one
    return config


def test_a_deeply_nested_theme_not_selected_is_only_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _user_theme(tmp_path, "deep.toml", 'name = "deep"\n' + DEEP_TOML)
    theme = config.parent / "themes" / "deep.toml"
    with pytest.raises(ThemeError, match="nested too deeply"):
        load_theme_file(theme)
    assert declared_name(theme) is None
    apps: list[NewsreadApp] = []
    monkeypatch.setattr(NewsreadApp, "run", lambda self: apps.append(self))
    assert main(["--config", str(config), str(tmp_path)]) == 0
    assert len(apps) == 1
    assert any("nested too deeply" in note for note in apps[0].config.warnings)


@pytest.mark.parametrize("kind", ["fifo", "huge"])
def test_a_theme_that_is_not_a_small_regular_file_is_only_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    config = _user_theme(tmp_path, "ok.toml", "")
    theme = config.parent / "themes" / "odd.toml"
    if kind == "fifo":
        os.mkfifo(theme)
    else:
        theme.write_text('name = "odd"\n' + "# padding\n" * (FILE_LIMIT // 10), encoding="utf-8")
    (config.parent / "themes" / "ok.toml").unlink()
    apps: list[NewsreadApp] = []
    monkeypatch.setattr(NewsreadApp, "run", lambda self: apps.append(self))
    assert finishes(lambda: main(["--config", str(config), str(tmp_path)])) == 0
    assert len(apps) == 1
    assert any("odd.toml: cannot read theme file" in note for note in apps[0].config.warnings)
