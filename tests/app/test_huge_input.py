"""A huge article is parsed off the UI thread: keys work while it loads.

The article (generated into ``tmp_path``, never committed) is opened at start-up; while it is
still being parsed the test toggles the sidebar, opens and closes help, and opens a second,
small article, checking after each key that its effect is on screen and that the huge article
has not finished parsing yet (every :func:`tui.article.load` of a whole file is recorded; the
quick first parse of the opening, from its text, does not count as loaded). Speed is not
asserted here: ``tests/benchmarks/bench_huge.py`` prints the figures.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events

import tui.article
from tests.app.test_app import article_text
from tests.benchmarks.bench_parse import generate_article
from tui.app import NewsreadApp
from tui.article.model import Article
from tui.library.index import LibraryIndex
from tui.library.state import ReadingState
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen

MB = 1_000_000


class ParseLog:
    """Wraps :func:`tui.article.load` to record when the whole of a file has been parsed.

    Loading a file parses all of it (the reader parses a long article's opening from the text
    instead); recorded whichever thread ran it.
    """

    def __init__(self, real: Callable[..., Article]) -> None:
        self._real = real
        self._lock = threading.Lock()
        self.started: list[str] = []
        self.finished: list[Article] = []

    def __call__(self, path: str | Path) -> Article:
        name = Path(path).name
        with self._lock:
            self.started.append(name)
        article = self._real(path)
        with self._lock:
            self.finished.append(article)
        return article

    def done(self, name: str) -> bool:
        """Whether a parse of the whole file called ``name`` has finished."""
        with self._lock:
            return any(Path(a.path or "").name == name for a in self.finished)

    def is_whole(self, article: Article | None) -> bool:
        """Whether ``article`` is the result of a whole-file parse."""
        with self._lock:
            return any(a is article for a in self.finished)


async def until(condition: Callable[[], bool], rounds: int = 6000) -> bool:
    """Let the app run until ``condition`` holds (bounded: the test fails, never hangs)."""
    for _ in range(rounds):
        if condition():
            return True
        await asyncio.sleep(0.01)
    return condition()


async def press(app: NewsreadApp, key: str, effect: Callable[[], bool]) -> bool:
    """Send one key the way the terminal driver does, then wait for its effect.

    ``Pilot.press`` is not used: it also waits for the process to go idle (up to a second
    twice per key), and a parse worker keeps it busy.
    """
    character = {"question_mark": "?", "escape": None}.get(key, key)
    app.post_message(events.Key(key, character))
    return await until(effect)


@pytest.mark.parametrize(
    "size_mb", [pytest.param(20, id="20MB"), pytest.param(100, id="100MB", marks=pytest.mark.fuzz)]
)
async def test_keys_take_effect_while_a_huge_article_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size_mb: int
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    big = folder / "01-huge.txt"
    big.write_text(generate_article(size_mb * MB), encoding="utf-8")
    small = folder / "02-small.txt"
    small.write_text(article_text("Small ferry notice for Holm island"), encoding="utf-8")
    # The small article is indexed already (so the sidebar lists it at once) and the huge one
    # was being read last time, so start-up opens it: its parse is under way as keys arrive.
    with LibraryIndex() as index:
        assert all(entry is not None for _, entry, _ in index.update([small], roots=[folder]))
    with ReadingState() as state:
        state.set_last_opened(big)
    log = ParseLog(tui.article.load)
    monkeypatch.setattr(tui.article, "load", log)

    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert await until(lambda: "01-huge.txt" in log.started and screen.sidebar.order() == [1])
        # Loading: the pane shows nothing yet, or only a first parse of the opening.
        assert not log.is_whole(screen.current_article)

        assert await press(app, "s", lambda: not screen.show_sidebar)  # toggle-sidebar
        assert not screen.sidebar.display
        assert not log.done("01-huge.txt")

        assert await press(app, "s", lambda: screen.show_sidebar)
        assert screen.sidebar.display
        assert not log.done("01-huge.txt")

        assert await press(app, "question_mark", lambda: isinstance(app.screen, HelpScreen))
        assert not log.done("01-huge.txt")
        assert await press(app, "escape", lambda: app.screen is screen)
        assert not log.done("01-huge.txt")

        # next-article: the small one is parsed and shown while the huge one is not done.
        assert await press(app, "J", lambda: screen.shown_index == 1)
        assert not log.done("01-huge.txt")
        assert screen.article_index == 1 and screen.current_path == small
        shown = screen.current_article
        assert shown is not None and shown.title == "Small ferry notice for Holm island"
        assert not screen.reader.loading

        # Once parsed and indexed the huge article is listed; previous-article shows it whole.
        assert await until(lambda: screen.sidebar.order() == [0, 1])
        assert log.done("01-huge.txt")
        whole = lambda: screen.shown_index == 0 and log.is_whole(screen.current_article)  # noqa: E731
        assert await press(app, "K", whole)
        assert screen.current_path == big
        huge = screen.current_article
        assert huge is not None and huge.path == str(big)
        assert sum(len(s.blocks) for s in huge.sections) > size_mb * 1000
        assert await until(lambda: screen.reader.virtual_size.height > screen.reader.size.height)


async def test_a_long_article_is_frozen_out_of_the_collectors_sight(tmp_path: Path) -> None:
    """Once a long article and its display items are built, full collections skip them."""
    import gc

    from tui.article import collector

    big = tmp_path / "long.txt"
    big.write_text(generate_article(MB), encoding="utf-8")  # over 2,000 blocks
    gc.unfreeze()
    try:
        app = NewsreadApp([big])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            for _ in range(200):
                await app.workers.wait_for_complete()
                await pilot.pause(0.02)
                if screen.current_article is not None and gc.get_freeze_count():
                    break
            article = screen.current_article
            assert article is not None and sum(len(s.blocks) for s in article.sections) > 2000
            assert gc.get_freeze_count() > 0
            assert collector.holding() == 0
            assert gc.isenabled()
    finally:
        gc.unfreeze()
