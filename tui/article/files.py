"""Opening files that must be regular files: never a FIFO, a device or a socket.

A path checked with ``is_file()`` can be swapped for a FIFO before it is opened, and a plain
``open`` of a FIFO waits for a writer forever (``/dev/zero`` never ends). So the file is opened
with ``O_NONBLOCK`` (which returns at once for a FIFO) and checked with ``fstat`` on the open
descriptor, the file actually read: anything but a regular file is refused with an
:class:`OSError` whose ``strerror`` is "not a regular file". Textual-free.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = ["NOT_REGULAR", "open_regular", "read_regular"]

NOT_REGULAR = "not a regular file"
"""The ``strerror`` of the error raised for a FIFO, device, socket or folder."""


def open_regular(path: str | Path) -> BinaryIO:
    """Open a regular file for reading in binary mode, refusing anything else.

    Args:
        path: The file.

    Returns:
        The open file (a buffered binary reader); the caller closes it.

    Raises:
        OSError: When it cannot be opened, or is not a regular file (``strerror`` is
            :data:`NOT_REGULAR`).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, NOT_REGULAR, os.fspath(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | Path, limit: int | None = None) -> bytes:
    """Read a whole regular file (see :func:`open_regular`).

    Args:
        path: The file.
        limit: The most bytes accepted; a longer file raises instead of filling memory.

    Returns:
        Its bytes.

    Raises:
        OSError: When it cannot be read or is not a regular file.
        ValueError: When it is longer than ``limit`` bytes.
    """
    with open_regular(path) as handle:
        if limit is None:
            return handle.read()
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit:,} bytes")
    return data
