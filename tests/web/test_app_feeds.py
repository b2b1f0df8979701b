"""Feeds in the app (Pilot): the sidebar with unread counts, `r`, teasers made whole, offline."""

from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path

import pytest

from tests.app.test_app import ready
from tests.web.server import LocalServer
from tui.app import NewsreadApp
from tui.screens.main import MainScreen
from tui.settings.config import Config
from tui.web.fetch import Fetcher
from tui.web.refresh import refresh_feeds
from tui.web.shelf import Shelf
from tui.web.store import WebStore
from tui.web.types import FeedEntry, FetchLimits

LONG = " ".join(["Ferry pilots at Kelmarsh counted the gulls on the quay before dawn."] * 25)


def _item(n: int, *, teaser: bool = False, link: str | None = None) -> str:
    body = (
        "<description>Trams return to Velmora.</description>"
        if teaser
        else f"<description><![CDATA[<p>{LONG}</p><h2>Timetable {n}</h2>"
        f"<p>Every {n} minutes.</p>]]></description>"
    )
    return (
        f"<item><title>Velmora story {n}</title><link>{link or f'https://courier.example/s/{n}'}</link>"
        f"<guid>velmora-{n}</guid><pubDate>Mon, 0{n} Apr 2024 09:00:00 GMT</pubDate>{body}</item>"
    )


def _feed(*items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Velmora Courier</title>'
        f"<link>https://courier.example/</link>{''.join(items)}</channel></rss>"
    )


def _stored_entries(store: WebStore, url: str, numbers: list[int]) -> None:
    entries = [
        FeedEntry(
            title=f"Velmora story {n}",
            link=f"https://courier.example/s/{n}",
            guid=f"velmora-{n}",
            published=f"2024-04-0{n}T09:00:00Z",
            content=f"<p>{LONG}</p><h2>Timetable {n}</h2><p>Every {n} minutes.</p>",
        )
        for n in numbers
    ]
    store.merge_entries(url, entries, now=time.time())


def _subscribe(url: str, numbers: list[int], *, refreshed: bool = True) -> None:
    with WebStore() as store:
        store.add_feed(url, "Velmora Courier", now=1.0)
        _stored_entries(store, url, numbers)
        if refreshed:  # not due: no refresh at start
            store.record_fetch(url, refreshed_at=time.time())


def _app() -> NewsreadApp:
    root = Shelf().root
    root.mkdir(parents=True, exist_ok=True)
    return NewsreadApp([root], config=Config())


async def _settle(app: NewsreadApp, screen: MainScreen, until: object, tries: int = 300) -> None:
    for _ in range(tries):
        if until():  # type: ignore[operator]
            return
        await asyncio.sleep(0.02)
    await ready(app)


def _group_labels(screen: MainScreen) -> list[str]:
    return [str(node.label) for node in screen.sidebar.root.children]


async def test_sidebar_shows_feeds_with_unread_counts(web_server: LocalServer) -> None:
    _subscribe(web_server.url("/feed.xml"), [1, 2, 3])
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.sidebar.article_count == 3)
        assert screen.sidebar.article_count == 3
        assert screen.grouping == "folder"
        # The article on screen is read once it has been opened and reached: mark it read.
        await _settle(app, screen, lambda: _group_labels(screen) == ["Velmora Courier · 3"])
        assert _group_labels(screen) == ["Velmora Courier · 3"]
        await pilot.press("m")
        await _settle(app, screen, lambda: _group_labels(screen) == ["Velmora Courier · 2"])
        assert _group_labels(screen) == ["Velmora Courier · 2"]


async def test_opening_an_entry_shows_its_structure(web_server: LocalServer) -> None:
    _subscribe(web_server.url("/feed.xml"), [2])
    app = _app()
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.current_article is not None)
        article = screen.current_article
        assert article is not None and article.title == "Velmora story 2"
        assert article.outlet == "Velmora Courier"
        assert [s.title for s in article.sections][-1] == "Timetable 2"


