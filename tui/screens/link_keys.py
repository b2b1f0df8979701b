"""The main screen's link keys: the link list (``l``), the article in the browser (``o``), its
address copied (``U``).

:data:`LINK_BINDINGS` go into ``MainScreen.BINDINGS``; each runs ``use_links(<command>)``, which
the screen passes to its :class:`LinkKeys` (``screen.links``). The article's address is
:func:`tui.article.links.article_url`; opening is :func:`tui.screens.browser.open_in_browser`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.article.links import article_url, is_openable, shorten_url
from tui.screens.browser import NOTICE_WIDTH, open_in_browser

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

__all__ = ["LINK_BINDINGS", "LinkKeys"]

LINK_BINDINGS = [
    Binding("l", "use_links('show')", "Links", show=False, id="show-links",
            tooltip="List the article's links: type to filter, Enter opens one, y copies it"),
    Binding("o", "use_links('open')", "Open in browser", show=False, id="open-in-browser",
            tooltip="Open the article's web address in the browser"),
    Binding("U", "use_links('copy')", "Copy URL", show=False, id="copy-url",
            tooltip="Copy the article's web address (a page's canonical URL, a file's url key)"),
]  # fmt: skip
"""The link keys of the main screen (``use_links`` actions)."""


class LinkKeys:
    """What the link keys of the main screen do."""

    def __init__(self, screen: MainScreen) -> None:
        """Create the keys of a screen.

        Args:
            screen: The screen whose current article they use.
        """
        self._screen = screen

    def run(self, command: str) -> None:
        """Run a link command.

        Args:
            command: ``show`` (the link list), ``open`` (the article in the browser) or
                ``copy`` (the article's address to the clipboard).
        """
        if command == "show":
            self.show_links()
        elif command == "open":
            self.open_article()
        elif command == "copy":
            self.copy_article_url()

    def show_links(self) -> None:
        """List the article's links, or say it has none."""
        from tui.screens.links import LinksScreen

        screen = self._screen
        article = screen.current_article
        if article is None:
            return
        if not article.links:
            screen.notify("This article has no links.", markup=False)
            return
        screen.app.push_screen(
            LinksScreen(article.links, open_url=self.open_url, copy_url=self.copy_url)
        )

    def open_article(self) -> None:
        """Open the article's web address in the browser, or say it has none."""
        url = self._article_url()
        if url is not None:
            self.open_url(url)

    def copy_article_url(self) -> None:
        """Copy the article's web address, or say it has none."""
        url = self._article_url()
        if url is not None:
            self.copy_url(url)

    def open_url(self, url: str) -> None:
        """Open an address in the browser (in a worker; only http, https and mailto).

        Args:
            url: The address.
        """
        open_in_browser(self._screen.app, url)

    def copy_url(self, url: str) -> None:
        """Copy an address, whole, and say so.

        Args:
            url: The address (only http, https and mailto are copied).
        """
        screen = self._screen
        if not is_openable(url):
            screen.notify(
                "Only web and mail addresses are copied.", severity="warning", markup=False
            )
            return
        screen.app.copy_to_clipboard(url)
        screen.notify(f"Copied {shorten_url(url, NOTICE_WIDTH)}", markup=False)

    def _article_url(self) -> str | None:
        article = self._screen.current_article
        if article is None:
            return None
        url = article_url(article)
        if url is None:
            self._screen.notify(
                "This article has no web address (a local file).", severity="warning", markup=False
            )
        return url
