"""The shelf: web entries and pages as a folder of ``.html`` files the library reads like any other.

The library is built on files (the index, search, bookmarks, positions and the start-up helper
all take paths), so the web joins it as a folder: ``cache_dir()/web`` holds one sub-folder per
feed, named for its title, with one file per stored entry, plus ``Opened pages`` for pages
opened with ``newsread URL``. The store (:mod:`tui.web.store`) stays the truth: the shelf is a
cache, rebuilt from it by :meth:`Shelf.sync` (deleting it loses nothing but opened pages'
place in the sidebar).

- A file holds the stored page's raw bytes when a page for the entry's link was fetched, else
  a small document made from the entry (:mod:`tui.web.shelf_html`).
- Names are stable and safe: ``<published> <title slug> <hash>.html``, the hash taken from
  the entry's feed URL and dedup key, the slug stripped of
  control, format and bidi characters, separators and leading dots; folders are the feed's
  title made safe the same way, ``(2)`` added on a clash.
- Only files whose bytes changed are written (each atomically); files of pruned entries and
  removed feeds are deleted.
- ``.shelf.json`` (the manifest, :mod:`tui.web.shelf_manifest`) maps each file to the address
  it is read as, its read key (what :class:`tui.library.state.ReadingState` keys marks by, so
  they outlive a rebuild), its feed, entry id and charset, and whether it is only a summary;
  this module re-exports its :data:`MANIFEST`, :class:`ShelfFile` and :func:`file_record`.

Textual-free; imports no third-party library (the store is SQLite).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.article.records import record
from tui.settings import paths
from tui.web.shelf_html import entry_document
from tui.web.shelf_manifest import (
    MANIFEST,
    ShelfFile,
    file_record,
    manifest_bytes,
    manifest_files,
    read_manifest,
    safe_relative,
)

if TYPE_CHECKING:
    from tui.web.store import WebStore

__all__ = [
    "MANIFEST",
    "OPENED",
    "Shelf",
    "ShelfChange",
    "ShelfFile",
    "default_root",
    "file_record",
    "safe_name",
]

OPENED = "Opened pages"
"""The folder of pages opened with ``newsread URL``."""
_NAME_CHARS = 60
_UNSAFE = re.compile(r"[/\\:*?\"<>|]+")
_SPACES = re.compile(r"\s+")
_LEADING = re.compile(r"^[.\s]+")


def default_root() -> Path:
    """Where the shelf lives: ``cache_dir()/web`` (a cache: rebuilt from the store)."""
    return paths.cache_dir() / "web"


def safe_name(text: str, fallback: str = "Untitled", limit: int = _NAME_CHARS) -> str:
    """A file or folder name made from hostile text: one line, no separators, no hidden tricks.

    Control, format (bidi overrides, zero-width), surrogate and unassigned characters go;
    path separators and characters other systems refuse become spaces; leading dots go (no
    hidden files, no ``..``).

    Args:
        text: A title from the web.
        fallback: The name when nothing is left.
        limit: The most characters kept.

    Returns:
        The name.
    """
    spaced = _SPACES.sub(" ", _UNSAFE.sub(" ", text))
    kept = "".join(ch for ch in spaced if not unicodedata.category(ch).startswith("C"))
    kept = _LEADING.sub("", _SPACES.sub(" ", kept)).strip()
    return kept[:limit].rstrip() or fallback


@record
class ShelfChange:
    """What a sync did to the shelf's files."""

    added: tuple[Path, ...] = ()
    """Files that were not there before."""
    changed: tuple[Path, ...] = ()
    """Files rewritten with other bytes."""
    removed: tuple[Path, ...] = ()
    """Files deleted (pruned entries, removed feeds)."""

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_LOCK = threading.Lock()


def _lock_for(root: Path) -> threading.Lock:
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(os.path.abspath(root), threading.Lock())


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _stamp(published: str | None) -> str:
    """``2024-05-03 1405`` from ``2024-05-03T14:05:00Z`` (file order is publication order)."""
    if published and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d.*", published):
        return f"{published[:10]} {published[11:13]}{published[14:16]}"
    return "undated"


def _file_name(key: str, title: str, published: str | None) -> str:
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{_stamp(published)} {safe_name(title, limit=50)} {digest}.html"


