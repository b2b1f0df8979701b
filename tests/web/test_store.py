"""The web store: feeds, entries (dedup, updates, order), pages, pruning, threads and faults."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.settings import paths
from tui.web.store import WebStore, dedup_key
from tui.web.types import FeedEntry, FetchError, PageRow, Validators

FEED = "https://courier.example/feeds/all.rss"
DAY = 86400.0


@pytest.fixture
def store(tmp_path: Path) -> WebStore:
    with WebStore(tmp_path / "web.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def _e(title: str = "t", **fields: object) -> FeedEntry:
    return FeedEntry(title=title, **fields)  # type: ignore[arg-type]


def test_default_path_is_in_the_data_dir_and_created() -> None:
    with WebStore() as store:
        assert store.path == paths.data_dir() / "web.sqlite3"
        assert store.add_feed(FEED)
    assert store.path.is_file()


def test_feeds_add_remove_and_record_fetch(store: WebStore) -> None:
    assert store.add_feed(FEED, "Courier", now=1.0)
    assert not store.add_feed(FEED, now=2.0)
    assert store.add_feed("https://notes.example/atom.xml", now=3.0)
    with pytest.raises(FetchError):
        store.add_feed("javascript:alert(1)")
    assert [f.url for f in store.feeds()] == [FEED, "https://notes.example/atom.xml"]
    assert store.record_fetch(
        FEED, refreshed_at=10.0, title="Feed's own", validators=Validators('"v1"', "Mon")
    )
    row = store.feed(FEED)
    assert row is not None
    assert (row.title, row.last_refresh, row.validators) == (
        "Courier",
        10.0,
        Validators('"v1"', "Mon"),
    )
    store.record_fetch(FEED, refreshed_at=20.0, error="HTTP 503", next_try=80.0)
    row = store.feed(FEED)
    assert row is not None
    # No validators given: the stored ones stay for the next conditional GET.
    assert (row.validators.etag, row.last_error, row.next_try) == ('"v1"', "HTTP 503", 80.0)
    assert not store.record_fetch("https://unknown.example/f", refreshed_at=1.0)
    store.merge_entries(FEED, [_e(guid="a")], now=1.0)
    assert store.remove_feed(FEED) and not store.remove_feed(FEED)
    assert store.entries(FEED) == [] and store.feed(FEED) is None


@pytest.mark.parametrize(
    ("entry", "key"),
    [
        (_e(guid="g1", link="https://a.example/x"), "guid:g1"),
        (_e(link="https://A.example/x?utm_source=rss#c"), "link:https://a.example/x"),
        (_e("Title", content="body"), None),
    ],
)
def test_dedup_key_prefers_guid_then_link_then_hash(entry: FeedEntry, key: str | None) -> None:
    found = dedup_key(entry)
    assert found == key if key else found.startswith("hash:")


def test_dedup_by_guid_then_link_then_hash(store: WebStore) -> None:
    first = [
        _e("one", guid="g1", link="https://a.example/1"),
        _e("two", link="https://a.example/2?utm_source=rss"),
        _e("three", content="<p>text</p>"),
    ]
    assert store.merge_entries(FEED, first, now=100.0) == 3
    again = [
        _e("one, edited", guid="g1", link="https://a.example/1-moved"),  # same guid
        _e("two, edited", link="https://a.example/2"),  # same canonical link
        _e("three", content="<p>text</p>"),  # same title and content
        _e("four", guid="g4"),
    ]
    assert store.merge_entries(FEED, again, now=200.0) == 1
    rows = {row.title: row for row in store.entries(FEED)}
    assert set(rows) == {"one, edited", "two, edited", "three", "four"}
    # An updated entry keeps when it was first seen.
    assert rows["one, edited"].first_seen == 100.0
    assert rows["one, edited"].link == "https://a.example/1-moved"
    assert rows["four"].first_seen == 200.0
    # The same entry in another feed is another entry.
    assert store.merge_entries("https://other.example/f", first[:1], now=300.0) == 1


def test_entries_newest_first_and_lookups(store: WebStore) -> None:
    store.merge_entries(
        FEED,
        [
            _e("old", guid="1", published="2024-01-01T00:00:00Z"),
            _e("undated", guid="2"),
            _e("new", guid="3", published="2024-06-01T00:00:00Z", link="https://a.example/n"),
        ],
        now=1.0e9,  # 2001: before both dates
    )
    rows = store.entries(FEED)
    assert [row.title for row in rows] == ["new", "old", "undated"]
    assert store.entry(rows[0].id) == rows[0]
    assert store.entry(-1) is None
    assert [r.title for r in store.entries_by_link("https://a.example/n?utm_medium=x")] == ["new"]
    assert rows[0].read_key == "https://a.example/n"
    assert rows[2].read_key == f"{FEED}#guid:2"
    assert rows[0].to_entry() == _e(
        "new", guid="3", published="2024-06-01T00:00:00Z", link="https://a.example/n"
    )


def test_pages_by_url_final_url_or_canonical(store: WebStore) -> None:
    page = PageRow(
        url="https://a.example/short",
        final_url="https://a.example/story?id=7",
        content_type="text/html",
        body=b"<p>\x00raw bytes\xff</p>",
        fetched_at=5.0,
        charset="utf-8",
        validators=Validators("e", None),
    )
    store.save_page(page)
    for asked in (
        "https://a.example/short",
        "https://a.example/story?id=7",
        "https://A.example/story?id=7&utm_source=rss#top",
    ):
        found = store.page(asked)
        assert found is not None and found.body == page.body
        assert found.canonical_url == "https://a.example/story?id=7"
    assert store.page("https://a.example/other") is None


def test_prune_spares_kept_entries_and_linked_pages(store: WebStore) -> None:
    now = 100 * DAY
    store.merge_entries(
        FEED,
        [_e("unread", link="https://a.example/u"), _e("read", link="https://a.example/r")],
        now=now - 40 * DAY,
    )
    store.merge_entries(FEED, [_e("fresh", link="https://a.example/f")], now=now - DAY)
    for url, at in [
        ("https://a.example/u", 0.0),
        ("https://a.example/gone", 0.0),
        ("https://a.example/marked", 0.0),
        ("https://a.example/f", 0.0),
    ]:
        store.save_page(PageRow(url, url, "text/html", b"x", at))
    kept = {"https://a.example/u", "https://a.example/marked"}
    removed = store.prune(keep_days=30, now=now, keep=kept.__contains__)
    assert sorted(row.title for row in store.entries(FEED)) == ["fresh", "unread"]
    assert store.page("https://a.example/gone") is None
    # Kept, or linked by a remaining entry: the page stays.
    assert all(
        store.page(u)
        for u in ("https://a.example/u", "https://a.example/marked", "https://a.example/f")
    )
    assert removed == 2  # the read entry and the page nothing refers to


_entries = st.lists(
    st.builds(
        FeedEntry,
        title=st.text(max_size=20),
        guid=st.none() | st.text(max_size=5),
        link=st.none() | st.sampled_from(["https://a.example/1", "https://a.example/2?utm_x=1"]),
        content=st.none() | st.text(max_size=20),
    ),
    max_size=12,
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=_entries)
def test_merging_twice_adds_nothing(tmp_path: Path, batch: list[FeedEntry]) -> None:
    with WebStore(tmp_path / f"p{os.getpid()}-{threading.get_ident()}.sqlite3") as store:
        store.remove_feed(FEED)
        first = store.merge_entries(FEED, batch, now=1.0)
        count = len(store.entries(FEED))
        assert first == count == len({dedup_key(e) for e in batch})
        assert store.merge_entries(FEED, batch, now=2.0) == 0
        assert len(store.entries(FEED)) == count
        assert all(row.first_seen == 1.0 for row in store.entries(FEED))


def test_threads_merge_without_losing_entries(store: WebStore) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for batch in range(5):
                entries = [_e(guid=f"{n}-{batch}-{i}") for i in range(20)]
                store.merge_entries(f"https://f{n}.example/", entries, now=float(batch))
                store.entries(f"https://f{n}.example/")
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(len(store.entries(f"https://f{n}.example/")) == 100 for n in range(4))


def test_two_stores_on_one_file_see_each_other(tmp_path: Path) -> None:
    path = tmp_path / "web.sqlite3"
    with WebStore(path) as one, WebStore(path) as two:
        one.add_feed(FEED)
        assert [f.url for f in two.feeds()] == [FEED]


@pytest.mark.parametrize("junk", [b"this is not a database at all" * 200, b""])
def test_damaged_file_is_set_aside(tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "web.sqlite3"
    content = junk or b"SQLite format 3\x00" + b"\xff" * 4000  # a header, then garbage
    path.write_bytes(content)
    told: list[str] = []
    with WebStore(path, report=told.append) as store:
        assert store.feeds() == []
        assert store.add_feed(FEED)
        backup = store.recovered_from
    assert backup is not None and backup.read_bytes() == content
    assert len(told) == 1 and "set aside" in told[0]
    with WebStore(path) as again:
        assert [f.url for f in again.feeds()] == [FEED]


def test_other_schema_version_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "web.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '99')")
    conn.commit()
    conn.close()
    with WebStore(path) as store:
        assert store.feeds() == []
        assert store.recovered_from is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_goes_on_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with WebStore(folder / "web.sqlite3") as store:
        store.add_feed(FEED)
    folder.chmod(0o500)
    (folder / "web.sqlite3").chmod(0o400)
    told: list[str] = []
    try:
        with WebStore(folder / "web.sqlite3", report=told.append) as store:
            assert [f.url for f in store.feeds()] == [FEED]  # the file's data, copied
            assert store.add_feed("https://notes.example/atom.xml")  # kept in memory
            assert len(store.feeds()) == 2
            assert store.problem is not None and len(told) == 1
    finally:
        folder.chmod(0o700)
        (folder / "web.sqlite3").chmod(0o600)


def test_a_folder_in_the_files_place_goes_on_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "web.sqlite3"
    path.mkdir()
    told: list[str] = []
    with WebStore(path, report=told.append) as store:
        assert store.add_feed(FEED)
        assert [f.url for f in store.feeds()] == [FEED]
        assert store.problem and told
    assert path.is_dir()  # never moved or deleted


def test_a_full_disk_mid_session_goes_on_in_memory(tmp_path: Path) -> None:
    told: list[str] = []
    with WebStore(tmp_path / "web.sqlite3", report=told.append) as store:
        store.add_feed(FEED)
        store.merge_entries(FEED, [_e("before", guid="0")], now=1.0)
        # SQLite answers SQLITE_FULL once the file may not grow: a full disk, as it sees it.
        store._db.run(lambda conn: conn.execute("PRAGMA max_page_count = 1"))
        big = [_e(f"big {i}", guid=str(i), content="x" * 20_000) for i in range(1, 20)]
        assert store.merge_entries(FEED, big, now=2.0) == 19
        assert len(store.entries(FEED)) == 20  # what was on disk, and the new ones in memory
        assert store.problem == "the disk is full"
        assert told == ["the disk is full; what is fetched now is kept until newsread quits"]
    with WebStore(tmp_path / "web.sqlite3") as again:
        assert [row.title for row in again.entries(FEED)] == ["before"]  # the file is intact


def test_a_big_batch_counts_new_entries_once(store: WebStore) -> None:
    # 1,200 entries cross the 500-key chunks of the "already stored" query; a repeat inside
    # the batch and entries stored before are not new.
    feed = "https://courier.example/rss"
    batch = [FeedEntry(title=f"t{n}", guid=f"g{n}") for n in range(1200)]
    assert store.merge_entries(feed, batch[:700:2], now=1.0) == 350
    assert store.merge_entries(feed, [*batch, batch[0]], now=2.0) == 850
    assert len(store.entries(feed)) == 1200
    assert store.merge_entries("https://other.example/rss", batch[:3], now=3.0) == 3


@pytest.mark.parametrize(
    ("published", "seconds"),
    [
        ("2024-01-02T03:04:05Z", 1704164645.0),
        ("2024-02-30T00:00:00Z", None),  # no such day
        ("2016-12-31T23:59:60Z", 1483228800.0),  # a leap second, as strptime reads it
        ("2024-1-2T3:4:5Z", 1704164645.0),  # not padded: strptime still reads it
        ("yesterday", None),
    ],
)
def test_publication_time_orders_entries(
    store: WebStore, published: str, seconds: float | None
) -> None:
    feed = "https://courier.example/rss"
    store.merge_entries(feed, [FeedEntry(title="t", guid="g", published=published)], now=99.0)
    (row,) = store._query("SELECT sort_time FROM entries WHERE feed_url = ?", (feed,))
    assert row[0] == (seconds if seconds is not None else 99.0)
