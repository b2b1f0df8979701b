"""The app shell: finding files, first screen, toggles, find, help, palette, keymap.

Articles are written to tmp_path with :func:`write_articles` so the tests do not depend on the
bundled examples; each is long enough to scroll (about 40 lines per section at 120×40).
"""

from __future__ import annotations

import asyncio
import gc
import os
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from tui.app import NewsreadApp
from tui.article import collector
from tui.commands import AREAS, key_actions
from tui.library.loader import find_articles, first_article, parse_files
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets.article_tree import ArticleTree
from tui.widgets.notice import Notice
from tui.widgets.reader_pane import ReaderPane

HEADINGS = ("Timetable still unclear", "What residents want", "Money from the mainland")
QUOTE = "“We simply want the ferry back,” said Mara Lindqvist, who runs the bakery."
BOILERPLATE = "Sign up for our morning newsletter"


def article_text(
    title: str, headings: tuple[str, ...] = HEADINGS, *, paras: int = 8, credit: bool = True
) -> str:
    """A scraped-text article: title, image credit, a lead with a quote, headed sections."""

    def body(tag: str, k: int) -> str:
        return (
            f"{tag} paragraph {k}: the council met on a wet Tuesday evening to weigh the plan, "
            "and several residents stood at the back of the hall to listen while the clerk "
            "read the figures aloud for everyone who had come."
        )

    lines = [title, ""]
    if credit:  # BBC-style labels (the parser then names the outlet BBC)
        lines += ["Image source, Example Agency", "Image caption, An empty quay", ""]
    lines += [QUOTE, ""]
    for k in range(paras):
        lines += [body("Lead", k), ""]
    for heading in headings:
        lines += [heading, ""]
        for k in range(paras):
            lines += [body(heading, k), ""]
    lines += [BOILERPLATE, ""]
    return "\n".join(lines)


def write_articles(folder: Path, titles: tuple[str, ...] = ("Alpha", "Bravo", "Charlie")) -> Path:
    """Write one article per title (``01-alpha.txt``…) into ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, title in enumerate(titles, 1):
        text = article_text(f"{title} ferry service returns to Holm island")
        (folder / f"{n:02d}-{title.lower()}.txt").write_text(text, encoding="utf-8")
    return folder


async def ready(app: NewsreadApp) -> MainScreen:
    """Wait until the loading worker is done and its messages are handled; return the screen."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    for _ in range(200):
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.01)  # the worker's last messages are handled in between
        pane = screen.reader
        shown = screen.article_index < 0 or (pane.size.width > 0 and pane.virtual_size.height > 0)
        if not screen.status.progress and shown:
            break
    # Notifications are messages to the app: let those the last handlers posted arrive.
    for _ in range(5):
        await asyncio.sleep(0.01)
    return screen


def status_text(screen: MainScreen) -> str:
    return screen.status.render().plain


# --------------------------------------------------------------------------- loader


