"""A local HTTP server for the web tests: a route table on 127.0.0.1, an ephemeral port.

Modelled on newsboat's ``test/test_helpers/httptestserver``. Each route says what one path
answers (status, headers, body) and how (a delay before the headers or the body, a trickle of
a few bytes per interval, gzip/deflate, chunked or close-delimited framing, a redirect, a 304
when the request's validators match). The server records every request it saw, counts hits
per path and the connections and requests open at once (to test per-host limits), and can be
stopped mid-test to play "offline".

Use it through the ``web_server`` fixture (``tests/web/conftest.py``)::

    def test_feed(web_server):
        web_server.route("/feed.xml", body=FEED, content_type="application/rss+xml", etag='"v1"')
        result = fetcher.get(web_server.url("/feed.xml"))
        assert web_server.hits("/feed.xml") == 1
        assert web_server.requests("/feed.xml")[0].headers["user-agent"].startswith("newsread/")

A path not in the table answers 404. Routes may be added or replaced while the server runs.
Requests whose target is an absolute URL (as a client sends to a proxy) are served by the
route for the URL's path, so the server doubles as an HTTP proxy in tests.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import sys
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal
from urllib.parse import urlsplit

Encoding = Literal["gzip", "deflate", "raw-deflate"]
"""How a route compresses its body: gzip, zlib-wrapped deflate, or raw deflate (no header,
as some servers wrongly send)."""

Framing = Literal["length", "chunked", "close"]
"""How the body's end is marked: ``Content-Length``, chunked transfer coding, or closing the
connection."""


@dataclass
class Route:
    """What one path answers. Build it with :meth:`LocalServer.route`."""

    status: int = 200
    """The status code."""
    body: bytes = b""
    """The body as sent on the wire (already compressed when ``encoding`` is set)."""
    headers: dict[str, str] = field(default_factory=dict)
    """Headers sent with every answer (Content-Type, ETag, Retry-After, Location…)."""
    etag: str | None = None
    """When the request's ``If-None-Match`` equals this, answer 304."""
    last_modified: str | None = None
    """When the request's ``If-Modified-Since`` equals this, answer 304."""
    header_delay: float = 0.0
    """Seconds to wait before the status line."""
    delay: float = 0.0
    """Seconds to wait after the headers, before the body."""
    trickle: tuple[int, float] | None = None
    """Send the body ``n`` bytes at a time, sleeping ``interval`` seconds between pieces."""
    framing: Framing = "length"
    """How the body's end is marked."""


@dataclass(frozen=True)
class SeenRequest:
    """One request as the server received it."""

    method: str
    """GET, HEAD…"""
    path: str
    """The path the route table was searched with (query kept)."""
    target: str
    """The request target as sent: a path, or an absolute URL when sent to a proxy."""
    headers: Mapping[str, str]
    """The request headers, names in lower case."""


class LocalServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 serving a route table (see the module doc)."""

    def __init__(self) -> None:
        """Bind to an ephemeral port on 127.0.0.1 (call :meth:`start` to serve)."""
        self._lock = threading.Lock()
        self._routes: dict[str, Route] = {}
        self._seen: list[SeenRequest] = []
        self._connections: set[socket.socket] = set()
        self._in_flight = 0
        self.peak_connections = 0
        """The most TCP connections open at once (idle keep-alive ones included)."""
        self.peak_in_flight = 0
        """The most requests being answered at once."""
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.port: int = self._httpd.server_address[1]
        """The port the server listens on."""
        self._thread: threading.Thread | None = None
        self._stopped = False

    # -- the route table -------------------------------------------------------------------

    def route(
        self,
        path: str,
        *,
        body: bytes | str = b"",
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        encoding: Encoding | None = None,
        redirect: str | None = None,
        retry_after: str | None = None,
        header_delay: float = 0.0,
        delay: float = 0.0,
        trickle: tuple[int, float] | None = None,
        framing: Framing = "length",
    ) -> Route:
        """Say what ``path`` answers (replacing any earlier route for it).

        Args:
            path: The path, with its query if the route needs one ("/feed.xml", "/a?b=1").
            body: The body before compression (``str`` is encoded as UTF-8).
            status: The status code (302 by default when ``redirect`` is given).
            content_type: The ``Content-Type`` header, or None to send none.
            headers: More headers to send.
            etag: Sent as ``ETag``; a request with a matching ``If-None-Match`` gets 304.
            last_modified: Sent as ``Last-Modified``; a matching ``If-Modified-Since`` gets 304.
            encoding: Compress the body and send ``Content-Encoding`` accordingly.
            redirect: A ``Location`` (absolute, or relative as servers may send it).
            retry_after: Sent as ``Retry-After`` (for 429/503 routes).
            header_delay: Seconds before the status line.
            delay: Seconds between the headers and the body.
            trickle: ``(n, interval)``: the body ``n`` bytes at a time, ``interval`` apart.
            framing: ``length`` (Content-Length), ``chunked``, or ``close``.

        Returns:
            The route, which the test may change further.
        """
        raw = body.encode("utf-8") if isinstance(body, str) else body
        sent_headers: dict[str, str] = {}
        if content_type is not None:
            sent_headers["Content-Type"] = content_type
        if encoding == "gzip":
            raw = gzip.compress(raw, mtime=0)
            sent_headers["Content-Encoding"] = "gzip"
        elif encoding == "deflate":
            raw = zlib.compress(raw)
            sent_headers["Content-Encoding"] = "deflate"
        elif encoding == "raw-deflate":
            packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            raw = packer.compress(raw) + packer.flush()
            sent_headers["Content-Encoding"] = "deflate"
        if etag is not None:
            sent_headers["ETag"] = etag
        if last_modified is not None:
            sent_headers["Last-Modified"] = last_modified
        if redirect is not None:
            sent_headers["Location"] = redirect
            if status == 200:
                status = 302
        if retry_after is not None:
            sent_headers["Retry-After"] = retry_after
        sent_headers.update(headers or {})
        made = Route(
            status=status,
            body=raw,
            headers=sent_headers,
            etag=etag,
            last_modified=last_modified,
            header_delay=header_delay,
            delay=delay,
            trickle=trickle,
            framing=framing,
        )
        with self._lock:
            self._routes[path] = made
        return made

    # -- addresses and what was seen -------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash)."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        """The absolute URL of ``path`` on this server."""
        return self.base_url + path

    def requests(self, path: str | None = None) -> list[SeenRequest]:
        """The requests seen, oldest first; only those for ``path`` when given."""
        with self._lock:
            return [seen for seen in self._seen if path is None or seen.path == path]

    def hits(self, path: str) -> int:
        """How many requests ``path`` received."""
        return len(self.requests(path))

    # -- life ------------------------------------------------------------------------------

    def start(self) -> LocalServer:
        """Serve in a daemon thread; returns the server."""
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and cut every open connection (the host is now "offline").

        Later connections are refused. Safe to call twice.
        """
        if self._stopped:
            return
        self._stopped = True
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()
        with self._lock:
            open_now = list(self._connections)
        for sock in open_now:
            with contextlib.suppress(OSError):  # the peer closed it already
                sock.shutdown(socket.SHUT_RDWR)

    # -- used by the handler ---------------------------------------------------------------

    def _opened(self, sock: socket.socket) -> None:
        with self._lock:
            self._connections.add(sock)
            self.peak_connections = max(self.peak_connections, len(self._connections))

    def _closed(self, sock: socket.socket) -> None:
        with self._lock:
            self._connections.discard(sock)

    def _begin(self, seen: SeenRequest) -> Route | None:
        with self._lock:
            self._seen.append(seen)
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
            return self._routes.get(seen.path)

    def _end(self) -> None:
        with self._lock:
            self._in_flight -= 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LocalServer

    def handle_error(self, request: object, client_address: object) -> None:
        # A client cutting a connection (a deadline test) is expected; anything else is shown.
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so client pools are exercised
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.owner._opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._closed(self.connection)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: pytest shows failures, not an access log

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        owner = self.server.owner
        target = self.path
        path = target
        if "://" in target:  # sent to us as a proxy
            parts = urlsplit(target)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {name.lower(): value for name, value in self.headers.items()}
        route = owner._begin(SeenRequest(self.command, path, target, headers))
        try:
            if route is None:
                route = Route(status=404, body=b"not here", headers={"Content-Type": "text/plain"})
            self._send(route, headers, send_body=send_body)
        except OSError:
            self.close_connection = True  # the client went away (a cut-off test)
        finally:
            owner._end()

    def _send(self, route: Route, asked: Mapping[str, str], *, send_body: bool) -> None:
        if route.header_delay:
            time.sleep(route.header_delay)
        not_modified = (route.etag is not None and asked.get("if-none-match") == route.etag) or (
            route.last_modified is not None
            and asked.get("if-modified-since") == route.last_modified
        )
        status = 304 if not_modified else route.status
        self.send_response_only(status, _phrase(status))
        for name, value in route.headers.items():
            if not_modified and name.lower() in {"content-type", "content-encoding"}:
                continue
            self.send_header(name, value)
        body = b"" if not_modified else route.body
        framing = "length" if not_modified else route.framing
        if framing == "length":
            self.send_header("Content-Length", str(len(body)))
        elif framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.flush()
        if not send_body or not body:
            if framing == "chunked" and send_body:
                self.wfile.write(b"0\r\n\r\n")
            return
        if route.delay:
            time.sleep(route.delay)
        step, interval = route.trickle or (64 * 1024, 0.0)
        for start in range(0, len(body), step):
            piece = body[start : start + step]
            if framing == "chunked":
                piece = b"%x\r\n%s\r\n" % (len(piece), piece)
            self.wfile.write(piece)
            self.wfile.flush()
            if interval and start + step < len(body):
                time.sleep(interval)
        if framing == "chunked":
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
