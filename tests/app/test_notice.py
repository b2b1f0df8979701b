"""Nothing to read: the pane itself says what happened and what to do (#20.12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_app import ready, write_articles
from tui.app import NewsreadApp
from tui.widgets.notice import Notice


def notice_text(app: NewsreadApp) -> str:
    notice = app.screen.query_one(Notice)
    assert notice.display and not app.screen.query_one("#reader").display
    return str(notice.render())


@pytest.mark.parametrize("kind", ["empty folder", "binary file", "wrong path"])
async def test_nothing_to_read_is_explained_in_the_pane(tmp_path: Path, kind: str) -> None:
    if kind == "empty folder":
        path = tmp_path / "empty"
        path.mkdir()
        reason = "no .txt, .md, .markdown or .html files"
    elif kind == "binary file":
        path = tmp_path / "photo.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        reason = "not a text file"
    else:
        path = tmp_path / "no-such-folder"
        reason = "no such file or directory"
    app = NewsreadApp([path])
    async with app.run_test(size=(100, 30)):
        await ready(app)
        text = notice_text(app)
        assert "Nothing to read" in text
        assert f"{path}  — {reason}" in text
        assert "newsread ~/news" in text and "[library] paths" in text


async def test_a_path_is_shown_as_text_never_markup(tmp_path: Path) -> None:
    path = tmp_path / "[bold]x[/bold] \x1b]0;PWNED\x07"
    app = NewsreadApp([path])
    async with app.run_test(size=(100, 30)):
        await ready(app)
        text = notice_text(app)
        assert "[bold]x[/bold]" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_a_path_is_shown_as_every_other_name_is(tmp_path: Path) -> None:
    """Through shown_name: one line, controls visible, a byte that is not UTF-8 as \\xe9."""
    from tui.article.sanitize import shown_name

    path = tmp_path / "two\nlines\u202e caf\udce9"
    app = NewsreadApp([path])
    async with app.run_test(size=(140, 30)):
        await ready(app)
        text = notice_text(app)
        assert f"{shown_name(str(path))}  — no such file or directory" in text
        assert "two␊lines\\u202e caf\\xe9" in text


async def test_an_article_that_cannot_be_opened_says_so_until_another_opens(
    tmp_path: Path,
) -> None:
    folder = write_articles(tmp_path / "news", ("Alpha", "Bravo"))
    app = NewsreadApp([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app)
        (folder / "02-bravo.txt").write_bytes(b"\x00\x01" * 500)
        await pilot.press("J")
        await ready(app)
        text = notice_text(app)
        assert "Could not open this article" in text and "02-bravo.txt" in text
        await pilot.press("K")
        await ready(app)
        assert not screen.query_one(Notice).display and screen.reader.display
