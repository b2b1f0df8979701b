"""End to end: escape sequences written in articles never reach the terminal.

The installed ``newsread`` runs in a pseudo-terminal (100×30, ``TERM=xterm-256color``) on the
escape-sequence cases of the hostile corpus; every byte it writes is collected while a few keys
are sent (page down, next article, quit). Textual itself writes CSI sequences and one OSC (22,
the mouse pointer shape), so the check is on what only an article could have put there: any
other OSC (title, clipboard, hyperlink), DCS, APC, PM or SOS, C1 controls, and the payload
markers (``PWNED…``) the cases carry inside their sequences.

The normal run opens one folder holding every escape case and steps through it quickly (a few
seconds); the thorough matrix, a few cases per run with time to draw each page, runs under the
``fuzz`` marker: ``pytest -m fuzz -o addopts="" tests/e2e/test_escape_leak.py``.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.hostile.corpus import ESCAPE_CASES
from tests.hostile.make_corpus import name_cases, write_names

NEWSREAD = Path(sys.executable).with_name("newsread")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not NEWSREAD.exists(), reason="the newsread script is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

ROWS, COLUMNS = 30, 100
GROUP = 5
GROUPS = [ESCAPE_CASES[i : i + GROUP] for i in range(0, len(ESCAPE_CASES), GROUP)]

OSC = re.compile(rb"\x1b\]([^\x07\x1b]*)(?:\x07|\x1b\\)?")
ALLOWED_OSC = re.compile(rb"22;[a-z-]*")
"""OSC 22 sets the mouse pointer's shape; Textual sends it itself (``22;default``)."""
STRING_SEQUENCE = re.compile(rb"\x1b[P_^X]")
"""DCS, APC, PM and SOS introducers: Textual writes none of them."""
MARKER_IN_SEQUENCE = re.compile(rb"\x1b[\]P_^X][^\x07\x1b]*PWNED")
VISIBLE_ESC = "␛".encode()
"""The control picture newsread draws in place of ESC: proof the article text was shown."""
DRAWN = (VISIBLE_ESC, b"harbour board", b"Body")
"""Text of the first article of any group: once drawn, the app is ready for keys."""


def _read(master: int, out: bytearray, seconds: float, until: tuple[bytes, ...] = ()) -> bool:
    """Collect output for up to ``seconds``; stop early once one of ``until`` has appeared.

    Returns:
        False when the terminal closed (the program exited).
    """
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], 0.05)
        if not ready:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child side is closed
            return False
        if not data:
            return False
        out += data
        if any(word in out for word in until):
            return True
    return True


def run_in_pty(
    paths: list[Path],
    keys: list[bytes],
    extra_env: dict[str, str] | None = None,
    gap: float = 0.6,
) -> tuple[bytes, int | None]:
    """Run newsread on ``paths`` in a pty, send ``keys`` once it has drawn an article.

    ``gap`` is how long output is collected after each key before the next is sent.

    Returns:
        Every byte written to the terminal, and the exit status (None if it had to be killed).
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
    env.pop("NO_COLOR", None)
    env.update(extra_env or {})
    process = subprocess.Popen(
        [str(NEWSREAD), *map(str, paths)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    out = bytearray()
    try:
        alive = _read(master, out, 15.0, until=DRAWN)
        for key in keys:
            if not alive:
                break
            os.write(master, key)
            alive = _read(master, out, gap)
        if alive:
            _read(master, out, 3.0)
        try:
            status: int | None = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            status = None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # our own child's session only
            process.wait()
        os.close(master)
    return bytes(out), status


def test_cases_cover_every_kind_of_sequence() -> None:
    names = {p.name for p in ESCAPE_CASES}
    for kind in ("osc52", "osc8", "osc0", "osc2", "dcs", "apc", "pm", "8bit", "csi", "bare"):
        assert any(kind in name for name in names), kind


def test_no_escape_sequence_from_any_case_reaches_the_terminal(tmp_path: Path) -> None:
    """Every escape case in one folder, each article shown in turn with next-article."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for path in ESCAPE_CASES:
        shutil.copyfile(path, folder / path.name)
    keys = [b" ", b"G", *[b"J"] * (len(ESCAPE_CASES) - 1), b" ", b"q"]
    out, status = run_in_pty([folder], keys, gap=0.12)
    assert_no_leak(out, status)
    # The last case's title in the status line: the run reached the end of the folder.
    assert b"Title" in out


