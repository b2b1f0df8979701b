"""Reader mode on whole pages in the styles of BBC (four languages), Guardian, AP, Reuters,
a blog, a live page and a hostile page (tests/web/fixtures/pages/, invented writing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.pagecheck import block_blob, visible_words
from tui.article.model import (
    Article,
    Author,
    Boilerplate,
    Byline,
    Chrome,
    ImageCredit,
    Paragraph,
    Timestamp,
    Title,
)
from tui.web.readable import read_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


def read(name: str, url: str | None = None) -> Article:
    return read_page(
        (PAGES / f"{name}.html").read_bytes(), url or f"https://www.site.example/{name}"
    )


def credits(article: Article) -> list[tuple[str | None, str | None, str]]:
    return [(b.credit, b.caption, b.media) for b in article.blocks() if isinstance(b, ImageCredit)]


def kinds(article: Article, kind: type) -> list[str]:
    return [getattr(b, "text", "") for b in article.blocks() if isinstance(b, kind)]


@pytest.mark.parametrize("name", sorted(p.stem for p in PAGES.glob("*.html")))
def test_every_visible_word_lands_in_a_block(name: str) -> None:
    data = (PAGES / f"{name}.html").read_bytes()
    if name == "blog":
        data = data.decode("cp1252").encode("utf-8").replace(b"windows-1252", b"utf-8")
    blob = block_blob(read_page(data, "https://www.site.example/x"))
    missing = [word for word in visible_words(data) if word not in blob]
    assert missing == []


def test_bbc_english() -> None:
    article = read("bbc_english", "https://www.bbc.co.uk/news/articles/c0brackenford?at_medium=rss")
    assert article.title == "Tidal mill in Brackenford turns again after 90 years"  # JSON-LD
    assert article.authors == (Author("Orla Penhallow", "BBC News, Cornwall"),)
    assert article.date == "2025-05-14T06:12:40.000Z"
    assert article.outlet == "BBC News"
    assert article.path == "https://www.bbc.co.uk/news/articles/c0brackenford"
    assert article.source_format == "html"
    assert credits(article) == [
        ("Kernow Heritage Trust", "The wheel was last turned by the tide in 1935", "image"),
        ("BBC", "Watch: the first flour in 90 years", "video"),
    ]
    assert article.headings == ("'Every tide is different'",)
    assert [q.speaker for q in article.quotes] == ["Tamsin Rowe", "Tamsin Rowe"]
    folded = kinds(article, Boilerplate) + kinds(article, Chrome)
    for furniture in ("Home", "Related topics", "Heritage", "Mill appeal reaches its target"):
        assert furniture in folded
    assert "Seal pup found in a car park" in folded
    body = " ".join(p.text for p in article.paragraphs)
    assert "Heritage" not in body and "INITIAL-DATA" not in block_blob(article)
    urls = [link.url for link in article.links]
    assert "https://market.example/brackenford" in urls
    assert "https://www.bbc.co.uk/news/topics/heritage" in urls


@pytest.mark.parametrize(
    ("name", "author", "credit", "caption"),
    [
        (
            "bbc_mundo",
            Author("Inés Valdivia", "BBC News Mundo"),
            "Archivo Municipal de Quila",
            "El faro estuvo apagado durante dos décadas.",
        ),
        (
            "bbc_russian",
            Author("Вера Климова", "Би-би-си"),
            "Архив Заводи",
            "Паром рассчитан на сорок пассажиров",
        ),
        ("bbc_arabic", None, "أرشيف الواحة", "المكتبة تضم ثلاثة آلاف كتاب"),
    ],
)
def test_bbc_language_services(name: str, author: Author | None, credit: str, caption: str) -> None:
    article = read(name)
    assert credits(article) == [(credit, caption, "image")]
    if author is not None:
        assert article.authors == (author,)
        assert any(isinstance(b, Byline) for b in article.blocks())
    assert [b.text for b in article.blocks() if isinstance(b, Title)] == [article.title]


def test_bbc_mundo_quote_and_promo() -> None:
    article = read("bbc_mundo")
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("Ahora podemos volver de noche sin miedo", "Rosa Elgueta")
    ]
    assert "Haz clic aquí para leer más historias de BBC News Mundo." in kinds(article, Boilerplate)


def test_guardian() -> None:
    article = read(
        "guardian", "https://theguardian.example/uk-news/2025/apr/22/millbrook-allotments"
    )
    assert article.title == "Allotment holders win fight over Millbrook site"  # og:title
    assert article.authors == (Author("Hannah Pike"), Author("Tom Lyle"))
    assert article.date == "2025-04-22T13:05:00.000Z"
    assert credits(article) == [
        ("Priya Nandakumar/The Guardian", "Gardeners at the Millbrook site on Sunday.", "image")
    ]
    speakers = {q.text: q.speaker for q in article.quotes}
    assert speakers["We grew our way out of this,"] == "Doreen Achterberg"
    assert "hungry gap" in speakers  # a scare quote: found, nobody's words
    assert speakers["hungry gap"] is None
    folded = kinds(article, Boilerplate) + kinds(article, Chrome)
    assert "Explore more on these topics" in folded and "Reuse this content" in folded
    assert (
        article.path == "https://www.theguardian.example/uk-news/2025/apr/22/millbrook-allotments"
    )


def test_ap() -> None:
    article = read("ap")
    assert article.authors == (Author("Darnell Okafor"), Author("Lucy Brandt"))
    assert credits(article) == [
        (
            "AP Photo/Jorge Saldívar",
            "Workers finish the last section of the levee in Harlan Bend, Miss., on Monday.",
            "image",
        )
    ]
    assert [q.speaker for q in article.quotes] == ["Rita Szabo", "Rita Szabo"]
    assert "___" in kinds(article, Chrome)
    assert any("contributed to this report" in t for t in kinds(article, Boilerplate))


def test_reuters() -> None:
    article = read("reuters")
    assert article.authors == (Author("Signe Halvorsen"),)
    assert credits(article) == [
        (
            "REUTERS/Anders Lie/File Photo",
            "Cranes stand idle at Nordvik port, June 12, 2025.",
            "image",
        )
    ]
    assert article.paragraphs[0].text.startswith("NORDVIK, June 14 (Reuters) - ")
    assert article.quotes[0].speaker == "Per Eklund"
    footers = kinds(article, Boilerplate)
    assert "Reporting by Signe Halvorsen; Editing by Mark Tiller" in footers
    assert "Our Standards: The Thomson Reuters Trust Principles." in footers


def test_blog_quotes_tables_lists_and_charset() -> None:
    article = read("blog")
    assert article.title == "On reading the weather, by Ada Quill"  # <title>: no h1
    # windows-1252 from <meta charset>: the dash decodes as a dash
    texts = [p.text for p in article.paragraphs]
    assert "— Elias Quill, 1979" in texts
    # the canonical link points at another site: the page's own address is kept
    assert article.path == "https://www.site.example/blog"
    quotes = [(q.text, q.depth) for q in article.quotes]
    assert ("the sky tells you, if you ask it ‘properly’, and it never lies", 0) in quotes
    assert ("properly", 1) in quotes
    letter = [q for q in article.quotes if q.multi_paragraph]
    assert len(letter) == 1
    assert letter[0].text == (
        "Watch the gulls before you watch the glass.\n\n"
        "If they sit on the field, leave the boat on the shore."
    )
    assert letter[0].speaker == "Elias Quill"
    assert "Gulls inland | Storm within a day" in texts
    assert "wind  NW 4\nglass 1012 falling" in texts
    items = [p.text for p in article.paragraphs if p.kind == "list-item"]
    assert items == ["1. Look up.", "2. Look at the birds.", "3. Then look at the glass."]
    assert [link.url for link in article.links][-4:] == [
        "https://almanac.example/gulls",
        "mailto:ada@notebook.example",
        "https://www.site.example/2024",
        "https://www.site.example/2023",
    ]
    assert "Made by hand in Port Elver." in kinds(article, Boilerplate)


def test_live_page_times_are_timestamps() -> None:
    article = read("live", "https://radio.example/news/live/kestrel-floods")
    assert kinds(article, Timestamp) == ["16:45", "15:20"]
    assert article.headings == ("Bridge reopens", "School closed")
    # a <time> inside a sentence stays in the sentence
    assert "Pupils will work from home tomorrow and on Tuesday." in [
        p.text for p in article.paragraphs
    ]
    assert article.quotes[0].speaker == "Ruth Amadi"
    assert article.authors == (Author("Valley Radio News"),)


def test_hostile_page() -> None:
    article = read("hostile")
    blob = block_blob(article) + article.title + repr(article.links)
    assert "SECRET" not in blob
    assert "\x1b" not in blob and "\u202e" not in blob and "\x9b" not in blob
    assert "␛[31min red␛[0m" in blob  # escapes made visible and inert
    assert article.title == "Quiet day in Lowmere"
    rich = next(p for p in article.paragraphs if "[bold red]" in p.text)
    assert "[bold red]loud[/bold red] [/] [link=https://x.example]here[/link]" in rich.text
    assert [link.url for link in article.links] == ["https://fair.example/lowmere"]
    assert (article.quotes[0].speaker or "").endswith("Wren Halloway")
    assert all(isinstance(b, (Title, Paragraph)) for b in article.blocks())
