"""Article → styled lines for the reading pane (Textual ``Content``, no widget code).

The article is flattened into :class:`Item` s (title, byline, heading, paragraph, credit
marker, timestamp, boilerplate fold…), each tied to the ``(section, block)`` it came from.
An item is wrapped on its own (:func:`wrap_item`), so the pane can lay out only the items it
shows; :func:`item_height` gives the exact wrapped height from the plain text alone and
:func:`estimate_height` a cheap guess for items not laid out yet.

Article text never goes through markup parsing: lines are built with ``Content(text)`` and
spans whose styles are theme-variable strings (``"$quote"``), resolved at render time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from rich.cells import cell_len
from textual.content import Content, Span

from tui.article.model import (
    Article,
    Author,
    Block,
    Boilerplate,
    Byline,
    Chrome,
    ImageCredit,
    Paragraph,
    Timestamp,
    Title,
)

__all__ = [
    "BLOCKQUOTE_PREFIX",
    "ItemKind",
    "Item",
    "ItemLines",
    "STYLE_BOILERPLATE",
    "STYLE_BYLINE",
    "STYLE_CREDIT",
    "STYLE_FIND",
    "STYLE_HEADING",
    "STYLE_QUOTE",
    "STYLE_QUOTE_NESTED",
    "STYLE_SPEAKER",
    "STYLE_TITLE",
    "ViewOptions",
    "build_items",
    "byline_text",
    "column_width",
    "credit_text",
    "estimate_height",
    "find_next",
    "fold_text",
    "item_content",
    "item_height",
    "render_article",
    "resolve_style",
    "wrap_item",
    "wrap_offsets",
]

STYLE_TITLE = "bold $heading"
STYLE_HEADING = "bold $heading"
STYLE_BYLINE = "$byline"
STYLE_QUOTE = "$quote"
STYLE_QUOTE_NESTED = "$quote-nested"
STYLE_SPEAKER = "$quote-speaker"
STYLE_CREDIT = "$credit-marker"
STYLE_BOILERPLATE = "$boilerplate"
STYLE_FIND = "on $find-match"

BLOCKQUOTE_PREFIX = "│ "
"""Drawn before every line of a Markdown block quote."""
_BULLET = "• "

ItemKind: TypeAlias = Literal[
    "title",
    "byline",
    "heading",
    "paragraph",
    "credit",
    "timestamp",
    "boilerplate",
    "chrome",
    "fold",
]
"""What an :class:`Item` shows."""


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """The reader's display toggles (everything that changes what is rendered)."""

    highlight_quotes: bool = True
    """Colour quotations with ``$quote`` / ``$quote-nested``."""
    show_credits: bool = True
    """Show image/video credit markers."""
    show_boilerplate: bool = False
    """Show boilerplate and chrome lines instead of folding/hiding them."""
    show_speakers: bool = True
    """Show ``— Speaker`` after a paragraph that closes an attributed quotation."""


@dataclass(frozen=True, slots=True)
class Item:
    """One unit of layout: a block (or a folded run of blocks) rendered as one or more lines."""

    kind: ItemKind
    """What the item shows."""
    section: int
    """Index of the section it belongs to."""
    block: int
    """Index of its (first) block in the section; -1 for a heading or the article header."""
    text: str
    """The plain text shown, before wrapping (what find searches)."""
    style: str = ""
    """Style string for the whole text ("" for body text)."""
    gap: int = 1
    """Blank lines drawn before the item."""
    paragraph: Paragraph | None = None
    """The paragraph, for quote spans."""
    first_prefix: str = ""
    """Drawn before the first wrapped line (a bullet)."""
    rest_prefix: str = ""
    """Drawn before the other wrapped lines (same cell width as ``first_prefix``)."""
    speaker: str | None = None
    """Speaker line shown after the text, when set."""
    end_block: int = -1
    """For a fold: the index of the last folded block."""
    count: int = 0
    """For a fold: how many boilerplate lines it stands for."""


