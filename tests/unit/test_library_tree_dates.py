"""Dates as printed → sort keys for the sidebar's "newest first" order."""

from __future__ import annotations

import pytest

from tui.widgets.library_tree import date_key


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("2024-03-05", (2024, 3, 5)),
        ("2024-03-05T14:30:00Z", (2024, 3, 5)),
        ("05.03.2024", (2024, 3, 5)),
        ("5 March 2024", (2024, 3, 5)),
        ("Tuesday 5 March 2024 14.30 GMT", (2024, 3, 5)),
        ("March 5, 2024", (2024, 3, 5)),
        ("5. März 2024", (2024, 3, 5)),
        ("Published 12 Oct 2023", (2023, 10, 12)),
        ("June 2021", (2021, 6, 0)),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_date_key(printed: str | None, key: tuple[int, int, int] | None) -> None:
    assert date_key(printed) == key


def test_newer_dates_sort_higher() -> None:
    dates = ["4 March 2024", "2023-12-31", "5 March 2024", "1 April 2024"]
    keys = [date_key(d) for d in dates]
    assert sorted(keys) == [(2023, 12, 31), (2024, 3, 4), (2024, 3, 5), (2024, 4, 1)]  # type: ignore[type-var]
