"""The pure article engine: decoding, parsing, quotations, export. Imports nothing from Textual.

Entry points: :func:`parse` for text already in memory and :func:`load` for a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from tui.article import collector
from tui.article.collector import held
from tui.article.model import Article
from tui.article.sanitize import BinaryFileError, read_lines, read_text, sanitize

__all__ = ["Article", "BinaryFileError", "MARKDOWN_SUFFIXES", "load", "parse"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
"""File endings read as Markdown; everything else is read as scraped text."""


def parse(
    text: str,
    *,
    path: str | None = None,
    fmt: Literal["auto", "text", "markdown"] = "auto",
) -> Article:
    """Parse article text into an :class:`Article`.

    Args:
        text: The article text. It is sanitised again here, so callers may pass raw strings.
        path: The file the text came from (kept on the article, used to pick the format).
        fmt: ``text`` for scraped text, ``markdown`` for Markdown, ``auto`` to decide by the
            path's suffix (Markdown for ``.md``/``.markdown``, scraped text otherwise).

    Returns:
        The parsed article.
    """
    # Parsing makes many small objects and no reference cycles: the cyclic collector would only
    # rescan them (and everything else alive) over and over; reference counting frees them.
    with held():
        text = sanitize(text)
        if _format(path, fmt) == "markdown":
            from tui.article.markdown import parse_markdown

            return parse_markdown(text, path=path)
        from tui.article.text import parse_text

        return parse_text(text, path=path)


def _format(path: str | None, fmt: Literal["auto", "text", "markdown"]) -> str:
    """``fmt``, with ``auto`` decided by the path's suffix (see :func:`parse`)."""
    if fmt != "auto":
        return fmt
    suffix = Path(path).suffix.lower() if path else ""
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def load(path: str | Path) -> Article:
    """Read, decode, sanitise and parse one article file.

    Args:
        path: The file to read.

    Returns:
        The parsed article.

    Raises:
        OSError: When the file cannot be read, or is not a regular file (a FIFO put in its
            place would otherwise block the read forever).
        BinaryFileError: When the file is not text.
    """
    from tui.article.files import read_regular

    p = Path(path)
    data = read_regular(p)
    if _format(str(p), "auto") == "markdown":
        return parse(read_text(data), path=str(p))
    from tui.article.text import parse_lines

    # Scraped text goes to the parser as lines: the whole text is never made in one piece
    # (for 100 MB that alone held every other thread up for a tenth of a second).
    with held():
        lines = read_lines(data)
        article = parse_lines(lines, path=str(p))
        collector.drop(lines)
        return article
