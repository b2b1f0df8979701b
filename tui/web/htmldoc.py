"""Reading an HTML document's bytes into an lxml tree safely, and small helpers on elements.

The charset comes from a byte-order mark, the caller (the HTTP ``Content-Type``), the page's
``<meta charset>``, else UTF-8; bytes that do not decode become U+FFFD. The decoded text is
handed to libxml2 as UTF-8 with that encoding stated, so a ``<meta>`` cannot make it decode the
page a second time. The parser never touches the network, keeps no comments or processing
instructions, and :func:`drop_unshown` removes what a reader never sees as text (scripts,
styles, templates, ``<noscript>`` fallbacks). lxml is imported inside the functions.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = [
    "BLOCK_TAGS",
    "UNSHOWN_TAGS",
    "collapse",
    "decode_html",
    "drop_unshown",
    "parse_html",
    "tag_of",
    "words_of",
]

UNSHOWN_TAGS = ("script", "style", "template", "noscript")
"""Elements whose content is never article text."""

BLOCK_TAGS = frozenset(
    str.split(
        "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
        "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol "
        "p pre section summary table tbody td tfoot th thead tr ul caption legend"
    )
)
"""Elements that end the paragraph before them and start a new one."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_SNIFF = 4096
"""Bytes searched for a ``<meta charset>`` (the HTML standard says 1024; pages pad)."""
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_UNSHOWN_BLOCK = re.compile(
    r"<(script|style|template|noscript)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL
)
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|h[1-6]|br|tr|section|article|blockquote)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<[^>]*>", re.DOTALL)


def _codec(name: str | None) -> str | None:
    """The Python codec for a charset label, or None when it names none."""
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip().strip("\"'").lower()).name
    except (LookupError, ValueError):
        return None
    # A page that reached us as ASCII-compatible bytes and says UTF-16 in a <meta> is UTF-8
    # (the HTML standard's rule); only a BOM makes a page UTF-16.
    return "utf-8" if found.startswith(("utf-16", "utf-32")) else found


def decode_html(body: bytes, charset: str | None = None) -> str:
    """Decode a page's bytes.

    Args:
        body: The bytes as fetched.
        charset: The charset the server named, if any.

    Returns:
        The text; undecodable bytes become U+FFFD and NUL becomes U+FFFD too.
    """
    encoding = None
    for bom, name in _BOMS:
        if body.startswith(bom):
            encoding, body = name, body[len(bom) :]
            break
    if encoding is None:
        encoding = _codec(charset)
    if encoding is None:
        found = _META_CHARSET.search(body, 0, _SNIFF)
        encoding = _codec(found.group(1).decode("ascii")) if found else None
    text = body.decode(encoding or "utf-8", errors="replace")
    return text.replace("\x00", "\ufffd")


def parse_html(text: str) -> HtmlElement:
    """Parse decoded HTML into a document tree (never raises, never fetches).

    Args:
        text: The decoded page, or an HTML fragment.

    Returns:
        The ``<html>`` element; it always has a ``<body>``.
    """
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        huge_tree=True,  # nesting up to 2048 deep; deeper pages are flattened below
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        collect_ids=False,
    )
    data = text.encode("utf-8", errors="replace")
    try:
        root = lxml.html.document_fromstring(data, parser=parser) if data.strip() else None
    except (lxml.etree.ParserError, ValueError):
        root = None
    if root is not None and any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 cuts everything after nesting 2048 deep: read such a page as flat text.
        root = lxml.html.document_fromstring(_flattened(text).encode("utf-8"), parser=parser)
    if root is None:
        root = lxml.html.document_fromstring(b"<html><body></body></html>", parser=parser)
    if root.find("body") is None:
        root.append(lxml.html.Element("body"))
    return root


def _flattened(text: str) -> str:
    """A page too deeply nested to parse as one ``<p>`` per line of its text (tags removed,
    scripts and styles with their content, entities decoded by :func:`html.unescape`, which
    knows only the HTML character references)."""
    import html

    text = _UNSHOWN_BLOCK.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = html.unescape(_ANY_TAG.sub("", text))
    lines = (collapse(line) for line in text.split("\n"))
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    return f"<html><body>{body}</body></html>"


def drop_unshown(root: HtmlElement) -> None:
    """Remove scripts, styles, templates and ``<noscript>`` fallbacks (their tails stay).

    Args:
        root: The document.
    """
    for element in list(root.iter(*UNSHOWN_TAGS)):
        element.drop_tree()


def tag_of(element: HtmlElement) -> str:
    """The element's lower-case tag ("" for comments and other non-elements)."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def words_of(element: HtmlElement) -> set[str]:
    """The words of an element's class, id, role and ``data-component``/``data-testid``.

    ``ssrcss-1q0x-Paragraph share_bar`` gives {"ssrcss", "1q0x", "paragraph", "share", "bar"}.
    """
    attrib = element.attrib
    if not attrib:
        return set()  # most elements: no attribute at all
    joined = " ".join(
        str(attrib.get(name, ""))
        for name in ("class", "id", "role", "data-component", "data-testid", "itemprop")
    )
    return set(_WORD_SPLIT.split(joined.lower())) - {""} if joined.strip() else set()


def collapse(text: str) -> str:
    """Text on one line with runs of white space made one space, stripped."""
    return " ".join(text.split())
