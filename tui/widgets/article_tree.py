"""The sidebar's base: tree nodes for articles and sections, labels that keep their tail.

:class:`ArticleTree` holds what every article sidebar shares: the node data
(:class:`TreeEntry`), labels whose dim tail (length, source) stays in view when a long title
is shortened, and selection posting :class:`ArticleTree.SectionSelected`. What the tree lists,
and how, is :class:`tui.widgets.library_tree.LibraryTree`'s business.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.article.records import record

__all__ = ["ArticleTree", "TreeEntry", "pass_space", "words_label"]


@record
class TreeEntry:
    """What a tree node stands for: an article, or one section of it."""

    article: int
    """Index of the article in the screen's list of article files."""
    section: int | None = None
    """Index of the section within the article, or None for the article node itself."""


def words_label(count: int) -> str:
    """A word count as the sidebar shows it: ``1 word``, ``1,204 words``.

    Args:
        count: The number of words.

    Returns:
        The count with thousands separators and the right plural.
    """
    return f"{count:,} word" if count == 1 else f"{count:,} words"


def pass_space(action: str) -> bool:
    """Whether a sidebar tree keeps a binding: not Tree's space-to-expand.

    Space is the reader's page down; a tree that took it for expand/collapse made space fold
    the quote list instead of reading on. Disabled here, the key goes on to the screen, which
    gives reading keys to the article (``MainScreen.on_key``). Enter, a click and opening an
    article still expand nodes.

    Args:
        action: The action of a binding of the tree.

    Returns:
        False for ``toggle_node``, True for every other action.
    """
    return action != "toggle_node"


class ArticleTree(Tree[TreeEntry]):
    """A tree of articles and their sections; subclasses decide what it lists.

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
        """Create an empty tree.

        Args:
            id: The widget id.
            classes: CSS classes.
        """
        self._meta: dict[int, int] = {}
        """Node id → length of the dim tail of its label (set by whoever adds the node)."""
        self._outlet: dict[int, int] = {}
        """Node id → length of the outlet at the end of that tail (" · AP"), dropped first."""
        self._blank_row: Strip | None = None
        self._rows: tuple[int, int] | None = None  # (row width, guide depth) while rebuilding
        self._lines_size = Size(0, 0)  # the size the tree's lines were last laid out for
        self._label_cells: dict[int, tuple[object, int]] = {}  # node id → (label, its width)
        super().__init__(Text("Articles"), id=id, classes=classes)
        self.show_root = False
        self.auto_expand = False  # selection shows the article; the ▶ toggle expands

    def render_lines(self, crop: Region) -> list[Strip]:
        self._blank_row = None  # one blank strip per redraw (the style may have changed)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        # Rows below the last node are blank; Tree would work the widget's style out anew for
        # each one (most of a short tree's first frame).
        if y + self.scroll_offset.y > self.last_line:
            if self._blank_row is None or self._blank_row.cell_length != self.size.width:
                self._blank_row = Strip.blank(self.size.width, self.rich_style)
            return self._blank_row
        return super().render_line(y)

    def render_label(self, node: TreeNode[TreeEntry], base_style: Style, style: Style) -> Text:
        """Make a long label fit: drop its outlet, then shorten the title with "…".

        The word count stays in view; the title keeps at least half of the row.

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
        outlet = self._outlet.get(node.id, 0)
        if outlet:  # the outlet goes before any of the title does
            label.right_crop(outlet)
            meta -= outlet
            if label.cell_len <= width:
                return label
        meta_start = len(label.plain) - meta
        # The title keeps at least half of the row; the tree crops whatever is left.
        least = min(meta_start, width // 2)
        cut = max(least, meta_start - (label.cell_len - width)) - 1
        if cut >= meta_start - 1:
            return label
        head, _, tail = label.divide([cut, meta_start])
        return Text.assemble(head, "…", tail)

    def get_label_width(self, node: TreeNode[TreeEntry]) -> int:
        """The label's width without rendering it.

        Tree calls this for every node whenever it rebuilds its lines (each added or relabelled
        node); rendering thousands of labels there made indexing a big library quadratic.
        :meth:`render_label` shortens a long label to the row, so the width is capped the same way.

        Args:
            node: The node to measure.

        Returns:
            The label's width in cells.
        """
        label = node.label
        known = self._label_cells.get(node.id)
        if known is not None and known[0] is label:
            length = known[1]
        else:  # measured once per label: a rebuild visits every node (50,000 for 100 MB)
            length = label.cell_len if isinstance(label, Text) else cell_len(label)
            self._label_cells[node.id] = (label, length)
        if not self._meta.get(node.id, 0):
            return length
        room, guides = self._rows or self._row_room()
        indent = 0 if node.parent is self.root else guides
        return max(0, min(length, room - indent))

    def _row_room(self) -> tuple[int, int]:
        """The width labels are cut to, and the guides' depth."""
        return self.scrollable_content_region.width, self.guide_depth

    def _on_resize(self, event: events.Resize) -> None:
        if event.size == self._lines_size:
            # Shown again at the size its lines were made for (the sidebar toggled back):
            # Tree would rebuild every line, 50,000 of them for a 100 MB article's sections.
            event.prevent_default()
            self.refresh()
            return
        self._lines_size = event.size  # Tree's own handler lays the lines out again

    def _build(self) -> None:
        # Tree's rebuild measures every node's label: work the row out once for all of them.
        self._rows = self._row_room()
        try:
            super()._build()
        finally:
            self._rows = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Leave space to the reading keys: it pages the article (see :func:`pass_space`)."""
        return pass_space(action)

    @on(Tree.NodeSelected)
    def _post_selection(self, event: Tree.NodeSelected[TreeEntry]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionSelected(self, event.node.data))
