"""Short reasons for failed requests: what a person reads when a feed could not be fetched.

urllib3, http.client, ssl and socket errors carry long messages with object reprs and C file
names; :func:`describe_error` turns each kind into one short line ("connection refused",
"host not found", "TLS error: certificate has expired"). It looks at the error classes by
name, so it needs no urllib3 import of its own.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from http.client import HTTPException, IncompleteRead

from tui.web.types import FetchLimits

_MAX_REASON = 120


def describe_error(error: BaseException, limits: FetchLimits) -> str:
    """One short line saying why a request failed.

    Args:
        error: What urllib3 (or the socket layer beneath it) raised.
        limits: The limits in force, for the timeouts a reason names.

    Returns:
        A reason such as "connection refused" or "could not connect within 10 s".
    """
    chain = list(_chain(error))
    names = {type(link).__name__ for link in chain}
    for link in chain:
        if isinstance(link, ssl.SSLCertVerificationError):
            return _short(f"TLS certificate not accepted: {link.verify_message or link.reason}")
        if isinstance(link, ssl.SSLError):
            detail = (link.reason or "handshake failed").replace("_", " ").lower()
            return _short(f"TLS error: {detail}")
    if "ProxyError" in names:
        inner = next((link for link in chain[1:] if type(link).__name__ != "ProxyError"), None)
        return _short("proxy failed" + (f": {describe_error(inner, limits)}" if inner else ""))
    if "NameResolutionError" in names or any(
        isinstance(link, OSError) and type(link).__name__ == "gaierror" for link in chain
    ):
        return "host not found"
    for link in chain:
        if isinstance(link, ConnectionRefusedError):
            return "connection refused"
        if isinstance(link, ConnectionResetError):
            return "connection reset by the server"
    if "ConnectTimeoutError" in names and "NewConnectionError" not in names:
        return f"could not connect within {limits.connect_timeout:g} s"
    if "ReadTimeoutError" in names or any(isinstance(link, TimeoutError) for link in chain):
        return f"timed out after {limits.total_timeout:g} s"
    if "EmptyPoolError" in names:
        return "timed out waiting for a free connection"
    if "LocationParseError" in names or "LocationValueError" in names:
        return "not a valid address"
    if "NewConnectionError" in names:
        os_error = next((link for link in chain if isinstance(link, OSError)), None)
        detail = os_error.strerror if os_error is not None and os_error.strerror else ""
        return _short("could not connect" + (f": {detail.lower()}" if detail else ""))
    if any(
        isinstance(link, HTTPException) and not isinstance(link, (IncompleteRead, ConnectionError))
        for link in chain
    ):
        return "the server's answer was malformed"
    if {"ProtocolError", "IncompleteRead", "RemoteDisconnected"} & names:
        return "the connection broke off"
    for link in chain:
        if isinstance(link, OSError) and link.strerror:
            return _short(link.strerror.lower())
    return _short(f"request failed ({type(error).__name__})")


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, then what caused it, then what caused that (cycles cut)."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        yield link
        # urllib3 keeps the underlying error in args (SSLError(e), ProxyError(msg, e)).
        inner = next((arg for arg in link.args if isinstance(arg, BaseException)), None)
        link = link.__cause__ or inner or link.__context__


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 1] + "…"
