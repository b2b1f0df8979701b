"""The Markdown reader: headings, paragraphs, credits, bylines, front matter, hostile input."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tui.article.markdown import parse_markdown
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
    Section,
    Title,
)
from tui.article.sanitize import sanitize


def only(article: Article, kind: type) -> list:  # type: ignore[type-arg]
    return [b for b in article.blocks() if isinstance(b, kind)]


def texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


# --- headings and title -------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["# Flood barrier opens\n\nThe gates closed at dawn.\n", "Flood barrier opens\n===\n\nText.\n"],
    ids=["atx", "setext"],
)
def test_leading_h1_is_the_title_not_a_section(source: str) -> None:
    article = parse_markdown(source)
    assert article.title == "Flood barrier opens"
    assert not article.title_derived
    assert article.headings == ()
    [title] = only(article, Title)
    assert title.line == 1


def test_later_headings_open_sections_and_keep_their_level() -> None:
    source = "# T\n\nLead.\n\n## Second\n\nA.\n\n### Third\n\nB.\n\nFourth\n------\n\nC.\n"
    article = parse_markdown(source)
    assert [(s.title, s.heading.level if s.heading else None) for s in article.sections] == [
        ("", None),
        ("Second", 2),
        ("Third", 3),
        ("Fourth", 2),
    ]
    assert [s.paragraphs[0].text for s in article.sections] == ["Lead.", "A.", "B.", "C."]


def test_h1_after_content_is_a_section_and_the_title() -> None:
    article = parse_markdown("Opening words here.\n\n# Big heading\n\nMore.\n")
    assert article.title == "Big heading"
    assert not article.title_derived
    assert article.sections[1].heading == Heading("Big heading", "# Big heading", 3, 1)
    assert only(article, Title) == []


@pytest.mark.parametrize(
    ("source", "title", "derived"),
    [
        (
            "One two three four five six seven eight nine ten.\n",
            "One two three four five six seven eight…",
            True,
        ),
        ("Short lead, only.\n", "Short lead, only.", True),
        ("---\ntitle: From front matter\n---\n# Printed headline\n", "From front matter", False),
        ("## Only a subheading\n", "Only a subheading", True),
        ("", "Untitled", True),
    ],
)
def test_title_fallbacks(source: str, title: str, derived: bool) -> None:
    article = parse_markdown(source)
    assert (article.title, article.title_derived) == (title, derived)


def test_title_falls_back_to_the_file_name() -> None:
    assert parse_markdown("", path="notes/river-report.md").title == "river-report"


def test_title_words_drop_trailing_comma() -> None:
    article = parse_markdown("Alpha beta gamma delta epsilon zeta eta theta, iota kappa.\n")
    assert article.title == "Alpha beta gamma delta epsilon zeta eta theta…"


# --- paragraphs, quotes, lists ------------------------------------------------------------


def test_paragraph_lines_join_and_keep_raw_and_line() -> None:
    source = "# T\n\nFirst line\nsecond line.\n\nNext.\n"
    article = parse_markdown(source)
    first, second = article.paragraphs
    assert first == Paragraph("First line second line.", "First line\nsecond line.", 3)
    assert (second.text, second.line) == ("Next.", 6)


def test_blockquote_paragraphs_have_blockquote_kind() -> None:
    article = parse_markdown("> We cannot do that\n> alone.\n>\n> Second part.\n")
    assert [(p.text, p.kind) for p in article.paragraphs] == [
        ("We cannot do that alone.", "blockquote"),
        ("Second part.", "blockquote"),
    ]
    assert article.paragraphs[0].raw == "> We cannot do that\n> alone."


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("- apples\n- pears\n", ["apples", "pears"]),
        ("* one\n\n  still one\n* two\n", ["one still one", "two"]),
        ("3. third\n4. fourth\n", ["3. third", "4. fourth"]),
        ("1) a\n2) b\n", ["1) a", "2) b"]),
        ("- outer\n  - inner\n- last\n", ["outer", "inner", "last"]),
    ],
    ids=["bullets", "loose-item", "ordered", "paren", "nested"],
)
def test_one_list_item_paragraph_per_item(source: str, expected: list[str]) -> None:
    article = parse_markdown(source)
    assert texts(article) == expected
    assert {p.kind for p in article.paragraphs} == {"list-item"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**bold** and _em_ here", "bold and em here"),
        ("call `run --fast` now", "call run --fast now"),
        ("see [the report](http://x.test/r) today", "see the report today"),
        ("raw <b>html</b> stays", "raw <b>html</b> stays"),
        ("AT&amp;T &copy; kept", "AT&amp;T &copy; kept"),
        (r"escaped \*stars\*", "escaped *stars*"),
        ("visit <https://x.test/a%41>", "visit https://x.test/a%41"),
        ("inline ![a chart](c.png) image", "inline a chart image"),
        ("hard  \nbreak", "hard break"),
    ],
)
def test_inline_markup_is_flattened(source: str, expected: str) -> None:
    assert texts(parse_markdown(source + "\n")) == [expected]


def test_entities_cannot_smuggle_invisible_characters() -> None:
    source = 'Text &#x202E; here\n\n![cap &#x202E;](a.jpg "Credit: X&#x202E;Y")\n'
    article = parse_markdown(source)
    assert article.paragraphs[0].text == "Text &#x202E; here"
    [credit] = only(article, ImageCredit)
    assert "\u202e" not in f"{credit.credit}{credit.caption}"


def test_code_html_and_tables_become_text() -> None:
    source = (
        "```python\nprint('hi')\n```\n\n<div>\n<p>kept</p>\n</div>\n\n"
        "| Team | Score |\n|------|------:|\n| Blue | 3 |\n"
    )
    article = parse_markdown(source)
    assert texts(article) == [
        "print('hi')",
        "<div>\n<p>kept</p>\n</div>",
        "Team | Score",
        "Blue | 3",
    ]
    assert [c.text for c in only(article, Chrome)] == ["|------|------:|"]


def test_comments_rules_and_reference_definitions_are_chrome() -> None:
    source = "Lead.\n\n<!-- editor note -->\n\n***\n\n[r]: http://x.test\n\nEnd.\n"
    article = parse_markdown(source)
    assert [(c.text, c.line) for c in only(article, Chrome)] == [
        ("<!-- editor note -->", 3),
        ("***", 5),
        ("[r]: http://x.test", 7),
    ]
    assert texts(article) == ["Lead.", "End."]


def test_boilerplate_comment_reads_back_as_boilerplate() -> None:
    source = "Lead.\n\n<!-- boilerplate\nSign up to our newsletter\nRelated topics\n-->\n"
    article = parse_markdown(source)
    assert [(b.text, b.line) for b in only(article, Boilerplate)] == [
        ("Sign up to our newsletter", 4),
        ("Related topics", 5),
    ]


# --- images and credits -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "credit", "caption", "media"),
    [
        (
            '![Crews at the dam](d.jpg "Credit: Valley Agency")',
            "Valley Agency",
            "Crews at the dam",
            "image",
        ),
        ('![Crews](d.jpg "Photo: Ana Ruiz/Reuters")', "Ana Ruiz/Reuters", "Crews", "image"),
        ('![Crews](d.jpg "Getty Images")', "Getty Images", "Crews", "image"),
        ("![Crews](d.jpg)", None, "Crews", "image"),
        ('![](d.jpg "Credit: Pool")', "Pool", None, "image"),
        ("![Crews](d.jpg)\n*Photo: Sam Hale/PA*", "Sam Hale/PA", "Crews", "image"),
        ("![Crews](d.jpg) *Credit: Pool*", "Pool", "Crews", "image"),
        ("![Crews](d.jpg)\n\n*Image: Lee Park*", "Lee Park", "Crews", "image"),
        ("![Crews](d.jpg)\n\n_Credit: Lee Park_", "Lee Park", "Crews", "image"),
        ("![Storm footage](s.mp4)", None, "Storm footage", "video"),
        ("![Storm footage](#)\n*Video: Coastguard*", "Coastguard", "Storm footage", "video"),
        ("[![Linked](l.jpg)](http://x.test)", None, "Linked", "image"),
    ],
)
def test_image_credits(source: str, credit: str | None, caption: str | None, media: str) -> None:
    article = parse_markdown(source + "\n")
    [marker] = only(article, ImageCredit)
    assert (marker.credit, marker.caption, marker.media) == (credit, caption, media)
    assert marker.raw == source.strip()
    assert article.paragraphs == ()


def test_two_images_in_one_paragraph_are_two_markers() -> None:
    article = parse_markdown('![One](1.jpg "Credit: A")\n![Two](2.jpg)\n*Photo: B*\n')
    assert [(m.caption, m.credit, m.line) for m in only(article, ImageCredit)] == [
        ("One", "A", 1),
        ("Two", "B", 2),
    ]


@pytest.mark.parametrize(
    "after",
    ["*A quiet morning on the quay.*", "Photo: not italic", "The harbour reopened on Monday."],
)
def test_other_paragraphs_after_an_image_stay_paragraphs(after: str) -> None:
    article = parse_markdown(f"![Quay](q.jpg)\n\n{after}\n")
    assert [m.credit for m in only(article, ImageCredit)] == [None]
    assert len(article.paragraphs) == 1


def test_image_with_text_is_a_paragraph() -> None:
    article = parse_markdown("Before ![pic](p.jpg) after\n")
    assert only(article, ImageCredit) == []
    assert texts(article) == ["Before pic after"]


# --- bylines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe", [Author("Jane Doe")]),
        ("By Jane Doe and John Roe", [Author("Jane Doe"), Author("John Roe")]),
        ("By Jane Doe, Business reporter", [Author("Jane Doe", "Business reporter")]),
        (
            "*By Ana Ruiz and Li Wei, BBC News*",
            [Author("Ana Ruiz", "BBC News"), Author("Li Wei", "BBC News")],
        ),
        ("**By MARY SMITH and TOM O'NEIL**", [Author("Mary Smith"), Author("Tom O'Neil")]),
        (
            "By Ann Poe, Kim Lo and Raj Dev",
            [Author("Ann Poe"), Author("Kim Lo"), Author("Raj Dev")],
        ),
    ],
)
def test_bylines(line: str, authors: list[Author]) -> None:
    article = parse_markdown(f"# Headline\n\n{line}\n\nBody text.\n")
    [byline] = only(article, Byline)
    assert list(byline.authors) == authors
    assert list(article.authors) == authors
    assert (byline.raw, byline.line) == (line, 3)


@pytest.mark.parametrize(
    "line",
    [
        "By the time the rain stopped, the river had risen.",
        "By Monday, crews had cleared the road.",
        "By 2030 the plant will close",
        "by Jane Doe",
        "By Jane Doe and a crowd of some forty neighbours who came down to the river to watch",
    ],
)
def test_sentences_starting_with_by_are_paragraphs(line: str) -> None:
    article = parse_markdown(line + "\n")
    assert only(article, Byline) == []
    assert texts(article) == [line]


# --- front matter -------------------------------------------------------------------------

YAML = """---
title: 'Harbour wall: a second breach'
authors:
  - Jane Doe, Business reporter
  - "John Roe"
