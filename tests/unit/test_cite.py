"""Citations and quote look-ups (tui.article.cite): Markdown shape, grouping, places, safety."""

from __future__ import annotations

import re
import unicodedata

import pytest

from tui.article import parse
from tui.article.cite import (
    UNATTRIBUTED,
    cite_paragraph,
    cite_quote,
    paragraph_at_or_after,
    quote_at_or_after,
    quote_before,
    source_of,
    speaker_groups,
    step_quote,
)
from tui.article.model import (
    Article,
    Author,
    Heading,
    ImageCredit,
    Paragraph,
    Quotation,
    Section,
)


def _article(
    quotes: tuple[Quotation, ...] = (),
    *,
    outlet: str | None = "Skellport Gazette",
    date: str | None = "3 March 2025",
    path: str | None = "/news/ferry.txt",
    metadata: tuple[tuple[str, str], ...] = (),
    authors: tuple[Author, ...] = (),
) -> Article:
    lead = Section(
        None,
        (
            ImageCredit("Harbour Trust", None, "raw"),
            Paragraph("The quay was busy before dawn.", "raw"),
            Paragraph("Boats came in one by one.", "raw"),
        ),
    )
    later = Section(Heading("Later", "Later"), (Paragraph("Nets were mended.", "raw"),))
    return Article(
        "Ferry returns",
        (lead, later),
        outlet=outlet,
        date=date,
        path=path,
        quotes=quotes,
        metadata=metadata,
        authors=authors,
    )


Q_ANNA = Quotation("The tide waits for nobody,", 0, "Anna Berg", section=0, block=1)
Q_NONE = Quotation("no comment", 0, None, section=0, block=2)
Q_PER = Quotation("We are ready.", 0, "Per Holm", section=1, block=0)
Q_ANNA2 = Quotation("Come early", 0, "Anna Berg", section=1, block=0)
QUOTES = (Q_ANNA, Q_NONE, Q_PER, Q_ANNA2)


def test_cite_quote_full_shape() -> None:
    article = _article(QUOTES)
    assert cite_quote(article, 0) == (
        "> “The tide waits for nobody”\n"
        ">\n"
        "> — Anna Berg, Skellport Gazette, 3 March 2025\n"
        "\n"
        "Source: /news/ferry.txt\n"
    )


@pytest.mark.parametrize(
    ("outlet", "date", "speaker", "attribution"),
    [
        ("Gazette", None, "Anna Berg", "> — Anna Berg, Gazette"),
        (None, "May 2025", "Anna Berg", "> — Anna Berg, May 2025"),
        (None, None, "Anna Berg", "> — Anna Berg"),
        ("Gazette", "May 2025", None, "> — Gazette, May 2025"),
        (None, None, None, None),
    ],
)
def test_attribution_leaves_out_missing_parts(
    outlet: str | None, date: str | None, speaker: str | None, attribution: str | None
) -> None:
    quote = Quotation("Hello.", 0, speaker)
    text = cite_quote(_article((quote,), outlet=outlet, date=date), 0)
    dash_lines = [line for line in text.splitlines() if line.startswith("> —")]
    assert dash_lines == ([attribution] if attribution else [])
    assert ", ," not in text and ", \n" not in text


@pytest.mark.parametrize(
    ("metadata", "path", "source"),
    [
        ((("url", "https://example.org/ferry"),), "/a.md", "Source: https://example.org/ferry"),
        ((("URL", " https://example.org/x "),), None, "Source: https://example.org/x"),
        ((("author", "someone"),), "/a.md", "Source: /a.md"),
        ((), None, None),
    ],
)
def test_source_line_prefers_url(
    metadata: tuple[tuple[str, str], ...], path: str | None, source: str | None
) -> None:
    article = _article((Q_ANNA,), metadata=metadata, path=path)
    lines = cite_quote(article, 0).splitlines()
    assert [line for line in lines if line.startswith("Source:")] == ([source] if source else [])
    if source:  # the source is outside the block quote, after a blank line
        assert lines[-2:] == ["", source]
    assert source_of(article) == (source.removeprefix("Source: ") if source else None)


def test_multi_paragraph_quote_opens_each_paragraph_closes_the_last() -> None:
    quote = Quotation("First part.\n\nSecond part.\n\nThird,", 0, "Anna Berg", multi_paragraph=True)
    text = cite_quote(_article((quote,), outlet=None, date=None, path=None), 0)
    assert text == ("> “First part.\n>\n> “Second part.\n>\n> “Third”\n>\n> — Anna Berg\n")


@pytest.mark.parametrize(
    ("quoted", "shown"),
    [
        ("for too long,", "> “for too long”"),
        ("Stop; ", "> “Stop”"),
        ("Really?", "> “Really?”"),
        ("It ends.", "> “It ends.”"),
        ("spread\nover  lines", "> “spread over lines”"),
    ],
)
def test_quote_text_is_trimmed_to_the_words(quoted: str, shown: str) -> None:
    text = cite_quote(_article((Quotation(quoted, 0, None),)), 0)
    assert text.splitlines()[0] == shown


