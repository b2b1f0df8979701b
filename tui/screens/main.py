"""The main screen: status line, sidebar of articles and sections, reading pane, find bar, footer.

The screen owns the reading state (which article, the display toggles) in ``var`` attributes of
immutable values and passes the toggles down to the pane with ``data_bind``. Articles are found
and parsed in a thread worker that posts one message per file, so the first article shows as
soon as it is parsed and the rest stream into the sidebar.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from textual import events, getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Input

from tui.article.model import Article
from tui.widgets.article_tree import ArticleTree
from tui.widgets.reader_pane import ReaderPane
from tui.widgets.status_line import StatusLine

__all__ = ["NARROW", "MainScreen"]

NARROW = 80
"""Below this many columns the sidebar starts hidden and the article takes the whole width."""

Position = tuple[int, int, int]
"""A reading position as the pane reports it: (section, block, line offset)."""


def _on_off(value: bool) -> str:
    return "on" if value else "off"


class MainScreen(Screen[None]):
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
        Binding("z", "toggle_boilerplate", "Boilerplate", id="toggle-boilerplate",
                tooltip="Unfold or fold promos, related links and wire footers"),
        Binding("s", "toggle_sidebar", "Sidebar", id="toggle-sidebar",
                tooltip="Show or hide the list of articles and sections"),
        Binding("tab", "focus_next_pane", "Switch pane", show=False, id="focus-next-pane",
                tooltip="Move the keyboard focus between the sidebar and the article"),
        Binding("/", "find", "Find", id="find", tooltip="Search the article for some text"),
        Binding("n", "find_next", "Next match", show=False, id="find-next",
                tooltip="Go to the next match of the last search"),
        Binding("N", "find_previous", "Previous match", show=False, id="find-previous",
                tooltip="Go to the previous match of the last search"),
        Binding("escape", "close_find", "Close find", show=False, id="close-find",
                tooltip="Close the find bar and clear the match highlight"),
    ]  # fmt: skip

    article_index: var[int] = var(-1)
    """Index (in :attr:`articles`) of the article on screen; -1 before any has loaded."""
    articles: var[tuple[Article, ...]] = var(())
    """Every article parsed so far, in sidebar order."""
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
    find_query: var[str] = var("")
    """The last search, repeated by find-next/find-previous ("" when none)."""

    reader = getters.query_one(ReaderPane)
    sidebar = getters.query_one(ArticleTree)
    status = getters.query_one(StatusLine)
    find_input = getters.query_one("#find", Input)

    class FilesFound(Message):
        """The worker expanded the paths into files (some possibly skipped)."""

        def __init__(self, files: tuple[Path, ...], skipped: tuple[tuple[Path, str], ...]):
            self.files = files
            """Files to parse, in order."""
            self.skipped = skipped
            """Paths left out, with the reason."""
            super().__init__()

    class ArticleParsed(Message):
        """The worker finished one file: ``article`` is None when it could not be read."""

        def __init__(self, path: Path, article: Article | None, error: str, done: int) -> None:
            self.path = path
            """The file."""
            self.article = article
            """The parsed article, or None."""
            self.error = error
            """Why the file could not be read ("" on success)."""
            self.done = done
            """How many files have been handled so far, this one included."""
            super().__init__()

    def __init__(self, paths: Sequence[Path]) -> None:
        """Create the screen.

        Args:
            paths: Files and folders to open (folders are searched recursively).
        """
        super().__init__()
        self._paths = tuple(paths)
        self._files: tuple[Path, ...] = ()
        self._article_paths: list[Path] = []
        self._total = 0
        self._positions: dict[int, Position] = {}  # where the reader left each article
        self._narrow = False

    def compose(self) -> ComposeResult:
        """Status line on top, sidebar and pane side by side, find bar and footer below."""
        yield StatusLine().data_bind(MainScreen.highlight_quotes)
        with Horizontal(id="body"):
            yield ArticleTree(id="sidebar")
            yield ReaderPane(id="reader").data_bind(
                MainScreen.highlight_quotes, MainScreen.show_credits, MainScreen.show_boilerplate
            )
        yield Input(placeholder="Find: type, Enter searches, Esc closes", id="find", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Pick the sidebar's starting state from the width and start loading."""
        self._narrow = self.app.size.width < NARROW
        self.show_sidebar = not self._narrow
        self.find_input.display = False
        self.reader.loading = True
        self.status.progress = "Loading…"
        self._relabel_toggles()
        self.load_articles(self._paths)

    # ----------------------------------------------------------------------- loading

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_articles(self, paths: tuple[Path, ...]) -> None:
        """Find the article files and parse them one by one, off the UI thread.

        Args:
            paths: Files and folders given on the command line.
        """
        from textual.worker import get_current_worker

        from tui.loader import find_articles, parse_files

        worker = get_current_worker()
        files, skipped = find_articles(paths)
        self.post_message(self.FilesFound(tuple(files), tuple(skipped)))
        for done, (path, article, error) in enumerate(parse_files(files), 1):
            if worker.is_cancelled:
                return
            self.post_message(self.ArticleParsed(path, article, error, done))

    @on(FilesFound)
    def _note_files(self, message: FilesFound) -> None:
        self._files = message.files
        self._total = len(message.files)
        for path, reason in message.skipped:
            self.notify(f"{path}: {reason}", title="Skipped", severity="warning", markup=False)
        if not message.files:
            self._stop_loading()
            self.status.progress = ""
            self.notify(
                "No article files found. Give newsread .txt, .md or .markdown files or folders.",
                severity="error",
                markup=False,
            )

    @on(ArticleParsed)
    def _add_article(self, message: ArticleParsed) -> None:
        done, total = message.done, max(self._total, 1)
        self.status.progress = "" if done >= total else f"Loading… {100 * done // total}%"
        if message.article is None:
            self.notify(
                f"{message.path}: {message.error}",
                title="Skipped",
                severity="warning",
                markup=False,
            )
            if done >= total and not self.articles:
                self._stop_loading()
            return
        self.articles = (*self.articles, message.article)
        self._article_paths.append(message.path)
        self.sidebar.add_article(message.article, message.path)
        if self.article_index < 0:
            self._stop_loading()
            self.article_index = 0
            if self.focused is None:  # auto-focus skips a pane that is still loading
                self.reader.focus()

    def _stop_loading(self) -> None:
        self.reader.loading = False
        # Keys of a loading widget are inactive and Textual does not announce the change
        # back, so tell the footer (and key dispatch) that the pane's keys are live again.
        self.refresh_bindings()

    # ----------------------------------------------------------------------- state

    @property
    def current_article(self) -> Article | None:
        """The article on screen, if any has loaded."""
        if 0 <= self.article_index < len(self.articles):
            return self.articles[self.article_index]
        return None

    def watch_article_index(self, old: int, new: int) -> None:
        """Show the chosen article, back where the reader left it."""
        article = self.current_article
        if article is None:
            return
        if 0 <= old < len(self.articles):
            self._positions[old] = self.reader.position()
        self.reader.show_article(article)
        self.section_index = 0
        if new in self._positions:
            self.reader.restore_position(self._positions[new])
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
        self.sidebar.show_position(self.article_index, section)

    def watch_show_sidebar(self, show: bool) -> None:
        """Show or hide the sidebar; never leave the focus on a hidden widget."""
        self.sidebar.display = show
        if not show and self.sidebar.has_focus:
            self.reader.focus()

    def _watch_highlight_quotes(self) -> None:
        self._relabel_toggles()

    def _watch_show_credits(self) -> None:
        self._relabel_toggles()

    def _relabel_toggles(self) -> None:
        """Put each toggle's state in its footer label ("Quotes: on")."""
        labels = {
            "toggle-quotes": f"Quotes: {_on_off(self.highlight_quotes)}",
            "toggle-credits": f"Credits: {_on_off(self.show_credits)}",
        }
        # Footer labels come from the bindings; this screen's map is its own copy, so
        # replacing a binding here changes only this screen (keymaps apply on top of it).
        key_to_bindings = self._bindings.key_to_bindings
        for key, bindings in key_to_bindings.items():
            key_to_bindings[key] = [
                dataclasses.replace(b, description=labels[b.id]) if b.id in labels else b
                for b in bindings
            ]
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        """Hide the sidebar when the terminal becomes narrow, show it when it widens again."""
        narrow = event.size.width < NARROW
        if narrow != self._narrow:  # only on crossing, so a hand-made choice sticks otherwise
            self._narrow = narrow
            self.show_sidebar = not narrow

    # ----------------------------------------------------------------------- messages

    @on(ReaderPane.SectionChanged)
    def _follow_section(self, message: ReaderPane.SectionChanged) -> None:
        self.section_index = message.section

    @on(ArticleTree.SectionSelected)
    def _go_to_selection(self, message: ArticleTree.SectionSelected) -> None:
        entry = message.entry
        if entry.article != self.article_index:
            self.article_index = entry.article
        if entry.section is not None:
            self.reader.scroll_to_section(entry.section)
            self.section_index = entry.section

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
            return bool(self.find_input.display or self.find_query)
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
        target = self.article_index + step
        if not 0 <= target < len(self.articles):
            self.app.bell()
            return
        self.article_index = target

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

    def action_focus_next_pane(self) -> None:
        """Move focus between the sidebar and the article (showing a hidden sidebar)."""
        if self.sidebar.has_focus:
            self.reader.focus()
        else:
            self.show_sidebar = True
            self.sidebar.focus()

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
        if self.find_input.display:
            self.find_input.display = False
            self.reader.focus()

    def action_close_find(self) -> None:
        """Close the find bar, or clear the match highlight when the bar is closed."""
        if self.find_input.display:
            self._close_find_bar()
        else:
            self.find_query = ""
            self.reader.clear_find()
