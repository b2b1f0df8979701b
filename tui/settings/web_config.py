"""The ``[web]`` config section: fetching limits, the refresh interval and what is kept.

:mod:`tui.settings.config` finds the section and reports unknown keys; this module checks each
known key's type and range and builds the frozen :class:`WebConfig`. ``tui.web`` turns it into
the limits every request obeys (:func:`tui.web.limits.fetch_limits`); settings sit below the web
package in the layers, so nothing here imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeAlias, cast
from urllib.parse import urlsplit

from tui.article.records import record

__all__ = ["FULL_ARTICLE_POLICIES", "WEB_KEYS", "WebConfig", "read_web", "web_config_lines"]

Policy: TypeAlias = Literal["auto", "always", "never"]

FULL_ARTICLE_POLICIES: tuple[Policy, ...] = ("auto", "always", "never")
"""The values of ``fetch_full_article``."""


@record
class WebConfig:
    """Settings for feeds and web pages (``[web]``)."""

    connect_timeout: float = 10.0
    """Seconds allowed to connect to a server."""
    total_timeout: float = 30.0
    """Wall-clock seconds allowed for a whole request, body included."""
    concurrency: int = 8
    """Feeds fetched at once by a refresh."""
    per_host: int = 2
    """Connections open at once to one host."""
    max_mb: int = 10
    """Largest response accepted, in megabytes after decompression."""
    refresh_minutes: int = 60
    """Feeds are refreshed at start-up when the last refresh is older (0: never on its own)."""
    fetch_full_article: Policy = "auto"
    """When an entry's link is fetched for the whole article (see ``tui.web.types``)."""
    keep_days: int = 30
    """Read, unbookmarked entries older than this are pruned after a refresh (0: keep all)."""
    user_agent: str = ""
    """The User-Agent header; empty for newsread's own (``tui.web.types.USER_AGENT``)."""
    proxy: str = ""
    """An http or https proxy URL; empty for a direct connection."""


_Number = (int, float)
# key → (accepted Python types, lowest, highest, expected-text); ranges keep a typo such as
# `concurrency = 800` from opening hundreds of connections.
_RANGES: dict[str, tuple[tuple[type, ...], float, float, str]] = {
    "connect_timeout": (_Number, 0.1, 600, "a number of seconds from 0.1 to 600"),
    "total_timeout": (_Number, 0.1, 3600, "a number of seconds from 0.1 to 3600"),
    "concurrency": ((int,), 1, 64, "an integer from 1 to 64"),
    "per_host": ((int,), 1, 16, "an integer from 1 to 16"),
    "max_mb": ((int,), 1, 1024, "an integer from 1 to 1024"),
    "refresh_minutes": ((int,), 0, 525_600, "an integer from 0 to 525600"),
    "keep_days": ((int,), 0, 36_500, "an integer from 0 to 36500"),
}
_STRINGS = ("fetch_full_article", "user_agent", "proxy")

WEB_KEYS: tuple[str, ...] = (*_RANGES, *_STRINGS)
"""Every key ``[web]`` may hold, in the order ``config init`` shows them."""


def read_web(
    values: Mapping[str, Any],
    problem: Callable[[str, str], None],
    type_name: Callable[[object], str],
) -> WebConfig:
    """Check the known keys of ``[web]`` and build the section.

    Args:
        values: Key → parsed TOML value, only keys in :data:`WEB_KEYS` (the caller reports
            the others).
        problem: Called with (key, message) for each bad value; the value is then left at
            its default.
        type_name: Names a TOML value's type for messages ("a string", "an array").

    Returns:
        The section, with defaults for what was missing or wrong.
    """
    kept: dict[str, Any] = {}
    for key, value in values.items():
        if key in _RANGES:
            kinds, low, high, expected = _RANGES[key]
            if isinstance(value, bool) or not isinstance(value, kinds):
                problem(key, f"expected {expected}, got {type_name(value)}")
            elif not low <= cast(float, value) <= high:
                problem(key, f"expected {expected}, got {value}")
            else:
                kept[key] = value
        elif not isinstance(value, str):
            problem(key, f"expected a string, got {type_name(value)}")
        elif message := _string_problem(key, value):
            problem(key, message)
        else:
            kept[key] = value.strip() if key in ("proxy", "user_agent") else value
    if "connect_timeout" in kept or "total_timeout" in kept:
        default = WebConfig()
        connect = kept.get("connect_timeout", default.connect_timeout)
        total = kept.get("total_timeout", default.total_timeout)
        if connect > total and "connect_timeout" not in kept:
            # Only total_timeout was set, below the default time to connect: connecting may
            # take the whole request's time, not more (no error about a key the user never set).
            kept["connect_timeout"] = total
        elif connect > total:
            problem(
                "connect_timeout",
                f"connect_timeout ({connect}) is longer than total_timeout ({total})",
            )
            kept.pop("connect_timeout", None)
    for key in ("connect_timeout", "total_timeout"):
        if key in kept:
            kept[key] = float(kept[key])
    return WebConfig(**kept)


def _string_problem(key: str, value: str) -> str | None:
    """What is wrong with a string setting, or None."""
    if key == "fetch_full_article" and value not in FULL_ARTICLE_POLICIES:
        import json

        return f'expected "auto", "always" or "never", got {json.dumps(value)}'
    if key == "user_agent" and not value.isprintable():
        return "expected printable text (a header cannot hold control characters)"
    if key == "proxy" and value.strip():
        try:
            parts = urlsplit(value.strip())
            host = parts.hostname
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:
            return "expected an http:// or https:// proxy URL (the port is not a number 0-65535)"
        if parts.scheme.lower() not in ("http", "https") or not host:
            return "expected an http:// or https:// proxy URL with a host, or empty for none"
    return None


def web_config_lines() -> list[str]:
    """The ``[web]`` part of the commented default config (``newsread config init``).

    Returns:
        Lines without newlines, every setting commented out at its default.
    """
    import textwrap  # only `config init` writes this text

    web = WebConfig()
    helps = {
        "connect_timeout": "Seconds to wait for a server to accept the connection.",
        "total_timeout": "Seconds a whole request may take, body included (slow ones are cut).",
        "concurrency": "Feeds fetched at once by a refresh (1-64).",
        "per_host": "Connections open at once to one server (1-16).",
        "max_mb": "Largest page or feed accepted, in megabytes after decompression.",
        "refresh_minutes": "Refresh feeds at start-up when the last refresh is older than "
        "this (0: only `newsread refresh` or r).",
        "fetch_full_article": 'Fetch an entry\'s linked page for the whole article: "auto" '
        '(when the feed has only a summary), "always" or "never".',
        "keep_days": "Prune read entries older than this many days after a refresh; unread "
        "and bookmarked ones are always kept (0: keep everything).",
        "user_agent": 'The User-Agent header; "" sends newsread\'s own.',
        "proxy": 'An http:// or https:// proxy, e.g. "http://proxy.example:3128"; "" for none.',
    }
    lines = ["", "[web]", "# Feeds and web pages. Nothing fetched is ever run: no scripts."]
    for key in WEB_KEYS:
        value = getattr(web, key)
        shown = f'"{value}"' if isinstance(value, str) else f"{value:g}"
        lines += textwrap.wrap(helps[key], 88, initial_indent="# ", subsequent_indent="# ")
        lines.append(f"# {key} = {shown}")
    return lines
