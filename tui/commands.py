"""The active keymap as a list of commands: the command palette's entries and the help screen's.

Both read the bindings *after* the user's keymap is applied, the way Textual itself does when it
dispatches a key, so a rebound key shows up everywhere it is described.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import partial

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from tui.article.records import record
from tui.widgets.article_tree import ArticleTree
from tui.widgets.reader_pane import ReaderPane

__all__ = [
    "AREAS",
    "COMMAND_NAMES",
    "UNNAMED",
    "KeyAction",
    "NewsreadCommands",
    "key_actions",
]

AREAS: dict[str, tuple[str, ...]] = {
    "Reading": ("scroll-down", "scroll-up", "page-down", "page-up", "scroll-top", "scroll-bottom"),
    "Moving": (
        "next-section",
        "previous-section",
        "next-article",
        "previous-article",
        "focus-next-pane",
    ),
    "Showing": (
        "toggle-quotes",
        "toggle-credits",
        "toggle-boilerplate",
        "toggle-fold",
        "toggle-sidebar",
        "widen-sidebar",
        "narrow-sidebar",
    ),
    "Links": ("show-links", "open-in-browser", "copy-url"),
    "Finding": ("find", "find-next", "find-previous", "close-find"),
    "Library": (
        "library-search",
        "next-unread",
        "toggle-read",
        "toggle-bookmark",
        "show-bookmarks",
        "group-by",
        "sort-by",
        "refresh-feeds",
    ),
    "Quotes": (
        "next-quote",
        "previous-quote",
        "show-quotes",
        "toggle-speakers",
        "copy-quote",
        "copy-paragraph",
    ),
    "App": ("help", "change-theme", "quit"),
}
"""Help-screen groups: area name → binding ids in display order."""

COMMAND_NAMES: dict[str, str] = {
    "scroll-down": "Scroll down",
    "scroll-up": "Scroll up",
    "page-down": "Page down",
    "page-up": "Page up",
    "scroll-top": "Go to the top",
    "scroll-bottom": "Go to the end",
    "next-section": "Next section",
    "previous-section": "Previous section",
    "next-article": "Next article",
    "previous-article": "Previous article",
    "focus-next-pane": "Switch between sidebar and article",
    "toggle-quotes": "Toggle quote highlighting",
    "toggle-credits": "Toggle image credits",
    "toggle-boilerplate": "Fold or unfold boilerplate",
    "toggle-fold": "Open or close a boilerplate fold",
    "toggle-sidebar": "Show or hide the sidebar",
    "widen-sidebar": "Wider sidebar",
    "narrow-sidebar": "Narrower sidebar",
    "find": "Find in article",
    "find-next": "Find next match",
    "find-previous": "Find previous match",
    "close-find": "Close find",
    "library-search": "Search the library",
    "next-unread": "Next unread article",
    "toggle-read": "Mark read or unread",
    "toggle-bookmark": "Bookmark the article",
    "show-bookmarks": "Show bookmarks",
    "group-by": "Group the sidebar",
    "sort-by": "Sort the sidebar",
    "refresh-feeds": "Refresh the feeds",
    "show-links": "List the article's links",
    "open-in-browser": "Open the article in the browser",
    "copy-url": "Copy the article's web address",
    "next-quote": "Next quotation",
    "previous-quote": "Previous quotation",
    "show-quotes": "Who said it: quotes by speaker",
    "toggle-speakers": "Show or hide speaker names",
    "copy-quote": "Copy quote as citation",
    "copy-paragraph": "Copy paragraph as citation",
    "help": "Help: keys",
    "change-theme": "Change theme",
    "quit": "Quit",
}
"""Stable command names by binding id (footer labels may carry state, such as "Quotes: on")."""

UNNAMED: dict[tuple[str, str], tuple[str, str]] = {
    ("ArticleTree", "cursor_up"): ("Sidebar", "Previous line"),
    ("ArticleTree", "cursor_down"): ("Sidebar", "Next line"),
    ("ArticleTree", "select_cursor"): ("Sidebar", "Open the article or section"),
    ("ArticleTree", "toggle_expand_all"): ("Sidebar", "Expand or collapse all"),
    ("App", "command_palette"): ("App", "Command palette"),
    ("App", "quit"): ("App", "Quit"),
}
"""Textual's own bindings (no id) worth listing: (node kind, action) → (area, name).

