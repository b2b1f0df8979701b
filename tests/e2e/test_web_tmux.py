"""End to end on the web: the installed ``newsread URL`` in tmux against a local server.

The page is served from 127.0.0.1 only (never the internet); the data and cache folders are
the test's own (the autouse fixture's XDG variables, passed into the tmux pane explicitly).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import uuid
from collections.abc import Iterator

import pytest

from tests.e2e.test_tmux import NEWSREAD, TMUX, Terminal
from tests.web.server import LocalServer

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not NEWSREAD.exists(), reason="the newsread script is not installed"),
]

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferry crews vote to end the strike | Lindmere Post</title>
<meta property="og:site_name" content="Lindmere Post"></head><body>
<nav><a href="/">Home</a> <a href="/harbour">Harbour</a></nav>
<article><h1>Ferry crews vote to end the strike</h1>
<p class="byline">By Mara Quist</p>
<figure><img src="ferry.jpg" alt=""><figcaption>The morning ferry leaves Lindmere
<small class="credit">Photograph: Oren Vell/Lindmere Post</small></figcaption></figure>
<p>Crews on the Lindmere ferries voted on Friday to return to work after a nine-day strike.</p>
<p>"We got what we asked for," said union organiser Tove Ranck.</p>
<p>Read the <a href="https://union.example/ballot">ballot result</a>.</p>
</article><footer>Subscribe to the Lindmere Post newsletter</footer></body></html>
"""


@pytest.fixture
def served() -> Iterator[LocalServer]:
    server = LocalServer().start()
    server.route("/ferry", body=PAGE, content_type="text/html; charset=utf-8")
    try:
        yield server
    finally:
        server.stop()


def _env() -> str:
    names = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
    return " ".join(f"{n}={shlex.quote(os.environ[n])}" for n in names)


def test_newsread_url_opens_the_page_and_reads_it_offline_later(served: LocalServer) -> None:
    url = served.url("/ferry")
    term = Terminal(f"newsread-web-{uuid.uuid4().hex[:8]}")
    try:
        term.tmux(
            "new-session", "-d", "-s", "nr", "-x", "120", "-y", "40",
            f"env -u COLUMNS -u LINES {_env()} {shlex.quote(str(NEWSREAD))} {shlex.quote(url)}",
        )  # fmt: skip
        screen = term.wait_for("Crews on the Lindmere ferries voted")
        assert "Ferry crews vote to end the strike" in screen
        assert "Oren Vell/Lindmere Post" in screen  # the figure's credit marker
        assert "— Tove Ranck" in screen  # the speaker line
        term.press("l")
        term.wait_for("https://union.example/ballot")
        term.press("Escape")
        term.press("q")
    finally:
        subprocess.run(
            [TMUX or "tmux", "-L", term.socket, "kill-server"], capture_output=True, timeout=10
        )
    served.stop()  # offline from here: the store answers
    out = subprocess.run(
        [str(NEWSREAD), "dump", "--offline", url], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "We got what we asked for" in out.stdout
