"""SVG snapshots of the reading app's screens, on a fixed pair of articles in ``data/``.

The articles here are written for these snapshots only (so changes to the bundled examples
do not move them). Regenerate with ``pytest tests/snapshots --snapshot-update`` and look at
the report before committing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from tui.app import NewsreadApp
from tui.screens.main import MainScreen
from tui.widgets.toggle_footer import footer_label

DATA = Path(__file__).parent / "data"

SnapCompare = Callable[..., bool]


def _settled(screen: MainScreen) -> bool:
    """Articles in, pane laid out and focused, footer showing the focused pane's keys."""
    pane = screen.reader
    if screen.status.progress or not (pane.size.width and pane.virtual_size.height):
        return False
    if screen.focused is None:
        return False
    # The footer recomposes a refresh or two after the focus moves; wait for that too.
    wanted = {
        footer_label(b.binding.description)
        for b in screen.active_bindings.values()
        if b.binding.show
    }
    shown = {key.description for key in screen.query(FooterKey)}
    return wanted <= shown


async def loaded(pilot: Pilot[None]) -> None:
    """Wait for the loading worker, its messages, the first layout and the footer."""
    app = pilot.app
    for _ in range(300):
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.01)
        screen = app.screen_stack[0]
        assert isinstance(screen, MainScreen)
        if screen.is_mounted and screen.children and _settled(screen):
            break
    await pilot.pause()


def app() -> NewsreadApp:
    return NewsreadApp([DATA])


@pytest.mark.parametrize(
    ("press", "size"),
    [
        pytest.param((), (120, 40), id="default"),
        pytest.param(('"',), (120, 40), id="quotes-off"),
        pytest.param(("z",), (120, 40), id="boilerplate-open"),
        pytest.param(("]", "]"), (120, 40), id="last-section"),
        pytest.param((), (70, 20), id="narrow"),
        pytest.param(("question_mark",), (120, 40), id="help"),
        pytest.param(("J", "tab"), (120, 40), id="second-article-sidebar-focused"),
    ],
)
def test_screens(snap_compare: SnapCompare, press: tuple[str, ...], size: tuple[int, int]) -> None:
    run_before: Callable[[Pilot[None]], Awaitable[None]] = loaded
    assert snap_compare(app(), press=press, terminal_size=size, run_before=run_before)
