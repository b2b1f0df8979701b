"""Image credit and caption markers: BBC labels, Guardian/AP/Reuters caption credits, German pipes.

:func:`match_credit` reads one stripped line and says whether it is an image (or video) marker,
and if so which part it carries: the credit (``source``), the caption, or both. The parser pairs
a credit line with the caption line next to it into one :class:`~tui.article.model.ImageCredit`.
"""

from __future__ import annotations

import re
from typing import Literal

from tui.article.boilerplate import glue_point
from tui.article.model import MediaKind
from tui.article.records import record

__all__ = ["CreditMatch", "caption_credit", "inline_credits", "match_credit"]

CreditPart = Literal["source", "caption", "both"]

_MAX_LINE = 1000

# BBC screen-reader labels and their translations; old pages use a space instead of the comma.
_LABEL_NAMES = (
    "image source",
    "image caption",
    "video caption",
    "media caption",
    "image copyright",
    "fuente de la imagen",
    "pie de foto",
    "crédito de la imagen",
    "leyenda de la imagen",
    "bildquelle",
    "bildunterschrift",
)
_LABEL = re.compile(
    r"(?P<label>" + "|".join(map(re.escape, _LABEL_NAMES)) + r")"
    r"(?P<sep>\s*,\s*|\s+|\Z|(?=[A-ZÀ-Þ]))(?P<rest>.*)",
    re.IGNORECASE,
)
_LABEL_INITIALS = frozenset("IiVvMmFfPpCcLlBb")
# The labels' first five letters: a line starting with none of them (in ASCII) is no label.
_LABEL_HEADS = frozenset(label[:5] for label in _LABEL_NAMES)
# Older pages print these labels with a space, or glued to the text, instead of the comma.
_SPACE_LABELS = frozenset({"image copyright", "image caption", "media caption", "video caption"})
_SOURCE_LABELS = frozenset(
    {"image source", "image copyright", "fuente de la imagen", "crédito de la imagen", "bildquelle"}
)
_VIDEO_LABELS = frozenset({"video caption", "media caption"})
_EMBEDDED_CAPTION = re.compile(r"\s*image caption\s*,?\s*", re.IGNORECASE)
_ACRONYM_SEAM = re.compile(r"\b(?:AFP|EPA|PA|AP|BBC|REX|UPI|NASA|EFE|DPA)(?=[A-Z][a-z])")

# "Caption text. Photograph: Tom Hadley/PA" (not the inline "(Photo: X)" form).
_CAPTION_CREDIT = re.compile(
    r"(?P<cap>.*?)(?<!\()\b(?:Photograph|Photographs|Photo credit|Photo|Photos"
    r"|Photo illustration|Picture|Pictures|Credit|Illustration|Composite|Foto|Fotos|Bild)"
    r"\s*(?::|by\b)\s*(?P<credit>[^:()]{1,80})"
)
_AP_CREDIT = re.compile(r"(?P<cap>.*?)\s*\((?P<credit>AP Photo(?:/[^()]{1,80})?)\)")
_REUTERS_CREDIT = re.compile(r"(?P<cap>.*?)\s*(?P<credit>REUTERS/\S.{0,80})")
_TRAILING = ((_AP_CREDIT, "ap"), (_REUTERS_CREDIT, "reuters"), (_CAPTION_CREDIT, "guardian"))
_PIPE_CREDIT = re.compile(r"(?P<cap>.*?)\s*\|\s*(?P<credit>[^|]{2,80})")
_AGENCY = re.compile(
    r"\b(?:dpa|afp|ap|reuters|getty|imago|picture[ -]alliance|epa|keystone|foto|bild|archiv"
    r"|ard|zdf|swr|br|ndr|wdr|mdr|hr|rbb|ansa|xinhua|reuters|anadolu)\b",
    re.IGNORECASE,
)
_INLINE = re.compile(r"\((?:Photo|Photograph|Foto|Bild|Image)\s*:\s*(?P<credit>[^()]{1,80})\)")


@record
class CreditMatch:
    """What an image-marker line carries."""

    credit: str | None
    """The credit without its label, if the line has one."""
    caption: str | None
    """The caption without its label, if the line has one."""
    part: CreditPart
    """``source`` for a credit-only line, ``caption`` for a caption-only line, else ``both``."""
    media: MediaKind = "image"
    """Image or video."""
    style: str = "bbc"
    """Which convention matched: ``bbc``, ``bbc-old``, ``guardian``, ``ap``, ``reuters``…"""


def _plausible_credit(credit: str) -> bool:
    words = credit.split()
    return 0 < len(words) <= 8 and credit[-1] not in ".!?,;" and ". " not in credit


