"""The parse benchmark script runs (on a tiny article) and generates realistic articles."""

from __future__ import annotations

import re

import pytest

from tests.benchmarks.bench_parse import generate_article
from tests.conftest import REPO, run_script
from tui.article import parse
from tui.article.model import Boilerplate, ImageCredit

SCRIPT = REPO / "tests" / "benchmarks" / "bench_parse.py"
ROW = re.compile(
    r"^\s*[\d.]+ MB (bbc|ttfp)\s+(newsread text|markdown-it)\s+[\d.]+\s+[\d.]+\s+[\d.]+x$"
)


def test_tiny_run_prints_a_row_per_parser_and_input() -> None:
    result = run_script(SCRIPT, "--tiny", timeout=60)
    assert result.returncode == 0, result.stderr
    rows = [m.groups() for line in result.stdout.splitlines() if (m := ROW.match(line))]
    assert rows == [
        ("bbc", "newsread text"),
        ("bbc", "markdown-it"),
        ("ttfp", "newsread text"),
        ("ttfp", "markdown-it"),
    ]
    assert result.stdout.splitlines()[0].split() == [
        "size",
        "parser",
        "median",
        "s",
        "MB/s",
        "ratio",
    ]


@pytest.mark.parametrize("target", [5_000, 40_000])
def test_generated_article_is_deterministic_and_big_enough(target: int) -> None:
    text = generate_article(target)
    assert len(text) >= target
    assert generate_article(target) == text
    assert generate_article(target, seed=2) != text


def test_generated_article_has_the_bbc_features() -> None:
    text = generate_article(30_000)
    for marker in ("- Author, ", "- Role, ", "Image source, ", "Image caption, ", "Related topics"):
        assert marker in text
    assert "“" in text and "won’t" in text
    article = parse(text, fmt="text")
    assert len(article.authors) == 2
    assert article.headings
    assert article.quotes
    blocks = article.blocks()
    assert any(isinstance(b, ImageCredit) for b in blocks)
    assert any(isinstance(b, Boilerplate) for b in blocks)
