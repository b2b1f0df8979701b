"""The fetcher's pure parts: Retry-After, Content-Type, the capped inflater, error reasons, and
lazy imports."""

from __future__ import annotations

import gzip
import socket
import ssl
import subprocess
import sys
import zlib
from email.utils import formatdate

import pytest

from tests.conftest import REPO
from tui.web.fetch import MAX_RETRY_AFTER, parse_content_type, parse_retry_after
from tui.web.fetch_errors import describe_error
from tui.web.inflate import BadEncoding, Inflater, TooLarge
from tui.web.types import FetchLimits

NOW = 1_780_000_000.0


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("999999999", MAX_RETRY_AFTER),
        (formatdate(NOW + 90, usegmt=True), 90.0),
        (formatdate(NOW - 600, usegmt=True), 0.0),
        (formatdate(NOW + 10 * 86400, usegmt=True), MAX_RETRY_AFTER),
        (None, None),
        ("", None),
        ("-5", None),
        ("1.5", None),
        ("soon", None),
        ("٣", None),  # a digit, but not an ASCII one
        ("Tue, 99 Foo 2026 25:61:00 GMT", None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, NOW) == seconds


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html", ("text/html", None)),
        ("TEXT/HTML; Charset=Windows-1252", ("text/html", "windows-1252")),
        ("application/xml;charset='utf-8'", ("application/xml", "utf-8")),
        ("text/html; charset=utf-8'; x=1", ("text/html", "utf-8")),
        ("text/html; charset=ut*f8", ("text/html", None)),
        ('text/xml; charset="koi8-r"; format=flowed', ("text/xml", "koi8-r")),
        ("", ("", None)),
        ("html", ("", None)),
        ("text/html; charset=\x1b[31mred", ("text/html", None)),
        ("text/<b>/x; charset=utf-8", ("", "utf-8")),
    ],
)
def test_parse_content_type(value: str, expected: tuple[str, str | None]) -> None:
    assert parse_content_type(value) == expected


def _feed_in_pieces(inflater: Inflater, data: bytes, size: int = 7) -> bytes:
    for start in range(0, len(data), size):
        inflater.feed(data[start : start + size])
    return inflater.finish()


BODY = b"The ferry from Ostrelle to Varnholt runs twice a day. " * 50


@pytest.mark.parametrize(
    ("coding", "packed"),
    [
        ("", BODY),
        ("identity", BODY),
        ("gzip", gzip.compress(BODY)),
        ("x-gzip", gzip.compress(BODY)),
        ("GZIP", gzip.compress(BODY)),
        ("deflate", zlib.compress(BODY)),
    ],
)
def test_inflater_decodes_in_small_pieces(coding: str, packed: bytes) -> None:
    assert _feed_in_pieces(Inflater(coding, 10_000), packed) == BODY


def test_inflater_reads_raw_deflate() -> None:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    packed = packer.compress(BODY) + packer.flush()
    assert _feed_in_pieces(Inflater("deflate", 10_000), packed) == BODY


def test_inflater_reads_several_gzip_members() -> None:
    packed = gzip.compress(b"first part, ") + gzip.compress(b"second part")
    assert _feed_in_pieces(Inflater("gzip", 100), packed) == b"first part, second part"


def test_inflater_keeps_what_came_before_trailing_garbage() -> None:
    packed = gzip.compress(b"whole member") + b"\0\0 padding"
    assert _feed_in_pieces(Inflater("gzip", 100), packed, size=1000) == b"whole member"


def test_inflater_stops_a_bomb_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    inflater = Inflater("gzip", 1000)
    with pytest.raises(TooLarge):
        inflater.feed(bomb)
    assert inflater.size == 1001  # one byte past the cap, not five million


def test_inflater_accepts_exactly_the_cap() -> None:
    assert len(_feed_in_pieces(Inflater("gzip", 1000), gzip.compress(b"z" * 1000))) == 1000
    with pytest.raises(TooLarge):
        _feed_in_pieces(Inflater("", 1000), b"z" * 1001)


@pytest.mark.parametrize(
    ("coding", "message"),
    [
        ("br", "unsupported content encoding 'br'"),
        ("gzip, gzip", "stacked content encodings"),
        ("compress", "unsupported"),
    ],
)
def test_inflater_refuses_other_codings(coding: str, message: str) -> None:
    with pytest.raises(BadEncoding, match=message):
        Inflater(coding, 100)


def test_inflater_refuses_damaged_data() -> None:
    with pytest.raises(BadEncoding, match="damaged deflate data"):
        _feed_in_pieces(Inflater("deflate", 100), b"\xff" * 40)


def _caused(outer: BaseException, inner: BaseException) -> BaseException:
    outer.__cause__ = inner
    return outer


def test_error_reasons() -> None:
    from urllib3.exceptions import (
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        ProxyError,
        SSLError,
    )

    limits = FetchLimits(connect_timeout=7.0)
    dns = NameResolutionError("news.kelderwick.test", None, socket.gaierror(-2, "Name unknown"))  # type: ignore[arg-type]
    assert describe_error(dns, limits) == "host not found"
    refused = _caused(
        NewConnectionError(None, "Failed to establish"),  # type: ignore[arg-type]
        ConnectionRefusedError(111, "Connection refused"),
    )
    assert describe_error(refused, limits) == "connection refused"
    unreachable = _caused(
        NewConnectionError(None, "Failed"),  # type: ignore[arg-type]
        OSError(101, "Network is unreachable"),
    )
    assert describe_error(unreachable, limits) == "could not connect: network is unreachable"
    expired = ssl.SSLCertVerificationError(1, "certificate verify failed")
    expired.verify_message = "certificate has expired"
    assert (
        describe_error(SSLError(expired), limits)
        == "TLS certificate not accepted: certificate has expired"
    )
    proxy = ProxyError("Unable to connect to proxy", refused)
    assert describe_error(proxy, limits) == "proxy failed: connection refused"
    assert describe_error(ProtocolError("Connection aborted."), limits) == (
        "the connection broke off"
    )
    assert describe_error(RuntimeError("x" * 500), limits) == "request failed (RuntimeError)"


def test_importing_the_web_modules_imports_no_third_party_library() -> None:
    code = (
        "import sys, tui.web.fetch, tui.web.types, tui.web.urls, tui.web.inflate, "
        "tui.web.deadline, tui.web.fetch_errors\n"
        "from tui.web.fetch import Fetcher\n"
        "Fetcher()\n"
        "loaded = sorted(m for m in ('urllib3', 'feedparser', 'lxml') if m in sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
