"""Records the parts of :mod:`tui.web` share: limits, fetch results, feeds, entries, rows.

Plain frozen records with no behaviour beyond small helpers, so fetching, feed parsing, the
store and the refresh scheduler can be built and tested apart.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from tui import __version__
from tui.article.records import record

FullArticlePolicy: TypeAlias = Literal["auto", "always", "never"]
"""When an entry's link is fetched for the whole article: ``auto`` when the feed carries only a
summary, ``always``, or ``never`` (the feed's text is read as it is)."""

FeedKind: TypeAlias = Literal["rss", "atom", "json"]
"""The format a feed was read from (RSS 0.9x/1.0/2.0, Atom, JSON Feed)."""

USER_AGENT = f"newsread/{__version__} (terminal news reader; +https://pypi.org/project/newsread/)"
"""The User-Agent sent with every request unless ``[web] user_agent`` replaces it."""


@record
class FetchLimits:
    """Bounds on every request (from the ``[web]`` config section)."""

    connect_timeout: float = 10.0
    """Seconds allowed to connect (newsboat's download timeout is the model)."""
    total_timeout: float = 30.0
    """Wall-clock seconds allowed for the whole request, body included (a trickle is cut off)."""
    max_bytes: int = 10 * 1024 * 1024
    """Largest body accepted, counted after decompression (a gzip bomb is refused)."""
    max_redirects: int = 5
    """Redirects followed before giving up."""
    per_host: int = 2
    """Connections open at once to one host."""
    concurrency: int = 8
    """Requests in flight at once in a refresh."""
    user_agent: str = USER_AGENT
    """The User-Agent header."""
    proxy: str | None = None
    """An http(s) proxy URL, or None for a direct connection."""


@record
class Validators:
    """What a conditional GET sends back to the server (from the last 200 response)."""

    etag: str | None = None
    """The ``ETag`` header, sent as ``If-None-Match``."""
    last_modified: str | None = None
    """The ``Last-Modified`` header, sent as ``If-Modified-Since``."""


@record
class FetchResult:
    """A response that answered the request: 200 with a body, or 304 Not Modified."""

    url: str
    """The URL asked for."""
    final_url: str
    """The URL that answered, after redirects."""
    status: int
    """200 or 304 (other statuses raise :class:`FetchError`)."""
    body: bytes
    """The body after decompression (``b""`` for 304)."""
    content_type: str
    """The media type, lower case, without parameters ("" when the server sent none)."""
    charset: str | None = None
    """The charset parameter of ``Content-Type``, when given."""
    validators: Validators = Validators()
    """ETag and Last-Modified of this response, for the next conditional GET."""

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer (the stored copy is still current)."""
        return self.status == 304


class FetchError(Exception):
    """A request that gave nothing usable; ``reason`` is one line for a person to read."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        """Create the error.

        Args:
            url: The URL asked for.
            reason: One line saying what went wrong ("timed out after 30 s", "HTTP 404").
            status: The HTTP status when the server answered.
            retry_after: Seconds the server asked us to wait (429/503 ``Retry-After``).
        """
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


@record
class FeedEntry:
    """One entry of a feed, as the feed states it (text is not yet sanitised)."""

    title: str
    """The entry's title ("" when it has none)."""
    link: str | None = None
    """The entry's article URL, absolute."""
    guid: str | None = None
    """The feed's own id for the entry (RSS guid, Atom id, JSON Feed id)."""
    author: str | None = None
    """The author(s) as the feed names them."""
    published: str | None = None
    """Publication (else update) time, ISO 8601 UTC when it could be read."""
    summary: str | None = None
    """The summary or description (HTML or text)."""
    content: str | None = None
    """The full content when the feed carries it (HTML or text)."""
    content_is_html: bool = True
    """Whether ``content``/``summary`` are HTML (False for JSON Feed ``content_text``)."""
    image_credit: str | None = None
    """A ``media:credit`` (or similar) for the entry's picture."""
    image_caption: str | None = None
    """A ``media:description``/``media:title`` caption for the entry's picture."""


@record
class Feed:
    """A parsed feed."""

    title: str
    """The feed's title ("" when it has none)."""
    kind: FeedKind
    """The format it was read from."""
    link: str | None = None
    """The site the feed belongs to."""
    entries: tuple[FeedEntry, ...] = ()
    """The entries in the feed's order."""


@record
class Subscription:
    """A feed the user follows (one OPML outline)."""

    url: str
    """The feed URL."""
    title: str | None = None
    """A title the user gave or the OPML/feed stated."""


class NotAFeed(ValueError):
    """A body that is not a feed (an HTML page, an image, JSON that is not a JSON Feed)."""


@record
class FeedRow:
    """A subscribed feed as the store keeps it."""

    url: str
    """The feed URL (the key)."""
    title: str | None
    """The user's or the OPML's title, else the feed's own (the first one known is kept)."""
    site_link: str | None
    """The site the feed belongs to."""
    added: float
    """When it was subscribed (Unix time)."""
    last_refresh: float | None
    """When it was last fetched, successfully or not (None: never)."""
    validators: Validators
    """ETag and Last-Modified of the last 200 answer, for a conditional GET."""
    last_error: str | None
    """Why the last fetch failed (None when it succeeded)."""
    next_try: float | None
    """Not to be fetched before this time (Retry-After, back-off), or None."""


@record
class EntryRow:
    """A stored feed entry."""

    id: int
    """The store's id for it (stable while it is kept)."""
    feed_url: str
    """The feed it came from."""
    dedup_key: str
    """``guid:…``, ``link:…`` (canonical link) or ``hash:…`` (title and text): unique per feed."""
    guid: str | None
    """The feed's id for the entry."""
    link: str | None
    """The article URL as the feed gave it (absolute)."""
    canonical_link: str | None
    """``canonical_url(link)``: what read marks and stored pages are keyed by."""
    title: str
    """The entry's title."""
    author: str | None
    """The author(s)."""
    published: str | None
    """ISO 8601 UTC publication (else update) time."""
    summary: str | None
    """Summary or description."""
    content: str | None
    """Full content, when the feed carries it."""
    content_is_html: bool
    """Whether content and summary are HTML."""
    image_credit: str | None
    """The picture's credit."""
    image_caption: str | None
    """The picture's caption."""
    first_seen: float
    """When the store first saw it (Unix time; kept when the entry is updated)."""

    @property
    def read_key(self) -> str:
        """The key for read marks and bookmarks: the canonical link, else one made of the feed
        URL and the dedup key after a ``#`` (no canonical URL has a fragment, so none clash)."""
        return self.canonical_link or f"{self.feed_url}#{self.dedup_key}"

    def to_entry(self) -> FeedEntry:
        """The entry as a :class:`FeedEntry` (for ``readable.read_entry``)."""
        return FeedEntry(
            title=self.title,
            link=self.link,
            guid=self.guid,
            author=self.author,
            published=self.published,
            summary=self.summary,
            content=self.content,
            content_is_html=self.content_is_html,
            image_credit=self.image_credit,
            image_caption=self.image_caption,
        )


@record
class PageRow:
    """A fetched page kept with its raw bytes (a better extractor can re-read it offline)."""

    url: str
    """The URL asked for (the key)."""
    final_url: str
    """The URL that answered, after redirects."""
    content_type: str
    """The media type, lower case."""
    body: bytes
    """The raw body (after decompression)."""
    fetched_at: float
    """When it was fetched (Unix time)."""
    canonical_url: str | None = None
    """The page's canonical address; the store fills ``canonical_url(final_url)`` when None."""
    charset: str | None = None
    """The charset the server declared."""
    validators: Validators = Validators()
    """ETag and Last-Modified, for a conditional GET."""
