"""Article → layout items: what the reading pane shows, block by block (no Textual).

The article is flattened into :class:`Item` s (title, byline, heading, paragraph, credit
marker, timestamp, boilerplate fold…), each tied to the ``(section, block)`` it came from, so
a reading position survives toggles and resizes. Styles are theme-variable strings
(``"$quote"``) that :mod:`tui.reader.render` attaches as ``Content`` spans.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, TypeAlias

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
from tui.article.records import record

__all__ = [
    "BLOCKQUOTE_PREFIX",
    "Item",
    "ItemKind",
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
    "ViewOptions",
    "build_items",
    "byline_text",
    "credit_text",
    "fold_text",
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
STYLE_CURRENT_QUOTE = "underline"
"""Added to the current quotation (the one ``}``/``{`` moved to, which ``y`` copies)."""

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


@record
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


@record
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


def _author(author: Author) -> str:
    return f"{author.name} ({author.role})" if author.role else author.name


def byline_text(authors: Sequence[Author]) -> str:
    """``By A (Role) and B (Role)``; three or more as ``By A, B and C``; a shared role once.

    Args:
        authors: The authors, in order (must not be empty).

    Returns:
        The byline sentence.
    """
    roles = {a.role for a in authors}
    shared = roles.pop() if len(roles) == 1 and len(authors) > 1 else None
    # One role for everyone (a desk, "Associated Press") is said once, after the names.
    names = [a.name for a in authors] if shared else [_author(a) for a in authors]
    text = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"By {text} · {shared}" if shared else f"By {text}"


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
    # Authors known only from metadata (front matter, a web page's JSON-LD) get a byline line:
    # under the headline when the text has one, else at the top.
    byline_due = bool(article.authors) and not any(isinstance(b, Byline) for b in blocks_all)
    if byline_due and not has_title:
        add(Item("byline", 0, -1, byline_text(article.authors), STYLE_BYLINE))
        byline_due = False
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
            if byline_due and isinstance(block, Title):
                add(Item("byline", s, b, byline_text(article.authors), STYLE_BYLINE))
                byline_due = False
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
