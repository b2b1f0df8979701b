"""Reading keys read wherever the focus is, unless the focused widget needs the key (#20.8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_app import ready, write_articles
from tests.app.test_quotes_ui import quotes_article
from tui.app import NewsreadApp


async def test_reading_keys_read_from_the_sidebar(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(app)
        pane = screen.reader
        await pilot.press("tab")
        assert screen.focused is screen.sidebar
        await pilot.press("j", "j")
        await pilot.pause()
        assert pane.scroll_y == 2
        await pilot.press("space")  # a page, not the tree's expand/collapse
        await pilot.pause()
        assert pane.scroll_y > 20
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert pane.scroll_y == 0
        # The tree keeps the keys it needs: the arrows move its cursor, not the article.
        line = screen.sidebar.cursor_line
        await pilot.press("down")
        await pilot.pause()
        assert screen.sidebar.cursor_line == line + 1 and pane.scroll_y == 0
        assert screen.focused is screen.sidebar


@pytest.mark.parametrize("key", ["space", "j"])
async def test_reading_keys_read_from_the_quote_list(tmp_path: Path, key: str) -> None:
    path = tmp_path / "q.txt"
    path.write_text(quotes_article(), encoding="utf-8")
    app = NewsreadApp([path])
    async with app.run_test(size=(120, 20)) as pilot:
        screen = await ready(app)
        await pilot.press("w")
        navigator = screen.quote_list
        assert screen.focused is navigator
        groups = [group.is_expanded for group in navigator.root.children]
        await pilot.press(key)
        await pilot.pause()
        assert screen.reader.scroll_y > 0
        assert navigator.root.is_expanded
        assert [group.is_expanded for group in navigator.root.children] == groups
