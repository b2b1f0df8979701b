"""Who said it: the speaker toggle, the quote navigator, quote stepping and cite-copy (Pilot).

The article is written here: four quotations, two by Anna Berg (in the lead and the last
section), one by Per Holm, and one no one says (a sign "read" it), with enough filler that
the pane scrolls and the last quotation cannot reach the top of the page.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Tree

from tui.app import NewsreadApp
from tui.commands import key_actions
from tui.screens.main import MainScreen
from tui.widgets.quote_navigator import CURRENT_MARK, QuoteNavigator
from tui.widgets.reader_pane import ReaderPane

ANNA_LEAD = '"We have waited long enough," said Anna Berg, who chairs the residents\' group.'
PER = 'Harbour master Per Holm said the crew needed "two weeks of calm weather" first.'
SIGN = 'A handwritten sign on the ticket office door still read "closed until further notice".'
ANNA_LAST = '"The first crossing will be a party," said Anna Berg.'
# (section, block) where each quotation's paragraph sits, in reading order.
PLACES = [(0, 1), (1, 0), (1, 7), (2, 0)]


def _filler(tag: str, k: int) -> str:
    return (
        f"{tag} note {k}: the harbour committee met again in the old net loft, and the "
        "minutes were read out slowly while rain drummed on the tin roof above them."
    )


def quotes_article() -> str:
    """Title, lead (Anna), "Trials at sea" (Per, then the sign), "What comes next" (Anna)."""
    lines = ["Holm ferry crew begins sea trials before spring return", "", ANNA_LEAD, ""]
    lines += [_filler("Lead", k) + "\n" for k in range(6)]
    lines += ["Trials at sea", "", PER, ""]
    lines += [_filler("Trials", k) + "\n" for k in range(6)]
    lines += [SIGN, ""]
    lines += [_filler("Sign", k) + "\n" for k in range(6)]
    lines += ["What comes next", "", ANNA_LAST, ""]
    lines += [_filler("Next", k) + "\n" for k in range(6)]
    return "\n".join(lines)


MARKET = """---
title: Winter market opens in the old hall
outlet: Calder Courier
date: 2025-11-02
url: https://courier.example/market
---

# Winter market opens in the old hall

"It feels like coming home," said baker Ruth Amadi.
"""


def write_quotes(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "01-holm.txt").write_text(quotes_article(), encoding="utf-8")
    (folder / "02-market.md").write_text(MARKET, encoding="utf-8")
    return folder


async def until(check: Callable[[], bool]) -> None:
    """Wait (up to about three seconds) for workers and messages until ``check()`` holds."""
    for _ in range(300):
        if check():
            return
        await asyncio.sleep(0.01)
    assert check()


async def ready(app: NewsreadApp) -> MainScreen:
    """Wait for the first article to be in the pane, laid out."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    pane = screen.reader

    def shown() -> bool:
        return bool(
            screen.reader.article is not None
            and not pane.loading
            and pane.size.width
            and pane.virtual_size.height
        )

    await until(shown)
    await app.workers.wait_for_complete()
    return screen


async def next_article(screen: MainScreen, pilot: Pilot[None]) -> None:
    """Press J and wait for the (lazily parsed) next article to be in the pane."""
    before = screen.reader.article
    # On a cold cache the sidebar lists the other articles once indexing reaches them.
    await until(lambda: len(screen.sidebar.order()) > 1)
    await pilot.press("J")
    await until(lambda: screen.reader.article is not before and screen.reader.article is not None)
    await pilot.pause()


def screen_lines(pane: ReaderPane) -> list[str]:
    """The pane's lines as drawn (plain text, trailing spaces removed)."""
    return [pane.render_line(y).text.strip() for y in range(pane.scrollable_content_region.height)]


def top(pane: ReaderPane) -> tuple[int, int]:
    section, block, _ = pane.position()
    return section, block


def footer_label(screen: MainScreen, binding_id: str) -> str:
    found = [b.description for _, b in screen._bindings if b.id == binding_id]
    assert found, binding_id
    return found[0]


