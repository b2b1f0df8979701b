"""The main screen's panels: sidebar and quote list, find bar, notice, key labels, position.

:class:`SidePanels` is composed into the main screen (``screen.panels``). The quote list, the
find bar and the notice start hidden, so they are made on first use: not drawing or styling
them before the first frame is part of a quick start. It also shows where the reader is (the
status line's titles, the sidebar's cursor) and how the sidebar is arranged. The screen's
watchers and actions call it; the state it acts on (``show_sidebar``, ``show_quote_list``,
``sidebar_share``, ``find_query``, ``section_index``, ``grouping``, ``sorting``) stays in the
screen's ``var`` attributes.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from textual.widgets import Input, Tree

from tui.screens.library_loading import arrangement_title

if TYPE_CHECKING:
    from textual import events
    from textual.binding import Binding
    from textual.content import Content
    from textual.widget import Widget

    from tui.article.model import Article
    from tui.screens.main import MainScreen
    from tui.widgets.library_tree import LibraryTree
    from tui.widgets.notice import Notice
    from tui.widgets.quote_navigator import QuoteNavigator

__all__ = ["SidePanels"]


def _on_off(value: bool) -> str:
    return "on" if value else "off"


class SidePanels:
    """The main screen's sidebar, quote list, find bar and notice."""

    def __init__(self, screen: MainScreen) -> None:
        """Create the panels of a screen (made when first asked for).

        Args:
            screen: The screen they are mounted in.
        """
        self._screen = screen
        self.navigator: QuoteNavigator | None = None
        """The quote navigator, once made."""
        self._find_bar: Input | None = None
        self._notice: Notice | None = None
        self._sidebar_follow_due = False  # the sidebar cursor is to follow after this frame

    # ----------------------------------------------------------------------- made on use

    @property
    def quote_list(self) -> QuoteNavigator:
        """The quote navigator (made, hidden, the first time it is asked for)."""
        if self.navigator is None:
            from tui.widgets.quote_navigator import QuoteNavigator

            screen = self._screen
            navigator = QuoteNavigator(id="quotes")
            navigator.display = False
            navigator.styles.width = f"{screen.sidebar_share}%"
            screen.body.mount(navigator, after=screen.sidebar)
            navigator.show_article(screen.current_article)
            navigator.current_quote = screen.quote_index  # kept in step by _mark_quote
            self.navigator = navigator
        return self.navigator

    @property
    def find_input(self) -> Input:
        """The find bar (made, hidden, the first time it is asked for)."""
        if self._find_bar is None:
            bar = Input(
                placeholder="Find: type, Enter searches, Esc closes", id="find", compact=True
            )
            bar.display = False
            self._screen.mount(bar, before=self._screen.footer)
            self._find_bar = bar
        return self._find_bar

    def show_notice(self, text: Content) -> None:
        """Say in the pane's place what happened and what to do (made on first use)."""
        screen = self._screen
        if self._notice is None:
            from tui.widgets.notice import Notice

            self._notice = Notice(id="notice")
            screen.body.mount(self._notice, after=screen.reader)
        self._notice.update(text)
        self._notice.display = True
        screen.reader.display = False

    def hide_notice(self) -> None:
        """Give the pane its place back (an article came in)."""
        if self._notice is not None and self._notice.display:
            self._notice.display = False
            self._screen.reader.display = True
            if self._screen.focused is None:
                self._screen.reader.focus()

    def show_article(self, article: Article) -> None:
        """Show a new article's quotations in the quote list (once there is one)."""
        if self.navigator is not None:
            self.navigator.show_article(article)

    # ----------------------------------------------------------------------- the sidebar

    def show_position(self) -> None:
        """Put the article and section being read in the status line and the sidebar."""
        screen = self._screen
        article = screen.current_article
        if article is None:
            return
        screen.status.article_title = article.title
        section = screen.section_index
        if 0 <= section < len(article.sections):
            screen.status.section_title = article.sections[section].title or "Lead"
        # The sidebar follows a frame later: moving its cursor can redraw a screenful of tree
        # lines (G on a long article), which should not delay the article's own repaint.
        if not self._sidebar_follow_due:
            self._sidebar_follow_due = True
            screen.call_after_refresh(self._sidebar_follow)

    def _sidebar_follow(self) -> None:
        self._sidebar_follow_due = False
        screen = self._screen
        if screen.current_article is not None:
            screen.sidebar.show_position(screen.shown_index, screen.section_index)

    def regroup(self) -> None:
        """Group and sort the sidebar as the screen says, keeping the article's place."""
        screen = self._screen
        if screen.is_mounted:
            screen.sidebar.regroup(screen.grouping, screen.sorting)
            if screen.shown_index >= 0:
                screen.sidebar.show_position(screen.shown_index, None)
            self.show_arrangement()

    def show_arrangement(self) -> None:
        """Title the sidebar with how many articles it lists, how grouped and sorted."""
        screen = self._screen
        count = screen.sidebar.article_count or len(screen.files)
        screen.sidebar.border_title = arrangement_title(count, screen.grouping, screen.sorting)

    def navigator_has_focus(self) -> bool:
        """Whether the quote list has the keyboard focus."""
        return self.navigator is not None and self.navigator.has_focus

    def sidebar_has_focus(self) -> bool:
        """Whether the article tree or the quote list has the keyboard focus."""
        return self._screen.sidebar.has_focus or self.navigator_has_focus()

    @property
    def sidebar_panel(self) -> LibraryTree | QuoteNavigator:
        """What the sidebar shows: the article tree or the quote list."""
        screen = self._screen
        return self.quote_list if screen.show_quote_list else screen.sidebar

    def show_sidebar(self, show: bool) -> None:
        """Show or hide the sidebar; never leave the focus on a hidden widget."""
        screen = self._screen
        screen.sidebar.display = show and not screen.show_quote_list
        if screen.show_quote_list or self.navigator is not None:
            self.quote_list.display = show and screen.show_quote_list
        if not show and self.sidebar_has_focus():
            screen.reader.focus()

    def swap_sidebar(self) -> None:
        """Swap the sidebar between the article tree and the quote list (keeping the focus)."""
        had_focus = self.sidebar_has_focus()
        self.show_sidebar(self._screen.show_sidebar)
        if had_focus:
            self.sidebar_panel.focus()

    def size_sidebar(self, share: int) -> None:
        """Size the sidebar and the quote list alike (a share, so a resize keeps it)."""
        self._screen.sidebar.styles.width = f"{share}%"
        if self.navigator is not None:
            self.navigator.styles.width = f"{share}%"

    def resized_share(self, step: int) -> int:
        """The sidebar's share after widening or narrowing it by ``step`` per cent (0: no change).

        The share is taken from the width shown, so a sidebar held at its minimum width on a
        narrow terminal widens on the first press (its share is kept within 15–70%); a
        hidden sidebar keeps its share (showing it again is the change).
        """
        screen = self._screen
        total = max(1, screen.app.size.width)
        shown = self.sidebar_panel.outer_size.width if screen.show_sidebar else 0
        cells = max(4, total * abs(step) // 100)
        target = shown + cells if step > 0 else shown - cells
        share = max(15, min(70, round(100 * target / total)))
        if not screen.show_sidebar:
            return screen.sidebar_share
        return 0 if share == screen.sidebar_share else share

    # ----------------------------------------------------------------------- the find bar

    def find_bar_open(self) -> bool:
        """Whether the find bar is shown."""
        return self._find_bar is not None and self._find_bar.display

    def open_find_bar(self, query: str) -> None:
        """Show the find bar holding the last search, selected."""
        bar = self.find_input
        bar.display = True
        bar.value = query
        bar.select_all()
        bar.focus()

    def close_find_bar(self) -> None:
        """Hide the find bar (if shown) and give the focus back to the pane."""
        if self.find_bar_open():
            self.find_input.display = False
            self._screen.reader.focus()

    # ----------------------------------------------------------------------- keys

    def relabel_toggles(self) -> None:
        """Put each toggle's state in its footer label ("Quotes: on")."""
        screen = self._screen
        labels = {
            "toggle-quotes": f"Quotes: {_on_off(screen.highlight_quotes)}",
            "toggle-credits": f"Credits: {_on_off(screen.show_credits)}",
            "toggle-speakers": f"Speakers: {_on_off(screen.show_speakers)}",
        }
        # Footer labels come from the bindings; this screen's map is its own copy, so
        # replacing a binding here changes only this screen (keymaps apply on top of it).
        key_to_bindings = screen._bindings.key_to_bindings
        for key, bindings in key_to_bindings.items():
            key_to_bindings[key] = [
                dataclasses.replace(b, description=labels[b.id]) if b.id in labels else b
                for b in bindings
            ]
        # refresh_bindings makes the footer recompose every key (tens of ms per toggle):
        # only when the footer has not drawn its keys yet is that needed (and cheap).
        actions = {
            binding.action: labels[binding.id]
            for bindings in key_to_bindings.values()
            for binding in bindings
            if binding.id in labels
        }
        if not screen.footer.relabel(actions):
            screen.refresh_bindings()

    def reading_binding(self, event: events.Key, reading_keys: frozenset[str]) -> Binding | None:
        """The pane's reading binding for a key pressed while a sidebar tree has the focus.

        None when no tree has the focus, when the tree binds the key itself, or when the
        pane's binding for it is not one of ``reading_keys``.
        """
        screen = self._screen
        tree = screen.focused
        if not isinstance(tree, Tree):
            return None
        # Key events reach the screen before the focused widget's bindings are tried (they
        # are, once the event has bubbled to the app): leave the tree the keys it binds.
        if any(
            tree.check_action(binding.action.partition("(")[0], ()) is not False
            for binding in self._bound(tree, event.key)
        ):
            return None
        for binding in self._bound(screen.reader, event.key):
            if binding.id in reading_keys:
                return binding
        return None

    def _bound(self, node: Widget, key: str) -> list[Binding]:
        """The node's bindings for ``key``, with the user's keymap applied."""
        bindings = node._bindings.copy()  # Textual keeps the per-node maps private
        keymap = self._screen.app._keymap
        if keymap:
            bindings.apply_keymap(keymap)
        return bindings.key_to_bindings.get(key, [])
