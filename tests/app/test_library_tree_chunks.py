"""A huge article lists its first sections in the sidebar, and one leaf for the rest."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.library.entry import Entry
from tui.widgets.article_tree import ArticleTree
from tui.widgets.library_tree import SECTIONS_SHOWN, LibraryTree


def entry(sections: int) -> Entry:
    return Entry(
        path="/n/huge.txt",
        size=1,
        mtime_ns=1,
        title="A very long live page",
        title_derived=False,
        authors=(),
        outlet=None,
        date=None,
        headings=tuple(f"Update {n}" for n in range(sections)),
        section_words=tuple(range(sections)),
        word_count=sections,
        folder="",
        source_format="bbc",
    )


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield LibraryTree()

    def on_article_tree_section_selected(self, message: ArticleTree.SectionSelected) -> None:
        self.selected.append(message.entry.section)


async def test_thousands_of_sections_end_in_one_leaf_for_the_rest() -> None:
    sections = SECTIONS_SHOWN * 2 + 500
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries([(0, entry(sections))], unread=[])
        await pilot.pause()
        tree.show_position(0, 0)
        await pilot.pause()
        node = tree.root.children[0]
        labels = [str(child.label).split("  ")[0] for child in node.children]
        assert labels[:-1] == [f"Update {n}" for n in range(SECTIONS_SHOWN)]
        rest = sections - SECTIONS_SHOWN
        assert labels[-1] == f"⋯ {rest:,} more sections"
        # A section past the list puts the cursor on that last leaf; choosing it opens the
        # first section not listed.
        tree.show_position(0, sections - 1)
        await pilot.pause()
        assert tree.cursor_node is node.children[-1]
        tree.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [SECTIONS_SHOWN]


async def test_an_article_with_few_sections_lists_them_all() -> None:
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries([(0, entry(12))], unread=[])
        await pilot.pause()
        tree.show_position(0, 11)
        await pilot.pause()
        node = tree.root.children[0]
        assert [str(c.label).split("  ")[0] for c in node.children] == [
            f"Update {n}" for n in range(12)
        ]
        assert tree.cursor_node is node.children[11]


async def test_a_refilled_article_never_has_its_sections_twice() -> None:
    sections = SECTIONS_SHOWN + 10
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries([(0, entry(sections))], unread=[])
        await pilot.pause()
        tree.show_position(0, 0)
        tree.upsert(0, entry(sections), unread=True)  # a changed file: leaves dropped, refilled
        await pilot.pause()
        tree.show_position(0, 0)
        await pilot.pause()
        node = tree.root.children[0]
        assert len(node.children) in (0, SECTIONS_SHOWN + 1)
        assert len({str(child.label) for child in node.children}) == len(node.children)