async def test_r_refreshes_adds_entries_and_keeps_the_reader(web_server: LocalServer) -> None:
    url = web_server.url("/feed.xml")
    web_server.route("/feed.xml", body=_feed(_item(1)), content_type="application/rss+xml")
    _subscribe(url, [])
    with WebStore() as store, Fetcher(FetchLimits()) as fetcher:  # what a refresh left
        refresh_feeds(store, fetcher, store.feeds())
    web_server.route("/feed.xml", body=_feed(_item(1), _item(2), _item(3), _item(4)),
                     content_type="application/rss+xml")  # fmt: skip
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.current_article is not None)
        shown = screen.current_path
        await pilot.press("j", "j", "j")
        offset = screen.reader.scroll_offset
        seen: list[str] = []

        def note(text: str) -> None:
            seen.append(text)

        screen.status.watch(screen.status, "progress", note, init=False)
        await pilot.press("r")
        await _settle(app, screen, lambda: not screen.web.running)
        await _settle(app, screen, lambda: screen.sidebar.article_count == 4)
        assert screen.sidebar.article_count == 4
        assert any(text.startswith("Refreshing 1/1 · Velmora Courier: 3 new") for text in seen), (
            seen
        )
        assert screen.current_path == shown and screen.reader.scroll_offset == offset
        assert web_server.hits("/feed.xml") == 2


async def test_r_without_feeds_says_how_to_subscribe(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Harlow Fen\n\nThe fen flooded.\n", encoding="utf-8")
    app = NewsreadApp([note], config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app)
        await pilot.press("r")
        await asyncio.sleep(0.05)
        assert any("newsread feeds add URL" in str(n.message) for n in app._notifications)


async def test_summary_only_entry_is_fetched_whole(web_server: LocalServer) -> None:
    page = (
        "<html><head><title>Velmora story 5</title></head><body><article><h1>Velmora story 5</h1>"
        f"<p>{LONG}</p><h2>The depot</h2><p>Nessa Quill opened it.</p></article></body></html>"
    )
    web_server.route("/s/5", body=page)
    feed_url = web_server.url("/feed.xml")
    with WebStore() as store:
        store.add_feed(feed_url, "Velmora Courier", now=1.0)
        teaser = FeedEntry(
            title="Velmora story 5", guid="v5", link=web_server.url("/s/5"), summary="Trams."
        )
        store.merge_entries(feed_url, [teaser], now=time.time())
        store.record_fetch(feed_url, refreshed_at=time.time())
    app = _app()
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)

        def whole() -> bool:
            article = screen.current_article
            return article is not None and "The depot" in [s.title for s in article.sections]

        await _settle(app, screen, whole)
        assert whole()
        assert web_server.hits("/s/5") == 1
        path = screen.current_path
        assert path is not None and "Nessa Quill" in path.read_text()


async def test_starting_with_the_server_stopped_shows_stored_entries(
    web_server: LocalServer,
) -> None:
    _subscribe(web_server.url("/feed.xml"), [1, 2], refreshed=False)  # due: a refresh starts
    web_server.stop()
    app = _app()
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.sidebar.article_count == 2)
        await _settle(app, screen, lambda: not screen.web.running)
        assert screen.sidebar.article_count == 2
        assert screen.current_article is not None


async def test_read_marks_survive_deleting_the_shelf(web_server: LocalServer) -> None:
    _subscribe(web_server.url("/feed.xml"), [1, 2])
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.sidebar.article_count == 2)
        await pilot.press("m")
        await ready(app)
        read_key = screen.session.key_of(screen.current_path)  # type: ignore[arg-type]
    assert read_key.startswith("https://courier.example/s/")
    shutil.rmtree(Shelf().root)
    again = _app()
    async with again.run_test(size=(120, 40)):
        screen = await ready(again)
        await _settle(again, screen, lambda: screen.sidebar.article_count == 2)
        keys = {screen.session.key_of(p): screen.session.is_read(p) for p in screen.files}
        assert keys[read_key] is True and list(keys.values()).count(True) == 1
        assert _group_labels(screen) == ["Velmora Courier · 1"]


