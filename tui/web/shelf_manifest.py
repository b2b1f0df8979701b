"""The shelf's manifest: ``.shelf.json``, what the shelf knows of each of its files.

The manifest maps each file (by its path under the shelf's root) to a :class:`ShelfFile`: the
address it is read as, its read key (what :class:`tui.library.state.ReadingState` keys marks
by, so they outlive a rebuild), its feed, entry id and charset, whether it is only a summary,
and a digest of its bytes. It also names each feed's folder and lists the feeds and pages
opened with ``newsread URL``. :mod:`tui.web.shelf` writes it on every sync; the library's
loader and session read it through :func:`file_record` for every ``.html`` file, so the
reading is cached by the file's modification time.

Textual-free; imports no third-party library.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from tui.article.records import record

__all__ = [
    "MANIFEST",
    "ShelfFile",
    "file_record",
    "manifest_bytes",
    "manifest_files",
    "read_manifest",
]

MANIFEST = ".shelf.json"
"""The manifest's name in the shelf's root (hidden: the library's walk skips it)."""
_VERSION = 1
_CACHE: dict[str, tuple[int, dict[str, ShelfFile]]] = {}


@record
class ShelfFile:
    """What the manifest says of one shelf file."""

    url: str
    """The address the file is read as (links resolve against it)."""
    key: str
    """The read key: read marks, bookmarks and positions are kept under it."""
    feed_url: str | None = None
    """The feed the entry came from (None for an opened page)."""
    entry_id: int | None = None
    """The entry's id in the store (None for an opened page)."""
    charset: str | None = None
    """The charset the server named for a stored page's raw bytes."""
    summary_only: bool = False
    """The file holds only the feed's summary; the whole article is on its link."""
    digest: str = ""
    """A hash of the bytes written (a sync writes only files whose bytes changed)."""


def read_manifest(path: Path) -> dict[str, Any]:
    """A manifest's contents; empty when it is missing, unreadable or of another version.

    Args:
        path: The manifest file.

    Returns:
        The decoded JSON object.
    """
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == _VERSION else {}


def manifest_files(data: dict[str, Any]) -> dict[str, ShelfFile]:
    """The file records of a manifest's contents, by name under the root (bad ones skipped).

    Args:
        data: What :func:`read_manifest` gave.

    Returns:
        Each file's record.
    """
    files: dict[str, ShelfFile] = {}
    for name, value in data.get("files", {}).items():
        if not safe_relative(name, parts=2):  # a damaged or planted manifest stays inside
            continue
        if isinstance(value, dict) and isinstance(value.get("url"), str):
            files[name] = ShelfFile(
                url=value["url"],
                key=str(value.get("key") or value["url"]),
                feed_url=value.get("feed_url"),
                entry_id=value.get("entry_id"),
                charset=value.get("charset"),
                summary_only=bool(value.get("summary_only")),
                digest=str(value.get("digest", "")),
            )
    return files


def manifest_bytes(
    *,
    feeds: dict[str, str],
    opened_feeds: dict[str, str],
    opened_pages: list[str],
    files: dict[str, ShelfFile],
) -> bytes:
    """A manifest's bytes, stamped with the time written.

    Args:
        feeds: Feed URL → its folder's name.
        opened_feeds: Feeds opened with ``newsread URL`` (not subscribed): URL → title.
        opened_pages: Pages opened with ``newsread URL``, in the order opened.
        files: Each file's record, by name under the root.

    Returns:
        The JSON, encoded.
    """
    data = {
        "version": _VERSION,
        "written": time.time(),
        "feeds": feeds,
        "opened_feeds": opened_feeds,
        "opened_pages": opened_pages,
        "files": {
            name: {
                "url": f.url,
                "key": f.key,
                "feed_url": f.feed_url,
                "entry_id": f.entry_id,
                "charset": f.charset,
                "summary_only": f.summary_only,
                "digest": f.digest,
            }
            for name, f in sorted(files.items())
        },
    }
    return json.dumps(data, indent=1).encode()


def file_record(path: Path | str) -> ShelfFile | None:
    """What the manifest of the shelf holding ``path`` says of it (None outside a shelf).

    The manifest is looked for in the file's folder's parent (``<root>/<feed>/<file>``) and
    read again only when it changed, so the library's loader can ask for every ``.html`` file.

    Args:
        path: A file.

    Returns:
        Its record, or None.
    """
    target = Path(os.path.abspath(path))
    root = target.parent.parent
    manifest = root / MANIFEST
    try:
        stamp = manifest.stat().st_mtime_ns
    except OSError:
        return None
    cached = _CACHE.get(str(manifest))
    if cached is None or cached[0] != stamp:
        cached = (stamp, manifest_files(read_manifest(manifest)))
        _CACHE[str(manifest)] = cached
    return cached[1].get(target.relative_to(root).as_posix())


def safe_relative(name: object, *, parts: int) -> bool:
    """Whether a manifest name is ``parts`` plain names under the shelf root.

    The manifest is a file anyone could edit: a name with ``..``, an empty or absolute part or a
    backslash would make a sync read or delete outside the shelf.

    Args:
        name: The name as the manifest holds it.
        parts: 1 for a feed's folder, 2 for ``folder/file``.

    Returns:
        True when every part is a plain name.
    """
    if not isinstance(name, str) or "\\" in name or "\0" in name:
        return False
    pieces = name.split("/")
    return len(pieces) == parts and all(p and p not in (".", "..") for p in pieces)
