"""Reading state against a model: killed writers and concurrent writers lose nothing.

``test_state.py`` kills a writer 20 times and runs two writers on separate paths. This file
adds what those do not cover:

- a model of every operation, so after each SIGKILL the whole state (read marks, bookmarks in
  order, position, last article) must equal the model after the last printed operation or the
  one after it (committed, killed before it could print) — nothing lost, nothing invented;
- writers that close and reopen the state every few operations, so kills also land in
  start-up (connection, integrity check, schema creation) and in closing;
- 100 kills in the ``fuzz`` run (a few in the normal run);
- concurrent writers that start together on a missing file and toggle the *same* bookmarks,
  so a lost update (two read-then-write toggles interleaving) would show in the parity.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import REPO
from tui.library.state import ReadingState

KINDS = 5
"""Operation ``i`` is of kind ``i % KINDS`` (see :data:`_WRITER` and :meth:`Model.apply`)."""

_WRITER = """
import sys
from pathlib import Path
from tui.library.state import ReadingState
db, start, stop = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
st = ReadingState(db)
for i in range(start, stop):
    kind = i % 5
    if kind == 0:
        st.set_position("/n/pos.txt", i, i % 7)
    elif kind == 1:
        st.set_read(f"/n/r-{i}.txt", True)
    elif kind == 2:
        st.toggle_bookmark(f"/n/bm-{i % 3}.txt")
    elif kind == 3:
        st.set_last_opened(f"/n/o-{i}.txt")
    else:  # start-up and closing are where a kill is most dangerous
        st.close()
        st = ReadingState(db)
        assert st.recovered_from is None, st.recovered_from
    print(i, flush=True)
"""


@dataclass
class Model:
    """The reading state the operations should have produced."""

    read: set[str] = field(default_factory=set)
    bookmarks: list[str] = field(default_factory=list)  # most recent first
    position: tuple[int, int] | None = None
    last: str | None = None

    @classmethod
    def of(cls, state: ReadingState) -> Model:
        """The model of what ``state`` holds now."""
        return cls(
            set(state.read_paths()),
            state.bookmarks(),
            state.position("/n/pos.txt"),
            state.last_opened(),
        )

    def copy(self) -> Model:
        return Model(set(self.read), list(self.bookmarks), self.position, self.last)

    def apply(self, i: int) -> Model:
        """The model after operation ``i`` (a new object)."""
        out = self.copy()
        kind = i % KINDS
        if kind == 0:
            out.position = (i, i % 7)
        elif kind == 1:
            out.read.add(f"/n/r-{i}.txt")
        elif kind == 2:
            path = f"/n/bm-{i % 3}.txt"
            if path in out.bookmarks:
                out.bookmarks.remove(path)
            else:
                out.bookmarks.insert(0, path)
        elif kind == 3:
            out.last = f"/n/o-{i}.txt"
        return out


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _writer(db: Path, start: int, stop: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db), str(start), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize(
    "kills",
    [pytest.param(6, id="6-kills"), pytest.param(100, id="100-kills", marks=pytest.mark.fuzz)],
)
def test_sigkill_leaves_the_model_state_or_a_kept_backup(tmp_path: Path, kills: int) -> None:
    db = tmp_path / "data" / "state.sqlite3"  # not created: the first kill may hit creation
    rng = random.Random(kills)
    model = Model()
    recovered: list[Path] = []
    for run in range(kills):
        base = run * 1_000_000
        proc = _writer(db, base, base + 1_000_000)
        assert proc.stdout is not None and proc.stderr is not None
        first = ""
        if run % 3:  # a third of the kills may land in interpreter start-up or state creation
            first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.1))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        out, err = proc.stdout.read(), proc.stderr.read()  # through the readline buffer
        proc.stdout.close()
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL, err
        printed = [int(line) for line in (first + out).split()]
        assert printed == list(range(base, base + len(printed)))
        with ReadingState(db) as st:
            if st.recovered_from is not None:  # allowed only with the old file kept
                assert st.recovered_from.exists() and st.recovered_from.stat().st_size > 0
                recovered.append(st.recovered_from)
                model = Model.of(st)
                continue
            for i in printed:
                model = model.apply(i)
            nxt = base + len(printed)  # may have committed before the kill stopped its print
            actual = Model.of(st)
            assert actual in (model, model.apply(nxt)), (run, printed[-3:])
            model = actual
        if db.exists():
            assert _integrity(db) == "ok"
        else:  # killed before its first write: the file is made by that write, nothing is lost
            assert model == Model()
    # SQLite's WAL survives killed processes: no recovery should ever have been needed.
    assert recovered == []


_CONCURRENT = """
import sys
from pathlib import Path
from tui.library.state import ReadingState
db, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
st = ReadingState(db)
assert st.recovered_from is None
toggles = [0, 0, 0]
for i in range(count):
    st.set_read(f"/n/{tag}-{i}.txt", True)
    st.set_position("/n/shared.txt", i, len(tag))
    st.toggle_bookmark(f"/n/shared-{i % 3}.txt")
    toggles[i % 3] += 1
    if i % 2:
        st.set_read(f"/n/shared-read-{i % 5}.txt", i % 4 == 1)
    if i % 25 == 24:  # reopen now and then: start-up while the others write
        st.close()
        st = ReadingState(db)
        assert st.recovered_from is None
print(*toggles)
"""


@pytest.mark.parametrize("writers", [2, 3])
def test_concurrent_writers_on_one_missing_file_keep_every_write(
    tmp_path: Path, writers: int
) -> None:
    db = tmp_path / "data" / "state.sqlite3"
    count = 150
    tags = [f"w{n}" + "x" * n for n in range(writers)]  # the tag length marks the position
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CONCURRENT, str(db), tag, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for tag in tags
    ]
    toggles = [0, 0, 0]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        for k, n in enumerate(out.split()):
            toggles[k] += int(n)
    assert toggles == [writers * len(range(k, count, 3)) for k in range(3)]
    assert _integrity(db) == "ok"
    with ReadingState(db) as st:
        assert st.recovered_from is None
        assert not list(db.parent.glob("*.corrupt-*"))
        read = st.read_paths()
        for tag in tags:  # the union of every writer's own marks
            assert {f"/n/{tag}-{i}.txt" for i in range(count)} <= read
        # Each toggle is one transaction: an even number of toggles leaves no bookmark.
        expected = {f"/n/shared-{k}.txt" for k in range(3) if toggles[k] % 2}
        assert set(st.bookmarks()) == expected
        assert len(st.bookmarks()) == len(expected)
        # The last position written wins; it is one writer's last, never a mixture.
        assert st.position("/n/shared.txt") in {(count - 1, len(tag)) for tag in tags}
        assert len(read) - writers * count <= 5  # the shared marks: at most five paths
