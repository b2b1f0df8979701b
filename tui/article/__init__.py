"""The pure article engine: decoding, parsing, quotations, export. Imports nothing from Textual.

Entry points: :func:`parse` for text already in memory and :func:`load` for a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from tui.article.collector import held
from tui.article.model import Article
from tui.article.sanitize import BinaryFileError, read_text, sanitize

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
        if fmt == "auto":
            suffix = Path(path).suffix.lower() if path else ""
            fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
        if fmt == "markdown":
            from tui.article.markdown import parse_markdown

            return parse_markdown(text, path=path)
        from tui.article.text import parse_text

        return parse_text(text, path=path)


def load(path: str | Path) -> Article:
    """Read, decode, sanitise and parse one article file.

    Args:
        path: The file to read.

    Returns:
        The parsed article.

    Raises:
        OSError: When the file cannot be read.
        BinaryFileError: When the file is not text.
    """
    p = Path(path)
    return parse(read_text(p.read_bytes()), path=str(p))
