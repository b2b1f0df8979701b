"""The shelf: the store's entries as .html files the library reads (tui/web/shelf.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tui.article.model import ImageCredit
from tui.library.html_files import read_html
from tui.library.loader import find_articles
from tui.web.shelf import MANIFEST, OPENED, Shelf, file_record, safe_name
from tui.web.store import WebStore
from tui.web.types import FeedEntry, PageRow

FEED = "https://courier.example/feeds/all.rss"
OTHER = "https://ledger.example/atom.xml"
LONG = " ".join(["Harbour pilots in Velmora counted the ferries again that morning."] * 30)


@pytest.fixture
def store(tmp_path: Path) -> WebStore:
    with WebStore(tmp_path / "web.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def _entry(n: int, **fields: object) -> FeedEntry:
    values: dict[str, object] = {
        "title": f"Tramline {n} reopens in Velmora",
        "link": f"https://courier.example/news/{n}",
        "guid": f"g{n}",
        "published": f"2024-05-0{n}T09:30:00Z",
        "content": f"<p>{LONG}</p><h2>Timetable</h2><p>Trams run every {n} minutes.</p>",
        "author": "Idris Calloway",
    }
    values.update(fields)
    return FeedEntry(**values)  # type: ignore[arg-type]


def _subscribe(store: WebStore, entries: list[FeedEntry], url: str = FEED,
               title: str = "Velmora Courier") -> None:  # fmt: skip
    store.add_feed(url, title, now=1.0)
    store.merge_entries(url, entries, now=2.0)


def _html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_sync_writes_one_folder_per_feed_and_one_file_per_entry(
    store: WebStore, tmp_path: Path
) -> None:
    _subscribe(store, [_entry(1), _entry(2)])
    shelf = Shelf(tmp_path / "shelf")
    change = shelf.sync(store)
    files = _html_files(shelf.root)
    assert len(files) == 2 and set(change.added) == set(files)
    assert {f.parent.name for f in files} == {"Velmora Courier"}
    # File order is publication order (the name starts with the date).
    assert [f.name[:10] for f in files] == ["2024-05-01", "2024-05-02"]
    found, skipped = find_articles([shelf.root])
    assert sorted(found) == files and not skipped  # the manifest is hidden


def test_sync_is_idempotent_and_writes_only_changed_files(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1), _entry(2)])
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    stamps = {f: f.stat().st_mtime_ns for f in _html_files(shelf.root)}
    os.utime(shelf.root / MANIFEST, ns=(0, 0))
    again = shelf.sync(store)
    assert not again
    assert {f: f.stat().st_mtime_ns for f in _html_files(shelf.root)} == stamps
    # One entry's text changes: only its file is rewritten.
    store.merge_entries(FEED, [_entry(2, content=f"<p>{LONG} Updated.</p>")], now=3.0)
    change = shelf.sync(store)
    assert len(change.changed) == 1 and not change.added and not change.removed
    assert "Updated." in change.changed[0].read_text()


def test_removed_feeds_and_pruned_entries_are_removed(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1)])
    _subscribe(store, [_entry(3, link="https://ledger.example/3")], url=OTHER, title="Ledger")
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    assert {f.parent.name for f in _html_files(shelf.root)} == {"Velmora Courier", "Ledger"}
    store.remove_feed(OTHER)
    change = shelf.sync(store)
    assert len(change.removed) == 1
    assert not (shelf.root / "Ledger").exists()
    store.prune(keep_days=0, now=10**10, keep=lambda key: False)
    assert len(shelf.sync(store).removed) == 1
    assert _html_files(shelf.root) == []


def test_a_partial_sync_touches_only_its_feeds(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1)])
    _subscribe(store, [_entry(3, link="https://ledger.example/3")], url=OTHER, title="Ledger")
    shelf = Shelf(tmp_path / "shelf")
    change = shelf.sync(store, [OTHER])
    assert [p.parent.name for p in change.added] == ["Ledger"]


def test_manifest_gives_each_file_its_url_and_key(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1), _entry(2, link=None, guid="no-link")])
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    keys = {shelf.url_of(path) for path in _html_files(shelf.root)}
    rows = store.entries(FEED)
    assert keys == {row.read_key for row in rows}
    assert "https://courier.example/news/1" in keys
    assert shelf.url_of(tmp_path / "elsewhere.html") is None


def test_same_titles_get_separate_stable_folders(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1)])
    _subscribe(store, [_entry(3, link="https://ledger.example/3")], url=OTHER,
               title="Velmora Courier")  # fmt: skip
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    assert shelf.folder_of(FEED) == shelf.root / "Velmora Courier"
    assert shelf.folder_of(OTHER) == shelf.root / "Velmora Courier (2)"
    store.remove_feed(FEED)
    shelf.sync(store)
    assert shelf.folder_of(OTHER) == shelf.root / "Velmora Courier (2)"  # not renamed


HOSTILE = '../"><script>alert(1)</script>\x1b[31m\u202eevil\u202c/..\\name'


def test_hostile_titles_make_safe_names_and_escaped_documents(
    store: WebStore, tmp_path: Path
) -> None:
    link = 'https://courier.example/a"b<script>'
    _subscribe(store, [_entry(1, title=HOSTILE, link=link, author='"><b>x</b>',
                              image_credit="<i>Credit</i>", image_caption='Cap "q"')],
               title=HOSTILE)  # fmt: skip
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    (path,) = _html_files(shelf.root)
    assert path.parent.parent == shelf.root  # no ../ escaped the shelf
    for name in (path.name, path.parent.name):
        assert not name.startswith(".")
        assert not any(ch in name for ch in '/\\\x1b\u202e\u202c<>"')
    text = path.read_text()
    assert "<script>" not in text.split("<article>")[0]  # the head holds no live markup
    assert "&lt;script&gt;" in text and "&quot;" in text
    article = read_html(path)
    assert "<script>" in article.title and "\x1b" not in article.title
    assert "\u202e" not in article.title


@pytest.mark.parametrize(
    ("title", "expected"),
    [("../../etc/passwd", "etc passwd"), ("...", "Untitled"), ("a\u200bb\tc", "ab c"),
     ("x" * 200, "x" * 60)],
)  # fmt: skip
def test_safe_name(title: str, expected: str) -> None:
    assert safe_name(title) == expected


def test_entry_file_reads_with_its_structure(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1, image_credit="Photograph: Oona Brisk/Velmora Wire",
                              image_caption="The tram depot at dawn")])  # fmt: skip
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    (path,) = _html_files(shelf.root)
    article = read_html(path)
    assert article.title == "Tramline 1 reopens in Velmora"
    assert article.path == str(path)
    assert article.outlet == "Velmora Courier"
    assert [a.name for a in article.authors] == ["Idris Calloway"]
    assert "Timetable" in [s.title for s in article.sections]
    credits = [b for s in article.sections for b in s.blocks if isinstance(b, ImageCredit)]
    assert credits and "Oona Brisk" in (credits[0].credit or "")
    assert credits[0].caption == "The tram depot at dawn"
    assert not file_record(path).summary_only  # type: ignore[union-attr]


def test_teaser_is_marked_summary_only(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1, content=None, summary="Trams return.")])
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    (path,) = _html_files(shelf.root)
    record = file_record(path)
    assert record is not None and record.summary_only
    assert 'name="newsread-summary-only"' in path.read_text()


def test_a_stored_page_is_written_as_its_raw_bytes(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1, content=None, summary="Trams return.")])
    body = "<html><head><title>Tramline</title></head><body><p>Zoë wrote.</p></body></html>"
    store.save_page(PageRow(url="https://courier.example/news/1", final_url="https://courier.example/news/1",
                            content_type="text/html", body=body.encode("latin-1"),
                            fetched_at=5.0, charset="latin-1"))  # fmt: skip
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    (path,) = _html_files(shelf.root)
    assert path.read_bytes() == body.encode("latin-1")
    record = file_record(path)
    assert record is not None and not record.summary_only and record.charset == "latin-1"
    assert "Zoë wrote." in read_html(path).sections[0].blocks[0].text  # type: ignore[union-attr]


def test_opened_pages_folder(store: WebStore, tmp_path: Path) -> None:
    url = "https://ledger.example/story"
    store.save_page(PageRow(url=url, final_url=url, content_type="text/html",
                            body=b"<title>Quay &amp; Mill</title><p>Text.</p>",
                            fetched_at=5.0))  # fmt: skip
    shelf = Shelf(tmp_path / "shelf")
    path = shelf.add_page(store, url)
    assert path is not None and path.parent.name == OPENED and "Quay & Mill" in path.name
    assert shelf.url_of(path) == url
    assert not shelf.sync(store).removed  # a full sync keeps it
    data = json.loads((shelf.root / MANIFEST).read_text())
    assert data["opened_pages"] == [url]


def test_deleted_shelf_is_rebuilt_with_the_same_names(store: WebStore, tmp_path: Path) -> None:
    _subscribe(store, [_entry(1), _entry(2)])
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    names = _html_files(shelf.root)
    import shutil

    shutil.rmtree(shelf.root)
    assert len(shelf.sync(store).added) == 2
    assert _html_files(shelf.root) == names


def test_reading_state_keeps_url_keys_as_they_are(tmp_path: Path) -> None:
    from tui.library.state import ReadingState

    url = "https://courier.example/news/1"
    with ReadingState(tmp_path / "state.sqlite3") as state:
        state.set_read(url)
        state.toggle_bookmark(url)
        state.set_position(url, 3, 1)
        assert state.is_read(url) and state.is_bookmarked(url)
        assert url in state.read_paths() and state.bookmarks() == [url]
        assert state.position(url) == (3, 1)


def test_session_keys_shelf_files_by_url(store: WebStore, tmp_path: Path) -> None:
    from tui.library.session import LibrarySession

    _subscribe(store, [_entry(1)])
    shelf = Shelf(tmp_path / "shelf")
    shelf.sync(store)
    (path,) = _html_files(shelf.root)
    session = LibrarySession([shelf.root])
    session.set_files((path, tmp_path / "plain.txt"))
    assert session.key_of(path) == "https://courier.example/news/1"
    assert session.index_of("https://courier.example/news/1") == 0
    assert session.key_of(tmp_path / "plain.txt") == str(tmp_path / "plain.txt")


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        ("2024-04-01T09:00:00Z", "1 April 2024, 09:00 UTC"),
        ("2024-12-24T18:30:00+01:00", "24 December 2024, 18:30 +0100"),
        ("2024-04-01", "1 April 2024"),
        ("Mon, 01 Apr 2024", "Mon, 01 Apr 2024"),  # not ISO: as the feed gave it
    ],
)
def test_entry_times_are_written_for_readers(stamp: str, shown: str) -> None:
    from tui.web.shelf_html import human_date

    assert human_date(stamp) == shown


def test_the_screen_and_the_shelf_name_the_same_folder() -> None:
    from tui.screens.web_refresh import WebRefresh
    from tui.settings import paths
    from tui.web.shelf import default_root

    assert WebRefresh._root() == default_root() == paths.cache_dir() / "web"


def test_an_entrys_own_markup_cannot_rename_or_redate_it_on_the_shelf() -> None:
    from tui.web.readable import read_page
    from tui.web.shelf_html import entry_document
    from tui.web.types import EntryRow

    planted = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Injected",'
        ' "author": {"name": "Mallory Evil"}, "datePublished": "1999-01-01"}</script>'
        '<meta property="og:title" content="Injected too"><p>The ferry sailed again.</p>'
    )
    row = EntryRow(
        id=1, feed_url="https://courier.example/rss", dedup_key="guid:1", guid="1",
        link="https://courier.example/s/1", canonical_link="https://courier.example/s/1",
        title="Real title </script> here", author="Ana Ruiz", published="2024-01-01T09:00:00Z",
        summary=None, content=planted, content_is_html=True, image_credit=None,
        image_caption=None, first_seen=1.0,
    )  # fmt: skip
    article = read_page(entry_document(row, feed_title="Courier", summary_only=False), row.link)
    assert article.title == "Real title </script> here"
    assert [a.name for a in article.authors] == ["Ana Ruiz"]
    assert article.date is not None and article.date.startswith("2024-01-01")
