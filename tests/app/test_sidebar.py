"""The library sidebar as a reader sees it: its header count, width, labels and marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App, ComposeResult

from tests.app.test_app import ready, write_articles
from tui.app import NewsreadApp
from tui.library.entry import Entry
from tui.widgets.library_tree import CHUNK, LibraryTree


def entry(n: int, *, outlet: str | None = None, title: str = "") -> Entry:
    return Entry(
        path=f"/news/a{n}.txt",
        size=1,
        mtime_ns=n,
        title=title or f"Article number {n}",
        title_derived=False,
        authors=(),
        outlet=outlet,
        date=None,
        headings=(),
        section_words=(10,),
        word_count=10,
        folder="",
        source_format="plain",
    )


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield LibraryTree()


async def test_the_count_is_every_article_while_the_tree_is_still_filling() -> None:
    """The header said "1000 articles" for 2,226: the count came from the nodes added so far."""
    total = 2 * CHUNK + 226
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries(((n, entry(n)) for n in range(total)), unread=())
        assert tree.article_count == total  # before the later chunks are added
        tree.regroup("outlet", "title")  # "v" rebuilds the tree in chunks too
        assert tree.article_count == total
        await pilot.pause()
        assert tree.article_count == total


async def test_an_outlet_shows_only_when_the_text_names_one() -> None:
    """The file name stood in for a missing outlet ("· zzzz-long")."""
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries(
            [(0, entry(0, outlet="Associated Press")), (1, entry(1, outlet=None))], unread=()
        )
        await pilot.pause()
        named, unnamed = (str(node.label) for node in tree.root.children)
        assert named.endswith("10w · AP")
        assert unnamed.endswith("10w") and "a1" not in unnamed


class NarrowHost(App[None]):
    CSS = "LibraryTree { width: 34; }"

    def compose(self) -> ComposeResult:
        yield LibraryTree()


async def test_a_short_row_drops_the_outlet_before_cutting_the_title() -> None:
    app = NarrowHost()
    async with app.run_test(size=(80, 10)) as pilot:
        tree = app.query_one(LibraryTree)
        title = "Harbour strike ends after talks"  # 31 cells
        tree.set_entries([(0, entry(0, outlet="Reuters", title=title))], unread=())
        await pilot.pause()
        node = tree.root.children[0]
        drawn = tree.render_label(node, Style(), Style()).plain
        assert "Reuters" not in drawn and drawn.endswith("10w")
        assert title[:24] in drawn  # the title keeps the room the outlet had


async def test_a_roomy_row_keeps_the_outlet() -> None:
    app = Host()
    async with app.run_test(size=(120, 10)) as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries([(0, entry(0, outlet="Reuters", title="Short"))], unread=())
        await pilot.pause()
        drawn = tree.render_label(tree.root.children[0], Style(), Style()).plain
        assert drawn.endswith("Short  10w · Reuters")


@pytest.mark.parametrize(("width", "least", "most"), [(200, 60, 80), (120, 40, 44), (90, 28, 36)])
async def test_the_sidebar_is_sized_to_the_terminal(
    tmp_path: Path, width: int, least: int, most: int
) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(width, 30)) as pilot:
        screen = await ready(app)
        await pilot.pause()
        assert least <= screen.sidebar.outer_size.width <= most


async def test_the_sidebar_can_be_widened_and_narrowed(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(app)
        start = screen.sidebar.outer_size.width
        await pilot.press(">")
        await pilot.pause()
        wider = screen.sidebar.outer_size.width
        assert wider > start
        await pilot.press("w")  # the quote list takes the same width
        await pilot.pause()
        assert screen.quote_list.outer_size.width == wider
        await pilot.press("w", "<", "<")
        await pilot.pause()
        assert screen.sidebar.outer_size.width < start
