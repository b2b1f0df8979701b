"""Saved web pages and shelf files (``.html``, ``.htm``) read in reader mode, like other files.

The library reads an HTML file through :func:`tui.web.readable.read_page`, so headings,
figures with credits and captions, bylines and quotations come out as they do for a fetched
page. Relative links resolve against the address the file records: the one the web shelf's
manifest gives (:func:`tui.web.shelf.file_record`), else the file's own ``file:`` URI. The
article's ``path`` is the file, like any other file's. lxml is imported only when an HTML
file is read, so a library of text files never loads it. Textual-free.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tui.article.files import read_regular
from tui.article.model import Article

__all__ = ["HTML_SUFFIXES", "MAX_HTML_BYTES", "is_html", "load_file", "read_html"]

HTML_SUFFIXES = frozenset({".html", ".htm"})
"""File endings read as web pages."""

MAX_HTML_BYTES = 64 * 1024 * 1024
"""A larger HTML file is refused rather than read into memory (pages are a few hundred KB)."""


def is_html(path: Path | str) -> bool:
    """Whether a file is read as a web page (by its ending)."""
    return Path(path).suffix.lower() in HTML_SUFFIXES


def read_html(path: Path) -> Article:
    """Read an HTML file in reader mode.

    Args:
        path: The file.

    Returns:
        The article, its ``path`` the file.

    Raises:
        OSError: When the file cannot be read.
    """
    from tui.web.readable import read_page
    from tui.web.shelf import file_record

    body = read_regular(path, MAX_HTML_BYTES)
    shelf = file_record(path)
    url = shelf.url if shelf is not None else Path(path).absolute().as_uri()
    charset = shelf.charset if shelf is not None else None
    article = read_page(body, url, charset=charset)
    metadata = article.metadata
    if shelf is not None and article.path and article.path.startswith(("http://", "https://")):
        # The page's web address stays with the article (for `o`, `U` and citations) when its
        # path becomes the shelf file.
        metadata = (*metadata, ("url", article.path))
    return dataclasses.replace(article, path=str(path), metadata=metadata)


def load_file(path: Path) -> Article:
    """Parse any article file: HTML in reader mode, everything else by :func:`tui.article.load`.

    Args:
        path: The file.

    Returns:
        The article.
    """
    if is_html(path):
        return read_html(path)
    import tui.article as engine  # looked up at call time: tests count engine.load calls

    return engine.load(path)
