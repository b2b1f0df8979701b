"""The quote navigator: every quotation of the article on screen, grouped by who said it."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.article.cite import speaker_groups
from tui.article.model import Article, Quotation

__all__ = ["QuoteNavigator", "quote_label"]

_SPACES = re.compile(r"\s+")
_EXCERPT = 200  # characters; the tree crops the label to the panel anyway

CURRENT_MARK = "▸ "
"""Drawn before the current quotation's label (the one the reader last moved to)."""


def quote_label(quote: Quotation, *, current: bool = False) -> Text:
    """A navigator row for one quotation: its words in curly quotes, on one line.

    Args:
        quote: The quotation.
        current: Whether it is the current quotation (marked and bold).

    Returns:
        A plain Rich Text (never parsed as markup: quotations are untrusted text).
    """
    words = _SPACES.sub(" ", quote.text).strip().rstrip(",;")
    if len(words) > _EXCERPT:
        words = words[: _EXCERPT - 1].rstrip() + "…"
    label = Text()
    if current:
        label.append(CURRENT_MARK, style="bold")
    label.append(f"“{words}”", style="bold" if current else "")
    if quote.depth:
        label.append("  inner", style="dim")
    return label


def group_label(speaker: str, count: int) -> Text:
    """A navigator group row: the speaker's name and how many quotations are theirs.

    Args:
        speaker: The speaker (or "Unattributed").
        count: Number of quotations in the group.

    Returns:
        A plain Rich Text.
    """
    label = Text(speaker, style="bold")
    label.append(f"  {count}", style="dim")
    return label


class QuoteNavigator(Tree[int]):
    """A tree of the article's quotations: speakers (with counts), each holding their quotes.

    Groups come in the order speakers are first quoted, "Unattributed" last. Selecting a
    quotation (Enter, or a click) posts :class:`QuoteNavigator.QuoteSelected`; moving the
    cursor alone does not, so browsing never scrolls the article by surprise.
    """

    DEFAULT_CSS = """
    QuoteNavigator {
        overflow-x: hidden;
    }
    """

    current_quote: reactive[int] = reactive(-1, init=False)
    """Index (in :attr:`Article.quotes`) of the current quotation, marked; -1 for none."""

    class QuoteSelected(Message):
        """The reader chose a quotation in the navigator."""

        def __init__(self, navigator: QuoteNavigator, quote_index: int) -> None:
            self.navigator = navigator
            """The navigator that posted the message."""
            self.quote_index = quote_index
            """Index of the chosen quotation in :attr:`Article.quotes`."""
            super().__init__()

        @property
        def control(self) -> QuoteNavigator:
            """The navigator that posted the message."""
            return self.navigator

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty navigator (fill it with :meth:`show_article`).

        Args:
            id: The widget id.
            classes: CSS classes.
        """
        super().__init__(Text("No article"), id=id, classes=classes)
        self.guide_depth = 3
        self._quotes: tuple[Quotation, ...] = ()
        self._leaves: dict[int, TreeNode[int]] = {}

    @property
    def quote_count(self) -> int:
        """How many quotations the navigator lists."""
        return len(self._leaves)

    @property
    def groups(self) -> list[tuple[str, list[int]]]:
        """The groups shown: (group label text, quote indexes in order)."""
        return [
            (
                str(group.label),
                [leaf.data for leaf in group.children if leaf.data is not None],
            )
            for group in self.root.children
        ]

    def show_article(self, article: Article | None) -> None:
        """List the quotations of ``article`` (or nothing), forgetting the current quote.

        Args:
            article: The article on screen.
        """
        self.clear()
        self._leaves = {}
        self._quotes = article.quotes if article is not None else ()
        self.set_reactive(QuoteNavigator.current_quote, -1)
        if article is None:
            self.root.set_label(Text("No article"))
            return
        count = len(article.quotes)
        title = Text("Quotes", style="bold")
        title.append(f"  {count}" if count else "  none in this article", style="dim")
        self.root.set_label(title)
        for speaker, indexes in speaker_groups(article):
            group = self.root.add(group_label(speaker, len(indexes)), expand=True)
            for index in indexes:
                self._leaves[index] = group.add_leaf(quote_label(article.quotes[index]), index)
        self.root.expand()

    def watch_current_quote(self, old: int, new: int) -> None:
        """Mark the current quotation and put the cursor on it (without taking focus)."""
        for index, current in ((old, False), (new, True)):
            leaf = self._leaves.get(index)
            if leaf is not None and 0 <= index < len(self._quotes):
                leaf.set_label(quote_label(self._quotes[index], current=current))
        leaf = self._leaves.get(new)
        if leaf is not None:
            if leaf.parent is not None and not leaf.parent.is_expanded:
                leaf.parent.expand()
            # Reading last_line rebuilds the line cache, so the leaf's line is current.
            if self.last_line >= 0:
                self.move_cursor(leaf)

    @on(Tree.NodeSelected)
    def _post_selection(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.QuoteSelected(self, event.node.data))
