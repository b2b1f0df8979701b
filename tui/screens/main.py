"""The main screen: status line, sidebar of articles and sections, reading pane, find bar, footer.

The screen owns the reading state (which article, the display toggles) in ``var`` attributes of
immutable values and passes the toggles down to the pane with ``data_bind``. Finding, indexing
and lazily parsing the library are in the base class,
:class:`tui.screens.library_screen.LibraryScreen`, which calls a Textual-free
:class:`tui.library.session.LibrarySession` for what is open, read marks, bookmarks and
positions. Quote navigation is the pane's (``reader.quotes``): this screen routes its keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import var
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Input, Tree

from tui.library.prefetch import Prefetch
from tui.screens.library_screen import LibraryScreen
from tui.settings.config import ReaderConfig
from tui.widgets.library_tree import LibraryTree
from tui.widgets.reader_pane import ReaderPane
from tui.widgets.status_line import StatusLine
from tui.widgets.toggle_footer import ToggleFooter

if TYPE_CHECKING:
    from tui.widgets.notice import Notice
    from tui.widgets.quote_navigator import QuoteNavigator

__all__ = ["NARROW", "READING_KEYS", "MainScreen"]

NARROW = 80
"""Below this many columns the sidebar starts hidden and the article takes the whole width."""

READING_KEYS = frozenset(
    ("scroll-down", "scroll-up", "page-down", "page-up", "scroll-top", "scroll-bottom")
)
"""The pane's bindings that read on while a sidebar has the focus (see MainScreen.on_key)."""


def _on_off(value: bool) -> str:
    return "on" if value else "off"


