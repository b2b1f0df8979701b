"""NO_COLOR: the app's line filter keeps attributes and drops every colour."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import Monochrome, NoColor

from tui.app import AttributesOnly, NewsreadApp


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (Style.parse("bold #e4e4e4 on #121212"), Style(bold=True)),
        (Style.parse("italic underline #ff0000"), Style(italic=True, underline=True)),
        (Style.parse("reverse #e4e4e4 on #000000"), Style(reverse=True)),
        # A highlight drawn with a background colour alone stays visible as reverse.
        (Style.parse("bold #e4e4e4 on #4d4d4d"), Style(bold=True, reverse=True)),
        (Style.parse("#000000 on #e4e4e4"), Style(reverse=True)),
        (Style.parse("dim"), Style(dim=True)),
    ],
)
def test_attributes_only(style: Style, expected: Style) -> None:
    [segment] = AttributesOnly().apply([Segment("x", style)], Color(0, 0, 0))
    assert segment.style == expected
    assert segment.style is not None
    assert segment.style.color is None and segment.style.bgcolor is None


def test_no_color_uses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    filters = NewsreadApp([]).get_line_filters()
    assert any(isinstance(f, AttributesOnly) for f in filters)
    assert not any(isinstance(f, Monochrome | NoColor) for f in filters)


def test_colour_is_kept_without_no_color() -> None:
    assert not any(isinstance(f, AttributesOnly) for f in NewsreadApp([]).get_line_filters())
