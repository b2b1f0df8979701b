"""Pilot tests of the link keys: ``l`` (the link list), ``o`` (the browser), ``U`` (copy), and
``v``/``V`` (group, sort) where ``o``/``O`` used to be."""

from __future__ import annotations

import asyncio
import shutil
import webbrowser
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.app.test_app import ready, write_articles
from tui.app import NewsreadApp
from tui.article.model import Article
from tui.screens.links import LinksScreen
from tui.screens.main import MainScreen
from tui.web.readable import read_page

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FIXTURES = Path(__file__).parent / "fixtures" / "links"
SURVEY = "markdown-library-survey.md"
SURVEY_URL = "https://calderbridge-courier.example/news/library-hours"
FERRY_URL = "https://wrexley-herald.example/news/holm-ferry-timetable"


class RecordingBrowser(webbrowser.BaseBrowser):
    """A graphical browser that only records what it was asked to open."""

    def __init__(self) -> None:
        super().__init__("recording-browser")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> RecordingBrowser:
    """``webbrowser.get()`` gives a recorder; ``webbrowser.open`` must never be reached."""
    recorder = RecordingBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: recorder)

    def refuse(*args: object, **kwargs: object) -> bool:
        raise AssertionError("webbrowser.open bypassed the browser check")

    monkeypatch.setattr(webbrowser, "open", refuse)
    return recorder


def survey_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(EXAMPLES / SURVEY, folder / SURVEY)
    return folder


def ferry_article() -> Article:
    body = (FIXTURES / "holm-ferry.html").read_bytes()
    return read_page(body, FERRY_URL + "?utm_source=feed")


async def settle(app: NewsreadApp) -> None:
    """Let workers finish and the notifications they post from their threads arrive."""
    await app.workers.wait_for_complete()
    for _ in range(5):
        await asyncio.sleep(0.01)


def notes(app: NewsreadApp) -> list[str]:
    return [n.message for n in app._notifications]


def rows(screen: LinksScreen) -> list[str]:
    menu = screen.query_one(OptionList)
    return [str(menu.get_option_at_index(n).prompt) for n in range(menu.option_count)]


async def test_l_lists_filters_opens_and_copies_the_links_of_a_markdown_article(
    tmp_path: Path, browser: RecordingBrowser
) -> None:
    app = NewsreadApp([survey_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("l")
        await pilot.pause()
        links = app.screen
        assert isinstance(links, LinksScreen)
        listed = rows(links)
        assert len(listed) == 5
        assert listed[0].startswith("annual report\nhttps://calderbridge.example/council/")
        assert listed[-1] == (
            "hello@friends-of-calderbridge-libraries.example\n"
            "mailto:hello@friends-of-calderbridge-libraries.example"
        )
        # Typing filters (the list had the focus; the first key moves it to the filter).
        await pilot.press(*"consult")
        assert app.screen.query_one(Input).value == "consult"
        assert [r.split("\n")[0] for r in rows(links)] == [
            "survey of 2,300 library users",
            "consultation",
        ]
        await pilot.press("down", "enter")  # the second match, from the filter input
        await settle(app)
        assert browser.opened == [
            "https://calderbridge.example/council/consultations/libraries-2026"
        ]
        assert isinstance(app.screen, LinksScreen)  # stays open for the next link
        # From the list, y copies the highlighted address, whole (the notice shortens it).
        await pilot.press("backspace", *" users")
        assert len(rows(links)) == 1
        await pilot.press("tab", "y")
        assert app.clipboard == (
            "https://calderbridge.example/council/consultations/library-users-survey"
        )
        assert "Copied https://calderbridge.example/council/consult…ry-users-survey" in notes(app)
        await pilot.press("shift+tab", "y")  # in the filter, y is a letter
        assert app.screen.query_one(Input).value == "consul usersy"
        assert rows(links) == []
        assert app.screen.query_one(OptionList).border_title is None
        assert str(app.screen.query_one("Vertical").border_title) == "0 of 5 links"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_enter_in_the_list_opens_the_highlighted_link(
    tmp_path: Path, browser: RecordingBrowser
) -> None:
    app = NewsreadApp([survey_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("l", "down", "down", "down", "enter")
        await settle(app)
        assert browser.opened == ["https://friends-of-calderbridge-libraries.example/"]


async def test_o_and_U_use_the_front_matter_address(
    tmp_path: Path, browser: RecordingBrowser
) -> None:
    app = NewsreadApp([survey_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("o")
        await settle(app)
        assert browser.opened == [SURVEY_URL]
        await pilot.press("U")
        assert app.clipboard == SURVEY_URL


async def test_o_on_a_web_article_opens_its_canonical_address(
    tmp_path: Path, browser: RecordingBrowser
) -> None:
    app = NewsreadApp([write_articles(tmp_path / "lib", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        screen.opening.article = ferry_article()  # as the web opener will put it in the pane
        await pilot.press("o")
        await settle(app)
        assert browser.opened == [FERRY_URL]
        await pilot.press("l")
        await pilot.pause()
        listed = rows(app.screen)  # type: ignore[arg-type]
        # Hostile link text: the bidi override is gone and the escape shown, never obeyed.
        assert listed[-1].startswith('"a sensible compromise"␛[31m\n')
        assert not any("javascript" in row for row in listed)


async def test_a_local_file_has_no_address_and_no_links(
    tmp_path: Path, browser: RecordingBrowser
) -> None:
    app = NewsreadApp([write_articles(tmp_path / "lib", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("o", "U", "l")
        await settle(app)
        assert browser.opened == []
        assert app.clipboard == ""
        assert isinstance(app.screen, MainScreen)  # no empty modal
        said = notes(app)
        assert said.count("This article has no web address (a local file).") == 2
        assert "This article has no links." in said


async def test_a_console_browser_is_refused_where_the_terminal_cannot_be_handed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    class Lynx(webbrowser.GenericBrowser):
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            opened.append(url)
            return True

    monkeypatch.setattr(webbrowser, "get", lambda using=None: webbrowser.GenericBrowser("lynx"))
    monkeypatch.setattr(webbrowser.GenericBrowser, "open", Lynx.open)
    app = NewsreadApp([survey_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("o")
        await settle(app)
        # The test harness cannot suspend: lynx would draw over the app, so it is not run.
        assert opened == []
        assert any(
            note.startswith("The browser (lynx) runs in the terminal") for note in notes(app)
        )


async def test_no_browser_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def none(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    app = NewsreadApp([survey_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("o")
        await settle(app)
        assert notes(app) == ["No web browser found (set the BROWSER environment variable)."]


async def test_a_browser_that_fails_to_start_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Missing(webbrowser.BaseBrowser):
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            raise FileNotFoundError(self.name)

    monkeypatch.setattr(webbrowser, "get", lambda using=None: Missing("firefox"))
    app = NewsreadApp([survey_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("o")
        await settle(app)
        assert app.is_running
        shown = SURVEY_URL  # short enough to be shown whole
        assert notes(app) == [f"The browser did not open {shown}"]


async def test_v_groups_and_V_sorts_the_sidebar(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    write_articles(folder / "local", ("Alpha",))
    write_articles(folder / "world", ("Bravo",))
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("v")
        assert screen.grouping == "folder"
        await pilot.press("V")
        assert screen.sorting != "file"
        assert screen.sidebar.border_title is not None
        assert "by folder" in str(screen.sidebar.border_title)
