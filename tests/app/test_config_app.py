"""The config file in the running app: keymap, reader settings, themes, NO_COLOR, warnings.

Configs are written to a file and read with :func:`tui.cli.startup.load_startup`, the way the CLI
does, so these tests cover the path from TOML to the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style as RichStyle
from textual.color import Color
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.app.test_app import ready, write_articles
from tests.conftest import THEMES
from tui.app import NewsreadApp
from tui.cli.startup import load_startup
from tui.reader.textlayout import resolve_style
from tui.screens.help import HelpScreen
from tui.settings.config import Config
from tui.settings.themes import NEWSREAD_VARIABLES, app_themes
from tui.widgets.reader_pane import ReaderPane

BUILTIN = sorted(path.stem for path in THEMES.glob("*.toml"))


def make_app(tmp_path: Path, config_text: str | None = None) -> NewsreadApp:
    """An app on three articles, with ``config_text`` loaded as the CLI loads it."""
    config_file = tmp_path / "cfg" / "config.toml"
    if config_text is not None:
        config_file.parent.mkdir(parents=True, exist_ok=True)
        config_file.write_text(config_text, encoding="utf-8")
    # No text: no --config at all (a named file that does not exist is an error).
    startup = load_startup(config_file if config_text is not None else None)
    folder = write_articles(tmp_path / "news")
    return NewsreadApp([folder], config=startup.config, themes=startup.themes)


def quote_style(pane: ReaderPane) -> RichStyle:
    """The style of the first drawn segment holding the lead quotation's opening words."""
    for y in range(pane.scrollable_content_region.height):
        for segment in pane.render_line(y):
            if "We simply want" in segment.text:
                assert segment.style is not None
                return segment.style
    raise AssertionError("the quotation is not on screen")


async def footer_keys(pilot: Pilot[None], screen: Screen[None]) -> dict[str, FooterKey]:
    """The footer's keys by label (without the space that widens "…: on"), once laid out."""
    for _ in range(100):
        keys = {key.description.rstrip(): key for key in screen.query(FooterKey)}
        if "Help" in keys and keys["Help"].region.width > 0:
            return keys
        await pilot.pause(0.02)
    raise AssertionError("the footer shows no keys")


def help_rows(screen: HelpScreen) -> list[str]:
    """The help screen's key rows as plain text ("  keys  Action name")."""
    return [str(row.render()) for row in screen.query(".key").results(Static)]


def split_row(row: str) -> tuple[str, str]:
    """A help row's keys and its action name."""
    keys, _, name = row.strip().partition("  ")
    return keys, name


# --------------------------------------------------------------------------- keymap


KEYMAP = '[keymap]\ntoggle-quotes = "x"\nnext-section = "ctrl+n"\n'


async def test_rebound_keys_work_and_the_old_ones_do_not(tmp_path: Path) -> None:
    app = make_app(tmp_path, KEYMAP)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        pane = screen.reader
        assert screen.highlight_quotes and pane.highlight_quotes
        await pilot.press("quotation_mark")  # the default key, no longer bound
        assert screen.highlight_quotes
        await pilot.press("x")
        assert not screen.highlight_quotes and not pane.highlight_quotes
        await pilot.press("x")
        assert screen.highlight_quotes and pane.highlight_quotes

        active = {key: b.binding.id for key, b in screen.active_bindings.items()}
        assert active.get("ctrl+n") == "next-section" and "right_square_bracket" not in active
        assert screen.section_index == 0
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.section_index == 1 == pane.current_section
        await pilot.press("right_square_bracket")  # the default key, no longer bound
        await pilot.pause()
        assert screen.section_index == 1
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.section_index == 2 == pane.current_section


async def test_help_lists_the_configured_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path, KEYMAP)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {name.strip(): keys.strip() for keys, name in map(split_row, help_rows(app.screen))}
        assert rows["Toggle quote highlighting"] == "x"
        assert rows["Next section"] == "^n"
        assert rows["Previous section"] == "["  # untouched bindings keep their keys


# --------------------------------------------------------------------------- [reader]


