"""OPML subscription lists: read (any nesting, hostile XML refused safely) and written (2.0).

Reading uses lxml (imported inside :func:`read_opml`) with entity expansion, DTD loading and
the network off and huge trees refused, so a billion-laughs file or an external entity costs
nothing and reads nothing. Writing needs no library: attribute values are escaped with
:func:`xml.sax.saxutils.quoteattr`, and characters XML 1.0 cannot carry at all (C0 controls
but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from tui.web.types import FetchError, Subscription
from tui.web.urls import check_url

__all__ = ["OpmlError", "read_opml", "write_opml"]

# Characters XML 1.0 forbids even as character references.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OpmlError(ValueError):
    """A file that cannot be read as OPML; the message is one line."""


def _attribute(attrs: dict[str, str], name: str) -> str | None:
    """An attribute by name in any case (``xmlUrl``, ``xmlurl``), stripped; None when blank."""
    for key, value in attrs.items():
        if key.lower() == name:
            return value.strip() or None
    return None


def read_opml(data: bytes) -> list[Subscription]:
    """The feeds an OPML file lists.

    Every ``<outline>`` with an ``xmlUrl`` counts, however deeply folders nest; its title is
    its ``title``, else its ``text``. A URL listed twice counts once (the first), and one
    that is not http(s) is skipped.

    Args:
        data: The file's bytes.

    Returns:
        The subscriptions in document order.

    Raises:
        OpmlError: when the file is not well-formed XML or not OPML.
    """
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"not an OPML file: {str(exc).splitlines()[0][:200]}") from exc
    except ValueError as exc:  # e.g. a str with an encoding declaration
        raise OpmlError(f"not an OPML file: {exc}") from exc
    if not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise OpmlError("not an OPML file: its root element is not <opml>")
    found: list[Subscription] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        attrs = {str(key): str(value) for key, value in outline.attrib.items()}
        url = _attribute(attrs, "xmlurl")
        if url is None:
            continue
        try:
            url = check_url(url)
        except FetchError:
            continue
        if url in seen:
            continue
        seen.add(url)
        title = _attribute(attrs, "title") or _attribute(attrs, "text")
        found.append(Subscription(url=url, title=title))
    return found


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def write_opml(subscriptions: Iterable[Subscription], *, title: str = "newsread feeds") -> str:
    """An OPML 2.0 document listing the subscriptions (flat, in the order given).

    Each becomes ``<outline type="rss" text=… title=… xmlUrl=…/>``; ``text`` is the title, or
    empty when there is none (OPML requires the attribute). Read back with :func:`read_opml`
    it gives the same subscriptions (titles stripped, characters XML cannot hold left out).

    Args:
        subscriptions: The feeds.
        title: The document's ``<head><title>``.

    Returns:
        The document, UTF-8 declared, ending with a newline.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{escape(_clean(title))}</title></head>",
        "  <body>",
    ]
    for sub in subscriptions:
        name = _clean(sub.title or "").strip()
        attributes = f'type="rss" text={quoteattr(name)}'
        if name:
            attributes += f" title={quoteattr(name)}"
        lines.append(f"    <outline {attributes} xmlUrl={quoteattr(_clean(sub.url))}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
