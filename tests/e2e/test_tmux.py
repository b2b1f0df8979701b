"""End to end: the installed ``newsread`` in a real terminal (tmux), driven by keys.

Runs on its own tmux socket (``-L``) with no user config, and always kills that server.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

NEWSREAD = Path(sys.executable).with_name("newsread")
TMUX = shutil.which("tmux")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not NEWSREAD.exists(), reason="the newsread script is not installed"),
]

FIRST = """\
Night trains return to the coast line after a decade

The sleeper service between Harwick and Port Sela will run again from May, the rail operator
said on Monday, ten years after the last night train was withdrawn.

“We kept the old carriages in a shed because we never stopped hoping,” said depot manager
Ilse Brandt.

Passengers will be able to book cabins from next month, and the operator expects the first
trains to be full.

Fares and cabins

A single cabin will cost about the same as a hotel room in either town, the operator said.

Stations along the way

Four smaller stations will get a stop, including Wendle and Marrow Cross.
"""

SECOND = """\
Town library extends its opening hours for exam season

The library on Chapel Street will stay open until ten at night for the next six weeks.

Staff said the reading room was full every afternoon last year.
"""

SGR = re.compile(r"\x1b\[[0-9;:]*m")


class Terminal:
    """A detached tmux session on a private server."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        result = subprocess.run(
            [TMUX, "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return result.stdout

    def screen(self, *, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "nr")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "nr", key)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; screen was:\n{screen}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "1-night-trains.txt").write_text(FIRST, encoding="utf-8")
    (folder / "2-library.txt").write_text(SECOND, encoding="utf-8")
    term = Terminal(f"newsread-test-{uuid.uuid4().hex[:8]}")
    try:
        term.tmux(
            "new-session", "-d", "-s", "nr", "-x", "120", "-y", "40",
            # tmux can hand the pane COLUMNS=80/LINES=24 from a pipe-attached client, and
            # those would override the pane's real size; the reader must see 120x40.
            f"env -u COLUMNS -u LINES {shlex.quote(str(NEWSREAD))} {shlex.quote(str(folder))}",
        )  # fmt: skip
        yield term
    finally:
        subprocess.run(
            [TMUX or "tmux", "-L", term.socket, "kill-server"], capture_output=True, timeout=10
        )


def status(term: Terminal) -> str:
    return term.screen().splitlines()[0]


def codes_before(screen: str, phrase: str) -> list[str]:
    """The colour escape codes on the phrase's line up to where the phrase starts."""
    for line in screen.splitlines():
        plain = SGR.sub("", line)
        if phrase in plain:
            cut = line.index(phrase)
            return SGR.findall(line[:cut])
    raise AssertionError(f"{phrase!r} is not on screen")


def test_keys_drive_the_reader(terminal: Terminal) -> None:
    terminal.wait_for("The sleeper service between Harwick")
    assert "Night trains return to the coast line after a decade — Lead" in status(terminal)
    assert "quotes: on" in status(terminal)

    terminal.press("]")
    terminal.wait_for("— Fares and cabins")

    terminal.press("J")
    terminal.wait_for("The library on Chapel Street will stay open")
    assert status(terminal).startswith(" Town library extends its opening hours")

    terminal.press("K")
    terminal.wait_for("Night trains return to the coast line after a decade —")

    quote = "We kept the old carriages"
    terminal.press("g")
    terminal.wait_for(quote)
    highlighted = codes_before(terminal.screen(escapes=True), quote)
    terminal.press('"')
    terminal.wait_for("quotes: off")
    plain = codes_before(terminal.screen(escapes=True), quote)
    # The colour in force where the quotation starts is the quote colour only when on.
    assert highlighted[-1] != plain[-1]
    terminal.press('"')
    terminal.wait_for("quotes: on")
    assert codes_before(terminal.screen(escapes=True), quote) == highlighted
