"""Pilot tests of ReaderPane in a tiny host app."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.color import Color
from textual.theme import Theme

from tui.article import parse
from tui.article.model import (
    Article,
    Boilerplate,
    Heading,
    ImageCredit,
    Paragraph,
    QuoteSpan,
    Section,
)
from tui.reader.items import build_items
from tui.reader.render import item_height
from tui.widgets.reader_pane import ReaderPane

THEME_DEFAULTS = {
    "quote": "$warning",
    "quote-nested": "$accent",
    "quote-speaker": "$text-muted",
    "credit-marker": "$success",
    "boilerplate": "$text-muted",
    "heading": "$primary",
    "byline": "$secondary",
    "find-match": "$warning 40%",
}

QUOTE = "“we will not move”"


class Host(App[None]):
    """Hosts one ReaderPane and records the section changes it posts."""

    def __init__(self, article: Article | None = None) -> None:
        super().__init__()
        self.article = article
        self.sections: list[int] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return THEME_DEFAULTS

    def compose(self) -> ComposeResult:
        yield ReaderPane()

    def on_mount(self) -> None:
        pane = self.query_one(ReaderPane)
        pane.focus()
        if self.article is not None:
            pane.show_article(self.article)

    def on_reader_pane_section_changed(self, message: ReaderPane.SectionChanged) -> None:
        assert message.control is self.query_one(ReaderPane)
        self.sections.append(message.section)


def paragraph(section: int, block: int, words: int = 40) -> Paragraph:
    body = " ".join(f"s{section}b{block}w{i}" for i in range(words))
    text = f"{body} said {QUOTE} today."
    start = text.index("“")
    span = QuoteSpan(start, start + len(QUOTE), 0, 0, "“", "”")
    return Paragraph(text, text, quotes=(span,))


def long_article(sections: int = 12, blocks: int = 8) -> Article:
    out = []
    for s in range(sections):
        items: list[Paragraph | ImageCredit | Boilerplate] = [
            paragraph(s, b) for b in range(blocks)
        ]
        items.insert(1, ImageCredit("Getty Images", f"Caption {s}", "raw"))
        items.append(Boilerplate(f"Related link {s}", "raw"))
        items.append(Boilerplate(f"Another link {s}", "raw"))
        heading = Heading(f"Section heading {s}", "raw") if s else None
        out.append(Section(heading, tuple(items)))
    return Article("Long test article", tuple(out))


def screen_lines(pane: ReaderPane) -> list[str]:
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def count_wraps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the items the pane wraps from now on (one entry per wrap)."""
    import tui.widgets._reader_lines as reader_lines

    wrapped: list[int] = []
    original = reader_lines.wrap_item

    def counting(*args: object, **kwargs: object) -> object:
        wrapped.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader_lines, "wrap_item", counting)
    return wrapped


def screen_text(pane: ReaderPane) -> str:
    return "\n".join(screen_lines(pane))


async def test_show_article_renders_title_centred() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        lines = screen_lines(pane)
        assert lines[0].strip() == "Long test article"
        width = pane.scrollable_content_region.width
        column = min(pane.measure, width - 4)
        assert lines[0].index("L") == (width - column) // 2
        assert pane.scroll_y == 0
        assert pane.virtual_size.height > 100


async def test_show_article_scrolls_back_to_top() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        pane.scroll_to_section(5)
        await pilot.pause()
        assert pane.scroll_y > 0
        pane.show_article(long_article(3))
        await pilot.pause()
        assert pane.scroll_y == 0
        assert pane.current_section == 0


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["j"], 1),
        (["down", "down", "down"], 3),
        (["j", "j", "k"], 1),
        (["down", "up"], 0),
        (["space"], "page"),
        (["pagedown", "pagedown"], "2page"),
        (["space", "b"], 0),
        (["pagedown", "pageup"], 0),
        (["G"], "end"),
        (["end"], "end"),
        (["G", "g"], 0),
        (["end", "home"], 0),
    ],
)
async def test_scroll_keys(keys: list[str], expected: int | str) -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        page = pane.scrollable_content_region.height - 1
        await pilot.press(*keys)
        await pilot.pause()
        if expected == "page":
            assert pane.scroll_y == page
        elif expected == "2page":
            assert pane.scroll_y == 2 * page
        elif expected == "end":
            assert pane.scroll_y == pane.max_scroll_y > 0
            last = "s11b7w0"
            assert last in screen_text(pane)
        else:
            assert pane.scroll_y == expected