date: 2025-03-04
source: Coast Courier
tags: [floods, "harbour"]
summary: >
  Two lines
  of summary
---

The first paragraph.
"""

TOML = """+++
title = "Harbour wall"
date = 2025-03-04T10:00:00
outlet = "Coast Courier"
draft = false

[[authors]]
name = "Jane Doe"
role = "Reporter"

[[authors]]
name = "John Roe"
+++

The first paragraph.
"""


@pytest.mark.parametrize(
    ("source", "title", "authors", "date", "outlet", "metadata"),
    [
        (
            YAML,
            "Harbour wall: a second breach",
            (Author("Jane Doe", "Business reporter"), Author("John Roe")),
            "2025-03-04",
            "Coast Courier",
            (("tags", "floods, harbour"), ("summary", "Two lines of summary")),
        ),
        (
            TOML,
            "Harbour wall",
            (Author("Jane Doe", "Reporter"), Author("John Roe")),
            "2025-03-04T10:00:00",
            "Coast Courier",
            (("draft", "false"),),
        ),
        (
            "---\nauthor: Ann Poe and Kim Lo\nbyline: Ann Poe\n---\nText.\n",
            "Text.",
            (Author("Ann Poe"), Author("Kim Lo")),
            None,
            None,
            (),
        ),
        (
            "---\nauthors: [Ann Poe, 'Kim Lo']\n---\nText.\n",
            "Text.",
            (Author("Ann Poe"), Author("Kim Lo")),
            None,
            None,
            (),
        ),
    ],
    ids=["yaml", "toml", "author-string", "inline-list"],
)
def test_front_matter(
    source: str,
    title: str,
    authors: tuple[Author, ...],
    date: str | None,
    outlet: str | None,
    metadata: tuple[tuple[str, str], ...],
) -> None:
    article = parse_markdown(source)
    assert article.title == title
    assert article.authors == authors
    assert (article.date, article.outlet, article.metadata) == (date, outlet, metadata)
    fence_end = source.index("\n", source.index("\n" + source[:3], 3) + 1)
    chrome = article.sections[0].blocks[0]
    assert chrome == Chrome(source[:fence_end], source[:fence_end], 1)
    # Line numbers after the front matter are still file lines.
    paragraph = article.paragraphs[0]
    assert source.split("\n")[paragraph.line - 1] == paragraph.raw


def test_front_matter_authors_merge_with_the_byline() -> None:
    source = "---\nauthor: Jane Doe\n---\n\nBy Jane Doe and John Roe\n\nText.\n"
    assert parse_markdown(source).authors == (Author("Jane Doe"), Author("John Roe"))


@pytest.mark.parametrize(
    "source",
    [
        "---\ntitle: never closed\n\nText.\n",
        '+++\ntitle = "broken\n+++\nText.\n',
        "+++\n[[[\n+++\n",
        "---\n: no key\n- stray item\n  indented\n---\n",
        '+++\ntitle = "\\u202e evil"\n+++\n',
    ],
)
def test_odd_front_matter_never_raises(source: str) -> None:
    article = parse_markdown(source)
    assert "\u202e" not in article.title
    assert isinstance(article, Article)


# --- the whole article --------------------------------------------------------------------


def test_calls_the_quote_annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    quote = Quotation("marked", 0)

    def fake(sections: Sequence[Section]) -> tuple[tuple[Section, ...], tuple[Quotation, ...]]:
        return tuple(sections), (quote,)

    monkeypatch.setattr("tui.article.markdown.annotate", fake)
    assert parse_markdown("Text.\n").quotes == (quote,)


def test_article_fields() -> None:
    article = parse_markdown("Text.\n", path="a/b.md")
    assert (article.source_format, article.path) == ("markdown", "a/b.md")


def test_non_news_markdown_gives_its_text() -> None:
    source = "# Project\n\nInstall it:\n\n    pip install thing\n\n## Usage\n\n- run it\n- enjoy\n"
    article = parse_markdown(source)
    assert article.title == "Project"
    assert texts(article) == ["Install it:", "pip install thing", "run it", "enjoy"]
    assert article.headings == ("Usage",)


MIXED = """---
title: Mixed
---
# Mixed

