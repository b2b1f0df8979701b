"""The scraped-text parser (tui.article.text): each FORMAT.md rule on short inputs of our own."""

from __future__ import annotations

import pytest

from tui.article import parse
from tui.article.model import (
    Article,
    Author,
    Boilerplate,
    Byline,
    Chrome,
    Heading,
    ImageCredit,
    Paragraph,
    Timestamp,
    Title,
)
from tui.article.text import parse_text


def kinds(article: Article) -> list[tuple[str, str]]:
    """(block type, its main text) for every block, in reading order."""
    out: list[tuple[str, str]] = []
    for b in article.blocks():
        if isinstance(b, ImageCredit):
            out.append(("ImageCredit", f"{b.credit}|{b.caption}|{b.media}"))
        elif isinstance(b, Byline):
            out.append(("Byline", ";".join(f"{a.name}/{a.role}" for a in b.authors)))
        else:
            out.append((type(b).__name__, b.text))
    return out


def test_bbc_current_page() -> None:
    text = "\n".join(
        [
            "Harbour town braces for record spring tide",
            "- Author, Mara Quinlan",
            "- Role, Environment correspondent",
            "- Reporting from, Whitby",
            "- Published2 days ago",
            "Image source, Getty Images",
            "Image caption, Sandbags were stacked along the quay",
            "Residents moved furniture upstairs, a council report, external said.",
            "'Questions to answer'",
            "Council officials said the barrier was tested in March.",
            "Video caption, Waves break over the sea wall",
            "-",
            "Related topics",
            "Coastal flooding",
            "More on this story",
            "Town council votes on new sea wall",
            "- Published14 March",
        ]
    )
    a = parse_text(text)
    assert (a.title, a.title_derived) == ("Harbour town braces for record spring tide", False)
    assert a.authors == (Author("Mara Quinlan", "Environment correspondent"),)
    assert (a.source_format, a.outlet) == ("bbc", "BBC")
    assert kinds(a) == [
        ("Title", "Harbour town braces for record spring tide"),
        ("Byline", "Mara Quinlan/Environment correspondent"),
        ("Byline", ""),
        ("Byline", ""),
        ("Chrome", "- Published2 days ago"),
        ("ImageCredit", "Getty Images|Sandbags were stacked along the quay|image"),
        ("Paragraph", "Residents moved furniture upstairs, a council report said."),
        ("Heading", "'Questions to answer'"),
        ("Paragraph", "Council officials said the barrier was tested in March."),
        ("ImageCredit", "None|Waves break over the sea wall|video"),
        ("Chrome", "-"),
        ("Boilerplate", "Related topics"),
        ("Boilerplate", "Coastal flooding"),
        ("Boilerplate", "More on this story"),
        ("Boilerplate", "Town council votes on new sea wall"),
        ("Boilerplate", "- Published14 March"),
    ]
    credit = a.sections[0].blocks[5]
    assert isinstance(credit, ImageCredit)
    assert (
        credit.raw
        == "Image source, Getty Images\nImage caption, Sandbags were stacked along the quay"
    )
    assert credit.line == 6


def test_role_written_once_belongs_to_each_author() -> None:
    a = parse_text(
        "Title of the piece\n- Author, Ann Lee\n- Author, Raj Patel\n- Role, BBC Verify\n"
        "The body of the story begins here."
    )
    assert a.authors == (Author("Ann Lee", "BBC Verify"), Author("Raj Patel", "BBC Verify"))


def test_lower_case_labels_and_seed_shape_give_derived_title() -> None:
    text = (
        "image source, Reuters\n-\n- Author, Tomas Ruiz\n- Author title, BBC News World\n"
        "The port authority confirmed on Friday that two cranes had been damaged in the storm.\n"
        "A long winter\nimage source, EPA\nRepairs are expected to take several months."
    )
    a = parse_text(text)
    assert a.title_derived
    assert a.title == "The port authority confirmed on Friday that two…"
    assert not any(isinstance(b, Title) for b in a.blocks())
    assert a.headings == ("A long winter",)
    assert a.authors == (Author("Tomas Ruiz", "BBC News World"),)


