"""The library session is plain Python: what is open, read marks, parses kept, positions."""

from __future__ import annotations

from pathlib import Path

from tui.article import parse
from tui.library.session import PARSED_KEPT, LibrarySession


def session_of(tmp_path: Path, count: int) -> LibrarySession:
    files = tuple(tmp_path / f"a{n}.txt" for n in range(count))
    session = LibrarySession([tmp_path])
    session.set_files(files, [(tmp_path / "bad.txt", "unreadable")])
    return session


def test_files_are_found_by_any_spelling_of_their_path(tmp_path: Path) -> None:
    session = session_of(tmp_path, 3)
    assert session.index_of(tmp_path / "a2.txt") == 2
    assert session.index_of(str(tmp_path / "x" / ".." / "a1.txt")) == 1  # absolute, normalised
    assert session.index_of(tmp_path / "elsewhere.txt") is None
    assert session.skipped == [(tmp_path / "bad.txt", "unreadable")]


def test_next_unread_wraps_and_skips_the_article_on_screen(tmp_path: Path) -> None:
    session = session_of(tmp_path, 4)
    assert session.note_read(session.files[2], True)
    assert not session.note_read(session.files[2], True)  # already read
    assert list(session.unread()) == [0, 1, 3]
    assert session.next_unread([], 1, shown=1) == 3
    assert session.next_unread([3, 2, 1, 0], 3, shown=3) == 1
    for path in session.files:
        session.note_read(path, True)
    assert session.next_unread([], 0, shown=0) is None


def test_only_the_last_parses_are_kept(tmp_path: Path) -> None:
    session = session_of(tmp_path, PARSED_KEPT + 2)
    article = parse("Title\n\nA paragraph.\n")
    for n in range(PARSED_KEPT + 1):
        session.keep_parsed(n, article)
    assert 0 not in session.parsed and len(session.parsed) == PARSED_KEPT
    assert session.take_parsed(1) is article  # now the most recent: kept longest
    session.keep_parsed(PARSED_KEPT + 1, article)
    assert 1 in session.parsed and 2 not in session.parsed
    assert session.take_parsed(0) is None


def test_exact_positions_win_over_saved_ones(tmp_path: Path) -> None:
    session = session_of(tmp_path, 1)
    article = parse("Title\n\nA paragraph.\n\nAnother one.\n")
    assert session.saved_position(0, session.files[0], article) is None  # no state opened
    session.remember_position(0, session.files[0], article, (0, 1, 0))
    assert session.saved_position(0, session.files[0], article) == (0, 1, 0)