@pytest.mark.parametrize("section", [1, 4, 7])
async def test_scroll_to_section_puts_heading_on_top(section: int) -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        pane.scroll_to_section(section)
        await pilot.pause()
        assert screen_lines(pane)[0].strip() == f"Section heading {section}"
        assert pane.current_section == section
        assert app.sections[-1] == section


async def test_scroll_to_block_puts_paragraph_on_top() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        pane.scroll_to_block(6, 3)  # paragraph s6b2 (a credit sits at block 1)
        await pilot.pause()
        assert screen_lines(pane)[0].strip().startswith("s6b2w0")
        assert pane.position() == (6, 3, 1)


async def test_scrolling_updates_current_section_and_posts() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        assert pane.current_section == 0
        for _ in range(8):
            await pilot.press("space")
        await pilot.pause()
        top_section = pane.position()[0]
        assert top_section > 0
        assert pane.current_section == top_section
        assert app.sections and app.sections[-1] == top_section
        assert app.sections == sorted(app.sections)


async def test_position_round_trip() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        pane.scroll_to_block(3, 4)
        await pilot.press("j", "j")
        await pilot.pause()
        pos = pane.position()
        assert pos == (3, 4, 3)
        await pilot.press("g")
        pane.restore_position(pos)
        await pilot.pause()
        assert pane.position() == pos


async def test_toggle_credits() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        assert "▣ Getty Images — Caption 0" in screen_text(pane)
        pane.show_credits = False
        await pilot.pause()
        assert "Getty Images" not in screen_text(pane)
        assert "s0b1w0" in screen_text(pane)


async def test_toggle_boilerplate() -> None:
    app = Host(long_article(sections=1))
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        assert "▸ 2 lines folded (boilerplate)" in screen_text(pane)
        assert "Related link 0" not in screen_text(pane)
        pane.show_boilerplate = True
        await pilot.pause()
        assert "Related link 0" in screen_text(pane)
        assert "folded" not in screen_text(pane)


def quote_colour(pane: ReaderPane) -> Color | None:
    """The foreground colour of the first quotation's opening mark on screen."""
    for y in range(pane.scrollable_content_region.height):
        for segment in pane.render_line(y):
            if "“" in segment.text and segment.style and segment.style.color:
                return Color.from_rich_color(segment.style.color)
    return None


async def test_highlight_quotes_toggle_and_theme_switch() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        highlighted = quote_colour(pane)
        assert highlighted == Color.parse(app.theme_variables["warning"])
        pane.highlight_quotes = False
        await pilot.pause()
        plain = quote_colour(pane)
        assert plain != highlighted
        pane.highlight_quotes = True
        app.register_theme(Theme("quotes-green", primary="#3366cc", variables={"quote": "#00c000"}))
        app.theme = "quotes-green"
        await pilot.pause()
        assert quote_colour(pane) == Color.parse("#00c000")


async def test_find_moves_to_matches() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        assert pane.find("S9B4W3")
        await pilot.pause()
        assert "s9b4w3" in screen_text(pane)
        assert pane.current_section == 9
        background = pane.visual_style.rich_style.bgcolor
        highlighted = [
            seg.text
            for y in range(pane.scrollable_content_region.height)
            for seg in pane.render_line(y)
            if seg.style and seg.style.bgcolor != background
        ]
        assert highlighted == ["s9b4w3"]
        assert pane.find("section heading 1")  # wraps past the end, then 10 and 11
        assert pane.find("section heading 1")
        assert pane.find("section heading 1")
        await pilot.pause()
        assert "Section heading 1" in [line.strip() for line in screen_lines(pane)]
        assert pane.find("section heading 1", backwards=True)
        await pilot.pause()
        assert "Section heading 11" in [line.strip() for line in screen_lines(pane)]
        assert not pane.find("no such words")
        pane.clear_find()


async def test_resize_keeps_top_paragraph() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        pane.scroll_to_block(5, 4)
        await pilot.pause()
        before = pane.position()
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        assert pane.position()[:2] == before[:2]
        assert screen_lines(pane)[0].strip().startswith("s5b3w0")
        await pilot.resize_terminal(140, 20)
        await pilot.pause()
        assert pane.position()[:2] == before[:2]


