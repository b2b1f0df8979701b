"""The library sidebar: thousands of articles from the index, grouped and sorted, unread marked.

Articles come from :class:`tui.library.index.Entry` records, so the sidebar fills before anything is
parsed. Each article is one tree node; its sections are added only when the node is first
expanded (a 10,000-article library would otherwise need 50,000 nodes). Node data is the same
:class:`TreeEntry` as :class:`ArticleTree`'s, and selection posts the same
:class:`ArticleTree.SectionSelected`, where ``article`` indexes the screen's list of files
(discovery order), not the display order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.widgets._library_labels import (
    BOOKMARK_MARK,
    article_label,
    group_label,
    more_label,
    section_label,
    section_titles,
    unread_style,
)
from tui.widgets._library_order import (
    GROUPINGS,
    SORTINGS,
    Grouping,
    Sorting,
    date_key,
    group_name,
    sort_key,
)
from tui.widgets.article_tree import ArticleTree, TreeEntry

if TYPE_CHECKING:
    from tui.library.entry import Entry  # entries come from the index, after the first frame

__all__ = [
    "BOOKMARK_MARK",
    "CHUNK",
    "GROUPINGS",
    "SECTIONS_SHOWN",
    "SORTINGS",
    "Grouping",
    "LibraryTree",
    "Sorting",
    "date_key",
]

CHUNK = 1000
"""Articles added to the tree per step of a rebuild (the first step paints at once)."""

SECTIONS_SHOWN = 1000
"""Section leaves an article gets at most; one more leaf stands for the rest.

