"""What feedparser does to a value once read, for the fast path (:mod:`tui.web.xmlfeed`).

Each function here copies one of feedparser's rules exactly (feedparser 6.0: ``mixin.pop``,
``urls._urljoin``, ``make_safe_absolute_uri``, ``_sync_author_detail``), so that a feed read
with lxml gives the same :class:`~tui.web.types.Feed` as one read by feedparser. Dates are
read only in the two forms feeds use (RFC 822 and RFC 3339); anything else raises
:class:`Unsupported`, and the caller hands the whole feed to feedparser.
"""

from __future__ import annotations

import contextlib
import re
import time
import urllib.parse
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = [
    "Unsupported",
    "fix_text",
    "parse_date",
    "safe_absolute_uri",
    "sync_author",
    "urljoin",
]


class Unsupported(Exception):  # noqa: N818 - a signal, not an error the user sees
    """The fast path cannot vouch that it reads this feed as feedparser would."""


# feedparser maps C1 controls to what Windows-1252 meant by them (a common mis-encoding).
_CP1252 = {
    c: bytes([c]).decode("cp1252") for c in range(128, 160) if c not in (129, 141, 143, 144, 157)
}
_LATIN1_HIGH = re.compile("[\x80-\xff]")
_URI_FIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
# The URI schemes feedparser accepts for a base (urls.ACCEPTABLE_URI_SCHEMES).
_SCHEMES = frozenset(
    [
        "file",
        "ftp",
        "gopher",
        "h323",
        "hdl",
        "http",
        "https",
        "imap",
        "magnet",
        "mailto",
        "mms",
        "news",
        "nntp",
        "prospero",
        "rsync",
        "rtsp",
        "rtspu",
        "sftp",
        "shttp",
        "sip",
        "sips",
        "snews",
        "svn",
        "svn+ssh",
        "telnet",
        "wais",
        "aim",
        "callto",
        "cvs",
        "facetime",
        "feed",
        "git",
        "gtalk",
        "irc",
        "ircs",
        "irc6",
        "itms",
        "msnim",
        "skype",
        "ssh",
        "smb",
        "ymsg",
    ]
)
_EMAIL = re.compile(
    r"(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))"
    r"([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?"
)
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# RFC 822 as feeds write it: "Mon, 04 Mar 2024 12:00:00 GMT" (the weekday optional).
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4}) "
    r"(\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC|UT|Z|[+-]\d{4}|[ECMP][SD]T)"
)
# RFC 3339: "2024-06-01T08:15:00+01:00", "2024-05-20T12:00:00Z", fractions allowed.
_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(Z|[+-]\d{2}:\d{2})"
)


def urljoin(base: str, uri: str) -> str:
    """feedparser's ``_urljoin``: slashes after ``scheme://`` squeezed, '' when invalid."""
    fixed = _URI_FIXER.match(uri)
    if fixed and fixed.group(2):  # the same as feedparser's re.sub, without its template cost
        uri = fixed.group(1) + uri[fixed.end(2) :]
    try:
        return urllib.parse.urljoin(base, uri)
    except ValueError:
        return ""


def safe_absolute_uri(base: str, rel: str | None = None) -> str:
    """feedparser's ``make_safe_absolute_uri``: '' unless the result's scheme is acceptable."""
    if not base:
        return rel or ""
    if not rel:
        try:
            scheme = urllib.parse.urlparse(base)[0]
        except ValueError:
            return ""
        return base if not scheme or scheme in _SCHEMES else ""
    uri = urljoin(base, rel)
    return uri if uri.strip().split(":", 1)[0] in _SCHEMES else ""


def fix_text(text: str) -> str:
    """feedparser's last steps on every value: UTF-8 read as Latin-1 undone, C1 as cp1252."""
    if text.isascii():
        return text
    if _LATIN1_HIGH.search(text):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("iso-8859-1").decode("utf-8")
    return text.translate(_CP1252)


def parse_date(value: str) -> time.struct_time | None:
    """A date as feedparser's ``*_parsed`` (UTC), for the RFC 822 and RFC 3339 forms only.

    Raises:
        Unsupported: for any other non-empty form (feedparser knows many more).
    """
    if not value:
        return None
    if _RFC822.fullmatch(value):
        try:
            when = parsedate_to_datetime(value)
        except (ValueError, TypeError) as exc:
            raise Unsupported(f"date {value!r}") from exc
    elif _RFC3339.fullmatch(value):
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise Unsupported(f"date {value!r}") from exc
    else:
        raise Unsupported(f"date {value!r}")
    if when.tzinfo is None or not 1900 <= when.year <= 9998:
        raise Unsupported(f"date {value!r}")
    return when.astimezone(timezone.utc).timetuple()


def sync_author(context: dict[str, Any]) -> None:
    """feedparser's ``_sync_author_detail`` for ``author``: the string and the last person."""
    detail: dict[str, Any] = (context.get("authors") or [{}])[-1]
    if detail:
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            context["author"] = f"{name} ({email})"
        elif name:
            context["author"] = name
        elif email:
            context["author"] = email
        return
    author, email = context.get("author"), None
    if not author:
        return
    if match := _EMAIL.search(author):
        email = match.group(0)
        author = author.replace(email, "").replace("()", "").replace("<>", "")
        author = author.replace("&lt;&gt;", "").strip()
        if author and author[0] == "(":
            author = author[1:]
        if author and author[-1] == ")":
            author = author[:-1]
        author = author.strip()
    if author:
        detail["name"] = author
    if email:
        detail["email"] = email
