"""Fetcher's bounds against the local server: decoding and the size cap, the deadline, the
per-host limit, and failures (offline, refused, TLS, connect timeout)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator

import pytest

from tests.web.server import LocalServer
from tui.web.fetch import Fetcher
from tui.web.types import FetchError, FetchLimits

MB = 1024 * 1024
PAGE = ("<p>The harbourmaster of Kelderwick, Ilse Marrow, counted the boats.</p>\n" * 400).encode()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchLimits(total_timeout=5.0, max_bytes=MB)) as made:
        yield made


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
@pytest.mark.parametrize("framing", ["length", "chunked", "close"])
def test_compressed_bodies_are_decoded(
    web_server: LocalServer, fetcher: Fetcher, encoding: str, framing: str
) -> None:
    web_server.route("/page", body=PAGE, encoding=encoding, framing=framing)  # type: ignore[arg-type]
    assert fetcher.get(web_server.url("/page")).body == PAGE


def test_unknown_content_encoding_is_refused(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/br", body=b"\x1b\x03", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        fetcher.get(web_server.url("/br"))


def test_damaged_gzip_is_refused(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/broken", body=b"plain text, not gzip", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="damaged gzip data"):
        fetcher.get(web_server.url("/broken"))


def test_gzip_bomb_is_refused_without_inflating_it(
    web_server: LocalServer, fetcher: Fetcher
) -> None:
    wire = len(web_server.route("/bomb", body=b"\0" * (10 * MB), encoding="gzip").body)
    assert wire < 64 * 1024  # the bomb is small on the wire
    web_server.route("/warm", body="warm")
    fetcher.get(web_server.url("/warm"))  # urllib3 imported and pooled before measuring
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="larger than 1 MB") as caught:
            fetcher.get(web_server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.status is None
    assert peak < 4 * MB  # at most the cap was inflated, not the 10 MB


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_body_over_the_cap_is_refused_while_streaming(
    web_server: LocalServer, fetcher: Fetcher, encoding: str | None
) -> None:
    # Chunked: no Content-Length to refuse it early, so the count while reading must.
    web_server.route("/big", body=b"a" * (MB + 1), framing="chunked", encoding=encoding)  # type: ignore[arg-type]
    with pytest.raises(FetchError, match="larger than 1 MB"):
        fetcher.get(web_server.url("/big"))


def test_body_at_the_cap_is_accepted(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/full", body=b"b" * MB, framing="chunked", encoding="gzip")
    assert len(fetcher.get(web_server.url("/full")).body) == MB


def test_content_length_over_the_cap_is_refused_before_reading(
    web_server: LocalServer, fetcher: Fetcher
) -> None:
    # The body only comes after 5 s: refusing at once shows it was never waited for.
    web_server.route("/huge", body=b"c" * (2 * MB), delay=5.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="larger than 1 MB"):
        fetcher.get(web_server.url("/huge"))
    assert time.monotonic() - started < 2.0


def test_cap_is_stated_in_megabytes(web_server: LocalServer) -> None:
    web_server.route("/big", body=b"d" * MB)
    with Fetcher(FetchLimits(max_bytes=MB // 2)) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(web_server.url("/big"))
    assert caught.value.reason == "larger than 0.5 MB"


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_trickle_is_cut_off_at_the_deadline(web_server: LocalServer, framing: str) -> None:
    # One byte every 0.2 s: each read succeeds within any read timeout, only a deadline stops it.
    web_server.route("/slow", body=b"x" * 100, trickle=(1, 0.2), framing=framing)  # type: ignore[arg-type]
    with Fetcher(FetchLimits(total_timeout=1.0)) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetcher.get(web_server.url("/slow"))
        elapsed = time.monotonic() - started
    assert caught.value.reason == "timed out after 1 s"
    assert 0.9 <= elapsed < 2.5


def test_slow_headers_are_cut_off_at_the_deadline(web_server: LocalServer) -> None:
    web_server.route("/late", body="late", header_delay=4.0)
    with Fetcher(FetchLimits(total_timeout=1.0)) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out after 1 s"):
            fetcher.get(web_server.url("/late"))
        assert time.monotonic() - started < 2.5


def test_deadline_covers_every_redirect(web_server: LocalServer) -> None:
    # Each hop takes 0.4 s: fine alone, too slow together for a 1 s deadline.
    for hop in range(4):
        web_server.route(f"/hop{hop}", redirect=f"/hop{hop + 1}", header_delay=0.4)
    web_server.route("/hop4", body="end", header_delay=0.4)
    with Fetcher(FetchLimits(total_timeout=1.0)) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out after 1 s"):
            fetcher.get(web_server.url("/hop0"))
        assert time.monotonic() - started < 2.0
    assert web_server.hits("/hop4") == 0


def test_a_cut_connection_is_not_reused(web_server: LocalServer) -> None:
    web_server.route("/slow", body=b"x" * 50, trickle=(1, 0.2))
    web_server.route("/quick", body="quick")
    with Fetcher(FetchLimits(total_timeout=0.6, per_host=1)) as fetcher:
        with pytest.raises(FetchError, match="timed out"):
            fetcher.get(web_server.url("/slow"))
        assert fetcher.get(web_server.url("/quick")).body == b"quick"


def test_per_host_limit_holds_under_many_threads(web_server: LocalServer) -> None:
    web_server.route("/slow", body="<p>Tide tables for Brannock Sound</p>", header_delay=0.25)
    errors: list[BaseException] = []
    with Fetcher(FetchLimits(per_host=2, total_timeout=10.0)) as fetcher:

        def fetch() -> None:
            try:
                fetcher.get(web_server.url("/slow"))
            except BaseException as error:  # reported below, not lost in the thread
                errors.append(error)

        threads = [threading.Thread(target=fetch) for _ in range(8)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        elapsed = time.monotonic() - started
    assert errors == []
    assert web_server.hits("/slow") == 8
    assert web_server.peak_in_flight == 2  # two at once, never more
    assert web_server.peak_connections <= 2
    assert elapsed >= 4 * 0.25 - 0.05  # eight requests two at a time


def test_per_host_limit_of_one(web_server: LocalServer) -> None:
    web_server.route("/slow", body="x", header_delay=0.1)
    with Fetcher(FetchLimits(per_host=1)) as fetcher:
        threads = [
            threading.Thread(target=fetcher.get, args=(web_server.url("/slow"),)) for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert web_server.hits("/slow") == 4
    assert web_server.peak_in_flight == 1


def test_offline_after_the_server_stops(web_server: LocalServer, fetcher: Fetcher) -> None:
    web_server.route("/feed.xml", body="<rss/>")
    assert fetcher.get(web_server.url("/feed.xml")).status == 200
    web_server.stop()
    with pytest.raises(FetchError) as caught:
        fetcher.get(web_server.url("/feed.xml"))
    assert caught.value.reason == "connection refused"
    assert caught.value.status is None


def test_tls_failure_has_a_short_reason(web_server: LocalServer, fetcher: Fetcher) -> None:
    # https to a plain-HTTP port: the handshake fails on the first bytes.
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"https://127.0.0.1:{web_server.port}/feed.xml")
    assert caught.value.reason.startswith("TLS error")
    assert "\n" not in caught.value.reason
    assert len(caught.value.reason) < 80


def test_connect_timeout() -> None:
    # A listener that never accepts, its backlog filled: further SYNs go unanswered.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):  # connecting goes on in the background
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.1)
        probe = socket.socket()
        probe.settimeout(0.3)
        try:
            probe.connect(("127.0.0.1", port))
            pytest.skip("this system accepts connections beyond the backlog")
        except OSError:
            pass
        finally:
            probe.close()
        with Fetcher(FetchLimits(connect_timeout=0.5, total_timeout=5.0)) as fetcher:
            started = time.monotonic()
            with pytest.raises(FetchError) as caught:
                fetcher.get(f"http://127.0.0.1:{port}/feed.xml")
            assert time.monotonic() - started < 2.0
        assert caught.value.reason == "could not connect within 0.5 s"
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (b"SPARROW 200 fine\r\n\r\n", "the server's answer was malformed"),
        (b"", "connection reset by the server"),
    ],
)
def test_a_broken_answer_has_a_short_reason(answer: bytes, reason: str) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    port = listener.getsockname()[1]

    def serve_once() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(answer)

    server = threading.Thread(target=serve_once, daemon=True)
    server.start()
    try:
        with (
            Fetcher(FetchLimits(total_timeout=5.0)) as fetcher,
            pytest.raises(FetchError) as caught,
        ):
            fetcher.get(f"http://127.0.0.1:{port}/feed.xml")
        assert caught.value.reason == reason
    finally:
        server.join(timeout=5)
        listener.close()