@pytest.mark.parametrize(
    ("setting", "attribute", "value"),
    [
        ("highlight_quotes = false", "highlight_quotes", False),
        ("show_credits = false", "show_credits", False),
        ("show_boilerplate = true", "show_boilerplate", True),
        ("show_speakers = false", "show_speakers", False),
        ("measure = 50", "measure", 50),
    ],
)
async def test_reader_settings_are_the_starting_state(
    tmp_path: Path, setting: str, attribute: str, value: object
) -> None:
    app = make_app(tmp_path, f"[reader]\n{setting}\n")
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        assert getattr(screen.reader, attribute) == value
        if hasattr(type(screen), attribute):  # toggles the screen owns and binds down
            assert getattr(screen, attribute) == value
        if attribute == "measure":  # no drawn line of text is wider than the measure
            pane = screen.reader
            lines = [pane.render_line(y).text.strip() for y in range(pane.size.height)]
            assert max(map(len, lines)) == 50


async def test_quotes_off_in_config_starts_without_quote_highlight(tmp_path: Path) -> None:
    on = make_app(tmp_path / "on")
    off = make_app(tmp_path / "off", "[reader]\nhighlight_quotes = false\n")
    styles = []
    for app in (on, off):
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await ready(app)
            styles.append(quote_style(screen.reader))
            label = "Quotes: " + ("on" if app is on else "off")
            assert label in await footer_keys(pilot, screen)
    quote = Color.parse(on.theme_variables["quote"]).rich_color
    assert styles[0].color == quote
    assert styles[1].color != quote


# --------------------------------------------------------------------------- themes


@pytest.mark.parametrize("name", ["newsread-sepia", "newsread-light", "nord"])
async def test_theme_from_config_is_active(tmp_path: Path, name: str) -> None:
    app = make_app(tmp_path, f'theme = "{name}"\n')
    async with app.run_test(size=(120, 40)):
        await ready(app)
        assert app.theme == name
        assert app.current_theme.name == name


async def test_user_theme_next_to_the_config_is_used(tmp_path: Path) -> None:
    themes = tmp_path / "cfg" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.toml").write_text(
        'name = "mine"\nprimary = "#336699"\n[variables]\nquote = "bold #ff00ff"\n'
    )
    app = make_app(tmp_path, 'theme = "mine"\n')
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        assert app.theme == "mine"
        style = quote_style(screen.reader)
        assert style.bold and style.color == Color.parse("#ff00ff").rich_color


async def test_default_theme_is_newsread_dark(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)):
        assert app.theme == "newsread-dark"


async def test_switching_theme_restyles_the_pane_at_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        before = quote_style(screen.reader)
        assert before.color == Color.parse("#e0af68").rich_color  # newsread-dark's quote
        app.theme = "newsread-light"
        await pilot.pause()
        after = quote_style(screen.reader)
        light = app.get_theme("newsread-light")
        assert light is not None
        assert after.color == Color.parse(light.variables["quote"]).rich_color != before.color


async def test_theme_picker_switches_the_theme(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(app)
        before = quote_style(screen.reader)
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"newsread-sepia")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "newsread-sepia"
        assert not isinstance(app.screen, CommandPalette)
        assert quote_style(screen.reader) != before


MARKUP_NAMES = ("[/]", "[b]bold[/b] and [i]", "[@click=app.quit]quit[/]", "$accent [red]x")
"""User theme names that Textual markup would interpret (``[/]`` alone raises MarkupError)."""


