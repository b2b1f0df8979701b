"""Export: readable text, clean Markdown (which reads back), and the JSON dump shape."""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.conftest import JSON_KEYS
from tui.article import parse
from tui.article.export import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    WIDTH,
    format_authors,
    mark_quotes,
    to_json,
    to_markdown,
    to_text,
)
from tui.article.markdown import parse_markdown
from tui.article.mdmeta import parse_byline
from tui.article.model import (
    Article,
    Author,
    Boilerplate,
    Byline,
    Chrome,
    Heading,
    ImageCredit,
    Paragraph,
    Quotation,
    QuoteSpan,
    Section,
    Timestamp,
    Title,
)
from tui.article.sanitize import sanitize

LONG = (
    "The harbour board met on Tuesday evening to discuss the repairs, and members agreed "
    "that the work on the western wall should begin before the winter storms arrive."
)
QUOTED = "“We will not wait,” the chair said."
QUOTE_END = QUOTED.index("”") + 1


def sample() -> Article:
    """An article holding every kind of block (built by hand, independent of the parsers)."""
    lead = Section(
        None,
        (
            Chrome("-", "-", 1),
            Title("Harbour wall to be repaired", "Harbour wall to be repaired", 2),
            Byline((Author("Jane Doe", "Business reporter"),), "- Author, Jane Doe", 3),
            Byline((), "- Role, Business reporter", 4),
            Byline((), "- Reporting from, Port Ellen", 4),
            ImageCredit("Getty Images", "Waves break over the wall", "raw", 5),
            Paragraph(LONG, LONG, 6),
            Paragraph(
                QUOTED,
                QUOTED,
                7,
                quotes=(QuoteSpan(0, QUOTE_END, 0, 0, "“", "”"),),
            ),
            Boilerplate("Sign up for our newsletter", "Sign up for our newsletter", 8),
            Boilerplate("Get the app", "Get the app", 9),
        ),
    )
    second = Section(
        Heading("What happens next", "What happens next", 10),
        (
            Timestamp("16:45", "Posted at 16:45", 11),
            Paragraph("Work starts in May.", "Work starts in May.", 12, kind="blockquote"),
            Paragraph("first step", "- first step", 13, kind="list-item"),
            Paragraph("second step", "- second step", 14, kind="list-item"),
            ImageCredit(None, "Drone footage of the wall", "raw", 15, media="video"),
            ImageCredit("PA", None, "raw", 16),
            Boilerplate("Related topics", "Related topics", 17),
            Chrome("Share", "Share", 18),
        ),
    )
    return Article(
        title="Harbour wall to be repaired",
        sections=(lead, second),
        authors=(Author("Jane Doe", "Business reporter"),),
        source_format="bbc",
        outlet="BBC News",
        date="4 March 2025",
        path="articles/harbour.txt",
        quotes=(Quotation("We will not wait,", 0, speaker="the chair"),),
        metadata=(("tags", "harbour, repairs"),),
    )


# --- authors and quotes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ((), ""),
        ((Author("Ann Poe"),), "By Ann Poe"),
        ((Author("Ann Poe", "Editor"), Author("Kim Lo")), "By Ann Poe (Editor) and Kim Lo"),
        ((Author("A"), Author("B"), Author("C")), "By A, B and C"),
    ],
)
def test_format_authors(authors: tuple[Author, ...], expected: str) -> None:
    assert format_authors(authors) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("no quotes", (), "no quotes"),
        ('He said "yes" twice', ((8, 13, 0),), 'He said ⟦"yes"⟧ twice'),
        ("“a ‘b’ c”", ((0, 9, 0), (3, 6, 1)), "⟦“a ⟦‘b’⟧ c”⟧"),
        ("“a”“b”", ((0, 3, 0), (3, 6, 0)), "⟦“a”⟧⟦“b”⟧"),
        ("continued words” he said", ((0, 16, 0),), "⟦continued words”⟧ he said"),
        ("“‘inner’”", ((0, 9, 0), (1, 8, 1)), "⟦“⟦‘inner’⟧”⟧"),
    ],
    ids=["none", "simple", "nested", "adjacent", "continuation", "same-edges"],
)
def test_mark_quotes(text: str, spans: tuple[tuple[int, int, int], ...], expected: str) -> None:
    quotes = tuple(QuoteSpan(s, e, d, i) for i, (s, e, d) in enumerate(spans))
    assert mark_quotes(Paragraph(text, text, quotes=quotes)) == expected


# --- text ---------------------------------------------------------------------------------


