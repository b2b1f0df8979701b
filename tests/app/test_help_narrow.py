"""The help screen reflows on a narrow terminal instead of cutting descriptions to "…"."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from tests.app.test_app import ready, write_articles
from tui.app import NewsreadApp
from tui.screens.help import HelpScreen


def shown(row: Static) -> str:
    """Every line the row draws, joined."""
    region = Region(0, 0, row.size.width, row.size.height)
    return " ".join(strip.text.strip() for strip in row.render_lines(region))


@pytest.mark.parametrize("width", [60, 120])
async def test_every_help_row_is_shown_whole(tmp_path: Path, width: int) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(width, 20)) as pilot:
        await ready(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = list(app.screen.query(".key").results(Static))
        assert rows
        for row in rows:
            text = " ".join(shown(row).split())
            assert "…" not in text
            name = " ".join(str(row.render()).split()[-2:])  # the end of the description
            assert name in text
