"""Library search: type words, see matching paragraphs from every article, Enter opens one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.library.search import MAX_TERMS, SearchHit, terms_dropped

__all__ = ["DEBOUNCE", "HITS_SHOWN", "LibrarySearchScreen", "hit_label", "results_label"]

DEBOUNCE = 0.2
"""Seconds of quiet typing before a search runs."""

HITS_SHOWN = 200
"""The most results listed; the box says how many there are in all."""


def results_label(shown: int, total: int) -> str:
    """What the search box says about its results: ``37 results``, ``first 200 of 1,887``.

    Args:
        shown: How many results are listed.
        total: How many matches there are in all.

    Returns:
        The label.
    """
    if total <= 0:
        return "no results"
    if shown < total:
        return f"first {shown:,} of {total:,} results"
    return "1 result" if total == 1 else f"{total:,} results"


def hit_label(hit: SearchHit) -> Content:
    """A result line: the article title, then the snippet with its matches highlighted.

    Args:
        hit: A search hit (its text is article text: never parsed as markup).

    Returns:
        Plain Content with styled spans.
    """
    snippet = Content(hit.snippet.replace("\n", " "))
    for start, end in hit.matches or ((hit.match,) if hit.match != (0, 0) else ()):
        snippet = snippet.stylize("$text-accent bold", start, end)
    where = "title" if hit.paragraph < 0 else f"¶{hit.paragraph + 1}"
    return Content.assemble((hit.title, "bold"), ("  " + where, "dim"), "\n", snippet)


class LibrarySearchScreen(ModalScreen[SearchHit | None]):
    """Searches the library's index; dismisses with the chosen hit, or None."""

    DEFAULT_CSS = """
    LibrarySearchScreen {
        align: center middle;
    }
    LibrarySearchScreen > Vertical {
        width: 90%;
        height: 80%;
        border: round $primary;
        background: $surface;
    }
    LibrarySearchScreen OptionList {
        height: 1fr;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="close-library-search",
                tooltip="Close the search without opening an article"),
        Binding("down", "focus_results", "Results", show=False, id="library-search-results",
                tooltip="Move from the search words to the results"),
    ]  # fmt: skip

    def __init__(self, files: Sequence[Path]) -> None:
        """Create the search.

        Args:
            files: The library's files (only these are searched).
        """
        super().__init__()
        self._files = tuple(files)
        self._hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Search words on top, results below."""
        with Vertical() as box:
            box.border_title = "Search the library"
            yield Input(placeholder="Words to find; Enter opens the first result", id="query")
            yield OptionList(id="results")

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self._search(query))

    @work(
        thread=True,
        exclusive=True,
        group="library-search",
        exit_on_error=False,
        description="search the library",
    )
    def _search(self, query: str) -> None:
        from textual.worker import get_current_worker

        from tui.library.index import LibraryIndex

        hits: list[SearchHit] = []
        total = 0
        problem: str | None = None
        if query.strip():
            with LibraryIndex() as index:
                hits = index.search(query, limit=HITS_SHOWN, within=self._files)
                # Counted only when the list is full: "first 200 of 1,887", not "200".
                full = len(hits) >= HITS_SHOWN
                total = index.count(query, within=self._files) if full else len(hits)
                problem = index.problem
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, query, hits, max(total, len(hits)), problem)

    def _show_hits(
        self, query: str, hits: list[SearchHit], total: int, problem: str | None = None
    ) -> None:
        self._hits = hits
        results = self.query_one("#results", OptionList)
        results.set_options(Option(hit_label(hit)) for hit in hits)
        box = self.query_one(Vertical)
        subtitle = results_label(len(hits), total) if query.strip() else ""
        if dropped := terms_dropped(query):
            # Searching fewer words only finds more: say which were left out of the search.
            subtitle += f" · first {MAX_TERMS - 1} words and the last searched ({dropped} left out)"
        if problem is not None:  # searching a stand-in index in memory: it holds nothing
            subtitle += f" · the library index cannot be used ({problem})"
        box.border_subtitle = subtitle
        if hits:
            results.highlighted = 0

    @on(Input.Submitted, "#query")
    def _open_first(self) -> None:
        if self._hits:
            self.dismiss(self._hits[0])

    @on(OptionList.OptionSelected, "#results")
    def _open_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._hits[event.option_index])

    def action_focus_results(self) -> None:
        """Move the focus to the results list."""
        self.query_one("#results", OptionList).focus()

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
