"""The library in the app: read marks, bookmarks, positions across runs, search, warm start.

Each test's XDG data and cache dirs are private (conftest), so two app runs in one test share
their reading state and index the way two sessions of one user do.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

import tui.article
from tests.app.test_app import article_text, ready, write_articles
from tui.app import NewsreadApp
from tui.library.positions import paragraph_at
from tui.library.state import ReadingState
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.library_search import LibrarySearchScreen
from tui.screens.main import MainScreen
from tui.settings.config import Config
from tui.widgets.library_tree import BOOKMARK_MARK

UNIQUE = "zeppelin"
"""A word only the search article's fifth section-1 paragraph holds."""


def unread_marked(screen: MainScreen, article: int) -> bool:
    node = screen.sidebar._article_nodes[article]
    return str(node.label).startswith("●")


async def settle(app: NewsreadApp, pilot: object, delay: float = 0.05) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await asyncio.sleep(delay)


async def test_toggle_read_marks_and_persists(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert all(unread_marked(screen, n) for n in range(3))
        await pilot.press("m")
        assert not unread_marked(screen, 0)
        assert unread_marked(screen, 1)
    with ReadingState() as state:
        assert state.is_read(folder / "01-alpha.txt")
        assert not state.is_read(folder / "02-bravo.txt")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert not unread_marked(screen, 0)
        await pilot.press("m")  # toggles back to unread
        assert unread_marked(screen, 0)


async def test_reaching_the_end_marks_read(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", ("Alpha",))
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("space")
        await pilot.pause()
        assert unread_marked(screen, 0)  # a page down is not the end
        await pilot.press("G")
        await pilot.pause()
        assert not unread_marked(screen, 0)


async def test_a_read_mark_made_just_before_quitting_is_kept(tmp_path: Path) -> None:
    """The mark is written after the frame that shows the end; quitting first still keeps it."""
    folder = write_articles(tmp_path / "news", ("Alpha",))
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        screen.reader.action_scroll_bottom()  # no pause: the app quits at once
        screen.reader.scroll_y = screen.reader.max_scroll_y
        screen._reader_scrolled()
        assert screen._reads_due  # not written yet
    with ReadingState() as state:
        assert state.is_read(folder / "01-alpha.txt")


async def test_next_unread_skips_read_articles_and_wraps(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", ("Alpha", "Bravo", "Charlie", "Delta"))
    with ReadingState() as state:
        state.set_read(folder / "02-bravo.txt", True)
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("u")
        await ready(app)
        assert screen.article_index == 2  # Bravo was read
        await pilot.press("m", "u")  # Charlie read; Delta next
        await ready(app)
        assert screen.article_index == 3
        await pilot.press("m", "u")  # wraps round to Alpha
        await ready(app)
        assert screen.article_index == 0
        await pilot.press("m", "u")  # nothing unread left
        await pilot.pause()
        assert screen.article_index == 0
        assert any("No unread" in n.message for n in app._notifications)


async def test_position_and_last_article_survive_a_restart(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("]", "]", "j", "j")  # into the first article's second heading
        await pilot.pause()
        first = screen.reader.position()
        await pilot.press("J")
        await ready(app)
        await pilot.press("]", "j", "j", "j")
        await pilot.pause()
        article = screen.current_article
        assert article is not None
        second = paragraph_at(article, screen.reader.position())
        assert second[0] > 0
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert screen.article_index == 1  # the last article opened
        article = screen.current_article
        assert article is not None and article.title.startswith("Bravo")
        assert paragraph_at(article, screen.reader.position()) == second
        await pilot.press("K")
        await ready(app)
        assert screen.reader.position()[0] == first[0]  # the first one's section too


async def test_bookmarks_list_and_open(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("J")
        await ready(app)
        await pilot.press("B")  # bookmark Bravo
        await pilot.press("K")
        await ready(app)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 1
        assert str(options.get_option_at_index(0).prompt).startswith("Bravo ferry")
        await pilot.press("enter")
        await ready(app)
        assert screen.app.screen is screen  # the list closed
        assert screen.article_index == 1
    with ReadingState() as state:
        assert [Path(p).name for p in state.bookmarks()] == ["02-bravo.txt"]
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("B")  # Bravo reopened as the last article: unbookmark it
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 0
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


def _search_article(folder: Path) -> None:
    text = article_text("Echo ferry service returns to Holm island")
    target = "What residents want paragraph 4:"
    assert text.count(target) == 1
    text = text.replace(target, f"{target} a {UNIQUE} hovered over the quay,")
    (folder / "05-echo.txt").write_text(text, encoding="utf-8")


async def test_search_says_how_many_matches_a_full_list_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full list is "first N of M", not "N results" (it said "200 results" for 1,887)."""
    monkeypatch.setattr("tui.screens.library_search.HITS_SHOWN", 5)
    folder = write_articles(tmp_path / "news")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("F", *"residents")
        for _ in range(50):
            await settle(app, pilot)
            if app.screen.query_one(OptionList).option_count:
                break
        assert app.screen.query_one(OptionList).option_count == 5
        subtitle = str(app.screen.query_one("Vertical").border_subtitle)
        # Each article has a "residents" paragraph in every one of its sections.
        assert re.fullmatch(r"first 5 of (\d+) results", subtitle), subtitle
        assert int(subtitle.split()[3]) > 5


async def test_search_opens_the_article_at_the_paragraph(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news")
    _search_article(folder)
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("F")
        assert isinstance(app.screen, LibrarySearchScreen)
        await pilot.press(*UNIQUE)
        for _ in range(50):
            await settle(app, pilot)
            if app.screen.query_one(OptionList).option_count:
                break
        results = app.screen.query_one(OptionList)
        assert results.option_count == 1
        assert app.screen.query_one(Input).value == UNIQUE
        await pilot.press("enter")
        await ready(app)
        article = screen.current_article
        assert article is not None and article.title.startswith("Echo")
        paragraph, _ = paragraph_at(article, screen.reader.position())
        assert UNIQUE in article.paragraphs[paragraph].text


async def test_warm_start_fills_the_sidebar_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_articles(tmp_path / "news", ("Alpha", "Bravo", "Charlie", "Delta"))
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)):
        await ready(app)  # the first run indexes every file
    parsed: list[str] = []
    real_load = tui.article.load

    def counting_load(path: str | Path) -> tui.article.Article:
        parsed.append(Path(path).name)
        return real_load(path)

    monkeypatch.setattr(tui.article, "load", counting_load)
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert screen.sidebar.article_count == 4
        assert parsed == ["01-alpha.txt"]  # only the article opened
        await pilot.press("J", "J")
        await ready(app)
        await pilot.press("K")
        await ready(app)
        assert parsed == ["01-alpha.txt", "02-bravo.txt", "03-charlie.txt"]  # Bravo kept


async def test_a_changed_file_is_indexed_again(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)):
        await ready(app)
    (folder / "02-bravo.txt").write_text(article_text("Bravo bridge closes for winter"))
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        labels = [str(node.label) for node in screen.sidebar.root.children]
        assert labels[1].startswith("● Bravo bridge closes for winter")
        assert labels[0].startswith("● Alpha ferry")


async def test_group_and_sort_cycle_and_show_in_the_border(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_articles(folder / "local", ("Alpha",))
    write_articles(folder / "world", ("Bravo", "Charlie"))
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        tree = screen.sidebar
        assert tree.border_title == "3 articles · file order"
        await pilot.press("v")
        assert tree.border_title == "3 articles · by folder · file order"
        assert [str(g.label) for g in tree.root.children] == ["local", "world"]
        await pilot.press("V", "V")
        assert tree.border_title == "3 articles · by folder · by title"
        await pilot.press("v", "v")  # by outlet, then back to none
        assert tree.border_title == "3 articles · by title"
        assert tree.order() == [0, 1, 2]  # Alpha, Bravo, Charlie by title too
        await pilot.press("J")  # next article follows the sidebar order
        await ready(app)
        assert screen.article_index == 1


async def test_two_thousand_articles(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2000):
        body = f"Story {n:04d} about the harbour\n\nThe ferry ran {n} times this year.\n"
        (folder / f"{n:04d}.txt").write_text(body, encoding="utf-8")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert screen.sidebar.article_count == 2000
        await pilot.press("J", "J")
        await ready(app)
        assert screen.article_index == 2
        await pilot.press("V", "V")  # by title: Story 0000 … stays first
        await pilot.press("tab", "end", "enter")
        await ready(app)
        assert screen.article_index == 1999


async def test_bookmarked_articles_are_marked_in_the_sidebar(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        label = str(screen.sidebar._article_nodes[0].label)
        assert BOOKMARK_MARK not in label
        await pilot.press("B")
        assert BOOKMARK_MARK in str(screen.sidebar._article_nodes[0].label)
    app = NewsreadApp([folder])  # and on the next start
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert BOOKMARK_MARK in str(screen.sidebar._article_nodes[0].label)
        assert BOOKMARK_MARK not in str(screen.sidebar._article_nodes[1].label)
        await pilot.press("B")  # removed
        assert BOOKMARK_MARK not in str(screen.sidebar._article_nodes[0].label)


async def test_a_theme_picked_in_the_app_is_back_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_articles(tmp_path / "news")
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)):
        await ready(app)
        assert app.theme == "newsread-dark"
        app.theme = "newsread-sepia"  # what picking it with T does
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)):
        await ready(app)
        assert app.theme == "newsread-sepia"
    # The user's config was never written; its own theme, once edited, wins.
    assert not list((tmp_path / "config").rglob("*"))
    app = NewsreadApp([folder], config=Config(theme="newsread-light"))
    assert app.theme == "newsread-light"
    # And NO_COLOR still means no colour.
    monkeypatch.setenv("NO_COLOR", "1")
    assert NewsreadApp([folder]).theme == "newsread-mono"


async def test_a_long_query_says_which_words_were_searched(tmp_path: Path) -> None:
    """Past MAX_TERMS distinct words the search is capped, and the screen says so (#16.12)."""
    from textual.containers import Vertical

    from tui.library.search import MAX_TERMS

    folder = write_articles(tmp_path / "news")
    _search_article(folder)
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("F")
        search = app.screen
        assert isinstance(search, LibrarySearchScreen)
        words = [f"filler{n}" for n in range(MAX_TERMS + 8)]
        search.query_one(Input).value = " ".join(words)
        box = search.query_one(Vertical)
        for _ in range(50):
            await settle(app, pilot)
            if box.border_subtitle:
                break
        assert box.border_subtitle == (
            f"no results · first {MAX_TERMS - 1} words and the last searched (8 left out)"
        )
        search.query_one(Input).value = f"{UNIQUE} {UNIQUE}"
        for _ in range(50):
            await settle(app, pilot)
            if box.border_subtitle == "1 result":
                break
        assert box.border_subtitle == "1 result"