By Ann Poe

![Quay](q.jpg "Credit: Pool")
*Photo: Extra*

Lead paragraph
over two lines.

> a quote
>
> more

[ref]: http://x.test

- item
- another

## Section

| a | b |
|---|---|
| 1 | 2 |

<!-- boilerplate
Subscribe now
-->
"""


@pytest.mark.parametrize(
    "source",
    [MIXED, *(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md")))],
)
def test_nothing_is_lost(source: str) -> None:
    """Every non-blank source line is in some block's raw text, at its own line number."""
    article = parse_markdown(source)
    lines = source.split("\n")
    covered: set[int] = set()
    for block in article.blocks():
        start = block.line - 1
        raw_lines = block.raw.split("\n")
        assert lines[start : start + len(raw_lines)] == raw_lines, block
        covered.update(range(start, start + len(raw_lines)))
    missing = [i + 1 for i, line in enumerate(lines) if line.strip(" >") and i not in covered]
    assert missing == []


def test_every_example_parses_with_a_title() -> None:
    files = sorted(EXAMPLES.glob("*.md"))
    assert files, "the examples should include Markdown articles"
    for path in files:
        article = parse_markdown(path.read_text(encoding="utf-8"), path=str(path))
        assert article.title and not article.title_derived
        assert article.paragraphs


MARKDOWNISH = st.text(
    alphabet=st.sampled_from(list("#*_`[]()!<>&;-+=|\\\"'\n .:~1aBé“”«»—\t\u202e\x1b")),
    max_size=300,
)


@settings(deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=300)))
def test_any_input_gives_an_article_of_its_own_text(text: str) -> None:
    source = sanitize(text)
    article = parse_markdown(source)
    assert isinstance(article, Article)
    assert article.title
    chars = set(source)
    for paragraph in article.paragraphs:
        assert {c for c in paragraph.text if not c.isspace()} <= chars


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#*_`[]()!<>&;-+=|\\\"'\n .:~1aB")), max_size=300))
def test_every_line_lands_in_a_block(text: str) -> None:
    """The property form of "nothing is lost", on Markdown-heavy input."""
    test_nothing_is_lost(sanitize(text))
