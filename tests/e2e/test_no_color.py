"""End to end: with ``NO_COLOR`` set, newsread sends no colour at all, only attributes.

The installed ``newsread`` runs in a pseudo-terminal (see :mod:`tests.e2e.test_escape_leak`)
on the bundled examples, with a few keys that draw most of the interface (help, the theme
list, the quote navigator, a find match); every SGR sequence it writes is checked for colour
parameters. Bold, italic, underline, dim and reverse are what is left to draw with.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES
from tests.e2e.test_escape_leak import pytestmark as _e2e
from tests.e2e.test_escape_leak import run_in_pty

pytestmark = _e2e

SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def colour_parameters(out: bytes) -> list[str]:
    """The SGR sequences in ``out`` that set a foreground or background colour."""
    found = []
    for match in SGR.finditer(out):
        params = [p for p in re.split(rb"[;:]", match.group(1)) if p]
        numbers = [int(p) for p in params]
        if any(30 <= n <= 49 or 90 <= n <= 107 for n in numbers):
            found.append(match.group(0).decode("ascii"))
    return found


def test_the_check_sees_colour() -> None:
    assert colour_parameters(b"\x1b[1;38;2;10;20;30m x \x1b[0m") == ["\x1b[1;38;2;10;20;30m"]
    assert colour_parameters(b"\x1b[41m") and colour_parameters(b"\x1b[97m")
    assert colour_parameters(b"\x1b[1m\x1b[7m\x1b[0m\x1b[22;23m") == []


def test_no_color_sends_no_colour(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    shutil.copytree(EXAMPLES, folder)
    # Opened first; "harbour board" tells run_in_pty the article is drawn.
    (folder / "00-first.txt").write_text(
        "The harbour board meets\n\n“We will not move,” said Ana Ruiz.\n\n"
        "Sign up for our newsletter.\n",
        encoding="utf-8",
    )
    keys = [b" ", b"?", b"\x1b", b"w", b"w", b"/", b"the\r", b"T", b"\x1b", b"J", b"q"]
    out, status = run_in_pty([folder], keys, {"NO_COLOR": "1"})
    assert status == 0, out[-2000:]
    assert b"\x1b[1m" in out or b";1m" in out or b"[1;" in out  # attributes are still drawn
    colours = colour_parameters(out)
    assert colours == [], sorted(set(colours))[:10]
