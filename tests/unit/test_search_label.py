"""How the library search names its results: all of them, or the first few of how many."""

from __future__ import annotations

import pytest

from tui.screens.library_search import results_label


@pytest.mark.parametrize(
    ("shown", "total", "expected"),
    [
        (0, 0, "no results"),
        (1, 1, "1 result"),
        (37, 37, "37 results"),
        (200, 1887, "first 200 of 1,887 results"),
        (200, 200, "200 results"),
    ],
)
def test_results_label(shown: int, total: int, expected: str) -> None:
    assert results_label(shown, total) == expected
