"""Property tests on hostile input that the unit suites do not already cover.

Already covered elsewhere (not repeated): nothing lost by the scraped-text parser on text
(``tests/unit/test_nothing_lost.py``), quote spans (``test_quotes.py``), wrapping
(``test_render.py``), config text that is valid UTF-8 (``test_config.py``). Added here:

- arbitrary *bytes* through decode + both parsers: an Article or BinaryFileError, never
  anything else, and every string terminal-safe;
- ``dump`` (text, Markdown, JSON) keeps every block's words and writes only safe characters;
- rendering any parsed article at widths 1–300 with any toggles and folds never raises and
  gives single, control-free lines;
- config files of arbitrary bytes raise only ConfigError, theme files only ThemeError.

Each property has a short default run and a ``fuzz``-marked long run
(``pytest -m fuzz -o addopts="" tests/hostile/test_fuzz.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.corpus import UNSAFE, UNSAFE_IN_LINE, unsafe_strings
from tests.unit.test_nothing_lost import MARKER_LINES
from tui.article import BinaryFileError, parse
from tui.article.export import QUOTE_CLOSE, QUOTE_OPEN, to_json, to_markdown, to_text
from tui.article.model import Article
from tui.article.sanitize import read_text
from tui.reader.render import ViewOptions, build_items, render_article
from tui.settings.config import ConfigError, load_config
from tui.settings.themes import ThemeError, load_theme_file

LONG = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
SHORT = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that steer generated text into the interesting paths: escapes, markup, quotes, labels.
_HOSTILE = [
    "\x1b]52;c;PWNED\x07",
    "\x1b[31m",
    "\x1bP",
    "\x9b",
    "\u202e",
    "\u2066",
    "\x00",
    "\r",
    "\t",
    "[bold]",
    "[/]",
    "[@click=app.quit]",
    "&#x202E;",
    "<script>",
    "# ",
    "> ",
    "- ",
    "---\n",
    "+++\n",
    "title: ",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "«",
    "»",
    "\n",
    "\n\n",
    " ",
    "said ",
    "Word. ",
]
_TEXT = st.one_of(
    st.text(),
    st.lists(
        st.one_of(st.sampled_from(_HOSTILE), st.sampled_from(MARKER_LINES), st.text(max_size=20)),
        max_size=40,
    ).map("".join),
)
_BYTES = st.one_of(
    st.binary(max_size=400),
    _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    _TEXT.map(lambda t: t.encode("cp1252", "replace")),
    _TEXT.map(lambda t: b"\xff\xfe" + t.encode("utf-16-le", "surrogatepass")),
)
_FMT = st.sampled_from(["text", "markdown"])


# --- bytes → article -------------------------------------------------------------------


def _article_from_bytes(data: bytes, fmt: str) -> Article | None:
    try:
        text = read_text(data)
    except BinaryFileError:
        return None
    article = parse(text, fmt=fmt)  # type: ignore[arg-type]
    assert isinstance(article, Article) and article.sections
    assert unsafe_strings(article) == []
    return article


@SHORT
@given(data=_BYTES, fmt=_FMT)
def test_any_bytes_parse_to_a_safe_article(data: bytes, fmt: str) -> None:
    _article_from_bytes(data, fmt)


@pytest.mark.fuzz
@LONG
@given(data=_BYTES, fmt=_FMT)
def test_fuzz_any_bytes_parse_to_a_safe_article(data: bytes, fmt: str) -> None:
    _article_from_bytes(data, fmt)


# --- dump --------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return "".join(text.split())


def _dump_keeps_everything(text: str, fmt: str) -> None:
    article = parse(text, fmt=fmt)  # type: ignore[arg-type]
    plain = to_text(article)
    markdown = to_markdown(article)
    as_json = json.dumps(to_json(article), ensure_ascii=False)
    for out in (plain, markdown, as_json):
        assert not UNSAFE.search(out)

    # Every word of every block is in the text dump, in one piece, once the marks the dump
    # adds are taken out (quote brackets, and the "> " that starts each block-quote line).
    def unmarked(text: str) -> str:
        return _squash(text).replace(QUOTE_OPEN, "").replace(QUOTE_CLOSE, "").replace(">", "")

    flat = unmarked(plain)

    def kept(value: str) -> bool:
        return unmarked(value) in flat

    assert kept(article.title)
    for block in article.blocks():
        for value in (
            getattr(block, "text", None),
            getattr(block, "credit", None),
            getattr(block, "caption", None),
        ):
            if value:
                assert kept(value), block
    for author in article.authors:
        assert kept(author.name)


@SHORT
@given(text=_TEXT, fmt=_FMT)
def test_dump_keeps_every_block_and_writes_safe_text(text: str, fmt: str) -> None:
    _dump_keeps_everything(text, fmt)


@pytest.mark.fuzz
@LONG
@given(text=_TEXT, fmt=_FMT)
def test_fuzz_dump_keeps_every_block_and_writes_safe_text(text: str, fmt: str) -> None:
    _dump_keeps_everything(text, fmt)


# --- rendering ---------------------------------------------------------------------------


def _renders(text: str, fmt: str, width: int, options: ViewOptions, open_folds: bool) -> None:
    article = parse(text, fmt=fmt)  # type: ignore[arg-type]
    expanded: frozenset[tuple[int, int]] = frozenset()
    if open_folds:
        expanded = frozenset(
            (i.section, i.block) for i in build_items(article, options) if i.kind == "fold"
        )
    lines = render_article(article, width, options, expanded)
    for line in lines:
        assert not UNSAFE_IN_LINE.search(line.plain), line.plain


_RENDER_ARGS = {
    "text": _TEXT,
    "fmt": _FMT,
    "width": st.integers(min_value=1, max_value=300),
    "options": st.builds(ViewOptions),
    "open_folds": st.booleans(),
}


@SHORT
@given(**_RENDER_ARGS)
def test_any_article_renders_at_any_width(
    text: str, fmt: str, width: int, options: ViewOptions, open_folds: bool
) -> None:
    _renders(text, fmt, width, options, open_folds)


@pytest.mark.fuzz
@LONG
@given(**_RENDER_ARGS)
def test_fuzz_any_article_renders_at_any_width(
    text: str, fmt: str, width: int, options: ViewOptions, open_folds: bool
) -> None:
    _renders(text, fmt, width, options, open_folds)


# --- config and theme files of arbitrary bytes ---------------------------------------------

_TOML_BITS = st.sampled_from(
    [
        "[reader]\n",
        "[keymap]\n",
        "[library]\n",
        "name = ",
        "primary = ",
        "[variables]\n",
        "quote = ",
        "dark = ",
        "theme = ",
        "measure = ",
        "paths = ",
        '"#ff0000"',
        '"$quote"',
        '"bold $nope"',
        '"not a colour"',
        "1e400",
        "-0",
        "nan",
        "inf",
        "true",
        "[",
        '"',
        "\n",
        "\x00",
        "\x1b]52;c;x\x07",
    ]
)
_TOML_BYTES = st.one_of(
    st.binary(max_size=200),
    st.lists(st.one_of(_TOML_BITS, st.text(max_size=10)), max_size=30).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    ),
)


def _config_only_raises_config_error(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        load_config(path)
    except ConfigError as error:
        assert str(error)


def _theme_only_raises_theme_error(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        load_theme_file(path)
    except ThemeError as error:
        assert str(error).startswith(str(path))


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(data=_TOML_BYTES)
def test_config_and_theme_bytes_raise_only_their_errors(tmp_path: Path, data: bytes) -> None:
    _config_only_raises_config_error(tmp_path / "config.toml", data)
    _theme_only_raises_theme_error(tmp_path / "theme.toml", data)


@pytest.mark.fuzz
@LONG
@given(data=_TOML_BYTES)
def test_fuzz_config_and_theme_bytes_raise_only_their_errors(tmp_path: Path, data: bytes) -> None:
    _config_only_raises_config_error(tmp_path / "config.toml", data)
    _theme_only_raises_theme_error(tmp_path / "theme.toml", data)
