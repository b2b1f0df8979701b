"""The main screen: status line, sidebar of articles and sections, reading pane, find bar, footer.

:class:`MainScreen` coordinates; it inherits no behaviour but Textual's ``Screen``. It holds
the reading state (which article, the display toggles) in ``var`` attributes of immutable
values, passes the toggles down to the pane with ``data_bind``, owns the bindings, the
workers and the message handlers, and composes the objects that do the work:

- ``session``: :class:`tui.library.session.LibrarySession` (Textual-free): what is open,
  read marks, bookmarks, positions, the parses kept, the find and index work of the workers;
- ``opening``: :class:`tui.screens.article_opening.ArticleOpening`: which article is in the
  pane and how the chosen one gets there (its parse, the whole swapped in, where to go);
- ``place``: :class:`tui.screens.reading_place.ReadingPlace`: positions and read marks saved;
- ``loader``: :class:`tui.screens.library_loading.LibraryLoading`: the first article, the
  files found and the index's progress in the sidebar and status line;
- ``library``: :class:`tui.screens.library_commands.LibraryCommands`: the library keys;
- ``reading``: :class:`tui.screens.reading_commands.ReadingCommands`: the keys for sections,
  articles, find, the sidebar and the quote list;
- ``panels``: :class:`tui.screens.main_panels.SidePanels`: the sidebar, the quote list, the
  find bar and the notice, made on first use.

Quote navigation is the pane's (``reader.quotes``): this screen routes its keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, getters, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from tui.article.model import Article
from tui.article.sanitize import shown_name
from tui.library.prefetch import Prefetch
from tui.library.session import LibrarySession
from tui.library.state import ReadingState
from tui.screens.article_opening import ArticleOpening, ArticleParsed, Opened
from tui.screens.library_commands import LibraryCommands
from tui.screens.library_loading import (
    LOADING_DELAY,
    EntriesIndexed,
    IndexFinished,
    LibraryFound,
    LibraryLoading,
)
from tui.screens.link_keys import LINK_BINDINGS, LinkKeys
from tui.screens.main_keys import (
    DISPLAY_KEYS,
    FIND_KEYS,
    LIBRARY_KEYS,
    MOVING_KEYS,
    QUOTE_KEYS,
    SIDEBAR_KEYS,
)
from tui.screens.main_panels import SidePanels
from tui.screens.reading_commands import ReadingCommands
from tui.screens.reading_place import ReadingPlace
from tui.screens.web_refresh import WEB_KEYS, WebRefresh, WebUpdated
from tui.settings.config import ReaderConfig
from tui.widgets.article_tree import ArticleTree
from tui.widgets.library_tree import GROUPINGS, SORTINGS, Grouping, LibraryTree, Sorting
from tui.widgets.reader_pane import ReaderPane
from tui.widgets.status_line import StatusLine
from tui.widgets.toggle_footer import ToggleFooter

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tui.screens.article_opening import Parse
    from tui.widgets.quote_navigator import QuoteNavigator

__all__ = ["LOADING_DELAY", "NARROW", "READING_KEYS", "MainScreen"]

NARROW = 80
"""Below this many columns the sidebar starts hidden and the article takes the whole width."""

READING_KEYS = frozenset(
    ("scroll-down", "scroll-up", "page-down", "page-up", "scroll-top", "scroll-bottom")
)
"""The pane's bindings that read on while a sidebar has the focus (see MainScreen.on_key)."""


