"""The wall-clock deadline of one request, and the connection pools that let it be enforced.

A read timeout bounds each wait for bytes, so a server trickling one byte every few seconds
keeps a request alive forever. :class:`Deadline` runs a timer instead; when the request's
time is up it shuts the socket the request is reading, which makes the blocked read return at
once. The pools :func:`make_pool_manager` builds use connections that hand their socket to the
deadline of the thread's current request (:func:`watching`) just before waiting for the
answer, so the status line, headers and body are all covered. urllib3 is imported only when
the pools are first made.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tui.web.types import FetchLimits

if TYPE_CHECKING:
    from urllib3 import PoolManager
    from urllib3.connectionpool import HTTPConnectionPool


class Deadline:
    """The wall-clock end of one request; when it passes, the watched socket is shut down.

    Shutting the socket (not closing it: another thread is reading it) makes a blocked read
    return at once, whatever the server is trickling.
    """

    def __init__(self, seconds: float) -> None:
        """Start the timer: the deadline is ``seconds`` from now."""
        self.end = time.monotonic() + seconds
        """The deadline on the `time.monotonic` clock."""
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._fired = False
        self._done = False
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        """Seconds until the deadline (negative once it passed)."""
        return self.end - time.monotonic()

    def passed(self) -> bool:
        """Whether the deadline has passed (the socket may have been cut)."""
        return self._fired or time.monotonic() >= self.end

    def attach(self, sock: socket.socket) -> None:
        """Watch ``sock`` (cut at once if the deadline already passed)."""
        with self._lock:
            if self._done:
                return
            self._sock = sock
            if self._fired:
                _cut(sock)

    def detach(self) -> None:
        """Stop watching the socket (before its connection goes back to the pool)."""
        with self._lock:
            self._sock = None

    def stop(self) -> None:
        """The request is over: cancel the timer."""
        with self._lock:
            self._done = True
            self._sock = None
        self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self._fired = True
            if self._sock is not None:
                _cut(self._sock)


_local = threading.local()  # the deadline of the request this thread is making


def _cut(sock: socket.socket) -> None:
    # socket.socket's own shutdown: ssl.SSLSocket's would also drop its TLS state under the
    # reading thread's feet. OSError: the socket is closed already.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watch(sock: Any) -> None:
    deadline: Deadline | None = getattr(_local, "deadline", None)
    if deadline is not None and isinstance(sock, socket.socket):
        deadline.attach(sock)


@functools.cache
def _watched_pool_classes() -> dict[str, type[HTTPConnectionPool]]:
    """Pool classes whose connections hand their socket to the deadline before each answer."""
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.response import HTTPResponse

    class WatchedHTTPConnection(HTTPConnection):
        def getresponse(self) -> HTTPResponse:  # type: ignore[override]
            _watch(self.sock)
            return super().getresponse()

    class WatchedHTTPSConnection(HTTPSConnection):
        def getresponse(self) -> HTTPResponse:  # type: ignore[override]
            _watch(self.sock)
            return super().getresponse()

    class WatchedHTTPPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTPConnection

    class WatchedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPSConnection

    return {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}


def make_pool_manager(limits: FetchLimits) -> PoolManager:
    """A urllib3 pool manager (a proxy manager with ``limits.proxy``) whose connections are
    watched, with at most ``limits.per_host`` connections per host and no retries."""
    import urllib3

    options: dict[str, Any] = {
        "num_pools": max(10, limits.concurrency * 2),
        # Through a proxy every http request shares the pool to the proxy, so the per-host
        # semaphores (in Fetcher) bound each host and the pool only the refresh's concurrency.
        "maxsize": max(limits.per_host, limits.concurrency if limits.proxy else 1, 1),
        "block": True,  # never more than maxsize connections to one host
        "retries": False,
    }
    manager: PoolManager
    if limits.proxy:
        manager = urllib3.ProxyManager(limits.proxy, **options)
    else:
        manager = urllib3.PoolManager(**options)
    manager.pool_classes_by_scheme = _watched_pool_classes()
    return manager


@contextlib.contextmanager
def watching(deadline: Deadline) -> Iterator[None]:
    """Let connections used by this thread in the block report their socket to ``deadline``.

    On leaving, the socket is forgotten, so the timer can never cut a connection that went
    back to the pool and serves another request.
    """
    _local.deadline = deadline
    try:
        yield
    finally:
        _local.deadline = None
        deadline.detach()