def test_no_escape_sequence_from_a_file_name_reaches_the_terminal(tmp_path: Path) -> None:
    """File and folder names with OSC, C1, RLO, tabs, newlines and non-UTF-8 bytes: every
    article shown in turn (names reach the sidebar, status line and titles), then grouped by
    folder (a folder name as a header)."""
    folder = tmp_path / "names"
    folder.mkdir()
    try:
        write_names(folder)
    except OSError as exc:
        pytest.skip(f"the file system refuses such names: {exc}")
    keys = [*[b"J"] * len(name_cases()), b"v", b"G", b"q"]
    out, status = run_in_pty([folder], keys, gap=0.2)
    assert_no_leak(out, status)
    text = out.decode("utf-8", errors="replace")
    assert "\u202e" not in text and "\u2028" not in text  # bidi override, line separator
    assert "osc52-␛]52;c;" in text  # the name was drawn, its escape made visible
    assert "na\\xefve-untitled" in text  # a name that is not UTF-8, drawn escaped


@pytest.mark.fuzz
@pytest.mark.parametrize("group", GROUPS, ids=[g[0].stem for g in GROUPS])
def test_no_escape_sequence_from_an_article_reaches_the_terminal(group: list[Path]) -> None:
    keys = [b" ", b"J", b" ", b"J", b"G", b"J", b"J", b"q"]
    out, status = run_in_pty(group, keys)
    assert_no_leak(out, status)


def assert_no_leak(out: bytes, status: int | None) -> None:
    """The run drew article text, exited cleanly and wrote nothing only an article could."""
    assert any(word in out for word in DRAWN), "newsread never drew the article text"
    assert status == 0, out[-2000:]
    assert leaks(out) == []
    assert b"\x1b[31mALERT" not in out
    assert b"\x1b[?1049l\x1b[?25l hidden" not in out
    text = out.decode("utf-8", errors="replace")
    c1 = sorted({hex(ord(c)) for c in text if 0x80 <= ord(c) <= 0x9F})
    assert c1 == []


def leaks(out: bytes) -> list[bytes]:
    """Sequences in ``out`` that only article text could have produced."""
    found = [m.group(0) for m in OSC.finditer(out) if not ALLOWED_OSC.fullmatch(m.group(1))]
    found += [m.group(0) for m in STRING_SEQUENCE.finditer(out)]
    return found + [m.group(0) for m in MARKER_IN_SEQUENCE.finditer(out)]


def test_a_leak_is_seen_when_sanitising_is_switched_off(tmp_path: Path) -> None:
    """Canary: with sanitising disabled (via sitecustomize) the same run does leak, so the
    checks above can fail, and nothing later in the pipeline (Textual, Rich) stops OSC 52.

    The start-up helper runs isolated (``python -I``: no sitecustomize from PYTHONPATH) and
    would parse the article with sanitising on, so it is switched off here too."""
    (tmp_path / "sitecustomize.py").write_text(
        "import re, sys\nimport tui.article.sanitize, tui.library.prefetch\n"
        'sys.modules["tui.article.sanitize"]._CONTROL = re.compile("(?!)")\n'
        "tui.library.prefetch.prefetch_first = lambda paths: None\n",
        encoding="utf-8",
    )
    case = next(p for p in ESCAPE_CASES if p.name == "esc-osc52-clipboard-bel.txt")
    out, _ = run_in_pty([case], [b"q"], {"PYTHONPATH": str(tmp_path)})
    assert any(b"PWNED52" in leak for leak in leaks(out))


def test_checks_catch_a_leak() -> None:
    """The patterns used above do flag a leaked sequence (so the test can fail)."""
    leaked = b"\x1b]52;c;UFdORUQ1Mg==PWNED52\x07"
    assert not ALLOWED_OSC.fullmatch(next(OSC.finditer(leaked)).group(1))
    assert MARKER_IN_SEQUENCE.search(leaked)
    assert STRING_SEQUENCE.search(b"x\x1bPq#0PWNEDDCS\x1b\\")
    assert ALLOWED_OSC.fullmatch(next(OSC.finditer(b"\x1b]22;default\x1b\\")).group(1))
