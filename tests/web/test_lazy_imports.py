"""Importing the feed, OPML and store modules loads none of the web libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["tui.web.feeds", "tui.web.opml", "tui.web.store"])
def test_import_loads_no_feedparser_or_lxml(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('feedparser', 'lxml', 'urllib3')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"