def test_text_layout() -> None:
    out = to_text(sample())
    lines = out.split("\n")
    assert lines[:5] == [
        "Harbour wall to be repaired",
        "By Jane Doe (Business reporter)",
        "BBC News · 4 March 2025",
        "Reporting from, Port Ellen",  # a byline note in the header, not a body line
        "",
    ]
    assert out.count("Harbour wall to be repaired") == 1  # the Title block is the title
    assert "- Author, Jane Doe" not in out  # its author is in the byline line
    assert "Role," not in out  # its role is shown with the author
    assert out.count("Reporting from") == 1
    assert "▣ Getty Images — Waves break over the wall" in lines
    assert "▶ Drone footage of the wall" in lines
    assert "▣ PA" in lines
    assert "## What happens next" in lines
    assert "◷ 16:45" in lines
    assert "> Work starts in May." in lines
    assert "• first step\n• second step" in out
    assert f"{QUOTE_OPEN}“We will not wait,”{QUOTE_CLOSE} the chair said." in lines
    assert all(len(line) <= WIDTH for line in lines)
    assert out.endswith("\n")


def test_text_folds_boilerplate_in_place_and_chrome_at_the_end() -> None:
    out = to_text(sample())
    first = out.index(
        "▸ 2 lines of boilerplate folded:\n    Sign up for our newsletter\n    Get the app"
    )
    assert out.index("## What happens next") > first
    assert "▸ 1 line of boilerplate folded:\n    Related topics" in out
    assert out.rstrip("\n").endswith("▸ 2 lines of chrome folded:\n    -\n    Share")


def test_text_loses_nothing() -> None:
    article = sample()
    flat = " ".join(to_text(article).replace(QUOTE_OPEN, "").replace(QUOTE_CLOSE, "").split())
    for block in article.blocks():
        for value in (
            getattr(block, "text", None),
            getattr(block, "credit", None),
            getattr(block, "caption", None),
        ):
            if value:
                assert " ".join(value.split()) in flat, block
    for author in article.authors:
        assert author.name in flat and str(author.role) in flat


def test_text_wraps_long_paragraphs() -> None:
    out = to_text(sample())
    wrapped = [line for line in out.split("\n") if line and line.split()[0] in LONG.split()]
    assert len(wrapped) >= 2
    assert " ".join(" ".join(wrapped).split()).startswith(LONG[:60])


def test_text_shows_an_untitled_title_block_that_differs() -> None:
    article = Article("Fallback…", (Section(None, (Title("Printed", "Printed", 1),)),))
    assert to_text(article).split("\n")[:3] == ["Fallback…", "", "Printed"]


# --- markdown -----------------------------------------------------------------------------


def test_markdown_layout() -> None:
    out = to_markdown(sample())
    assert out.startswith(
        "---\ntitle: 'Harbour wall to be repaired'\nauthors:\n  - 'Jane Doe, Business reporter'\n"
        "date: '4 March 2025'\nsource: 'BBC News'\ntags: 'harbour, repairs'\n---\n\n"
        "# Harbour wall to be repaired\n\n"
    )
    assert "![Waves break over the wall](#)\n*Credit: Getty Images*" in out
    assert "![Drone footage of the wall](#)\n*Video:*" in out
    assert "<!-- boilerplate\nSign up for our newsletter\nGet the app\n-->" in out
    assert "## What happens next" in out
    assert "> Work starts in May." in out
    assert "- first step\n- second step" in out
    assert "*Reporting from, Port Ellen*" in out
    assert "Role," not in out and "- Author" not in out  # in the front matter
    assert "![Credit: PA](#)" in out
    assert "![](#)" not in out
    assert "Share" not in out  # chrome is omitted


def test_markdown_reads_back() -> None:
    article = sample()
    back = parse_markdown(to_markdown(article))
    assert (back.title, back.title_derived) == (article.title, False)
    assert back.authors == article.authors
    assert (back.date, back.outlet, back.metadata) == (
        article.date,
        article.outlet,
        article.metadata,
    )
    assert back.headings == article.headings
    # The Title block is the headline; the author-less byline line and the timestamp
    # (bold) come back as paragraphs.
    assert [(p.text, p.kind) for p in back.paragraphs] == [
        ("Reporting from, Port Ellen", "body"),
        *((p.text, p.kind) for p in article.sections[0].paragraphs),
        ("16:45", "body"),
        *((p.text, p.kind) for p in article.sections[1].paragraphs),
    ]
    credits = [(b.credit, b.caption, b.media) for b in back.blocks() if isinstance(b, ImageCredit)]
    assert credits == [
        ("Getty Images", "Waves break over the wall", "image"),
        (None, "Drone footage of the wall", "video"),
        ("PA", None, "image"),
    ]
    assert [b.text for b in back.blocks() if isinstance(b, Boilerplate)] == [
        "Sign up for our newsletter",
        "Get the app",
        "Related topics",
    ]


def test_markdown_of_a_derived_title_has_no_headline() -> None:
    article = Article("Lead words…", (Section(None, (Paragraph("Lead words go on", "x"),)),), True)
    assert to_markdown(article) == "Lead words go on\n"


