"""The quote navigator builds its tree only when needed, and a long list fills groups lazily."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.article import parse
from tui.article.model import Article
from tui.widgets.quote_navigator import EAGER_LEAVES, QuoteNavigator


def quoted_article(count: int) -> Article:
    """A title and ``count`` paragraphs, each one quotation by one of two speakers."""
    names = ["Ada Lind", "Bo Sand"]
    paragraphs = [
        f'"Line {k} of the harbour report is done," said {names[k % 2]}.' for k in range(count)
    ]
    return parse("Harbour report read aloud\n\n" + "\n\n".join(paragraphs) + "\n")


class NavigatorApp(App[None]):
    def compose(self) -> ComposeResult:
        yield QuoteNavigator()


def leaf_count(navigator: QuoteNavigator) -> int:
    return sum(len(group.children) for group in navigator.root.children)


@pytest.mark.parametrize("count", [4, EAGER_LEAVES + 100])
async def test_hidden_navigator_builds_when_shown(count: int) -> None:
    article = quoted_article(count)
    assert len(article.quotes) == count
    app = NavigatorApp()
    async with app.run_test() as pilot:
        navigator = app.query_one(QuoteNavigator)
        navigator.display = False
        await pilot.pause()
        navigator.show_article(article)
        assert not navigator.root.children  # nothing built while hidden
        navigator.display = True
        await pilot.pause()
        assert len(navigator.root.children) == 2
        eager = count <= EAGER_LEAVES
        assert leaf_count(navigator) == (count if eager else 0)
        assert all(group.is_expanded == eager for group in navigator.root.children)
        # groups lists every quote either way (filled or not)
        assert sorted(i for _, indexes in navigator.groups for i in indexes) == list(range(count))


async def test_long_list_fills_a_group_on_expand_and_for_the_current_quote() -> None:
    count = EAGER_LEAVES + 100
    app = NavigatorApp()
    async with app.run_test() as pilot:
        navigator = app.query_one(QuoteNavigator)
        navigator.show_article(quoted_article(count))
        await pilot.pause()
        first, second = navigator.root.children
        first.expand()
        await pilot.pause()
        assert [leaf.data for leaf in first.children] == list(range(0, count, 2))
        assert not second.children
        navigator.current_quote = 3  # Bo Sand's group: filled, opened, cursor on it
        await pilot.pause()
        assert second.is_expanded and len(second.children) == count // 2
        assert navigator.cursor_node is not None and navigator.cursor_node.data == 3


async def test_current_quote_on_a_hidden_navigator_builds_it() -> None:
    app = NavigatorApp()
    async with app.run_test() as pilot:
        navigator = app.query_one(QuoteNavigator)
        navigator.display = False
        await pilot.pause()
        navigator.show_article(quoted_article(4))
        navigator.current_quote = 1
        await pilot.pause()
        assert navigator.cursor_node is not None and navigator.cursor_node.data == 1
