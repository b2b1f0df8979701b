"""Figures and bylines of a page: one credit marker per ``<figure>``, authors from bylines.

A figure's text is cut into segments (the ``<figcaption>``, credit elements such as
``<small>`` or ``[class*=credit]``, and each block inside) and each segment is read with the
rules scraped text uses: BBC hidden labels in every language (``Image source, ``,
``Image caption, ``, ``صدر الصورة، ``, ``Подпись к фото, ``…), ``Photograph: Name/Agency``,
``(AP Photo/Name)``, ``REUTERS/Name``, ``Credit:``/``©``. A byline element's lines are read
as the scraped-text byline lines are (``Author, `` / ``Role, `` labels, ``By X and Y``, names).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.article.boilerplate import chrome_date, is_fullscreen, published
from tui.article.byline import BylineMatch, bare_byline, is_desk_line, match_byline
from tui.article.credits import CreditMatch, match_credit
from tui.article.mdtokens import split_label
from tui.article.model import Author, ImageCredit, MediaKind
from tui.article.sanitize import sanitize
from tui.article.worldlabels import classify
from tui.web.htmldoc import BLOCK_TAGS, collapse, tag_of, words_of

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["is_byline", "read_byline", "read_figure", "segments"]

_CREDIT_WORDS = frozenset(
    {"credit", "credits", "copyright", "source", "attribution", "copyrightholder", "credittext"}
)
_BYLINE_WORDS = frozenset({"byline", "author", "authors", "contributor", "contributors"})
_MAX_DEPTH = 200
"""Nesting below which a subtree is read as flat text (keeps recursion bounded)."""
_SEPARATORS = (",", "\u060c", "\uff0c", "\u3001")
"""How a hidden label ends (comma, Arabic comma, full-width comma, ideographic comma)."""
_FULLSCREEN = "view image in fullscreen"
_BY_WORDS = frozenset({"by", "von", "por", "par", "de"})


def is_byline(element: HtmlElement) -> bool:
    """Whether an element is a byline (``<address>``; class, id, ``itemprop``, ``rel`` or
    ``data-testid`` naming a byline, author or contributor)."""
    if tag_of(element) == "address" or "author" in str(element.get("rel", "")).lower().split():
        return True
    return not words_of(element).isdisjoint(_BYLINE_WORDS)


def _is_credit(element: HtmlElement) -> bool:
    return tag_of(element) == "small" or not words_of(element).isdisjoint(_CREDIT_WORDS)


class _Segmenter:
    """Cuts an element's text into segments at block, caption and credit elements."""

    def __init__(self, every_element: bool) -> None:
        self.every_element = every_element
        self.out: list[tuple[str, str]] = []
        self.buf: list[str] = []
        self.hint = "other"

    def flush(self) -> None:
        text = collapse(sanitize("".join(self.buf)))
        if text:
            self.out.append((text, self.hint))
        self.buf = []

    def visit(self, element: HtmlElement, depth: int) -> None:
        tag = tag_of(element)
        if tag == "br":
            self.buf.append(" ")
            return
        if not tag:
            return
        if depth > _MAX_DEPTH:
            self.buf.append(" ".join(element.itertext()))
            return
        hint = self.hint
        if tag == "figcaption":
            hint = "caption"
        elif _is_credit(element):
            hint = "credit"
        starts = hint != self.hint or tag in BLOCK_TAGS or (self.every_element and depth > 0)
        saved = self.hint
        if starts:
            self.flush()
            self.hint = hint
        self.buf.append(element.text or "")
        for child in element:
            self.visit(child, depth + 1)
            self.buf.append(child.tail or "")
        if starts:
            self.flush()
            self.hint = saved


def segments(element: HtmlElement, *, every_element: bool = False) -> list[tuple[str, str]]:
    """Cut an element's text into ``(text, hint)`` segments in document order.

    Args:
        element: A figure or byline element.
        every_element: Start a segment at every element, inline ones too.

    Returns:
        Sanitised one-line texts, each with ``caption`` (inside ``<figcaption>``), ``credit``
        (a credit element) or ``other``. A segment that is only a label (``Author,``) or a
        ``By`` is joined to the segment after it.
    """
    cutter = _Segmenter(every_element)
    cutter.visit(element, 0)
    cutter.flush()
    out: list[tuple[str, str]] = []
    for text, hint in cutter.out:
        if out and _dangling(out[-1][0]):
            prev, prev_hint = out.pop()
            text, hint = f"{prev} {text}", prev_hint if prev_hint != "other" else hint
        out.append((text, hint))
    return out


