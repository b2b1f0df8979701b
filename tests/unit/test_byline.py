"""Byline detection (tui.article.byline)."""

from __future__ import annotations

import pytest

from tui.article.byline import bare_byline, is_desk_line, match_byline, title_case


@pytest.mark.parametrize(
    ("line", "kind", "names", "role"),
    [
        ("- Author, Priya Nandakumar", "author", ("Priya Nandakumar",), None),
        ("Author, Ola Berg", "author", ("Ola Berg",), None),
        ("Autor, Marta Gil", "author", ("Marta Gil",), None),
        ("- Role, Science reporter", "role", (), "Science reporter"),
        ("- Author title, BBC News World", "role", (), "BBC News World"),
        ("Título del autor, BBC News Mundo", "role", (), "BBC News Mundo"),
        ("- Reporting from, Lisbon", "other", (), None),
        ("By Jane Doe", "author", ("Jane Doe",), None),
        ("By Jane Doe and John Roe", "author", ("Jane Doe", "John Roe"), None),
        ("By Jane Doe, Business reporter", "author", ("Jane Doe",), "Business reporter"),
        ("By Jane Doe, BBC News", "author", ("Jane Doe",), "BBC News"),
        ("By Jane DoeBusiness reporter", "author", ("Jane Doe",), "Business reporter"),
        ("By Ann Lee and Raj PatelBBC News", "author", ("Ann Lee", "Raj Patel"), "BBC News"),
        ("By ROSA MENDEZ and PAUL O'KING", "author", ("Rosa Mendez", "Paul O'King"), None),
        ("By Ana Ruiz, Tom Bell and Li Wei", "author", ("Ana Ruiz", "Tom Bell", "Li Wei"), None),
        ("Von Lea Roth und Ben Kurz, SWR", "author", ("Lea Roth", "Ben Kurz"), "SWR"),
        ("By Maria de la Cruz", "author", ("Maria de la Cruz",), None),
    ],
)
def test_byline_lines(line: str, kind: str, names: tuple[str, ...], role: str | None) -> None:
    m = match_byline(line)
    assert m is not None
    assert (m.kind, m.names, m.role) == (kind, names, role)


@pytest.mark.parametrize(
    "line",
    [
        "By the time the ferry arrived, the crowd had gone.",
        "By Tuesday the river had risen by a metre.",
        "By then it was too late",
        "Reporting by Ola Berg; Editing by Tim Cole",
        "Von der Leyen sagte, die Lage sei ernst.",
        "The author, a former teacher, lives in Leeds.",
        "",
    ],
)
def test_not_bylines(line: str) -> None:
    assert match_byline(line) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("JANE DOE", "Jane Doe"),
        ("JEAN-PAUL O'NEILL", "Jean-Paul O'Neill"),
        ("MARY MCDONALD", "Mary McDonald"),
        ("Jane Doe", "Jane Doe"),
    ],
)
def test_title_case(name: str, expected: str) -> None:
    assert title_case(name) == expected


@pytest.mark.parametrize(
    ("line", "desk"),
    [
        ("Associated Press", True),
        ("Business reporter", True),
        ("BBC News", True),
        ("The river rose overnight.", False),
        ("Harbour town", False),
    ],
)
def test_desk_lines(line: str, desk: bool) -> None:
    assert is_desk_line(line) is desk


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Hannah Pike", ("Hannah Pike",)),
        ("Hannah Pike and Tom Lyle", ("Hannah Pike", "Tom Lyle")),
        ("Analysis", None),
        ("The legal fight", None),
        ("Hannah Pike said so.", None),
    ],
)
def test_bare_byline(line: str, names: tuple[str, ...] | None) -> None:
    m = bare_byline(line)
    assert (m.names if m else None) == names
