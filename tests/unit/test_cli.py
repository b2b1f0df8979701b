"""The command line: ``newsread dump`` output and errors, app start-up, and data/user paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, JSON_KEYS, REPO, THEMES
from tui.cli.command_line import RULE, main
from tui.settings import paths

KEYS = JSON_KEYS

MD = """---
title: Ferry timetable changes
author: Ann Poe
---

The ferry will run twice a day from June.

## Why

Fewer passengers travel in winter.
"""

TXT = "Ferry fares to rise\n\nFares on the island ferry will rise by 4% from April.\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "ferry.md").write_text(MD, encoding="utf-8")
    (tmp_path / "fares.txt").write_text(TXT, encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(PNG)
    return {
        "md": tmp_path / "ferry.md",
        "txt": tmp_path / "fares.txt",
        "binary": tmp_path / "photo.txt",
        "missing": tmp_path / "gone.md",
    }


def test_version_is_the_installed_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsread {version('newsread')}"


def json_lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_dump_json_prints_one_object_per_file(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["dump", "--format", "json", str(files["md"]), str(files["txt"])])
    out = capsys.readouterr().out
    records = json_lines(out)
    assert status == 0
    assert [set(r) for r in records] == [KEYS, KEYS]
    assert [r["file"] for r in records] == [str(files["md"]), str(files["txt"])]
    md = records[0]
    assert (md["format"], md["title"], md["title_derived"]) == (
        "markdown",
        "Ferry timetable changes",
        False,
    )
    assert md["authors"] == [{"name": "Ann Poe", "role": None}]
    assert md["headings"] == ["Why"]
    assert md["paragraph_count"] == 2
    assert "Fares on the island ferry will rise by 4% from April." in json.dumps(records[1])


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("text", "Ferry timetable changes\nBy Ann Poe\n"), ("markdown", "---\ntitle: 'Ferry")],
)
def test_dump_text_and_markdown(
    fmt: str, start: str, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dump", "--format", fmt, str(files["md"])]) == 0
    out = capsys.readouterr().out
    assert out.startswith(start)
    assert "Fewer passengers travel in winter." in out
    assert RULE not in out


def test_dump_separates_several_articles_with_a_rule(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dump", str(files["md"]), str(files["txt"])]) == 0
    out = capsys.readouterr().out
    first, second = out.split(f"\n{RULE}\n\n")
    assert first.startswith("Ferry timetable changes") and first.endswith("\n")
    assert "Fares on the island ferry will rise" in second


@pytest.mark.parametrize(
    ("bad", "reason"),
    [("binary", "not a text file"), ("missing", "no such file or directory")],
)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_unreadable_files_are_reported_and_the_rest_still_dump(
    bad: str, reason: str, fmt: str, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["dump", "--format", fmt, str(files["md"]), str(files[bad]), str(files["txt"])]
    status = main(args)
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == f"newsread: cannot read {files[bad]}: {reason}\n"
    assert "Ferry timetable changes" in captured.out
    assert "Fares on the island ferry will rise" in captured.out
    if fmt == "json":
        assert [r["file"] for r in json_lines(captured.out)] == [
            str(files["md"]),
            str(files["txt"]),
        ]


def test_directories_dump_every_article_inside_sorted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "news"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in ["b.md", "a.txt", "sub/deeper/c.markdown", "sub/B.MD", ".hidden/x.md", ".dot.md"]:
        (root / name).write_text("Some words here.\n", encoding="utf-8")
    (root / "photo.jpg").write_bytes(PNG)
    (root / "notes.rst").write_text("Not an article.\n", encoding="utf-8")
    assert main(["dump", "--format", "json", str(root)]) == 0
    files = [r["file"] for r in json_lines(capsys.readouterr().out)]
    expected = ["a.txt", "b.md", "sub/B.MD", "sub/deeper/c.markdown"]
    assert files == [str(root / name) for name in expected]


def test_an_empty_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["dump", str(tmp_path / "empty")]) == 1
    assert capsys.readouterr().err == (
        f"newsread: cannot read {tmp_path / 'empty'}: no .txt, .md, .markdown or .html files\n"
    )


def test_every_example_dumps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", "--format", "json", str(EXAMPLES)]) == 0
    records = json_lines(capsys.readouterr().out)
    expected = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in {".txt", ".md", ".markdown"})
    assert [r["file"] for r in records] == [str(p) for p in expected]
    assert all(r["title"] and r["paragraph_count"] for r in records)


@pytest.mark.parametrize(
    "args",
    [["dump"], ["dump", "--format", "yaml", "x.md"]],
    ids=["no-paths", "bad-format"],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    assert "usage: newsread dump" in capsys.readouterr().err


# --- starting the app ---------------------------------------------------------------------


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[list[Path]]:
    """Record the paths NewsreadApp was started with instead of running a terminal app."""
    from tui.app import NewsreadApp

    started: list[list[Path]] = []
    monkeypatch.setattr(NewsreadApp, "run", lambda self: started.append(list(self.paths)))
    return started


def test_no_arguments_open_the_bundled_examples(fake_app: list[list[Path]]) -> None:
    assert main([]) == 0
    assert fake_app == [[paths.examples_dir()]]


def test_paths_open_in_the_app(fake_app: list[list[Path]]) -> None:
    assert main(["a.txt", "some/dir"]) == 0
    assert fake_app == [[Path("a.txt"), Path("some/dir")]]


@pytest.mark.parametrize("name", ["dump"])
def test_a_file_named_like_a_command_opens_in_the_app(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_app: list[list[Path]],
) -> None:
    (tmp_path / name).write_text("An article in a file called dump.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([name, "other.txt"]) == 0
    assert fake_app == [[Path(name), Path("other.txt")]]


def test_double_dash_makes_dump_a_path(fake_app: list[list[Path]]) -> None:
    assert main(["--", "dump"]) == 0
    assert fake_app == [[Path("dump")]]


def test_a_crash_in_the_app_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exception inside the running app is an exit status of 1, not 0."""
    from textual.app import App

    from tui.app import NewsreadApp

    article = tmp_path / "fares.txt"
    article.write_text(TXT, encoding="utf-8")

    def crash(self: NewsreadApp) -> None:
        raise RuntimeError("crashed while mounting")

    monkeypatch.setattr(NewsreadApp, "on_mount", crash)
    monkeypatch.setattr(NewsreadApp, "run", lambda self: App.run(self, headless=True))
    assert main([str(article)]) == 1
    assert "crashed while mounting" in capsys.readouterr().err


