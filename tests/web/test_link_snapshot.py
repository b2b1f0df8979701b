"""An SVG snapshot of the link list (``l``) over an article written for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.snapshots.test_snapshots import loaded
from tui.app import NewsreadApp

ARTICLE = Path(__file__).parent / "fixtures" / "links" / "article"

SnapCompare = Callable[..., bool]


async def _links_open(pilot: Pilot[None]) -> None:
    await loaded(pilot)
    await pilot.press("l")
    await pilot.pause()


def test_link_list(snap_compare: SnapCompare) -> None:
    """Four links: text, then the address dim; the long one shortened in its middle."""
    app = NewsreadApp([ARTICLE])
    assert snap_compare(app, terminal_size=(100, 30), run_before=_links_open)
