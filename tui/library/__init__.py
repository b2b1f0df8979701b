"""The library: finding article files, the index, search, reading state and positions.

- :mod:`~tui.library.loader` finds article files under the given paths and parses them safely.
- :mod:`~tui.library.index` is the SQLite cache of every file's metadata and text (FTS5),
  with :mod:`~tui.library.entry` (what it keeps per article) and :mod:`~tui.library.search`
  (safe queries, snippets).
- :mod:`~tui.library.state` keeps read marks, bookmarks and positions (:mod:`~tui.library.positions`
  converts them), :mod:`~tui.library.dbpaths` stores any path as a key and
  :mod:`tui.dbfaults` (below every package) tells a damaged database from a full disk.
- :mod:`~tui.library.session` is one reading session of a library (files open, read marks,
  bookmarks, positions, parses kept), which the main screen calls from its workers.
- :mod:`~tui.library.prefetch` is the start-up helper process that parses the first article.

Textual-free, so it runs in worker threads, in the helper process and in plain unit tests. It
may import :mod:`tui.article` and :mod:`tui.settings.paths`, never Textual, Rich or the UI
packages (import-linter checks this).
"""