# --- paths --------------------------------------------------------------------------------


def test_bundled_data_in_a_checkout() -> None:
    assert paths.examples_dir() == EXAMPLES
    assert paths.themes_dir() == THEMES
    assert any(paths.examples_dir().glob("*.md"))


def test_user_dirs_follow_xdg(tmp_path: Path) -> None:
    # tests/conftest.py points the XDG variables into tmp_path.
    assert paths.config_dir() == tmp_path / "config" / "newsread"
    assert paths.data_dir() == tmp_path / "data" / "newsread"
    assert paths.cache_dir() == tmp_path / "cache" / "newsread"
    assert REPO not in paths.config_dir().parents


class _Stdin:
    """Stands in for ``sys.stdin``: only its binary buffer is read."""

    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("kind", ["md", "txt"])
def test_dump_dash_reads_standard_input(
    kind: str,
    files: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`curl … | newsread dump -`: Markdown is told from scraped text by its look."""
    monkeypatch.setattr("sys.stdin", _Stdin(files[kind].read_bytes()))
    assert main(["dump", "--format", "json", "-"]) == 0
    [piped] = json_lines(capsys.readouterr().out)
    assert main(["dump", "--format", "json", str(files[kind])]) == 0
    [direct] = json_lines(capsys.readouterr().out)
    assert piped["file"] == "-"
    assert {**piped, "file": direct["file"]} == direct


def test_dump_dash_between_files_keeps_the_order(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(files["txt"].read_bytes()))
    assert main(["dump", "--format", "json", str(files["md"]), "-", str(files["md"])]) == 0
    assert [r["file"] for r in json_lines(capsys.readouterr().out)] == [
        str(files["md"]),
        "-",
        str(files["md"]),
    ]


def test_dump_dash_refuses_binary_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(b"\x00\x01\x02PNG\x00" * 100))
    assert main(["dump", "-"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsread: cannot read standard input: not a text file")
    assert err.count("\n") == 1
