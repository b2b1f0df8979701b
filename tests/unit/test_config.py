"""Config file loading and validation (tui.settings.config), key-string checks (.keymap)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.binding import Binding
from textual.keys import _normalize_key_list

import tui.article.files
from tests.conftest import EXAMPLES
from tui.settings import paths
from tui.settings.config import (
    Config,
    ConfigError,
    LibraryConfig,
    ReaderConfig,
    WebConfig,
    config_path,
    default_config_text,
    init_config,
    load_config,
)
from tui.settings.keymap import BindingInfo, binding_infos, check_keys, is_key_name
from tui.settings.themes import builtin_themes

# The app's binding ids with their scopes: "app" (App), "main" (the screen), "reader" (a widget).
_TABLE = [
    ("help", "question_mark,f1", "app"),
    ("quit", "q", "app"),
    ("change-theme", "T", "app"),
    ("next-section", "right_square_bracket", "main"),
    ("previous-section", "left_square_bracket", "main"),
    ("next-article", "J", "main"),
    ("previous-article", "K", "main"),
    ("toggle-quotes", "quotation_mark", "main"),
    ("toggle-credits", "c", "main"),
    ("toggle-boilerplate", "z", "main"),
    ("toggle-sidebar", "s", "main"),
    ("focus-next-pane", "tab", "main"),
    ("find", "slash", "main"),
    ("find-next", "n", "main"),
    ("find-previous", "N", "main"),
    ("scroll-down", "j,down", "reader"),
    ("scroll-up", "k,up", "reader"),
    ("page-down", "space,pagedown", "reader"),
    ("page-up", "b,pageup", "reader"),
    ("scroll-top", "g,home", "reader"),
    ("scroll-bottom", "G,end", "reader"),
]
BINDINGS = {bid: BindingInfo(bid, key, scope, f"Do {bid}") for bid, key, scope in _TABLE}
THEMES = ("newsread-dark", "newsread-light", "newsread-mono")
ALL_IDS = ", ".join(sorted(BINDINGS))


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    """Write ``text`` byte-exactly (no newline translation) and return the path."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def problems_of(path: Path) -> list[str]:
    """Load ``path`` expecting a ConfigError; return its lines."""
    with pytest.raises(ConfigError) as caught:
        load_config(path, binding_ids=BINDINGS, theme_names=THEMES)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems)
    return lines


# --- every validation message ------------------------------------------------------------

ERRORS = [
    pytest.param(
        'theme = "newsread-dark"\n[reader]\nmeasure = = 3\n',
        3,
        "invalid TOML: ",
        id="toml-syntax",
    ),
    pytest.param('\n\nname = "unterminated\n', 3, "invalid TOML: ", id="toml-string"),
    pytest.param(
        "[reader]\nmeasure = 80\n[reader]\n", 3, "invalid TOML: Cannot declare", id="toml-twice"
    ),
    pytest.param('theme = "x"\ntheme = ', 2, "invalid TOML: ", id="toml-at-end"),
    pytest.param(
        '[colours]\nquote = "red"\n',
        1,
        "[colours]: unknown section; known: theme, reader, library, web, keymap",
        id="unknown-section",
    ),
    pytest.param(
        '\ncolour = "red"\n',
        2,
        '"colour": unknown key; known: theme, reader, library, web, keymap',
        id="unknown-top-key",
    ),
    pytest.param(
        "[reader]\nmeasure = 80\nshow_credit = true\n",
        3,
        '[reader] "show_credit": unknown key (did you mean "show_credits"?); known: measure, '
        "highlight_quotes, show_credits, show_boilerplate, show_speakers",
        id="unknown-reader-key",
    ),
    pytest.param(
        '[library]\npath = ["~"]\n',
        2,
        '[library] "path": unknown key (did you mean "paths"?); known: paths',
        id="unknown-library-key",
    ),
    pytest.param("theme = 3\n", 1, '"theme": expected a string, got an integer', id="type-theme"),
    pytest.param(
        "theme = 1979-05-27\n", 1, '"theme": expected a string, got a date', id="type-date"
    ),
    pytest.param(
        '[reader]\nmeasure = "wide"\n',
        2,
        '[reader] "measure": expected an integer, got a string',
        id="type-measure",
    ),
    pytest.param(
        "[reader]\nmeasure = true\n",
        2,
        '[reader] "measure": expected an integer, got a boolean',
        id="type-measure-bool",
    ),
    pytest.param(
        "[reader]\nmeasure = 80.5\n",
        2,
        '[reader] "measure": expected an integer, got a float',
        id="type-measure-float",
    ),
    pytest.param(
        "[reader]\nmeasure = 5\n",
        2,
        '[reader] "measure": expected an integer from 20 to 400, got 5',
        id="range-measure",
    ),
    pytest.param(
        '[reader]\nhighlight_quotes = "yes"\n',
        2,
        '[reader] "highlight_quotes": expected true or false, got a string',
        id="type-bool",
    ),
    pytest.param("reader = 5\n", 1, '"reader": expected a table, got an integer', id="type-table"),
    pytest.param(
        '[library]\npaths = "~/news"\n',
        2,
        '[library] "paths": expected an array, got a string',
        id="type-paths",
    ),
    pytest.param(
        '[library]\npaths = ["~/news", 3]\n',
        2,
        '[library] "paths": expected an array of non-empty strings, found 3',
        id="type-path-item",
    ),
    pytest.param(
        "[keymap]\nquit = 5\n",
        2,
        '[keymap] "quit": expected a string, got an integer',
        id="type-key",
    ),
    pytest.param(
        '[keymap]\nquit = "q"\n"toggle-quoets" = "Q"\n',
        3,
        '[keymap] "toggle-quoets": unknown binding id (did you mean "toggle-quotes"?); '
        f"valid ids: {ALL_IDS}",
        id="unknown-binding-id",
    ),
    pytest.param(
        'theme = "newsread-drak"\n',
        1,
        '"theme": unknown theme "newsread-drak" (did you mean "newsread-dark"?); '
        "available: newsread-dark, newsread-light, newsread-mono",
        id="unknown-theme",
    ),
    pytest.param(
        '[keymap]\nnext-article = "n"\n',
        2,
        '[keymap] "next-article": key "n" is also bound to find-next in scope "main"; '
        "bind one of them to another key",
        id="duplicate-same-scope",
    ),
    pytest.param(
        # '"' is the key Textual calls quotation_mark, toggle-quotes' default.
        "[keymap]\ntoggle-credits = '\"'\n",
        2,
        '[keymap] "toggle-credits": key "quotation_mark" is also bound to toggle-quotes in '
        'scope "main"',
        id="duplicate-by-char-name",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), ERRORS)