@pytest.fixture
def clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Capture what the app copies instead of writing OSC 52 to a terminal."""
    copied: list[str] = []
    monkeypatch.setattr(NewsreadApp, "copy_to_clipboard", lambda self, text: copied.append(text))
    return copied


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = NewsreadApp.notify

    def notify(self: NewsreadApp, message: str, **kwargs: object) -> None:
        seen.append(message)
        original(self, message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(NewsreadApp, "notify", notify)
    return seen


async def test_the_article_has_the_quotes_the_tests_expect(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        article = screen.reader.article
        assert article is not None
        assert [q.speaker for q in article.quotes] == ["Anna Berg", "Per Holm", None, "Anna Berg"]
        assert [(q.section, q.block) for q in article.quotes] == PLACES


async def test_toggle_speakers_hides_the_speaker_line(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        pane = screen.reader
        assert screen.show_speakers and pane.show_speakers
        assert "— Anna Berg" in screen_lines(pane)
        assert footer_label(screen, "toggle-speakers") == "Speakers: on"
        await pilot.press("a")
        await pilot.pause()
        assert not screen.show_speakers and not pane.show_speakers
        lines = screen_lines(pane)
        assert "— Anna Berg" not in lines
        assert any(line.startswith('"We have waited long enough,"') for line in lines)
        assert footer_label(screen, "toggle-speakers") == "Speakers: off"
        await pilot.press("a")
        await pilot.pause()
        assert pane.show_speakers and "— Anna Berg" in screen_lines(pane)


async def test_navigator_groups_quotes_by_speaker(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        navigator = screen.quote_list
        assert not navigator.display and screen.sidebar.display
        await pilot.press("w")
        await pilot.pause()
        assert navigator.display and not screen.sidebar.display
        assert screen.focused is navigator
        # First-quoted speaker first, with counts; Unattributed last.
        assert navigator.groups == [
            ("Anna Berg  2", [0, 3]),
            ("Per Holm  1", [1]),
            ("Unattributed  1", [2]),
        ]
        assert str(navigator.root.label) == "Quotes  4"
        labels = [str(leaf.label) for group in navigator.root.children for leaf in group.children]
        assert labels[0] == "“We have waited long enough”"
        assert labels[2] == "“two weeks of calm weather”"
        # "w" again goes back to the article tree, focus and all.
        await pilot.press("w")
        await pilot.pause()
        assert screen.sidebar.display and not navigator.display
        assert screen.focused is screen.sidebar


async def test_choosing_a_quote_scrolls_the_pane_to_it(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("w")
        # root, Anna Berg, q0, q3, Per Holm, q1: five lines down is Per Holm's quote.
        await pilot.press("down", "down", "down", "down", "down")
        await pilot.pause()
        assert screen.quote_list.cursor_node is not None
        assert screen.quote_list.cursor_node.data == 1
        assert top(screen.reader) == (0, 0)  # moving the cursor alone does not scroll
        await pilot.press("enter")
        await pilot.pause()
        assert screen.quote_index == 1
        assert top(screen.reader) == PLACES[1]
        assert screen.section_index == 1
        assert str(screen.quote_list.cursor_node.label).startswith(CURRENT_MARK)
        assert screen.focused is screen.quote_list  # stays for more browsing


async def test_next_and_previous_quote(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        pane, navigator = screen.reader, screen.quote_list
        for expected in (0, 1, 2):
            await pilot.press("}")
            await pilot.pause()
            assert screen.quote_index == expected
            assert navigator.current_quote == expected
            assert top(pane) == PLACES[expected]
            assert navigator.cursor_node is not None and navigator.cursor_node.data == expected
        await pilot.press("{")
        await pilot.pause()
        assert screen.quote_index == 1 and top(pane) == PLACES[1]
        # The last quotation sits too near the end to reach the top of the page; stepping
        # still knows where it is, and stops there.
        await pilot.press("}", "}")
        await pilot.pause()
        assert screen.quote_index == 3
        assert top(pane) != PLACES[3]
        await pilot.press("}")
        await pilot.pause()
        assert screen.quote_index == 3
        await pilot.press("{")
        await pilot.pause()
        assert screen.quote_index == 2 and top(pane) == PLACES[2]
        # After scrolling by hand, stepping starts from the top of the page again.
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("}")
        await pilot.pause()
        assert screen.quote_index == 0 and top(pane) == PLACES[0]
        # A new article has no current quote.
        await next_article(screen, pilot)
        assert screen.quote_index == -1 and navigator.current_quote == -1
        assert navigator.groups == [("Ruth Amadi  1", [0])]


async def test_copy_quote_copies_a_markdown_citation(
    tmp_path: Path, clipboard: list[str], notices: list[str]
) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert screen.reader.article is not None
        path = screen.reader.article.path
        assert path is not None and path.endswith("01-holm.txt")
        # Nothing navigated to yet: the first quotation at or below the top.
        await pilot.press("y")
        await pilot.pause()
        assert clipboard == [
            f"> “We have waited long enough”\n>\n> — Anna Berg\n\nSource: {path}\n"
        ]
        assert "Copied quote by Anna Berg" in notices
        await pilot.press("}", "}", "y")
        await pilot.pause()
        assert clipboard[-1] == (
            f"> “two weeks of calm weather”\n>\n> — Per Holm\n\nSource: {path}\n"
        )
        assert notices[-1] == "Copied quote by Per Holm"
        await pilot.press("}", "y")
        await pilot.pause()
        assert clipboard[-1] == f"> “closed until further notice”\n\nSource: {path}\n"
        assert notices[-1] == "Copied unattributed quote"


async def test_copy_from_markdown_uses_outlet_date_and_url(
    tmp_path: Path, clipboard: list[str]
) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await next_article(screen, pilot)
        await pilot.press("y")
        await pilot.pause()
        assert clipboard == [
            "> “It feels like coming home”\n>\n> — Ruth Amadi, Calder Courier, 2025-11-02\n\n"
            "Source: https://courier.example/market\n"
        ]
        await pilot.press("Y")
        await pilot.pause()
        assert clipboard[-1] == (
            '> "It feels like coming home," said baker Ruth Amadi.\n>\n'
            "> — Calder Courier, 2025-11-02\n\nSource: https://courier.example/market\n"
        )


async def test_copy_paragraph_copies_the_paragraph_at_the_top(
    tmp_path: Path, clipboard: list[str]
) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert screen.reader.article is not None
        path = screen.reader.article.path
        await pilot.press("Y")  # the title is at the top: the first paragraph after it
        await pilot.press("]", "Y")  # the heading is at the top: its first paragraph
        await pilot.pause()
        assert clipboard == [f"> {ANNA_LEAD}\n\nSource: {path}\n", f"> {PER}\n\nSource: {path}\n"]


async def test_quote_commands_are_listed_for_the_palette_and_help(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)):
        await ready(app)
        entries = {e.binding_id: e for e in key_actions(app.screen_stack[0]) if e.binding_id}
        for binding_id, key in (
            ("toggle-speakers", "a"),
            ("next-quote", "}"),
            ("previous-quote", "{"),
            ("show-quotes", "w"),
            ("copy-quote", "y"),
            ("copy-paragraph", "Y"),
        ):
            assert entries[binding_id].area == "Quotes"
            assert key in entries[binding_id].keys
            assert entries[binding_id].help  # the tooltip


async def test_every_quote_key_is_bound_once(tmp_path: Path) -> None:
    """The new keys do not shadow another binding on the screen, the pane, the tree or app."""
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        ours = {"a", "right_curly_bracket", "left_curly_bracket", "w", "y", "Y"}
        for node in (app, screen, screen.reader, screen.sidebar):
            for key, binding in node._bindings:
                if binding.id not in {
                    "toggle-speakers", "next-quote", "previous-quote",
                    "show-quotes", "copy-quote", "copy-paragraph",
                }:  # fmt: skip
                    assert key not in ours, (node, key, binding.id)


async def test_navigator_is_usable_when_narrow(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await ready(app)
        assert not screen.show_sidebar  # narrow: the article takes the width
        await pilot.press("w")
        await pilot.pause()
        navigator = screen.quote_list
        assert navigator.display and navigator.size.width >= 20
        assert screen.focused is navigator
        await pilot.press("down", "down", "down", "enter")  # Anna Berg's second quote
        await pilot.pause()
        assert screen.quote_index == 3
        await pilot.press("tab")  # back to reading
        assert isinstance(screen.focused, ReaderPane)
        await pilot.press("s")  # the sidebar (still the navigator) hides
        await pilot.pause()
        assert not navigator.display and not screen.sidebar.display


def test_quote_navigator_is_a_tree() -> None:
    assert issubclass(QuoteNavigator, Tree)


def underlined_text(pane: ReaderPane) -> str:
    """The text the pane draws underlined on screen (the current quotation's mark)."""
    return "".join(
        segment.text
        for y in range(pane.scrollable_content_region.height)
        for segment in pane.render_line(y)
        if segment.style is not None and segment.style.underline
    )


async def test_the_current_quotation_is_marked_until_the_reader_moves(tmp_path: Path) -> None:
    app = NewsreadApp([write_quotes(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        pane = screen.reader
        assert underlined_text(pane) == ""
        await pilot.press("}", "}")
        await pilot.pause()
        article = pane.article
        assert article is not None and screen.quote_index == 1
        marked = underlined_text(pane)
        assert article.quotes[1].text.split()[0] in marked
        assert article.quotes[0].text.split()[0] not in marked
        await pilot.press('"')  # quote highlighting off: what y copies is still marked
        await pilot.pause()
        assert underlined_text(pane) == marked
        await pilot.press("j")  # moving on by hand: no current quotation any more
        await pilot.pause()
        assert screen.quote_index == -1
        assert underlined_text(pane) == ""
        assert screen.quote_list.current_quote == -1
