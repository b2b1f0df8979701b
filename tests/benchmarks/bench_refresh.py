"""Benchmark: ``newsread refresh`` of 200 feeds x 50 entries served from 127.0.0.1.

Run from the repository root::

    python tests/benchmarks/bench_refresh.py [--feeds 200] [--entries 50] [--threads 8]

Serves generated RSS 2.0 feeds (invented text) from a local threaded HTTP server, imports them
into a temporary data folder, and times ``newsread refresh`` in a subprocess: wall time and peak
memory (``ru_maxrss`` of that child, from ``os.wait4``). When ``newsboat`` is installed, runs
``newsboat -x reload`` on the same feeds with a temporary cache and config and prints both side
by side. Both get the same number of threads (newsread ``concurrency``/``per_host``, newsboat
``reload-threads``); every feed is on one host, so newsread's default per-host limit of 2 would
otherwise be the bottleneck. Target: faster than newsboat, peak memory under 150 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WORDS = [
    "harbour",
    "council",
    "ferry",
    "orchard",
    "market",
    "lantern",
    "quay",
    "valley",
    "choir",
    "bridge",
    "meadow",
    "festival",
    "rota",
    "tide",
    "beacon",
    "parish",
    "mill",
    "weir",
    "causeway",
    "granary",
]


def feed_xml(number: int, entries: int, base: str) -> bytes:
    """A generated RSS 2.0 feed (invented places, deterministic)."""
    items = []
    for i in range(entries):
        words = " ".join(WORDS[(number + i + k) % len(WORDS)] for k in range(40))
        items.append(
            f"<item><title>Feed {number} story {i}: the {WORDS[i % len(WORDS)]} of Ostervale"
            f"</title><link>{base}/story/{number}/{i}</link><guid>f{number}-{i}</guid>"
            f"<pubDate>Mon, 0{1 + i % 9} Jan 2024 10:00:00 GMT</pubDate>"
            f"<description>&lt;p&gt;{words}.&lt;/p&gt;</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Ostervale feed {number}</title><link>{base}/</link>"
        f"<description>Generated</description>{''.join(items)}</channel></rss>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bodies: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = self.bodies.get(self.path)
        self.send_response(200 if body is not None else 404)
        body = body if body is not None else b"missing"
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run ``cmd``; return (wall seconds, peak RSS in MB, exit status)."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0,):
        sys.stderr.write((child.stderr.read() if child.stderr else b"").decode()[-2000:])
    return wall, usage.ru_maxrss / 1024, child.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/feed/{n}.xml" for n in range(args.feeds)]
    _Handler.bodies = {f"/feed/{n}.xml": feed_xml(n, args.entries, base) for n in range(args.feeds)}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory(prefix="bench-refresh-") as tmp:
        root = Path(tmp)
        env = dict(os.environ)
        env.update(
            XDG_CONFIG_HOME=str(root / "config"),
            XDG_DATA_HOME=str(root / "data"),
            XDG_CACHE_HOME=str(root / "cache"),
            HOME=str(root),
        )
        config = root / "newsread.toml"
        config.write_text(
            f"[web]\nconcurrency = {args.threads}\nper_host = {min(16, args.threads)}\n"
            "keep_days = 0\n",
            encoding="utf-8",
        )
        opml = root / "feeds.opml"
        outlines = "".join(
            f'<outline type="rss" text="f{i}" xmlUrl="{u}"/>' for i, u in enumerate(urls)
        )
        opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
        newsread = [sys.executable, "-m", "tui", "--config", str(config)]
        subprocess.run(
            [*newsread, "feeds", "import", str(opml)], env=env, check=True, capture_output=True
        )
        wall, peak, status = measure([*newsread, "refresh"], env)
        print(f"feeds={args.feeds} entries={args.entries} threads={args.threads}")
        print(f"newsread refresh     {wall:6.2f} s  peak {peak:6.1f} MB  exit {status}")
        if shutil.which("newsboat") is None:
            print("newsboat              not installed (apt-get install newsboat)")
            return status
        (root / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
        (root / "nb-config").write_text(f"reload-threads {args.threads}\n", encoding="utf-8")
        cmd = [
            "newsboat",
            "-x",
            "reload",
            "-u",
            str(root / "urls"),
            "-c",
            str(root / "nb-cache.db"),
        ]
        cmd += ["-C", str(root / "nb-config")]
        nb_wall, nb_peak, nb_status = measure(cmd, env)
        print(f"newsboat -x reload   {nb_wall:6.2f} s  peak {nb_peak:6.1f} MB  exit {nb_status}")
        print(f"newsread/newsboat time ratio {wall / nb_wall:.2f}")
    server.shutdown()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