@dataclass(frozen=True, slots=True)
class ItemLines:
    """An item wrapped at one width."""

    lines: tuple[Content, ...]
    """Every line, blank gap lines first."""
    text_line: int
    """Index in ``lines`` of the first line of the item's text."""
    starts: tuple[int, ...]
    """Offset in :attr:`Item.text` where each text line starts."""

    def line_of(self, offset: int) -> int:
        """The index in ``lines`` of the line holding character ``offset`` of the text."""
        index = 0
        for i, start in enumerate(self.starts):
            if start <= offset:
                index = i
        return self.text_line + index


def column_width(pane_width: int, measure: int) -> int:
    """The width of the text column in a pane ``pane_width`` cells wide.

    Args:
        pane_width: Usable width of the pane in cells.
        measure: The maximum column width.

    Returns:
        ``min(measure, pane_width - margins)``, never below 1 (margins of 2 cells a side
        when the pane is wide enough to spare them).
    """
    margins = 4 if pane_width >= 24 else 0
    return max(1, min(max(1, measure), pane_width - margins))


_CHUNK = re.compile(r"\S+\s*|\s+")


def _chop(word: str, width: int) -> list[str]:
    """Split a word into pieces of at most ``width`` cells (a wider character stands alone)."""
    if word.isascii():
        return [word[i : i + width] for i in range(0, len(word), width)]
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for char in word:
        size = cell_len(char)
        if current and used + size > width:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += size
    if current:
        pieces.append("".join(current))
    return pieces


def wrap_offsets(text: str, width: int) -> list[int]:
    """Greedy word wrap: where to break ``text`` so that lines fit ``width`` cells.

    Words longer than the width are folded. Trailing spaces may overhang (they are trimmed
    from the drawn line). Pure and cheap, so heights can be computed without styling.

    Args:
        text: One paragraph (no newlines).
        width: Column width in cells (values below 1 count as 1).

    Returns:
        Increasing character offsets at which new lines start.
    """
    width = max(1, width)
    ascii_only = text.isascii()
    measure = len if ascii_only else cell_len
    if measure(text) <= width:
        return []
    breaks: list[int] = []
    column = 0
    for match in _CHUNK.finditer(text):
        start = match.start()
        chunk = match.group()
        word = chunk.rstrip()
        size = measure(word)
        if column + size <= width:
            column += measure(chunk)
            continue
        if column and start:
            breaks.append(start)
        if size > width:
            pieces = _chop(word, width)
            position = start
            for piece in pieces[:-1]:
                position += len(piece)
                breaks.append(position)
            column = measure(pieces[-1]) + (len(chunk) - len(word))
        else:
            column = measure(chunk)
    return breaks


def resolve_style(style: str, variables: Mapping[str, str], depth: int = 8) -> str:
    """Expand ``$name`` references in a style string, recursively.

    Textual's style parser substitutes one level of variables only, so a theme variable
    defined as another variable (``quote: "$warning"``) must be expanded first.

    Args:
        style: A style string such as ``"bold $quote"``.
        variables: Theme variables (``App.theme_variables``).
        depth: Maximum nesting to expand.

    Returns:
        The style with every known variable replaced by its value.
    """

    def replace(match: re.Match[str]) -> str:
        return variables.get(match.group(1), match.group(0))

    for _ in range(depth):
        if "$" not in style:
            break
        expanded = _VARIABLE.sub(replace, style)
        if expanded == style:
            break
        style = expanded
    return style


_VARIABLE = re.compile(r"\$([A-Za-z0-9_-]+)")


def _author(author: Author) -> str:
    return f"{author.name} ({author.role})" if author.role else author.name


def byline_text(authors: Sequence[Author]) -> str:
    """``By A (Role) and B (Role)``; three or more as ``By A, B and C``.

    Args:
        authors: The authors, in order (must not be empty).

    Returns:
        The byline sentence.
    """
    names = [_author(a) for a in authors]
    if len(names) == 1:
        return f"By {names[0]}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


def credit_text(credit: ImageCredit) -> str:
    """The marker line for an image or video credit: ``▣ Getty Images — caption``.

    Args:
        credit: The credit block.

    Returns:
        ``▣`` (image) or ``▶`` (video), then the credit and/or caption.
    """
    mark = "▶" if credit.media == "video" else "▣"
    parts = [p for p in (credit.credit, credit.caption) if p]
    return f"{mark} {' — '.join(parts)}" if parts else mark


