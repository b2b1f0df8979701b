"""Hostile files through the parsers and ``newsread dump``: safe output, clean errors, no loss.

Every committed case (``tests/hostile/cases``, see ``make_corpus.py``) must either parse to an
:class:`Article` whose every string is free of terminal controls, or fail with
:class:`BinaryFileError`/``OSError``. Filesystem faults and a 1 MB line are made in tmp_path.
"""

from __future__ import annotations

import errno
import os
import re
import threading
from pathlib import Path

import pytest

import tui.article.files
from tests.hostile.corpus import CASE_FILES, UNSAFE, unsafe_strings
from tests.unit.test_markdown import test_nothing_is_lost as markdown_loses_nothing
from tests.unit.test_nothing_lost import _check as text_loses_nothing
from tui.article import BinaryFileError, load, parse
from tui.article.model import Article
from tui.article.sanitize import read_text
from tui.cli.command_line import main
from tui.library.loader import find_articles, parse_files

CASE_IDS = [p.name for p in CASE_FILES]
FORMATS = ("text", "markdown", "json")


def load_or_refuse(path: Path) -> Article | None:
    """Load a case: the Article, or None when it is refused with a clean error."""
    try:
        return load(path)
    except (BinaryFileError, OSError):
        return None


def test_corpus_is_big_enough() -> None:
    assert len(CASE_FILES) >= 50


@pytest.mark.parametrize("path", CASE_FILES, ids=CASE_IDS)
def test_every_string_of_the_article_is_terminal_safe(path: Path) -> None:
    article = load_or_refuse(path)
    if article is None:
        return
    assert article.sections
    assert unsafe_strings(article) == []


@pytest.mark.parametrize("path", CASE_FILES, ids=CASE_IDS)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_both_parsers_are_safe_whatever_the_suffix(path: Path, fmt: str) -> None:
    try:
        text = read_text(path.read_bytes())
    except BinaryFileError:
        return
    article = parse(text, fmt=fmt)  # type: ignore[arg-type]
    assert unsafe_strings(article) == []


@pytest.mark.parametrize("path", CASE_FILES, ids=CASE_IDS)
def test_scraped_text_parser_loses_nothing(path: Path) -> None:
    try:
        text = read_text(path.read_bytes())
    except BinaryFileError:
        return
    text_loses_nothing(text)


@pytest.mark.parametrize("path", [p for p in CASE_FILES if p.suffix == ".md"], ids=lambda p: p.name)
def test_markdown_parser_loses_no_line(path: Path) -> None:
    markdown_loses_nothing(read_text(path.read_bytes()))


