"""The scraped-text parser: one line in, one block out (FORMAT.md).

Parsing runs in passes over a flat list of items, each line classified once:

1. classify every line (credit, byline, chrome, boilerplate, timestamp, label, plain text);
2. join hard-wrapped plain lines into paragraphs (decided per blank-line block);
3. pair image credits with their captions (and the Guardian's doubled captions);
4. find the title, fold related-link blocks, tell headings from paragraphs;
5. build sections, hand roles to authors, recognise the outlet.

Every item keeps the exact source text it came from, so nothing is ever lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tui.article import boilerplate as bp
from tui.article.byline import BylineMatch, bare_byline, is_desk_line, match_byline
from tui.article.credits import CreditMatch, match_credit
from tui.article.model import (
    Article,
    Author,
    Block,
    Boilerplate,
    Byline,
    Chrome,
    Heading,
    ImageCredit,
    Paragraph,
    Section,
    Timestamp,
    Title,
)
from tui.article.quotes import annotate

__all__ = ["parse_text"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CLOSING = ".!?…:;,"
_TRAIL = "'\"’”»«›)]」』"
_LEAD = "'\"‘“«»„‚‹›([「『¿¡"
_ICASE_START = re.compile(r"[a-z]+[A-Z]")
_FUNCTION_WORDS = _wordset(
    "the a an of to in and or for with on at by from that as is was were has have had be "
    "been its his her their our which who but not this these those into than der die das "
    "und zu von mit el la los las de del y en que"
)
_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ .'’\-]{1,40}(?:,[^()]{1,40})?\s*\((?:Reuters|AP|AFP|dpa)\)"
)
_RESIDUE = re.compile(r",? opens new tab")
_EXTERNAL = re.compile(r", external\b")
_TITLE_WORDS = 25
_HEADING_WORDS = 14


@dataclass(slots=True)
class _Item:
    """One classified unit of input: usually a line, sometimes several or part of one."""

    kind: str
    start: int
    end: int
    raw: str
    text: str
    block: int = 0
    credit: CreditMatch | None = None
    byline: BylineMatch | None = None
    date: str | None = None


def _ends_closed(s: str) -> bool:
    core = s.rstrip(_TRAIL).rstrip()
    return not core or core[-1] in _CLOSING


def _headlike(s: str, max_words: int = _HEADING_WORDS) -> bool:
    """Short, without closing punctuation, starting like a headline."""
    if len(s) > max_words * 10 or _ends_closed(s) or s[-1] in "-–—":
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
    byline = match_byline(s)
    if byline is not None:
        return "byline", None, byline, None
    return "text", None, None, None


def _scan(lines: list[str]) -> list[_Item]:
    items: list[_Item] = []
    block = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            block += 1
            continue
        kind, credit, byline, date = _classify(s)
        items.append(_Item(kind, i, i + 1, line, s, block, credit, byline, date))
    return items


def _wrap_evidence(a: str, b: str, width: int) -> tuple[bool, bool]:
    """(strong, weak) evidence that line ``a`` was hard-wrapped into ``b``."""
    if _ends_closed(a) and not a.endswith(","):
        return False, False
    words = a.rsplit(None, 1)
    strong = b[:1].islower() or a.endswith((",", "-")) or words[-1].lower() in _FUNCTION_WORDS
    return strong, width >= 40 and len(a) >= 0.75 * width


def _runs(items: list[_Item]) -> list[tuple[int, int]]:
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


def _join(items: list[_Item], lines: list[str]) -> list[_Item]:
    """Join hard-wrapped lines into paragraphs; per-line files pass through unchanged."""
    runs = _runs(items)
    wrapped: dict[int, tuple[int, int]] = {}
    file_width = 0
    undecided: list[tuple[int, int]] = []
    for i, j in runs:
        width = max(len(items[k].text) for k in range(i, j))
        strong = weak = 0
        for k in range(i, j - 1):
            st, wk = _wrap_evidence(items[k].text, items[k + 1].text, width)
            strong += st
            weak += wk
        # Capitalised line starts are common in per-line files, so only a sure seam counts.
        if 40 <= width <= 150 and strong and strong + weak >= (j - i - 1) / 2:
            wrapped[i] = (j, width)
            file_width = max(file_width, width)
        else:
            undecided.append((i, j))
    if file_width:
        for i, j in undecided:
            body = [len(items[k].text) for k in range(i, j - 1)]
            if all(0.6 * file_width <= n <= file_width + 5 for n in body):
                wrapped[i] = (j, file_width)
    if not wrapped:
        return items
    out: list[_Item] = []
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
            lone_head = k - 1 == i and _headlike(prev)
            ended = _ends_closed(prev) and not prev.endswith(",")
            if short and (lone_head or ended):
                out.append(_merge(unit, "text", lines))
                unit = []
            unit.append(items[k])
        out.append(_merge(unit, "text", lines))
        i = j
    return out


def _merge(parts: list[_Item], kind: str, lines: list[str]) -> _Item:
    first, last = parts[0], parts[-1]
    if len(parts) == 1:
        first.kind = kind
        return first
    raw = "\n".join(lines[first.start : last.end])
    text = " ".join(p.text for p in parts)
    return _Item(kind, first.start, last.end, raw, text, first.block, first.credit, first.byline)


def _pair_credits(items: list[_Item], lines: list[str]) -> list[_Item]:
    """Merge credit + caption lines, and caption / View image in fullscreen / caption."""
    out: list[_Item] = []
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


def _caption_of(it: _Item) -> str:
    if it.credit is not None:
        return it.credit.caption or ""
    return it.text


def _same_caption(a: _Item, b: _Item | None) -> bool:
    if b is None or b.kind not in ("credit", "text"):
        return False
    ca, cb = _caption_of(a), _caption_of(b)
    return bool(ca and cb) and (ca == cb or ca.startswith(cb) or cb.startswith(ca))


def _credit_of(parts: list[_Item], lines: list[str]) -> _Item:
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


def _split_glued(items: list[_Item]) -> list[_Item]:
    """Old BBC pages glue a subheading to its paragraph: ``Rise to fameMr Bezos…``."""
    out: list[_Item] = []
    for it in items:
        cut = bp.glue_point(it.text, 0, 100) if it.kind == "text" and "\n" not in it.raw else None
        head = it.text[:cut] if cut is not None else ""
        tail = it.text[cut:] if cut is not None else ""
        if cut is None or not _headlike(head, 10) or len(tail.split()) < 4:
            out.append(it)
            continue
        lead = len(it.raw) - len(it.raw.lstrip())
        out.append(_Item("heading", it.start, it.end, it.raw[: lead + cut], head.strip(), it.block))
        out.append(_Item("text", it.start, it.end, it.raw[lead + cut :], tail.strip(), it.block))
    return out


def _next_content(items: list[_Item]) -> list[_Item | None]:
    """For each item, the next item that is not chrome (one backward pass)."""
    out: list[_Item | None] = [None] * len(items)
    after: _Item | None = None
    for i in range(len(items) - 1, -1, -1):
        out[i] = after
        if items[i].kind not in ("chrome", "published"):
            after = items[i]
    return out


def _link_like(s: str) -> bool:
    return len(s.split()) <= _TITLE_WORDS and not s.rstrip(_TRAIL).endswith((".", ":", ","))


def _fold_labels(items: list[_Item], nxt: list[_Item | None]) -> None:
    """A block label folds its link titles and ``- Published`` lines into boilerplate."""
    active = False
    for i, it in enumerate(items):
        if it.kind == "label":
            active = True
        elif not active or it.kind in ("chrome", "boiler"):
            continue
        elif it.kind == "published":
            it.kind = "boiler"
        elif it.kind == "text" and _link_like(it.text):
            after = nxt[i]
            body_next = after is not None and after.kind == "text" and not _link_like(after.text)
            if body_next:
                active = False
            else:
                it.kind = "boiler"
        else:
            active = False


def _dated(items: list[_Item], i: int) -> bool:
    """True when the item after ``i`` is a date line (a bare name above it is a byline)."""
    return (
        i + 1 < len(items)
        and items[i + 1].kind in ("chrome", "published")
        and bool(items[i + 1].date)
    )


def _decide_text(items: list[_Item]) -> None:
    """Find the title, then tell headings from paragraphs."""
    nxt = _next_content(items)
    for i, it in enumerate(items):
        if it.kind in ("chrome", "published"):
            continue
        plain = it.kind == "text" and "\n" not in it.raw
        if plain and nxt[i] is not None and _headlike(it.text, _TITLE_WORDS):
            it.kind = "title"
        break
    _fold_labels(items, nxt)
    seen_body = False
    prev_kind = ""
    for i, it in enumerate(items):
        if it.kind == "text" and i < 8 and _dated(items, i):
            named = bare_byline(it.text)
            if named is not None:
                it.kind, it.byline = "byline", named
        if it.kind == "text":
            after = nxt[i]
            if (
                prev_kind == "time"
                and len(it.text.split()) <= 20
                and not it.text.endswith(".")
                or (
                    seen_body
                    and "\n" not in it.raw
                    and _headlike(it.text)
                    and after is not None
                    and after.kind not in ("label", "boiler", "byline", "published")
                    and not (after.kind == "text" and _headlike(after.text))
                )
            ):
                it.kind = "heading"
            else:
                it.kind = "para"
                seen_body = True
        elif it.kind in ("credit", "time"):
            seen_body = seen_body or it.kind == "time"
        if it.kind not in ("chrome", "published"):
            prev_kind = it.kind


def _assign_authors(items: list[_Item]) -> dict[int, list[list[str | None]]]:
    """Authors per byline item; a role line names the role of every author still without one."""
    table: dict[int, list[list[str | None]]] = {}
    pending: list[list[str | None]] = []
    last_by = -2
    for i, it in enumerate(items):
        m = it.byline
        if it.kind == "para" and last_by == i - 1 and is_desk_line(it.text):
            it.kind = "byline"
            m = it.byline = BylineMatch("role", role=it.text)
        if it.kind != "byline" or m is None:
            if it.kind in ("para", "heading"):
                pending = []
            continue
        entries: list[list[str | None]] = [[name, m.role] for name in m.names]
        table[i] = entries
        if m.kind == "author":
            if m.role is None:
                pending.extend(entries)
            last_by = i if it.text[:3].lower() in ("by ", "von", "por") else -2
        elif m.kind == "role" and m.role:
            for entry in pending:
                entry[1] = m.role
            pending = []
    return table


def _clean(text: str, bbc: bool) -> str:
    if "opens new tab" in text:
        text = _RESIDUE.sub("", text)
    if bbc and ", external" in text:
        text = _EXTERNAL.sub("", text)
    return text


def _derived_title(sections: list[list[Block | Heading]], path: str | None) -> str:
    for blocks in sections:
        for b in blocks:
            if isinstance(b, Paragraph) and b.text.strip():
                words = b.text.split()
                if len(words) <= 8:
                    return " ".join(words)
                return " ".join(words[:8]).rstrip(",;:—–-") + "…"
    if path:
        return Path(path).stem or "Untitled"
    return "Untitled"


def parse_text(text: str, path: str | None = None) -> Article:
    """Parse scraped article text (already decoded and sanitised) into an :class:`Article`.

    Args:
        text: The article text: printable characters, spaces and ``\\n`` only.
        path: The file it came from, kept on the article and used for a fallback title.

    Returns:
        The article: title, authors, sections of blocks, quotations, outlet and date.
    """
    lines = text.split("\n")
    items = _scan(lines)
    items = _join(items, lines)
    items = _pair_credits(items, lines)
    glued = any(
        (it.credit is not None and it.credit.style == "bbc-old")
        or (it.byline is not None and it.byline.glued)
        or it.text.lower() == "media playback is unsupported on your device"
        for it in items
    )
    if glued:
        items = _split_glued(items)
    _decide_text(items)
    roles = _assign_authors(items)
    fmt, outlet = bp.detect_outlet(
        [
            (f"credit-{it.credit.style}" if it.kind == "credit" and it.credit else it.kind, it.text)
            for it in items
            if it.kind != "heading" and it.kind != "title"
        ]
    )
    bbc = fmt == "bbc"

    sections: list[list[Block | Heading]] = [[]]
    authors: list[Author] = []
    title: str | None = None
    date: str | None = None
    for i, it in enumerate(items):
        line = it.start + 1
        block: Block | Heading
        if it.kind == "title":
            title = it.text
            block = Title(it.text, it.raw, line)
        elif it.kind == "heading":
            sections.append([])
            block = Heading(it.text, it.raw, line)
        elif it.kind == "para":
            dateline = _DATELINE.match(it.text) is not None
            block = Paragraph(
                _clean(it.text, bbc), it.raw, line, kind="dateline" if dateline else "body"
            )
        elif it.kind == "credit" and it.credit is not None:
            c = it.credit
            block = ImageCredit(c.credit, c.caption, it.raw, line, c.media)
        elif it.kind == "full":
            block = ImageCredit(None, None, it.raw, line)
        elif it.kind == "byline":
            found = tuple(Author(str(n), r) for n, r in roles.get(i, []))
            authors.extend(found)
            block = Byline(found, it.raw, line)
        elif it.kind == "time":
            block = Timestamp(it.date or it.text, it.raw, line)
        elif it.kind in ("chrome", "published"):
            if date is None and it.date and bp.is_real_date(it.date):
                date = it.date
            block = Chrome(it.text, it.raw, line)
        else:
            block = Boilerplate(it.text, it.raw, line)
        sections[-1].append(block)

    built: list[Section] = []
    for n, blocks in enumerate(sections):
        head = blocks[0] if n and blocks and isinstance(blocks[0], Heading) else None
        body = tuple(b for b in blocks if not isinstance(b, Heading))
        if n == 0 and not body and len(sections) > 1:
            continue
        built.append(Section(head, body))
    final, quotes = annotate(built)
    unique: dict[str, Author] = {}
    for a in authors:
        if a.name not in unique or unique[a.name].role is None:
            unique[a.name] = a
    return Article(
        title=title if title is not None else _derived_title(sections, path),
        sections=tuple(final),
        title_derived=title is None,
        authors=tuple(unique.values()),
        source_format=fmt,
        outlet=outlet,
        date=date,
        path=path,
        quotes=quotes,
    )
