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
from tui.widgets.article_tree import pass_space

__all__ = ["QuoteNavigator", "quote_label"]

_SPACES = re.compile(r"\s+")
_EXCERPT = 200  # characters; the tree crops the label to the panel anyway

EAGER_LEAVES = 500
"""Up to this many quotations, every group is filled and open when the tree is built."""

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
        self._article: Article | None = None
        self._built = True  # the empty tree is up to date
        self._quotes: tuple[Quotation, ...] = ()
        self._leaves: dict[int, TreeNode[int]] = {}
        self._group_of: dict[int, TreeNode[int]] = {}  # quote index → its group node
        self._unfilled: dict[int, tuple[int, ...]] = {}  # group node id → its quote indexes

    @property
    def quote_count(self) -> int:
        """How many quotations the navigator lists."""
        return len(self._quotes)

    @property
    def groups(self) -> list[tuple[str, list[int]]]:
        """The groups shown: (group label text, quote indexes in order)."""
        self.build()
        return [
            (
                str(group.label),
                [leaf.data for leaf in group.children if leaf.data is not None]
                or list(self._unfilled.get(group.id, ())),
            )
            for group in self.root.children
        ]

    def show_article(self, article: Article | None) -> None:
        """List the quotations of ``article`` (or nothing), forgetting the current quote.

        The tree is built only when it is needed (shown, or asked for a quotation), since a
        long article can hold tens of thousands of quotations.

        Args:
            article: The article on screen.
        """
        self._article = article
        self._quotes = article.quotes if article is not None else ()
        self._built = False
        self.set_reactive(QuoteNavigator.current_quote, -1)
        if self.display:
            self.build()

    def build(self) -> None:
        """Fill the tree for the article last shown, if not done yet.

        Groups of a short list open at once; in a long one (over :data:`EAGER_LEAVES`
        quotations) each group gets its leaves when it is first expanded.
        """
        if self._built:
            return
        self._built = True
        article = self._article
        self.clear()
        self._leaves, self._group_of, self._unfilled = {}, {}, {}
        if article is None:
            self.root.set_label(Text("No article"))
            return
        count = len(article.quotes)
        title = Text("Quotes", style="bold")
        title.append(f"  {count}" if count else "  none in this article", style="dim")
        self.root.set_label(title)
        eager = count <= EAGER_LEAVES
        for speaker, indexes in speaker_groups(article):
            group = self.root.add(group_label(speaker, len(indexes)), expand=eager)
            self._group_of.update(dict.fromkeys(indexes, group))
            self._unfilled[group.id] = indexes
            if eager:
                self._fill(group)
        self.root.expand()
        current = self.current_quote
        if current >= 0:
            self.watch_current_quote(-1, current)

    def _fill(self, group: TreeNode[int]) -> None:
        """Add a group's leaves (once)."""
        indexes = self._unfilled.pop(group.id, None)
        if indexes is None:
            return
        quotes = self._quotes
        for index in indexes:
            self._leaves[index] = group.add_leaf(quote_label(quotes[index]), index)

    def on_show(self) -> None:
        """Build the tree the first time it is displayed for an article."""
        self.build()

    @on(Tree.NodeExpanded)
    def _fill_expanded(self, event: Tree.NodeExpanded[int]) -> None:
        event.stop()
        self._fill(event.node)

    def watch_current_quote(self, old: int, new: int) -> None:
        """Mark the current quotation and put the cursor on it (without taking focus)."""
        if not self._built:
            if new < 0:
                return
            self.build()  # marks ``new`` itself once built
            return
        group = self._group_of.get(new)
        if group is not None:
            self._fill(group)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Leave space to the reading keys (see :func:`tui.widgets.article_tree.pass_space`)."""
        return pass_space(action)

    @on(Tree.NodeSelected)
    def _post_selection(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.QuoteSelected(self, event.node.data))
