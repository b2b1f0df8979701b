"""newsread's screens: the main reading screen, help, bookmarks and library search.

``main.py``'s ``MainScreen(Screen)`` coordinates and composes, with no mixins: it owns the
bindings (listed from the groups in ``main_keys.py``), ``var`` state, workers and message
handlers, and calls ``screen.session`` (:class:`tui.library.session.LibrarySession`,
Textual-free), ``screen.opening`` (``article_opening.py``: the article in the pane and how the
chosen one gets there), ``screen.place`` (``reading_place.py``: positions and read marks
saved), ``screen.loader`` (``library_loading.py``: the files found, the index's progress, the
workers' work, the loading indicator), ``screen.library`` (``library_commands.py``: the
library keys), ``screen.reading`` (``reading_commands.py``: the keys for sections, articles,
find and the sidebar) and ``screen.panels`` (``main_panels.py``: the sidebar, quote list, find
bar, notice and the position shown). Screens may import widgets, never the app or the
command line.
"""

from __future__ import annotations
