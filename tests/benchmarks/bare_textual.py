"""The floor for start-up benchmarks: a bare Textual app that shows one ``Static``.

Run: python tests/benchmarks/bare_textual.py [TEXT]

:mod:`tests.benchmarks.bench_ttfp` times this next to newsread, in the same terminal and run,
so newsread's figures can be read as a ratio to what Textual itself costs. ``x`` replaces the
text with :data:`FLIPPED` (the floor for key → repaint), ``q`` quits.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

FLIPPED = "Zqflipped"
"""The text ``x`` puts in the ``Static``."""


class BareApp(App[None]):
    """One ``Static`` with the given text (shown as plain text, never as markup)."""

    BINDINGS = [Binding("q", "quit", "Quit"), Binding("x", "flip", "Flip")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        """The single widget."""
        yield Static(Content(self._text))

    def action_flip(self) -> None:
        """Show :data:`FLIPPED` instead of the text."""
        self.query_one(Static).update(Content(FLIPPED))


if __name__ == "__main__":
    BareApp(" ".join(sys.argv[1:]) or "Bare Textual app").run()
