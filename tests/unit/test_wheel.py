"""The built wheel ships examples and themes and runs from outside the checkout.

Builds the wheel once per module with ``pip wheel --no-build-isolation`` (hatchling is in the
dev virtualenv, so nothing is downloaded), unzips it, and runs ``python -m tui`` with only the
unzipped tree on ``PYTHONPATH`` from another directory. A few seconds; kept in the normal suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, THEMES

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build and unzip the wheel: (the .whl file, the unzipped tree)."""
    out = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation"]
        + ["-q", "-w", str(out)],
        check=True,
        capture_output=True,
        cwd=out,
        env=env,
        timeout=120,
    )
    [whl] = out.glob("newsread-*.whl")
    tree = out / "tree"
    with zipfile.ZipFile(whl) as archive:
        archive.extractall(tree)
    return whl, tree


def run_from_tree(tree: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Python with the unzipped wheel first on the path, from a directory outside the repo."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60
    )


def shipped(whl: Path, prefix: str) -> set[str]:
    with zipfile.ZipFile(whl) as archive:
        return {n[len(prefix) :] for n in archive.namelist() if n.startswith(prefix)}


def test_wheel_ships_every_example(wheel: tuple[Path, Path]) -> None:
    whl, _ = wheel
    expected = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.is_file()}
    assert any(Path(name).suffix in ARTICLE_SUFFIXES for name in expected)
    assert expected <= shipped(whl, "tui/_data/examples/")


def test_wheel_ships_every_theme(wheel: tuple[Path, Path]) -> None:
    whl, _ = wheel
    themes = {p.name for p in THEMES.glob("*.toml")}
    if not themes:
        pytest.skip("no themes/*.toml in the checkout yet")
    assert themes <= shipped(whl, "tui/_data/themes/")


def test_wheel_declares_the_newsread_command(wheel: tuple[Path, Path]) -> None:
    whl, _ = wheel
    with zipfile.ZipFile(whl) as archive:
        [entry_points] = [
            n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")
        ]
        text = archive.read(entry_points).decode()
    assert "newsread = tui.cli:main" in text


def test_installed_paths_point_into_the_wheel(wheel: tuple[Path, Path], tmp_path: Path) -> None:
    _, tree = wheel
    code = (
        "import json, tui, tui.settings.paths as p;"
        "print(json.dumps([tui.__file__, str(p.examples_dir()), str(p.themes_dir())]))"
    )
    result = run_from_tree(tree, tmp_path, "-c", code)
    assert result.returncode == 0, result.stderr
    module, examples, themes = (Path(x) for x in json.loads(result.stdout))
    assert module == tree / "tui" / "__init__.py"
    assert examples == tree / "tui" / "_data" / "examples"
    assert themes == tree / "tui" / "_data" / "themes"


def test_dump_runs_from_the_wheel(wheel: tuple[Path, Path], tmp_path: Path) -> None:
    _, tree = wheel
    examples = tree / "tui" / "_data" / "examples"
    markdown = sorted(examples.glob("*.md"))[0]
    result = run_from_tree(tree, tmp_path, "-m", "tui", "dump", str(markdown))
    assert result.returncode == 0, result.stderr
    title = next(
        line for line in markdown.read_text(encoding="utf-8").splitlines() if "title" in line
    )
    assert result.stdout.split("\n")[0] in title

    result = run_from_tree(tree, tmp_path, "-m", "tui", "dump", "--format", "json", str(examples))
    assert result.returncode == 0, result.stderr
    files = [json.loads(line)["file"] for line in result.stdout.splitlines()]
    articles = sorted(p for p in examples.rglob("*") if p.suffix in ARTICLE_SUFFIXES)
    assert files == [str(p) for p in articles]