Other unnamed bindings (scrolling inherited by every scrollable widget, copy, focus cycling)
are Textual defaults and are left out of the help and the palette.
"""


def _kind(node: DOMNode) -> str:
    """ "App", "ArticleTree" or the class name: the node part of an :data:`UNNAMED` key."""
    if isinstance(node, App):
        return "App"
    if isinstance(node, ArticleTree):
        return "ArticleTree"
    return type(node).__name__


_AREA_OF = {binding_id: area for area, ids in AREAS.items() for binding_id in ids}
_ORDER = {binding_id: n for n, binding_id in enumerate(_AREA_OF)}


@record
class KeyAction:
    """One action and every key that currently triggers it."""

    node: DOMNode
    """Where the action runs (the app, the screen or a widget)."""
    action: str
    """The action string, run in ``node``'s namespace."""
    binding_id: str | None
    """The binding id (keymap name), or None for Textual's unnamed bindings."""
    keys: tuple[str, ...]
    """Display forms of the bound keys ("]", "^t", "f1")."""
    name: str
    """A short name for the action."""
    help: str
    """One sentence saying what the action does."""

    @property
    def area(self) -> str:
        """The help-screen group the action belongs to."""
        if self.binding_id is None:
            return UNNAMED.get((_kind(self.node), self.action), ("Other", ""))[0]
        return _AREA_OF.get(self.binding_id, "Other")

    @property
    def order(self) -> int:
        """Sort position within its area."""
        return _ORDER.get(self.binding_id or "", len(_ORDER))


def _binding_nodes(screen: Screen[object]) -> Iterable[DOMNode]:
    """The nodes whose keys matter on ``screen``: the app, the screen, its focusable widgets."""
    yield screen.app
    yield screen
    # Inputs' editing keys are not newsread commands, so only the two panes are asked.
    yield from screen.query(ReaderPane)
    yield from screen.query(ArticleTree)


def key_actions(screen: Screen[object]) -> list[KeyAction]:
    """Every described action bound on ``screen``, with the user's keymap applied.

    Args:
        screen: The screen to describe (the main screen, normally).

    Returns:
        One entry per (node, action), its keys merged, sorted by area then preferred order.
    """
    app: App[object] = screen.app
    # Textual keeps the keymap and per-node maps private; this mirrors Screen._binding_chain.
    keymap = app._keymap
    found: dict[tuple[int, str], KeyAction] = {}
    for node in _binding_nodes(screen):
        bindings = node._bindings.copy()
        if keymap:
            bindings.apply_keymap(keymap)
        for key, binding in bindings:
            if binding.system or not binding.description:
                continue
            unnamed = UNNAMED.get((_kind(node), binding.action))
            if binding.id is None and unnamed is None:
                continue
            display = app.get_key_display(binding.with_key(key, binding.key_display))
            slot = (id(node), binding.action)
            entry = found.get(slot)
            if entry is None:
                name = COMMAND_NAMES.get(binding.id or "", binding.description)
                if binding.id is None and unnamed is not None:
                    name = unnamed[1]
                found[slot] = KeyAction(
                    node, binding.action, binding.id, (display,), name, binding.tooltip or name
                )
            elif display not in entry.keys:
                binding_id = entry.binding_id or binding.id
                found[slot] = KeyAction(
                    node,
                    entry.action,
                    binding_id,
                    (*entry.keys, display),
                    COMMAND_NAMES.get(binding_id or "", entry.name),
                    entry.help if entry.binding_id else binding.tooltip or entry.help,
                )
    # Within an entry, printable keys first ("j / ↓" rather than "↓ / j").
    for slot, entry in found.items():
        keys = sorted(entry.keys, key=lambda k: not (len(k) == 1 and k.isascii()))
        found[slot] = dataclasses.replace(entry, keys=tuple(keys))
    areas = list(AREAS) + ["Sidebar", "Other"]
    return sorted(found.values(), key=lambda e: (areas.index(e.area), e.order))


class NewsreadCommands(Provider):
    """Command-palette entries for every newsread action (the ones with binding ids)."""

    def _commands(self) -> list[KeyAction]:
        return [entry for entry in key_actions(self.screen) if entry.binding_id]

    @staticmethod
    def _help(entry: KeyAction) -> str:
        return f"{entry.help}  ({' / '.join(entry.keys)})"

    async def discover(self) -> Hits:
        """List every command when the palette opens with no input.

        Yields:
            One discovery hit per action.
        """
        for entry in self._commands():
            yield DiscoveryHit(
                entry.name,
                partial(self.app.run_action, entry.action, entry.node),
                help=self._help(entry),
            )

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the commands against the palette input.

        Args:
            query: What the user typed.

        Yields:
            Hits for the matching commands.
        """
        matcher = self.matcher(query)
        for entry in self._commands():
            score = matcher.match(entry.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(entry.name),
                    partial(self.app.run_action, entry.action, entry.node),
                    text=entry.name,
                    help=self._help(entry),
                )