class MainScreen(LibraryScreen):
    """Reads the articles found under the given paths."""

    AUTO_FOCUS = "ReaderPane"  # reading keys work at once; Tab reaches the sidebar

    BINDINGS = [
        Binding("]", "next_section", "Section", id="next-section",
                tooltip="Scroll the article to the start of the next section"),
        Binding("[", "previous_section", "Prev section", show=False, id="previous-section",
                tooltip="Scroll the article to the start of the previous section"),
        Binding("J", "next_article", "Article", id="next-article",
                tooltip="Open the next article in the sidebar"),
        Binding("K", "previous_article", "Prev article", show=False, id="previous-article",
                tooltip="Open the previous article in the sidebar"),
        Binding('"', "toggle_quotes", "Quotes: on", id="toggle-quotes",
                tooltip="Highlight quotations and their speakers, or show them as plain text"),
        Binding("c", "toggle_credits", "Credits: on", show=False, id="toggle-credits",
                tooltip="Show or hide image and video credit markers"),
        Binding("z", "toggle_boilerplate", "Boilerplate", show=False, id="toggle-boilerplate",
                tooltip="Unfold or fold promos, related links and wire footers"),
        Binding("s", "toggle_sidebar", "Sidebar", show=False, id="toggle-sidebar",
                tooltip="Show or hide the list of articles and sections"),
        Binding(">", "resize_sidebar(5)", "Wider sidebar", show=False, id="widen-sidebar",
                tooltip="Give the sidebar a larger share of the terminal"),
        Binding("<", "resize_sidebar(-5)", "Narrower sidebar", show=False, id="narrow-sidebar",
                tooltip="Give the sidebar a smaller share of the terminal"),
        Binding("tab", "focus_next_pane", "Switch pane", show=False, id="focus-next-pane",
                tooltip="Move the keyboard focus between the sidebar and the article"),
        Binding("/", "find", "Find", id="find", tooltip="Search the article for some text"),
        Binding("n", "find_next", "Next match", show=False, id="find-next",
                tooltip="Go to the next match of the last search"),
        Binding("N", "find_previous", "Previous match", show=False, id="find-previous",
                tooltip="Go to the previous match of the last search"),
        Binding("escape", "close_find", "Close find", show=False, id="close-find",
                tooltip="Close the find bar and clear the match highlight"),
        Binding("a", "toggle_speakers", "Speakers: on", show=False, id="toggle-speakers",
                tooltip="Show or hide the “— Speaker” line after attributed quotations"),
        Binding("}", "next_quote", "Quote", id="next-quote",
                tooltip="Scroll to the next quotation and make it the current one"),
        Binding("{", "previous_quote", "Prev quote", show=False, id="previous-quote",
                tooltip="Scroll to the previous quotation and make it the current one"),
        Binding("w", "show_quotes", "Who said it", show=False, id="show-quotes",
                tooltip="Swap the sidebar between articles and the quotes grouped by speaker"),
        Binding("y", "copy_quote", "Copy quote", show=False, id="copy-quote",
                tooltip="Copy the current quotation as a Markdown citation"),
        Binding("Y", "copy_paragraph", "Copy paragraph", show=False, id="copy-paragraph",
                tooltip="Copy the paragraph at the top of the page as a Markdown citation"),
    ]  # fmt: skip

    section_index: var[int] = var(0)
    """The section at the top of the reading pane."""
    highlight_quotes: var[bool] = var(True)
    """Highlight quotations (bound to the pane)."""
    show_credits: var[bool] = var(True)
    """Show image-credit markers (bound to the pane)."""
    show_boilerplate: var[bool] = var(False)
    """Unfold boilerplate (bound to the pane)."""
    show_sidebar: var[bool] = var(True)
    """Whether the sidebar is displayed."""
    show_speakers: var[bool] = var(True)
    """Show the "— Speaker" line after attributed quotations (bound to the pane)."""
    show_quote_list: var[bool] = var(False)
    """Whether the sidebar shows the quote navigator instead of the article tree."""
    sidebar_share: var[int] = var(35)
    """Per cent of the terminal's width the sidebar (or the quote list) takes."""
    find_query: var[str] = var("")
    """The last search, repeated by find-next/find-previous ("" when none)."""

    reader = getters.query_one(ReaderPane)
    sidebar = getters.query_one(LibraryTree)
    status = getters.query_one(StatusLine)
    body = getters.query_one("#body", Horizontal)
    footer = getters.query_one(ToggleFooter)

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        reader: ReaderConfig | None = None,
        prefetch: Prefetch | None = None,
        configured_theme: str | None = None,
    ) -> None:
        """Create the screen.

        Args:
            paths: Files and folders to open (folders are searched recursively).
            reader: The ``[reader]`` settings to start with (defaults when None).
            prefetch: A helper parsing the first article (see :mod:`tui.library.prefetch`).
            configured_theme: The config's theme; a theme picked in the app is remembered in
                the reading state against it (None: picks are not remembered).
        """
        super().__init__(paths, prefetch=prefetch)
        self._configured_theme = configured_theme
        self._reader_config = reader if reader is not None else ReaderConfig()
        # Starting values only: set without watchers, since nothing is mounted yet.
        self.set_reactive(MainScreen.highlight_quotes, self._reader_config.highlight_quotes)
        self.set_reactive(MainScreen.show_credits, self._reader_config.show_credits)
        self.set_reactive(MainScreen.show_boilerplate, self._reader_config.show_boilerplate)
        self.set_reactive(MainScreen.show_speakers, self._reader_config.show_speakers)
        self._narrow = False
        self._sidebar_follow_due = False  # the sidebar cursor is to follow after this frame
        self._article_steps = 0  # next/previous article pressed before the files were known
        # Both start hidden, so they are made on first use: not drawing or styling them
        # before the first frame is part of a quick start.
        self._navigator: QuoteNavigator | None = None
        self._find_bar: Input | None = None
        self._notice: Notice | None = None

    def compose(self) -> ComposeResult:
        """Status line on top, sidebar and pane side by side, find bar and footer below."""
        yield StatusLine().data_bind(MainScreen.highlight_quotes)
        with Horizontal(id="body"):
            yield LibraryTree(id="sidebar")
            pane = ReaderPane(id="reader")
            pane.set_reactive(ReaderPane.measure, self._reader_config.measure)
            pane.set_reactive(ReaderPane.show_speakers, self._reader_config.show_speakers)
            yield pane.data_bind(
                MainScreen.highlight_quotes, MainScreen.show_credits, MainScreen.show_boilerplate
            ).data_bind(MainScreen.show_speakers)
        yield ToggleFooter(compact=True)

    def on_mount(self) -> None:
        """Pick the sidebar's starting state from the width and start loading."""
        self._narrow = self.app.size.width < NARROW
        self.show_sidebar = not self._narrow
        self.status.progress = "Loading…"
        self._relabel_toggles()
        self.start_library()
        if self._configured_theme is not None:
            self.app.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        """Keep a theme picked in the app for the next start (in the state, not the config)."""
        if self.state is not None and self._configured_theme is not None:
            self.state.set_theme(theme.name, self._configured_theme)

    # ----------------------------------------------------------------------- parts made on use

    @property
    def quote_list(self) -> QuoteNavigator:
        """The quote navigator (made, hidden, the first time it is asked for)."""
        if self._navigator is None:
            from tui.widgets.quote_navigator import QuoteNavigator

            navigator = QuoteNavigator(id="quotes")
            navigator.display = False
            navigator.styles.width = f"{self.sidebar_share}%"
            self.body.mount(navigator, after=self.sidebar)
            navigator.show_article(self.current_article)
            navigator.current_quote = self.quote_index  # kept in step by _mark_quote
            self._navigator = navigator
        return self._navigator

    @property
    def find_input(self) -> Input:
        """The find bar (made, hidden, the first time it is asked for)."""
        if self._find_bar is None:
            bar = Input(
                placeholder="Find: type, Enter searches, Esc closes", id="find", compact=True
            )
            bar.display = False
            self.mount(bar, before=self.footer)
            self._find_bar = bar
        return self._find_bar

    def show_notice(self, text: Content) -> None:
        """Say in the pane's place what happened and what to do (made on first use)."""
        if self._notice is None:
            from tui.widgets.notice import Notice

            self._notice = Notice(id="notice")
            self.body.mount(self._notice, after=self.reader)
        self._notice.update(text)
        self._notice.display = True
        self.reader.display = False

    def _hide_notice(self) -> None:
        if self._notice is not None and self._notice.display:
            self._notice.display = False
            self.reader.display = True
            if self.focused is None:
                self.reader.focus()

    @property
    def quote_index(self) -> int:
        """The current quotation (last moved to) of the article on screen; -1 for none.

        The pane owns it (``ReaderPane.quotes``); the navigator follows it (:meth:`_mark_quote`).
        """
        return self.reader.current_quote

    def _navigator_has_focus(self) -> bool:
        return self._navigator is not None and self._navigator.has_focus

    def _find_bar_open(self) -> bool:
        return self._find_bar is not None and self._find_bar.display

    # ----------------------------------------------------------------------- state

    def article_shown(self) -> None:
        """Reset the views that follow the article once a new one is in the pane."""
        article = self.current_article
        if article is None:
            return
        self._hide_notice()
        if self._navigator is not None:
            self._navigator.show_article(article)
        self.section_index = self.reader.current_section
        if self.find_query:
            self.reader.clear_find()
        self._show_position()

    def watch_section_index(self) -> None:
        """Keep the status line and sidebar cursor on the section being read."""
        self._show_position()

    def _show_position(self) -> None:
        article = self.current_article
        if article is None:
            return
        self.status.article_title = article.title
        section = self.section_index
        if 0 <= section < len(article.sections):
            self.status.section_title = article.sections[section].title or "Lead"
        # The sidebar follows a frame later: moving its cursor can redraw a screenful of tree
        # lines (G on a long article), which should not delay the article's own repaint.
        if not self._sidebar_follow_due:
            self._sidebar_follow_due = True
            self.call_after_refresh(self._sidebar_follow)

    def _sidebar_follow(self) -> None:
        self._sidebar_follow_due = False
        if self.current_article is not None:
            self.sidebar.show_position(self.shown_index, self.section_index)

    def watch_show_sidebar(self, show: bool) -> None:
        """Show or hide the sidebar; never leave the focus on a hidden widget."""
        self.sidebar.display = show and not self.show_quote_list
        if self.show_quote_list or self._navigator is not None:
            self.quote_list.display = show and self.show_quote_list
        if not show and (self.sidebar.has_focus or self._navigator_has_focus()):
            self.reader.focus()

    def watch_show_quote_list(self) -> None:
        """Swap the sidebar between the article tree and the quote navigator."""
        had_focus = self.sidebar.has_focus or self._navigator_has_focus()
        self.watch_show_sidebar(self.show_sidebar)
        if had_focus:
            self._sidebar_panel.focus()

    @property
    def _sidebar_panel(self) -> LibraryTree | QuoteNavigator:
        return self.quote_list if self.show_quote_list else self.sidebar

    def _watch_highlight_quotes(self) -> None:
        self._relabel_toggles()

    def _watch_show_credits(self) -> None:
        self._relabel_toggles()

    def _watch_show_speakers(self) -> None:
        self._relabel_toggles()

    def _relabel_toggles(self) -> None:
        """Put each toggle's state in its footer label ("Quotes: on")."""
        labels = {
            "toggle-quotes": f"Quotes: {_on_off(self.highlight_quotes)}",
            "toggle-credits": f"Credits: {_on_off(self.show_credits)}",
            "toggle-speakers": f"Speakers: {_on_off(self.show_speakers)}",
        }
        # Footer labels come from the bindings; this screen's map is its own copy, so
        # replacing a binding here changes only this screen (keymaps apply on top of it).
        key_to_bindings = self._bindings.key_to_bindings
        for key, bindings in key_to_bindings.items():
            key_to_bindings[key] = [
                dataclasses.replace(b, description=labels[b.id]) if b.id in labels else b
                for b in bindings
            ]
        self._relabel_footer(labels)

    def _relabel_footer(self, labels: dict[str, str]) -> None:
        """Change the shown toggles' footer labels in place.

        ``refresh_bindings`` makes the footer recompose every key (tens of ms per toggle);
        only when the footer has not drawn its keys yet is that needed (and cheap).
        """
        actions = {
            binding.action: labels[binding.id]
            for bindings in self._bindings.key_to_bindings.values()
            for binding in bindings
            if binding.id in labels
        }
        if not self.footer.relabel(actions):
            self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        """Hide the sidebar when the terminal becomes narrow, show it when it widens again."""
        narrow = event.size.width < NARROW
        if narrow != self._narrow:  # only on crossing, so a hand-made choice sticks otherwise
            self._narrow = narrow
            self.show_sidebar = not narrow

    # ----------------------------------------------------------------------- reading keys

    async def on_key(self, event: events.Key) -> None:
        """Give the article its reading keys while a sidebar has the focus.

        A key reaches here when neither the focused tree nor the screen bound it (the tree
        keeps the keys it needs: arrows, Enter). When the pane binds it to a reading action
        (``j``, ``space``, ``G``… or whatever the keymap says), the pane runs it.
        """
        tree = self.focused
        if not isinstance(tree, Tree):
            return
        # Key events reach the screen before the focused widget's bindings are tried (they
        # are, once the event has bubbled to the app): leave the tree the keys it binds.
        if any(
            tree.check_action(binding.action.partition("(")[0], ()) is not False
            for binding in self._bound(tree, event.key)
        ):
            return
        for binding in self._bound(self.reader, event.key):
            if binding.id in READING_KEYS:
                event.stop()
                await self.reader.run_action(binding.action)
                return

    def _bound(self, node: Widget, key: str) -> list[Binding]:
        """The node's bindings for ``key``, with the user's keymap applied."""
        bindings = node._bindings.copy()  # Textual keeps the per-node maps private
        if self.app._keymap:
            bindings.apply_keymap(self.app._keymap)
        return bindings.key_to_bindings.get(key, [])

    # ----------------------------------------------------------------------- messages

    @on(ReaderPane.SectionChanged)
    def _follow_section(self, message: ReaderPane.SectionChanged) -> None:
        self.section_index = message.section

    def on_quote_navigator_quote_selected(self, message: QuoteNavigator.QuoteSelected) -> None:
        """Go to the quotation chosen in the navigator (named, not ``@on``: made on use)."""
        self.reader.quotes.go_to(message.quote_index)

    @on(ReaderPane.QuoteChanged)
    def _mark_quote(self, message: ReaderPane.QuoteChanged) -> None:
        """Mark the pane's current quotation in the navigator too (once there is one)."""
        # The pane's value now, not the message's: another article may have come in since.
        if self._navigator is not None:
            self._navigator.current_quote = self.reader.current_quote

    # ----------------------------------------------------------------------- quote keys

    def action_next_quote(self) -> None:
        """Move to the next quotation."""
        self.reader.quotes.step(1)

    def action_previous_quote(self) -> None:
        """Move to the previous quotation."""
        self.reader.quotes.step(-1)

    def action_copy_quote(self) -> None:
        """Copy the current quotation (else the first at or below the top) as a citation."""
        self.reader.quotes.copy_quote()

    def action_copy_paragraph(self) -> None:
        """Copy the paragraph at the top of the page as a citation."""
        self.reader.quotes.copy_paragraph()

    def action_toggle_speakers(self) -> None:
        """Show or hide the "— Speaker" line after attributed quotations."""
        self.show_speakers = not self.show_speakers

    def action_show_quotes(self) -> None:
        """Show the quote navigator in the sidebar (focused), or go back to the articles."""
        showing = self.show_quote_list and self.show_sidebar
        self.show_sidebar = True
        self.show_quote_list = not showing
        if self.show_quote_list:
            self.quote_list.focus()

    @on(Input.Submitted, "#find")
    def _search(self, event: Input.Submitted) -> None:
        self.find_query = event.value
        self._close_find_bar()
        if event.value:
            self._find(backwards=False)
        else:
            self.reader.clear_find()

    # ----------------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape only closes find when there is something to close."""
        if action == "close_find":
            return bool(self._find_bar_open() or self.find_query)
        return True

    def _go_to_section(self, step: int) -> None:
        article = self.current_article
        if article is None:
            return
        target = self.reader.current_section + step
        if not 0 <= target < len(article.sections):
            self.app.bell()
            return
        self.reader.scroll_to_section(target)
        self.section_index = target

    def action_next_section(self) -> None:
        """Scroll to the next section."""
        self._go_to_section(1)

    def action_previous_section(self) -> None:
        """Scroll to the previous section."""
        self._go_to_section(-1)

    def _go_to_article(self, step: int) -> None:
        if not self.files:  # the library is still being found: move once it is
            self._article_steps += step
            return
        if self.sidebar.entry(self.article_index) is None:
            # Not listed yet (its index entry is on the way): go by the order files were found.
            near = self.article_index + step
            target: int | None = near if 0 <= near < len(self.files) else None
        else:
            target = self.sidebar.neighbour(self.article_index, step)
        if target is None:
            self.app.bell()
            return
        self.article_index = target

    def library_found(self) -> None:
        """Make the article moves asked for before the library's files were known."""
        steps, self._article_steps = self._article_steps, 0
        if steps:
            self._go_to_article(steps)

    def action_next_article(self) -> None:
        """Open the next article."""
        self._go_to_article(1)

    def action_previous_article(self) -> None:
        """Open the previous article."""
        self._go_to_article(-1)

    def action_toggle_quotes(self) -> None:
        """Switch quote highlighting on or off."""
        self.highlight_quotes = not self.highlight_quotes

    def action_toggle_credits(self) -> None:
        """Show or hide image-credit markers."""
        self.show_credits = not self.show_credits

    def action_toggle_boilerplate(self) -> None:
        """Unfold or fold boilerplate."""
        self.show_boilerplate = not self.show_boilerplate

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar."""
        self.show_sidebar = not self.show_sidebar

    def action_resize_sidebar(self, step: int) -> None:
        """Widen or narrow the sidebar by ``step`` per cent of the terminal, at least 4 cells.

        The share is taken from the width shown, so a sidebar held at its minimum width on a
        narrow terminal widens on the first press (its share is kept within 15–70%).
        """
        total = max(1, self.app.size.width)
        shown = self._sidebar_panel.outer_size.width if self.show_sidebar else 0
        cells = max(4, total * abs(step) // 100)
        target = shown + cells if step > 0 else shown - cells
        share = max(15, min(70, round(100 * target / total)))
        if not self.show_sidebar:
            share = self.sidebar_share  # showing it again is the change
        elif share == self.sidebar_share:
            self.app.bell()
        self.sidebar_share = share
        self.show_sidebar = True

    def watch_sidebar_share(self, share: int) -> None:
        """Size the sidebar and the quote list alike (a share, so a resize keeps it)."""
        self.sidebar.styles.width = f"{share}%"
        if self._navigator is not None:
            self._navigator.styles.width = f"{share}%"

    def action_focus_next_pane(self) -> None:
        """Move focus between the sidebar and the article (showing a hidden sidebar)."""
        if self.sidebar.has_focus or self._navigator_has_focus():
            self.reader.focus()
        else:
            self.show_sidebar = True
            self._sidebar_panel.focus()

    def action_find(self) -> None:
        """Open the find bar."""
        bar = self.find_input
        bar.display = True
        bar.value = self.find_query
        bar.select_all()
        bar.focus()

    def _find(self, *, backwards: bool) -> None:
        if not self.find_query:
            self.action_find()
        elif not self.reader.find(self.find_query, backwards=backwards):
            self.notify(f"Not found: {self.find_query}", severity="warning", markup=False)

    def action_find_next(self) -> None:
        """Go to the next match of the last search."""
        self._find(backwards=False)

    def action_find_previous(self) -> None:
        """Go to the previous match of the last search."""
        self._find(backwards=True)

    def _close_find_bar(self) -> None:
        if self._find_bar_open():
            self.find_input.display = False
            self.reader.focus()

    def action_close_find(self) -> None:
        """Close the find bar, or clear the match highlight when the bar is closed."""
        if self._find_bar_open():
            self._close_find_bar()
        else:
            self.find_query = ""
            self.reader.clear_find()
