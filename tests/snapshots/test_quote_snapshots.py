"""SVG snapshots of the quote features: the navigator in the sidebar, speakers shown.

The article lives in ``data_quotes/`` (not ``data/``, which the other snapshots load whole, so
an extra file there would change them all). Regenerate with
``pytest tests/snapshots/test_quote_snapshots.py --snapshot-update`` and look at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.snapshots.test_snapshots import SnapCompare, loaded
from tui.app import NewsreadApp

DATA = Path(__file__).parent / "data_quotes"


@pytest.mark.parametrize(
    ("press", "size"),
    [
        # Navigator open (focused), the third quotation current: marked, cursor on it,
        # the pane scrolled to it with its "— Hilde Brandt" line.
        pytest.param(("w", "}", "}", "}"), (120, 40), id="quotes-tab"),
        pytest.param(("w", "}", "}", "}"), (60, 20), id="quotes-tab-narrow"),
    ],
)
def test_quote_screens(
    snap_compare: SnapCompare, press: tuple[str, ...], size: tuple[int, int]
) -> None:
    run_before: Callable[[Pilot[None]], Awaitable[None]] = loaded
    assert snap_compare(NewsreadApp([DATA]), press=press, terminal_size=size, run_before=run_before)