def fold_text(count: int, *, expanded: bool = False) -> str:
    """The fold line for ``count`` boilerplate lines.

    Args:
        count: Number of folded lines.
        expanded: Whether the fold is open (its lines follow).

    Returns:
        ``▸ N lines folded (boilerplate)`` or, open, ``▾ N lines (boilerplate)``.
    """
    noun = "line" if count == 1 else "lines"
    if expanded:
        return f"▾ {count} {noun} (boilerplate)"
    return f"▸ {count} {noun} folded (boilerplate)"


def _speakers(article: Article) -> dict[tuple[int, int], str]:
    """Map (section, block) of the paragraph that ends each attributed quotation → speakers."""
    last: dict[int, tuple[int, int]] = {}
    for s, section in enumerate(article.sections):
        for b, block in enumerate(section.blocks):
            if isinstance(block, Paragraph):
                for span in block.quotes:
                    last[span.quote_index] = (s, b)
    found: dict[tuple[int, int], list[str]] = {}
    for index, where in last.items():
        if 0 <= index < len(article.quotes):
            speaker = article.quotes[index].speaker
            if speaker and speaker not in found.setdefault(where, []):
                found[where].append(speaker)
    return {where: ", ".join(names) for where, names in found.items() if names}


def _flat(text: str) -> str:
    """One line of text: a stray newline would break a terminal line."""
    return text.replace("\n", " ") if "\n" in text else text


def _clean_raw(raw: str) -> str:
    return " ".join(line.strip().lstrip("-").strip() for line in raw.splitlines()).strip()


def build_items(
    article: Article,
    options: ViewOptions,
    expanded: frozenset[tuple[int, int]] = frozenset(),
) -> list[Item]:
    """Flatten an article into layout items for the given toggles.

    Args:
        article: The article.
        options: Display toggles.
        expanded: Folds opened by the reader, keyed by ``(section, first block)``.

    Returns:
        The items in reading order (sorted by ``(section, block)``).
    """
    items: list[Item] = []
    add = items.append
    blocks_all = [b for s in article.sections for b in s.blocks]
    has_title = any(isinstance(b, Title) for b in blocks_all)
    if article.title and not has_title and not article.title_derived:
        add(Item("title", 0, -1, _flat(article.title), STYLE_TITLE))
    if article.authors and not any(isinstance(b, Byline) for b in blocks_all):
        add(Item("byline", 0, -1, byline_text(article.authors), STYLE_BYLINE))
    speakers = _speakers(article) if options.show_speakers else {}
    for s, section in enumerate(article.sections):
        if section.heading is not None:
            add(Item("heading", s, -1, _flat(section.heading.text), STYLE_HEADING))
        blocks = section.blocks
        b = 0
        while b < len(blocks):
            block = blocks[b]
            if isinstance(block, Byline):
                end = b
                while end + 1 < len(blocks) and isinstance(blocks[end + 1], Byline):
                    end += 1
                run = [x for x in blocks[b : end + 1] if isinstance(x, Byline)]
                authors = [a for x in run for a in x.authors]
                if authors:
                    text = byline_text(authors)
                else:
                    text = "  ".join(_clean_raw(x.raw) for x in run)
                if text:
                    add(Item("byline", s, b, text, STYLE_BYLINE))
                b = end + 1
                continue
            if isinstance(block, Boilerplate) and not options.show_boilerplate:
                b = _add_fold(items, s, blocks, b, expanded)
                continue
            item = _block_item(block, s, b, options, speakers)
            if item is not None:
                add(item)
            b += 1
    if items:
        items[0] = _with_gap(items[0], 0)
    return items


def _with_gap(item: Item, gap: int) -> Item:
    if item.gap == gap:
        return item
    return Item(
        item.kind, item.section, item.block, item.text, item.style, gap, item.paragraph,
        item.first_prefix, item.rest_prefix, item.speaker, item.end_block, item.count,
    )  # fmt: skip