class MainScreen(Screen[None]):
    """Reads the articles found under the given paths."""

    AUTO_FOCUS = "ReaderPane"  # reading keys work at once; Tab reaches the sidebar

    BINDINGS = [
        *LIBRARY_KEYS,
        *MOVING_KEYS,
        *DISPLAY_KEYS,
        *SIDEBAR_KEYS,
        *FIND_KEYS,
        *QUOTE_KEYS,
        *WEB_KEYS,
        *LINK_BINDINGS,  # l, o, U: the link list, the article in the browser, its address
    ]  # the footer's order (see tui/screens/main_keys.py)

    article_index: var[int] = var(-1)
    """Index (in :attr:`files`) of the article chosen; -1 before any is."""
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
    grouping: var[Grouping] = var[Grouping]("none")
    """How the sidebar groups articles."""
    sorting: var[Sorting] = var[Sorting]("file")
    """How the sidebar orders articles."""

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
        super().__init__()
        self.session = LibrarySession(paths)
        """What is open, read marks, bookmarks, positions and the parses kept (no Textual)."""
        self.place = ReadingPlace(self)
        """Saves the reading position after a pause in scrolling, and read marks."""
        self.opening = ArticleOpening(self.session, self.place)
        """Which article is in the pane, and how the chosen one gets there."""
        self.loader = LibraryLoading(self, prefetch)
        """The first article, the files found and the index's progress."""
        self.library = LibraryCommands(self)
        """What the library keys do."""
        self.panels = SidePanels(self)
        """The sidebar and quote list, the find bar and the notice (made on first use)."""
        self.reading = ReadingCommands(self)
        """What the keys for sections, articles, find and the sidebar do."""
        self.web = WebRefresh(self)
        """Feeds: the web shelf kept in step, refreshes, teasers made whole."""
        self.links = LinkKeys(self)
        """What the link keys do (the link list, the browser, the article's address)."""
        self._configured_theme = configured_theme
        self._reader_config = reader if reader is not None else ReaderConfig()
        # Starting values only: set without watchers, since nothing is mounted yet.
        self.set_reactive(MainScreen.highlight_quotes, self._reader_config.highlight_quotes)
        self.set_reactive(MainScreen.show_credits, self._reader_config.show_credits)
        self.set_reactive(MainScreen.show_boilerplate, self._reader_config.show_boilerplate)
        self.set_reactive(MainScreen.show_speakers, self._reader_config.show_speakers)
        self._narrow = False

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
        self.web.start()
        self._start_library()
        if self._configured_theme is not None:
            self.app.theme_changed_signal.subscribe(self, self._remember_theme)

    def on_unmount(self) -> None:
        """Save the position on quit and close the reading state."""
        self.place.close()

    def _remember_theme(self, theme: Theme) -> None:
        """Keep a theme picked in the app for the next start (in the state, not the config)."""
        if self.state is not None and self._configured_theme is not None:
            self.state.set_theme(theme.name, self._configured_theme)

    # ----------------------------------------------------------------------- what is open

    @property
    def files(self) -> tuple[Path, ...]:
        """Every article file, in the order found; :attr:`article_index` indexes it."""
        return self.session.files

    @property
    def state(self) -> ReadingState | None:
        """Read marks, bookmarks and positions (opened on mount)."""
        return self.session.state

    @property
    def current_article(self) -> Article | None:
        """The article in the reading pane, if one has been parsed."""
        return self.opening.article

    @property
    def shown_index(self) -> int:
        """Index (in :attr:`files`) of the article in the pane; -1 before one is shown."""
        return self.opening.shown

    @property
    def current_path(self) -> Path | None:
        """The file of the article in the reading pane."""
        return self.opening.current_path

    @property
    def quote_list(self) -> QuoteNavigator:
        """The quote navigator (made, hidden, the first time it is asked for)."""
        return self.panels.quote_list

    @property
    def find_input(self) -> Input:
        """The find bar (made, hidden, the first time it is asked for)."""
        return self.panels.find_input

    @property
    def quote_index(self) -> int:
        """The current quotation (last moved to) of the article on screen; -1 for none.

        The pane owns it (``ReaderPane.quotes``); the navigator follows it (:meth:`_mark_quote`).
        """
        return self.reader.current_quote

    @property
    def _reads_due(self) -> list[tuple[Path, int, bool]]:
        """Read marks to write after the next frame (kept by :attr:`place`)."""
        return self.place.reads_due

    def _reader_scrolled(self) -> None:
        self.place.scrolled()

    def _open_bookmark(self, path: Path | None) -> None:
        self.library.open_bookmark(path)

    # ----------------------------------------------------------------------- start-up

    def _start_library(self) -> None:
        """Open the reading state, show the first article and start finding the library."""
        state = self.loader.open_state()
        self.opening.attach(self.reader)
        self.place.follow(self.reader)
        self._show_arrangement()
        first, parses = self.loader.first_parses(state.last_opened())
        # Before the first frame: it shows the article (a long one's opening) at once.
        for article, error, complete in parses:
            self._take_parse(ArticleParsed(-1, article, error, path=first, complete=complete))
            break
        # After the first frame: walking the library now would contend with painting it.
        self.call_after_refresh(self._find_library, self.session.paths, first, parses)
        if self.opening.shown_path is None:
            self.loader.show_loading_later()

    def stop_loading(self) -> None:
        """Take the pane's loading indicator away (and the timer that would show it)."""
        self.loader.stop_loading()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False,
          description="find the library")  # fmt: skip
    def _find_library(
        self, paths: tuple[Path, ...], first: Path | None, parses: Iterator[Parse]
    ) -> None:
        self.loader.find(paths, first, parses, self.post_message)

    @on(LibraryFound)
    def _fill_library(self, message: LibraryFound) -> None:
        start = self.loader.fill(message)
        self.web.library_found()
        if start is None:
            return
        done = self.opening.start_at(start)
        if done.choose < 0:  # the first article (on screen, or its whole parse due) kept
            self.set_reactive(MainScreen.article_index, start)
        if done.adopted:
            self.sidebar.show_position(start, self.reader.current_section)
        self._follow_opening(done)
        self.reading.catch_up()  # the article moves asked for before the files were known

    def _start_indexing(self) -> None:
        """Index new and changed files, the open one last (once only)."""
        work = self.loader.to_index()
        if work is not None:
            self._index_library(*work)

    # An explicit description: Textual otherwise builds one from repr() of the arguments,
    # which for `parsed` renders whole articles on the UI thread.
    @work(thread=True, exclusive=True, group="index", exit_on_error=False,
          description="index the library")  # fmt: skip
    def _index_library(self, files: tuple[Path, ...], parsed: dict[str, Article]) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        self.loader.index(files, parsed, lambda: worker.is_cancelled, self.post_message)

    @on(EntriesIndexed)
    def _add_entries(self, message: EntriesIndexed) -> None:
        self.loader.add_entries(message)
        self._show_arrangement()

    @on(IndexFinished)
    def _index_finished(self, message: IndexFinished) -> None:
        self.loader.finished(message)
        self._show_arrangement()

    # ----------------------------------------------------------------------- opening

    def watch_article_index(self, new: int) -> None:
        """Open the chosen article: at once when it is parsed already, else after parsing."""
        self._follow_opening(self.opening.choose(new))

    @work(thread=True, exclusive=True, group="parse", exit_on_error=False,
          description="parse an article")  # fmt: skip
    def _parse_article(self, index: int, path: Path) -> None:
        self.opening.deliver(self.opening.parses(index, path), self.post_message)

    @on(ArticleParsed)
    def _take_parse(self, message: ArticleParsed) -> None:
        self._follow_opening(self.opening.parsed(message, self.article_index))

    def _follow_opening(self, done: Opened) -> None:
        """Do the screen's part of a step of opening (see :class:`Opened`)."""
        if done.choose >= 0:
            self.article_index = done.choose
        if done.parse is not None:
            self._parse_article(self.article_index, done.parse)
        if done.failed is not None:
            self.stop_loading()
            where = shown_name(f"{done.failed}: {done.error}")
            self.notify(where, title="Could not open", severity="error", markup=False)
            if done.asked:  # the one the reader asked for: say so in its place
                from tui.widgets.notice import could_not_open

                self.show_notice(could_not_open(done.failed, done.error))
        if done.shown:
            if self.loader.loading:
                self.stop_loading()
                if self.focused is None:  # auto-focus skips a pane that is still loading
                    self.reader.focus()
            self.article_shown()
        if done.settled:
            self._start_indexing()

    def open_article(self, path: Path, *, section: int | None = None,
                     paragraph: int | None = None) -> bool:  # fmt: skip
        """Open a library article, optionally at a section or paragraph.

        Args:
            path: The article's file.
            section: Section to scroll to.
            paragraph: Paragraph (index in ``Article.paragraphs``) to scroll to.

        Returns:
            False when the file is not part of this library.
        """
        done = self.opening.aim(path, self.article_index, section=section, paragraph=paragraph)
        if done is None:
            return False
        self._follow_opening(done)
        index = self.session.index_of(path)
        assert index is not None
        self.sidebar.show_position(index, section)
        return True

    def show_notice(self, text: Content) -> None:
        """Say in the pane's place what happened and what to do (made on first use)."""
        self.panels.show_notice(text)

    def article_shown(self) -> None:
        """Reset the views that follow the article once a new one is in the pane."""
        article = self.current_article
        if article is None:
            return
        self.panels.hide_notice()
        self.panels.show_article(article)
        self.web.article_shown(self.current_path)
        self.section_index = self.reader.current_section
        if self.find_query:
            self.reader.clear_find()
        self._show_position()

    # ----------------------------------------------------------------------- views

    def watch_section_index(self) -> None:
        """Keep the status line and sidebar cursor on the section being read."""
        self._show_position()

    def _show_position(self) -> None:
        self.panels.show_position()

    def watch_show_sidebar(self, show: bool) -> None:
        """Show or hide the sidebar; never leave the focus on a hidden widget."""
        self.panels.show_sidebar(show)

    def watch_show_quote_list(self) -> None:
        """Swap the sidebar between the article tree and the quote navigator."""
        self.panels.swap_sidebar()

    def watch_sidebar_share(self, share: int) -> None:
        """Size the sidebar and the quote list alike (a share, so a resize keeps it)."""
        self.panels.size_sidebar(share)

    def _watch_highlight_quotes(self) -> None:
        self.panels.relabel_toggles()

    def _watch_show_credits(self) -> None:
        self.panels.relabel_toggles()

    def _watch_show_speakers(self) -> None:
        self.panels.relabel_toggles()

    def _relabel_toggles(self) -> None:
        self.panels.relabel_toggles()

    def _watch_grouping(self) -> None:
        self._regroup_sidebar()

    def _watch_sorting(self) -> None:
        self._regroup_sidebar()

    def _regroup_sidebar(self) -> None:
        self.panels.regroup()

    def _show_arrangement(self) -> None:
        self.panels.show_arrangement()

    def on_resize(self, event: events.Resize) -> None:
        """Hide the sidebar when the terminal becomes narrow, show it when it widens again."""
        narrow = event.size.width < NARROW
        if narrow != self._narrow:  # only on crossing, so a hand-made choice sticks otherwise
            self._narrow = narrow
            self.show_sidebar = not narrow

    async def on_key(self, event: events.Key) -> None:
        """Give the article its reading keys while a sidebar has the focus.

        A key reaches here when neither the focused tree nor the screen bound it (the tree
        keeps the keys it needs: arrows, Enter). When the pane binds it to a reading action
        (``j``, ``space``, ``G``… or whatever the keymap says), the pane runs it.
        """
        binding = self.panels.reading_binding(event, READING_KEYS)
        if binding is not None:
            event.stop()
            await self.reader.run_action(binding.action)

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
        if self.panels.navigator is not None:
            self.panels.navigator.current_quote = self.reader.current_quote

    @on(ArticleTree.SectionSelected)
    def _go_to_selection(self, message: ArticleTree.SectionSelected) -> None:
        entry = message.entry
        self.open_article(self.files[entry.article], section=entry.section)

    @on(Input.Submitted, "#find")
    def _search(self, event: Input.Submitted) -> None:
        self.reading.search(event.value)

    # ----------------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape only closes find when there is something to close."""
        if action == "close_find":
            return self.reading.can_close_find()
        return True

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        self.library.toggle_read()

    def action_next_unread(self) -> None:
        """Open the next unread article after this one, in sidebar order (wrapping)."""
        self.library.next_unread()

    def action_toggle_bookmark(self) -> None:
        """Bookmark the article on screen, or remove its bookmark."""
        self.library.toggle_bookmark()

    def action_show_bookmarks(self) -> None:
        """List the bookmarks; the one chosen opens."""
        self.library.show_bookmarks()

    def action_library_search(self) -> None:
        """Search every article in the library."""
        self.library.search()

    def action_use_links(self, command: str) -> None:
        """Run a link key: ``show`` the links, ``open`` the article, ``copy`` its address."""
        self.links.run(command)

    def action_group_by(self) -> None:
        """Cycle the sidebar's grouping."""
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]

    def action_refresh_feeds(self) -> None:
        """Refresh the feeds in the background."""
        self.web.refresh()

    @on(WebUpdated)
    def _web_updated(self, message: WebUpdated) -> None:
        self.web.handle(message)

    def action_sort_by(self) -> None:
        """Cycle the sidebar's order."""
        self.sorting = SORTINGS[(SORTINGS.index(self.sorting) + 1) % len(SORTINGS)]

    def action_next_section(self) -> None:
        """Scroll to the next section."""
        self.reading.go_to_section(1)

    def action_previous_section(self) -> None:
        """Scroll to the previous section."""
        self.reading.go_to_section(-1)

    def action_next_article(self) -> None:
        """Open the next article."""
        self.reading.go_to_article(1)

    def action_previous_article(self) -> None:
        """Open the previous article."""
        self.reading.go_to_article(-1)

    def action_toggle_quotes(self) -> None:
        """Switch quote highlighting on or off."""
        self.highlight_quotes = not self.highlight_quotes

    def action_toggle_credits(self) -> None:
        """Show or hide image-credit markers."""
        self.show_credits = not self.show_credits

    def action_toggle_boilerplate(self) -> None:
        """Unfold or fold boilerplate."""
        self.show_boilerplate = not self.show_boilerplate

    def action_toggle_speakers(self) -> None:
        """Show or hide the "— Speaker" line after attributed quotations."""
        self.show_speakers = not self.show_speakers

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar."""
        self.show_sidebar = not self.show_sidebar

    def action_resize_sidebar(self, step: int) -> None:
        """Widen or narrow the sidebar by ``step`` per cent of the terminal, at least 4 cells."""
        self.reading.resize_sidebar(step)

    def action_focus_next_pane(self) -> None:
        """Move focus between the sidebar and the article (showing a hidden sidebar)."""
        self.reading.focus_next_pane()

    def action_show_quotes(self) -> None:
        """Show the quote navigator in the sidebar (focused), or go back to the articles."""
        self.reading.show_quotes()

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

    def action_find(self) -> None:
        """Open the find bar."""
        self.reading.open_find()

    def action_find_next(self) -> None:
        """Go to the next match of the last search."""
        self.reading.find(backwards=False)

    def action_find_previous(self) -> None:
        """Go to the previous match of the last search."""
        self.reading.find(backwards=True)

    def action_close_find(self) -> None:
        """Close the find bar, or clear the match highlight when the bar is closed."""
        self.reading.close_find()
