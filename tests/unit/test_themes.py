"""Theme files (tui.settings.themes): every shipped theme loads, registers, resolves variables."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color
from textual.markup import parse_style
from textual.theme import BUILTIN_THEMES, Theme

from tests.conftest import THEMES
from tui.settings import paths
from tui.settings.themes import (
    NEWSREAD_VARIABLES,
    VARIABLE_DEFAULTS,
    ThemeError,
    all_theme_names,
    builtin_themes,
    load_theme_file,
    resolve_references,
    user_themes,
    variable_defaults,
)

THEME_FILES = sorted(THEMES.glob("*.toml"))
EXPECTED_BUILTINS = {
    "newsread-dark",
    "newsread-light",
    "newsread-sepia",
    "newsread-high-contrast",
    "newsread-mono",
}
COLOUR_FIELDS = [
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
]
STYLE_WORDS = ("bold", "dim", "italic", "underline", "reverse")


def test_builtin_themes_are_the_shipped_files() -> None:
    assert paths.themes_dir() == THEMES
    assert {path.stem for path in THEME_FILES} == EXPECTED_BUILTINS
    assert set(builtin_themes()) == EXPECTED_BUILTINS


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda path: path.stem)
def test_every_theme_file_loads_and_sets_every_newsread_variable(path: Path) -> None:
    theme = load_theme_file(path)
    assert isinstance(theme, Theme)
    assert theme.name == path.stem
    assert set(theme.variables) >= NEWSREAD_VARIABLES
    palette = theme.to_color_system().generate()
    for name in NEWSREAD_VARIABLES:
        parse_style(theme.variables[name], palette)  # raises on a bad style


def test_mono_theme_has_no_hue_and_styles_with_words_only() -> None:
    theme = builtin_themes()["newsread-mono"]
    for field in COLOUR_FIELDS:
        value = getattr(theme, field)
        if value is not None:
            red, green, blue = Color.parse(value).rgb
            assert red == green == blue, field
    for name in NEWSREAD_VARIABLES:
        style = parse_style(theme.variables[name], {})
        assert style.foreground is None and style.background is None, name
        assert any(getattr(style, word) for word in STYLE_WORDS), name


def test_builtin_themes_do_not_touch_textuals_registry() -> None:
    before = dict(BUILTIN_THEMES)
    themes = builtin_themes()
    assert before == BUILTIN_THEMES
    assert not set(themes) & set(BUILTIN_THEMES)
    themes["newsread-dark"].variables["quote"] = "red"  # callers get fresh objects
    assert builtin_themes()["newsread-dark"].variables["quote"] != "red"


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda path: path.stem)
async def test_theme_registers_on_a_bare_app_and_resolves_variables(path: Path) -> None:
    theme = load_theme_file(path)
    app: App[None] = App()
    async with app.run_test(size=(40, 10)) as pilot:
        app.register_theme(theme)
        app.theme = theme.name
        await pilot.pause()
        assert app.current_theme is theme
        for name in NEWSREAD_VARIABLES:
            assert app.theme_variables[name] == theme.variables[name]
            app.stylesheet.parse_style(f"${name}")  # the way Content resolves "$quote"


class _DefaultsApp(App[None]):
    """An app that supplies VARIABLE_DEFAULTS, as NewsreadApp should."""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme)


@pytest.mark.parametrize("name", sorted(BUILTIN_THEMES))
async def test_variable_defaults_resolve_under_every_textual_theme(name: str) -> None:
    app = _DefaultsApp()
    async with app.run_test(size=(40, 10)) as pilot:
        app.theme = name
        await pilot.pause()
        palette = app.current_theme.to_color_system().generate()
        for variable, template in VARIABLE_DEFAULTS.items():
            style = app.stylesheet.parse_style(f"${variable}")
            # The style is the template's, colour included (not silently dropped).
            assert style == parse_style(template, palette), variable
            if "$" in template:
                assert style.foreground is not None, variable


# --- errors ------------------------------------------------------------------------------

GOOD = 'name = "mine"\nprimary = "#336699"\n'

THEME_ERRORS = [
    pytest.param('primary = "#336699"\n', "name", "required", id="no-name"),
    pytest.param('name = ""\nprimary = "#336699"\n', "name", "required", id="empty-name"),
    pytest.param('name = "mine"\n', "primary", "required", id="no-primary"),
    pytest.param(GOOD + 'background = "#12345g"\n', "background", "not a colour", id="bad-hex"),
    pytest.param(GOOD + 'accent = "reddish"\n', "accent", "not a colour", id="bad-name"),
    pytest.param(GOOD + "surface = 3\n", "surface", "expected a colour string", id="colour-int"),
    pytest.param(GOOD + 'dark = "yes"\n', "dark", "expected true or false", id="dark-str"),
    pytest.param(GOOD + "text_alpha = 2\n", "text_alpha", "from 0 to 1", id="alpha-range"),
    pytest.param(
        GOOD + 'luminosity_spread = "x"\n', "luminosity_spread", "a number", id="spread-str"
    ),
    pytest.param(GOOD + 'colour = "#fff"\n', "colour", "unknown key", id="unknown-key"),
    pytest.param(GOOD + 'variables = "x"\n', "variables", "expected a table", id="vars-str"),
    pytest.param(
        GOOD + "[variables]\nquote = 3\n", "variables.quote", "expected a string", id="var-int"
    ),
    pytest.param(
        GOOD + '[variables]\nqoute = "bold"\n',
        "variables.qoute",
        "unknown variable",
        id="var-unknown",
    ),
    pytest.param(
        GOOD + '[variables]\nquote = "bld"\n',
        "variables.quote",
        "not a colour or style",
        id="var-bad-style",
    ),
    pytest.param(
        GOOD + '[variables]\nquote = "$nope"\n',
        "variables.quote",
        "not a colour or style",
        id="var-undefined-ref",
    ),
]


@pytest.mark.parametrize(("text", "key", "message"), THEME_ERRORS)
def test_theme_errors_name_file_and_key(tmp_path: Path, text: str, key: str, message: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme_file(path)
    error = caught.value
    assert (error.file, error.key) == (path, key)
    assert message in error.message
    assert str(error).startswith(f"{path}: {key}: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [('name = "x\n', "invalid TOML"), (b"name = '\xff'\n", "cannot read theme file")],
)
def test_unparsable_theme_files(tmp_path: Path, text: str | bytes, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(ThemeError, match=message) as caught:
        load_theme_file(path)
    assert caught.value.key is None and str(caught.value).startswith(f"{path}: ")


async def test_style_variables_may_refer_to_theme_colours(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        GOOD + 'warning = "#aa5500"\n[variables]\nquote = "bold italic $warning"\n'
        'quote-nested = "underline $quote"\nfooter-key-foreground = "ansi_yellow"\n',
        encoding="utf-8",
    )
    theme = load_theme_file(path)
    assert theme.dark is True and theme.secondary is None  # Theme's own defaults kept
    app: App[None] = App()
    async with app.run_test(size=(40, 10)) as pilot:
        app.register_theme(theme)
        app.theme = theme.name
        await pilot.pause()
        # Textual substitutes one level only; references were expanded at load time.
        warning = Color.parse(app.theme_variables["warning"])
        assert warning.hex.lower() in ("#aa5500", "#a95500")  # Textual may round a channel
        for name in ("quote", "quote-nested"):
            style = app.stylesheet.parse_style(f"${name}")
            assert style.foreground == warning and style.bold and style.italic
        assert app.stylesheet.parse_style("$quote-nested").underline


def test_resolve_references_follows_chains_and_leaves_unknowns() -> None:
    values = {"a": "bold $b", "b": "italic $c", "c": "$warning", "d": "$missing"}
    resolved = resolve_references(values, {"warning": "#123456"})
    assert resolved == {
        "a": "bold italic #123456",
        "b": "italic #123456",
        "c": "#123456",
        "d": "$missing",
    }


def test_user_themes_load_good_files_and_report_bad_ones(tmp_path: Path) -> None:
    config_dir = tmp_path / "cfg"
    (config_dir / "themes").mkdir(parents=True)
    (config_dir / "themes" / "good.toml").write_text(
        'name = "my-paper"\nprimary = "#004400"\ndark = false\n', encoding="utf-8"
    )
    (config_dir / "themes" / "bad.toml").write_text(
        'name = "broken"\nprimary = "not-a-colour"\n', encoding="utf-8"
    )
    (config_dir / "themes" / "notes.txt").write_text("not a theme", encoding="utf-8")
    themes, errors = user_themes(config_dir)
    assert set(themes) == {"my-paper"}
    assert [(e.file.name, e.key) for e in errors] == [("bad.toml", "primary")]
    names = all_theme_names(config_dir)
    assert "my-paper" in names and "broken" not in names
    assert EXPECTED_BUILTINS | set(BUILTIN_THEMES) <= set(names)
    assert names == sorted(names)


def test_user_themes_default_to_the_config_dir() -> None:
    assert user_themes() == ({}, [])  # conftest points the config dir at an empty tmp dir
    theme_dir = paths.config_dir() / "themes"
    theme_dir.mkdir(parents=True)
    (theme_dir / "x.toml").write_text('name = "x"\nprimary = "#123456"\n', encoding="utf-8")
    assert set(user_themes()[0]) == {"x"}
