"""Pane positions ↔ paragraph numbers (tui.library.positions)."""

from __future__ import annotations

import pytest

from tui.article.model import (
    Article,
    Boilerplate,
    Heading,
    ImageCredit,
    Paragraph,
    Section,
    Title,
)
from tui.library.positions import paragraph_at, position_of


def para(text: str) -> Paragraph:
    return Paragraph(text=text, raw=text)


# Paragraphs in reading order: p0 p1 | p2 p3 | (none) | p4
ARTICLE = Article(
    title="T",
    sections=(
        Section(None, (Title("T", "T"), para("p0"), ImageCredit("c", None, "c"), para("p1"))),
        Section(Heading("H1", "H1"), (para("p2"), Boilerplate("b", "b"), para("p3"))),
        Section(Heading("H2", "H2"), (Boilerplate("x", "x"),)),
        Section(Heading("H3", "H3"), (para("p4"),)),
    ),
)


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        ((0, 1, 0), (0, 0)),  # on p0
        ((0, 1, 3), (0, 3)),  # three lines into p0
        ((0, 0, 0), (0, 0)),  # the title: the paragraph after it
        ((0, 2, 1), (1, 0)),  # an image credit: the next paragraph, offset dropped
        ((0, 3, 2), (1, 2)),
        ((1, -1, 0), (2, 0)),  # a heading: its first paragraph
        ((1, 1, 0), (3, 0)),  # boilerplate between p2 and p3
        ((1, 2, 5), (3, 5)),
        ((2, 0, 0), (4, 0)),  # a section without paragraphs: the next one's
        ((3, 0, 1), (4, 1)),
        ((9, 0, 0), (4, 0)),  # beyond the end: the last paragraph
    ],
)
def test_paragraph_at(position: tuple[int, int, int], expected: tuple[int, int]) -> None:
    assert paragraph_at(ARTICLE, position) == expected
    assert ARTICLE.paragraphs[expected[0]].text == f"p{expected[0]}"


@pytest.mark.parametrize(
    ("paragraph", "offset", "expected"),
    [
        (0, 0, (0, -1, 0)),  # the very top, so the headline shows
        (0, 2, (0, 1, 2)),
        (1, 0, (0, 3, 0)),
        (3, 4, (1, 2, 4)),
        (4, 0, (3, 0, 0)),
        (99, 3, (3, 0, 0)),  # clamped to the last paragraph's start
        (-5, 0, (0, -1, 0)),
    ],
)
def test_position_of(paragraph: int, offset: int, expected: tuple[int, int, int]) -> None:
    assert position_of(ARTICLE, paragraph, offset) == expected


@pytest.mark.parametrize("paragraph", range(5))
@pytest.mark.parametrize("offset", [1, 4])
def test_round_trip(paragraph: int, offset: int) -> None:
    assert paragraph_at(ARTICLE, position_of(ARTICLE, paragraph, offset)) == (paragraph, offset)


def test_article_without_paragraphs() -> None:
    empty = Article(title="E", sections=(Section(None, (Title("E", "E"),)),))
    assert paragraph_at(empty, (0, 0, 3)) == (0, 0)
    assert position_of(empty, 3, 2) == (0, -1, 0)