def _dangling(text: str) -> bool:
    """A label waiting for its text (``Image source,``, ``Author,``) or a lone ``By``."""
    return (text.endswith(_SEPARATORS) and len(text) <= 40) or text.lower() in _BY_WORDS


def _read_segment(text: str, hint: str) -> CreditMatch | None:
    """A segment as a credit marker part (None for a segment that says nothing)."""
    if is_fullscreen(text):
        return None
    if text.lower().startswith(_FULLSCREEN):
        # The Guardian's hidden button label glued to the caption it opens.
        text = text[len(_FULLSCREEN) :].strip()
    found = match_credit(text)
    if found is None:
        labelled = classify(text)
        if labelled is not None and labelled[0] == "credit":
            found = labelled[1]
    if found is not None:
        return found
    label, rest = split_label(text)
    if hint == "credit" or (label is not None and rest):
        return CreditMatch(rest or text, None, "source", "video" if label == "video" else "image")
    return CreditMatch(None, text, "caption")


def read_figure(figure: HtmlElement, line: int) -> ImageCredit:
    """Read a ``<figure>`` as one credit marker.

    Args:
        figure: The figure element.
        line: The source line to record.

    Returns:
        The marker: credits joined by ``; ``, captions by a space (a caption printed twice
        once), the image's ``alt`` text as caption when nothing else gives one, and ``video``
        media when the figure holds a video, audio or embedded player or a video label.
    """
    parts = segments(figure)
    credits: list[str] = []
    captions: list[str] = []
    media: MediaKind = "image"
    for text, hint in parts:
        found = _read_segment(text, hint)
        if found is None:
            continue
        media = "video" if found.media == "video" else media
        if found.credit and found.credit not in credits:
            credits.append(found.credit)
        if found.caption and found.caption not in captions:
            captions.append(found.caption)
    if not captions:
        for image in figure.iter("img"):
            alt = collapse(sanitize(str(image.get("alt") or "")))
            if alt:
                captions.append(alt)
                break
    if next(figure.iter("video", "audio", "iframe"), None) is not None:
        media = "video"
    return ImageCredit(
        "; ".join(credits) or None,
        " ".join(captions) or None,
        "\n".join(text for text, _ in parts),
        line,
        media,
    )


def _byline_line(text: str) -> BylineMatch | None:
    text = text.lstrip(",;:|· ")  # "<a>Name</a>, Role": the role's segment opens with a comma
    if not text:
        return BylineMatch("other")
    found = match_byline(text)
    if found is not None:
        return found
    labelled = classify(text)
    if labelled is not None:
        return labelled[2] if labelled[0] == "byline" else BylineMatch("other")
    if published(text) is not None or chrome_date(text) is not None:
        return BylineMatch("other")
    found = bare_byline(text)
    if found is not None:
        return found
    if is_desk_line(text):
        return BylineMatch("role", role=text)
    return None


def _authors(matches: list[BylineMatch]) -> list[Author]:
    authors: list[Author] = []
    waiting: list[int] = []  # authors named without a role, in this byline
    for found in matches:
        if found.kind == "author":
            waiting = []
            for name in found.names:
                if found.role is None:
                    waiting.append(len(authors))
                authors.append(Author(name, found.role))
        elif found.kind == "role" and found.role:
            for index in waiting:
                authors[index] = Author(authors[index].name, found.role)
            waiting = []
    return authors


def read_byline(element: HtmlElement) -> tuple[list[Author], str]:
    """Read a byline element.

    Every element is taken as a line of its own first (``<span>Author,</span><span>Name``,
    ``<span>Name</span><span>Role</span>``); when one of those lines says nothing a byline
    says, the byline's block lines are read instead (``By <a>X</a> and <a>Y</a>, Role``).

    Args:
        element: The byline element.

    Returns:
        The authors with their roles, and the byline's text (one line per segment).
    """
    fallback: list[Author] = []
    raw = ""
    for every in (True, False):
        lines = [text for text, _ in segments(element, every_element=every)]
        matches = [_byline_line(text) for text in lines]
        found = [m for m in matches if m is not None]
        authors = _authors(found)
        raw = "\n".join(lines)
        if authors and len(found) == len(matches):
            return authors, raw
        fallback = fallback or authors
    return fallback, raw