def _palette_prompts(app: NewsreadApp) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_theme_names_with_markup_are_shown_literally(tmp_path: Path) -> None:
    """The theme picker lists markup-like names as written, searches and picks them."""
    themes = tmp_path / "cfg" / "themes"
    themes.mkdir(parents=True)
    for n, name in enumerate(MARKUP_NAMES):
        quoted = name.replace("\\", "\\\\").replace('"', '\\"')
        (themes / f"t{n}.toml").write_text(f'name = "{quoted}"\nprimary = "#336699"\n')
    app = make_app(tmp_path, "")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("T")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        prompts = _palette_prompts(app)
        for name in MARKUP_NAMES:
            assert name in prompts
        await pilot.press(*"click")  # a search: matches are highlighted, the name stays literal
        await pilot.pause(0.3)
        assert _palette_prompts(app) == ["[@click=app.quit]quit[/]"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "[@click=app.quit]quit[/]"
        assert app.is_running
        await pilot.press("T")
        await pilot.pause(0.3)
        await pilot.press("[", "/", "]")
        await pilot.pause(0.3)
        assert "[/]" in _palette_prompts(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("name", [*BUILTIN, "textual-dark", "textual-light", "nord"])
async def test_reader_and_textual_resolve_variables_alike(tmp_path: Path, name: str) -> None:
    """Every newsread variable is concrete, so Textual's one-level lookup and the pane agree."""
    app = make_app(tmp_path, f'theme = "{name}"\n')
    async with app.run_test(size=(80, 24)):
        for variable in NEWSREAD_VARIABLES:
            value = app.theme_variables[variable]
            assert "$" not in value, (variable, value)
            ours = Style.parse(resolve_style(f"${variable}", app.theme_variables))
            assert ours == app.stylesheet.parse_style(f"${variable}")


async def test_no_color_selects_the_mono_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path, 'theme = "newsread-sepia"\n')
    assert app.no_color
    async with app.run_test(size=(120, 40)):
        screen = await ready(app)
        assert app.theme == "newsread-mono"
        assert quote_style(screen.reader).bold  # mono marks quotes by weight


async def test_unknown_theme_falls_back_with_a_notification(tmp_path: Path) -> None:
    app = NewsreadApp([write_articles(tmp_path / "news")], config=Config(theme="no-such"))
    async with app.run_test(size=(120, 40)):
        await ready(app)
        assert app.theme == "newsread-dark"
        assert any('"no-such"' in note.message for note in app._notifications)


def test_registering_themes_leaves_textuals_builtins_alone() -> None:
    from textual.theme import BUILTIN_THEMES

    before = dict(BUILTIN_THEMES)
    NewsreadApp([], config=Config(theme="newsread-light"))
    assert before == BUILTIN_THEMES
    assert not set(app_themes()[0]) & set(BUILTIN_THEMES)


# --------------------------------------------------------------------------- warnings, footer


async def test_config_warnings_are_notified(tmp_path: Path) -> None:
    app = make_app(tmp_path, '[keymap]\nquit = "j"\n')
    assert app.config.warnings
    async with app.run_test(size=(120, 40)):
        await ready(app)
        messages = [note.message for note in app._notifications]
        assert any("scroll-down" in message for message in messages), messages
        assert all(note.severity == "warning" for note in app._notifications)


async def test_broken_user_theme_not_selected_is_a_warning(tmp_path: Path) -> None:
    themes = tmp_path / "cfg" / "themes"
    themes.mkdir(parents=True)
    (themes / "bad.toml").write_text('name = "bad"\nprimary = "not-a-colour"\n')
    app = make_app(tmp_path, "")
    async with app.run_test(size=(120, 40)):
        await ready(app)
        assert app.theme == "newsread-dark"
        assert any("bad.toml" in note.message for note in app._notifications)


async def test_the_app_never_writes_the_config(tmp_path: Path) -> None:
    app = make_app(tmp_path, KEYMAP)
    folder = tmp_path / "cfg"
    before = {path: path.read_bytes() for path in folder.rglob("*")}
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await pilot.press("x", "ctrl+n")
        app.theme = "newsread-light"
        await pilot.pause()
    assert {path: path.read_bytes() for path in folder.rglob("*")} == before


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_footer_keeps_help_and_quit_visible(tmp_path: Path, width: int) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(width, 30)) as pilot:
        screen = await ready(app)
        keys = await footer_keys(pilot, screen)
        for label in ("Help", "Quit"):
            region = keys[label].region
            assert region.width > 0 and region.right <= width, (label, region)
        assert "Page down" not in keys and "Page up" not in keys