@pytest.mark.parametrize("module", ["urllib3", "feedparser", "lxml"])
def test_starting_on_a_plain_file_loads_no_web_library(tmp_path: Path, module: str) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    note = tmp_path / "note.txt"
    note.write_text("Harlow Fen\n\nThe fen flooded.\n", encoding="utf-8")
    code = (
        "import asyncio, sys\n"
        "from tui.app import NewsreadApp\n"
        "from tui.settings.config import Config\n"
        f"app = NewsreadApp([__import__('pathlib').Path({str(note)!r})], config=Config())\n"
        "async def go():\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await app.workers.wait_for_complete()\n"
        "        await pilot.pause()\n"
        "asyncio.run(go())\n"
        f"print('LOADED', {module!r} in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "LOADED False" in done.stdout


async def test_r_prunes_old_read_entries_but_never_unread_or_bookmarked(
    web_server: LocalServer,
) -> None:
    from dataclasses import replace

    from tui.library.state import ReadingState

    url = web_server.url("/feed.xml")
    web_server.route("/feed.xml", body=_feed(_item(4)), content_type="application/rss+xml")
    with WebStore() as store:
        store.add_feed(url, "Velmora Courier", now=1.0)
        old = time.time() - 90 * 86400  # first seen three months ago
        store.merge_entries(url, [
            FeedEntry(title=f"Velmora story {n}", link=f"https://courier.example/s/{n}",
                      guid=f"velmora-{n}", content=f"<p>{LONG}</p>")
            for n in (1, 2, 3)
        ], now=old)  # fmt: skip
        store.record_fetch(url, refreshed_at=time.time())
    with ReadingState() as state:
        state.set_read("https://courier.example/s/1")  # read: may go
        state.set_read("https://courier.example/s/2")  # read but bookmarked: stays
        state.toggle_bookmark("https://courier.example/s/2")
        # story 3 is unread: stays
    config = Config()
    config = replace(config, web=replace(config.web, keep_days=30))
    root = Shelf().root
    root.mkdir(parents=True, exist_ok=True)
    app = NewsreadApp([root], config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.sidebar.article_count == 3)
        await pilot.press("r")
        await _settle(app, screen, lambda: not screen.web.running)
    with WebStore() as store:
        titles = sorted(e.title for e in store.entries(url))
    assert titles == ["Velmora story 2", "Velmora story 3", "Velmora story 4"]
    names = sorted(p.name for p in root.rglob("*.html"))
    assert len(names) == 3 and not any("story 1" in n for n in names), names


async def test_u_copies_a_feed_entrys_web_address(web_server: LocalServer) -> None:
    _subscribe(web_server.url("/feed.xml"), [1])
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.current_article is not None)
        await pilot.press("U")
        await ready(app)
        assert app.clipboard == "https://courier.example/s/1"


async def test_a_library_folder_beside_the_feeds_is_grouped_under_its_name(
    web_server: LocalServer, tmp_path: Path
) -> None:
    _subscribe(web_server.url("/feed.xml"), [1])
    news = tmp_path / "harbour-news"
    news.mkdir()
    (news / "tides.txt").write_text("Tides at Kelmarsh\n\nThe spring tide came in early.\n")
    root = Shelf().root
    root.mkdir(parents=True, exist_ok=True)
    app = NewsreadApp([news, root], config=Config())
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        await _settle(app, screen, lambda: screen.sidebar.article_count == 2)
        await _settle(app, screen, lambda: len(_group_labels(screen)) == 2)
        assert _group_labels(screen) == ["harbour-news", "Velmora Courier · 1"]


@pytest.mark.parametrize("feeds", [2, 7])
async def test_a_refresh_where_every_feed_fails_alike_says_so_once(
    web_server: LocalServer, feeds: int
) -> None:
    with WebStore() as store:
        for n in range(feeds):
            store.add_feed(web_server.url(f"/gone-{n}.xml"), f"Gone {n}", now=1.0)
            store.record_fetch(web_server.url(f"/gone-{n}.xml"), refreshed_at=time.time())
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("r")
        await _settle(app, screen, lambda: not screen.web.running)
        await ready(app)
        messages = [str(n.message) for n in app._notifications]
        summary = next(m for m in messages if m.startswith("0 new entries"))
        assert summary.splitlines()[1:] == [f"All {feeds} failed feeds: HTTP 404 Not Found"]
