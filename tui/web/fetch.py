"""Fetching one URL politely and within bounds (urllib3, imported only when a request is made).

:class:`Fetcher` asks with a real User-Agent and the last response's validators (conditional
GET), follows redirects by hand so every hop is checked (http and https only, at most
``max_redirects``), decodes gzip/deflate itself so the size cap counts decoded bytes (a gzip
bomb is refused after at most the cap), and holds each request to a wall-clock deadline: a
watchdog shuts the socket when ``total_timeout`` passes, so a server trickling a byte at a
time cannot keep a worker forever (a read timeout alone would be reset by every byte). At most
``per_host`` connections go to one host at once. Nothing here sleeps: a 429/503's
``Retry-After`` is handed to the caller in :class:`~tui.web.types.FetchError` to schedule.
"""

from __future__ import annotations

import threading
import time
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeGuard
from urllib.parse import urljoin, urlsplit

from tui.web.deadline import Deadline, make_pool_manager, watching
from tui.web.fetch_errors import describe_error
from tui.web.inflate import SUPPORTED_ENCODINGS, BadEncoding, Inflater, TooLarge
from tui.web.types import FetchError, FetchLimits, FetchResult, Validators
from tui.web.urls import check_url

if TYPE_CHECKING:
    from urllib3 import BaseHTTPResponse, PoolManager

DEFAULT_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, "
    "text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5"
)
"""The ``Accept`` header unless the caller gives one: feeds first, then pages."""

MAX_RETRY_AFTER = 24 * 3600.0
"""The longest wait a ``Retry-After`` may ask for (a day); longer ones are cut to this."""

_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DRAIN_AT_MOST = 64 * 1024  # a redirect's or error's body read to keep the connection, if small
_MAX_VALIDATOR = 1024
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~")
_CHARSET_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.:+")


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Read a ``Retry-After`` header as seconds to wait.

    Args:
        value: The header: delta-seconds ("120") or an HTTP-date.
        now: The current time as a Unix timestamp (``time.time()``).

    Returns:
        Seconds from ``now`` (0 for a date in the past), at most :data:`MAX_RETRY_AFTER`;
        None when the header is missing or unreadable.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isdigit() and value.isascii():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        return None
    return min(max(when.timestamp() - now, 0.0), MAX_RETRY_AFTER)


def parse_content_type(value: str) -> tuple[str, str | None]:
    """Split a ``Content-Type`` header into the media type and the charset.

    Args:
        value: The header as sent ("" when there was none).

    Returns:
        The media type in lower case without parameters ("" when missing or malformed) and
        the ``charset`` parameter in lower case (None when absent or not a plain name).
    """
    media, _, params = value.partition(";")
    media = media.strip().lower()
    kind, slash, sub = media.partition("/")
    if not (slash and kind and sub and set(kind) <= _TOKEN_CHARS and set(sub) <= _TOKEN_CHARS):
        media = ""
    charset = None
    for param in params.split(";"):
        name, _, raw = param.partition("=")
        if name.strip().lower() == "charset":
            raw = raw.strip().strip("\"'").strip().lower()  # single quotes are seen in the wild
            if raw and len(raw) <= 40 and set(raw) <= _CHARSET_CHARS:
                charset = raw
    return media, charset


