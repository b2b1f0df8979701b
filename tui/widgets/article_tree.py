"""The sidebar: every article, each expanding into its sections, with word counts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.article.model import Article

__all__ = ["ArticleTree", "TreeEntry"]


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """What a tree node stands for: an article, or one section of it."""

    article: int
    """Index of the article in the screen's list of loaded articles."""
    section: int | None = None
    """Index of the section within the article, or None for the article node itself."""


def _words(count: int) -> str:
    return f"{count:,} word" if count == 1 else f"{count:,} words"


def article_label(article: Article, path: Path) -> Text:
    """The sidebar label of an article: title, then length and outlet (or file name), dim.

    Args:
        article: The parsed article.
        path: The file it came from (named when the article names no outlet).

    Returns:
        A plain Rich Text (never parsed as markup: titles are untrusted).
    """
    label = Text(article.title or path.name)
    label.append(_article_meta(article, path), style="dim")
    return label


def _article_meta(article: Article, path: Path) -> str:
    # Length before source: when the sidebar is narrow the source is what gets cut.
    return f"  {_words(article.word_count)} · {article.outlet or path.name}"


def _section_meta(article: Article, index: int) -> str:
    return f"  {_words(article.sections[index].word_count)}"


def section_label(article: Article, index: int) -> Text:
    """The sidebar label of a section: its heading (or "Lead") and word count, dim.

    Args:
        article: The article holding the section.
        index: The section's index.

    Returns:
        A plain Rich Text.
    """
    label = Text(article.sections[index].title or "Lead")
    label.append(_section_meta(article, index), style="dim")
    return label


class ArticleTree(Tree[TreeEntry]):
    """A tree of articles and their sections.

    Selecting a node (click, or Enter) posts :class:`ArticleTree.SectionSelected`; moving the
    cursor alone does not, so browsing the tree never scrolls the reading pane by surprise.
    """

    DEFAULT_CSS = """
    ArticleTree {
        overflow-x: hidden;
    }
    """

    class SectionSelected(Message):
        """The reader chose an article (``section`` None) or a section in the sidebar."""

        def __init__(self, tree: ArticleTree, entry: TreeEntry) -> None:
            self.tree = tree
            """The tree that posted the message."""
            self.entry = entry
            """The article (and section) chosen."""
            super().__init__()

        @property
        def control(self) -> ArticleTree:
            """The tree that posted the message."""
            return self.tree

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty tree (articles are added as they load).

        Args:
            id: The widget id.
            classes: CSS classes.
        """
        self._meta: dict[int, int] = {}  # node id -> length of the dim tail of its label
        super().__init__(Text("Articles"), id=id, classes=classes)
        self.show_root = False
        self.auto_expand = False  # selection shows the article; the ▶ toggle expands
        self._articles: list[TreeNode[TreeEntry]] = []
        self._shown = -1  # the article whose node show_position last expanded

    @property
    def article_count(self) -> int:
        """How many articles the tree lists."""
        return len(self._articles)

    def add_article(self, article: Article, path: Path) -> None:
        """Append an article and its sections (the article's index is its position).

        Args:
            article: The parsed article.
            path: The file it came from.
        """
        index = len(self._articles)
        node = self.root.add(article_label(article, path), data=TreeEntry(index))
        self._meta[node.id] = len(_article_meta(article, path))
        for number in range(len(article.sections)):
            leaf = node.add_leaf(section_label(article, number), data=TreeEntry(index, number))
            self._meta[leaf.id] = len(_section_meta(article, number))
        self._articles.append(node)

    def show_position(self, article: int, section: int | None) -> None:
        """Put the cursor on an article's section (expanding it) without taking focus.

        Args:
            article: Index of the article.
            section: Index of the section, or None for the article's own node.
        """
        if not 0 <= article < len(self._articles):
            return
        node = self._articles[article]
        if article != self._shown:
            # Switching articles folds the previous one so the sidebar stays short; folds the
            # reader opened by hand elsewhere are left alone.
            if 0 <= self._shown < len(self._articles):
                self._articles[self._shown].collapse()
            self._shown = article
            if node.children:
                node.expand()
        target = node
        if section is not None and 0 <= section < len(node.children):
            target = node.children[section]
        # expand() invalidates the line cache; reading last_line rebuilds it so the target's
        # line number is current before the cursor moves there.
        if self.last_line >= 0:
            self.move_cursor(target)

    def render_label(self, node: TreeNode[TreeEntry], base_style: Style, style: Style) -> Text:
        """Shorten a long title with "…" so its source and word count stay in view.

        Args:
            node: The node to label.
            base_style: The tree's base style.
            style: The label's extra style (cursor, hover).

        Returns:
            The label, at most as wide as the sidebar when the title can give way.
        """
        label = super().render_label(node, base_style, style)
        meta = self._meta.get(node.id, 0)
        indent = 0 if node.parent is self.root else self.guide_depth
        width = self.scrollable_content_region.width - indent
        if not meta or width <= 0 or label.cell_len <= width:
            return label
        meta_start = len(label.plain) - meta
        # The title keeps at least three fifths of the row; the tree crops whatever is left.
        least = min(meta_start, width * 3 // 5)
        cut = max(least, meta_start - (label.cell_len - width)) - 1
        if cut >= meta_start - 1:
            return label
        head, _, tail = label.divide([cut, meta_start])
        return Text.assemble(head, "…", tail)

    @on(Tree.NodeSelected)
    def _post_selection(self, event: Tree.NodeSelected[TreeEntry]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionSelected(self, event.node.data))
