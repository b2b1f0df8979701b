"""SVG snapshots of the reading pane in every built-in theme (``themes/*.toml``).

Same articles and settling as :mod:`tests.snapshots.test_snapshots`; the theme comes from a
:class:`~tui.settings.config.Config`, the way the CLI passes it. Regenerate with
``pytest tests/snapshots/test_theme_snapshots.py --snapshot-update`` and look at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from tests.conftest import THEMES
from tests.snapshots.test_snapshots import DATA, SnapCompare, loaded
from tui.app import NewsreadApp
from tui.settings.config import Config
from tui.settings.themes import builtin_themes

BUILTIN = sorted(path.stem for path in THEMES.glob("*.toml"))


def test_every_builtin_theme_has_a_snapshot() -> None:
    assert sorted(builtin_themes()) == BUILTIN  # file stems are the theme names
    assert len(BUILTIN) == 5 and "newsread-dark" in BUILTIN


@pytest.mark.parametrize("theme", BUILTIN)
def test_reading_pane_theme(snap_compare: SnapCompare, theme: str) -> None:
    app = NewsreadApp([DATA], config=Config(theme=theme))
    run_before: Callable[[Pilot[None]], Awaitable[None]] = loaded
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