def test_live_page() -> None:
    text = "\n".join(
        [
            "Live",
            "Storm Ilsa: trains cancelled as winds rise",
            "Summary",
            "Posted at 16:45",
            "Ferry services suspended",
            "All crossings were halted this afternoon, the operator said.",
            "Breaking",
            "16:30",
            "Power cut for thousands",
            "About 12,000 homes lost power, the network company said.",
        ]
    )
    a = parse_text(text)
    assert a.title == "Storm Ilsa: trains cancelled as winds rise"
    assert kinds(a) == [
        ("Chrome", "Live"),
        ("Title", "Storm Ilsa: trains cancelled as winds rise"),
        ("Chrome", "Summary"),
        ("Timestamp", "16:45"),
        ("Heading", "Ferry services suspended"),
        ("Paragraph", "All crossings were halted this afternoon, the operator said."),
        ("Chrome", "Breaking"),
        ("Timestamp", "16:30"),
        ("Heading", "Power cut for thousands"),
        ("Paragraph", "About 12,000 homes lost power, the network company said."),
    ]


def test_older_glued_bbc() -> None:
    text = "\n".join(
        [
            "Online grocer doubles its delivery fleet",
            "By Jane DoeBusiness reporter",
            "Image copyright Getty ImagesThe distancing rules led to a surge in orders.",
            "The company said it had hired 3,000 new drivers since the spring.",
            "Media playback is unsupported on your device",
            "Rise to fameThe founder started the business from a garage in 2009.",
        ]
    )
    a = parse_text(text)
    assert a.authors == (Author("Jane Doe", "Business reporter"),)
    assert kinds(a)[2:] == [
        ("ImageCredit", "Getty Images|The distancing rules led to a surge in orders.|image"),
        ("Paragraph", "The company said it had hired 3,000 new drivers since the spring."),
        ("Chrome", "Media playback is unsupported on your device"),
        ("Heading", "Rise to fame"),
        ("Paragraph", "The founder started the business from a garage in 2009."),
    ]
    heading, para = a.sections[1].heading, a.sections[1].blocks[0]
    assert heading is not None and heading.raw == "Rise to fame" and heading.line == 6
    assert para.raw == "The founder started the business from a garage in 2009."


def test_camel_case_brand_is_not_a_glued_heading() -> None:
    text = (
        "By Jane DoeTechnology reporter\n"
        "YouTube said on Monday it would change the rules for creators."
    )
    a = parse_text(text)
    assert a.headings == ()
    assert a.paragraphs[0].text.startswith("YouTube said")


def test_bbc_spanish() -> None:
    text = "\n".join(
        [
            "Fuente de la imagen, Getty Images",
            "Pie de foto, Los manifestantes se reunieron frente al congreso.",
            "Información del artículo",
            "Autor, Lucía Ferrer",
            "Título del autor, BBC News Mundo",
            "El gobierno anunció una nueva reforma del sistema de pensiones.",
            "Temas relacionados",
            "Pensiones",
            "Haz clic aquí para leer más historias de nuestro servicio.",
            "Suscríbete aquí a nuestro boletín semanal.",
        ]
    )
    a = parse_text(text)
    assert a.authors == (Author("Lucía Ferrer", "BBC News Mundo"),)
    assert a.source_format == "bbc"
    got = kinds(a)
    assert got[0] == (
        "ImageCredit",
        "Getty Images|Los manifestantes se reunieron frente al congreso.|image",
    )
    assert got[1] == ("Chrome", "Información del artículo")
    assert [k for k, _ in got[-4:]] == ["Boilerplate"] * 4


def test_guardian() -> None:
    caption = "Walkers on the common near the site. Photograph: Tom Hadley/PA"
    text = "\n".join(
        [
            "‘We were never asked’: villagers fight quarry plan",
            caption,
            "View image in fullscreen",
            caption,
            "Villagers have launched a legal challenge against the plan.",
            "Explore more on these topics",
            "Planning policy",
            "Reuse this content",
        ]
    )
    a = parse_text(text)
    assert a.title == "‘We were never asked’: villagers fight quarry plan"
    assert (a.source_format, a.outlet) == ("guardian", "The Guardian")
    credits = [b for b in a.blocks() if isinstance(b, ImageCredit)]
    assert len(credits) == 1
    assert (credits[0].credit, credits[0].caption) == (
        "Tom Hadley/PA",
        "Walkers on the common near the site.",
    )
    assert credits[0].raw == f"{caption}\nView image in fullscreen\n{caption}"
    assert [b.text for b in a.blocks() if isinstance(b, Boilerplate)] == [
        "Explore more on these topics",
        "Planning policy",
        "Reuse this content",
    ]


