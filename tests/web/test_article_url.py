"""The article's own web address (``o``, ``U``), link filters and shortening, browser kinds."""

from __future__ import annotations

import sys
import time
import webbrowser
from pathlib import Path

import pytest

from tui.article import load
from tui.article.links import article_url, is_openable, shorten_url
from tui.article.model import Article, Link
from tui.screens.browser import is_console, launch_quietly
from tui.screens.links import matches

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _article(path: str | None = None, **metadata: str) -> Article:
    return Article(title="Harbour lights", sections=(), path=path, metadata=tuple(metadata.items()))


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        pytest.param(
            _article("https://wrexley-herald.example/news/harbour-lights"),
            "https://wrexley-herald.example/news/harbour-lights",
            id="https page path",
        ),
        pytest.param(
            _article("http://wrexley-herald.example/a?b=c#d"),
            "http://wrexley-herald.example/a?b=c#d",
            id="http page path",
        ),
        pytest.param(
            _article("/home/ines/news/harbour.md", url="https://wrexley-herald.example/harbour"),
            "https://wrexley-herald.example/harbour",
            id="front matter url",
        ),
        pytest.param(
            _article("harbour.md", source="Wrexley Herald", canonical="https://herald.example/h"),
            "https://herald.example/h",
            id="source is a name, canonical is an address",
        ),
        pytest.param(
            _article("harbour.md", link="https://herald.example/l", url="https://herald.example/u"),
            "https://herald.example/u",
            id="url before link",
        ),
        pytest.param(_article("/home/ines/news/harbour.txt"), None, id="file path"),
        pytest.param(_article(r"C:\news\harbour.txt"), None, id="windows file path"),
        pytest.param(_article(None), None, id="no path"),
        pytest.param(_article("file:///etc/passwd"), None, id="file url"),
        pytest.param(_article("javascript:alert(1)"), None, id="javascript path"),
        pytest.param(_article("a.md", url="javascript:alert(1)"), None, id="javascript url"),
        pytest.param(_article("a.md", url="mailto:desk@herald.example"), None, id="mailto"),
        pytest.param(_article("a.md", url="https://herald.example/\x1b[2J"), None, id="escape"),
        pytest.param(_article("a.md", url="https://herald.example/a b"), None, id="space"),
        pytest.param(_article("a.md", url="https://"), None, id="scheme alone"),
        pytest.param(
            _article("a.md", url="  https://herald.example/x  "), "https://herald.example/x",
            id="padded",
        ),
    ],
)  # fmt: skip
def test_article_url(article: Article, expected: str | None) -> None:
    assert article_url(article) == expected


def test_article_url_of_the_examples() -> None:
    survey = load(EXAMPLES / "markdown-library-survey.md")
    assert article_url(survey) == ("https://calderbridge-courier.example/news/library-hours")
    # TOML front matter whose ``source`` is the outlet's name: no address.
    assert article_url(load(EXAMPLES / "markdown-night-bus.md")) is None
    assert article_url(load(EXAMPLES / "reuters-cable-order.txt")) is None


@pytest.mark.parametrize(
    ("url", "openable"),
    [
        ("https://herald.example/", True),
        ("mailto:desk@herald.example", True),
        ("HTTPS://herald.example/", True),
        ("ftp://herald.example/", False),
        ("data:text/html,hi", False),
        ("-https://herald.example/", False),
        ("https://herald.example/\u202e", False),
        ("", False),
    ],
)
def test_is_openable(url: str, openable: bool) -> None:
    assert is_openable(url) is openable


@pytest.mark.parametrize("width", [1, 2, 5, 20, 39, 40, 41, 200])
def test_shorten_url_fits_and_keeps_both_ends(width: int) -> None:
    url = "https://calderbridge.example/council/consultations/libraries-2026/response-form"
    short = shorten_url(url, width)
    assert len(short) == min(width, len(url))
    if width >= len(url):
        assert short == url
    elif width >= 20:
        head, _, tail = short.partition("…")
        assert url.startswith(head) and url.endswith(tail)
        assert head.startswith("https://calder") and tail


def test_filter_words_match_text_or_address_ignoring_case() -> None:
    link = Link("Friends of Calderbridge Libraries", "https://friends.example/petition")
    assert matches(link, "")
    assert matches(link, "friends PETITION")
    assert matches(link, "calder")
    assert not matches(link, "friends survey")


def test_console_browsers_are_told_from_graphical_ones() -> None:
    assert is_console(webbrowser.GenericBrowser("lynx"))
    assert is_console(webbrowser.Elinks("elinks"))
    assert not is_console(webbrowser.BackgroundBrowser("xdg-open"))
    assert not is_console(webbrowser.Mozilla("firefox"))
    assert not is_console(webbrowser.Chrome("chromium"))


def test_launch_quietly_passes_the_url_as_one_argument_without_a_shell(tmp_path: Path) -> None:
    """A recording "browser" gets the address as one argv item, shell characters untouched,
    and no terminal: its standard streams are /dev/null."""
    record = tmp_path / "argv.txt"
    script = tmp_path / "browser.py"
    script.write_text(
        "import sys, os\n"
        f"open({str(record)!r}, 'w').write(repr([sys.argv[1:], os.isatty(1), os.isatty(2)]))\n"
        "print('Gtk-Message: this must not reach the screen', file=sys.stderr)\n",
        encoding="utf-8",
    )
    controller = webbrowser.BackgroundBrowser([sys.executable, str(script), "%s"])
    url = "https://herald.example/a?b=1&c=$(touch pwned);`id`"
    assert launch_quietly(controller, url)
    for _ in range(200):
        if record.exists() and record.read_text(encoding="utf-8"):
            break
        time.sleep(0.02)
    assert record.read_text(encoding="utf-8") == repr([[url], False, False])


def test_launch_quietly_reports_a_missing_command(tmp_path: Path) -> None:
    controller = webbrowser.BackgroundBrowser(str(tmp_path / "no-such-browser"))
    assert not launch_quietly(controller, "https://herald.example/")