def test_each_problem_names_file_line_key_and_cause(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, text)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:{line}: {message}")


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("ctrl+", 'nothing after "+"'),
        ("foo bar", '"foo bar" is not a key'),
        ("", "no key given"),
        ("\t", "no key given"),
        ("j,", 'empty key in "j,"'),
        (",", "empty key"),
        ("cmd+x", 'unknown modifier "cmd" (modifiers: alt, ctrl, hyper, meta, shift, super)'),
        ("ctrl+ctrl+x", "a modifier is repeated"),
        ("Enter", '"Enter" is not a key'),
        ("ctrl+foo", '"foo" is not a key'),
        ("f99", '"f99" is not a key'),
        ("latin_small_letter_a", "is not a key"),  # Textual reports that key as "a"
        ("ctrl+shift", '"shift" is not a key'),
    ],
)
def test_bad_key_names_are_errors(tmp_path: Path, key: str, reason: str) -> None:
    path = write(tmp_path, f"\n[keymap]\nquit = {key!r}\n".replace("'", '"'))
    (problem,) = problems_of(path)
    assert problem.startswith(f'{path}:3: [keymap] "quit": ')
    assert reason in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("j", ("j",)),
        ("J", ("J",)),
        (" j , down ", ("j", "down")),
        ("?", ("question_mark",)),
        ("question_mark", ("question_mark",)),
        ("/", ("slash",)),
        ("+", ("plus",)),
        ("é", ("é",)),
        ("f5,pageup,space,tab,escape,home", ("f5", "pageup", "space", "tab", "escape", "home")),
        ("ctrl+f", ("ctrl+f",)),
        ("shift+ctrl+x", ("ctrl+shift+x",)),  # Textual sorts modifiers in key events
        ("alt+shift+up", ("alt+shift+up",)),
        ("ctrl++", ("ctrl+plus",)),
        ("ctrl+?", ("ctrl+question_mark",)),
        ("media_play", ("media_play",)),
    ],
)
def test_good_keys_are_canonicalised_as_textual_reports_them(
    text: str, expected: tuple[str, ...]
) -> None:
    assert check_keys(text) == (expected, None)


@pytest.mark.parametrize("text", ["j", "?", "j,down", "[,]", "/,ctrl+f", '"', "f1"])
def test_canonical_keys_agree_with_textuals_keymap_normalisation(text: str) -> None:
    keys, error = check_keys(text)
    assert error is None
    assert ",".join(keys) == _normalize_key_list(text)


@pytest.mark.parametrize("name", ["comma", "full_stop", "left_square_bracket", "backslash", "at"])
def test_character_names_textual_uses_are_key_names(name: str) -> None:
    assert is_key_name(name)


# --- clashes -----------------------------------------------------------------------------


