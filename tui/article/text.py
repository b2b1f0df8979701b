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
from pathlib import Path
from typing import Literal

from tui.article import boilerplate as bp
from tui.article import collector
from tui.article.byline import BylineMatch, bare_byline, is_desk_line
from tui.article.credits import CreditMatch
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
from tui.article.quotes import quote_paragraphs
from tui.article.sanitize import shown_name, split_lines
from tui.article.textlines import (
    TRAIL,
    Item,
    ends_closed,
    headlike,
    join_wrapped,
    pair_credits,
    scan,
)

__all__ = ["parse_lines", "parse_text"]

_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ .'’\-]{1,40}(?:,[^()]{1,40})?\s*\((?:Reuters|AP|AFP|dpa)\)"
)
_RESIDUE = re.compile(r",? opens new tab")
_EXTERNAL = re.compile(r", external\b")
_TITLE_WORDS = 25
_ASKING = "?!؟？！"
"""A headline may end with a question or exclamation mark (Latin, Arabic, full-width)."""
_SENTENCE_BREAK = re.compile(r"[.!?؟。！？]\s")
# The seam of a caption glued to the next paragraph: "…at duskThe council said…".
_CAPTION_SEAM = re.compile(r"[a-zß-öø-ÿ]{2}(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
_ParaKind = Literal["body", "dateline"]


def _split_glued(items: list[Item]) -> list[Item]:
    """Old BBC pages glue a subheading to its paragraph: ``Rise to fameMr Bezos…``."""
    out: list[Item] = []
    for it in items:
        cut = bp.glue_point(it.text, 0, 100) if it.kind == "text" and "\n" not in it.raw else None
        head = it.text[:cut] if cut is not None else ""
        tail = it.text[cut:] if cut is not None else ""
        if cut is None or not headlike(head, 10) or len(tail.split()) < 4:
            out.append(it)
            continue
        lead = len(it.raw) - len(it.raw.lstrip())
        out.append(Item("heading", it.start, it.end, it.raw[: lead + cut], head.strip(), it.block))
        out.append(Item("text", it.start, it.end, it.raw[lead + cut :], tail.strip(), it.block))
    return out


def _caption_seam(cap: str) -> int | None:
    """Where a caption's glued paragraph starts: the capital after a lower-case word
    (``duskThe``), never inside a camel-case name (``TimeWarner``, ``iPhone``)."""
    for m in _CAPTION_SEAM.finditer(cap):
        cut = m.end()
        left = cut
        while left > 0 and cap[left - 1].isalpha():
            left -= 1
        if cap[left:cut].islower() and cut - left >= 2 and bp.glue_point(cap, left, cut + 1):
            return cut
    return None


def _split_glued_captions(items: list[Item]) -> list[Item]:
    """Split a caption glued to the next paragraph (``…the harbour at duskThe council said…``).

    Older BBC pages print the caption and the following paragraph with no space between them.
    Only a labelled caption is cut, at a lower-case pair directly followed by a capitalised word
    that starts a sentence-long tail (four words or more, closing punctuation); the tail
    becomes a paragraph, and both parts keep their exact source text.
    """
    out: list[Item] = []
    for it in items:
        c = it.credit
        cap = c.caption if c is not None and it.kind == "credit" else None
        if cap is None or c is None or not c.style.startswith("bbc"):
            out.append(it)
            continue
        cut = _caption_seam(cap)
        at = it.raw.rfind(cap)
        tail = cap[cut:] if cut is not None else ""
        if (
            cut is None
            or at < 0
            or len(cap[:cut].split()) < 2
            or len(tail.split()) < 4
            or not ends_closed(tail)
        ):
            out.append(it)
            continue
        first = it.raw.count("\n", 0, at + cut)
        out.append(
            Item(
                "credit",
                it.start,
                it.start + first + 1,
                it.raw[: at + cut],
                it.text[: len(it.text) - len(tail)],
                it.block,
                CreditMatch(c.credit, cap[:cut].strip(), c.part, c.media, c.style),
            )
        )
        out.append(Item("text", it.start + first, it.end, it.raw[at + cut :], tail, it.block))
    return out


def _headline(s: str) -> bool:
    """Tell whether the first line is the headline: headline-like, or one question or
    exclamation (``Is this the end of the high street?``)."""
    if headlike(s, _TITLE_WORDS):
        return True
    core = s.rstrip(TRAIL).rstrip()
    if not core or core[-1] not in _ASKING:
        return False
    core = core.rstrip(_ASKING).rstrip()
    # Headline-sized (as headings are) and one sentence: a question lead runs longer.
    return bool(core) and _SENTENCE_BREAK.search(core) is None and headlike(core)


def _role_follows(items: list[Item], i: int) -> bool:
    """True when the item after ``i`` is a role or desk line (the Guardian's ``Name`` above
    ``Political editor``)."""
    return (
        i + 1 < len(items)
        and items[i + 1].kind == "text"
        and "\n" not in items[i + 1].raw
        and is_desk_line(items[i + 1].text)
    )


def _next_content(items: list[Item]) -> list[Item | None]:
    """For each item, the next item that is not chrome (one backward pass)."""
    out: list[Item | None] = [None] * len(items)
    after: Item | None = None
    for i in range(len(items) - 1, -1, -1):
        out[i] = after
        if items[i].kind not in ("chrome", "published"):
            after = items[i]
    return out


def _link_like(s: str) -> bool:
    return len(s.split()) <= _TITLE_WORDS and not s.rstrip(TRAIL).endswith((".", ":", ","))


def _fold_labels(items: list[Item], nxt: list[Item | None]) -> None:
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


def _dated(items: list[Item], i: int) -> bool:
    """True when the item after ``i`` is a date line (a bare name above it is a byline)."""
    return (
        i + 1 < len(items)
        and items[i + 1].kind in ("chrome", "published")
        and bool(items[i + 1].date)
    )


def _decide_text(items: list[Item]) -> None:
    """Find the title, then tell headings from paragraphs."""
    nxt = _next_content(items)
    for i, it in enumerate(items):
        if it.kind in ("chrome", "published"):
            continue
        plain = it.kind == "text" and "\n" not in it.raw
        if plain and nxt[i] is not None and _headline(it.text):
            it.kind = "title"
        break
    _fold_labels(items, nxt)
    seen_body = False
    prev_kind = ""
    for i, it in enumerate(items):
        if it.kind == "text" and i < 8 and (_dated(items, i) or _role_follows(items, i)):
            named = bare_byline(it.text)
            if named is not None:
                it.kind, it.byline = "byline", named
                role = items[i + 1]
                if role.kind == "text" and is_desk_line(role.text):
                    role.kind, role.byline = "byline", BylineMatch("role", role=role.text)
        if it.kind == "text":
            after = nxt[i]
            if (
                prev_kind == "time"
                and len(it.text.split()) <= 20
                and not it.text.endswith(".")
                or (
                    seen_body
                    and "\n" not in it.raw
                    and headlike(it.text)
                    and after is not None
                    and after.kind not in ("label", "boiler", "byline", "published")
                    and not (after.kind == "text" and headlike(after.text))
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


def _assign_authors(items: list[Item]) -> dict[int, list[list[str | None]]]:
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


def _outlet_markers(items: list[Item]) -> list[tuple[str, str]]:
    """``(kind, text)`` of the items :func:`bp.detect_outlet` weighs: not the title or headings,
    and only paragraphs with "(" in their first 61 characters (it passes over the others)."""
    out: list[tuple[str, str]] = []
    for it in items:
        kind = it.kind
        if kind == "para":
            if it.text.find("(", 0, 61) >= 0:
                out.append((kind, it.text))
        elif kind == "credit" and it.credit is not None:
            out.append((f"credit-{it.credit.style}", it.text))
        elif kind != "heading" and kind != "title":
            out.append((kind, it.text))
    return out


def _clean(text: str, bbc: bool) -> str:
    if "opens new tab" in text:
        text = _RESIDUE.sub("", text)
    if bbc and ", external" in text:
        text = _EXTERNAL.sub("", text)
    return text


def _derived_title(sections: list[list[Block | Heading | None]], path: str | None) -> str:
    for blocks in sections:
        for b in blocks:
            if isinstance(b, Paragraph) and b.text.strip():
                words = b.text.split()
                if len(words) <= 8:
                    return " ".join(words)
                return " ".join(words[:8]).rstrip(",;:—–-") + "…"
    if path:
        # A file name is hostile too (ESC, tabs, bytes that are not UTF-8): shown escaped.
        return shown_name(Path(path).stem) or "Untitled"
    return "Untitled"


def parse_text(text: str, path: str | None = None) -> Article:
    """Parse scraped article text (already decoded and sanitised) into an :class:`Article`.

    Args:
        text: The article text: printable characters, spaces and ``\\n`` only.
        path: The file it came from, kept on the article and used for a fallback title.

    Returns:
        The article: title, authors, sections of blocks, quotations, outlet and date.
    """
    # A piece at a time: one C call over 100 MB would hold every other thread up.
    return parse_lines(split_lines(text), path)


def parse_lines(lines: list[str], path: str | None = None) -> Article:
    """:func:`parse_text` for text already split into lines (``text.split("\\n")``).

    Args:
        lines: The article's lines (sanitised).
        path: The file it came from.

    Returns:
        The article.
    """
    items = scan(lines)
    items = join_wrapped(items, lines)
    items = pair_credits(items, lines)
    glued = any(
        (it.credit is not None and it.credit.style == "bbc-old")
        or (it.byline is not None and it.byline.glued)
        # lower() never shortens text, so a longer line cannot be the 44-character label.
        or len(it.text) <= 44
        and it.text.lower() == "media playback is unsupported on your device"
        for it in items
    )
    if glued:
        items = _split_glued(items)
    items = _split_glued_captions(items)
    _decide_text(items)
    roles = _assign_authors(items)
    fmt, outlet = bp.detect_outlet(_outlet_markers(items))
    bbc = fmt == "bbc"

    # Paragraphs are made last, each once with its quotation spans: until then their slots
    # hold None, and ``texts``/``where``/``pending`` what each will be.
    sections: list[list[Block | Heading | None]] = [[]]
    texts: list[str] = []
    where: list[tuple[int, int]] = []  # (section, block) in the article
    pending: list[tuple[list[Block | Heading | None], int, str, int, _ParaKind]] = []
    bounds = [0]  # where each section's paragraphs start in ``texts``
    skip = 0  # 1 when the text opens with a heading: no lead section then
    section_no = 0
    offset = 0  # 1 once sections start with their heading (not one of their blocks)
    authors: list[Author] = []
    title: str | None = None
    date: str | None = None
    blocks = sections[0]
    for i, it in enumerate(items):
        kind, line = it.kind, it.start + 1
        block: Block | Heading
        if kind == "para":  # by far the most common: tested first
            dated = "(" in it.text and _DATELINE.match(it.text) is not None
            where.append((section_no, len(blocks) - offset))
            texts.append(_clean(it.text, bbc))
            pending.append((blocks, len(blocks), it.raw, line, "dateline" if dated else "body"))
            blocks.append(None)
            continue
        if kind == "title":
            title = it.text
            block = Title(it.text, it.raw, line)
        elif kind == "heading":
            if len(sections) == 1 and not blocks:
                skip = 1
            else:
                section_no += 1
                bounds.append(len(texts))
            offset = 1
            blocks = []
            sections.append(blocks)
            block = Heading(it.text, it.raw, line)
        elif kind == "credit" and it.credit is not None:
            c = it.credit
            block = ImageCredit(c.credit, c.caption, it.raw, line, c.media)
        elif kind == "full":
            block = ImageCredit(None, None, it.raw, line)
        elif kind == "byline":
            found = tuple(Author(str(n), r) for n, r in roles.get(i, []))
            authors.extend(found)
            block = Byline(found, it.raw, line)
        elif kind == "time":
            block = Timestamp(it.date or it.text, it.raw, line)
        elif kind in ("chrome", "published"):
            if date is None and it.date and bp.is_real_date(it.date):
                date = it.date
            block = Chrome(it.text, it.raw, line)
        else:
            block = Boilerplate(it.text, it.raw, line)
        blocks.append(block)
    collector.drop(items)  # the line items are done with: free them a slice at a time
    bounds.append(len(texts))
    spans, quotes = quote_paragraphs(texts, bounds, where)
    for n, (held, slot, raw, line, para_kind) in enumerate(pending):
        held[slot] = Paragraph(texts[n], raw, line, spans.get(n, ()), para_kind)
    collector.drop(pending)

    final: list[Section] = []
    for n, held in enumerate(sections):
        # A section's heading, if any, is its first block and its only one (see above).
        if n and held and isinstance(held[0], Heading):
            final.append(Section(held[0], tuple(held[1:])))  # type: ignore[arg-type]
        elif n == 0 and skip:
            continue
        else:
            final.append(Section(None, tuple(held)))  # type: ignore[arg-type]
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
