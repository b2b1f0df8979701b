"""Quick first article: first_article picks it without a walk, parse_progressively opens it fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks.bench_parse import generate_article
from tui.library.loader import find_articles, first_article, parse_progressively


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_long_article_opening_matches_the_whole(tmp_path: Path, encoding: str) -> None:
    # "é" is one byte in cp1252 and two in UTF-8: the head cut must not split it either way.
    text = generate_article(200_000).replace("harbour", "harbour café")
    path = write(tmp_path / "long.txt", text, encoding)
    results = list(parse_progressively(path, prefix_chars=20_000))
    assert [complete for _, _, complete in results] == [False, True]
    opening, whole = results[0][0], results[1][0]
    assert opening is not None and whole is not None
    first = [p.text for p in opening.paragraphs]
    every = [p.text for p in whole.paragraphs]
    assert 10 < len(first) < len(every)
    # Every paragraph but the opening's last is the whole article's, at the same place.
    assert first[:-1] == every[: len(first) - 1]
    assert any("café" in t for t in first) and not any("Ã" in t for t in first)


@pytest.mark.parametrize("size", [100, 19_000])
def test_short_article_is_parsed_once(tmp_path: Path, size: int) -> None:
    path = write(tmp_path / "short.txt", generate_article(size))
    results = list(parse_progressively(path, prefix_chars=20_000))
    assert len(results) == 1 and results[0][1:] == ("", True) and results[0][0] is not None


@pytest.mark.parametrize(
    ("data", "reason"), [(b"\x00\x01binary\x00" * 50, "text"), (None, "no such file")]
)
def test_unreadable_file_reports_a_reason(tmp_path: Path, data: bytes | None, reason: str) -> None:
    path = tmp_path / "bad.txt"
    if data is not None:
        path.write_bytes(data)
    results = list(parse_progressively(path))
    assert len(results) == 1
    article, error, complete = results[0]
    assert article is None and complete and reason in error


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    write(root / "b" / "2.txt", "Two\n\nBody text.\n")
    write(root / "a.md", "# One\n\nBody text.\n")
    write(root / ".hidden" / "h.txt", "Hidden\n\nBody.\n")
    write(root / "c" / "notes.csv", "x,y\n")
    write(root / "binary.txt", "\x00" * 20)
    return root


def test_first_article_is_what_find_articles_lists_first(library: Path) -> None:
    files, _ = find_articles([library])
    assert first_article([library]) == files[0] == library / "a.md"


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        ("b/2.txt", "b/2.txt"),  # the last article read, still in the library
        (".hidden/h.txt", "a.md"),  # hidden: not part of the library
        ("c/notes.csv", "a.md"),  # not an article ending
        ("binary.txt", "a.md"),  # not text
        ("gone.txt", "a.md"),  # deleted since
        ("../elsewhere.txt", "a.md"),  # outside the folder
    ],
)
def test_first_article_prefers_the_last_read(library: Path, preferred: str, expected: str) -> None:
    write(library.parent / "elsewhere.txt", "Elsewhere\n\nBody.\n")
    assert first_article([library], library / preferred) == library / expected


def test_first_article_skips_bad_paths(tmp_path: Path, library: Path) -> None:
    lone = write(tmp_path / "lone.txt", "Lone\n\nBody.\n")
    assert first_article([tmp_path / "missing", lone, library]) == lone
    assert first_article([tmp_path / "missing"]) is None
    # A file named directly is the library whatever its ending.
    odd = write(tmp_path / "story.text", "Odd\n\nBody.\n")
    assert first_article([odd], odd) == odd