def test_duplicate_across_scopes_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\nquit = "j"\n')
    config = load_config(path, binding_ids=BINDINGS, theme_names=THEMES)
    assert config.keymap == {"quit": "j"}
    assert config.warnings == (
        f'{path}:2: [keymap] "quit": key "j" is also bound to scroll-down in scope "reader"; '
        "where both apply, the focused one wins",
    )


def test_swapping_two_keys_is_allowed_with_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\ntoggle-credits = "z"\ntoggle-boilerplate = "c"\n')
    config = load_config(path, binding_ids=BINDINGS, theme_names=THEMES)
    assert dict(config.keymap) == {"toggle-credits": "z", "toggle-boilerplate": "c"}
    assert config.warnings == (
        f'{path}:2: [keymap] "toggle-credits": key "z" is the default of toggle-boilerplate, '
        'which you rebound to "c"',
        f'{path}:3: [keymap] "toggle-boilerplate": key "c" is the default of toggle-credits, '
        'which you rebound to "z"',
    )


def test_two_user_bindings_on_one_key_both_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\nfind = "ctrl+f"\nfind-next = "ctrl+f"\n')
    problems = problems_of(path)
    assert [line.split(": ")[0] for line in problems] == [f"{path}:2", f"{path}:3"]
    assert all('key "ctrl+f" is also bound to' in line for line in problems)


def test_every_problem_is_collected_in_line_order(tmp_path: Path) -> None:
    text = 'theme = "nope"\n[reader]\nmeasure = "x"\n[keymap]\nbogus = "q"\nquit = "ctrl+"\n'
    lines = [p.split(": ")[0] for p in problems_of(write(tmp_path, text))]
    assert lines == [f"{tmp_path / 'config.toml'}:{n}" for n in (1, 3, 5, 6)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[ "keymap" ]\n"toggle-quoets" = "q"\n', 2),
        ("[keymap]\n'toggle-quoets' = \"q\"\n", 2),
        ('[reader]\n\n[keymap]\n  toggle-quoets   =   "q"  # comment\n', 4),
        ('keymap.toggle-quoets = "q"\n', 1),
        ('keymap = { quit = "q", toggle-quoets = "x" }\n', 1),
    ],
)
def test_line_found_for_quoted_dotted_and_inline_keys(tmp_path: Path, text: str, line: int) -> None:
    path = write(tmp_path, text)
    (problem,) = problems_of(path)
    assert problem.startswith(f'{path}:{line}: [keymap] "toggle-quoets": unknown binding id')


def test_without_binding_ids_only_key_names_are_checked(tmp_path: Path) -> None:
    path = write(tmp_path, '[keymap]\nanything = "?"\nother = "?"\n')
    config = load_config(path, binding_ids=None, theme_names=None)
    assert dict(config.keymap) == {"anything": "question_mark", "other": "question_mark"}
    with pytest.raises(ConfigError, match="not a key"):
        load_config(write(tmp_path, '[keymap]\nx = "bad key"\n'), binding_ids=None)


# --- file faults, defaults, precedence ---------------------------------------------------


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "absent.toml", binding_ids=BINDINGS, theme_names=THEMES)
    assert config == Config()
    assert config.theme == "newsread-dark"
    assert config.reader == ReaderConfig(80, True, True, False, True)
    assert config.library == LibraryConfig(())
    assert config.source is None and not config.keymap and not config.warnings


def test_path_that_is_a_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a directory, not a config file"


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, 'theme = "newsread-dark"\n')

    def refuse(file: Path, limit: int | None = None) -> bytes:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(tui.article.files, "read_regular", refuse)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: cannot read the config file: permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a mode-000 file")
def test_mode_000_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "newsread-dark"\n')
    path.chmod(0)
    with pytest.raises(ConfigError, match="permission denied"):
        load_config(path)


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "newsread-dark"\n# caf\xe9\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}:2: not UTF-8 text (byte 0xe9)"


def test_bom_is_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, '\ufefftheme = "newsread-mono"\n')
    assert load_config(path, theme_names=THEMES).theme == "newsread-mono"


def test_cli_beats_env_beats_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = config_path()
    assert default == paths.config_dir() / "config.toml"
    assert default.is_relative_to(tmp_path)  # conftest redirected XDG_CONFIG_HOME
    monkeypatch.setenv("NEWSREAD_CONFIG", str(tmp_path / "env.toml"))
    assert config_path() == tmp_path / "env.toml"
    assert config_path(tmp_path / "cli.toml") == tmp_path / "cli.toml"
    monkeypatch.setenv("NEWSREAD_CONFIG", "~/from-env.toml")
    assert config_path() == Path.home() / "from-env.toml"


