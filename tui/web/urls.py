"""URLs: which may be fetched, and the one canonical form that keys read marks and pages.

Pure string work (:mod:`urllib.parse`), no network.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})
"""The only schemes newsread fetches (no file:, ftp:, data: or javascript:)."""

# Tracking parameters that name the same article under many URLs.
_TRACKING_PREFIXES = ("utm_", "at_", "mc_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "ocid",
        "cmpid",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "xtor",
    }
)


def is_web_url(text: str) -> bool:
    """Say whether a command-line argument names a web address rather than a file.

    Args:
        text: The argument as typed.

    Returns:
        True for ``http://`` and ``https://`` addresses (any case).
    """
    head = text[:8].lower()
    return head.startswith("http://") or head.startswith("https://")


def check_url(url: str) -> str:
    """Return ``url`` stripped of surrounding space when newsread may fetch it.

    Args:
        url: An address from the user, a feed or a page (hostile).

    Returns:
        The address, stripped.

    Raises:
        FetchError: when the scheme is not http or https, or there is no host.
    """
    # Imported here: the command line asks is_web_url before its first frame.
    from tui.web.types import FetchError

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(url, "only http and https addresses are fetched")
    if not parts.hostname:
        raise FetchError(url, "the address names no host")
    return url


def canonical_url(url: str) -> str:
    """The form of an article address that read marks, bookmarks and stored pages are keyed by.

    Lower-case scheme and host, no default port, no fragment, no tracking parameters, and
    the remaining query kept in its order. Two addresses of one article (``?utm_source=rss``,
    ``#comments``) give one key.

    Args:
        url: An absolute http(s) address.

    Returns:
        The canonical address (``url`` unchanged when it cannot be split).
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if port is not None and not (
        (scheme == "http" and port == 80) or (scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.netloc.rsplit('@', 1)[0]}@{host}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not (k.lower().startswith(_TRACKING_PREFIXES) or k.lower() in _TRACKING_NAMES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))