def _split_glued_source(rest: str) -> tuple[str, str | None]:
    m = _EMBEDDED_CAPTION.search(rest)
    if m is not None and m.start() > 0:
        return rest[: m.start()].strip(), rest[m.end() :].strip() or None
    cut = glue_point(rest, 0, 80)
    if cut is None:
        acr = _ACRONYM_SEAM.search(rest, 0, 80)
        cut = acr.end() if acr else None
    if cut is None:
        return rest, None
    return rest[:cut].strip(), rest[cut:].strip() or None


def _bbc(s: str) -> CreditMatch | None:
    if s[0] not in _LABEL_INITIALS:
        return None
    head = s[:5].lower()
    if head not in _LABEL_HEADS and head.isascii():
        return None  # IGNORECASE folds only non-ASCII letters (ı, ſ, K) onto ASCII ones
    m = _LABEL.match(s)
    if m is None:
        return None
    label = m.group("label").lower()
    sep, raw_rest = m.group("sep"), m.group("rest")
    if "," not in sep and raw_rest and label not in _SPACE_LABELS:
        return None
    if not sep and raw_rest and not raw_rest[0].isupper():
        return None  # "Image captions are…" is a sentence, not a glued label
    rest = m.group("rest").strip()
    if label in _SOURCE_LABELS:
        credit, caption = _split_glued_source(rest)
        style = "bbc-old" if label == "image copyright" else "bbc"
        part: CreditPart = "both" if caption else "source"
        return CreditMatch(credit or None, caption, part, "image", style)
    media: MediaKind = "video" if label in _VIDEO_LABELS else "image"
    return CreditMatch(None, rest or None, "caption", media, "bbc")


def _trailing_form(pattern: re.Pattern[str], style: str, s: str) -> CreditMatch | None:
    m = pattern.fullmatch(s)
    if m is None:
        return None
    credit = m.group("credit").strip()
    if style != "ap" and not _plausible_credit(credit):
        return None
    caption = m.group("cap").strip() or None
    return CreditMatch(credit, caption, "both" if caption else "source", "image", style)


def _trailing(s: str) -> CreditMatch | None:
    # The forms of _TRAILING in order, each tried only when its keyword is in the line. Most
    # lines are body text: one-character tests ("/", ":") rule them out before slower ones.
    found = None
    if s.endswith(")"):
        found = _trailing_form(_AP_CREDIT, "ap", s)
    if found is None and "/" in s and "REUTERS/" in s:
        found = _trailing_form(_REUTERS_CREDIT, "reuters", s)
    if (
        found is None
        and (":" in s or "by" in s)
        and (
            "Photo" in s
            or "Pictur" in s
            or "Credit" in s
            or "Illustration" in s
            or "Composite" in s
            or "Foto" in s
            or "Bild" in s
        )
    ):
        found = _trailing_form(_CAPTION_CREDIT, "guardian", s)
    if found is not None:
        return found
    if "|" in s:
        m = _PIPE_CREDIT.fullmatch(s)
        if m is not None:
            credit = m.group("credit").strip()
            if _plausible_credit(credit) and ("/" in credit or _AGENCY.search(credit)):
                caption = m.group("cap").strip() or None
                part: CreditPart = "both" if caption else "source"
                return CreditMatch(credit, caption, part, "image", "german")
    return None


def match_credit(s: str) -> CreditMatch | None:
    """Recognise an image/video marker line.

    Args:
        s: The line, stripped.

    Returns:
        The credit and caption the line carries, or None when it is not a marker line.
    """
    if not s or len(s) > _MAX_LINE:
        return None
    return _bbc(s) or _trailing(s)


def caption_credit(text: str) -> tuple[str | None, str] | None:
    """Split a credit phrase off the end of a caption (a Markdown image's alt text, say).

    ``Boats at dusk. Photo: Jane Doe/Agency`` → (``Boats at dusk.``, ``Jane Doe/Agency``); the
    forms are those of caption lines: ``Photograph:``, ``Photo:``, ``Picture:``, ``Credit:``,
    ``(AP Photo/Name)``, ``REUTERS/Name``.

    Args:
        text: The caption, stripped.

    Returns:
        ``(caption or None, credit)``, or None when the text ends with no credit phrase.
    """
    if not text or len(text) > _MAX_LINE:
        return None
    found = _trailing(text)
    if found is None or found.credit is None or found.style == "german":
        return None
    return found.caption, found.credit


def inline_credits(text: str) -> tuple[str, ...]:
    """Find credits written inline in a paragraph, such as ``(Photo: Jane Doe)``.

    The paragraph stays a paragraph; this only names the credits so a view can note them.

    Args:
        text: Paragraph text.

    Returns:
        The credits in order of appearance.
    """
    return tuple(m.group("credit").strip() for m in _INLINE.finditer(text))