def test_library_paths_expand_home_and_resolve_from_config_folder(tmp_path: Path) -> None:
    path = write(tmp_path, '[library]\npaths = ["~/news", "saved", "/abs/dir"]\n')
    config = load_config(path)
    assert config.library.paths == (Path.home() / "news", tmp_path / "saved", Path("/abs/dir"))


# --- init and the default text -----------------------------------------------------------


def test_default_text_loads_to_defaults_and_mentions_every_binding() -> None:
    text = default_config_text(BINDINGS, THEMES)
    for binding_id, info in BINDINGS.items():
        assert f'# {binding_id} = "{info.default_key}"' in text
    assert "newsread-dark, newsread-light, newsread-mono" in text


def test_default_text_uncommented_is_valid_and_still_the_defaults(tmp_path: Path) -> None:
    commented = default_config_text(BINDINGS, THEMES)
    assert load_config(write(tmp_path, commented), binding_ids=BINDINGS, theme_names=THEMES) == (
        Config(source=tmp_path / "config.toml")
    )
    # Remove "# " from every setting line: the result sets every key to its default.
    text = re.sub(r"(?m)^# ([\w-]+ = )", r"\1", commented)
    config = load_config(write(tmp_path, text), binding_ids=BINDINGS, theme_names=THEMES)
    assert config.warnings == ()
    assert (config.theme, config.reader, config.library, config.web) == (
        "newsread-dark",
        ReaderConfig(),
        LibraryConfig(),
        WebConfig(),
    )
    assert dict(config.keymap) == {bid: info.default_key for bid, info in BINDINGS.items()}


def test_init_creates_parents_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "config.toml"
    assert init_config(path, "# first\n") is True
    assert path.read_text(encoding="utf-8") == "# first\n"
    assert init_config(path, "# second\n") is False
    assert path.read_text(encoding="utf-8") == "# first\n"
    assert init_config(tmp_path, "# a directory\n") is False


# --- the shipped example and binding descriptions -----------------------------------------


def test_example_config_loads_with_every_key_set() -> None:
    path = EXAMPLES / "config.toml"
    config = load_config(path, binding_ids=BINDINGS, theme_names=list(builtin_themes()))
    assert config.warnings == ()
    assert config.theme == "newsread-sepia"
    assert config.reader == ReaderConfig(72, True, False, True, True)
    assert config.library.paths == (EXAMPLES,)
    assert config.keymap["find"] == "slash,ctrl+f"
    assert config.keymap["next-section"] == "right_square_bracket,ctrl+down"
    text = path.read_text(encoding="utf-8")
    for key in ("measure", "highlight_quotes", "show_credits", "show_boilerplate"):
        assert re.search(rf"(?m)^{key} = ", text), key
    assert re.search(r"(?m)^show_speakers = ", text)


def test_binding_infos_merges_comma_keys_and_skips_bindings_without_id() -> None:
    infos = binding_infos(
        {
            "app": [Binding("?,f1", "help", "Help", id="help", tooltip="Show help")],
            "reader": [Binding("j,down", "down", "Down", id="scroll-down"), ("x", "noop")],
        }
    )
    assert infos == {
        "help": BindingInfo("help", "question_mark,f1", "app", "Show help"),
        "scroll-down": BindingInfo("scroll-down", "j,down", "reader", "Down"),
    }


# --- property: nothing but ConfigError escapes --------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "[reader]",
        "[keymap]",
        "[library]",
        "[colours]",
        "[[keymap]]",
        "[reader.x]",
        "theme = ",
        "measure = ",
        "paths = ",
        "quit = ",
        "find-next = ",
        '"q x" = ',
        "keymap.quit = ",
        "reader = ",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        "=",
        ",",
        "#",
        "\n",
        '"ctrl+"',
        '"j"',
        '"?"',
        "80",
        "true",
        "1.5",
        "1979-05-27",
        '["a", 1]',
        "{ a = 1 }",
        '"newsread-dark"',
        '"""',
        "\\",
        "\r\n",
        "\x00",
        "\ufeff",
    ]
)


_TEXTS = st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=30).map("".join))


def _only_config_error(path: Path, text: str) -> None:
    """Load ``text`` from ``path``: a Config or a ConfigError about that file, nothing else."""
    path.write_bytes(text.encode("utf-8"))
    try:
        config = load_config(path, binding_ids=BINDINGS, theme_names=THEMES)
    except ConfigError as error:
        assert error.problems and all(p.file == path for p in error.problems)
    else:
        assert isinstance(config, Config)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXTS)
def test_arbitrary_text_only_ever_raises_config_error(tmp_path: Path, text: str) -> None:
    _only_config_error(tmp_path / "config.toml", text)


@pytest.mark.fuzz
@settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=_TEXTS)
def test_fuzz_arbitrary_text_only_ever_raises_config_error(tmp_path: Path, text: str) -> None:
    _only_config_error(tmp_path / "config.toml", text)
