"""Reading an item or entry as feedparser would, for the fast path (:mod:`tui.web.xmlfeed`).

feedparser reads a feed as a stream of start and end tags and keeps state between them: a
title is kept from the shallowest element that gave one (``title_depth``), a second
description becomes content when there is no content yet, a ``guid`` that is a permalink is
resolved against the base and becomes the link when there is none, each author updates the
``author`` string from the last person. :class:`Walker` replays those rules over an lxml tree
for the elements it knows and raises :class:`~tui.web.xmltext.Unsupported` for any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tui.web.xmlnames import ATOM, FEEDPARSER_NAMESPACES, FEEDPARSER_PREFIXES, READ, SKIPPED
from tui.web.xmltext import (
    Unsupported,
    fix_text,
    parse_date,
    safe_absolute_uri,
    sync_author,
    urljoin,
)

__all__ = ["ITEM_SKIP", "Raw", "Walker"]

Raw = dict[str, Any]
_XML_NS = "http://www.w3.org/XML/1998/namespace"
# feedparser guesses HTML in a plain-text RSS element by a close tag or an entity.
_MAYBE_HTML = re.compile(r"</\w+>|&#?\w+;")
_LINK_ENTITY = re.compile(r"&([A-Za-z0-9_]+);")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TYPES = {"text": "text/plain", "plain": "text/plain", "html": "text/html"}

ITEM_SKIP = frozenset(
    {"category", "comments", "enclosure", "rights", "media_credit", "media_thumbnail"}
    | {"media_category", "media_rating", "media_restriction", "media_license", "media_player"}
    | {"media_keywords", "media_hash", "media_text", "media_copyright", "media_embed"}
)
"""Leaf elements of an item that feedparser only files away (under keys newsread never reads)."""


@dataclass
class _State:
    """feedparser's state while it reads one item."""

    title_depth: int = -1
    has_content: bool = False
    depths: dict[str, int] = field(default_factory=dict)


def map_type(value: str) -> str:
    """feedparser's ``map_content_type``: ``text``/``plain``/``html`` to media types."""
    value = value.lower()
    return _TYPES.get(value, value)


