"""Fetcher against the local server: headers, conditional GET, redirects, statuses, refusals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.server import LocalServer
from tui.web.fetch import DEFAULT_ACCEPT, Fetcher
from tui.web.types import FetchError, FetchLimits, Validators

FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
    "<title>The Varnholt Courier</title><item><title>Ferry to Ostrelle resumes</title>"
    "<link>http://127.0.0.1/ferry</link></item></channel></rss>"
)
LAST_MODIFIED = "Tue, 03 Mar 2026 08:15:00 GMT"


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchLimits(total_timeout=5.0)) as made:
        yield made


def test_sends_user_agent_accept_and_accept_encoding(
    web_server: LocalServer, fetcher: Fetcher
) -> None:
    web_server.route("/feed.xml", body=FEED, content_type="application/rss+xml")
    result = fetcher.get(web_server.url("/feed.xml"))
    (seen,) = web_server.requests("/feed.xml")
    assert seen.headers["user-agent"] == FetchLimits().user_agent
    assert seen.headers["user-agent"].startswith("newsread/")
    assert seen.headers["accept"] == DEFAULT_ACCEPT
    assert seen.headers["accept-encoding"] == "gzip, deflate"
    assert "if-none-match" not in seen.headers
    assert result.status == 200
    assert result.body == FEED.encode()
    assert result.content_type == "application/rss+xml"
    assert result.final_url == result.url == web_server.url("/feed.xml")


def test_user_agent_and_accept_can_be_replaced(web_server: LocalServer) -> None:
    web_server.route("/page", body="<p>Harbour news</p>")
    with Fetcher(FetchLimits(user_agent="Kestrel/2.1")) as fetcher:
        fetcher.get(web_server.url("/page"), accept="text/html")
    (seen,) = web_server.requests("/page")
    assert seen.headers["user-agent"] == "Kestrel/2.1"
    assert seen.headers["accept"] == "text/html"


def test_conditional_get_sends_validators_and_304_has_empty_body(
    web_server: LocalServer, fetcher: Fetcher
) -> None:
    web_server.route(
        "/feed.xml",
        body=FEED,
        content_type="application/rss+xml",
        etag='"issue-41"',
        last_modified=LAST_MODIFIED,
    )
    first = fetcher.get(web_server.url("/feed.xml"))
    assert first.validators == Validators(etag='"issue-41"', last_modified=LAST_MODIFIED)
    assert not first.not_modified

    second = fetcher.get(web_server.url("/feed.xml"), validators=first.validators)
    seen = web_server.requests("/feed.xml")[1]
    assert seen.headers["if-none-match"] == '"issue-41"'
    assert seen.headers["if-modified-since"] == LAST_MODIFIED
    assert second.status == 304
    assert second.not_modified
    assert second.body == b""
    assert second.validators == first.validators


def test_changed_feed_answers_200_with_new_validators(
    web_server: LocalServer, fetcher: Fetcher
) -> None:
    web_server.route("/feed.xml", body=FEED, etag='"issue-42"')
    result = fetcher.get(web_server.url("/feed.xml"), validators=Validators(etag='"issue-41"'))
    assert result.status == 200
    assert result.body == FEED.encode()
    assert result.validators.etag == '"issue-42"'


def test_last_modified_alone_gives_304(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/feed.xml", body=FEED, last_modified=LAST_MODIFIED)
    result = fetcher.get(
        web_server.url("/feed.xml"), validators=Validators(last_modified=LAST_MODIFIED)
    )
    assert result.status == 304


def test_validators_with_line_breaks_are_not_sent(
    web_server: LocalServer, fetcher: Fetcher
) -> None:
    web_server.route("/feed.xml", body=FEED)
    fetcher.get(web_server.url("/feed.xml"), validators=Validators(etag='"a"\r\nX-Evil: 1'))
    assert "if-none-match" not in web_server.requests("/feed.xml")[0].headers


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_followed_and_final_url_is_the_last(
    web_server: LocalServer, fetcher: Fetcher, status: int
) -> None:
    web_server.route("/old", redirect="/middle", status=status)
    web_server.route("/middle", redirect=web_server.url("/new"), status=status)
    web_server.route("/new", body="<p>Moved to Quay Street</p>")
    result = fetcher.get(web_server.url("/old"))
    assert result.url == web_server.url("/old")
    assert result.final_url == web_server.url("/new")
    assert result.body == b"<p>Moved to Quay Street</p>"
    assert [web_server.hits(p) for p in ("/old", "/middle", "/new")] == [1, 1, 1]


def test_redirects_are_capped(web_server: LocalServer) -> None:
    for hop in range(4):
        web_server.route(f"/hop{hop}", redirect=f"/hop{hop + 1}")
    web_server.route("/hop4", body="end")
    with Fetcher(FetchLimits(max_redirects=3)) as fetcher:
        with pytest.raises(FetchError, match="too many redirects") as caught:
            fetcher.get(web_server.url("/hop0"))
        assert web_server.hits("/hop4") == 0
        assert caught.value.url == web_server.url("/hop0")
    with Fetcher(FetchLimits(max_redirects=4)) as fetcher:
        assert fetcher.get(web_server.url("/hop0")).body == b"end"


def test_redirect_loop_is_refused(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/loop", redirect="/loop")
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(web_server.url("/loop"))
    assert web_server.hits("/loop") == fetcher.limits.max_redirects + 1


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "data:text/html,<p>x</p>"]
)
def test_redirect_to_another_scheme_is_refused(
    web_server: LocalServer, fetcher: Fetcher, target: str
) -> None:
    web_server.route("/sly", redirect=target)
    with pytest.raises(FetchError, match="redirected to a refused address"):
        fetcher.get(web_server.url("/sly"))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/plain,hi", "javascript:x"]
)
def test_only_http_and_https_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get(url)
    assert fetcher._manager is None  # refused before any pool (or import) was made


@pytest.mark.parametrize(
    ("status", "reason"),
    [(404, "HTTP 404 Not Found"), (410, "HTTP 410 Gone"), (500, "HTTP 500 Internal Server Error")],
)
def test_error_statuses_raise_with_reason_and_status(
    web_server: LocalServer, fetcher: Fetcher, status: int, reason: str
) -> None:
    web_server.route("/gone", status=status, body="<h1>Nothing at Ostrelle</h1>")
    with pytest.raises(FetchError) as caught:
        fetcher.get(web_server.url("/gone"))
    assert caught.value.reason == reason
    assert caught.value.status == status
    assert caught.value.retry_after is None


def test_unknown_path_of_the_test_server_is_404(web_server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.get(web_server.url("/nowhere"))
    assert caught.value.status == 404


def test_server_reason_phrase_is_not_echoed(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/odd", status=599)
    with pytest.raises(FetchError) as caught:
        fetcher.get(web_server.url("/odd"))
    assert caught.value.reason == "HTTP 599"


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_carried_not_slept(
    web_server: LocalServer, fetcher: Fetcher, status: int
) -> None:
    import time

    web_server.route("/busy", status=status, retry_after="120")
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.get(web_server.url("/busy"))
    assert time.monotonic() - started < 2
    assert caught.value.status == status
    assert caught.value.retry_after == 120.0
    assert web_server.hits("/busy") == 1  # no retry either


def test_retry_after_is_ignored_on_other_statuses(
    web_server: LocalServer, fetcher: Fetcher
) -> None:
    web_server.route("/teapot", status=418, retry_after="30")
    with pytest.raises(FetchError) as caught:
        fetcher.get(web_server.url("/teapot"))
    assert caught.value.retry_after is None


@pytest.mark.parametrize(
    ("header", "media", "charset"),
    [
        ("text/html; charset=ISO-8859-1", "text/html", "iso-8859-1"),
        ('application/atom+xml; type=feed; charset="utf-8"', "application/atom+xml", "utf-8"),
        ("Application/RSS+XML", "application/rss+xml", None),
        (None, "", None),
    ],
)
def test_content_type_and_charset(
    web_server: LocalServer, fetcher: Fetcher, header: str | None, media: str, charset: str | None
) -> None:
    web_server.route("/typed", body="Nørrevik", content_type=header)
    result = fetcher.get(web_server.url("/typed"))
    assert (result.content_type, result.charset) == (media, charset)


def test_connection_is_reused_between_requests(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/a", body="one")
    web_server.route("/missing", status=404, body="none")
    for _ in range(3):
        fetcher.get(web_server.url("/a"))
        with pytest.raises(FetchError):
            fetcher.get(web_server.url("/missing"))
    assert web_server.peak_connections == 1


def test_proxy_receives_absolute_targets(web_server: LocalServer) -> None:
    web_server.route("/wire/ferry", body="<p>Ferry news</p>")
    with Fetcher(FetchLimits(proxy=web_server.base_url)) as fetcher:
        result = fetcher.get("http://courier.varnholt.test/wire/ferry")
    (seen,) = web_server.requests("/wire/ferry")
    assert seen.target == "http://courier.varnholt.test/wire/ferry"
    assert seen.headers["host"] == "courier.varnholt.test"
    assert result.body == b"<p>Ferry news</p>"
