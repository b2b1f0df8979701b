"""The start-up helper that parses the first article in another process (tui.library.prefetch)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.benchmarks.bench_parse import generate_article
from tui.library import prefetch
from tui.library.loader import PREFIX_CHARS, first_parse, parse_progressively
from tui.library.prefetch import prefetch_first
from tui.library.state import ReadingState, peek_last_opened


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def paragraphs(article: object) -> list[str]:
    return [p.text for p in article.paragraphs]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("size", "complete"), [(3_000, True), (200_000, False)])
def test_the_helper_parses_what_the_reader_would(tmp_path: Path, size: int, complete: bool) -> None:
    path = write(tmp_path / "news" / "story.txt", generate_article(size))
    helper = prefetch_first([tmp_path / "news"])
    assert helper is not None
    answer = helper.take(path, timeout=30)
    assert answer is not None
    article, whole = answer
    assert whole is complete
    expected = first_parse(path)
    assert expected is not None and expected[1] is complete
    assert paragraphs(article) == paragraphs(expected[0])
    assert article.title == expected[0].title


def test_the_helper_opens_the_last_article_read(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "a.txt", "First story\n\nThe first story's only paragraph.\n")
    second = write(folder / "b.txt", "Second story\n\nThe second story's only paragraph.\n")
    with ReadingState() as state:
        state.set_last_opened(second)
    helper = prefetch_first([folder])
    assert helper is not None
    answer = helper.take(second, timeout=30)
    assert answer is not None and answer[0].title == "Second story"


def test_an_answer_for_another_file_is_not_taken(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "a.txt", "First story\n\nThe first story's only paragraph.\n")
    other = write(folder / "b.txt", "Second story\n\nThe second story's only paragraph.\n")
    helper = prefetch_first([folder])
    assert helper is not None
    assert helper.take(other, timeout=30) is None
    assert helper.take(other, timeout=30) is None  # taken once: closed after


def test_closing_a_running_helper_stops_and_reaps_it(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", generate_article(2_000_000))
    helper = prefetch_first([path])
    assert helper is not None
    process = helper._process
    helper.close()
    helper.close()  # idempotent
    assert process.returncode is not None  # reaped: no zombie left behind
    assert helper.take(path) is None


def test_a_helper_with_nothing_to_parse_answers_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    helper = prefetch_first([tmp_path / "empty", tmp_path / "missing.txt"])
    assert helper is not None
    assert helper.take(tmp_path / "missing.txt", timeout=30) is None


def run_helper(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the helper exactly as prefetch_first starts it."""
    command = [sys.executable, "-I", "-c", prefetch._BOOT, prefetch._package_root(), *args]
    return subprocess.run(command, capture_output=True, check=False, timeout=60)


def test_the_helper_writes_only_its_answer(tmp_path: Path) -> None:
    """Run as prefetch_first runs it, it prints the pickled answer and nothing on stderr."""
    path = write(tmp_path / "s.txt", "Headline\n\nA paragraph of the story.\n")
    done = run_helper(str(path))
    assert done.returncode == 0 and done.stdout and done.stderr == b""
    missing = run_helper(str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and missing.stdout == b"" and missing.stderr == b""


PLANTED = ["pickle", "select", "random", "typing", "tempfile", "os", "sqlite3", "markdown_it"]
"""Module names a hostile folder might hold: each is imported by the helper or the stdlib."""


def plant(folder: Path, marker: Path) -> None:
    """Fill a folder with modules (and a ``tui`` package) that leave a mark when imported."""
    code = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
    for name in PLANTED:
        write(folder / f"{name}.py", code)
    write(folder / "tui" / "__init__.py", code)
    write(folder / "tui" / "library" / "__init__.py", code)
    write(folder / "tui" / "library" / "prefetch.py", code)
    write(folder / "sitecustomize.py", code)
    write(folder / "usercustomize.py", code)


def test_nothing_in_the_working_directory_or_environment_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper imports nothing from where the user stands or from PYTHON* variables."""
    marker = tmp_path / "ran.txt"
    cwd, elsewhere = tmp_path / "cwd", tmp_path / "pythonpath"
    plant(cwd, marker)
    plant(elsewhere, marker)
    write(tmp_path / "startup.py", f"open({str(marker)!r}, 'a').write('startup\\n')\n")
    path = write(cwd / "story.txt", "Headline\n\nA paragraph of the story.\n")
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("PYTHONPATH", str(elsewhere))
    monkeypatch.setenv("PYTHONSTARTUP", str(tmp_path / "startup.py"))
    monkeypatch.setenv("PYTHONUSERBASE", str(elsewhere))
    helper = prefetch_first([Path("story.txt")])
    assert helper is not None
    answer = helper.take(path, timeout=30)
    assert not marker.exists(), marker.read_text()
    assert answer is not None and answer[0].title == "Headline"  # it still does its work


def test_the_reader_does_not_wait_long_for_a_slow_helper(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", generate_article(4_000_000))
    helper = prefetch_first([path])
    assert helper is not None
    started = time.monotonic()
    answer = helper.take(path, timeout=0.0)  # the reader's screen is up: no more waiting
    assert time.monotonic() - started < 5  # it only reaps the helper it gave up on
    assert answer is None or answer[1] is False


def test_peek_last_opened_reads_without_creating_anything(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    assert peek_last_opened(db) is None
    assert not db.exists()
    with ReadingState(db) as state:
        assert peek_last_opened(db) is None
        state.set_last_opened(tmp_path / "x.txt")
    assert peek_last_opened(db) == os.path.abspath(tmp_path / "x.txt")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert peek_last_opened(garbage) is None
    assert garbage.read_bytes() == b"not a database at all" * 100


def test_a_first_parse_given_is_not_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.article as engine

    path = write(tmp_path / "long.txt", generate_article(PREFIX_CHARS * 4))
    first = first_parse(path)
    assert first is not None and first[1] is False
    parsed: list[int] = []
    loaded: list[Path] = []
    real_parse, real_load = engine.parse, engine.load
    monkeypatch.setattr(
        engine, "parse", lambda text, **kw: parsed.append(1) or real_parse(text, **kw)
    )
    monkeypatch.setattr(engine, "load", lambda p: loaded.append(p) or real_load(p))
    results = list(parse_progressively(path, first=first))
    assert [complete for _, _, complete in results] == [False, True]
    assert results[0][0] is first[0]
    assert parsed == []  # the opening is not parsed again
    assert loaded == [path]  # only the whole file is


def test_a_complete_first_parse_is_the_only_one(tmp_path: Path) -> None:
    path = write(tmp_path / "short.txt", "Headline\n\nA paragraph of the story.\n")
    first = first_parse(path)
    assert first is not None and first[1] is True
    assert list(parse_progressively(path, first=first)) == [(first[0], "", True)]
