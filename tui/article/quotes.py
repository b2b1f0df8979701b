"""Quotation detection (placeholder: finds nothing yet; replaced by the real detector)."""

from __future__ import annotations

from collections.abc import Sequence

from tui.article.model import Quotation, Section


def annotate(sections: Sequence[Section]) -> tuple[tuple[Section, ...], tuple[Quotation, ...]]:
    """Find quotations in the sections' paragraphs.

    Args:
        sections: Sections whose paragraphs have no quote spans yet.

    Returns:
        The sections with :attr:`Paragraph.quotes` filled, and every quotation in order.
    """
    return tuple(sections), ()
