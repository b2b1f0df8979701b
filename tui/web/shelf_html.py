"""The small HTML document the shelf writes for a feed entry with no stored page.

The reader reads it back in reader mode (:func:`tui.web.readable.read_page`), so it states
what the entry knows in the markup that reader understands: ``<title>`` and ``<h1>``,
``<meta name=author>``, ``<time datetime>`` and ``article:published_time``, the canonical
link, ``og:site_name`` (the feed's title: the article's outlet), a ``<figure>`` for the
picture's caption and credit, then the entry's content (else summary) as the body. Every value
from the feed is escaped with :func:`html.escape` (quotes too), so a title holding ``"><script>``
stays text; the content is HTML by nature and is only ever parsed, never run.
``<meta name="newsread-summary-only">`` marks an entry whose text is a teaser
(:func:`tui.web.feeds.has_full_content` is False), so the app can fetch the whole article.
Textual-free; imports no third-party library.
"""

from __future__ import annotations

import html
import json
from datetime import datetime, timedelta

from tui.web.types import EntryRow

__all__ = ["SUMMARY_ONLY", "entry_document"]

SUMMARY_ONLY = b'<meta name="newsread-summary-only" content="1">'
"""The marker of a teaser entry, as written. The app asks the shelf's manifest, not the file:
an entry's own content could carry the same bytes."""


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _text_body(text: str) -> str:
    """Plain text (JSON Feed ``content_text``) as escaped paragraphs."""
    chunks = text.replace("\r\n", "\n").split("\n\n")
    return "\n".join(f"<p>{html.escape(chunk.strip())}</p>" for chunk in chunks if chunk.strip())


def entry_document(entry: EntryRow, *, feed_title: str, summary_only: bool) -> bytes:
    """The HTML document for one stored entry.

    Args:
        entry: The stored entry.
        feed_title: The feed's title (the outlet).
        summary_only: Mark the entry as a teaser whose whole article is on its link.

    Returns:
        UTF-8 bytes.
    """
    title = html.escape(entry.title or "", quote=True)
    head = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">', f"<title>{title}</title>"]
    # The entry's own facts first, as og:title and JSON-LD: reader mode trusts the first of
    # each, so markup inside the feed's content cannot rename or re-date the entry.
    head.append(f'<meta property="og:title" content="{_attr(entry.title or "")}">')
    facts: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle",
                                "headline": entry.title or ""}  # fmt: skip
    if entry.author:
        facts["author"] = {"@type": "Person", "name": entry.author}
    if entry.published:
        facts["datePublished"] = entry.published
    # No < > & inside the script (JSON escapes them), so no text can end it or look like markup.
    ld = json.dumps(facts, ensure_ascii=True)
    ld = ld.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    head.append(f'<script type="application/ld+json">{ld}</script>')
    if entry.link:
        head.append(f'<link rel="canonical" href="{_attr(entry.link)}">')
    if feed_title:
        head.append(f'<meta property="og:site_name" content="{_attr(feed_title)}">')
    if entry.author:
        head.append(f'<meta name="author" content="{_attr(entry.author)}">')
    if entry.published:
        head.append(f'<meta property="article:published_time" content="{_attr(entry.published)}">')
    if summary_only:
        head.append(SUMMARY_ONLY.decode())
    body = ["</head><body><article>", f"<h1>{title}</h1>"]
    if entry.published:
        stamp = _attr(entry.published)
        shown = html.escape(human_date(entry.published))
        body.append(f'<p><time datetime="{stamp}">{shown}</time></p>')
    if entry.image_caption or entry.image_credit:
        parts = ["<figure>"]
        if entry.image_caption:
            parts.append(f"<figcaption>{html.escape(entry.image_caption)}</figcaption>")
        if entry.image_credit:
            parts.append(f'<small class="credit">{html.escape(entry.image_credit)}</small>')
        parts.append("</figure>")
        body.append("".join(parts))
    text = entry.content or entry.summary or ""
    # A feed's HTML is kept as HTML (reader mode reads its structure); plain text is escaped.
    body.append(text if entry.content_is_html else _text_body(text))
    body.append("</article></body></html>\n")
    return ("\n".join(head) + "\n" + "\n".join(body)).encode("utf-8", "replace")


def human_date(stamp: str) -> str:
    """An entry's ISO 8601 time as a reader writes it ("1 April 2024, 09:00 UTC").

    Args:
        stamp: The stored time (``2024-04-01T09:00:00Z``; feeds' own forms pass through).

    Returns:
        The time in words and figures, or ``stamp`` unchanged when it is not ISO 8601.
    """
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if "T" not in stamp and " " not in stamp.strip():
        return f"{when.day} {when.strftime('%B %Y')}"  # a date without a time
    zone = "UTC" if when.utcoffset() in (None, timedelta(0)) else when.strftime("%z")
    return f"{when.day} {when.strftime('%B %Y, %H:%M')} {zone}"