class Walker:
    """Names, attributes and values as feedparser sees them, and the items of a feed."""

    def __init__(self, url: str) -> None:
        if safe_absolute_uri(url, url) != url:
            raise Unsupported("base")
        self.base = url
        """The document's base (the feed URL)."""
        self.atom = False
        """Whether the document is Atom (feedparser guesses no HTML in Atom's plain text)."""
        self.home = ""
        """The dialect's own namespace: "" (RSS 2.0), RSS 1.0's or Atom's."""

    # -- names, attributes, text ---------------------------------------------------------------

    def key(self, el: Any) -> str | None:
        """feedparser's name for an element (``title``, ``dc_creator``); None: a leaf to skip."""
        tag = el.tag
        if not isinstance(tag, str):
            return None  # a comment or processing instruction between elements: SAX skips it
        uri, _, local = tag[1:].partition("}") if tag[0] == "{" else ("", "", tag)
        prefix = READ.get(uri)
        if prefix is None:
            lower = uri.lower()
            if len(el) or (lower in FEEDPARSER_NAMESPACES and lower not in SKIPPED):
                raise Unsupported(f"namespace {uri}")
            if lower not in SKIPPED and (el.prefix is None or el.prefix in FEEDPARSER_PREFIXES):
                raise Unsupported(f"prefix {el.prefix}")
            return None
        if prefix == "" and uri != self.home:
            if uri == ATOM and local == "link":
                return "atom_link"
            raise Unsupported(f"{uri} in another dialect")
        local = local.lower()
        return f"{prefix}_{local}" if prefix else local

    def attrs(self, el: Any) -> dict[str, str]:
        """The element's attributes as feedparser names them (``rel``/``type`` in lower case)."""
        found: dict[str, str] = {}
        for name, value in el.attrib.items():
            uri, _, local = name[1:].partition("}") if name[0] == "{" else ("", "", name)
            if uri == _XML_NS:
                local = f"xml:{local}"
            elif READ.get(uri):
                local = f"{READ[uri]}:{local}"
            elif uri:
                raise Unsupported(f"attribute {name}")
            local = local.lower()
            found[local] = value.lower() if local in ("rel", "type") else value
        return found

    def enter(self, el: Any, base: str) -> tuple[str, dict[str, str]]:
        """The base inside ``el`` (``xml:base``, as feedparser tracks it) and its attributes."""
        if not el.attrib:
            return base, {}
        attrs = self.attrs(el)
        given = attrs.get("xml:base", attrs.get("base"))
        if given:
            base = (safe_absolute_uri(base, given) or base) if base else urljoin(base, given)
        return base, attrs

    def text(
        self, el: Any, attrs: dict[str, str], default: str, *, typed: bool = True
    ) -> tuple[str, str]:
        """A text element's value and media type, after feedparser's ``pop``.

        ``typed=False`` for titles, whose type newsread never reads.
        """
        if len(el) or "mode" in attrs or "src" in attrs:
            raise Unsupported("markup, base64 or src in a text element")
        kind = map_type(attrs.get("type", default))
        if kind not in ("text/plain", "text/html"):
            raise Unsupported(f"content type {kind}")
        output = (el.text or "").strip()
        if typed and not self.atom and kind == "text/plain" and _MAYBE_HTML.search(output):
            raise Unsupported("plain text that feedparser may call HTML")
        return fix_text(output), kind

    def uri(self, el: Any, base: str) -> str:
        """A URI element's value: stripped, resolved against the base, as feedparser's ``pop``."""
        if len(el):
            raise Unsupported("markup in a URI element")
        output = (el.text or "").strip()
        return fix_text(urljoin(base, output) if output else output)

    def link(self, el: Any, base: str, attrs: dict[str, str]) -> tuple[str, str, bool]:
        """An Atom ``<link href>``: (rel, resolved href, whether it is the alternate page)."""
        if len(el) or "href" not in attrs or "url" in attrs or "uri" in attrs:
            raise Unsupported("link without href")
        rel = attrs.get("rel", "alternate")
        kind = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
        href = urljoin(base, attrs["href"])
        return rel, href, rel == "alternate" and map_type(kind) in _HTML_TYPES

    # -- an item -------------------------------------------------------------------------------

    def entry(self, el: Any, base: str, attrs: dict[str, str], depth: int) -> Raw:
        """One item or entry (at ``depth``) as feedparser's entry dictionary.

        The key ``_title_depth`` holds feedparser's title depth after the item (the channel's
        own title after the items depends on it).
        """
        ctx: Raw = {}
        if attrs.get("rdf:about"):
            ctx["id"] = attrs["rdf:about"]
        state = _State()
        self._children(el, base, depth + 1, ctx, state)
        ctx["_title_depth"] = state.title_depth
        return ctx

    def _children(self, el: Any, base: str, depth: int, ctx: Raw, st: _State) -> None:
        for child in el:
            name = self.key(child)
            child_base, attrs = self.enter(child, base)
            if name is None or name in ITEM_SKIP:
                if len(child):
                    raise Unsupported(f"{name} with children")
            elif name == "source" and not self.atom:
                if len(child):
                    raise Unsupported("source with children")
                st.title_depth = -1
            elif name in ("title", "dc_title", "media_title"):
                value, _ = self.text(child, attrs, "text/plain", typed=False)
                if not -1 < st.title_depth <= depth:
                    _store(ctx, st, "title", value, depth)
                if value and name != "media_title":  # media:title leaves the depth as it was
                    st.title_depth = depth
            elif name in ("description", "dc_description", "media_description", "summary"):
                if name == "summary" and not self.atom:
                    raise Unsupported("summary in RSS")
                if "summary" in ctx and not st.has_content:  # feedparser: a second one is content
                    self._content(child, attrs, ctx, st, "text/plain")
                else:
                    default = "text/plain" if name == "summary" else "text/html"
                    value, kind = self.text(child, attrs, default)
                    _store(ctx, st, "summary", value, depth)
                    ctx["summary_detail"] = {"type": kind}
            elif name == "content_encoded" or (name == "content" and self.atom):
                self._content(child, attrs, ctx, st, "text/plain" if self.atom else "text/html")
            elif name == "link" and not self.atom:
                if child.attrib:
                    raise Unsupported("RSS link with attributes")
                ctx.setdefault("links", []).append({"rel": "alternate", "type": "text/html"})
                value = self.uri(child, child_base)
                if "&" in value:
                    value = _LINK_ENTITY.sub(r"&\g<1>", value.replace("&amp;", "&"))
                ctx["link"] = value
                if value:
                    ctx["links"][-1]["href"] = value
            elif name in ("link", "atom_link"):
                rel, href, alternate = self.link(child, child_base, attrs)
                ctx.setdefault("links", []).append({"rel": rel, "href": href})
                if alternate:
                    ctx["link"] = href
            elif name in ("guid", "id"):
                self._guid(child, child_base, attrs, ctx, st, depth)
            elif name in ("author", "dc_creator", "dc_author"):
                self._author(child, child_base, ctx, st, depth)
            elif name in ("pubdate", "published", "issued", "updated", "modified", "dc_date"):
                if len(child):
                    raise Unsupported("markup in a date")
                value = fix_text((child.text or "").strip())
                stamp = "published" if name in ("pubdate", "published", "issued") else "updated"
                _store(ctx, st, stamp, value, depth)
                ctx[f"{stamp}_parsed"] = parse_date(value)
            elif name in ("media_content", "media_group"):
                self._children(child, child_base, depth + 1, ctx, st)
            elif name == "contributor" and self.atom:
                if any(
                    self.key(part) not in ("name", "email", "uri") or len(part) for part in child
                ):
                    raise Unsupported("contributor parts")
            else:
                raise Unsupported(f"{name} in an item")

    def _content(self, el: Any, attrs: dict[str, str], ctx: Raw, st: _State, default: str) -> None:
        """feedparser's ``_start_content``/``_end_content``: a block, and the summary if none."""
        st.has_content = True
        value, kind = self.text(el, attrs, default)
        ctx.setdefault("content", []).append({"value": value, "type": kind})
        ctx.setdefault("summary", value)

    def _guid(
        self, el: Any, base: str, attrs: dict[str, str], ctx: Raw, st: _State, depth: int
    ) -> None:
        """A ``guid`` or Atom ``id``: resolved and taken as the link when it is a permalink."""
        if len(el):
            raise Unsupported("markup in a guid")
        permalink = attrs.get("ispermalink", "true") == "true"
        output = (el.text or "").strip()
        if output and permalink:
            output = urljoin(base, output)
        value = fix_text(output)
        _store(ctx, st, "id", value, depth)
        if permalink:
            ctx.setdefault("link", value)

    def _author(self, el: Any, base: str, ctx: Raw, st: _State, depth: int) -> None:
        """An author: the person's parts (Atom), then the element's own text, then the sync."""
        ctx.setdefault("authors", []).append({})
        if len(el) and not self.atom:
            raise Unsupported("markup in an RSS author")
        for part in el:
            name = self.key(part)
            part_base, _ = self.enter(part, base)
            if name not in ("name", "email", "uri") or len(part):
                raise Unsupported(f"{name} in an author")
            # feedparser keeps a name or an email as read (no further clean-up).
            value = self.uri(part, part_base) if name == "uri" else (part.text or "").strip()
            _save_author(ctx, "href" if name == "uri" else name, value)
        own = (el.text or "") + "".join(part.tail or "" for part in el)
        _store(ctx, st, "author", fix_text(own.strip()), depth)
        sync_author(ctx)


def _store(ctx: Raw, st: _State, key: str, value: str, depth: int) -> None:
    """feedparser keeps a value unless one came from a shallower element."""
    old = st.depths.get(key)
    if old is None or depth <= old:
        st.depths[key] = depth
        ctx[key] = value


def _save_author(ctx: Raw, key: str, value: str) -> None:
    """feedparser's ``_save_author``: the detail, a sync, then the last person's part."""
    ctx.setdefault("author_detail", {})[key] = value
    sync_author(ctx)
    ctx.setdefault("authors", [{}])[-1][key] = value