async def test_click_and_enter_expand_a_fold() -> None:
    app = Host(long_article(sections=1, blocks=2))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        lines = screen_lines(pane)
        row = next(i for i, line in enumerate(lines) if "folded" in line)
        column = lines[row].index("▸")
        await pilot.click(ReaderPane, offset=(column, row))
        await pilot.pause()
        assert "Related link 0" in screen_text(pane)
        assert "▾ 2 lines (boilerplate)" in screen_text(pane)
        await pilot.press("enter")
        await pilot.pause()
        assert "Related link 0" not in screen_text(pane)
        await pilot.press("enter")
        await pilot.pause()
        assert "Related link 0" in screen_text(pane)


@pytest.mark.parametrize("how", ["enter", "show-boilerplate"])
async def test_opening_the_last_fold_brings_its_text_into_view(how: str) -> None:
    """At the end of an article the opened text used to stay below the screen."""
    article = long_article(sections=2)
    last = article.sections[-1]
    links = tuple(Boilerplate(f"Footer link {n}", "raw") for n in range(6))
    article = Article(
        article.title, (article.sections[0], Section(last.heading, last.blocks + links))
    )
    app = Host(article)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        await pilot.press("G")
        await pilot.pause()
        assert "▸ 8 lines folded (boilerplate)" in screen_lines(pane)[-1]
        if how == "enter":
            await pilot.press("enter")
        else:
            pane.show_boilerplate = True  # the screen's "z"
        await pilot.pause()
        shown = screen_text(pane)
        assert "Related link 1" in shown and "Footer link 5" in shown


async def test_article_text_is_never_markup() -> None:
    text = "Prices [bold]rose[/bold] by [red]5%[/] and $quote stayed."
    article = Article("[b]Title[/b]", (Section(None, (Paragraph(text, text),)),))
    app = Host(article)
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        shown = screen_text(app.query_one(ReaderPane))
        assert "[b]Title[/b]" in shown
        assert text in shown


async def test_parsed_example_renders(tmp_path: object) -> None:
    article = parse(
        "Ferry crossing suspended after storm\n"
        "Image source, Getty Images\n"
        "Image caption, The pier at dawn\n"
        "The ferry will not sail until Friday, the council said.\n"
    )
    app = Host(article)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        shown = screen_text(app.query_one(ReaderPane))
        assert "Ferry crossing suspended after storm" in shown
        assert "▣ Getty Images — The pier at dawn" in shown
        assert "The ferry will not sail until Friday" in shown


async def test_empty_and_cleared_article() -> None:
    app = Host(Article("", ()))
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        assert screen_text(pane).strip() == ""
        assert pane.position() == (0, -1, 0)
        assert not pane.find("x")
        await pilot.press("j", "space", "G", "g", "enter")
        pane.show_article(long_article(2))
        await pilot.pause()
        assert "Long test article" in screen_text(pane)
        pane.article = None
        await pilot.pause()
        assert screen_text(pane).strip() == ""


@pytest.mark.parametrize("size", [(3, 5), (12, 8), (300, 20)])
async def test_any_terminal_width(size: tuple[int, int]) -> None:
    app = Host(long_article(3))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        await pilot.press("space", "G")
        await pilot.pause()
        lines = screen_lines(pane)
        assert all(len(line) == pane.scrollable_content_region.width for line in lines)