def test_reuters_blank_line_paragraphs() -> None:
    text = (
        "Shipping rates climb as canal delays stretch on\n\n"
        "By Piotr Nowak and Elena Ruiz\n\n"
        "June 14, 2025 3:05 PM GMT+1 Updated 2 hours ago\n\n"
        "LONDON, June 14 (Reuters) - Container rates rose for a third week, data\n"
        "showed, opens new tab.\n\n"
        "Reporting by Piotr Nowak; Editing by Sam Holt\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
    )
    a = parse_text(text)
    assert (a.source_format, a.outlet) == ("reuters", "Reuters")
    assert a.authors == (Author("Piotr Nowak"), Author("Elena Ruiz"))
    assert a.date == "June 14, 2025 3:05 PM GMT+1"
    (para,) = a.paragraphs
    assert (
        para.text
        == "LONDON, June 14 (Reuters) - Container rates rose for a third week, data showed."
    )
    assert para.kind == "dateline"
    assert para.raw == (
        "LONDON, June 14 (Reuters) - Container rates rose for a third week, data\n"
        "showed, opens new tab."
    )
    assert [b.text for b in a.blocks() if isinstance(b, Boilerplate)] == [
        "Reporting by Piotr Nowak; Editing by Sam Holt",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ]


def test_ap() -> None:
    text = "\n".join(
        [
            "Wildfire forces evacuations in hill towns",
            "By MARIA GONZALEZ and DAVID O'NEILL",
            "Associated Press",
            "ATLANTA (AP) — Firefighters battled a wildfire on Tuesday as residents fled.",
            "Smoke rises over a ridge on Tuesday, June 3, 2025. (AP Photo/Darren Mills)",
            "___",
            "Associated Press writer Kim Lee in Denver contributed to this report.",
        ]
    )
    a = parse_text(text)
    assert (a.source_format, a.outlet) == ("ap", "Associated Press")
    # The desk line under the byline is the role of every name on it (as examples/ expects).
    assert a.authors == (
        Author("Maria Gonzalez", "Associated Press"),
        Author("David O'Neill", "Associated Press"),
    )
    assert kinds(a)[3:] == [
        (
            "Paragraph",
            "ATLANTA (AP) — Firefighters battled a wildfire on Tuesday as residents fled.",
        ),
        (
            "ImageCredit",
            "AP Photo/Darren Mills|Smoke rises over a ridge on Tuesday, June 3, 2025.|image",
        ),
        ("Chrome", "___"),
        ("Boilerplate", "Associated Press writer Kim Lee in Denver contributed to this report."),
    ]


def test_german() -> None:
    text = "\n".join(
        [
            "Hochwasser am Neckar: Pegel steigt weiter",
            "Stand: 14.10.2025 18:05 Uhr",
            "Von Anna Schmidt und Jonas Weber, SWR",
            "In Heidelberg ist der Pegel über Nacht um einen Meter gestiegen.",
            "Einsatzkräfte sichern die Promenade. | Uwe Anspach/dpa",
            "Mehr zum Thema",
            "Hochwasser im Südwesten",
        ]
    )
    a = parse_text(text)
    assert a.source_format == "german"
    assert a.date == "14.10.2025 18:05 Uhr"
    assert a.authors == (Author("Anna Schmidt", "SWR"), Author("Jonas Weber", "SWR"))
    assert kinds(a)[1] == ("Chrome", "Stand: 14.10.2025 18:05 Uhr")
    assert ("ImageCredit", "Uwe Anspach/dpa|Einsatzkräfte sichern die Promenade.|image") in kinds(a)
    assert kinds(a)[-2:] == [
        ("Boilerplate", "Mehr zum Thema"),
        ("Boilerplate", "Hochwasser im Südwesten"),
    ]
    assert a.headings == ()


def test_inline_photo_credit_stays_in_the_paragraph() -> None:
    a = parse_text("Headline here\nThe mayor (Photo: Kim Ode) cut the ribbon on Saturday.")
    assert kinds(a)[1] == ("Paragraph", "The mayor (Photo: Kim Ode) cut the ribbon on Saturday.")


