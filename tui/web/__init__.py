"""The web: bounded fetching, feeds, OPML, reader mode (HTML → Article) and the offline store.

- :mod:`~tui.web.types` holds the records every part shares (limits, fetch results, feeds,
  entries, subscriptions), so the parts agree without importing each other.
- :mod:`~tui.web.fetch` fetches one URL politely and within bounds (urllib3, imported lazily).
  Its helpers: :mod:`~tui.web.deadline` (the wall-clock watchdog and the watched pools),
  :mod:`~tui.web.inflate` (gzip/deflate within the size cap), :mod:`~tui.web.fetch_errors`
  (short reasons for failures).
- :mod:`~tui.web.feeds` reads RSS/Atom (well-formed ones with lxml through the fast path
  :mod:`~tui.web.xmlfeed`, helped by :mod:`~tui.web.xmlwalk`, :mod:`~tui.web.xmltext` and
  :mod:`~tui.web.xmlnames`; the rest with feedparser) and JSON Feed (:mod:`~tui.web.jsonfeed`,
  captions from :mod:`~tui.web.mediarss`), and discovers feeds a page links;
  :mod:`~tui.web.opml` reads and writes subscription lists.
- :mod:`~tui.web.readable` turns an HTML page or a feed entry's content into an
  :class:`~tui.article.model.Article` with nothing lost (lxml).
- :mod:`~tui.web.store` keeps subscriptions, entries and fetched pages (raw bytes) in SQLite
  (faults handled by :mod:`~tui.web.sqlitefile`).
- :mod:`~tui.web.refresh` decides what to fetch and when, fetches in threads and merges.

Textual-free: it runs in worker threads and in the command line. It may import
:mod:`tui.article` and :mod:`tui.settings`, never Textual, Rich or the UI packages. The
third-party libraries (urllib3, feedparser, lxml) are imported inside the functions that need
them, so opening a file never loads them (a test checks this).
"""
