"""The link list (``l``): the article's links, filtered by typing; Enter opens, ``y`` copies.

The list has the focus, so ``y`` copies at once; any other printable key starts the filter
(the input takes the focus and the key), where every key types, ↑/↓ still move through the
list and Enter opens the highlighted link. Escape closes from either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.article.links import shorten_url
from tui.article.model import Link
from tui.article.sanitize import sanitize

__all__ = ["LinksScreen", "matches"]

_CHROME = 6
"""Cells of the list's width that are not text: border, padding, scrollbar."""


def matches(link: Link, query: str) -> bool:
    """Tell whether a link is kept by the filter.

    Args:
        link: A link of the article.
        query: What was typed: words that must each appear in the text or the address
            (case ignored).

    Returns:
        True when every word of the query is found.
    """
    haystack = f"{link.text}\n{link.url}".casefold()
    return all(word in haystack for word in query.casefold().split())


class LinksScreen(ModalScreen[None]):
    """Lists an article's links: text, then the address shortened to fit."""

    DEFAULT_CSS = """
    LinksScreen {
        align: center middle;
        & > Vertical {
            width: 80%;
            height: auto;
            max-height: 80%;
            border: round $primary;
            background: $surface;
        }
        & Input, & Input:focus {
            border: none;
            height: 1;
            padding: 0 1;
        }
        & OptionList, & OptionList:focus {
            border: none;
            height: auto;
            max-height: 1fr;
        }
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="close-links",
                tooltip="Close the link list"),
        Binding("y", "copy_link", "Copy URL", id="copy-link",
                tooltip="Copy the highlighted link's whole address"),
        # Reached only from the filter input (the list binds its own arrows).
        Binding("down", "move(1)", "Next link", show=False, id="next-link",
                tooltip="Highlight the next link"),
        Binding("up", "move(-1)", "Previous link", show=False, id="previous-link",
                tooltip="Highlight the previous link"),
    ]  # fmt: skip

    menu = getters.query_one("#links", OptionList)
    query_input = getters.query_one("#links-filter", Input)

    def __init__(
        self,
        links: Sequence[Link],
        *,
        open_url: Callable[[str], None],
        copy_url: Callable[[str], None],
    ) -> None:
        """Create the list.

        Args:
            links: The article's links, in order (at least one).
            open_url: Opens an address in the browser.
            copy_url: Copies an address (and says so).
        """
        super().__init__()
        self._links = tuple(links)
        self._open_url = open_url
        self._copy_url = copy_url
        self._shown: tuple[int, ...] = ()  # option index → link index, after the filter

    def compose(self) -> ComposeResult:
        """The filter input above the list."""
        with Vertical():
            yield Input(
                placeholder="Type to filter the links…", id="links-filter", select_on_focus=False
            )
            yield OptionList(id="links")

    def on_mount(self) -> None:
        """Fill the list and give it the focus (so ``y`` copies at once)."""
        self._refill()
        self.menu.focus()

    def on_resize(self) -> None:
        """Shorten the addresses again for the new width."""
        self._refill()

    def _option(self, link: Link, n: int, width: int) -> Option:
        # Link text and addresses come from the web: plain Content (never markup), sanitised
        # again here in case an article was built without the collector.
        text = " ".join(sanitize(link.text).split())
        url = sanitize(link.url)
        title = Content(text) if text else Content("(no text)").stylize("dim italic")
        return Option(Content.assemble(title, "\n", (shorten_url(url, width), "dim")), id=str(n))

    def _refill(self) -> None:
        """List the links the filter keeps, keeping the highlighted one when it stays."""
        menu = self.menu
        query = self.query_input.value
        kept = tuple(n for n, link in enumerate(self._links) if matches(link, query))
        was = self.highlighted
        width = max(10, self.app.size.width * 4 // 5 - _CHROME)
        menu.set_options(self._option(self._links[n], n, width) for n in kept)
        self._shown = kept
        if kept:
            menu.highlighted = kept.index(was) if was in kept else 0
        total = len(self._links)
        noun = "link" if total == 1 else "links"
        self.query_one(Vertical).border_title = (
            f"{total} {noun}" if len(kept) == total else f"{len(kept)} of {total} {noun}"
        )
        self.query_one(Vertical).border_subtitle = "Enter opens · y copies · Esc closes"

    @property
    def highlighted(self) -> int | None:
        """Index (in the links given) of the highlighted link, if any."""
        index = self.menu.highlighted if self.is_mounted else None
        if index is None or not 0 <= index < len(self._shown):
            return None
        return self._shown[index]

    @on(Input.Changed, "#links-filter")
    def _filter(self) -> None:
        self._refill()

    @on(Input.Submitted, "#links-filter")
    def _open_highlighted(self) -> None:
        self._open(self.highlighted)

    @on(OptionList.OptionSelected, "#links")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(self._shown[event.option_index])

    def _open(self, index: int | None) -> None:
        if index is None:
            self.app.bell()
        else:
            self._open_url(self._links[index].url)

    def on_key(self, event: events.Key) -> None:
        """Start the filter with a printable key pressed while the list has the focus."""
        if self.focused is self.query_input or not event.is_printable or not event.character:
            return
        if event.key in self.active_bindings:
            return  # y, or a key the list binds: the bindings run after this handler
        event.stop()
        event.prevent_default()
        field = self.query_input
        field.focus()
        field.insert_text_at_cursor(event.character)

    def action_copy_link(self) -> None:
        """Copy the highlighted link's address, whole."""
        index = self.highlighted
        if index is None:
            self.app.bell()
        else:
            self._copy_url(self._links[index].url)

    def action_move(self, step: int) -> None:
        """Move the list's highlight from the filter input."""
        if step > 0:
            self.menu.action_cursor_down()
        else:
            self.menu.action_cursor_up()

    def action_close(self) -> None:
        """Close the list."""
        self.dismiss(None)
