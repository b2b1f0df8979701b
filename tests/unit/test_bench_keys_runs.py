"""The key-path benchmark runs (tiny) in tmux and reports both figures for every key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.benchmarks.bench_ttfp import KEY_STEPS
from tests.benchmarks.keypath import _KeyClock
from tests.conftest import REPO, run_script

SCRIPT = REPO / "tests" / "benchmarks" / "bench_keys.py"
FIGURE = r"\d+\.\d ms \(\d+\.\d–\d+\.\d\)"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="the benchmark needs tmux")
def test_tiny_run_prints_both_figures_for_each_key() -> None:
    result = run_script(SCRIPT, "--tiny")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    labels = ["x (replace the text)", *(step.label for step in KEY_STEPS)]
    for label in labels:
        row = next(line for line in lines if f"  {label}  " in line)
        assert len(re.findall(FIGURE, row)) == 2, row


def test_the_clock_logs_the_first_key_until_the_next_flush(tmp_path: Path) -> None:
    log = tmp_path / "keys.log"
    clock = _KeyClock(log)
    clock.flushed()  # a frame with no key before it is not logged
    clock.key_posted("pagedown")
    clock.key_posted("pagedown")  # the same key passed on to the screen
    clock.flushed()
    clock.flushed()
    clock.key_posted("G")
    clock.flushed()
    rows = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
    assert [key for key, _ in rows] == ["pagedown", "G"]
    assert all(float(ms) >= 0 for _, ms in rows)
