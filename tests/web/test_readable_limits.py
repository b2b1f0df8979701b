"""Reader mode on pages built to hurt: deep nesting, long numbered lists, stray row text,
hostile canonical links; and a shelf manifest planted with paths outside the shelf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.web.readable import read_page

INTRO = "<p>Harbour pilots at Kelmarsh counted the gulls on the quay before dawn.</p>"


def _page(body: str) -> bytes:
    return f"<html><body><article>{INTRO}{body}</article></body></html>".encode()


@pytest.mark.parametrize("tag", ["div", "blockquote", "figure", "section", "span"])
@pytest.mark.parametrize("depth", [300, 399, 800, 1500])
def test_deep_nesting_never_raises_and_keeps_the_text(tag: str, depth: int) -> None:
    body = f"<{tag}>" * depth + "deep words here" + f"</{tag}>" * depth
    article = read_page(_page(body), "https://page.example/")
    assert any("deep words here" in block.raw for block in article.blocks())


def test_a_numbered_list_counts_from_its_start_item_by_item() -> None:
    items = "".join(f"<li>item {n}</li>" for n in range(3000))
    article = read_page(_page(f"<ol start='7'>{items}</ol>"), "https://page.example/")
    texts = [p.text for p in article.paragraphs if p.kind == "list-item"]
    assert texts[0] == "7. item 0" and texts[-1] == "3006. item 2999" and len(texts) == 3000


def test_text_between_table_cells_is_kept() -> None:
    article = read_page(
        _page("<table><tr>stray<td>a</td>mid<td>b</td></tr></table>"), "https://page.example/"
    )
    row = next(b for b in article.blocks() if "a | b" in getattr(b, "text", ""))
    assert "stray" in row.raw and "mid" in row.raw


def test_a_hostile_canonical_link_never_becomes_the_articles_path() -> None:
    page = (
        '<html><head><link rel="canonical" href="https://page.example/a\x1b[31mred\u202eb">'
        f"</head><body><article>{INTRO}</article></body></html>"
    ).encode()
    article = read_page(page, "https://page.example/story")
    assert article.path == "https://page.example/story"


def test_a_planted_manifest_cannot_reach_outside_the_shelf(tmp_path: Path) -> None:
    from tui.web.shelf import MANIFEST, Shelf
    from tui.web.store import WebStore

    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    shelf = Shelf(tmp_path / "shelf")
    shelf.root.mkdir()
    (shelf.root / MANIFEST).write_text(
        json.dumps({
            "version": 1,
            "feeds": {"https://x.example/rss": "../"},
            "files": {"../precious.txt": {"url": "https://x.example/a"},
                      "a/../../precious.txt": {"url": "https://x.example/b"}},
        })
    )  # fmt: skip
    with WebStore(tmp_path / "web.sqlite3") as store:
        shelf.sync(store)
    assert outside.read_text() == "keep me"
    assert shelf.folder_of("https://x.example/rss") is None
