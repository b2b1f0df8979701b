"""The reading app on hostile files: every case opens, renders, scrolls, toggles, finds, closes.

The corpus is opened a handful of files per app run (a folder of copies in tmp_path) and the
test steps through every article with next-article. The normal run takes the escape, control
and markup cases (:data:`SMOKE`) in one app run, plus one 1 MB article; the whole corpus
(about 1.5 s a case) runs under the ``fuzz`` marker: ``pytest -m fuzz -o addopts=""
tests/hostile/test_hostile_app.py``. For each article, every line the reading
pane can draw (walked page by page through ``render_line``) and every sidebar line must be free
of control characters, and markup brackets in the text must be drawn as the literal text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.test_app import ready
from tests.hostile.corpus import CASE_FILES, UNSAFE_IN_LINE
from tui.app import NewsreadApp
from tui.article import BinaryFileError, load
from tui.widgets.reader_pane import ReaderPane

GROUP = 10
GROUPS = [CASE_FILES[i : i + GROUP] for i in range(0, len(CASE_FILES), GROUP)]
SIZE = (100, 30)

SMOKE_NAMES = (
    "bidi-override.txt",
    "c0-all.txt",
    "c1-utf8.txt",
    "esc-heading.txt",
    "esc-many.txt",
    "esc-osc52-clipboard-bel.txt",
    "md-front-matter-controls.md",
    "rich-markup.txt",
)
"""One case of each kind a terminal could act on: escapes (in text and heading), C0, C1,
bidi controls, controls in Markdown front matter, and Rich/Textual markup."""
SMOKE = [path for path in CASE_FILES if path.name in SMOKE_NAMES]


def _readable(path: Path) -> bool:
    try:
        load(path)
    except (BinaryFileError, OSError):
        return False
    return True


def strip_texts(pane: ReaderPane) -> list[str]:
    """Every line the pane draws for its article, page by page, as plain strings."""
    height = max(1, pane.scrollable_content_region.height)
    texts: list[str] = []
    top = 0
    while top < pane.virtual_size.height:
        pane.scroll_to(y=top, animate=False, immediate=True)
        assert round(pane.scroll_y) == min(top, round(pane.max_scroll_y))
        first = top - round(pane.scroll_y)  # the last page may not scroll all the way
        texts += [pane.render_line(y).text for y in range(first, height)]
        top += height
    return texts


def _check_lines(texts: list[str], where: str) -> None:
    bad = [t for t in texts if UNSAFE_IN_LINE.search(t)]
    assert bad == [], where


async def _settle(pilot: Pilot[None]) -> None:
    """Let workers (parsing the next article) finish and their messages be handled."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _exercise(pilot: Pilot[None]) -> None:
    """Scroll, toggle everything on and off, search, and go back to the top."""
    await pilot.press("space", "G", "b", '"', "c", "z", "enter")
    await pilot.press('"', "c", "z", "slash", "[", "enter", "n", "N", "escape", "g")
    await pilot.pause()


async def _survive(tmp_path: Path, group: list[Path]) -> None:
    """Open ``group`` in one app and exercise, check and leave every article of it."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for path in group:
        shutil.copyfile(path, folder / path.name)
    expected = [path.name for path in group if _readable(path)]
    app = NewsreadApp([folder])
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app)
        pane = screen.reader
        while pane.article is not None and len(seen) <= len(group):
            name = Path(str(pane.article.path)).name
            if seen and seen[-1] == name:
                break  # next-article stayed put: the last article
            seen.append(name)
            await _exercise(pilot)
            texts = strip_texts(pane)
            assert texts or not pane.items, name
            _check_lines(texts, name)
            _check_lines(
                [screen.sidebar.render_line(y).text for y in range(screen.sidebar.size.height)],
                f"sidebar of {name}",
            )
            _check_lines([screen.status.render().plain], f"status line of {name}")
            if name.startswith("rich-markup"):
                drawn = "".join("".join(texts).split())
                assert "[@click=app." in drawn, name
            await pilot.press("J")
            await _settle(pilot)
        await pilot.press("q")
    assert seen == expected
    assert app.return_code == 0


async def test_app_survives_the_escape_control_and_markup_cases(tmp_path: Path) -> None:
    assert [path.name for path in SMOKE] == sorted(SMOKE_NAMES)  # none renamed away
    await _survive(tmp_path, SMOKE)


@pytest.mark.fuzz
@pytest.mark.parametrize("group", GROUPS, ids=[f"{g[0].name}..{g[-1].name}" for g in GROUPS])
async def test_app_survives_every_case(tmp_path: Path, group: list[Path]) -> None:
    await _survive(tmp_path, group)


async def test_rich_markup_is_drawn_literally(tmp_path: Path) -> None:
    """Markup-looking brackets stay visible and nothing turns into a clickable action."""
    source = next(p for p in CASE_FILES if p.name == "rich-markup.txt")
    app = NewsreadApp([source])
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await ready(app)
        drawn = "\n".join(strip_texts(screen.reader))
        for literal in ("[bold]Bold[/bold]", "[link=https://x]link[/link]", "[b]b[/b]"):
            assert literal in drawn
        assert "[@click=app.quit]quit[/]" in drawn
        await pilot.click(ReaderPane, offset=(20, 5))  # a click on the text runs nothing
        await pilot.pause()
        assert app.is_running


async def test_one_megabyte_line_opens_and_scrolls(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Huge\n\n" + b"word \x1b]52;c;PWNED52\x07 " * 50_000 + b"end.\n")
    app = NewsreadApp([path])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app)
        await pilot.press("G")
        await pilot.pause()
        pane = screen.reader
        lines = [pane.render_line(y).text for y in range(pane.size.height)]
        assert any("end." in line for line in lines)
        _check_lines(lines, "huge")
        await pilot.press("g", "space", "z", '"')
        await pilot.pause()
