"""Shared fixtures: every test runs with config, data and cache dirs redirected to tmp_path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Wall-clock deadlines make property tests flaky on a loaded 2-core machine; speed is measured by
# the benchmarks instead. Every test keeps its own example counts.
settings.register_profile("newsread", deadline=None)
settings.load_profile("newsread")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
THEMES = REPO / "themes"

JSON_KEYS = frozenset(
    {
        "file",
        "format",
        "title",
        "title_derived",
        "authors",
        "headings",
        "sections",
        "paragraph_count",
        "quotes",
        "image_credits",
        "boilerplate",
        "links",
        "chrome",
        "timestamps",
        "word_count",
    }
)
"""The keys `newsread dump --format json` must print for every article (the issue's list)."""


def run_script(script: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a benchmark script from the repository root with this interpreter, capturing output."""
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user's config, data and cache directories."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSREAD_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
