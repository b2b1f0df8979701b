"""The first-paint benchmark runs (tiny) in tmux and prints every row of its table."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.benchmarks.bench_ttfp import FIRST, KEY_STEPS, LAST, article_with_markers
from tests.conftest import REPO, run_script
from tui.article import parse

SCRIPT = REPO / "tests" / "benchmarks" / "bench_ttfp.py"
FIGURE = r"\d+\.\d (ms|MiB)\s+\d+\.\d–\d+\.\d"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="the benchmark needs tmux")
def test_tiny_run_prints_the_table() -> None:
    result = run_script(SCRIPT, "--tiny")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "ERROR" not in result.stdout
    paints = [line for line in lines if "first paint" in line]
    names = ["floor: bare Textual Static", "newsread examples/", "20 KB article", "60 KB article"]
    names.append("200-article library (warm)")
    assert len(paints) == len(names)
    for line, name in zip(paints, names, strict=True):
        assert name in line and re.search(FIGURE, line), line
    assert "1.00×" in paints[0]  # the floor is its own unit
    for step in KEY_STEPS:
        row = next(line for line in lines if f"key {step.label}" in line)
        assert re.search(FIGURE, row) and re.search(r"≤ 20 ms (ok|MISS)", row), row
    rss = [line for line in lines if "peak RSS" in line]
    assert len(rss) == 2 and all(re.search(FIGURE, line) for line in rss)
    assert sum("parse 0.02 MB" in line for line in lines) == 2


@pytest.mark.parametrize("size", [3_000, 20_000, 100_000])
def test_generated_article_opens_and_ends_with_the_markers(size: int) -> None:
    text = article_with_markers(size)
    assert len(text) >= size
    article = parse(text, fmt="text")
    paragraphs = article.paragraphs
    assert paragraphs[0].text.startswith(FIRST)
    assert paragraphs[-1].text.startswith(LAST)
    assert text.count(FIRST) == 1 and text.count(LAST) == 1
