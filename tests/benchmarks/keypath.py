"""Run a Textual program and log how long each key takes inside it, up to the written frame.

Run: python tests/benchmarks/keypath.py LOG (-m MODULE | SCRIPT) [ARGS...]

:mod:`tests.benchmarks.bench_keys` starts programs through this wrapper in the tmux harness.
The wrapper notes the clock when the app is handed a key event and when Textual's output
thread next flushes a frame to the terminal, and appends one line per key to ``LOG``:
``<key>\\t<milliseconds>``. Set against the key → repaint time measured from tmux's side, it
splits a key's latency into the program's part and the terminal's (tmux, the pty, the poll).

It hooks two things only: ``App.post_message`` (to see key events) and the file Textual's
output thread writes to (to see flushes). The first flush after a key is taken as the key's
frame; a frame already due when the key came would make the figure too short, which the
tmux-side figure shows up.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path
from time import perf_counter
from typing import IO, Any


class _KeyClock:
    """When the pending key came, and where to write its figure once its frame is out."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.key: str | None = None
        self.since = 0.0

    def key_posted(self, key: str) -> None:
        if self.key is None:  # the app passes each key on to the screen: keep the first
            self.key, self.since = key, perf_counter()

    def flushed(self) -> None:
        if self.key is None:
            return
        elapsed = (perf_counter() - self.since) * 1000.0
        with self.log.open("a", encoding="utf-8") as out:
            out.write(f"{self.key}\t{elapsed:.2f}\n")
        self.key = None


class _TimedFile:
    """The terminal file of Textual's output thread, reporting each flush."""

    def __init__(self, file: IO[str], clock: _KeyClock) -> None:
        self._file = file
        self._clock = clock

    def write(self, text: str) -> int:
        return self._file.write(text)

    def flush(self) -> None:
        self._file.flush()
        self._clock.flushed()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def install(log: Path) -> None:
    """Hook key events and frame flushes; each key's figure goes to ``log``."""
    from textual import events
    from textual.app import App
    from textual.drivers import _writer_thread  # not public: the thread Textual writes from

    clock = _KeyClock(log)
    post_message = App.post_message

    def posting(self: App[Any], message: Any) -> bool:
        if isinstance(message, events.Key):
            clock.key_posted(message.key)
        return post_message(self, message)

    App.post_message = posting  # type: ignore[method-assign, assignment]
    writer_init = _writer_thread.WriterThread.__init__

    def timed_init(self: _writer_thread.WriterThread, file: IO[str]) -> None:
        writer_init(self, _TimedFile(file, clock))  # type: ignore[arg-type]

    _writer_thread.WriterThread.__init__ = timed_init  # type: ignore[method-assign]


def main(argv: list[str]) -> None:
    """Install the hooks, then run the program as ``python`` would."""
    if len(argv) < 2 or (argv[1] == "-m" and len(argv) < 3):
        sys.exit("usage: keypath.py LOG (-m MODULE | SCRIPT) [ARGS...]")
    install(Path(argv[0]))
    if argv[1] == "-m":
        sys.path.insert(0, os.getcwd())  # as ``python -m`` does: the working copy comes first
        sys.argv = [argv[2], *argv[3:]]
        runpy.run_module(argv[2], run_name="__main__", alter_sys=True)
    else:
        sys.argv = argv[1:]
        runpy.run_path(argv[1], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
