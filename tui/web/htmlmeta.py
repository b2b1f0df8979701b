"""A page's metadata: headline, authors, date, outlet, canonical address, live or not.

Read before the scripts are dropped, since JSON-LD lives in ``<script>`` elements. Sources in
order of trust: JSON-LD (``NewsArticle``, ``Article``, ``ReportageNewsArticle`` and kin, inside
``@graph`` too), then OpenGraph/``article:`` meta tags, then ``<meta name=author>``,
``rel=author`` links, ``<h1>``, ``<title>`` and the first ``<time datetime>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from tui.article.byline import match_byline, title_case
from tui.article.model import Author
from tui.article.sanitize import sanitize
from tui.web.htmldoc import collapse, drop_unshown

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PageMeta", "clean", "merge_authors", "read_meta", "same_site", "split_names"]

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
        "scholarlyarticle",
    }
)
_MAX_JSON = 2_000_000
"""Characters of one JSON-LD script read (a bigger one is not metadata)."""
_MAX_NODES = 2000
"""JSON-LD objects looked at per page."""


@dataclass
class PageMeta:
    """What a page says about itself."""

    title: str | None = None
    """The headline (JSON-LD, ``og:title``, ``<h1>``, ``<title>``, in that order)."""
    authors: list[Author] = field(default_factory=list)
    """Authors named by JSON-LD, ``<meta name=author>`` and ``rel=author`` links."""
    date: str | None = None
    """Publication date as given (ISO 8601 usually)."""
    outlet: str | None = None
    """``og:site_name`` or the JSON-LD publisher's name."""
    canonical: str | None = None
    """The ``<link rel=canonical>`` address when it is http(s) on the same site."""
    base: str = ""
    """The address relative links are resolved against (``<base href>`` or the page's)."""
    live: bool = False
    """True for a live page (``LiveBlogPosting``, or ``/live/`` in the address)."""


def clean(text: object) -> str:
    """Metadata text made safe and put on one line ("" for anything but a string)."""
    return collapse(sanitize(text)) if isinstance(text, str) else ""


def split_names(text: str) -> list[str]:
    """Split ``Ana Ruiz, Tom Lyle and Kim Ode`` into names (kept whole if a part is long)."""
    parts = [p.strip() for chunk in text.split(",") for p in chunk.split(" and ")]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(len(p.split()) <= 5 for p in parts):
        return parts
    return [text] if text else []


def merge_authors(*groups: list[Author]) -> list[Author]:
    """Authors of every group in order, each name once (the first role stated wins)."""
    out: list[Author] = []
    where: dict[str, int] = {}
    for group in groups:
        for author in group:
            key = author.name.casefold()
            if key not in where:
                where[key] = len(out)
                out.append(author)
            elif author.role and not out[where[key]].role:
                out[where[key]] = Author(out[where[key]].name, author.role)
    return out


def same_site(a: str, b: str) -> bool:
    """Whether two http(s) addresses are on one site (``www.`` and subdomains allowed)."""
    try:
        ha, hb = (urlsplit(u).hostname or "" for u in (a, b))
    except ValueError:
        return False
    ha, hb = ha.removeprefix("www."), hb.removeprefix("www.")
    return bool(ha and hb) and (ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha))


def _objects(data: object) -> Iterator[dict[str, object]]:
    """Every JSON object in a JSON-LD value, breadth first, ``@graph`` included."""
    queue: list[object] = [data]
    seen = 0
    while queue and seen < _MAX_NODES:
        item = queue.pop(0)
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            seen += 1
            yield item
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(item.get(key), (list, dict)):
                    queue.append(item[key])


def _types(obj: dict[str, object]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _ld_authors(value: object) -> list[Author]:
    out: list[Author] = []
    for item in value if isinstance(value, list) else [value]:
        name = clean(item.get("name")) if isinstance(item, dict) else clean(item)
        if name and not name.startswith(("http://", "https://")):
            out.extend(Author(n) for n in split_names(name))
    return out


def _json_ld(root: HtmlElement, meta: PageMeta) -> list[Author]:
    """Fill title, date, outlet and liveness from the first article object; return authors."""
    for script in root.iter("script"):
        if str(script.get("type", "")).strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > _MAX_JSON:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            kinds = _types(obj)
            if not kinds & _ARTICLE_TYPES:
                continue
            meta.live = meta.live or "liveblogposting" in kinds
            meta.title = clean(obj.get("headline")) or clean(obj.get("name")) or None
            meta.date = clean(obj.get("datePublished")) or None
            publisher = obj.get("publisher")
            if isinstance(publisher, dict):
                meta.outlet = clean(publisher.get("name")) or None
            return _ld_authors(obj.get("author"))
    return []


def _join(base: str, href: str) -> str:
    """``href`` made absolute ("" when the addresses cannot be read)."""
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return ""


def _first_text(root: HtmlElement, path: str) -> str:
    for element in root.iterfind(path):
        text = clean(element.text_content())
        if text:
            return text
    return ""


def read_meta(root: HtmlElement, url: str) -> PageMeta:
    """Read a page's metadata; the scripts, styles and templates are dropped on the way.

    JSON-LD is read first (it lives in ``<script>`` elements), then the unshown elements
    are dropped (:func:`tui.web.htmldoc.drop_unshown`), so no script text reaches a title.

    Args:
        root: The parsed document.
        url: The address the page was fetched from.

    Returns:
        What the page says about itself; missing parts are None or empty.
    """
    meta = PageMeta(base=url)
    ld_authors = _json_ld(root, meta)
    drop_unshown(root)
    props: dict[str, str] = {}
    meta_authors: list[Author] = []
    for element in root.iter("meta"):
        key = str(element.get("property") or element.get("name") or "").strip().lower()
        value = clean(element.get("content"))
        if not key or not value:
            continue
        if key == "author" and not value.startswith(("http://", "https://")):
            meta_authors.extend(Author(n) for n in split_names(value))
        props.setdefault(key, value)
    rel_authors: list[Author] = []
    for a in root.iter("a"):
        text = clean(a.text_content())
        if "author" in str(a.get("rel", "")).lower().split() and 0 < len(text.split()) <= 6:
            found = match_byline(text)  # "By Signe Halvorsen" in the link itself
            names = found.names if found is not None and found.names else (title_case(text),)
            rel_authors.extend(Author(name) for name in names)
    meta.authors = merge_authors(ld_authors, meta_authors, rel_authors)
    meta.title = (
        meta.title
        or props.get("og:title")
        or _first_text(root, ".//body//h1")
        or _first_text(root, ".//title")
        or None
    )
    meta.outlet = props.get("og:site_name") or meta.outlet
    if meta.date is None:
        meta.date = props.get("article:published_time")
    if meta.date is None:
        for time in root.iterfind(".//body//time[@datetime]"):
            meta.date = clean(time.get("datetime")) or None
            if meta.date:
                break
    for base in root.iterfind(".//head/base[@href]"):
        joined = _join(url, str(base.get("href", "")))
        if joined.lower().startswith(("http://", "https://")):
            meta.base = joined
        break
    for link in root.iter("link"):
        if "canonical" in str(link.get("rel", "")).lower().split():
            href = _join(meta.base, str(link.get("href", "")))
            if href.lower().startswith(("http://", "https://")) and same_site(href, url):
                meta.canonical = href
            break
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        path = ""
    meta.live = meta.live or "/live/" in path or path.endswith("/live")
    return meta
