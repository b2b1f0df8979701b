"""The ``[web]`` config section as the limits every request obeys.

Kept apart from :mod:`tui.web.types` (which every part shares) so that only the callers that
hold a :class:`~tui.settings.config.Config` depend on the settings package.
"""

from __future__ import annotations

from tui.settings.web_config import WebConfig
from tui.web.types import USER_AGENT, FetchLimits

__all__ = ["fetch_limits"]


def fetch_limits(web: WebConfig) -> FetchLimits:
    """Build the fetch limits a :class:`~tui.web.fetch.Fetcher` takes from ``[web]``.

    Args:
        web: The validated section.

    Returns:
        Limits with the section's timeouts, connection counts, size cap, User-Agent (newsread's
        own when the setting is empty) and proxy (None when empty).
    """
    return FetchLimits(
        connect_timeout=web.connect_timeout,
        total_timeout=web.total_timeout,
        max_bytes=web.max_mb * 1024 * 1024,
        per_host=web.per_host,
        concurrency=web.concurrency,
        user_agent=web.user_agent or USER_AGENT,
        proxy=web.proxy or None,
    )
