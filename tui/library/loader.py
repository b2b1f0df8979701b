"""Finding article files from the paths given on the command line.

Files named directly are taken whatever their ending; folders are searched recursively for
``.txt``, ``.md``, ``.markdown``, ``.html`` and ``.htm`` files (hidden entries skipped), sorted.
HTML files are read in reader mode (:mod:`tui.library.html_files`). Anything that cannot
be read — a missing path, a permission error, a binary file, an empty folder — is reported with
a reason instead of raising, and symbolic links that loop back into a folder already searched
are not followed twice. Textual-free, so it runs in a worker thread and in tests directly.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from tui.article.files import NOT_REGULAR, open_regular, read_regular
from tui.article.model import Article
from tui.article.sanitize import is_binary
from tui.library.html_files import HTML_SUFFIXES, is_html, load_file

__all__ = [
    "ARTICLE_SUFFIXES",
    "PREFIX_CHARS",
    "find_articles",
    "first_article",
    "first_parse",
    "parse_files",
    "parse_progressively",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"}) | HTML_SUFFIXES
"""File endings picked up inside folders."""

_SNIFF = 8192
"""Bytes read from each file to tell text from binary."""

PREFIX_CHARS = 16_000
"""Articles longer than this are first parsed up to a paragraph break near here and shown.

Several screens' worth even on a 200-column terminal, and quick to parse before the first frame.
"""


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _check_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as an article, or None when it can."""
    try:
        with open_regular(path) as handle:  # a FIFO put in its place must not block
            head = handle.read(_SNIFF)
    except OSError as exc:
        return _reason(exc)
    if is_binary(head):
        return "not a text file"
    return None


_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[object, ...]:
    """Sort names as people count: ``a2`` before ``a10``, case ignored (then used to break ties).

    Args:
        name: A file or folder name.

    Returns:
        A key whose runs of digits compare as numbers.
    """
    parts = _DIGITS.split(name.casefold())
    # split() alternates text and digit runs, text first: like parts always meet like.
    return (*(int(part) if n % 2 else part for n, part in enumerate(parts)), name)


_SYSTEM_FOLDERS = ("/proc", "/sys")
"""Pseudo filesystems a library never holds: their trees are endless (``/proc/1/root`` is
``/`` again), so a symbolic link into one is not followed."""


def _system_folder(folder: Path) -> str | None:
    """The pseudo filesystem ``folder`` is reached through (``/proc``), or None.

    Each link is followed by hand: ``/proc/self/root`` *is* ``/`` by the time ``realpath``
    answers, yet walking it means walking ``/proc`` again and again.
    """
    path = os.path.abspath(folder)
    for _ in range(40):  # as many links as the kernel follows
        head, tail = os.path.split(path)
        path = (
            os.path.realpath(path)
            if tail in ("", ".", "..")
            else os.path.join(os.path.realpath(head), tail)
        )
        for system in _SYSTEM_FOLDERS:
            if path == system or path.startswith(system + "/"):
                return system
        try:
            target = os.readlink(path)
        except OSError:  # not a link (or gone: the walk reports that)
            return None
        path = os.path.join(os.path.dirname(path), target)
    return None