def test_hard_wrapped_paragraphs_join() -> None:
    text = (
        "Council approves plan for riverside homes\n\n"
        "The council has approved plans for 400 new homes on the site of a former\n"
        "paper mill, despite objections from residents who say the roads cannot\n"
        "cope with the extra traffic.\n\n"
        "Objections\n\n"
        "More than 200 people wrote to the council to oppose the scheme, and a\n"
        "petition against it gathered 1,500 signatures.\n"
    )
    a = parse_text(text)
    assert a.headings == ("Objections",)
    first, second = a.paragraphs
    assert first.text == (
        "The council has approved plans for 400 new homes on the site of a former paper mill, "
        "despite objections from residents who say the roads cannot cope with the extra traffic."
    )
    assert first.line == 3 and first.raw.count("\n") == 2
    assert second.line == 9


def test_one_paragraph_per_line_is_not_joined() -> None:
    text = "A headline for the story\nThe first short paragraph.\nThe second short paragraph."
    a = parse_text(text)
    assert [p.text for p in a.paragraphs] == [
        "The first short paragraph.",
        "The second short paragraph.",
    ]


def test_not_news_still_gives_paragraphs() -> None:
    a = parse_text("shopping list\neggs\nmilk\n\nremember to call mum")
    assert [p.text for p in a.paragraphs] == [
        "shopping list",
        "eggs",
        "milk",
        "remember to call mum",
    ]
    assert a.title_derived


@pytest.mark.parametrize(
    ("text", "path", "title"),
    [
        ("", None, "Untitled"),
        ("", "/tmp/news/quiet-day.txt", "quiet-day"),
        ("\n \n", None, "Untitled"),
    ],
)
def test_empty_file(text: str, path: str | None, title: str) -> None:
    a = parse_text(text, path=path)
    assert a.title == title and a.title_derived
    assert len(a.sections) == 1 and a.sections[0].heading is None and a.sections[0].blocks == ()


def test_headings_are_not_labels_or_question_paragraphs() -> None:
    text = (
        "A headline\nThe first paragraph is here.\nGet in touch\n"
        "Share your pictures with us by email at news@example.org.\n"
        "Why it matters\nPrices have risen for six months."
    )
    a = parse_text(text)
    assert a.headings == ("Why it matters",)
    assert [b.text for b in a.blocks() if isinstance(b, Boilerplate)] == [
        "Get in touch",
        "Share your pictures with us by email at news@example.org.",
    ]


def test_boilerplate_in_the_middle_then_body_continues() -> None:
    text = (
        "A headline\nThe first paragraph is here.\nRead more\nAn unrelated story title\n"
        "Next steps\nThe second paragraph follows the promo."
    )
    a = parse_text(text)
    assert [type(b) for b in a.blocks()] == [
        Title,
        Paragraph,
        Boilerplate,
        Boilerplate,
        Heading,
        Paragraph,
    ]


def test_parse_entry_point_uses_text_parser_and_keeps_path() -> None:
    a = parse("Headline\nBody text.", path="story.txt")
    assert a.path == "story.txt" and a.title == "Headline"


def test_chrome_kinds() -> None:
    a = parse_text("Headline\nShare\n-\n- Published\nBody text follows here.\nSave")
    assert [type(b) for b in a.blocks()] == [Title, Chrome, Chrome, Chrome, Paragraph, Chrome]
    assert not any(isinstance(b, Timestamp) for b in a.blocks())


@pytest.mark.parametrize(
    "text",
    [
        "".join(f"Heading number {i}\nA paragraph of text follows here.\n" for i in range(10_000)),
        "word " * 200_000,
        "-\n" * 100_000,
        ("Image copyright Getty ImagesThe crowd waited.\n" * 20_000),
        ("a" * 999 + "\n") * 1_000,
    ],
    ids=["10k-headings", "1MB-line", "chrome-lines", "glued", "long-lines"],
)
def test_large_inputs_parse(text: str) -> None:
    # Speed is measured by tests/benchmarks/bench_parse.py; here that nothing is lost at scale.
    article = parse_text(text)
    raw = "".join(b.raw for b in article.blocks())
    assert "".join(raw.split()) == "".join(text.split())