async def test_mouse_wheel_scrolls_and_updates_section() -> None:
    app = Host(long_article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReaderPane)
        for _ in range(60):
            pane.post_message(events.MouseScrollDown(pane, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert pane.scroll_y > 0
        assert pane.current_section == pane.position()[0]
        before = pane.scroll_y
        pane.post_message(events.MouseScrollUp(pane, 5, 5, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert pane.scroll_y < before


@pytest.mark.parametrize(
    ("change", "adopted"),
    [
        ({}, True),
        ({"highlight_quotes": False}, True),  # drawing only: the items stay the same
        ({"show_credits": False}, False),
        ({"show_boilerplate": True}, False),
        ({"show_speakers": False}, False),
    ],
)
async def test_prepared_items_are_adopted_only_when_toggles_match(
    change: dict[str, bool], adopted: bool
) -> None:
    app = Host()
    article = long_article()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        prepared = pane.prepare(article)  # as a worker thread does, before the toggles change
        for name, value in change.items():
            setattr(pane, name, value)
        await pilot.pause()
        pane.show_article(article, prepared)
        await pilot.pause()
        assert (pane._layout.items is prepared.items) == adopted
        # Either way the pane shows what building the items itself gives.
        assert list(pane.items) == build_items(article, pane.options)
        assert pane.scroll_y == 0
        assert screen_lines(pane)[0].strip() == "Long test article"


async def test_prepared_items_for_another_width_or_article_are_not_misused() -> None:
    app = Host()
    article, other = long_article(), long_article(sections=3)
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        pane.show_article(article, pane.prepare(other))  # stale: for another article
        await pilot.pause()
        assert list(pane.items) == build_items(article, pane.options)
        prepared = pane.prepare(article)
        pane.measure = 40  # the column narrows before the items arrive
        await pilot.pause()
        pane.show_article(article, prepared)
        await pilot.pause()
        # The worker's estimates stand in until each item is laid out exactly (re-estimating
        # every item of a huge article here would hold the interface).
        layout = pane._layout
        assert layout.column == 40
        assert all(
            e or h == x
            for e, h, x in zip(layout.exact, layout.heights, prepared.heights, strict=True)
        )
        # What is on screen is laid out exactly at the new width.
        top = [n for n in range(len(layout.items)) if layout.starts[n] < 30]
        assert all(layout.exact[n] for n in top)
        assert all(layout.heights[n] == item_height(layout.items[n], 40) for n in top)


async def test_the_next_page_is_drawn_while_the_pane_is_still(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Idle work draws the page below, so a page down wraps nothing on the key."""
    app = Host(long_article(sections=20))
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        for _ in range(100):  # still for longer than the warm-up delay, the layout exact
            await pilot.pause(0.1)
            if pane._layout.refined and pane._warm_timer is None:
                break
        wrapped = count_wraps(monkeypatch)
        monkeypatch.setattr(pane, "_warm", lambda: None)  # count the key's drawing only
        before = screen_lines(pane)
        await pilot.press("pagedown")
        await pilot.pause()
        after = screen_lines(pane)
        assert after != before
        assert after[0] == before[-1]  # one line of the old page stays
        assert wrapped == []


@pytest.mark.parametrize("width", [30, 60, 100, 200])
async def test_every_drawn_line_is_exactly_the_pane_width(width: int) -> None:
    app = Host(long_article())
    async with app.run_test(size=(width, 20)) as pilot:
        pane = app.query_one(ReaderPane)
        await pilot.pause()
        inner = pane.scrollable_content_region.width
        for y in range(pane.scrollable_content_region.height):
            strip = pane.render_line(y)
            assert strip.cell_length == inner
            assert sum(len(segment.text) for segment in strip) == inner  # ASCII text


async def test_the_page_is_drawn_both_ways_while_the_pane_is_still(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Idle work draws the page with quote highlighting switched: the toggle wraps nothing."""
    app = Host(long_article(sections=20))
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        for _ in range(100):
            await pilot.pause(0.1)
            if pane._layout.refined and pane._warm_timer is None:
                break
        wrapped = count_wraps(monkeypatch)
        monkeypatch.setattr(pane, "_warm", lambda: None)  # count the toggle's drawing only
        highlighted = [pane.render_line(y) for y in range(10)]
        pane.highlight_quotes = False
        await pilot.pause()
        plain = [pane.render_line(y) for y in range(10)]
        assert [s.text for s in plain] == [s.text for s in highlighted]
        assert plain != highlighted  # the quotation's style went
        pane.highlight_quotes = True
        await pilot.pause()
        assert [pane.render_line(y) for y in range(10)] == highlighted
        assert wrapped == []


EDGES = ("top", "right", "bottom", "left")


def styles_cache_lines(pane: ReaderPane) -> list[object]:
    """The pane's lines the way Textual's styles cache draws them (the bypassed path)."""
    from textual.scroll_view import ScrollView

    pane._styles_cache.clear()
    crop = pane.size.region
    return list(ScrollView.render_lines(pane, crop))


@pytest.mark.parametrize(
    ("theme", "monochrome"), [("textual-dark", False), ("textual-light", True)]
)
async def test_the_pane_draws_what_the_styles_cache_would(
    theme: str, monochrome: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pane hands the compositor its own cached lines: they must be the very strips
    Textual's styles cache makes (padding to the scrollbar, line filters), on any page."""
    from textual.filter import Monochrome

    app = Host(long_article(sections=6))
    if monochrome:  # as under NO_COLOR: a line filter the strips must go through
        monkeypatch.setattr(app, "get_line_filters", lambda: [Monochrome()])
    async with app.run_test(size=(90, 24)) as pilot:
        app.theme = theme
        pane = app.query_one(ReaderPane)
        await pilot.pause()
        for key in ["", "pagedown", "quotation_mark", "G"]:
            if key == "quotation_mark":
                pane.highlight_quotes = not pane.highlight_quotes
            elif key:
                await pilot.press(key)
            await pilot.pause()
            assert pane._plain_box()
            ours = pane.render_lines(pane.size.region)
            assert ours == styles_cache_lines(pane)
            assert {strip.cell_length for strip in ours} == {pane.size.width}
            part = pane.size.region.crop_size((30, 5)).translate((4, 2))
            assert pane.render_lines(part) == [s.crop(4, 34) for s in ours[2:7]]


async def test_a_box_in_the_css_goes_through_the_styles_cache() -> None:
    """Padding, borders or a tint are drawn by Textual: the pane stops short-cutting."""
    app = Host(long_article(sections=3))
    async with app.run_test(size=(90, 24)) as pilot:
        pane = app.query_one(ReaderPane)
        await pilot.pause()
        assert pane._plain_box()
        for rule, value in [("padding", (1, 2)), ("border", ("round", "red")), ("tint", "red 30%")]:
            setattr(pane.styles, rule, value)
            await pilot.pause()
            assert not pane._plain_box(), rule
            drawn = pane.render_lines(pane.size.region)
            assert drawn == styles_cache_lines(pane)
            for name in [rule] if rule != "border" else [f"border_{e}" for e in EDGES]:
                pane.styles.clear_rule(name)
            await pilot.pause()
        assert pane._plain_box()


async def test_the_last_page_is_drawn_while_the_pane_is_still(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Idle work draws the last page too, so the end key wraps nothing, and laying out
    the end while reading mid-article does not move the text on screen."""
    # No idle work but the call below: the end of the article stays estimated until then.
    monkeypatch.setattr(ReaderPane, "_schedule_refine", lambda self: None)
    monkeypatch.setattr(ReaderPane, "_schedule_warm", lambda self: None)
    app = Host(long_article(sections=40))
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        await pilot.press("pagedown", "pagedown")
        before = screen_lines(pane)
        assert not any(pane._layout.exact[-6:])
        pane._warm()
        await pilot.pause()
        assert all(pane._layout.exact[-6:])
        assert screen_lines(pane) == before  # the top line was kept in place
        wrapped = count_wraps(monkeypatch)
        await pilot.press("G")
        await pilot.pause()
        assert "Caption 39" not in screen_text(pane)
        assert pane.scroll_y == pane.max_scroll_y
        assert wrapped == []


async def test_idle_layout_above_the_top_line_keeps_it_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Refinement makes estimated heights above the screen exact: the text on screen stays."""
    monkeypatch.setattr(ReaderPane, "_schedule_refine", lambda self: None)
    monkeypatch.setattr(ReaderPane, "_schedule_warm", lambda self: None)
    # Words of 20 letters leave wide gaps at line ends: the estimates run short of the wrap.
    word = "a" * 13 + "b" * 7
    sections = [
        Section(
            Heading(f"Section heading {s}", "raw") if s else None,
            tuple(Paragraph(f"s{s}b{b} " + " ".join([word] * 40), "raw") for b in range(6)),
        )
        for s in range(40)
    ]
    app = Host(Article("Wide words", tuple(sections)))
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ReaderPane)
        pane.scroll_to_section(30)
        await pilot.pause()
        before = screen_lines(pane)
        top_item = pane._layout.item_at(pane._top())
        start_before = pane._layout.starts[top_item]
        while not pane._layout.refined:
            pane._refine()
            if pane._refine_timer is not None:
                pane._refine_timer.stop()
        await pilot.pause()
        assert pane._layout.starts[top_item] != start_before  # the heights above did change
        assert screen_lines(pane) == before
        assert pane.current_section == 30
