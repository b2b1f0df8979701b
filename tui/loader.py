"""Finding article files from the paths given on the command line.

Files named directly are taken whatever their ending; folders are searched recursively for
``.txt``, ``.md`` and ``.markdown`` files (hidden entries skipped), sorted. Anything that cannot
be read — a missing path, a permission error, a binary file, an empty folder — is reported with
a reason instead of raising, and symbolic links that loop back into a folder already searched
are not followed twice. Textual-free, so it runs in a worker thread and in tests directly.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from tui.article.model import Article
from tui.article.sanitize import is_binary

__all__ = ["ARTICLE_SUFFIXES", "find_articles", "parse_files"]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
"""File endings picked up inside folders."""

_SNIFF = 8192
"""Bytes read from each file to tell text from binary."""


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _check_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as an article, or None when it can."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF)
    except OSError as exc:
        return _reason(exc)
    if is_binary(head):
        return "not a text file"
    return None


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str | None]]:
    """Yield ``(file, reason)`` for each article file under ``folder`` (reason None if fine).

    ``seen`` holds the (device, inode) of every folder entered so far, so a symbolic link back
    to an ancestor (or to a folder reached another way) is skipped rather than looped over.
    """
    try:
        info = folder.stat()
    except OSError as exc:
        yield folder, _reason(exc)
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return
    seen.add(key)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, _reason(exc)
        return
    files: list[Path] = []
    folders: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks; loops are caught by ``seen``
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            folders.append(Path(entry.path))
        elif is_file and Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES:
            files.append(Path(entry.path))
    for file in files:
        yield file, _check_file(file)
    for sub in folders:
        yield from _walk(sub, seen)


def find_articles(paths: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand paths into the article files to open.

    Args:
        paths: Files and folders, in the order given. Files are used whatever their ending;
            folders are searched recursively (files before subfolders, each sorted by name).

    Returns:
        ``(files, skipped)``: the readable files in order without duplicates, and each path
        that was left out with a short reason ("not a text file", "no such file or
        directory", "no .txt, .md or .markdown files", …). Never raises for a bad path.
    """
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    taken: set[Path] = set()
    seen_folders: set[tuple[int, int]] = set()

    def take(path: Path, reason: str | None) -> None:
        if reason is not None:
            skipped.append((path, reason))
            return
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop on Python < 3.13
            key = path.absolute()
        if key not in taken:
            taken.add(key)
            files.append(path)

    for path in paths:
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as exc:
            skipped.append((path, _reason(exc)))
            continue
        if not exists:
            # A dangling or looping symlink also lands here; say which.
            why = "broken symbolic link" if path.is_symlink() else "no such file or directory"
            skipped.append((path, why))
        elif is_dir:
            before = len(files) + len(skipped)
            already = len(seen_folders)
            for file, problem in _walk(path, seen_folders):
                take(file, problem)
            # Only an unseen folder that yielded nothing is "empty"; a repeat is just skipped.
            if len(files) + len(skipped) == before and len(seen_folders) > already:
                skipped.append((path, "no .txt, .md or .markdown files"))
        elif not path.is_file():
            skipped.append((path, "not a regular file"))
        else:
            take(path, _check_file(path))
    return files, skipped


def parse_files(files: Iterable[Path]) -> Iterator[tuple[Path, Article | None, str]]:
    """Parse each file in turn, reporting failures instead of raising.

    Args:
        files: Article files (from :func:`find_articles`).

    Yields:
        ``(path, article, "")`` for each parsed file, ``(path, None, reason)`` for one that
        could not be read or parsed. A parser bug in one file never stops the others.
    """
    from tui.article import load  # parsers load lazily, off the UI thread's import path

    for path in files:
        try:
            yield path, load(path), ""
        except OSError as exc:
            yield path, None, _reason(exc)
        except ValueError as exc:  # BinaryFileError, undecodable text
            yield path, None, str(exc) or "not a text file"
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the rest
            yield path, None, f"could not be parsed ({type(exc).__name__}: {exc})"
