"""Time a terminal program in a real terminal: a private tmux server, polled with capture-pane.

Used by :mod:`tests.benchmarks.bench_ttfp` (stdlib only, Linux ``/proc`` for memory). The method:

1. A private tmux server (its own ``-L`` socket, no user config, status line off) gets a
   detached session whose pane runs ``sh -c 'read _ < GATE; exec env ... CMD'``, so the
   program has not started yet and tmux's own start-up is not timed.
2. ``t0`` is taken and a line is written to the GATE fifo: ``sh`` execs the program at once.
3. ``capture-pane -p`` is polled every few milliseconds until a marker is on screen: the
   time to first paint (an upper bound by at most one poll interval and one capture).
4. Optional steps: wait until the screen has been still for a moment, send keys with
   ``send-keys`` and poll until the expected change shows (a marker appears, or disappears
   when it starts with ``!``): the key → repaint latency, timed from the moment ``send-keys``
   has returned (tmux has written the keys to the pane).
5. Peak memory: VmHWM of the pane's process and every descendant, summed, in MiB.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["RunResult", "Step", "TmuxServer", "tmux_available"]

POLL_S = 0.002
"""Pause between two captures (each capture itself costs a few milliseconds)."""


def tmux_available() -> bool:
    """Whether a ``tmux`` binary is on the PATH."""
    return shutil.which("tmux") is not None


@dataclass(frozen=True)
class Step:
    """Keys to send once the screen is still, and the change that answers them."""

    label: str
    """Name in the results table."""
    keys: tuple[str, ...]
    """tmux key names (``PageDown``, ``G``, ``'"'``)."""
    marker: str
    """Text that must appear; with a leading ``!``, text that must disappear."""


@dataclass
class RunResult:
    """One run of one program."""

    first_paint_ms: float | None = None
    """From opening the gate to the first capture showing the marker; None if never seen."""
    steps_ms: dict[str, float] = field(default_factory=dict)
    """Key → expected-change latency per step label (missing when the change never came)."""
    peak_rss_mib: float = 0.0
    """Peak resident memory of the process tree, summed, after the last step."""
    error: str = ""
    """What went wrong, with the last screen, or ""."""


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text(errors="replace")
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2 :].split()[1])  # field 4 follows the ")" of comm
        kids.setdefault(ppid, []).append(int(name))
    return kids


def _tree(root: int) -> list[int]:
    kids, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def _hwm_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(errors="replace")
    except OSError:
        return False
    return stat[stat.rfind(")") + 2] != "Z"


def _shows(screen: str | None, marker: str) -> bool:
    if screen is None:
        return False
    return marker[1:] not in screen if marker.startswith("!") else marker in screen


class TmuxServer:
    """A private tmux server for timed runs; use as a context manager."""

    def __init__(self, width: int = 120, height: int = 40, term: str = "tmux-256color") -> None:
        """Start the server (a keeper session holds it up between runs).

        Args:
            width: Pane columns.
            height: Pane rows.
            term: TERM inside the panes.
        """
        self.width, self.height = width, height
        self._socket = f"nrbench-{os.getpid()}-{secrets.token_hex(3)}"
        self._base = [shutil.which("tmux") or "tmux", "-u", "-L", self._socket, "-f", "/dev/null"]
        size = ["-x", str(width), "-y", str(height)]
        self._tmux("new-session", "-d", "-s", "keeper", *size, "sleep 86400")
        for option in (
            ["default-size", f"{width}x{height}"],
            ["default-terminal", term],
            ["status", "off"],
            ["history-limit", "0"],
            ["default-shell", "/bin/sh"],
        ):
            self._tmux("set-option", "-g", *option)

    def __enter__(self) -> TmuxServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Kill the server (and so every session left)."""
        subprocess.run([*self._base, "kill-server"], capture_output=True, check=False)

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [*self._base, *args], capture_output=True, text=True, errors="replace", check=False
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def capture(self, target: str) -> str | None:
        """The visible screen of a session as plain text (None once it is gone)."""
        done = subprocess.run(
            [*self._base, "capture-pane", "-p", "-t", target],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None

    def _poll(self, target: str, marker: str, start: float, timeout: float, pid: int) -> float:
        """Milliseconds from ``start`` until ``marker`` shows; raises TimeoutError."""
        while True:
            screen = self.capture(target)
            now = time.perf_counter()
            if _shows(screen, marker):
                return (now - start) * 1000.0
            if now - start > timeout or not _alive(pid):
                raise TimeoutError(f"{marker!r} not seen; screen:\n{screen}")
            time.sleep(POLL_S)

    def _settle(self, target: str, still_s: float, timeout: float) -> None:
        """Wait until the screen has not changed for ``still_s`` seconds."""
        end = time.perf_counter() + timeout
        last, since = self.capture(target), time.perf_counter()
        while time.perf_counter() < end:
            time.sleep(0.02)
            screen = self.capture(target)
            if screen != last:
                last, since = screen, time.perf_counter()
            elif time.perf_counter() - since >= still_s:
                return

    def run(
        self,
        command: Sequence[str],
        marker: str,
        *,
        env: Mapping[str, str],
        steps: Sequence[Step] = (),
        timeout: float = 60.0,
        settle_s: float = 0.6,
    ) -> RunResult:
        """Start ``command`` behind the gate and time its first paint, then each step.

        Args:
            command: The program and its arguments.
            marker: Text whose appearance on screen is the first paint.
            env: Extra environment variables for the program.
            steps: Keys to send afterwards, each once the screen is still.
            timeout: Seconds to wait for any one marker.
            settle_s: How long the screen must be still before a step.

        Returns:
            The figures, or a result with ``error`` set.
        """
        session = f"run-{secrets.token_hex(4)}"
        gate = Path(f"/tmp/{self._socket}-{session}.gate")
        os.mkfifo(gate)
        inner = f"read _ < {shlex.quote(str(gate))}; exec " + shlex.join(
            ["env", *(f"{k}={v}" for k, v in env.items()), *command]
        )
        size = ["-x", str(self.width), "-y", str(self.height)]
        self._tmux("new-session", "-d", "-s", session, *size, "-c", os.getcwd(), inner)
        result = RunResult()
        pid = 0
        try:
            pid = int(self._tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
            result.first_paint_ms = self._poll(session, marker, self._open(gate), timeout, pid)
            for step in steps:
                self._settle(session, settle_s, timeout)
                if _shows(self.capture(session), step.marker):
                    raise RuntimeError(f"{step.label}: {step.marker!r} showed before the keys")
                self._tmux("send-keys", "-t", session, *step.keys)
                # The clock starts once tmux has written the keys to the pane: starting the
                # tmux client process is the harness's cost, not the program's.
                sent = time.perf_counter()
                result.steps_ms[step.label] = self._poll(session, step.marker, sent, timeout, pid)
            result.peak_rss_mib = sum(_hwm_kib(p) for p in _tree(pid)) / 1024
        except (TimeoutError, RuntimeError) as exc:
            result.error = str(exc)
        finally:
            self._tmux("kill-session", "-t", session, check=False)
            self._reap(pid)
            gate.unlink(missing_ok=True)
        return result

    @staticmethod
    def _open(gate: Path) -> float:
        """Write to the gate as soon as ``sh`` reads it; returns the time it opened."""
        end = time.monotonic() + 10
        while True:
            try:
                fd = os.open(gate, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as exc:  # ENXIO: no reader yet
                if exc.errno != errno.ENXIO or time.monotonic() > end:
                    raise
                time.sleep(0.001)
        start = time.perf_counter()
        os.write(fd, b"go\n")
        os.close(fd)
        return start

    @staticmethod
    def _reap(pid: int) -> None:
        """Wait for the program to go, then kill whatever of its tree is left."""
        if not pid:
            return
        end = time.monotonic() + 2
        while _alive(pid) and time.monotonic() < end:
            time.sleep(0.01)
        for child in reversed(_tree(pid)):
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGKILL)
