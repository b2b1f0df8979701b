"""Parse the first article in a helper process while the reader starts (Textual-free).

Start-up is one thread's work: importing Textual and newsread, building the screen, then
parsing the first article (its opening, for a long one) and painting it. The parse, with the
import of the parser before it, does not depend on the rest, so a helper process does it
meanwhile on another core: it picks the article the reader will open (the last one read,
else the first file), parses it and sends the result back on its standard output; the reader
takes it when its screen is ready (a fraction of a millisecond to unpickle) instead of
parsing there.

The helper is a fresh interpreter (running the same newsread), not a fork: a forked
copy would make the reader pay a copy-on-write page fault for every page it touches while
the helper runs, which cost more than the parse saved. Nothing depends on the helper:
when it cannot start, fails, is slow, or parsed another file than the one the reader opens,
the reader parses in-process as before. It runs in a session of its own (no terminal, so
no Ctrl+C reaches it), writes only to its pipe, and is reaped (killed if still running) as
soon as its answer is taken or the reader stops.

The helper is started isolated (``python -I``), never as ``python -m``: ``-m`` would put the
working directory first on its import path, and any ``pickle.py`` or ``tui/`` there would run.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.article.model import Article

__all__ = ["Prefetch", "main", "prefetch_first"]

_WAIT = 0.1
"""Seconds the reader waits for an answer still on its way before parsing itself.

Parsing an opening in the reader takes a few tens of milliseconds (the parser's import most
of it), so waiting much longer for a helper slowed down by a busy machine would only lose."""


class Prefetch:
    """A helper process parsing the first article; :meth:`take` its answer once."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        """Keep track of a running helper.

        Args:
            process: The helper, its standard output a pipe.
        """
        self._process = process
        self._done = False

    def take(self, path: Path, timeout: float = _WAIT) -> tuple[Article, bool] | None:
        """The helper's parse of ``path``, if that is the file it parsed.

        Args:
            path: The file the reader is opening.
            timeout: Seconds to wait for an answer still being made.

        Returns:
            ``(article, complete)``: the whole article (``complete`` True) or the opening of
            a long one; None when the helper parsed another file or has no answer.
        """
        if self._done or self._process.stdout is None:
            return None
        data = b""
        with contextlib.suppress(OSError, ValueError):
            fd = self._process.stdout.fileno()
            if select.select([fd], [], [], timeout)[0]:
                data = self._read_all(fd, timeout)
        self.close()
        if not data:
            return None
        try:
            name, article, complete = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a torn answer is no answer
            return None
        if name != os.path.abspath(path) or not isinstance(article, Article):
            return None
        return article, bool(complete)

    @staticmethod
    def _read_all(fd: int, timeout: float) -> bytes:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            if not select.select([fd], [], [], timeout)[0]:
                return b""  # stalled half-way: give up on it
        return b"".join(chunks)

    def close(self) -> None:
        """Stop the helper if it still runs, reap it and close the pipe (idempotent)."""
        if self._done:
            return
        self._done = True
        process = self._process
        with contextlib.suppress(OSError):
            if process.poll() is None:
                process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


_BOOT = (
    "import sys; sys.path.append(sys.argv.pop(1)); "
    "from tui.library.prefetch import main; raise SystemExit(main(sys.argv[1:]))"
)
"""The helper's whole program, run with ``python -I -c``: argv is the package root, then paths."""


def _package_root() -> str:
    """The folder holding the ``tui`` package this process runs (absolute)."""
    return os.fspath(Path(__file__).resolve().parents[2])  # tui/library/ → its root


def prefetch_first(paths: Sequence[Path]) -> Prefetch | None:
    """Start a helper that parses the article the reader will open first.

    Args:
        paths: The files and folders the reader opens.

    Returns:
        The running helper, or None when it could not be started.
    """
    # The helper runs isolated (-I: no working directory or script folder on its path, no
    # PYTHON* variables, no user site), so a `pickle.py` or `tui/` where the user types
    # `newsread` never runs. Its path is the interpreter's own (stdlib, site-packages) with the
    # folder this newsread was imported from appended last: that folder can only add `tui`.
    command = [sys.executable, "-I", "-c", _BOOT, _package_root(), *map(os.fspath, paths)]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except (OSError, ValueError):
        return None
    return Prefetch(process)


def main(argv: Sequence[str] | None = None) -> int:
    """The helper: parse the first article of the paths, pickle it to standard output.

    Args:
        argv: The paths (``sys.argv[1:]`` when None).

    Returns:
        0 when an answer was written, 1 when there is none.
    """
    from tui.library.loader import first_article, first_parse
    from tui.library.state import peek_last_opened

    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    path = first_article(paths, peek_last_opened())
    first = first_parse(path) if path is not None else None
    if path is None or first is None:
        return 1
    answer = (os.path.abspath(path), *first)
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
