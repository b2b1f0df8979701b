"""Article → styled lines for the reading pane (Textual ``Content``, no widget code).

:func:`tui.reader.items.build_items` flattens the article into items; here an item is wrapped on
its own (:func:`wrap_item`), so the pane can lay out only the items it shows.
:func:`item_height` gives the exact wrapped height from the plain text alone and
:func:`estimate_height` a cheap guess for items not laid out yet.

Article text never goes through markup parsing: lines are built with ``Content(text)`` and
spans whose styles are theme-variable strings (``"$quote"``), resolved at render time (see
:func:`tui.reader.textlayout.resolve_style`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from textual.content import Content, Span

from tui.article.model import Article
from tui.article.records import record
from tui.reader.items import (
    BLOCKQUOTE_PREFIX,
    STYLE_BOILERPLATE,
    STYLE_BYLINE,
    STYLE_CREDIT,
    STYLE_CURRENT_QUOTE,
    STYLE_FIND,
    STYLE_HEADING,
    STYLE_QUOTE,
    STYLE_QUOTE_NESTED,
    STYLE_SPEAKER,
    STYLE_TITLE,
    Item,
    ItemKind,
    ViewOptions,
    build_items,
    byline_text,
    credit_text,
    fold_text,
)
from tui.reader.textlayout import column_width, find_next, line_count, resolve_style, wrap_offsets

__all__ = [
    "BLOCKQUOTE_PREFIX",
    "STYLE_BOILERPLATE",
    "STYLE_BYLINE",
    "STYLE_CREDIT",
    "STYLE_CURRENT_QUOTE",
    "STYLE_FIND",
    "STYLE_HEADING",
    "STYLE_QUOTE",
    "STYLE_QUOTE_NESTED",
    "STYLE_SPEAKER",
    "STYLE_TITLE",
    "Item",
    "ItemKind",
    "ItemLines",
    "ViewOptions",
    "build_items",
    "byline_text",
    "column_width",
    "credit_text",
    "estimate_height",
    "estimate_heights",
    "find_next",
    "fold_text",
    "height_inputs",
    "item_content",
    "item_height",
    "plain_lines",
    "render_article",
    "resolve_style",
    "wrap_item",
    "wrap_offsets",
]


@record
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


def item_content(
    item: Item, options: ViewOptions, find: tuple[int, int] | None = None, current: int = -1
) -> Content:
    """The item's text as one styled ``Content`` (before wrapping, without prefixes).

    Args:
        item: The item.
        options: Display toggles (quote highlighting).
        find: A ``(start, end)`` range of :attr:`Item.text` to mark as the find match.
        current: Index (in :attr:`Article.quotes`) of the current quotation, marked whether
            or not quotes are highlighted; -1 for none.

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
    if current >= 0 and item.paragraph is not None:
        for quote in item.paragraph.quotes:
            start, end = max(0, quote.start), min(len(text), quote.end)
            if quote.quote_index == current and start < end:
                spans.append(Span(start, end, STYLE_CURRENT_QUOTE))
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
    height = item.gap + line_count(item.text, text_width)
    if item.speaker:
        height += line_count(_speaker_text(item.speaker), width)
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


def estimate_heights(lengths: Sequence[int], extras: Sequence[int], width: int) -> list[int]:
    """:func:`estimate_height` for many items at once, from :func:`height_inputs`.

    A new column width re-estimates every item of an article (300,000 of them for 100 MB):
    one pass over two lists of ints instead of a function call per item.

    Args:
        lengths: Each item's text length.
        extras: Each item's gap lines plus one for a speaker line.
        width: Column width in cells.

    Returns:
        The estimated heights, in order.
    """
    usable = max(1, width - 3) if width > 12 else max(1, width)
    return [
        extra + (-(-length // usable) or 1) for length, extra in zip(lengths, extras, strict=True)
    ]


def height_inputs(items: Sequence[Item]) -> tuple[list[int], list[int]]:
    """What :func:`estimate_heights` needs of each item: text length, and extra lines.

    Args:
        items: The items.

    Returns:
        The lengths, and each item's gap plus one when it has a speaker line.
    """
    return [len(item.text) for item in items], [
        item.gap + (1 if item.speaker else 0) for item in items
    ]


def _speaker_text(speaker: str) -> str:
    return f"— {speaker}"


def wrap_item(
    item: Item,
    width: int,
    options: ViewOptions,
    find: tuple[int, int] | None = None,
    current: int = -1,
) -> ItemLines:
    """Wrap an item to a column ``width`` cells wide, keeping its styles.

    Args:
        item: The item.
        width: Column width in cells.
        options: Display toggles.
        find: Range of :attr:`Item.text` to mark as the current find match.
        current: The current quotation's index, marked (-1 for none).

    Returns:
        The lines (gap lines first) with the text offset where each text line starts.
    """
    text_width, first, rest = _text_width(item, width)
    content = item_content(item, options, find, current)
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
