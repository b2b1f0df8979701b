"""A browser that runs in the terminal gets it while newsread is suspended, then newsread is back.

Runs the installed ``newsread`` in a real pseudo-terminal (the helpers of
``tests/e2e/test_escape_leak.py``), with ``BROWSER`` naming a script Python does not know, so
``webbrowser`` treats it as a foreground (console) command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.test_escape_leak import NEWSREAD, run_in_pty

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not NEWSREAD.exists(), reason="the newsread script is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

URL = "https://skellport-gazette.example/news/harbour-board-vote?id=7&x=$(touch%20pwned)"

ARTICLE = f"""---
title: Harbour board vote
url: {URL}
---

The harbour board voted on Tuesday to keep the Skellport slipway open through the winter.
"""


def test_a_console_browser_runs_in_the_terminal_and_newsread_comes_back(tmp_path: Path) -> None:
    record = tmp_path / "argv.txt"
    browser = tmp_path / "textbrowser"
    browser.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        f"open({str(record)!r}, 'w').write(repr([sys.argv[1:], os.isatty(0), os.isatty(1)]))\n"
        "print('TEXT-BROWSER-DREW-THIS')\n",
        encoding="utf-8",
    )
    browser.chmod(0o755)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    out, status = run_in_pty([folder], [b"o", b"q"], extra_env={"BROWSER": str(browser)}, gap=2.0)
    # The browser had the terminal (a tty on stdin and stdout) and the address as one argument.
    assert record.read_text(encoding="utf-8") == repr([[URL], True, True])
    assert b"TEXT-BROWSER-DREW-THIS" in out
    # newsread came back after it: q still quit it cleanly.
    assert status == 0, out[-2000:]
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()