def test_cite_quote_rejects_a_missing_index() -> None:
    with pytest.raises(IndexError):
        cite_quote(_article(QUOTES), 4)
    with pytest.raises(IndexError):
        cite_quote(_article(QUOTES), -1)


@pytest.mark.parametrize(
    ("authors", "attribution"),
    [
        ((), "> — Skellport Gazette, 3 March 2025"),
        ((Author("Ida Lund", "Reporter"),), "> — Ida Lund, Skellport Gazette, 3 March 2025"),
        (
            (Author("Ida Lund"), Author("Ola Vik"), Author("Kai Moe")),
            "> — Ida Lund, Ola Vik and Kai Moe, Skellport Gazette, 3 March 2025",
        ),
    ],
)
def test_cite_paragraph(authors: tuple[Author, ...], attribution: str) -> None:
    text = cite_paragraph(_article(authors=authors), 0, 2)
    assert text == (f"> Boats came in one by one.\n>\n{attribution}\n\nSource: /news/ferry.txt\n")


@pytest.mark.parametrize(("section", "block"), [(0, 0), (0, -1), (5, 0), (1, 3)])
def test_cite_paragraph_rejects_non_paragraphs(section: int, block: int) -> None:
    with pytest.raises(ValueError):
        cite_paragraph(_article(), section, block)


def test_speaker_groups_first_quoted_first_unattributed_last() -> None:
    assert speaker_groups(_article(QUOTES)) == (
        ("Anna Berg", (0, 3)),
        ("Per Holm", (2,)),
        (UNATTRIBUTED, (1,)),
    )
    assert speaker_groups(_article()) == ()


@pytest.mark.parametrize(
    ("where", "after", "before"),
    [
        ((0, -1), 0, None),
        ((0, 1), 0, None),
        ((0, 2), 1, 0),
        ((1, -1), 2, 1),
        ((1, 0), 2, 1),
        ((1, 1), None, 3),
    ],
)
def test_quote_places(where: tuple[int, int], after: int | None, before: int | None) -> None:
    article = _article(QUOTES)
    assert quote_at_or_after(article, *where) == after
    assert quote_before(article, *where) == before


@pytest.mark.parametrize(
    ("where", "found"),
    [((0, -1), (0, 1)), ((0, 0), (0, 1)), ((0, 2), (0, 2)), ((1, -1), (1, 0)), ((1, 1), None)],
)
def test_paragraph_at_or_after(where: tuple[int, int], found: tuple[int, int] | None) -> None:
    assert paragraph_at_or_after(_article(), *where) == found


# ---------------------------------------------------------------------------- safety (OSC 52)

HOSTILE = (
    "Harbour row\n\n"
    "\u201cWe\x1b]52;c;ZXZpbA==\x07 will \x1b[31mnot\x9b move\u202e the boats,\u201d said "
    "Anna\x1bP Berg.\n"
)
_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(text: str) -> list[str]:
    return [c for c in text if (unicodedata.category(c) == "Cc" and c != "\n") or c in _BIDI]


def test_parsed_quotes_reach_the_clipboard_without_control_characters() -> None:
    article = parse(HOSTILE, path="/tmp/hostile.txt")
    assert article.quotes, "the hostile quote is still found"
    # The parse boundary already removed every control: the raw model text is clean.
    assert not _unsafe(article.quotes[0].text)
    assert not _unsafe(article.quotes[0].speaker or "")
    cited = cite_quote(article, 0)
    assert not _unsafe(cited)
    assert "\x1b" not in cited and "\x07" not in cited
    assert not _unsafe(cite_paragraph(article, *(paragraph_at_or_after(article, 0, 0) or (0, 0))))


def test_a_hand_built_article_cannot_smuggle_escapes_either() -> None:
    quote = Quotation("evil\x1b]52;c;AAAA\x07 text\u202e", 0, "X\x9b", section=0, block=1)
    article = _article((quote,), outlet="Out\x1b[2J", path="/p\x07")
    cited = cite_quote(article, 0)
    assert not _unsafe(cited)
    assert re.search(r"evil.*text", cited)


@pytest.mark.parametrize(
    ("where", "current", "step", "found"),
    [
        ((0, -1), -1, 1, 0),  # from the top of the article: the first quote
        ((0, 2), -1, 1, 1),  # a quote in the top paragraph counts as "next"
        ((0, 2), -1, -1, 0),  # previous: strictly above the top
        ((1, 1), -1, 1, None),
        ((0, -1), -1, -1, None),
        ((0, -1), 1, 1, 2),  # with a current quote, step from it wherever the top is
        ((0, -1), 3, 1, None),
        ((1, 0), 0, -1, None),
        ((1, 0), 3, -1, 2),
    ],
)
def test_step_quote(where: tuple[int, int], current: int, step: int, found: int | None) -> None:
    assert step_quote(_article(QUOTES), where, current, step) == found