def _add_fold(
    items: list[Item],
    s: int,
    blocks: Sequence[Block],
    b: int,
    expanded: frozenset[tuple[int, int]],
) -> int:
    """Add the fold for the boilerplate run starting at ``b`` (hidden chrome does not break
    a run); return the index after the run."""
    run: list[tuple[int, Boilerplate]] = []
    end = b
    i = b
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Boilerplate):
            run.append((i, block))
            end = i
        elif not isinstance(block, Chrome):
            break
        i += 1
    is_open = (s, b) in expanded
    items.append(
        Item("fold", s, b, fold_text(len(run), expanded=is_open), STYLE_BOILERPLATE,
             end_block=end, count=len(run))
    )  # fmt: skip
    if is_open:
        for index, block in run:
            items.append(Item("boilerplate", s, index, _flat(block.text), STYLE_BOILERPLATE, gap=0))
    return end + 1


def _block_item(
    block: Block,
    s: int,
    b: int,
    options: ViewOptions,
    speakers: Mapping[tuple[int, int], str],
) -> Item | None:
    if isinstance(block, Paragraph):
        first = rest = ""
        if block.kind == "list-item":
            first, rest = _BULLET, " " * len(_BULLET)
        elif block.kind == "blockquote":
            first = rest = BLOCKQUOTE_PREFIX
        return Item(
            "paragraph", s, b, _flat(block.text), "", 1, block, first, rest, speakers.get((s, b))
        )
    if isinstance(block, Title):
        return Item("title", s, b, _flat(block.text), STYLE_TITLE)
    if isinstance(block, ImageCredit):
        if not options.show_credits:
            return None
        return Item("credit", s, b, _flat(credit_text(block)), STYLE_CREDIT)
    if isinstance(block, Timestamp):
        return Item("timestamp", s, b, _flat(f"◷ {block.text}"), STYLE_BYLINE)
    if isinstance(block, Boilerplate):
        return Item("boilerplate", s, b, _flat(block.text), STYLE_BOILERPLATE, gap=0)
    if isinstance(block, Chrome):
        if not options.show_boilerplate:
            return None
        return Item("chrome", s, b, _flat(block.text), STYLE_BOILERPLATE, gap=0)
    return None


def item_content(item: Item, options: ViewOptions, find: tuple[int, int] | None = None) -> Content:
    """The item's text as one styled ``Content`` (before wrapping, without prefixes).

    Args:
        item: The item.
        options: Display toggles (quote highlighting).
        find: A ``(start, end)`` range of :attr:`Item.text` to mark as the find match.

    Returns:
        Content built from plain text and spans only (never markup).
    """
    text = item.text
    spans: list[Span] = []
    if item.style:
        spans.append(Span(0, len(text), item.style))
    if options.highlight_quotes and item.paragraph is not None:
        for quote in item.paragraph.quotes:
            start, end = max(0, quote.start), min(len(text), quote.end)
            if start < end:
                style = STYLE_QUOTE if quote.depth == 0 else STYLE_QUOTE_NESTED
                spans.append(Span(start, end, style))
    if find is not None and find[0] < find[1]:
        spans.append(Span(find[0], find[1], STYLE_FIND))
    return Content(text, spans)


def _text_width(item: Item, width: int) -> tuple[int, str, str]:
    """Width left for the text after prefixes (prefixes are dropped when nothing would fit)."""
    prefix = cell_len(item.first_prefix)
    if prefix and width - prefix >= 1:
        return width - prefix, item.first_prefix, item.rest_prefix
    return width, "", ""


def item_height(item: Item, width: int) -> int:
    """The exact number of lines :func:`wrap_item` produces, from plain text only.

    Args:
        item: The item.
        width: Column width in cells.

    Returns:
        Gap lines + wrapped text lines (+ wrapped speaker lines).
    """
    text_width, _, _ = _text_width(item, width)
    height = item.gap + len(wrap_offsets(item.text, text_width)) + 1
    if item.speaker:
        height += len(wrap_offsets(_speaker_text(item.speaker), width)) + 1
    return height


