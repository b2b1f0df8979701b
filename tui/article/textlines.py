"""Line-level passes of the scraped-text parser: classify, join wrapped lines, pair credits.

Each input line is classified once into an :class:`Item`; later passes only merge or relabel
items, and every item keeps the exact source text (``raw``) it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.article import boilerplate as bp
from tui.article.byline import BYLINE_MAX, BylineMatch, match_byline
from tui.article.credits import CreditMatch, match_credit
from tui.article.worldlabels import classify as world_label

__all__ = ["Item", "TRAIL", "ends_closed", "headlike", "join_wrapped", "pair_credits", "scan"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Latin, CJK full-width (。！？；：，、), Arabic-script (؟ ؛ ،) and Devanagari (। ॥) closers.
_CLOSING = ".!?…:;,。！？；：，、؟؛،।॥"
TRAIL = "'\"’”»«›)]」』"
_LEAD = "'\"‘“«»„‚‹›([「『¿¡"
_ICASE_START = re.compile(r"[a-z]+[A-Z]")
_FUNCTION_WORDS = _wordset(
    "the a an of to in and or for with on at by from that as is was were has have had be "
    "been its his her their our which who but not this these those into than der die das "
    "und zu von mit el la los las de del y en que"
)
_HEADING_WORDS = 14


@dataclass(slots=True)
class Item:
    """One classified unit of input: usually a line, sometimes several or part of one."""

    kind: str
    """text, para, title, heading, credit, full, byline, chrome, published, time, label, boiler."""
    start: int
    """0-based index of the first input line."""
    end: int
    """Index one past the last input line."""
    raw: str
    """The exact source text (lines joined with ``\\n``, or part of a glued line)."""
    text: str
    """The text, stripped (wrapped lines joined by single spaces)."""
    block: int = 0
    """Index of the blank-line-separated block the item starts in."""
    credit: CreditMatch | None = None
    """What an image marker carries."""
    byline: BylineMatch | None = None
    """What a byline line says."""
    date: str | None = None
    """A printed date or time (date lines, ``Stand:``, ``- Published…``, live entries)."""


def ends_closed(s: str) -> bool:
    """Tell whether text ends with closing punctuation (quote marks after it ignored).

    Args:
        s: Stripped text.

    Returns:
        True when the last character before any closing quotes is ``.!?…:;,``, a CJK,
        Arabic-script or Devanagari closer (``。？؟।``…), or none is left.
    """
    if s and s[-1] in _CLOSING:  # the usual case; no closing mark is in TRAIL or a space
        return True
    core = s.rstrip(TRAIL).rstrip()
    return not core or core[-1] in _CLOSING


def headlike(s: str, max_words: int = _HEADING_WORDS) -> bool:
    """Tell whether a line looks like a headline: short, unpunctuated at the end, capitalised.

    Args:
        s: Stripped text.
        max_words: The most words a headline may have.

    Returns:
        True for headline-like lines (quoted headings such as ``'Questions to answer'`` too).
    """
    if len(s) > max_words * 10 or ends_closed(s) or s[-1] in "-–—":
        return False
    if len(s.split()) > max_words:
        return False
    first = s.lstrip(_LEAD)
    if not first or first[0].islower() and not _ICASE_START.match(first):
        return False
    return any(ch.isalpha() for ch in s)


def _classify(s: str) -> tuple[str, CreditMatch | None, BylineMatch | None, str | None]:
    """Classify one stripped, non-empty line: (kind, credit, byline, date)."""
    if len(s) <= 80:
        # Times, dates and UI labels are all short: long body lines skip these checks.
        time = bp.timestamp(s)
        if time is not None:
            return "time", None, None, time
        when = bp.published(s)
        if when is not None:
            return "published", None, None, when
        if bp.is_chrome(s):
            return "chrome", None, None, None
        date = bp.chrome_date(s)
        if date is not None:
            return "chrome", None, None, date
        if bp.is_fullscreen(s):
            return "full", None, None, None
        if bp.is_block_label(s):
            return "label", None, None, None
    credit = match_credit(s)
    if credit is not None:
        return "credit", credit, None, None
    if bp.is_boilerplate_line(s):
        return "boiler", None, None, None
    byline = match_byline(s) if len(s) <= BYLINE_MAX else None  # longer lines are no bylines
    if byline is not None:
        return "byline", None, byline, None
    # BBC's other language services label the same things in their own words (last: the
    # English and Spanish forms above read glued old-style lines too).
    return world_label(s) or ("text", None, None, None)


def scan(lines: list[str]) -> list[Item]:
    """Classify every non-blank line once.

    Args:
        lines: The input split on ``\\n``.

    Returns:
        One item per non-blank line, in order.
    """
    items: list[Item] = []
    block = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            block += 1
            continue
        kind, credit, byline, date = _classify(s)
        items.append(Item(kind, i, i + 1, line, s, block, credit, byline, date))
    return items


def _wrap_evidence(a: str, b: str, width: int) -> tuple[bool, bool]:
    """(strong, weak) evidence that line ``a`` was hard-wrapped into ``b``."""
    if ends_closed(a) and not a.endswith(","):
        return False, False
    words = a.rsplit(None, 1)
    strong = b[:1].islower() or a.endswith((",", "-")) or words[-1].lower() in _FUNCTION_WORDS
    return strong, width >= 40 and len(a) >= 0.75 * width


def _runs(items: list[Item]) -> list[tuple[int, int]]:
    """Index ranges of consecutive plain-text lines inside one blank-line block."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(items):
        if items[i].kind != "text":
            i += 1
            continue
        j = i + 1
        while j < len(items) and items[j].kind == "text" and items[j].start == items[j - 1].end:
            j += 1
        if j - i > 1:
            out.append((i, j))
        i = j
    return out