Textual's Tree lays out every line again after each change, so tens of thousands of leaves
(a 100 MB live page has 50,000 sections) cost a tenth of a second per change. ``]`` and ``[``
still step through every section, and the extra leaf opens the first one not listed."""


class LibraryTree(ArticleTree):
    """The sidebar for a library: one node per article, sections added on first expand."""

    DEFAULT_CSS = """
    LibraryTree {
        overflow-x: hidden;
        border-top: hkey $panel-lighten-2;  /* carries the count, grouping and order */
        border-title-color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty sidebar (entries arrive from the index).

        Args:
            id: The widget id.
            classes: CSS classes.
        """
        super().__init__(id=id, classes=classes)
        self.grouping: Grouping = "none"
        """How articles are grouped (set through :meth:`regroup`)."""
        self.sorting: Sorting = "file"
        """How articles are ordered (set through :meth:`regroup`)."""
        self._entries: dict[int, Entry] = {}
        self._article_nodes: dict[int, TreeNode[TreeEntry]] = {}
        self._groups: dict[str, TreeNode[TreeEntry]] = {}
        self._keys: dict[int, list[tuple[object, ...]]] = {}  # parent id -> sorted child keys
        self._filled: set[int] = set()  # articles whose section leaves exist
        self._fills = 0  # counts fills, so a chunked fill that was superseded stops
        self._fill_of: dict[int, int] = {}  # article → the fill that owns its leaves
        self._unread: set[int] = set()
        self._bookmarked: set[int] = set()
        self._order: list[int] | None = None  # display order, rebuilt lazily
        self._generation = 0  # bumped by each rebuild, so stale chunks stop
        self._wanted: tuple[int, int | None] | None = None  # shown once its node is added
        self._marker: tuple[str, Style] | None = None  # (theme, style of the unread marker)
        self._shown = -1  # the article whose node show_position last expanded
        self._counted: frozenset[str] = frozenset()  # groups whose label counts unread
        self._recount: set[str] = set()  # counted groups whose label is out of date

    # ------------------------------------------------------------------ contents

    @property
    def article_count(self) -> int:
        """How many articles the sidebar lists (also those a rebuild has yet to add)."""
        # Not the nodes: a rebuild adds them CHUNK at a time, and a count taken meanwhile
        # read "1000 articles" for a library of thousands.
        return len(self._entries)

    def entry(self, article: int) -> Entry | None:
        """The index entry shown for an article, if listed."""
        return self._entries.get(article)

    def count_groups(self, names: Iterable[str]) -> None:
        """Show the number of unread articles in these groups' labels ("Courier · 12").

        For the web's feeds; a library of files keeps plain group labels.

        Args:
            names: Group names (feed folders, feed titles as outlets).
        """
        counted = frozenset(names)
        if counted == self._counted:
            return
        self._counted = counted
        self._recount.update(name for name in self._groups if name in counted)
        self._relabel_groups()

    def _touch_group(self, name: str) -> None:
        if name in self._counted:
            self._recount.add(name)

    def _relabel_groups(self) -> None:
        """Relabel the counted groups whose unread count may have changed."""
        due, self._recount = self._recount, set()
        for name in due:
            group = self._groups.get(name)
            if group is not None:
                group.set_label(self._group_label(name, group))

    def _group_label(self, name: str, group: TreeNode[TreeEntry] | None = None) -> Text:
        unread = 0
        if group is not None and name in self._counted:
            unread = sum(
                1 for node in group.children if node.data and node.data.article in self._unread
            )
        return group_label(name, unread)

    def set_entries(self, entries: Iterable[tuple[int, Entry]], unread: Iterable[int]) -> None:
        """Replace the whole list.

        Args:
            entries: ``(article index, entry)`` pairs.
            unread: Indexes of the articles to mark unread.
        """
        self._entries = dict(entries)
        self._unread = set(unread)
        self._rebuild()

    def upsert(self, article: int, entry: Entry, *, unread: bool) -> None:
        """Add an article, or relabel it when it is listed already (a changed file).

        Args:
            article: The article's index.
            entry: Its index entry.
            unread: Whether to mark it unread.
        """
        old = self._entries.get(article)
        self._entries[article] = entry
        if unread:
            self._unread.add(article)
        else:
            self._unread.discard(article)
        self._touch_group(group_name(entry, self.grouping))
        if old is not None and article in self._article_nodes:
            if self._sort_key(article, old) == self._sort_key(article, entry) and group_name(
                old, self.grouping
            ) == group_name(entry, self.grouping):
                self._relabel(article)
                self._relabel_groups()
                return
            self._remove(article)
        self._insert(article)
        self._relabel_groups()

    def set_unread(self, article: int, unread: bool) -> None:
        """Show or clear an article's unread marker."""
        if unread:
            self._unread.add(article)
        else:
            self._unread.discard(article)
        entry = self._entries.get(article)
        if entry is not None:
            self._touch_group(group_name(entry, self.grouping))
            self._relabel_groups()
        node = self._article_nodes.get(article)
        if node is not None:
            # Only the marker changed: keep the section leaves (refilling a long article's
            # hundreds of leaves on the UI thread made reaching its end lag).
            self._relabel(article, refill=False)

    def set_bookmarked(self, articles: Iterable[int], bookmarked: bool = True) -> None:
        """Show or clear the bookmark mark of some articles.

        Args:
            articles: Indexes of the articles.
            bookmarked: Whether they are bookmarked.
        """
        for article in articles:
            if bookmarked:
                self._bookmarked.add(article)
            else:
                self._bookmarked.discard(article)
            if article in self._article_nodes:
                self._relabel(article, refill=False)

    def regroup(self, grouping: Grouping, sorting: Sorting) -> None:
        """Regroup and re-sort the list, keeping the cursor's article.

        Args:
            grouping: The new grouping.
            sorting: The new order.
        """
        node = self.cursor_node
        keep = node.data.article if node is not None and node.data is not None else None
        self.grouping, self.sorting = grouping, sorting
        self._rebuild()
        if keep is not None:
            self.show_position(keep, None)

    def order(self) -> list[int]:
        """Article indexes in display order (groups in turn)."""
        if self._order is None:
            nodes = (
                self.root.children
                if self.grouping == "none"
                else [n for g in self.root.children for n in g.children]
            )
            self._order = [n.data.article for n in nodes if n.data is not None]
        return self._order

    def neighbour(self, article: int, step: int) -> int | None:
        """The article ``step`` places away in display order, or None past either end."""
        order = self.order()
        try:
            at = order.index(article)
        except ValueError:
            return order[0] if order and step > 0 else None
        target = at + step
        return order[target] if 0 <= target < len(order) else None

    # ------------------------------------------------------------------ building

    def _sort_key(self, article: int, entry: Entry) -> tuple[object, ...]:
        return sort_key(self.sorting, article, entry)

    def _rebuild(self) -> None:
        self.clear()
        self._article_nodes.clear()
        self._groups.clear()
        self._keys.clear()
        self._filled.clear()
        self._meta.clear()
        self._shown = -1
        self._order = None
        self._generation += 1
        ranked = sorted(self._entries, key=lambda a: self._sort_key(a, self._entries[a]))
        self._add_chunk(ranked, 0, self._generation)

    def _add_chunk(self, ranked: list[int], start: int, generation: int) -> None:
        """Add a slice of a rebuild; the rest follows after a repaint (10,000 nodes ≈ 0.3 s)."""
        if generation != self._generation:
            return  # a newer rebuild started
        for article in ranked[start : start + CHUNK]:
            if article in self._entries and article not in self._article_nodes:
                self._insert(article)  # (an upsert may have added it already)
        self._relabel_groups()
        if start + CHUNK < len(ranked):
            self.set_timer(0.01, partial(self._add_chunk, ranked, start + CHUNK, generation))
        elif self._wanted is not None:
            self.show_position(*self._wanted)

    def _parent_for(self, entry: Entry) -> TreeNode[TreeEntry]:
        if self.grouping == "none":
            return self.root
        name = group_name(entry, self.grouping)
        group = self._groups.get(name)
        if group is None:
            keys = self._keys.setdefault(self.root.id, [])
            key = (name.casefold(), name)
            at = bisect_right(keys, key)
            keys.insert(at, key)
            before = self.root.children[at] if at < len(self.root.children) else None
            group = self.root.add(self._group_label(name), before=before, expand=True)
            self._groups[name] = group
        return group

    def _insert(self, article: int) -> None:
        entry = self._entries[article]
        parent = self._parent_for(entry)
        keys = self._keys.setdefault(parent.id, [])
        key = self._sort_key(article, entry)
        at = bisect_right(keys, key)
        keys.insert(at, key)
        before = parent.children[at] if at < len(parent.children) else None
        label, meta, outlet = self._label(article)
        node = parent.add(
            label,
            data=TreeEntry(article),
            before=before,
            allow_expand=len(entry.section_words) > 0,
        )
        if parent is not self.root:
            self._touch_group(group_name(entry, self.grouping))
        self._meta[node.id] = meta
        self._outlet[node.id] = outlet
        self._article_nodes[article] = node
        self._order = None

    def _remove(self, article: int) -> None:
        node = self._article_nodes.pop(article)
        if article in self._entries:
            self._touch_group(group_name(self._entries[article], self.grouping))
        parent = node.parent
        if parent is not None:
            keys = self._keys.get(parent.id, [])
            at = parent.children.index(node)
            if at < len(keys):
                del keys[at]
        node.remove()
        self._filled.discard(article)
        self._order = None

    def _label(self, article: int) -> tuple[Text, int, int]:
        """The article's label, the length of its dim tail, and of the outlet ending it."""
        return article_label(
            self._entries[article],
            unread=article in self._unread,
            bookmarked=article in self._bookmarked,
        )

    def _relabel(self, article: int, *, refill: bool = True) -> None:
        node = self._article_nodes[article]
        label, meta, outlet = self._label(article)
        node.set_label(label)
        self._meta[node.id] = meta
        self._outlet[node.id] = outlet
        if refill and article in self._filled:
            # A changed file may have different sections: drop them, refill on expand.
            node.remove_children()
            self._filled.discard(article)
            if node.is_expanded:
                self._fill(article)

    def _fill(self, article: int) -> None:
        """Add an article's section leaves from its index entry (once)."""
        if article in self._filled:
            return
        self._filled.add(article)
        self._fills += 1
        self._fill_of[article] = self._fills
        self._add_sections(article, self._fills, section_titles(self._entries[article]))

    def _add_sections(
        self, article: int, fill: int, sections: list[tuple[int, tuple[str, int]]]
    ) -> None:
        """Add section leaves: the first :data:`SECTIONS_SHOWN`, then one for the rest."""
        node = self._article_nodes.get(article)
        if node is None or article not in self._filled or self._fill_of.get(article) != fill:
            return  # the article was relabelled, refilled or removed meanwhile
        for number, (title, count) in sections[:SECTIONS_SHOWN]:
            label, meta = section_label(title, count)
            leaf = node.add_leaf(label, data=TreeEntry(article, number))
            self._meta[leaf.id] = meta
        rest = sections[SECTIONS_SHOWN:]
        if rest:
            node.add_leaf(more_label(len(rest)), data=TreeEntry(article, rest[0][0]))

    # ------------------------------------------------------------------ showing

    def show_position(self, article: int, section: int | None) -> None:
        """Put the cursor on an article's section (expanding it) without taking focus.

        Args:
            article: Index of the article.
            section: Index of the section, or None for the article's own node.
        """
        node = self._article_nodes.get(article)
        self._wanted = (article, section) if node is None else None
        if node is None:
            return
        if article != self._shown:
            previous = self._article_nodes.get(self._shown)
            if previous is not None:
                previous.collapse()
            self._shown = article
            self._fill(article)
            if node.children:
                node.expand()
        target = node
        children = node.children
        if section is not None and 0 <= section < len(children):
            target = children[section]
        if section is not None and section >= SECTIONS_SHOWN and len(children) > SECTIONS_SHOWN:
            target = children[SECTIONS_SHOWN]  # the leaf that stands for the sections not listed
        if self.last_line >= 0:
            self.move_cursor(target)

    def render_label(self, node: TreeNode[TreeEntry], base_style: Style, style: Style) -> Text:
        """Draw the unread marker in the theme's ``$unread`` colour."""
        label = super().render_label(node, base_style, style)
        data = node.data
        if data is not None and data.section is None and data.article in self._unread:
            label.stylize(self._marker_style(), 0, 1)
        return label

    def _marker_style(self) -> Style:
        """The theme's ``$unread`` style (a style string such as "bold #9ece6a")."""
        theme = self.app.theme
        if self._marker is None or self._marker[0] != theme:
            self._marker = (theme, unread_style(self.app.theme_variables))
        return self._marker[1]

    @on(Tree.NodeExpanded)
    def _fill_sections(self, event: Tree.NodeExpanded[TreeEntry]) -> None:
        data = event.node.data
        if data is not None and data.section is None and data.article in self._article_nodes:
            self._fill(data.article)