def _walk(root: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str | None]]:
    """Yield ``(file, reason)`` for each article file under ``root`` (reason None if fine).

    Folders are visited depth first, each one's files before its subfolders, with a stack
    rather than recursion, so no depth of nesting can exhaust Python's recursion limit.
    ``seen`` holds the (device, inode) of every folder entered so far, so a symbolic link back
    to an ancestor (or to a folder reached another way) is skipped rather than looped over;
    links into ``/proc`` or ``/sys`` are not followed at all. An entry with an article ending
    that is a FIFO, socket or device is reported as not a regular file.
    """
    stack = [(root, root.is_symlink())]
    while stack:
        folder, linked = stack.pop()
        if (linked or folder is root) and (system := _system_folder(folder)) is not None:
            yield folder, f"a system folder ({system}), not searched"
            continue
        try:
            info = folder.stat()
        except OSError as exc:
            yield folder, _reason(exc)
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            continue
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda entry: natural_key(entry.name))
        except OSError as exc:
            yield folder, _reason(exc)
            continue
        folders: list[tuple[Path, bool]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            article = Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES
            try:
                is_dir = entry.is_dir()  # follows symlinks; loops are caught by ``seen``
                is_file = not is_dir and entry.is_file()
                # A FIFO, socket or device named like an article (a broken link stays quiet).
                odd = article and not is_dir and not is_file and bool(entry.stat())
            except OSError:
                continue
            if is_dir:
                folders.append((Path(entry.path), entry.is_symlink()))
            elif is_file and article:
                file = Path(entry.path)
                yield file, _check_file(file)
            elif odd:
                yield Path(entry.path), NOT_REGULAR
        stack.extend(reversed(folders))


def find_articles(paths: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand paths into the article files to open.

    Args:
        paths: Files and folders, in the order given. Files are used whatever their ending;
            folders are searched recursively (files before subfolders, each sorted by name
            as people count: :func:`natural_key`).

    Returns:
        ``(files, skipped)``: the readable files in order without duplicates, and each path
        that was left out with a short reason ("not a text file", "no such file or
        directory", "no .txt, .md, .markdown or .html files", …). Never raises for a bad path.
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
                skipped.append((path, "no .txt, .md, .markdown or .html files"))
        elif not path.is_file():
            skipped.append((path, "not a regular file"))
        else:
            take(path, _check_file(path))
    return files, skipped


def _in_library(path: Path, roots: Sequence[Path]) -> bool:
    """Whether ``find_articles(roots)`` would list ``path`` (without walking the folders)."""
    target = os.path.abspath(path)
    for root in roots:
        base = os.path.abspath(root)
        if target == base:
            return True
        relative = os.path.relpath(target, base)
        if relative.startswith(os.pardir) or not os.path.isdir(base):
            continue
        parts = Path(relative).parts
        hidden = any(part.startswith(".") for part in parts)
        if not hidden and Path(target).suffix.lower() in ARTICLE_SUFFIXES:
            return True
    return False


def first_article(paths: Sequence[Path], preferred: Path | str | None = None) -> Path | None:
    """The file the reader opens first, found without walking the whole library.

    This is ``preferred`` (the last article read) when it is still a readable file of the
    library, else the first file :func:`find_articles` would list. Either way it takes a few
    file checks, so the first article can be parsed while the rest of the library is found.

    Args:
        paths: Files and folders, as for :func:`find_articles`.
        preferred: The article to reopen, if any.

    Returns:
        The file, or None when none is readable.
    """
    if preferred is not None:
        wanted = Path(preferred)
        try:
            usable = wanted.is_file() and _in_library(wanted, paths)
        except OSError:
            usable = False
        if usable and _check_file(wanted) is None:
            return wanted
    for path in paths:
        try:
            is_dir = path.is_dir()
            is_file = not is_dir and path.is_file()
        except OSError:
            continue
        if is_dir:
            for file, problem in _walk(path, set()):
                if problem is None:
                    return file
        elif is_file and _check_file(path) is None:
            return path
    return None


def _prefix(text: str, size: int) -> str | None:
    """``text`` cut at the last paragraph (else line) break before ``size``, or None."""
    if len(text) <= size:
        return None
    cut = text.rfind("\n\n", 0, size)
    if cut < size // 2:
        cut = text.rfind("\n", 0, size)
    return text[: cut + 1] if cut > 0 else None


def _opening(path: Path, size: int, read_text: Callable[[bytes], str]) -> str | None:
    """The opening of a file longer than ``size`` bytes, read from its head only, or None.

    The head is cut at a paragraph (else line) break in the bytes: a newline byte is never part
    of a UTF-8 or cp1252 character, and the decoder works line by line, so the opening decodes
    as it does in the whole file. UTF-16 (a BOM) is read whole instead.
    """
    with open_regular(path) as handle:
        head = handle.read(size + 1)
    if len(head) <= size:
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _prefix(read_text(read_regular(path)), size)
    cut = head.rfind(b"\n\n", 0, size)
    if cut < size // 2:
        cut = head.rfind(b"\n", 0, size)
    return read_text(head[: cut + 1]) if cut > 0 else None


def first_parse(path: Path, prefix_chars: int = PREFIX_CHARS) -> tuple[Article, bool] | None:
    """The first parse :func:`parse_progressively` makes: a long file's opening, else all.

    Args:
        path: The article file.
        prefix_chars: Articles longer than this are cut at a paragraph break near here.

    Returns:
        ``(article, complete)``: ``complete`` is False for the opening of a long article;
        None when the file cannot be read or parsed (the whole parse reports why).
    """
    import tui.article as engine  # looked up at call time: tests count engine.load calls
    from tui.article.sanitize import read_text

    try:
        if is_html(path):  # a page is read whole: its opening is not a page
            return load_file(path), True
        opening = _opening(path, prefix_chars, read_text)
        if opening is not None:
            return engine.parse(opening, path=str(path)), False
        return engine.load(path), True
    except Exception:  # noqa: BLE001 - the caller's whole parse reports any fault
        return None


def parse_progressively(
    path: Path,
    prefix_chars: int = PREFIX_CHARS,
    first: tuple[Article, bool] | None = None,
) -> Iterator[tuple[Article | None, str, bool]]:
    """Parse a long article twice: its opening first (to show at once), then the whole.

    The opening ends at a paragraph break, so its blocks sit at the same positions as in the
    whole article (all but possibly the last): a reader can swap one for the other and keep
    the reading position.

    Args:
        path: The article file.
        prefix_chars: Articles longer than this get the quick first parse.
        first: The first parse, made already elsewhere (:func:`first_parse`, in the
            start-up helper of :mod:`tui.library.prefetch`): it is yielded instead of parsed again.

    Yields:
        ``(article, "", False)`` for the opening (long articles only), then
        ``(article, "", True)`` for the whole, or ``(None, reason, True)`` when the file
        could not be read or parsed.
    """
    import tui.article as engine  # looked up at call time: tests count engine.load calls
    from tui.article.sanitize import read_text

    if first is not None:
        article, complete = first
        yield article, "", complete
        if complete:
            return
    elif is_html(path):
        pass  # read whole below
    else:
        try:
            opening = _opening(path, prefix_chars, read_text)
        except Exception as exc:  # noqa: BLE001 - reported like parse_files does
            yield None, _failure(exc), True
            return
        if opening is not None:
            quick: Article | None = None
            with contextlib.suppress(Exception):  # the whole text's parse reports any fault
                quick = engine.parse(opening, path=str(path))
            if quick is not None:
                yield quick, "", False
    try:
        article = load_file(path) if is_html(path) else engine.load(path)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the reader
        yield None, _failure(exc), True
    else:
        yield article, "", True


def _failure(exc: Exception) -> str:
    """A short reason for a file that could not be read or parsed."""
    if isinstance(exc, OSError):
        return _reason(exc)
    if isinstance(exc, ValueError):  # BinaryFileError, undecodable text
        return str(exc) or "not a text file"
    return f"could not be parsed ({type(exc).__name__}: {exc})"


def parse_files(files: Iterable[Path]) -> Iterator[tuple[Path, Article | None, str]]:
    """Parse each file in turn, reporting failures instead of raising.

    Args:
        files: Article files (from :func:`find_articles`).

    Yields:
        ``(path, article, "")`` for each parsed file, ``(path, None, reason)`` for one that
        could not be read or parsed. A parser bug in one file never stops the others.
    """
    for path in files:
        try:
            article = load_file(path)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the rest
            yield path, None, _failure(exc)
        else:
            yield path, article, ""