def join_wrapped(items: list[Item], lines: list[str]) -> list[Item]:
    """Join hard-wrapped lines into paragraphs; per-line files pass through unchanged.

    A run of plain lines inside one blank-line block is wrapped when a line breaks
    mid-sentence (the next starts in lower case, or the line ends on a comma or a word such
    as "the"). Once a file shows its wrap width, other runs whose lines fill that width join too.

    Args:
        items: Items from :func:`scan`.
        lines: The input lines (for the joined items' ``raw``).

    Returns:
        The items with wrapped runs merged into multi-line text items.
    """
    runs = _runs(items)
    lengths = [len(it.text) for it in items]
    wrapped: dict[int, tuple[int, int]] = {}
    file_width = 0
    undecided: list[tuple[int, int]] = []
    for i, j in runs:
        width = max(lengths[i:j])
        if not 40 <= width <= 150:  # no wrap width: the seams need not be weighed
            undecided.append((i, j))
            continue
        strong = weak = 0
        for k in range(i, j - 1):
            st, wk = _wrap_evidence(items[k].text, items[k + 1].text, width)
            strong += st
            weak += wk
        # Capitalised line starts are common in per-line files, so only a sure seam counts.
        if strong and strong + weak >= (j - i - 1) / 2:
            wrapped[i] = (j, width)
            file_width = max(file_width, width)
        else:
            undecided.append((i, j))
    if file_width:
        for i, j in undecided:
            body = lengths[i : j - 1]
            if all(0.6 * file_width <= n <= file_width + 5 for n in body):
                wrapped[i] = (j, file_width)
    if not wrapped:
        return items
    out: list[Item] = []
    i = 0
    while i < len(items):
        if i not in wrapped:
            out.append(items[i])
            i += 1
            continue
        j, width = wrapped[i]
        unit = [items[i]]
        for k in range(i + 1, j):
            prev = items[k - 1].text
            short = len(prev) < 0.6 * width
            lone_head = k - 1 == i and headlike(prev)
            ended = ends_closed(prev) and not prev.endswith(",")
            if short and (lone_head or ended):
                out.append(_merge(unit, "text", lines))
                unit = []
            unit.append(items[k])
        out.append(_merge(unit, "text", lines))
        i = j
    return out


def _merge(parts: list[Item], kind: str, lines: list[str]) -> Item:
    first, last = parts[0], parts[-1]
    if len(parts) == 1:
        first.kind = kind
        return first
    raw = "\n".join(lines[first.start : last.end])
    text = " ".join(p.text for p in parts)
    return Item(kind, first.start, last.end, raw, text, first.block, first.credit, first.byline)


def pair_credits(items: list[Item], lines: list[str]) -> list[Item]:
    """Merge a credit line with its caption line, and caption / View image in fullscreen / caption.

    Args:
        items: Items after :func:`join_wrapped`.
        lines: The input lines (for the merged items' ``raw``).

    Returns:
        The items with each image's lines merged into one credit item.
    """
    out: list[Item] = []
    i = 0
    while i < len(items):
        it = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if it.kind == "full":
            prev = out[-1] if out and out[-1].kind in ("credit", "text") else None
            parts = [it]
            if prev is not None and (prev.kind == "credit" or _same_caption(prev, nxt)):
                parts.insert(0, out.pop())
            if nxt is not None and nxt.kind in ("credit", "text") and _same_caption(parts[0], nxt):
                parts.append(nxt)
                i += 1
            out.append(_credit_of(parts, lines))
        elif (
            it.kind == "credit"
            and it.credit is not None
            and it.credit.part == "source"
            and nxt is not None
            and nxt.kind == "credit"
            and nxt.credit is not None
            and nxt.credit.part == "caption"
        ):
            out.append(_credit_of([it, nxt], lines))
            i += 1
        else:
            out.append(it)
        i += 1
    return out


def _caption_of(it: Item) -> str:
    if it.credit is not None:
        return it.credit.caption or ""
    return it.text


def _same_caption(a: Item, b: Item | None) -> bool:
    if b is None or b.kind not in ("credit", "text"):
        return False
    ca, cb = _caption_of(a), _caption_of(b)
    return bool(ca and cb) and (ca == cb or ca.startswith(cb) or cb.startswith(ca))


def _credit_of(parts: list[Item], lines: list[str]) -> Item:
    merged = _merge(parts, "credit", lines) if len(parts) > 1 else parts[0]
    credit = caption = None
    media = "image"
    for p in parts:
        if p.credit is not None:
            credit = credit or p.credit.credit
            caption = caption or p.credit.caption
            media = "video" if p.credit.media == "video" else media
        elif p.kind == "text":
            caption = caption or p.text
    merged.kind = "credit"
    merged.credit = CreditMatch(credit, caption, "both", "video" if media == "video" else "image")
    return merged
