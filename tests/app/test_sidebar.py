"""The library sidebar as a reader sees it: its header count, width, labels and marks."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.library_entry import Entry
from tui.widgets.library_tree import CHUNK, LibraryTree


def entry(n: int, *, outlet: str | None = None, title: str = "") -> Entry:
    return Entry(
        path=f"/news/a{n}.txt",
        size=1,
        mtime_ns=n,
        title=title or f"Article number {n}",
        title_derived=False,
        authors=(),
        outlet=outlet,
        date=None,
        headings=(),
        section_words=(10,),
        word_count=10,
        folder="",
        source_format="plain",
    )


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield LibraryTree()


async def test_the_count_is_every_article_while_the_tree_is_still_filling() -> None:
    """The header said "1000 articles" for 2,226: the count came from the nodes added so far."""
    total = 2 * CHUNK + 226
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries(((n, entry(n)) for n in range(total)), unread=())
        assert tree.article_count == total  # before the later chunks are added
        tree.regroup("outlet", "title")  # "o" rebuilds the tree in chunks too
        assert tree.article_count == total
        await pilot.pause()
        assert tree.article_count == total


async def test_an_outlet_shows_only_when_the_text_names_one() -> None:
    """The file name stood in for a missing outlet ("· zzzz-long")."""
    app = Host()
    async with app.run_test() as pilot:
        tree = app.query_one(LibraryTree)
        tree.set_entries(
            [(0, entry(0, outlet="Associated Press")), (1, entry(1, outlet=None))], unread=()
        )
        await pilot.pause()
        named, unnamed = (str(node.label) for node in tree.root.children)
        assert named.endswith("10w · AP")
        assert unnamed.endswith("10w") and "a1" not in unnamed
