"""What the web workers post to the main screen: the records of their news and its message.

The workers of :class:`tui.screens.web_refresh.WebRefresh` run in threads; each piece of news
(the start-up sync, a feed of a refresh finished, the refresh over, a teaser made whole) is an
immutable record carried by one :class:`WebUpdated` message, which the screen hands back to
``screen.web.handle`` on the UI thread. :mod:`tui.screens.web_refresh` re-exports them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tui.article.model import Article
from tui.article.records import record

if TYPE_CHECKING:
    from tui.web.refresh import FeedOutcome, RefreshSummary
    from tui.web.shelf import ShelfChange

__all__ = ["FeedDone", "RefreshDone", "ShelfSynced", "Upgraded", "WebUpdated"]


@record
class ShelfSynced:
    """The shelf was brought in step with the store (start-up: no network)."""

    change: ShelfChange
    """What the sync wrote."""
    counted: frozenset[str]
    """Sidebar group names that show unread counts (feed folders and titles)."""
    due: bool
    """A refresh is due (the last one is older than the interval)."""


@record
class FeedDone:
    """One feed of a refresh finished; its shelf folder is synced."""

    outcome: FeedOutcome
    """What happened to it."""
    change: ShelfChange
    """The files its sync wrote."""
    done: int
    """Feeds finished so far."""
    total: int
    """Feeds in this refresh."""
    counted: frozenset[str]
    """Sidebar group names that show unread counts."""


@record
class RefreshDone:
    """The refresh is over."""

    summary: RefreshSummary | None
    """Every feed's outcome (None when the refresh could not start)."""
    problem: str = ""
    """Why it could not start."""


@record
class Upgraded:
    """A summary-only entry's page was fetched (or could not be)."""

    path: Path
    """The shelf file, rewritten when ``article`` is set."""
    article: Article | None
    """The whole article, read from the rewritten file."""
    problem: str = ""
    """Why the summary stays."""


class WebUpdated(Message):
    """Something the web workers did, for the screen to hand to ``screen.web`` (``WebRefresh``)."""

    def __init__(self, update: ShelfSynced | FeedDone | RefreshDone | Upgraded) -> None:
        self.update = update
        """What happened."""
        super().__init__()