ORDINARY = st.text(
    alphabet=st.sampled_from(list("#*_`[]()!<>&;-+=|\\\"'.:~1aBé“” ")), min_size=1, max_size=80
)


@settings(deadline=None)
@given(st.lists(st.one_of(ORDINARY, st.text(min_size=1, max_size=80)), min_size=1, max_size=4))
def test_markdown_escaping_round_trips_paragraph_text(texts: list[str]) -> None:
    """Whatever the paragraph says, the exported Markdown reads back to the same text."""
    cleaned = [" ".join(sanitize(t).split()) for t in texts]
    assume(all(cleaned) and all(parse_byline(t) is None for t in cleaned))
    paragraphs = tuple(Paragraph(t, t, i + 1) for i, t in enumerate(cleaned))
    article = Article("T", (Section(None, paragraphs),))
    back = parse_markdown(to_markdown(article))
    assert [p.text for p in back.paragraphs] == cleaned


@pytest.mark.parametrize(
    ("text", "kind"),
    [("3. third item", "list-item"), ("plain item", "list-item"), ("quoted", "blockquote")],
)
def test_markdown_keeps_paragraph_kinds(text: str, kind: str) -> None:
    article = Article("T", (Section(None, (Paragraph(text, text, 1, kind=kind),)),))  # type: ignore[arg-type]
    [back] = parse_markdown(to_markdown(article)).paragraphs
    assert (back.text, back.kind) == (text, kind)


# --- json ---------------------------------------------------------------------------------

KEYS = JSON_KEYS


def test_json_shape_and_values() -> None:
    article = sample()
    data = to_json(article, "given.txt")
    assert set(data) == KEYS
    assert json.loads(json.dumps(data)) == data
    assert data["file"] == "given.txt"
    assert data["format"] == "bbc"
    assert (data["title"], data["title_derived"]) == ("Harbour wall to be repaired", False)
    assert data["authors"] == [{"name": "Jane Doe", "role": "Business reporter"}]
    assert data["headings"] == ["What happens next"]
    assert data["sections"] == [
        {"heading": None, "paragraphs": [LONG, QUOTED]},
        {
            "heading": "What happens next",
            "paragraphs": ["Work starts in May.", "first step", "second step"],
        },
    ]
    assert data["paragraph_count"] == 5
    assert data["quotes"] == [
        {
            "text": "We will not wait,",
            "speaker": "the chair",
            "depth": 0,
            "multi_paragraph": False,
            "unclosed": False,
            "open_part": False,
            "quotation": 0,
        }
    ]
    assert data["image_credits"] == [
        {"credit": "Getty Images", "caption": "Waves break over the wall", "media": "image"},
        {"credit": None, "caption": "Drone footage of the wall", "media": "video"},
        {"credit": "PA", "caption": None, "media": "image"},
    ]
    assert data["boilerplate"] == ["Sign up for our newsletter", "Get the app", "Related topics"]
    assert data["chrome"] == ["-", "Share"]
    assert data["timestamps"] == ["16:45"]
    # 28 + 7 + 4 + 2 + 2 words, counted by hand.
    assert data["word_count"] == 43


def test_json_file_defaults_to_the_article_path() -> None:
    assert to_json(sample())["file"] == "articles/harbour.txt"


@settings(deadline=None)
@given(st.one_of(ORDINARY, st.text(min_size=1, max_size=80)), st.integers(2, 6))
def test_markdown_escaping_round_trips_headings(text: str, level: int) -> None:
    cleaned = " ".join(sanitize(text).split())
    assume(cleaned)
    heading = Heading(cleaned, cleaned, 3, level)
    article = Article("T", (Section(None, ()), Section(heading, ())))
    back = parse_markdown(to_markdown(article))
    assert back.sections[-1].heading is not None
    assert (back.sections[-1].heading.text, back.sections[-1].heading.level) == (cleaned, level)


def test_json_gives_each_reopened_part_its_own_entry() -> None:
    text = 'Harbour news\n\n"The pier is safe. "We checked it twice," said Ana Lund.\n'
    data = to_json(parse(text))
    assert [(q["text"], q["open_part"], q["quotation"]) for q in data["quotes"]] == [
        ("The pier is safe.", True, 0),
        ("We checked it twice,", False, 0),
    ]


def test_json_lists_the_links_of_a_markdown_article() -> None:
    from tui.article import parse

    article = parse(
        "# Ferry news\n\nRead [the timetable](https://ferry.example/times) and "
        "[write to us](mailto:desk@ferry.example); [a script](javascript:alert(1)) is no link.\n",
        fmt="markdown",
    )
    links = to_json(article)["links"]
    assert links == [
        {"text": "the timetable", "url": "https://ferry.example/times"},
        {"text": "write to us", "url": "mailto:desk@ferry.example"},
    ]