def estimate_height(item: Item, width: int) -> int:
    """A cheap guess of :func:`item_height` (greedy wrap leaves lines a little short).

    Args:
        item: The item.
        width: Column width in cells.

    Returns:
        Estimated line count, at least the exact count for one-line items.
    """
    usable = max(1, width - 3) if width > 12 else max(1, width)
    lines = -(-len(item.text) // usable) or 1
    if item.speaker:
        lines += 1
    return item.gap + lines


def _speaker_text(speaker: str) -> str:
    return f"— {speaker}"


def wrap_item(
    item: Item, width: int, options: ViewOptions, find: tuple[int, int] | None = None
) -> ItemLines:
    """Wrap an item to a column ``width`` cells wide, keeping its styles.

    Args:
        item: The item.
        width: Column width in cells.
        options: Display toggles.
        find: Range of :attr:`Item.text` to mark as the current find match.

    Returns:
        The lines (gap lines first) with the text offset where each text line starts.
    """
    text_width, first, rest = _text_width(item, width)
    content = item_content(item, options, find)
    breaks = wrap_offsets(item.text, text_width)
    pieces = content.divide(breaks) if breaks else [content]
    lines: list[Content] = [Content()] * item.gap
    last = len(pieces) - 1
    for index, piece in enumerate(pieces):
        if index < last:
            piece = piece.rstrip()
        prefix = first if index == 0 else rest
        if prefix:
            style = STYLE_QUOTE_NESTED if prefix == BLOCKQUOTE_PREFIX else ""
            piece = Content.styled(prefix, style) + piece
        lines.append(piece)
    if item.speaker:
        speaker = _speaker_text(item.speaker)
        speaker_breaks = wrap_offsets(speaker, width)
        styled = Content.styled(speaker, STYLE_SPEAKER)
        pieces = styled.divide(speaker_breaks) if speaker_breaks else [styled]
        for index, piece in enumerate(pieces):
            lines.append(piece.rstrip() if index < len(speaker_breaks) else piece)
    return ItemLines(tuple(lines), item.gap, (0, *breaks))


def find_next(
    items: Sequence[Item],
    query: str,
    index: int,
    start: int,
    *,
    backwards: bool = False,
) -> tuple[int, int, int] | None:
    """Find the next case-insensitive match of ``query`` after (or before) a point, wrapping.

    Fold lines are not searched (their text is not the article's).

    Args:
        items: The layout items.
        query: The text to find.
        index: Item to start from.
        start: Offset in that item: forward finds matches starting after it, backwards
            matches starting before it.
        backwards: Search towards the start.

    Returns:
        ``(item index, start, end)`` of the match, or None when there is none.
    """
    if not query or not items:
        return None
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    count = len(items)
    index = max(0, min(index, count - 1))
    for step in range(count + 1):
        i = (index - step) % count if backwards else (index + step) % count
        item = items[i]
        if item.kind == "fold":
            continue
        text = item.text
        if backwards:
            limit = start if step == 0 else len(text) + 1
            if step == count:  # wrapped round to the first item: what lies after the point
                limit = len(text) + 1
            last: re.Match[str] | None = None
            for found in pattern.finditer(text):
                if found.start() >= limit:
                    break
                last = found
            if last is not None:
                return (i, last.start(), last.end())
        else:
            begin = start + 1 if step == 0 else 0
            match = pattern.search(text, max(0, begin))
            if match is not None:
                return (i, match.start(), match.end())
    return None


def render_article(
    article: Article,
    width: int,
    options: ViewOptions | None = None,
    expanded: frozenset[tuple[int, int]] = frozenset(),
) -> list[Content]:
    """Render a whole article at a column width (for tests and small articles).

    Args:
        article: The article.
        width: Column width in cells.
        options: Display toggles (defaults when None).
        expanded: Opened folds.

    Returns:
        Every line, without the centring padding the pane adds.
    """
    options = options or ViewOptions()
    return [
        line
        for item in build_items(article, options, expanded)
        for line in wrap_item(item, width, options).lines
    ]


def plain_lines(lines: Iterable[Content]) -> list[str]:
    """The plain text of rendered lines (a test and export convenience)."""
    return [line.plain for line in lines]