def test_loader_walks_folders_sorted_and_filters(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("# Z\n\nText.\n")
    (tmp_path / "a.txt").write_text("A\n")
    (tmp_path / "c.markdown").write_text("C\n")
    (tmp_path / "notes.rst").write_text("ignored\n")
    (tmp_path / ".hidden.txt").write_text("hidden\n")
    files, skipped = find_articles([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "c.markdown", "b/z.md"]
    assert skipped == []


def test_loader_sorts_names_as_people_count(tmp_path: Path) -> None:
    """ "File order" put a10.txt before a2.txt."""
    for name in ("a10.txt", "a2.txt", "A1.txt", "a2b.txt", "b.txt", "a02.txt"):
        (tmp_path / name).write_text("Text\n")
    (tmp_path / "part10").mkdir()
    (tmp_path / "part9").mkdir()
    (tmp_path / "part10" / "x.txt").write_text("X\n")
    (tmp_path / "part9" / "y.txt").write_text("Y\n")
    files, _ = find_articles([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "A1.txt", "a02.txt", "a2.txt", "a2b.txt", "a10.txt", "b.txt", "part9/y.txt", "part10/x.txt"
    ]  # fmt: skip
    assert first_article([tmp_path]) == tmp_path / "A1.txt"


def test_loader_takes_named_files_whatever_their_ending(tmp_path: Path) -> None:
    note = tmp_path / "story.log"
    note.write_text("A story\n")
    files, skipped = find_articles([note, note])
    assert files == [note]  # named twice, listed once
    assert skipped == []


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.txt", "no such file or directory"),
        (lambda p: _binary(p / "photo.txt"), "not a text file"),
        (lambda p: _empty_dir(p / "empty"), "no .txt, .md, .markdown or .html files"),
        (lambda p: _dangling(p / "link.txt"), "broken symbolic link"),
    ],
    ids=["missing", "binary", "empty-folder", "dangling-link"],
)
def test_loader_skips_with_a_reason(tmp_path: Path, make: object, reason: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    files, skipped = find_articles([path])
    assert files == []
    assert skipped == [(path, reason)]


def _binary(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def _empty_dir(path: Path) -> Path:
    path.mkdir()
    return path


def _dangling(path: Path) -> Path:
    path.symlink_to(path.parent / "nowhere.txt")
    return path


def test_loader_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("One\n")
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    files, _ = find_articles([tmp_path])
    assert [f.name for f in files] == ["one.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_loader_reports_unreadable_files(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret\n")
    locked.chmod(0)
    files, skipped = find_articles([locked])
    assert files == []
    assert skipped == [(locked, "permission denied")]


# --------------------------------------------------------------------------- first screen


async def test_first_article_opens_with_the_pane_focused(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        assert screen.article_index == 0
        assert isinstance(screen.focused, ReaderPane)
        article = screen.current_article
        assert article is not None and article.title.startswith("Alpha")
        assert screen.reader.article is article
        assert screen.sidebar.display
        assert screen.sidebar.article_count == 3
        status = status_text(screen)
        assert status.startswith("Alpha ferry service returns to Holm island — Lead")
        assert status.rstrip().endswith("quotes: on")
        shown = {b.binding.id for b in screen.active_bindings.values() if b.binding.show}
        assert {"next-section", "next-article", "toggle-quotes", "find", "help", "quit"} <= shown


async def test_the_start_up_hold_on_the_collector_ends_after_the_first_frame(
    tmp_path: Path,
) -> None:
    """The CLI holds the garbage collector for start-up; the app gives it back, frozen."""
    gc.unfreeze()
    thresholds = gc.get_threshold()
    collector.hold()
    app = NewsreadApp([write_articles(tmp_path / "news")], collector_held=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(app)
            await pilot.pause()
            assert collector.holding() == 0
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects are out of the collector's way
            assert not app.release_collector()  # a second release is a no-op, not unbalanced
            assert collector.holding() == 0
            # Full collections now wait for the user to be idle.
            assert gc.get_threshold()[2] == collector.FULL_DEFERRED
            gc.collect()
            while gc.get_count()[2] < collector.FULL_DUE:
                gc.collect(1)
            app._last_input = 0.0  # long ago
            app._collect_when_idle()
            assert gc.get_count()[2] == 0  # the full collection ran
            await pilot.press("j")
            while gc.get_count()[2] < collector.FULL_DUE:
                gc.collect(1)
            app._collect_when_idle()
            assert gc.get_count()[2] >= collector.FULL_DUE  # a key just now: not yet
        # Stopped, the app leaves the process's collector as it found it.
        assert gc.get_threshold() == thresholds
    finally:
        while collector.holding():
            collector.release()
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*thresholds)


async def test_an_app_without_the_hold_leaves_the_collector_alone(tmp_path: Path) -> None:
    collector.hold()  # someone else's hold (a parse on another thread, say)
    try:
        app = NewsreadApp([write_articles(tmp_path / "news")])
        async with app.run_test(size=(120, 40)):
            await ready(app)
        assert collector.holding() == 1
    finally:
        collector.release()
    assert gc.isenabled()


async def test_tree_labels_name_source_and_words(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", ("Alpha",))
    (folder / "02-plain.txt").write_text(article_text("Plain ferry story", credit=False))
    app = NewsreadApp([folder])
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await ready(app)
        bbc, plain = screen.sidebar.root.children
        # Each body paragraph is 38 words plus its tag ("Lead", or the heading); the lead
        # also holds the 13-word quote paragraph.
        sections = [8 * 39 + 13, *(8 * (38 + len(h.split())) for h in HEADINGS)]
        assert sections == [325, 328, 328, 336]
        words = sum(sections)
        # "● " marks an unread article (the marker takes the theme's $unread style); the
        # count is compact and the outlet short ("BBC News" → "BBC"); a text that names no
        # outlet shows none (its file name is not an outlet).
        assert str(bbc.label) == f"● Alpha ferry service returns to Holm island  {words:,}w · BBC"
        assert str(plain.label) == f"● Plain ferry story  {words:,}w"
        plain.expand()  # sections are added when an article is first expanded
        await pilot.pause()
        assert [str(child.label) for child in plain.children] == [
            "Lead  325 words",
            "Timetable still unclear  328 words",
            "What residents want  328 words",
            "Money from the mainland  336 words",
        ]


async def test_unreadable_files_are_skipped_with_a_notice(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", ("Alpha",))
    _binary(folder / "02-picture.txt")
    app = NewsreadApp([folder, tmp_path / "absent.md"])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        assert screen.sidebar.article_count == 1
        messages = [n.message for n in app._notifications]
        assert any("02-picture.txt: not a text file" in m for m in messages)
        assert any("absent.md: no such file or directory" in m for m in messages)


async def test_no_articles_at_all_says_so(tmp_path: Path) -> None:
    app = NewsreadApp([tmp_path / "nothing-here"])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        assert screen.article_index == -1
        assert not screen.reader.loading
        # Said in the pane itself (tests/app/test_notice.py), not in a toast that fades.
        assert "Nothing to read" in str(screen.query_one(Notice).render())


# --------------------------------------------------------------------------- toggles


async def test_toggle_quotes_is_instant_and_shown(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert screen.reader.highlight_quotes
        await pilot.press('"')
        assert not screen.reader.highlight_quotes
        assert status_text(screen).rstrip().endswith("quotes: off")
        footer = screen.active_bindings["quotation_mark"].binding
        assert footer.description == "Quotes: off"
        await pilot.press('"')
        assert screen.reader.highlight_quotes
        assert status_text(screen).rstrip().endswith("quotes: on")
        assert screen.active_bindings["quotation_mark"].binding.description == "Quotes: on"


async def test_toggle_credits_hides_credit_markers(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        assert any(item.kind == "credit" for item in screen.reader.items)
        await pilot.press("c")
        assert not screen.reader.show_credits
        assert not any(item.kind == "credit" for item in screen.reader.items)
        await pilot.press("c")
        assert any(item.kind == "credit" for item in screen.reader.items)


async def test_toggle_boilerplate_unfolds_and_folds(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)

        def shown() -> list[str]:
            return [i.text for i in screen.reader.items if i.kind == "boilerplate"]

        assert BOILERPLATE not in shown()
        assert any(item.kind == "fold" for item in screen.reader.items)
        await pilot.press("z")
        assert screen.reader.show_boilerplate
        assert BOILERPLATE in shown()
        await pilot.press("z")
        assert BOILERPLATE not in shown()


async def test_toggle_sidebar_and_focus_between_panes(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("tab")
        assert isinstance(screen.focused, ArticleTree)
        await pilot.press("tab")
        assert isinstance(screen.focused, ReaderPane)
        await pilot.press("s")
        assert not screen.sidebar.display
        assert screen.reader.size.width == 120
        await pilot.press("s")
        assert screen.sidebar.display
        # Hiding the sidebar while it has focus hands focus to the article.
        await pilot.press("tab", "s")
        assert isinstance(screen.focused, ReaderPane)
        # Tab with the sidebar hidden brings it back, focused.
        await pilot.press("tab")
        assert screen.sidebar.display
        assert isinstance(screen.focused, ArticleTree)


# --------------------------------------------------------------------------- find


def visible_text(pane: ReaderPane) -> str:
    return "\n".join(pane.render_line(y).text for y in range(pane.size.height))


async def test_find_moves_to_matches_and_escape_closes(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    text = article_text("Find test").replace(
        "Money from the mainland paragraph 2:", "Money from the mainland paragraph 2: zephyrine"
    )
    text = text.replace(
        "What residents want paragraph 2:", "What residents want paragraph 2: zephyrine"
    )
    (folder / "a.txt").write_text(text)
    app = NewsreadApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        pane = screen.reader
        assert "zephyrine" not in visible_text(pane)
        await pilot.press("slash")
        find = screen.query_one("#find", Input)
        assert find.display and find.has_focus
        await pilot.press(*"zephyrine", "enter")
        await pilot.pause()
        assert not find.display
        assert pane.has_focus
        first = visible_text(pane)
        assert "What residents want paragraph 2: zephyrine" in first
        await pilot.press("n")
        await pilot.pause()
        assert "Money from the mainland paragraph 2: zephyrine" in visible_text(pane)
        await pilot.press("N")
        await pilot.pause()
        assert "What residents want paragraph 2: zephyrine" in visible_text(pane)
        # Escape in the open find bar closes it and returns to the article.
        await pilot.press("slash")
        assert find.display
        await pilot.press("escape")
        assert not find.display
        assert pane.has_focus


async def test_find_without_a_match_says_so(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        before = screen.reader.scroll_y
        await pilot.press("slash", *"qqxyz", "enter")
        await pilot.pause()
        assert screen.reader.scroll_y == before
        assert any(n.message == "Not found: qqxyz" for n in app._notifications)


# --------------------------------------------------------------------------- help, palette, keys


async def test_help_lists_the_active_keymap(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        app.set_keymap({"next-section": "x", "toggle-quotes": "Q"})
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {e.binding_id: e for e in key_actions(app.screen_stack[0])}
        assert rows["next-section"].keys == ("x",)
        assert rows["toggle-quotes"].keys == ("Q",)
        assert rows["help"].keys == ("?", "f1")
        text = " ".join(str(w.render()) for w in app.screen.query(".key"))
        assert "x  Next section" in text
        assert "Q  Toggle quote highlighting" in text
        areas = [str(w.render()) for w in app.screen.query(".area")]
        assert areas[: len(AREAS)] == list(AREAS)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # q closes help rather than quitting
        assert isinstance(app.screen, MainScreen)


async def test_rebound_key_works(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        app.set_keymap({"toggle-quotes": "Q"})
        await pilot.press('"')
        assert screen.reader.highlight_quotes
        await pilot.press("Q")
        assert not screen.reader.highlight_quotes


EVERY_ID = {binding_id for ids in AREAS.values() for binding_id in ids}


async def test_every_action_has_a_binding_with_id_and_tooltip(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        entries = [e for e in key_actions(screen) if e.binding_id]
        assert {e.binding_id for e in entries} == EVERY_ID
        assert all(e.help and e.help != e.name for e in entries)


async def test_command_palette_runs_actions(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"next article")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.article_index == 1


async def test_change_theme_opens_the_theme_picker(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("T")
        assert isinstance(app.screen, CommandPalette)


async def test_quit(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert app._exit


def test_theme_variables_cover_the_reader_and_follow_the_theme() -> None:
    app = NewsreadApp([])
    names = {
        "quote",
        "quote-nested",
        "quote-speaker",
        "credit-marker",
        "boilerplate",
        "heading",
        "byline",
        "find-match",
        "unread",
    }
    app.theme = "textual-dark"
    dark = app.get_theme_variable_defaults()
    app.theme = "textual-light"
    light = app.get_theme_variable_defaults()
    assert set(dark) == names == set(light)
    assert dark["quote"] != light["quote"]


def test_parse_files_reports_failures_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(article_text("A good story"))
    results = list(parse_files([tmp_path / "gone.txt", _binary(tmp_path / "x.txt"), good]))
    assert [(path.name, article is None) for path, article, _ in results] == [
        ("gone.txt", True),
        ("x.txt", True),
        ("good.txt", False),
    ]
    assert results[0][2] == "no such file or directory"
    assert results[1][2] == "not a text file (binary content)"
    assert results[2][1] is not None and results[2][1].title == "A good story"


async def test_the_first_article_comes_from_the_start_up_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a helper's answer for the file it opens, the reader parses nothing itself."""
    import tui.article as engine
    from tui.library.prefetch import prefetch_first

    folder = write_articles(tmp_path / "news", ("Alpha",))
    helper = prefetch_first([folder])
    assert helper is not None
    parsed: list[str] = []
    real = engine.parse
    monkeypatch.setattr(
        engine, "parse", lambda text, **kw: parsed.append(kw.get("path", "")) or real(text, **kw)
    )
    app = NewsreadApp([folder], prefetch=helper)
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        article = screen.current_article
        assert article is not None and article.title.startswith("Alpha")
        assert screen.reader.article is article
    assert parsed == []  # neither the opening nor the whole: the article is short


async def test_the_interface_thread_gets_the_interpreter_lock_back_quickly(
    tmp_path: Path,
) -> None:
    import sys

    from tui.app import SWITCH_INTERVAL

    before = sys.getswitchinterval()
    app = NewsreadApp([write_articles(tmp_path / "news", ("Alpha",))])
    async with app.run_test(size=(120, 40)):
        await ready(app)
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
    assert sys.getswitchinterval() == pytest.approx(before)
