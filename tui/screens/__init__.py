"""newsread's screens: the main reading screen, help, bookmarks and library search.

``main.py``'s ``MainScreen(Screen)`` coordinates and composes, with no mixins: it owns the
bindings, ``var`` state, workers and message handlers, and calls ``screen.session``
(:class:`tui.library.session.LibrarySession`, Textual-free), ``screen.opening``
(``article_opening.py``: the article in the pane and how the chosen one gets there),
``screen.place`` (``reading_place.py``: positions and read marks saved), ``screen.loader``
(``library_loading.py``: the files found, the index's progress), ``screen.library``
(``library_commands.py``: the library keys) and ``screen.panels`` (``main_panels.py``: the
sidebar, quote list, find bar and notice). Screens may import widgets, never the app or the
command line.
"""

from __future__ import annotations
