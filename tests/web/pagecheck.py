"""Helpers for reader-mode tests: the text of every block, and the page's visible words."""

from __future__ import annotations

from tui.article.model import Article, Heading
from tui.article.sanitize import sanitize

UNSHOWN = ("script", "style", "template", "noscript")


def block_blob(article: Article) -> str:
    """Every block's text and raw, one per line (what "nothing is lost" checks against)."""
    parts: list[str] = []
    for block in article.blocks():
        parts.append(getattr(block, "text", "") or "")
        parts.append(block.raw)
        for name in ("credit", "caption"):
            parts.append(getattr(block, name, None) or "")
        if isinstance(block, Heading):
            parts.append(block.text)
    return "\n".join(" ".join(p.split()) for p in parts)


def visible_words(html: bytes) -> list[str]:
    """The words a browser shows in the page body (scripts, styles, templates excluded)."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for element in list(root.iter(*UNSHOWN)):
        element.drop_tree()
    body = root.find("body")
    assert body is not None
    return sanitize(" ".join(body.itertext())).split()
