"""Newsread's widgets, one per module.

Modules whose names start with ``_reader_`` (and ``_quote_cursor``) are the reading pane's own
helpers, private to :class:`tui.widgets.reader_pane.ReaderPane`: its layout (heights, positions),
its drawn lines, its drawing and idle work (``_reader_render``), find and folds
(``_reader_find``) and its current quotation. ``_library_order`` (grouping, sorting, dates)
and ``_library_labels`` (the rows' labels) are the sidebar's, private to
:class:`tui.widgets.library_tree.LibraryTree`. Widgets may import ``tui.reader`` and
``tui.article``, never screens, the app or the command line.
"""

from __future__ import annotations

from tui.widgets.reader_pane import ReaderPane

__all__ = ["ReaderPane"]
