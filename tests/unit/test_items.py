"""Reader items: where a byline known only from metadata goes."""

from __future__ import annotations

from tui.article.model import Article, Author, Paragraph, Section, Title
from tui.reader.items import ViewOptions, build_items


def _article(*blocks: Title | Paragraph) -> Article:
    return Article(
        title="Lindmere ferry returns", sections=(Section(None, blocks),),
        authors=(Author("Orla Vantrees"),),
    )  # fmt: skip


def test_authors_known_only_from_metadata_are_shown_under_the_headline() -> None:
    article = _article(
        Title("Lindmere ferry returns", "Lindmere ferry returns", 1),
        Paragraph("The ferry sailed again.", "The ferry sailed again.", 2),
    )
    kinds = [(item.kind, item.text) for item in build_items(article, ViewOptions())]
    assert kinds[:3] == [
        ("title", "Lindmere ferry returns"),
        ("byline", "By Orla Vantrees"),
        ("paragraph", "The ferry sailed again."),
    ]


def test_without_a_headline_block_the_title_and_byline_lead() -> None:
    article = _article(Paragraph("The ferry sailed again.", "The ferry sailed again.", 1))
    kinds = [item.kind for item in build_items(article, ViewOptions())]
    assert kinds == ["title", "byline", "paragraph"]