class Fetcher:
    """Fetches URLs within :class:`~tui.web.types.FetchLimits`; one per refresh or session.

    Thread-safe: worker threads share one Fetcher and its connection pools. Use it as a
    context manager or call :meth:`close`.
    """

    def __init__(self, limits: FetchLimits | None = None) -> None:
        """Create a fetcher (nothing is imported or connected until the first request).

        Args:
            limits: Timeouts, caps and the per-host limit; the defaults when None.
        """
        self.limits = limits or FetchLimits()
        """The bounds every request is held to."""
        self._lock = threading.Lock()
        self._manager: PoolManager | None = None
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    def get(
        self, url: str, *, validators: Validators | None = None, accept: str | None = None
    ) -> FetchResult:
        """Fetch ``url`` (GET), following redirects.

        Args:
            url: An http(s) address.
            validators: The last 200's ETag and Last-Modified, sent back for a 304.
            accept: The ``Accept`` header; :data:`DEFAULT_ACCEPT` when None.

        Returns:
            A 200 result with the decoded body, or a 304 result with an empty body.

        Raises:
            FetchError: for anything else, with a one-line reason: a refused address or
                scheme, a status other than 200/304 (``retry_after`` set for 429/503), too
                many redirects, a body over the cap, the deadline passing, a connection,
                DNS, TLS or proxy failure.
        """
        url = check_url(url)
        headers = self._headers(validators, accept)
        current = url
        deadline: Deadline | None = None
        try:
            for _hop in range(self.limits.max_redirects + 1):
                slot = self._slot(current)
                if deadline is None:
                    # Waiting for a free connection to the host is queueing, not the request.
                    slot.acquire()
                    deadline = Deadline(self.limits.total_timeout)
                elif not slot.acquire(timeout=max(deadline.left(), 0.0)):
                    raise FetchError(url, self._timed_out())
                try:
                    outcome = self._exchange(url, current, headers, deadline)
                finally:
                    slot.release()
                if isinstance(outcome, FetchResult):
                    return outcome
                try:
                    current = check_url(urljoin(current, outcome))
                except FetchError as error:
                    reason = f"redirected to a refused address: {error.reason}"
                    raise FetchError(url, reason) from None
            raise FetchError(url, f"too many redirects (more than {self.limits.max_redirects})")
        finally:
            if deadline is not None:
                deadline.stop()

    def close(self) -> None:
        """Close every pooled connection (the fetcher may still be used afterwards)."""
        with self._lock:
            manager, self._manager = self._manager, None
        if manager is not None:
            manager.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- one request -----------------------------------------------------------------------

    def _exchange(
        self, url: str, current: str, headers: dict[str, str], deadline: Deadline
    ) -> FetchResult | str:
        """One request: a result, or the ``Location`` of a redirect to follow."""
        import urllib3

        limits = self.limits
        left = deadline.left()
        if left <= 0:
            raise FetchError(url, self._timed_out())
        timeout = urllib3.Timeout(connect=min(limits.connect_timeout, left), read=left)
        response: BaseHTTPResponse | None = None
        try:
            with watching(deadline):
                response = self._pools().request(
                    "GET",
                    current,
                    headers=headers,
                    preload_content=False,
                    decode_content=False,
                    redirect=False,
                    retries=False,
                    timeout=timeout,
                    pool_timeout=left,
                )
                return self._answer(url, current, headers, response, deadline)
        except FetchError:
            if deadline.passed():
                raise FetchError(url, self._timed_out()) from None
            raise
        except Exception as error:  # urllib3, http.client and socket errors alike
            if deadline.passed():
                raise FetchError(url, self._timed_out()) from error
            raise FetchError(url, describe_error(error, limits)) from error
        finally:
            # `watching` has forgotten the socket, so the connection may go back to the pool;
            # one whose body was not read to the end (or was cut) is closed first.
            if response is not None:
                if deadline.passed() or not response.closed:
                    response.close()
                response.release_conn()

    def _answer(
        self,
        url: str,
        current: str,
        headers: dict[str, str],
        response: BaseHTTPResponse,
        deadline: Deadline,
    ) -> FetchResult | str:
        """The result of a response, or the ``Location`` it redirects to."""
        status = response.status
        location = response.headers.get("Location")
        if status in _REDIRECTS and location:
            _drain(response)
            return location
        if status == 304:
            _drain(response)
            sent = _validators_from(response.headers, headers)
            return FetchResult(url, current, 304, b"", "", None, sent)
        if status != 200:
            _drain(response)
            retry_after = None
            if status in (429, 503):
                retry_after = parse_retry_after(response.headers.get("Retry-After"), time.time())
            raise FetchError(url, _status_reason(status), status=status, retry_after=retry_after)
        body = self._read_body(url, response, deadline)
        media, charset = parse_content_type(response.headers.get("Content-Type", ""))
        found = _validators_from(response.headers, {})
        return FetchResult(url, current, 200, body, media, charset, found)

    def _read_body(self, url: str, response: BaseHTTPResponse, deadline: Deadline) -> bytes:
        cap = self.limits.max_bytes
        length = response.headers.get("Content-Length", "")
        if length.strip().isdigit() and int(length) > cap:
            raise FetchError(url, self._too_large())
        try:
            inflater = Inflater(response.headers.get("Content-Encoding", ""), cap)
            for chunk in response.stream(_CHUNK, decode_content=False):
                inflater.feed(chunk)
                if deadline.passed():
                    raise FetchError(url, self._timed_out())
            return inflater.finish()
        except TooLarge:
            raise FetchError(url, self._too_large()) from None
        except BadEncoding as error:
            raise FetchError(url, str(error)) from None

    # -- helpers ---------------------------------------------------------------------------

    def _headers(self, validators: Validators | None, accept: str | None) -> dict[str, str]:
        headers = {
            "User-Agent": self.limits.user_agent,
            "Accept": accept or DEFAULT_ACCEPT,
            "Accept-Encoding": ", ".join(SUPPORTED_ENCODINGS),
        }
        if validators is not None:
            if _sendable(validators.etag):
                headers["If-None-Match"] = validators.etag
            if _sendable(validators.last_modified):
                headers["If-Modified-Since"] = validators.last_modified
        return headers

    def _slot(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            slot = self._slots.get(host)
            if slot is None:
                slot = self._slots[host] = threading.BoundedSemaphore(max(self.limits.per_host, 1))
            return slot

    def _pools(self) -> PoolManager:
        with self._lock:
            if self._manager is None:
                self._manager = make_pool_manager(self.limits)
            return self._manager

    def _timed_out(self) -> str:
        return f"timed out after {self.limits.total_timeout:g} s"

    def _too_large(self) -> str:
        return f"larger than {self.limits.max_bytes / (1024 * 1024):g} MB"


def _drain(response: BaseHTTPResponse) -> None:
    """Read a small unwanted body so the connection can be reused (a large one is not)."""
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) <= _DRAIN_AT_MOST:
        response.drain_conn()


def _status_reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"  # the server's own reason phrase is not shown: hostile text


def _validators_from(answered: Any, sent: dict[str, str]) -> Validators:
    """The validators of a response (a 304 may omit them: the ones sent stay current)."""
    etag = answered.get("ETag") or sent.get("If-None-Match")
    modified = answered.get("Last-Modified") or sent.get("If-Modified-Since")
    return Validators(
        etag=etag if _sendable(etag) else None,
        last_modified=modified if _sendable(modified) else None,
    )


def _sendable(value: str | None) -> TypeGuard[str]:
    """A validator that may be sent back: short, printable, one line."""
    return value is not None and 0 < len(value) <= _MAX_VALIDATOR and value.isprintable()
