"""newsread's screens: the main reading screen, help, bookmarks and library search.

The main screen is ``main.py`` on top of ``library_screen.py`` (finding and indexing the
library, the library keys) and ``library_opening.py`` (opening articles), with the library's
state in :class:`tui.library.session.LibrarySession` and the reader's place kept by
``reading_place.py``. Screens may import widgets, never the app or the command line.
"""

from __future__ import annotations
