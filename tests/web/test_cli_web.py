"""The web on the command line: dump URL, --offline, feeds, refresh, newsread URL.

Everything is served by the local ``web_server`` fixture (127.0.0.1) from invented fixtures in
``tests/web/fixtures/cli``; the data folder is a temporary one (tests/conftest.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.web.server import LocalServer
from tui.cli import main
from tui.web.store import WebStore

FIXTURES = Path(__file__).parent / "fixtures" / "cli"

FEEDS = {
    "/rss.xml": ("rss20.xml", "application/rss+xml"),
    "/atom.xml": ("atom.xml", "application/atom+xml"),
    "/rdf": ("rss10.rdf", "application/rdf+xml"),
    "/feed.json": ("feed.json", "application/feed+json"),
}

STORY = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><article><h1>{title}</h1><p>The whole story of {title}, told at length by the desk in
Westhaven, where the reporter Orla Penrith spoke to everyone involved.</p></article></body></html>
"""


def serve(server: LocalServer) -> None:
    """Route the article page, the four feeds (their links pointing here) and their stories."""
    base = server.url("").rstrip("/")
    server.route("/article.html", body=(FIXTURES / "article.html").read_bytes())
    for path, (name, kind) in FEEDS.items():
        text = (FIXTURES / name).read_text(encoding="utf-8").replace("LINK", base)
        server.route(path, body=text, content_type=kind)
    for slug in ("lighthouse", "market", "choir", "bridge", "orchard", "bus"):
        server.route(f"/story/{slug}", body=STORY.format(title=f"Story {slug}"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def site(web_server: LocalServer) -> LocalServer:
    serve(web_server)
    return web_server


# -- dump ------------------------------------------------------------------------------------


def test_dump_article_page_as_json_keeps_the_url(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.url("/article.html")
    status, out, err = run(capsys, "dump", "--format", "json", url)
    assert (status, err) == (0, "")
    (line,) = out.splitlines()
    data = json.loads(line)
    assert data["file"] == url
    assert "Ferry to Kelmarsh Isle" in data["title"]


@pytest.mark.parametrize(
    ("path", "titles"),
    [
        ("/rss.xml", ["Story lighthouse", "Story market"]),
        ("/rdf", ["Story bridge"]),
        # The Atom entry and the first JSON Feed item carry their whole text: read as is.
        ("/atom.xml", ["Brackenford choir wins county prize"]),
        ("/feed.json", ["Thornmere orchard reopens to visitors", "Story bus"]),
    ],
)
def test_dump_feed_gives_one_article_per_entry(
    site: LocalServer, capsys: pytest.CaptureFixture[str], path: str, titles: list[str]
) -> None:
    status, out, err = run(capsys, "dump", "--format", "json", site.url(path))
    assert (status, err) == (0, "")
    found = [json.loads(line) for line in out.splitlines()]
    assert [data["title"] for data in found] == titles
    # The `file` key of an entry is the entry's own address.
    assert all(data["file"].startswith(site.url("/story/")) for data in found)


def test_fetch_full_article_never_reads_the_feeds_text(
    site: LocalServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "never.toml"
    config.write_text('[web]\nfetch_full_article = "never"\n', encoding="utf-8")
    status, out, _ = run(
        capsys, "--config", str(config), "dump", "--format", "json", site.url("/rss.xml")
    )
    assert status == 0
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        "Lighthouse keeper retires after forty years",
        "Market square to close for resurfacing",
    ]
    assert site.hits("/story/lighthouse") == 0


def test_dump_mixes_files_and_urls_in_order(
    site: LocalServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Quiet week at Harlow Fen\n\nNothing happened at all.\n", encoding="utf-8")
    status, out, _ = run(capsys, "dump", "--format", "json", str(note), site.url("/article.html"))
    assert status == 0
    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert files == [str(note), site.url("/article.html")]


def test_dump_failure_is_one_line_and_the_rest_still_print(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "dump", site.url("/missing"), site.url("/article.html"))
    assert status == 1
    assert "Ferry to Kelmarsh Isle" in out
    (line,) = err.splitlines()
    assert line.startswith(f"newsread: {site.url('/missing')}: ") and "404" in line


def test_offline_answers_from_the_store_after_the_server_stops(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page, feed = site.url("/article.html"), site.url("/rss.xml")
    _, online, _ = run(capsys, "dump", page, feed)
    site.stop()
    status, offline, err = run(capsys, "dump", "--offline", page, feed)
    assert (status, err) == (0, "")
    assert offline == online


def test_offline_with_nothing_stored_is_one_clear_line(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "dump", "--offline", site.url("/article.html"))
    assert status == 1 and out == ""
    (line,) = err.splitlines()
    assert "nothing stored for this address" in line
    assert site.hits("/article.html") == 0


def test_only_http_and_https_are_fetched(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "feeds", "add", "file:///etc/passwd")
    assert status == 1
    assert "only http and https addresses are fetched" in err


# -- feeds -----------------------------------------------------------------------------------


def test_feeds_add_list_export_remove_import_round_trip(
    site: LocalServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rss, atom = site.url("/rss.xml"), site.url("/atom.xml")
    status, out, _ = run(capsys, "feeds", "add", rss)
    assert status == 0 and out == f"subscribed: Westhaven Courier ({rss}), 2 entries\n"
    assert run(capsys, "feeds", "add", atom, "--title", "Gazette")[0] == 0
    assert run(capsys, "feeds", "add", rss)[2] == f"newsread: {rss}: already subscribed\n"
    _, listed, _ = run(capsys, "feeds", "list")
    assert listed.splitlines() == [f"{rss}  Westhaven Courier", f"{atom}  Gazette"]
    _, opml, _ = run(capsys, "feeds", "export")
    assert f'xmlUrl="{rss}"' in opml and 'title="Gazette"' in opml
    assert run(capsys, "feeds", "remove", rss)[1] == f"unsubscribed: {rss}\n"
    assert run(capsys, "feeds", "remove", rss)[0] == 1
    exported = tmp_path / "mine.opml"
    exported.write_text(opml, encoding="utf-8")
    status, out, _ = run(capsys, "feeds", "import", str(exported))
    assert status == 0 and out.startswith("imported 1 feed(s)") and "1 skipped" in out
    _, listed, _ = run(capsys, "feeds", "list")
    assert listed.splitlines() == [f"{atom}  Gazette", f"{rss}  Westhaven Courier"]


def test_feeds_add_of_a_page_subscribes_to_the_feed_it_links(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page, feed = site.url("/article.html"), site.url("/rss.xml")
    status, out, _ = run(capsys, "feeds", "add", page)
    assert status == 0
    assert out.splitlines() == [
        f"{page} is a page; it links the feed {feed}",
        f"subscribed: Westhaven Courier ({feed}), 2 entries",
    ]
    with WebStore() as store:
        assert [row.url for row in store.feeds()] == [feed]


def test_import_of_a_broken_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline", encoding="utf-8")
    status, _, err = run(capsys, "feeds", "import", str(bad))
    assert status == 1 and len(err.splitlines()) == 1 and str(bad) in err


# -- refresh ---------------------------------------------------------------------------------


def test_refresh_reports_each_feed_and_defers_after_retry_after(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    site.route("/gone.xml", status=404, body="no")
    site.route("/busy.xml", status=429, retry_after="3600", body="slow down")
    for path in ("/rss.xml", "/gone.xml", "/busy.xml"):
        with WebStore() as store:
            store.add_feed(site.url(path))
    status, out, err = run(capsys, "refresh")
    assert status == 0
    assert "updated      Westhaven Courier (2 new" in out
    assert out.splitlines()[-1].startswith("3 feed(s): 1 updated, 0 not modified, 2 failed; 2 new")
    failed = err.splitlines()
    assert len(failed) == 2
    assert any(site.url("/gone.xml") in line and "404" in line for line in failed)
    assert any(site.url("/busy.xml") in line and "429" in line for line in failed)
    assert "Traceback" not in err
    # The next run asks nothing of the busy server until its hour is up.
    status, out, err = run(capsys, "refresh")
    assert site.hits("/busy.xml") == 1 and site.hits("/gone.xml") == 2
    assert "deferred" in out and "next try in 60 min" in out
    # The RSS route sends no validators, so it is fetched again (nothing new).
    assert out.splitlines()[-1].startswith(
        "3 feed(s): 1 updated, 0 not modified, 1 failed, 1 deferred; 0 new"
    )


def test_not_modified_keeps_the_entries(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "atom.xml").read_text(encoding="utf-8").replace("LINK", site.url(""))
    site.route("/atom.xml", body=text, content_type="application/atom+xml", etag='"v1"')
    url = site.url("/atom.xml")
    with WebStore() as store:
        store.add_feed(url)
    assert run(capsys, "refresh")[0] == 0
    status, out, _ = run(capsys, "refresh")
    assert status == 0 and "not-modified" in out
    assert site.requests("/atom.xml")[1].headers["if-none-match"] == '"v1"'
    with WebStore() as store:
        assert [entry.title for entry in store.entries(url)] == [
            "Brackenford choir wins county prize"
        ]


def test_refresh_with_every_feed_failing_exits_1(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    with WebStore() as store:
        store.add_feed(site.url("/nothing.xml"))
    status, _, err = run(capsys, "refresh")
    assert status == 1 and "404" in err


def test_refresh_without_feeds_says_how_to_add_one(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "refresh")
    assert status == 1 and "newsread feeds add URL" in err


# -- newsread URL ----------------------------------------------------------------------------


def test_newsread_url_stores_the_page_and_opens_it_in_the_app(
    site: LocalServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import NewsreadApp
    from tui.library.state import ReadingState
    from tui.web.shelf import OPENED, Shelf

    started: list[tuple[Path, ...]] = []
    monkeypatch.setattr(NewsreadApp, "run", lambda app, **_: started.append(app.paths))
    url = site.url("/article.html")
    status, _, err = run(capsys, url)
    assert status == 0, err
    shelf = Shelf()
    assert started == [(shelf.root,)]
    with ReadingState() as state:
        last = state.last_opened()
    assert last is not None and Path(last).parent.name == OPENED
    assert shelf.url_of(last) == url and "Ferry to Kelmarsh Isle" in Path(last).name
    with WebStore() as store:
        assert store.page(url) is not None


def test_newsread_url_that_fails_does_not_start_the_app(
    site: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, site.url("/missing.html"))
    assert status == 1 and "404" in err


# -- opening files never loads the web libraries ---------------------------------------------


def test_dump_of_a_file_imports_no_web_library(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Harlow Fen news\n\nThe fen flooded again.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"status = main(['dump', {str(note)!r}])\n"
        "loaded = sorted(m for m in ('urllib3', 'feedparser', 'lxml') if m in sys.modules)\n"
        "print('LOADED', loaded, status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "LOADED [] 0"


def test_dump_of_an_address_with_a_broken_config_exits_2_and_fetches_nothing(
    site: LocalServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[web]\ntotal_timeout = 3\nconnect_timeout = 9\n", encoding="utf-8")
    with pytest.raises(SystemExit) as ended:
        main(["--config", str(config), "dump", site.url("/story/lighthouse")])
    assert ended.value.code == 2
    assert "connect_timeout (9) is longer than total_timeout (3)" in capsys.readouterr().err
    assert site.hits("/story/lighthouse") == 0


def test_a_missing_config_named_on_the_command_line_stops_refresh_with_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "--config", str(tmp_path / "nope.toml"), "refresh")
    assert status == 2
    assert "nope.toml: no such config file" in err


def test_newsread_url_with_a_broken_config_exits_2_and_reports_every_problem(
    site: LocalServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[web]\nmax_mb = 0\nkeep_days = -1\n", encoding="utf-8")
    status = main(["--config", str(config), site.url("/story/lighthouse")])
    err = capsys.readouterr().err
    assert status == 2
    assert '"max_mb"' in err and '"keep_days"' in err and "␊" not in err
    assert site.hits("/story/lighthouse") == 0
