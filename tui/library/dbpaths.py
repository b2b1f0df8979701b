"""File paths as SQLite keys: any path the OS gives, stored so that it comes back unchanged.

A path on Linux is bytes; Python shows bytes that are not UTF-8 as lone surrogates
(``caf\\udce9.txt``), which SQLite's text type cannot hold (``UnicodeEncodeError``). Such a
path is stored as a BLOB of its raw bytes instead, every other path as text, as before: the
two never collide (a BLOB never equals a TEXT value), existing databases stay valid, and
:func:`from_db` gives back exactly the ``str`` that went in. Textual-free.
"""

from __future__ import annotations

import os

__all__ = ["from_db", "to_db"]


def to_db(path: str) -> str | bytes:
    """A path as it is stored: text, or its raw bytes when it is not valid Unicode.

    Args:
        path: A path as the OS gave it (``os.fsdecode``: may hold surrogate escapes).

    Returns:
        ``path`` itself, or ``os.fsencode(path)`` when it holds a lone surrogate.
    """
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def from_db(value: str | bytes) -> str:
    """The path a stored value stands for (the inverse of :func:`to_db`).

    Args:
        value: A value read from a path column.

    Returns:
        The path as a ``str`` (with surrogate escapes where it was not UTF-8).
    """
    return os.fsdecode(value) if isinstance(value, bytes) else value
