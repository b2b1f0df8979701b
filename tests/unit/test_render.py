"""Unit tests of tui.reader.render: article → styled lines, wrapping, folds, credits, find."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.conftest import EXAMPLES
from tui.article import load
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
from tui.reader.render import (
    STYLE_FIND,
    STYLE_QUOTE,
    STYLE_QUOTE_NESTED,
    Item,
    ViewOptions,
    build_items,
    byline_text,
    column_width,
    credit_text,
    estimate_height,
    estimate_heights,
    find_next,
    fold_text,
    height_inputs,
    item_height,
    render_article,
    resolve_style,
    wrap_item,
    wrap_offsets,
)
from tui.reader.textlayout import _NARROW, is_narrow, line_count
from tui.widgets._reader_layout import ReaderLayout

QUOTED = "She said “the tide ‘waits for nobody’ at all” and left."


def quoted_paragraph() -> Paragraph:
    outer_start = QUOTED.index("“")
    outer_end = QUOTED.index("”") + 1
    inner_start = QUOTED.index("‘")
    inner_end = QUOTED.index("’") + 1
    return Paragraph(
        QUOTED,
        QUOTED,
        quotes=(
            QuoteSpan(outer_start, outer_end, 0, 0, "“", "”"),
            QuoteSpan(inner_start, inner_end, 1, 1, "‘", "’"),
        ),
    )


def article_of(*blocks: object, heading: str | None = None, **kwargs: object) -> Article:
    section = Section(Heading(heading, heading) if heading else None, tuple(blocks))  # type: ignore[arg-type]
    return Article("Headline here", (section,), **kwargs)  # type: ignore[arg-type]


def plain(article: Article, width: int = 80, **options: bool) -> list[str]:
    return [line.plain for line in render_article(article, width, ViewOptions(**options))]


def styles_over(line_spans: Sequence[tuple[int, int, object]], start: int, end: int) -> set[object]:
    return {style for s, e, style in line_spans if s <= start and e >= end}


# ---------------------------------------------------------------- quotes


def test_quote_spans_become_styled_ranges() -> None:
    article = article_of(quoted_paragraph(), title_derived=True)
    [item] = build_items(article, ViewOptions())
    [line] = wrap_item(item, 200, ViewOptions()).lines
    spans = [(s.start, s.end, s.style) for s in line.spans]
    outer = QUOTED.index("“")
    inner = QUOTED.index("‘")
    assert styles_over(spans, outer, QUOTED.index("”") + 1) == {STYLE_QUOTE}
    assert STYLE_QUOTE_NESTED in styles_over(spans, inner, QUOTED.index("’") + 1)
    # Text outside the quotation carries no quote style.
    assert styles_over(spans, 0, 3) == set()
    assert styles_over(spans, len(QUOTED) - 4, len(QUOTED)) == set()


def test_quote_styles_survive_wrapping() -> None:
    article = article_of(quoted_paragraph(), title_derived=True)
    [item] = build_items(article, ViewOptions())
    lines = wrap_item(item, 12, ViewOptions()).lines
    styled = "".join(
        line.plain[s.start : s.end] for line in lines for s in line.spans if s.style == STYLE_QUOTE
    )
    assert styled.replace(" ", "") == "“thetide‘waitsfornobody’atall”"


def test_highlight_off_has_no_quote_style() -> None:
    article = article_of(quoted_paragraph(), title_derived=True)
    options = ViewOptions(highlight_quotes=False)
    for line in render_article(article, 20, options):
        assert not [s for s in line.spans if "quote" in str(s.style)]
    on = render_article(article, 20, ViewOptions())
    assert any(s.style == STYLE_QUOTE for line in on for s in line.spans)


def test_speaker_line_after_closing_paragraph() -> None:
    para = quoted_paragraph()
    quotes = (Quotation("x", 0, speaker="Ada Obi"), Quotation("y", 1))
    article = article_of(para, Paragraph("Next.", "Next."), title_derived=True, quotes=quotes)
    shown = plain(article)
    assert shown[shown.index(QUOTED) + 1] == "— Ada Obi"
    assert "— Ada Obi" not in plain(article, show_speakers=False)


# ---------------------------------------------------------------- credits, timestamps, byline


@pytest.mark.parametrize(
    ("credit", "caption", "media", "expected"),
    [
        ("Getty Images", "Boats in the harbour", "image", "▣ Getty Images — Boats in the harbour"),
        ("Reuters", "Floods in the valley", "video", "▶ Reuters — Floods in the valley"),
        ("Tom Hadley/PA", None, "image", "▣ Tom Hadley/PA"),
        (None, "A caption alone", "image", "▣ A caption alone"),
        (None, None, "video", "▶"),
    ],
)
def test_credit_marker_text(
    credit: str | None, caption: str | None, media: str, expected: str
) -> None:
    block = ImageCredit(credit, caption, "raw", media=media)  # type: ignore[arg-type]
    assert credit_text(block) == expected
    assert expected in plain(article_of(block, title_derived=True))


def test_hidden_credits_leave_no_blank_line() -> None:
    first = Paragraph("First paragraph.", "x")
    second = Paragraph("Second paragraph.", "y")
    credit = ImageCredit("AP", "Caption", "z")
    shown = plain(article_of(first, credit, second, title_derived=True))
    hidden = plain(article_of(first, credit, second, title_derived=True), show_credits=False)
    assert shown == ["First paragraph.", "", "▣ AP — Caption", "", "Second paragraph."]
    assert hidden == ["First paragraph.", "", "Second paragraph."]


def test_timestamp_line() -> None:
    lines = plain(article_of(Timestamp("16:45", "Posted at 16:45"), title_derived=True))
    assert lines == ["◷ 16:45"]


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ((Author("Ann Lee"),), "By Ann Lee"),
        ((Author("Ann Lee", "Reporter"), Author("Bo Chen", "Editor")),
         "By Ann Lee (Reporter) and Bo Chen (Editor)"),
        ((Author("A"), Author("B", "Desk"), Author("C")), "By A, B (Desk) and C"),
        ((Author("Ann Lee", "AP"), Author("Bo Chen", "AP")), "By Ann Lee and Bo Chen · AP"),
        ((Author("Ann Lee", "AP"),), "By Ann Lee (AP)"),
    ],
)  # fmt: skip
def test_byline_text(authors: tuple[Author, ...], expected: str) -> None:
    assert byline_text(authors) == expected


def test_title_and_byline_blocks_render_in_order() -> None:
    article = article_of(
        Title("Storm closes the ferry", "Storm closes the ferry"),
        Byline((Author("Ann Lee", "Reporter"),), "- Author, Ann Lee"),
        Byline((), "- Role, Reporter"),
        Paragraph("Body.", "Body."),
    )
    assert plain(article) == ["Storm closes the ferry", "", "By Ann Lee (Reporter)", "", "Body."]


def test_article_title_and_authors_used_when_no_blocks() -> None:
    article = article_of(Paragraph("Body.", "Body."), authors=(Author("Ann Lee"),))
    assert plain(article) == ["Headline here", "", "By Ann Lee", "", "Body."]
    derived = article_of(Paragraph("Body.", "Body."), title_derived=True)
    assert plain(derived) == ["Body."]


def test_heading_has_blank_line_before_and_heading_style() -> None:
    first = Section(None, (Paragraph("Lead.", "Lead."),))
    second = Section(Heading("What next", "What next"), (Paragraph("More.", "More."),))
    article = Article("T", (first, second), title_derived=True)
    lines = render_article(article, 40)
    assert [line.plain for line in lines] == ["Lead.", "", "What next", "", "More."]
    assert {s.style for s in lines[2].spans} == {"bold $heading"}


# ---------------------------------------------------------------- boilerplate


def folded_article() -> Article:
    return article_of(
        Paragraph("Body one.", "a"),
        Boilerplate("Related topics", "b"),
        Chrome("-", "-"),
        Boilerplate("More on this story", "c"),
        Boilerplate("Sign up for our newsletter", "d"),
        Paragraph("Body two.", "e"),
        Boilerplate("Get in touch", "f"),
        title_derived=True,
    )


def test_each_boilerplate_run_is_one_fold_line() -> None:
    lines = plain(folded_article())
    assert lines == [
        "Body one.",
        "",
        "▸ 3 lines folded (boilerplate)",
        "",
        "Body two.",
        "",
        "▸ 1 line folded (boilerplate)",
    ]


def test_show_boilerplate_shows_every_line_and_chrome() -> None:
    lines = plain(folded_article(), show_boilerplate=True)
    for text in ("Related topics", "-", "More on this story", "Get in touch"):
        assert text in lines
    assert not [line for line in lines if "folded" in line]


def test_expanded_fold_shows_its_lines_only() -> None:
    article = folded_article()
    lines = [
        line.plain
        for line in render_article(article, 80, ViewOptions(), expanded=frozenset({(0, 1)}))
    ]
    assert fold_text(3, expanded=True) in lines
    assert "Sign up for our newsletter" in lines
    assert "-" not in lines  # chrome stays hidden
    assert "▸ 1 line folded (boilerplate)" in lines  # the other fold stays closed


def test_fold_items_cover_their_blocks() -> None:
    folds = [i for i in build_items(folded_article(), ViewOptions()) if i.kind == "fold"]
    assert [(f.block, f.end_block, f.count) for f in folds] == [(1, 4, 3), (6, 6, 1)]


# ---------------------------------------------------------------- wrapping

WRAP_TEXT = st.text(
    alphabet=st.sampled_from(list("abcdefghij KLM.,“”—") + ["界", "語", "é", "\u00a0"]),
    max_size=300,
)


@settings(deadline=None)
@given(text=WRAP_TEXT, width=st.integers(min_value=1, max_value=300))
def test_wrap_keeps_every_character_and_fits(text: str, width: int) -> None:
    item = Item("paragraph", 0, 0, text, gap=0)
    wrapped = wrap_item(item, width, ViewOptions())
    assert len(wrapped.lines) == item_height(item, width)
    joined = "".join(line.plain for line in wrapped.lines)
    assert "".join(joined.split()) == "".join(text.split())
    for line in wrapped.lines:
        stripped = line.plain.rstrip()
        assert cell_len(stripped) <= width or len(stripped) == 1


@settings(deadline=None)
@given(text=WRAP_TEXT, width=st.integers(min_value=1, max_value=300))
def test_wrap_offsets_increase_within_text(text: str, width: int) -> None:
    breaks = wrap_offsets(text, width)
    assert breaks == sorted(set(breaks))
    assert all(0 < b < len(text) for b in breaks)


LINE_TEXT = st.lists(
    st.sampled_from(
        [*"ab ", "  ", "\t", "x" * 12, "é", "“", "”", "’", "—", "\u2009", "\u00a0"]
        + ["界", "\u200b", "\u00ad", "\u0301", "\u202f"]
    ),
    max_size=40,
).map("".join)


@settings(deadline=None, max_examples=400)
@given(text=LINE_TEXT, width=st.integers(min_value=1, max_value=30))
def test_line_count_is_the_wrap_length(text: str, width: int) -> None:
    # Heights come from line_count, the drawn lines from wrap_offsets: they must agree for
    # narrow, wide and zero-width characters, long words and leading spaces alike.
    assert line_count(text, width) == len(wrap_offsets(text, width)) + 1


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 5, 1),
        ("aaa bbb", 3, 2),  # the space after "aaa" overhangs
        ("ab   ", 3, 1),
        ("abcdefg hi", 3, 4),  # a long word is folded, the rest joins its last piece
        ("abcdefg hi", 5, 2),
        ("“Yes,” she said — twice.", 10, 3),
    ],
)
def test_line_count_examples(text: str, width: int, lines: int) -> None:
    assert line_count(text, width) == lines == len(wrap_offsets(text, width)) + 1


def test_narrow_characters_are_one_cell_each() -> None:
    # len stands in for cell_len on narrow text; Rich's tables are the judge of width.
    assert all(cell_len(char) == 1 for char in _NARROW)
    assert cell_len("".join(sorted(_NARROW))) == len(_NARROW)
    assert is_narrow("“Quoted” — dash, ‘single’ … and café")
    assert not is_narrow("界") and not is_narrow("zero\u200bwidth") and not is_narrow("a\u0301")


@pytest.mark.parametrize("width", [1, 2, 5, 17, 80, 300])
def test_wrap_keeps_words_whole_when_they_fit(width: int) -> None:
    text = "the harbour staff walked out at dawn on Monday after talks"
    lines = wrap_item(Item("paragraph", 0, 0, text, gap=0), width, ViewOptions()).lines
    words = text.split()
    if width >= max(map(len, words)):
        assert [w for line in lines for w in line.plain.split()] == words
    assert all(cell_len(line.plain.rstrip()) <= width for line in lines)


@pytest.mark.parametrize(
    ("kind", "first", "rest"), [("list-item", "• ", "  "), ("blockquote", "│ ", "│ ")]
)
def test_prefixed_paragraphs(kind: str, first: str, rest: str) -> None:
    para = Paragraph("one two three four five six", "raw", kind=kind)  # type: ignore[arg-type]
    lines = plain(article_of(para, title_derived=True), width=12)
    assert lines[0].startswith(first)
    assert all(line.startswith(rest) for line in lines[1:])
    assert len(lines) > 1


@pytest.mark.parametrize(
    ("width", "measure", "expected"),
    [(200, 80, 80), (60, 80, 56), (10, 80, 10), (1, 80, 1), (0, 80, 1)],
)
def test_column_width(width: int, measure: int, expected: int) -> None:
    assert column_width(width, measure) == expected


@pytest.mark.parametrize("width", [10, 40, 80])
def test_estimate_is_close_to_exact(width: int) -> None:
    text = " ".join(["harbour"] * 120)
    item = Item("paragraph", 0, 0, text)
    exact = item_height(item, width)
    assert abs(estimate_height(item, width) - exact) <= max(2, exact // 5)


# ---------------------------------------------------------------- nothing is lost

_WORDS = re.compile(r"\w+")


def block_words(article: Article) -> Counter[str]:
    words: Counter[str] = Counter()
    for section in article.sections:
        if section.heading:
            words.update(_WORDS.findall(section.heading.text))
        for block in section.blocks:
            if isinstance(block, ImageCredit):
                texts = [block.credit or "", block.caption or ""]
            elif isinstance(block, Byline):
                # A role shared by every author is shown once, after the names.
                roles = dict.fromkeys(a.role or "" for a in block.authors)
                texts = [a.name for a in block.authors] + list(roles)
            else:
                texts = [block.text]
            for text in texts:
                words.update(_WORDS.findall(text))
    return words


@pytest.mark.parametrize(
    "path", sorted([*EXAMPLES.glob("*.txt"), *EXAMPLES.glob("*.md")]), ids=lambda p: p.name
)
@pytest.mark.parametrize("width", [60, 100])
def test_nothing_is_lost_with_boilerplate_shown(path: Path, width: int) -> None:
    article = load(path)
    lines = render_article(article, width, ViewOptions(show_boilerplate=True))
    rendered = Counter(_WORDS.findall(" ".join(line.plain for line in lines)))
    missing = block_words(article) - rendered
    assert not missing


# ---------------------------------------------------------------- find and styles


def test_find_next_wraps_both_ways() -> None:
    items = [
        Item("paragraph", 0, 0, "Tide and tide"),
        Item("fold", 0, 1, "tide folded"),
        Item("paragraph", 0, 2, "no match"),
        Item("paragraph", 0, 3, "TIDE"),
    ]
    assert find_next(items, "tide", 0, -1) == (0, 0, 4)
    assert find_next(items, "tide", 0, 0) == (0, 9, 13)
    assert find_next(items, "tide", 0, 9) == (3, 0, 4)
    assert find_next(items, "tide", 3, 0) == (0, 0, 4)
    assert find_next(items, "tide", 0, 0, backwards=True) == (3, 0, 4)
    assert find_next(items, "tide", 3, 0, backwards=True) == (0, 9, 13)
    assert find_next(items, "ebb", 0, -1) is None
    assert find_next(items, "folded", 0, -1) is None


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("can't", "They can’t stay.", "can’t"),  # typed apostrophe, curly in the text
        ("can’t", "They can't stay.", "can't"),  # and the other way round
        ("cafe", "A Café in Paris", "Café"),
        ("café", "a cafe", "cafe"),
        ("CAFE", "the café’s owner", "café"),
        ("senor", "dijo el señor", "señor"),
        ("uber", "Über alles", "Über"),
        ("cafe", "cafe\u0301 decomposed", "cafe\u0301"),  # a combining accent after the e
        ("a.b", "a.b axb", "a.b"),  # the query is text, never a pattern
    ],
)
def test_find_folds_accents_and_apostrophes_like_library_search(
    query: str, text: str, found: str
) -> None:
    items = [Item("paragraph", 0, 0, text)]
    match = find_next(items, query, 0, -1)
    assert match is not None
    assert text[match[1] : match[2]] == found


@pytest.mark.parametrize(("query", "text"), [("cafe", "caff"), ("can't", "cant"), ("e", "x")])
def test_find_folding_does_not_match_other_letters(query: str, text: str) -> None:
    assert find_next([Item("paragraph", 0, 0, text)], query, 0, -1) is None


def test_find_match_is_a_span() -> None:
    item = Item("paragraph", 0, 0, "alpha beta gamma", gap=0)
    [line] = wrap_item(item, 80, ViewOptions(), find=(6, 10)).lines
    assert (6, 10, STYLE_FIND) in [(s.start, s.end, s.style) for s in line.spans]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("$quote", "#ff0000"),
        ("bold $quote", "bold #ff0000"),
        ("on $find-match", "on #ff0000 40%"),
        ("$unknown", "$unknown"),
        ("italic", "italic"),
    ],
)
def test_resolve_style_expands_nested_variables(style: str, expected: str) -> None:
    variables = {"warning": "#ff0000", "quote": "$warning", "find-match": "$warning 40%"}
    assert resolve_style(style, variables) == expected


def test_resolve_style_stops_on_cycles() -> None:
    assert "$" in resolve_style("$a", {"a": "$b", "b": "$a"})


# ---------------------------------------------------------------- pane layout bookkeeping


def layout_article() -> Article:
    first = Section(None, (Paragraph("Lead " * 40, "a"), ImageCredit("AP", "Cap", "b")))
    second = Section(
        Heading("Next", "Next"),
        (
            Paragraph("Body " * 30, "c"),
            Boilerplate("Related", "d"),
            Boilerplate("More", "e"),
            Paragraph("End.", "f"),
        ),
    )
    return Article("Title", (first, second))


@pytest.mark.parametrize("column", [1, 7, 30, 80])
def test_layout_refine_matches_rendered_lines(column: int) -> None:
    options = ViewOptions()
    items = build_items(layout_article(), options)
    layout = ReaderLayout()
    layout.reset(items, column)
    layout.refine(10.0)
    assert layout.refined
    rendered = render_article(layout_article(), column, options)
    assert layout.total == len(rendered)
    for index, item in enumerate(items):
        assert layout.heights[index] == len(wrap_item(item, column, options).lines)


@pytest.mark.parametrize(
    ("target", "expected_key"),
    [
        ((0, -1), (0, -1)),  # the article header
        ((0, 1), (0, 1)),  # the credit
        ((1, -1), (1, -1)),  # the heading
        ((1, 2), (1, 1)),  # a folded block resolves to its fold
        ((1, 3), (1, 3)),
        ((1, 9), (1, 3)),  # past the end: clamped to the last item
    ],
)
def test_layout_locate_and_position(target: tuple[int, int], expected_key: tuple[int, int]) -> None:
    layout = ReaderLayout()
    layout.reset(build_items(layout_article(), ViewOptions()), 40)
    y = layout.locate(*target, None)
    section, block, _ = layout.position(y)
    assert (section, block) == expected_key
    assert layout.locate(*layout.position(y)) == y


def test_layout_hidden_block_resolves_to_next_item() -> None:
    layout = ReaderLayout()
    layout.reset(build_items(layout_article(), ViewOptions(show_credits=False)), 40)
    assert layout.position(layout.locate(0, 1, None))[:2] == (1, -1)


@settings(deadline=None, max_examples=30)
@given(width=st.integers(min_value=1, max_value=300), options=st.builds(ViewOptions))
def test_examples_render_at_any_width(width: int, options: ViewOptions) -> None:
    article = load(EXAMPLES / "bbc-harbour-dispute.txt")
    lines = render_article(article, width, options)
    assert lines
    assert all("\n" not in line.plain for line in lines)


@pytest.mark.fuzz
@settings(deadline=None, max_examples=5000)
@given(text=WRAP_TEXT, width=st.integers(min_value=1, max_value=300))
def test_wrap_fuzz(text: str, width: int) -> None:
    test_wrap_keeps_every_character_and_fits.hypothesis.inner_test(text, width)  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [1, 5, 12, 13, 40, 80, 200])
def test_estimating_many_heights_is_estimating_each(width: int) -> None:
    article = load(EXAMPLES / "bbc-harbour-dispute.txt")
    items = build_items(article, ViewOptions())
    lengths, extras = height_inputs(items)
    assert estimate_heights(lengths, extras, width) == [
        estimate_height(item, width) for item in items
    ]


def test_a_reflow_reuses_the_items_and_estimates_afresh() -> None:
    article = load(EXAMPLES / "bbc-harbour-dispute.txt")
    items = build_items(article, ViewOptions())
    layout = ReaderLayout()
    layout.reset(items, 40)
    layout.make_exact(0)
    layout.reset(items, 70)  # the same items at another width
    assert layout.heights == [estimate_height(item, 70) for item in items]
    assert layout.keys == [(item.section, item.block) for item in items]
    assert not any(layout.exact)


def test_going_back_to_a_width_keeps_what_was_laid_out_there() -> None:
    article = load(EXAMPLES / "bbc-harbour-dispute.txt")
    items = build_items(article, ViewOptions())
    layout = ReaderLayout()
    layout.reset(items, 40)
    layout.make_exact(2)
    exact_40 = layout.heights[2]
    layout.reset(items, 70)
    assert not layout.exact[2]
    layout.reset(items, 40)  # the sidebar toggled back
    assert layout.exact[2] and layout.heights[2] == exact_40
    assert layout.starts == [0, *accumulate(layout.heights)]
    layout.reset(list(items), 40)  # new items: nothing is kept
    assert not any(layout.exact)