def _dump(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["dump", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("path", CASE_FILES, ids=CASE_IDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_dump_exits_cleanly_with_safe_output(
    path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _dump(capsys, "--format", fmt, str(path))
    refused = load_or_refuse(path) is None
    if refused:
        assert status == 1
        assert out == ""
        assert err.count("\n") == 1 and err.startswith(f"newsread: cannot read {path}: ")
    else:
        assert status == 0
        assert err == ""
        assert out.endswith("\n")
    assert not UNSAFE.search(out)
    assert not UNSAFE.search(err)


def test_binary_cases_are_refused() -> None:
    for name in ("binary-png.txt", "binary-nul-heavy.txt"):
        with pytest.raises(BinaryFileError):
            load(CASE_FILES[[p.name for p in CASE_FILES].index(name)])


# --- specific promises ---------------------------------------------------------------


def _case(name: str) -> Article:
    return load(next(p for p in CASE_FILES if p.name == name))


def _shown(name: str) -> str:
    """The text of every block of a case (headings and paragraphs alike), joined."""
    return " ".join(getattr(block, "text", "") for block in _case(name).blocks())


@pytest.mark.parametrize(
    ("name", "visible"),
    [
        ("esc-csi-sgr.txt", "Red ␛[31mALERT␛[0m text."),
        ("esc-osc52-clipboard-bel.txt", "␛]52;c;UFdORUQ1Mg==PWNED52␇ done."),
        ("bel.txt", "Ring " + "␇" * 20 + " the bell."),
        ("del.txt", "Delete ␡␡␡ characters."),
        ("nul-bytes.txt", "Nul ␀ byte ␀ inside."),
        ("backspace-overwrite.txt", "Price: 100␈␈␈999 pounds."),
    ],
)
def test_c0_controls_are_shown_as_control_pictures(name: str, visible: str) -> None:
    """A reader sees that something odd was in the file instead of it vanishing."""
    text = _shown(name)
    assert visible in text


def test_carriage_return_cannot_overwrite_text() -> None:
    """``\\r`` is a line break, so the first claim stays readable next to the second."""
    text = _shown("cr-overwrite.txt")
    assert "The minister resigned." in text and "The minister stayed." in text


def test_bidi_override_is_removed_and_words_stay() -> None:
    text = _shown("bidi-override.txt")
    assert "File invoicefdp.exe and forced LTR text." in text


def test_markup_brackets_stay_literal_text() -> None:
    text = _shown("rich-markup.txt")
    assert "[@click=app.quit]quit[/]" in text and "[link=https://x]link[/link]" in text


def test_markdown_entities_stay_as_written() -> None:
    """``&#x202E;`` must not become a real override, nor ``&#27;`` a real ESC."""
    text = _shown("html-script.md")
    assert "&#x202E;reversed" in text and "&#27;[31m" in text
    assert "<script>alert('x')</script>" in text


def test_front_matter_controls_are_defused() -> None:
    article = _case("md-front-matter-controls.md")
    assert article.title == "Front␛]0;PWNEDTITLE␇ matter"
    assert [a.name for a in article.authors] == ["AnnEvil␇"]


def test_front_matter_tables_and_arrays_are_defused() -> None:
    """Strings inside TOML inline tables (keys too), arrays and nested tables are sanitised."""
    article = _case("md-front-matter-toml-tables.md")
    assert article.title == "T␛]52;c;UFdORUQ1Mg==PWNED52␇=v1m"
    assert article.outlet == "␛]0;PWNEDTITLE␇=evil, 1979-05-27"
    assert article.date == "2025-01-01T08:00:00+00:00"
    meta = dict(article.metadata)
    assert meta["tags"] == "a␛[31m, k=x, true, 1.5"
    assert meta["extra"] == "key␛]8;;https://evil/PWNED8␛\\=value= line para"


def test_line_and_paragraph_separators_become_breaks() -> None:
    """U+2028 is a line break and U+2029 a paragraph break; the words around them stay."""
    text = _shown("line-separators.txt")
    assert "\u2028" not in text and "\u2029" not in text
    for word in ("Line", "separator", "paragraph", "together."):
        assert word in text


# --- large input and filesystem faults --------------------------------------------------


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word \x1b]52;c;PWNED52\x07 " * 50_000 + b"end.")
    assert path.stat().st_size > 1_000_000
    article = load(path)
    assert unsafe_strings(article) == []
    text_loses_nothing(read_text(path.read_bytes()))


def test_symlink_loop_is_an_os_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(OSError) as caught:
        load(loop)
    assert caught.value.errno == errno.ELOOP
    status, out, err = _dump(capsys, str(loop))
    assert (status, out) == (1, "")
    assert err.count("\n") == 1 and "cannot read" in err


def test_directory_symlink_loop_is_walked_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Title\n\nBody text.\n", encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    files, skipped = find_articles([folder])
    assert files == [folder / "sub" / "a.txt"]
    status, out, _ = _dump(capsys, str(folder))
    assert status == 0 and out.count("Body text.") == 1


def test_file_removed_while_open(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gone.txt"
    path.write_text("Title\n\nBody.\n", encoding="utf-8")
    with path.open("rb"):
        path.unlink()
        with pytest.raises(FileNotFoundError):
            load(path)
        status, out, err = _dump(capsys, str(path))
    assert (status, out) == (1, "")
    assert err == f"newsread: cannot read {path}: no such file or directory\n"
    [(_, article, reason)] = list(parse_files([path]))
    assert article is None and reason == "no such file or directory"


def test_no_read_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests run as root, so the refusal is simulated where the file is read."""
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.\n", encoding="utf-8")

    def refuse(path: Path, limit: int | None = None) -> bytes:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(tui.article.files, "read_regular", refuse)
    with pytest.raises(PermissionError):
        load(path)
    status, out, err = _dump(capsys, str(path))
    assert (status, out) == (1, "")
    assert err == f"newsread: cannot read {path}: Permission denied\n"
    [(_, article, reason)] = list(parse_files([path]))
    assert article is None and reason == "permission denied"


@pytest.mark.parametrize("cut", [1, 7, 13, 20, 35, 41])
def test_file_truncated_mid_sequence(tmp_path: Path, cut: int) -> None:
    """A file read while it is being written may end inside a UTF-8 character or a sequence."""
    data = "Título “x”\n\nOSC \x1b]52;c;PWNED52\x07 and café.\n".encode()
    path = tmp_path / "partial.txt"
    path.write_bytes(data[:cut])
    article = load(path)
    assert unsafe_strings(article) == []


def test_file_that_changes_while_being_read(tmp_path: Path) -> None:
    """A writer rewrites the file in a loop while it is loaded again and again."""
    path = tmp_path / "live.txt"
    versions = [
        b"Title\n\nFirst version with \x1b[31m colour.\n",
        "Titre\n\n« Deuxième » version \u202e.\n".encode(),
        b"T\n\n" + b"long line " * 5_000 + b"\n",
        b"",
    ]
    path.write_bytes(versions[0])
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            with path.open("r+b") as handle:  # in place, so readers can see half a write
                handle.truncate(0)
                handle.write(versions[n % len(versions)])
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for _ in range(200):
            article = load_or_refuse(path)
            assert article is None or unsafe_strings(article) == []
    finally:
        stop.set()
        thread.join()


def test_unsafe_pattern_catches_what_it_should() -> None:
    """The checker itself: it must flag the characters the suite promises are absent."""
    for char in ("\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u202e", "\u2066", "\u200f", "\t"):
        assert UNSAFE.search(f"a{char}b"), repr(char)
    assert not UNSAFE.search("plain text\n␛ « » “ ” 界 \u00a0")
    assert re.fullmatch(UNSAFE, "\n") is None
