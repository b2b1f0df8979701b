"""Citations and quote look-ups: who said what, where it sits, and how to copy it as Markdown.

Pure functions over :class:`~tui.article.model.Article` (no Textual): the quote navigator groups
quotations with :func:`speaker_groups`, the main screen finds quotes and paragraphs relative to
the reading position with :func:`quote_at_or_after`, :func:`quote_before` and
:func:`paragraph_at_or_after`, and copies them with :func:`cite_quote` / :func:`cite_paragraph`.

A citation is a Markdown block quote, the attribution inside it, and the source below it::

    > “We have been cut off for too long”
    >
    > — Mara Lindqvist, Northern Isles Herald, 3 March 2025

    Source: https://example.org/ferry
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tui.article.model import Article, Author, Paragraph
from tui.article.sanitize import sanitize

__all__ = [
    "UNATTRIBUTED",
    "cite_paragraph",
    "cite_quote",
    "paragraph_at_or_after",
    "quote_at_or_after",
    "quote_before",
    "source_of",
    "speaker_groups",
    "step_quote",
]

UNATTRIBUTED = "Unattributed"
"""The group name of quotations whose speaker the text does not name."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")
# A quotation that stops mid-sentence keeps its comma in the text ("…for too long," said X);
# a citation ends the quoted words there, so that comma (or semicolon) goes.
_TRAILING = ",;"

Where = tuple[int, int]
"""(section, block) of a place in the article."""


def speaker_groups(article: Article) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Group the article's quotations by speaker.

    Speakers come in the order they are first quoted; quotations the text does not attribute
    are gathered under :data:`UNATTRIBUTED`, always last.

    Args:
        article: The article.

    Returns:
        ``(speaker, quote indexes in reading order)`` for each group; empty without quotes.
    """
    groups: dict[str, list[int]] = {}
    unattributed: list[int] = []
    for index, quote in enumerate(article.quotes):
        if quote.speaker:
            groups.setdefault(quote.speaker, []).append(index)
        else:
            unattributed.append(index)
    out = [(speaker, tuple(indexes)) for speaker, indexes in groups.items()]
    if unattributed:
        out.append((UNATTRIBUTED, tuple(unattributed)))
    return tuple(out)


def quote_at_or_after(article: Article, section: int, block: int) -> int | None:
    """The first quotation that starts at or after a place in the article.

    Args:
        article: The article.
        section: Section index of the place.
        block: Block index of the place (-1 for the section heading).

    Returns:
        The quotation's index in :attr:`Article.quotes`, or None when none follows.
    """
    for index, quote in enumerate(article.quotes):
        if (quote.section, quote.block) >= (section, block):
            return index
    return None


def quote_before(article: Article, section: int, block: int) -> int | None:
    """The last quotation that starts before a place in the article.

    Args:
        article: The article.
        section: Section index of the place.
        block: Block index of the place.

    Returns:
        The quotation's index, or None when none comes before.
    """
    found: int | None = None
    for index, quote in enumerate(article.quotes):
        if (quote.section, quote.block) < (section, block):
            found = index
    return found


def paragraph_at_or_after(article: Article, section: int, block: int) -> Where | None:
    """The first paragraph at or after a place (a heading or credit at the top is skipped).

    Args:
        article: The article.
        section: Section index of the place.
        block: Block index of the place (-1 for the section heading).

    Returns:
        ``(section, block)`` of the paragraph, or None when no paragraph follows.
    """
    for s in range(max(0, section), len(article.sections)):
        blocks = article.sections[s].blocks
        start = max(0, block) if s == section else 0
        for b in range(start, len(blocks)):
            if isinstance(blocks[b], Paragraph):
                return (s, b)
    return None


def source_of(article: Article) -> str | None:
    """Where the article can be found again: its ``url`` metadata, else its file path.

    Args:
        article: The article.

    Returns:
        The URL or path, or None when the article has neither.
    """
    for key, value in article.metadata:
        if key.strip().lower() == "url" and value.strip():
            return value.strip()
    return article.path or None


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _names(authors: Sequence[Author]) -> str:
    names = [a.name for a in authors if a.name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _attribution(parts: Iterable[str | None]) -> str:
    return ", ".join(p for p in (_one_line(part or "") for part in parts) if p)


def _blockquote(paragraphs: Sequence[str], attribution: str, source: str | None) -> str:
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append(">")
        lines.append(f"> {paragraph}")
    if attribution:
        lines += [">", f"> — {attribution}"]
    text = "\n".join(lines)
    if source:
        text += f"\n\nSource: {_one_line(source)}"
    # Defence in depth: articles from parse() are already sanitised, but an Article built
    # elsewhere must not smuggle control sequences into the clipboard (OSC 52) either.
    return sanitize(text + "\n")


def cite_quote(article: Article, index: int) -> str:
    """A quotation as a Markdown citation.

    Each paragraph of the quotation becomes a ``>`` paragraph in curly quotes; as in print,
    a quotation running over paragraphs opens each paragraph and closes only the last. Then
    ``> — Speaker, Outlet, Date`` (missing parts left out) and ``Source: url-or-path``.

    Args:
        article: The article holding the quotation.
        index: The quotation's index in :attr:`Article.quotes`.

    Returns:
        The citation, ending in a newline.

    Raises:
        IndexError: When ``index`` names no quotation.
    """
    if not 0 <= index < len(article.quotes):
        raise IndexError(f"no quotation {index}")
    quote = article.quotes[index]
    paragraphs = [_one_line(p) for p in _PARAGRAPH_BREAK.split(quote.text)]
    paragraphs = [p for p in paragraphs if p] or [""]
    paragraphs[-1] = paragraphs[-1].rstrip(_TRAILING).rstrip()
    shown = [f"“{p}" for p in paragraphs[:-1]] + [f"“{paragraphs[-1]}”"]
    attribution = _attribution((quote.speaker, article.outlet, article.date))
    return _blockquote(shown, attribution, source_of(article))


def cite_paragraph(article: Article, section: int, block: int) -> str:
    """A paragraph as a Markdown citation: ``> text``, ``> — Authors, Outlet, Date``, source.

    Args:
        article: The article.
        section: Section index of the paragraph.
        block: Block index of the paragraph.

    Returns:
        The citation, ending in a newline.

    Raises:
        ValueError: When ``(section, block)`` is not a paragraph.
    """
    try:
        paragraph = article.sections[section].blocks[block]
    except IndexError:
        paragraph = None
    if not isinstance(paragraph, Paragraph) or section < 0 or block < 0:
        raise ValueError(f"no paragraph at section {section}, block {block}")
    attribution = _attribution((_names(article.authors), article.outlet, article.date))
    return _blockquote([_one_line(paragraph.text)], attribution, source_of(article))


def step_quote(article: Article, where: Where, current: int, step: int) -> int | None:
    """The quotation to move to from a reading place, in reading order.

    Args:
        article: The article.
        where: ``(section, block)`` at the top of the pane.
        current: The current quotation when the reader is still where moving to it left
            them, else -1 (then the move starts from ``where``).
        step: 1 for the next quotation, -1 for the previous one.

    Returns:
        The quotation's index, or None when there is no quotation that way.
    """
    if 0 <= current < len(article.quotes):
        target = current + step
        return target if 0 <= target < len(article.quotes) else None
    if step > 0:
        return quote_at_or_after(article, *where)
    return quote_before(article, *where)