class Shelf:
    """The folder of ``.html`` files made from the web store.

    Args:
        root: The shelf's folder; :func:`default_root` when None.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else default_root()
        """The shelf's folder (one sub-folder per feed)."""

    @property
    def manifest_path(self) -> Path:
        """The manifest file."""
        return self.root / MANIFEST

    def url_of(self, path: Path | str) -> str | None:
        """The read key (canonical URL) of a shelf file; None for any other file."""
        found = file_record(path)
        if found is None or Path(os.path.abspath(path)).parent.parent != Path(
            os.path.abspath(self.root)
        ):
            return None
        return found.key

    def files(self) -> dict[Path, ShelfFile]:
        """Every file the manifest lists, by path."""
        data = read_manifest(self.manifest_path)
        return {self.root / name: entry for name, entry in manifest_files(data).items()}

    def folders(self) -> dict[str, str]:
        """Every feed's folder name on the shelf, by feed URL (one read of the manifest)."""
        feeds = read_manifest(self.manifest_path).get("feeds", {})
        if not isinstance(feeds, dict):
            return {}
        return {k: v for k, v in feeds.items() if safe_relative(v, parts=1)}

    def folder_of(self, feed_url: str) -> Path | None:
        """A feed's folder (None when the shelf has none for it)."""
        name = self.folders().get(feed_url)
        return self.root / name if name is not None else None

    # -- writing ---------------------------------------------------------------------------------

    def sync(self, store: WebStore, feeds: Iterable[str] | None = None) -> ShelfChange:
        """Bring the shelf in step with the store.

        Args:
            store: The web store.
            feeds: Only these feeds' folders (a refresh, feed by feed); every subscribed feed,
                the opened feeds and pages, and the removal of what the store no longer
                holds when None.

        Returns:
            The files added, rewritten and removed.
        """
        with _lock_for(self.root):
            return _Sync(self.root, store).run(None if feeds is None else set(feeds))

    def add_page(self, store: WebStore, url: str) -> Path | None:
        """Put a stored page (``newsread URL``) in :data:`OPENED`; None when none is stored."""
        with _lock_for(self.root):
            sync = _Sync(self.root, store)
            sync.opened_pages.setdefault(url, None)
            path = sync.write_page(url)
            sync.save()
            return path

    def add_feed(self, store: WebStore, url: str, title: str) -> Path | None:
        """Show a feed opened with ``newsread URL`` (not subscribed) with the others.

        Returns:
            Its folder, or None when it has no stored entries.
        """
        with _lock_for(self.root):
            sync = _Sync(self.root, store)
            sync.opened_feeds[url] = title
            sync.run({url})
            return sync.folders.get(url)


