"""Inline-token helpers for the Markdown reader: plain-text flattening and image credits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeAlias

from markdown_it.token import Token

from tui.article.credits import caption_credit
from tui.article.model import ImageCredit, MediaKind
from tui.article.sanitize import sanitize

__all__ = ["ImageGroup", "Kind", "flatten", "image_groups", "italic_credit", "merge_credit"]

Kind: TypeAlias = Literal["body", "blockquote", "list-item", "dateline"]
"""A paragraph's kind (mirrors :attr:`Paragraph.kind`)."""

_LABEL = re.compile(
    r"^(?:(photo(?:graph)?|picture|pic|image(?:\s+source)?|credit|credits|source|video|copyright)"
    r"\s*[:,]\s*|(©)\s*)",
    re.IGNORECASE,
)
_VIDEO_SUFFIXES = (".mp4", ".webm", ".mov", ".m4v", ".ogv", ".mkv")
_BREAKS = frozenset({"softbreak", "hardbreak"})
_EMPHASIS_OPEN = frozenset({"em_open", "strong_open"})
_EMPHASIS_CLOSE = frozenset({"em_close", "strong_close"})


def flatten(tokens: Sequence[Token]) -> str:
    """Flatten inline tokens to plain text.

    Emphasis and link markup is dropped (link text stays), code spans keep their text, line
    breaks become spaces, images become their alt text, inline HTML stays as written, and
    entities are kept as written (``&amp;``) so nothing the file does not contain appears.

    Args:
        tokens: An inline token's children.

    Returns:
        The text, not stripped.
    """
    parts: list[str] = []
    for tok in tokens:
        t = tok.type
        if t == "text_special":
            parts.append(tok.markup if tok.info == "entity" else tok.content)
        elif t in {"text", "code_inline", "html_inline"}:
            parts.append(tok.content)
        elif t in _BREAKS:
            parts.append(" ")
        elif t == "image":
            parts.append(flatten(tok.children or []))
    return "".join(parts)


def split_label(text: str) -> tuple[str | None, str]:
    """Split a credit label off: ``Photo: Jane Doe`` → (``photo``, ``Jane Doe``).

    Args:
        text: A credit or caption text.

    Returns:
        The lower-cased label (None when there is none) and the rest.
    """
    match = _LABEL.match(text)
    if match is None:
        return None, text
    label = (match.group(1) or match.group(2)).lower()
    return label, text[match.end() :].strip()


def _fill(
    credit: str | None, caption: str | None, text: str, labelled: bool
) -> tuple[str | None, str | None]:
    """Place an extra credit text: a labelled one is a credit, an unlabelled one fills a gap."""
    if not text:
        return credit, caption
    if labelled or (caption and not credit):
        return (f"{credit}; {text}" if credit else text), caption
    if not caption:
        return credit, text
    return f"{credit}; {text}", caption


@dataclass
class ImageGroup:
    """One image of an image paragraph with the credit text that follows it."""

    first_line: int
    """Line of the image, relative to the paragraph's first line."""
    last_line: int
    """Last line of its credit text, relative to the paragraph's first line."""
    caption: str | None
    """The alt text."""
    credit: str | None
    """From the image title or a following italic run, label removed."""
    media: MediaKind
    """``video`` for video files or a ``Video:`` label."""


def _image(tok: Token, line: int) -> ImageGroup:
    src = str(tok.attrGet("src") or "").lower().split("?")[0]
    # attribute values are entity-decoded by markdown-it: sanitise them again.
    title = " ".join(sanitize(str(tok.attrGet("title") or "")).split())
    label, credit = split_label(title)
    caption = flatten(tok.children or []).strip()
    # The alt text may be the credit (``![Credit: PA](#)``) or end with one
    # (``![Boats at dusk. Photo: Jane Doe/Agency](…)``).
    alt_label, alt_rest = split_label(caption)
    if alt_label is not None and alt_rest and not credit:
        label, credit, caption = label or alt_label, alt_rest, ""
    elif not credit:
        split = caption_credit(caption)
        if split is not None:
            caption, credit = split[0] or "", split[1]
    video = src.endswith(_VIDEO_SUFFIXES) or label == "video"
    return ImageGroup(line, line, caption or None, credit or None, "video" if video else "image")


def image_groups(children: Sequence[Token]) -> list[ImageGroup]:
    """Read a paragraph made only of images (optionally linked) and italic credit runs.

    Args:
        children: The paragraph's inline tokens.

    Returns:
        One group per image, or an empty list when the paragraph holds anything else.
    """
    groups: list[ImageGroup] = []
    line = 0
    i = 0
    while i < len(children):
        tok = children[i]
        t = tok.type
        if t in _BREAKS:
            line += 1
        elif t == "image":
            groups.append(_image(tok, line))
        elif t in _EMPHASIS_OPEN and groups:
            depth, j = 0, i
            while j < len(children):
                depth += (children[j].type in _EMPHASIS_OPEN) - (
                    children[j].type in _EMPHASIS_CLOSE
                )
                if depth == 0:
                    break
                j += 1
            inner = children[i + 1 : j]
            line += sum(c.type in _BREAKS for c in inner)
            label, text = split_label(" ".join(flatten(inner).split()))
            group = groups[-1]
            split = caption_credit(text) if label is None else None
            if split is not None:  # "*Boats at dusk. Photo: Jane Doe/Agency*"
                group.caption = group.caption or split[0]
                group.credit, group.caption = _fill(group.credit, group.caption, split[1], True)
            else:
                group.credit, group.caption = _fill(
                    group.credit, group.caption, text, label is not None
                )
            group.media = "video" if label == "video" else group.media
            group.last_line = line
            i = j
        elif t in {"link_open", "link_close"} or (t == "text" and not tok.content.strip()):
            pass
        else:
            return []
        i += 1
    return groups


def italic_credit(children: Sequence[Token]) -> tuple[MediaKind | None, str] | None:
    """Read a paragraph that is one italic credit line (``*Photo: Jane Doe/Agency*``).

    Args:
        children: The paragraph's inline tokens.

    Returns:
        (``video`` for a ``Video:`` label else None, the credit without its label), or None
        when the paragraph is not wholly emphasised or has no credit label.
    """
    toks = [c for c in children if not (c.type == "text" and not c.content.strip())]
    if len(toks) < 3 or toks[0].type not in _EMPHASIS_OPEN or toks[-1].type not in _EMPHASIS_CLOSE:
        return None
    depth = 0
    for index, tok in enumerate(toks):
        depth += (tok.type in _EMPHASIS_OPEN) - (tok.type in _EMPHASIS_CLOSE)
        if depth == 0 and index != len(toks) - 1:
            return None  # the emphasis closes before the end: "*a* b *c*"
    label, text = split_label(" ".join(flatten(toks).split()))
    if label is None:
        return None
    return ("video" if label == "video" else None), text


def merge_credit(
    block: ImageCredit, text: str, *, labelled: bool, media: MediaKind | None
) -> ImageCredit:
    """Add a following credit line's text to an image marker.

    Args:
        block: The image marker.
        text: The credit text (label removed).
        labelled: Whether the text carried a credit label.
        media: ``video`` to turn the marker into a video marker, None to keep its kind.

    Returns:
        The updated marker (``raw`` and ``line`` unchanged; the caller extends them).
    """
    credit, caption = _fill(block.credit, block.caption, text, labelled)
    return replace(block, credit=credit, caption=caption, media=media or block.media)
