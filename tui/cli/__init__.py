"""The command line: ``newsread``'s arguments, ``dump``, ``config``, and starting the reader.

- :mod:`tui.cli.command_line` parses the arguments (:func:`main`, the ``newsread`` entry point)
  and runs ``dump`` and ``config`` without Textual.
- :mod:`tui.cli.startup` loads the config and the themes before the reader starts and prints
  ``--bindings`` and ``--list-themes``; it imports the app, so only when needed.

The top of the import graph: it may import every other package of newsread, and nothing imports
it except ``tui/__main__.py`` (import-linter checks this).
"""

from __future__ import annotations

from tui.cli.command_line import main

__all__ = ["main"]
