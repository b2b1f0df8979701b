"""Newsread's widgets, one per module."""

from __future__ import annotations

from tui.widgets.reader_pane import ReaderPane

__all__ = ["ReaderPane"]
