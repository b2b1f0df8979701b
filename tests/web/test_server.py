"""The local test server itself, through the standard library's client (so a Fetcher bug
cannot hide a server bug)."""

from __future__ import annotations

import gzip
import http.client
import time
import urllib.error
import urllib.request

import pytest

from tests.web.server import LocalServer


def _get(
    server: LocalServer, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_routes_answer_and_are_counted(web_server: LocalServer) -> None:
    web_server.route("/feed.xml", body="<rss/>", content_type="application/rss+xml")
    status, headers, body = _get(web_server, "/feed.xml", {"X-Probe": "Ilse"})
    assert (status, body) == (200, b"<rss/>")
    assert headers["Content-Type"] == "application/rss+xml"
    assert web_server.hits("/feed.xml") == 1
    assert web_server.requests("/feed.xml")[0].headers["x-probe"] == "Ilse"
    assert web_server.url("/feed.xml") == f"http://127.0.0.1:{web_server.port}/feed.xml"


def test_unknown_path_is_404(web_server: LocalServer) -> None:
    assert _get(web_server, "/nowhere")[0] == 404
    assert web_server.hits("/nowhere") == 1


def test_304_when_validators_match(web_server: LocalServer) -> None:
    web_server.route("/f", body="v1", etag='"e1"', last_modified="Mon, 02 Mar 2026 10:00:00 GMT")
    assert _get(web_server, "/f", {"If-None-Match": '"e1"'})[0] == 304
    assert _get(web_server, "/f", {"If-Modified-Since": "Mon, 02 Mar 2026 10:00:00 GMT"})[0] == 304
    status, headers, body = _get(web_server, "/f", {"If-None-Match": '"e0"'})
    assert (status, headers["ETag"], body) == (200, '"e1"', b"v1")


def test_gzip_redirect_and_retry_after(web_server: LocalServer) -> None:
    web_server.route("/z", body="squeezed", encoding="gzip")
    status, headers, body = _get(web_server, "/z")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == b"squeezed"
    web_server.route("/old", redirect="/z")
    status, headers, _ = _get(web_server, "/old")
    assert (status, headers["Location"]) == (302, "/z")
    web_server.route("/busy", status=429, retry_after="30")
    status, headers, _ = _get(web_server, "/busy")
    assert (status, headers["Retry-After"]) == (429, "30")


def test_chunked_and_trickled_body(web_server: LocalServer) -> None:
    web_server.route("/c", body=b"abcdef", framing="chunked", trickle=(2, 0.1))
    started = time.monotonic()
    status, headers, body = _get(web_server, "/c")
    assert (status, body, headers["Transfer-Encoding"]) == (200, b"abcdef", "chunked")
    assert time.monotonic() - started >= 0.2


def test_stop_makes_the_host_offline(web_server: LocalServer) -> None:
    web_server.route("/p", body="here")
    with urllib.request.urlopen(web_server.url("/p"), timeout=5) as answer:
        assert answer.read() == b"here"
    web_server.stop()
    web_server.stop()  # twice is fine
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(web_server.url("/p"), timeout=5)
