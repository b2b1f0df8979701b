"""Moving around: sections, articles, the sidebar following the pane, mouse, narrow terminals."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from tests.app.test_app import HEADINGS, ready, status_text, write_articles
from tui.app import NewsreadApp
from tui.widgets.article_tree import ArticleTree, TreeEntry
from tui.widgets.reader_pane import ReaderPane


def cursor(tree: ArticleTree) -> TreeEntry | None:
    node = tree.cursor_node
    return None if node is None else node.data


async def test_next_and_previous_section(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        pane = screen.reader
        for expected in (1, 2, 3):
            await pilot.press("]")
            await pilot.pause()
            assert pane.current_section == expected
            assert screen.section_index == expected
            assert status_text(screen).split("  ")[0].endswith(f"— {HEADINGS[expected - 1]}")
        await pilot.press("]")  # past the last section: stays
        assert pane.current_section == 3
        await pilot.press("[", "[")
        await pilot.pause()
        assert pane.current_section == 1
        assert cursor(screen.sidebar) == TreeEntry(0, 1)
        assert isinstance(screen.focused, ReaderPane)  # the sidebar followed without focus


async def test_next_and_previous_article_keep_reading_positions(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("]", "]")
        await pilot.pause()
        assert screen.reader.current_section == 2
        await pilot.press("J")
        await ready(app)  # the article is parsed when it is opened
        assert screen.article_index == 1
        assert screen.reader.article is screen.current_article
        assert screen.reader.current_section == 0
        assert status_text(screen).startswith("Bravo ferry service")
        assert cursor(screen.sidebar) == TreeEntry(1, 0)
        await pilot.press("J", "J")  # past the last article: stays
        assert screen.article_index == 2
        await pilot.press("K", "K")
        await pilot.pause()
        assert screen.article_index == 0
        assert screen.reader.current_section == 2  # back where the reader left it


async def test_scrolling_moves_the_sidebar_cursor_without_focus(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("G")
        await pilot.pause()
        assert screen.reader.current_section == 3
        assert cursor(screen.sidebar) == TreeEntry(0, 3)
        assert isinstance(screen.focused, ReaderPane)
        await pilot.press("g")
        await pilot.pause()
        assert cursor(screen.sidebar) == TreeEntry(0, 0)


@pytest.mark.parametrize(
    ("keys", "moved"),
    [
        (("j",), 1),
        (("down", "down"), 2),
        (("space",), None),
        (("G", "k"), None),
    ],
)
async def test_pane_scroll_keys_reach_the_pane(
    tmp_path: Path, keys: tuple[str, ...], moved: int | None
) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press(*keys)
        await pilot.pause()
        if moved is not None:
            assert screen.reader.scroll_y == moved
        else:
            assert screen.reader.scroll_y > 30  # a page or more down
        await pilot.press("b", "g")
        await pilot.pause()
        assert screen.reader.scroll_y == 0


async def test_clicking_a_section_scrolls_the_pane(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha", "Bravo"))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        # Row 0 is the border (count, grouping, order); then the first article on row 1,
        # rows 2-5 its sections (Lead, then the headings).
        await pilot.click(ArticleTree, offset=(8, 4))
        await pilot.pause()
        assert screen.reader.current_section == 2
        assert screen.section_index == 2
        assert screen.reader.position()[0] == 2
        # Row 6 is the second article: clicking it opens it.
        await pilot.click(ArticleTree, offset=(8, 6))
        await ready(app)
        assert screen.article_index == 1
        article = screen.current_article
        assert article is not None and article.title.startswith("Bravo")


async def test_enter_in_the_sidebar_opens_the_section(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("tab", "down", "down", "down")
        # Moving the cursor alone does not scroll the article…
        assert screen.reader.current_section == 0
        await pilot.press("enter")
        await pilot.pause()
        # …choosing does, and the focus stays in the sidebar for more browsing.
        assert screen.reader.current_section == 3
        assert isinstance(screen.focused, ArticleTree)


async def test_mouse_wheel_scrolls_the_pane(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot._post_mouse_events([events.MouseScrollDown], ReaderPane, offset=(10, 10))
        await pilot.pause()
        assert screen.reader.scroll_y > 0


async def test_narrow_terminal_starts_without_the_sidebar(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(70, 20)) as pilot:
        screen = await ready(app)
        assert not screen.sidebar.display
        assert screen.reader.size.width == 70
        assert screen.article_index == 0
        await pilot.press("s")
        assert screen.sidebar.display


async def test_resizing_hides_and_shows_the_sidebar_and_keeps_the_place(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("]", "]")
        await pilot.pause()
        where = screen.reader.position()
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert not screen.sidebar.display
        assert screen.reader.position()[:2] == where[:2]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.sidebar.display
        assert screen.reader.position()[:2] == where[:2]
        # A hand-hidden sidebar stays hidden through a resize that crosses nothing.
        await pilot.press("s")
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        assert not screen.sidebar.display


async def test_next_article_pressed_before_the_library_is_known_is_not_lost(
    tmp_path: Path,
) -> None:
    """J at once after start-up moves once the files are found, not into a bell."""
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert not screen.files  # the library walk has not answered yet
        screen.action_next_article()
        screen = await ready(app)
        await pilot.pause()
        assert screen.article_index == 1
        assert screen.current_article is not None
        assert screen.current_article.title.startswith("Bravo")


async def test_next_article_goes_by_file_order_while_the_sidebar_fills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a fresh index the sidebar lists nothing until indexing is done; J still moves."""
    import threading

    from tui.library.index import LibraryIndex

    indexing = threading.Event()
    real_update = LibraryIndex.update

    def held_update(self: LibraryIndex, *args: object, **kwargs: object) -> object:
        indexing.wait(10)  # the index worker waits here until the test lets it go
        return real_update(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(LibraryIndex, "update", held_update)
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.files and screen.current_article is not None:
                break
        assert screen.sidebar.article_count < 3  # entries not all in yet
        await pilot.press("J")
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.shown_index == 1:
                break
        assert screen.article_index == 1
        indexing.set()
