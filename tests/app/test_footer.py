"""The footer: the command palette key covers the footer's right end at every width."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from tests.app.test_app import ready, write_articles
from tui.app import NewsreadApp
from tui.widgets.toggle_footer import ToggleFooter


@pytest.mark.parametrize("width", [60, 62, 70, 120])
async def test_the_palette_key_ends_at_the_right_edge(tmp_path: Path, width: int) -> None:
    """At 60 columns the footer read "^p paletteu": the key stopped a cell short of the edge
    (the compact footer's margin after every key) and the keys scrolled below showed there."""
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(width, 20)) as pilot:
        screen = await ready(app)
        await pilot.pause()
        footer = screen.query_one(ToggleFooter)
        palette = footer.query_one("FooterKey.-command-palette", FooterKey)
        assert palette.region.right == footer.region.right == width
        # The last cell of the screen is the palette key's, not a key scrolled beneath it.
        widget, _ = app.screen.get_widget_at(width - 1, 19)
        assert widget is palette
