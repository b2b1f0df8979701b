"""What :mod:`tui.library.index` stores per article, and how rows and articles turn into entries.

Kept apart from the index class so each stays small: this module knows the :class:`Entry` shape,
its row encoding (lists as JSON), the searchable chunks of an article, folder names relative to
the library roots, and how one file is parsed without ever raising.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tui.article.model import Article
from tui.article.records import record

__all__ = [
    "ENTRY_COLUMNS",
    "Entry",
    "article_values",
    "entry_from_row",
    "folder_namer",
    "folder_of",
    "load_article",
    "os_reason",
    "path_key",
    "root_dirs",
    "search_chunks",
]

ENTRY_COLUMNS = (
    "f.path, f.size, f.mtime_ns, f.title, f.title_derived, f.authors, f.outlet, f.date, "
    "f.headings, f.section_words, f.word_count, f.source_format"
)
"""The ``files`` columns :func:`entry_from_row` reads, in its order (table alias ``f``)."""


@record
class Entry:
    """What the library knows about one article file without parsing it again."""

    path: str
    """The file, spelled as the caller passed it."""
    size: int
    """Size in bytes when it was indexed."""
    mtime_ns: int
    """Modification time (nanoseconds) when it was indexed."""
    title: str
    """The article's title (a fallback from the lead when :attr:`title_derived`)."""
    title_derived: bool
    """True when the title was guessed from the opening words."""
    authors: tuple[str, ...]
    """Names of the credited authors, in byline order."""
    outlet: str | None
    """The publishing outlet, when known."""
    date: str | None
    """The publication date as printed, when known."""
    headings: tuple[str, ...]
    """Every section heading, in order."""
    section_words: tuple[int, ...]
    """Words per section in :attr:`Article.sections` order (the untitled lead first, if any)."""
    word_count: int
    """Words in the article's paragraphs."""
    folder: str
    """The file's folder relative to its library root, "" at the top (``/`` separated)."""
    source_format: str
    """The format family the parser recognised (``bbc``, ``markdown``, …)."""


def path_key(path: Path | str) -> str:
    """The absolute spelling under which a file is stored (symlinks are not resolved)."""
    return os.path.abspath(os.fspath(path))


def os_reason(exc: OSError) -> str:
    """A short lower-case reason for an OS error ("permission denied")."""
    return (exc.strerror or type(exc).__name__).lower()


def root_dirs(keys: Sequence[str], roots: Sequence[Path | str] | None) -> list[str]:
    """The library roots, deepest first: the given ones, else the files' common folder.

    Args:
        keys: The files' stored (absolute) paths.
        roots: Folders the library was opened from, if the caller knows them.

    Returns:
        Absolute root folders, longest first so the deepest containing root wins.
    """
    if roots is not None:
        return sorted((path_key(r) for r in roots), key=len, reverse=True)
    parents = {os.path.dirname(k) for k in keys}
    try:
        return [os.path.commonpath(list(parents))] if parents else []
    except ValueError:  # different drives on Windows: no common root
        return []


def folder_of(key: str, roots: Sequence[str]) -> str:
    """The folder of ``key`` relative to the first root holding it ("" at a root or outside).

    Args:
        key: A stored (absolute) file path.
        roots: From :func:`root_dirs`.

    Returns:
        A ``/``-separated relative folder.
    """
    parent = os.path.dirname(key)
    for root in roots:
        if parent == root:
            return ""
        if parent.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.relpath(parent, root).replace(os.sep, "/")
    return ""


_SEP_FREE = re.compile("\x1f")
_SEP = "\x1f"
"""Joins list items in one column. Parsed text holds no C0 controls (sanitising makes them
visible pictures), so the unit separator cannot occur inside an item; splitting it is several
times faster than JSON, which matters when 10,000 entries are read at start-up."""


def _strings(items: Sequence[str]) -> str:
    return _SEP.join(items)


def _split(column: str) -> tuple[str, ...]:
    return tuple(column.split(_SEP)) if column else ()


def _ints(column: str) -> tuple[int, ...]:
    return tuple(map(int, column.split(","))) if column else ()


def folder_namer(roots: Sequence[str]) -> Callable[[str], str]:
    """:func:`folder_of` for fixed roots, remembering each parent folder's answer.

    A library has far fewer folders than files, and ``relpath`` is slow enough to matter for
    10,000 files.
    """
    known: dict[str, str] = {}

    def name(key: str) -> str:
        parent = os.path.dirname(key)
        found = known.get(parent)
        if found is None:
            found = known[parent] = folder_of(key, roots)
        return found

    return name


def entry_from_row(row: Sequence[Any], path: str, folder: str) -> Entry:
    """Build an entry from a row of :data:`ENTRY_COLUMNS`."""
    return Entry(
        path=path,
        size=row[1],
        mtime_ns=row[2],
        title=row[3],
        title_derived=bool(row[4]),
        authors=_split(row[5]),
        outlet=row[6],
        date=row[7],
        headings=_split(row[8]),
        section_words=_ints(row[9]),
        word_count=row[10],
        folder=folder,
        source_format=row[11],
    )


def article_values(article: Article | None) -> tuple[Any, ...]:
    """The metadata columns (title … source_format) for an article, or blanks for a skip."""
    if article is None:
        return ("", 0, "", None, None, "", "", 0, "text")
    return (
        article.title,
        int(article.title_derived),
        _strings([_SEP_FREE.sub(" ", a.name) for a in article.authors]),
        article.outlet,
        article.date,
        _strings([_SEP_FREE.sub(" ", h) for h in article.headings]),
        ",".join(str(s.word_count) for s in article.sections),
        article.word_count,
        article.source_format,
    )


def search_chunks(article: Article) -> Iterator[tuple[int, str]]:
    """Title, headings and paragraphs as ``(paragraph index, text)`` rows for the FTS table.

    The title is paragraph -1. A heading points at its section's first paragraph (or, for a
    section without paragraphs, at the last paragraph before it), where the reader should land.
    Made one at a time: a list of a huge article's 300,000 rows, freed in one go after the
    insert, held the interpreter lock for a tenth of a second.

    Args:
        article: A parsed article.

    Yields:
        The rows in reading order; empty texts are left out.
    """
    if article.title:
        yield -1, article.title
    index = 0
    for section in article.sections:
        if section.heading is not None and section.heading.text:
            yield (index if section.paragraphs else max(index - 1, -1)), section.title
        for paragraph in section.paragraphs:
            if paragraph.text:
                yield index, paragraph.text
            index += 1


def load_article(path: Path) -> tuple[Article | None, str, bool]:
    """Parse one file, never raising.

    Args:
        path: The article file.

    Returns:
        ``(article, "", False)`` on success, else ``(None, reason, remember)`` where
        ``remember`` says whether to record the failure until the file changes (binary or
        unparsable content) rather than retry next time (an OS error such as a permission
        problem, which can be fixed without touching the file's size or mtime).
    """
    import tui.article  # looked up at call time so tests can replace tui.article.load
    from tui.library.html_files import is_html, read_html

    try:
        return (read_html(path) if is_html(path) else tui.article.load(path)), "", False
    except OSError as exc:
        return None, os_reason(exc), False
    except ValueError as exc:  # BinaryFileError, undecodable text
        return None, str(exc) or "not a text file", True
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the rest
        return None, f"could not be parsed ({type(exc).__name__}: {exc})", True
