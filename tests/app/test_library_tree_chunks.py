"""A huge article's section leaves are added in chunks, never twice."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.library_entry import Entry
from tui.widgets.library_tree import _SECTION_CHUNK, LibraryTree


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
    def compose(self) -> ComposeResult:
        yield LibraryTree()


async def test_thousands_of_sections_arrive_in_chunks_without_duplicates() -> None:
    sections = _SECTION_CHUNK * 2 + 500
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries([(0, entry(sections))], unread=[])
        await pilot.pause()
        tree.show_position(0, 0)
        node = tree.root.children[0]
        assert len(node.children) == _SECTION_CHUNK  # the rest follows on later turns
        for _ in range(20):
            await pilot.pause()
            if len(node.children) == sections:
                break
        labels = [str(child.label).split("  ")[0] for child in node.children]
        assert labels == [f"Update {n}" for n in range(sections)]


async def test_a_superseded_fill_stops() -> None:
    sections = _SECTION_CHUNK * 3
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries([(0, entry(sections))], unread=[])
        await pilot.pause()
        tree.show_position(0, 0)
        tree.upsert(0, entry(sections), unread=True)  # a changed file: leaves dropped, refilled
        for _ in range(20):
            await pilot.pause()
        node = tree.root.children[0]
        assert len(node.children) in (0, sections)
        assert len({str(child.label) for child in node.children}) == len(node.children)