class _Sync:
    """One pass over the store, writing what changed (call under the root's lock)."""

    def __init__(self, root: Path, store: WebStore) -> None:
        self.root = root
        self.store = store
        data = read_manifest(root / MANIFEST)
        self.files = manifest_files(data)
        self.opened_feeds: dict[str, str] = dict(data.get("opened_feeds", {}))
        self.opened_pages: dict[str, None] = dict.fromkeys(data.get("opened_pages", []))
        old = data.get("feeds", {})
        self.old_folders: dict[str, str] = (
            {k: v for k, v in old.items() if safe_relative(v, parts=1)}
            if isinstance(old, dict)
            else {}
        )
        self.folders: dict[str, Path] = {}
        self.named = False  # the folders were named this pass (else the old ones are kept)
        self.added: list[Path] = []
        self.changed: list[Path] = []
        self.removed: list[Path] = []
        self._pages: set[str] | None = None

    def run(self, scope: set[str] | None) -> ShelfChange:
        titles = self._titles()
        self._name_folders(titles)
        for url in titles if scope is None else scope & titles.keys():
            self._write_feed(url, titles[url])
        if scope is None:
            for url in list(self.opened_pages):
                if self.write_page(url) is None:
                    del self.opened_pages[url]
            live = {folder.name for folder in self.folders.values()}
            live.add(OPENED)
            for name in [n for n in self.files if n.split("/", 1)[0] not in live]:
                self._remove(name)
        self.save()
        return ShelfChange(tuple(self.added), tuple(self.changed), tuple(self.removed))

    def _titles(self) -> dict[str, str]:
        """Feed URL → title, subscribed feeds in the order added, then the opened ones."""
        titles: dict[str, str] = {}
        for row in sorted(self.store.feeds(), key=lambda r: (r.added, r.url)):
            titles[row.url] = row.title or row.url
        for url, title in self.opened_feeds.items():
            titles.setdefault(url, title or url)
        return titles

    def _name_folders(self, titles: dict[str, str]) -> None:
        """Give each feed a folder: its old one while its title names it, else a fresh name."""
        self.named = True
        taken = {OPENED.casefold()}
        for url, title in titles.items():
            old = self.old_folders.get(url)
            base = safe_name(title, fallback="Feed")
            if isinstance(old, str) and old.casefold() not in taken and _stem(old) == base:
                name = old
            else:
                name, n = base, 1
                while name.casefold() in taken or _claimed(name, url, self.old_folders, titles):
                    n += 1
                    name = f"{base} ({n})"
            taken.add(name.casefold())
            self.folders[url] = self.root / name

    def _pages_stored(self) -> set[str]:
        if self._pages is None:
            self._pages = self.store.page_addresses()
        return self._pages

    def _write_feed(self, url: str, title: str) -> None:
        from tui.web.feeds import has_full_content

        folder = self.folders[url]
        wanted: set[str] = set()
        for entry in self.store.entries(url):
            # Named for the entry itself: two entries may share a link (a live page's updates).
            unique = f"{url}#{entry.dedup_key}"
            name = f"{folder.name}/{_file_name(unique, entry.title, entry.published)}"
            wanted.add(name)
            page = None
            if entry.link and entry.link in self._pages_stored():
                page = self.store.page(entry.link)
            if page is not None:
                data, target, charset = page.body, page.final_url, page.charset
                summary_only = False
            else:
                summary_only = entry.link is not None and not has_full_content(entry.to_entry())
                data = entry_document(entry, feed_title=title, summary_only=summary_only)
                target, charset = entry.link or f"{url}#{entry.dedup_key}", None
            record_ = ShelfFile(
                target, entry.read_key, url, entry.id, charset, summary_only, _digest(data)
            )
            self._put(name, data, record_)
        for name in [n for n, f in self.files.items() if f.feed_url == url and n not in wanted]:
            self._remove(name)

    def write_page(self, url: str) -> Path | None:
        page = self.store.page(url)
        if page is None:
            return None
        from tui.web.urls import canonical_url

        key = page.canonical_url or canonical_url(page.final_url)
        title = _page_title(page.body) or url
        name = f"{OPENED}/{_file_name(key, title, None).removeprefix('undated ')}"
        for old in [n for n, f in self.files.items() if f.feed_url is None and f.key == key]:
            if old != name:
                self._remove(old)
        data = page.body
        self._put(name, data, ShelfFile(page.final_url, key, None, None, page.charset, False,
                                        _digest(data)))  # fmt: skip
        return self.root / name

    def _put(self, name: str, data: bytes, entry: ShelfFile) -> None:
        path = self.root / name
        old = self.files.get(name)
        exists = path.is_file()
        if old is not None and old.digest == entry.digest and exists:
            if old != entry:
                self.files[name] = entry
            return
        _write_atomic(path, data)
        (self.changed if exists else self.added).append(path)
        self.files[name] = entry

    def _remove(self, name: str) -> None:
        path = self.root / name
        self.files.pop(name, None)
        try:
            path.unlink()
        except OSError:  # gone already, or not ours to delete: the manifest forgets it
            return
        self.removed.append(path)
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only when empty

    def save(self) -> None:
        manifest = manifest_bytes(
            feeds={url: folder.name for url, folder in self.folders.items()}
            if self.named
            else self.old_folders,
            opened_feeds=self.opened_feeds,
            opened_pages=list(self.opened_pages),
            files=self.files,
        )
        _write_atomic(self.root / MANIFEST, manifest)


def _stem(name: str) -> str:
    """A folder name without its ``(2)`` tie-breaker."""
    return re.sub(r" \(\d+\)$", "", name)


def _claimed(name: str, url: str, old: dict[str, str], titles: dict[str, str]) -> bool:
    """Whether another feed still shown already owns the folder ``name``."""
    return any(other != url and folder == name and other in titles for other, folder in old.items())


_TITLE = re.compile(rb"<title[^>]*>(.{1,2000}?)</title", re.I | re.S)


def _page_title(body: bytes) -> str:
    """A page's ``<title>`` for its file name (good enough: names are only a hint)."""
    import html

    match = _TITLE.search(body[:65536])
    if match is None:
        return ""
    return html.unescape(match[1].decode("utf-8", "replace"))
