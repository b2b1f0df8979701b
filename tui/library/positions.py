"""Converting reading positions between the pane's coordinates and paragraph numbers.

The reading pane reports where the reader is as ``(section, block, line offset)``. That depends
on how the article's blocks are split, which can change when the parser improves, so the
position is stored as ``(paragraph index in Article.paragraphs, line offset)`` instead. Pure:
no Textual, so it is unit-tested directly.
"""

from __future__ import annotations

from tui.article.model import Article, Paragraph

__all__ = ["paragraph_at", "position_of"]

PanePosition = tuple[int, int, int]
"""(section, block, line offset in the block); block -1 is the section's heading."""


def paragraph_at(article: Article, position: PanePosition) -> tuple[int, int]:
    """The paragraph a pane position lies in (or just before), with its line offset.

    A position on a paragraph keeps its line offset. A position on anything else (a heading,
    an image credit, a fold) maps to the next paragraph with offset 0, so restoring it shows
    what came right after; past the last paragraph it maps to the last one.

    Args:
        article: The article being read.
        position: ``(section, block, offset)`` as :meth:`ReaderPane.position` gives it.

    Returns:
        ``(paragraph, offset)``: the index in ``article.paragraphs`` (0 when there are none)
        and the line offset inside it (0 unless the position is on the paragraph itself).
    """
    section, block, offset = position
    count = 0
    for number, sec in enumerate(article.sections):
        if number < section:
            count += sum(1 for b in sec.blocks if isinstance(b, Paragraph))
            continue
        if number == section:
            for index, item in enumerate(sec.blocks):
                if isinstance(item, Paragraph):
                    if index == block:
                        return count, max(0, offset)
                    if index > block:
                        return count, 0
                    count += 1
        break
    total = len(article.paragraphs)
    if total == 0:
        return 0, 0
    # Past the paragraphs of the position's section: the next paragraph, or the last one.
    return min(count, total - 1), 0


def position_of(article: Article, paragraph: int, offset: int = 0) -> PanePosition:
    """The pane position of a paragraph (the inverse of :func:`paragraph_at`).

    Paragraph 0 at offset 0 is the article's top, so an article saved at its start reopens
    with its headline in view rather than scrolled past it. Indexes out of range are clamped.

    Args:
        article: The article being read.
        paragraph: Index in ``article.paragraphs``.
        offset: Line offset inside the paragraph.

    Returns:
        ``(section, block, offset)`` for :meth:`ReaderPane.restore_position`.
    """
    offset = max(0, offset)
    if paragraph <= 0 and offset == 0:
        return (0, -1, 0)
    last: PanePosition | None = None
    count = 0
    for number, sec in enumerate(article.sections):
        for index, item in enumerate(sec.blocks):
            if isinstance(item, Paragraph):
                if count == max(0, paragraph):
                    return (number, index, offset)
                last = (number, index, 0)
                count += 1
    return last if last is not None else (0, -1, 0)
