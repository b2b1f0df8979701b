"""Picture credits and captions from Media RSS (``media:credit``, ``media:description``).

feedparser keeps ``media:credit`` but folds ``media:description`` and ``media:title`` into the
entry's own summary and title (or drops them), so the captions are read here in a second,
small pass with lxml: only when the body names the Media RSS namespace, with no entity
expansion, no network and no huge trees. lxml is imported inside the function.
"""

from __future__ import annotations

from typing import Any

from tui.web.jsonfeed import cap

__all__ = ["MEDIA_NS", "item_media", "media_credits"]

MEDIA_NS = "http://search.yahoo.com/mrss/"
"""The Media RSS namespace."""

_ITEM_TAGS = frozenset(
    {"item", "{http://purl.org/rss/1.0/}item", "{http://www.w3.org/2005/Atom}entry"}
)


def media_credits(body: bytes) -> list[tuple[str | None, str | None]] | None:
    """The ``(credit, caption)`` of each item or entry of a feed, in document order.

    The caption is ``media:description``, else ``media:title``; each is the first non-blank one
    inside the item (at item level or inside ``media:content``/``media:group``).

    Args:
        body: The feed's bytes.

    Returns:
        One pair per item, or None when the body uses no Media RSS or cannot be read.
    """
    if MEDIA_NS.encode() not in body:
        return None
    from lxml import etree

    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    return [item_media(item) for item in root.iter(*_ITEM_TAGS)]


def item_media(item: Any) -> tuple[str | None, str | None]:
    """The ``(credit, caption)`` of one item or entry (an lxml element), as :func:`media_credits`.

    Args:
        item: The ``<item>`` or ``<entry>`` element.

    Returns:
        The first non-blank credit, and the first description else title (None when absent).
    """
    from lxml import etree

    credit = description = title = None
    for node in item.iter(
        f"{{{MEDIA_NS}}}credit", f"{{{MEDIA_NS}}}description", f"{{{MEDIA_NS}}}title"
    ):
        text = cap(
            etree.tostring(node, method="text", encoding="unicode", with_tail=False), "title"
        )
        name = etree.QName(node).localname
        if name == "credit":
            credit = credit or text
        elif name == "description":
            description = description or text
        else:
            title = title or text
    return credit, description or title
