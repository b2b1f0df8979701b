"""Structure that real news text breaks (issue 17, items 3 and 4), on texts written for these
tests: BBC language-service articles in six scripts, question headlines, name/role bylines,
modified dates, glued captions, Markdown credit phrases, newsletter footers, dump output."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.article import load
from tui.article.export import to_markdown, to_text
from tui.article.markdown import parse_markdown
from tui.article.model import Boilerplate, Byline, Chrome, ImageCredit
from tui.article.text import parse_text
from tui.reader.render import plain_lines, render_article

WORLD = Path(__file__).parent / "data" / "world"

# name: (title, authors, credits (credit, caption, media), paragraphs, chrome)
WORLD_EXPECTED = {
    "arabic.txt": (
        "مدينة الواحة الخضراء تفتح أول مكتبة عامة منذ ثلاثين عاما",
        [("سمير الحداد", "مراسل الشؤون الثقافية")],
        [
            ("وكالة الأنباء الخيالية", "أطفال يقرأون في القاعة الرئيسية للمكتبة الجديدة", "image"),
            (None, "جولة داخل المكتبة قبل الافتتاح", "video"),
        ],
        3,
        [],
    ),
    "persian.txt": (
        "بازار کتاب شهر کوهپایه دوباره باز شد",
        [("مریم کاظمی", "خبرنگار بی\u200cبی\u200cسی فارسی")],
        [
            ("خبرگزاری خیالی", "فروشندگان کتاب\u200cهای دست\u200cدوم در میدان اصلی شهر", "image"),
            (None, "گفت\u200cوگو با یکی از قدیمی\u200cترین فروشندگان بازار", "video"),
        ],
        3,
        ["- منتشر شده در ۱۴ اسفند ۱۴۰۳"],
    ),
    "hindi.txt": (
        "पहाड़ी गाँव में पहली बार पहुँची बिजली",
        [("अनिता वर्मा", "बीबीसी संवाददाता")],
        [
            ("काल्पनिक समाचार एजेंसी", "गाँव के बच्चे नए बल्ब की रोशनी में पढ़ाई करते हुए", "image"),
            (None, "सोनपुर गाँव के लोगों से बातचीत", "video"),
        ],
        3,
        ["- प्रकाशित 12 मार्च 2025"],
    ),
    "chinese.txt": (
        "山城小镇的最后一家照相馆",
        [("林晓雨", "BBC中文记者")],
        [
            ("虚构通讯社", "照相馆的老板在店里整理旧照片", "image"),
            (None, "走进青石镇的老照相馆", "video"),
        ],
        3,
        [],
    ),
    "russian.txt": (
        "В приморском городке открылся музей старых лодок",
        [("Анна Белова", "Би-би-си"), ("Олег Сомов", "Би-би-си")],
        [
            ("Вымышленное агентство", "Старые рыбацкие лодки в новом зале музея", "image"),
            (None, "Экскурсия по музею перед открытием", "video"),
        ],
        3,
        ["- Опубликовано 3 марта 2025"],
    ),
    "turkish.txt": (
        "Kıyı kasabasında balıkçılar yeni limanı bekliyor",
        [("Elif Yıldız", "BBC Türkçe muhabiri")],
        [
            ("Hayali Haber Ajansı", "Eski limanda bağlı balıkçı tekneleri", "image"),
            (None, "Yalıköy'de balıkçılarla bir gün", "video"),
        ],
        3,
        [],
    ),
}


def test_every_world_article_has_expectations() -> None:
    assert {p.name for p in WORLD.iterdir()} == set(WORLD_EXPECTED)


@pytest.mark.parametrize("name", sorted(WORLD_EXPECTED))
def test_world_service_article(name: str) -> None:
    title, authors, credits, paragraphs, chrome = WORLD_EXPECTED[name]
    article = load(WORLD / name)
    assert article.title == title and not article.title_derived
    assert [(a.name, a.role) for a in article.authors] == authors
    found = [(b.credit, b.caption, b.media) for b in article.blocks() if isinstance(b, ImageCredit)]
    assert found == credits
    assert len(article.paragraphs) == paragraphs
    assert article.headings == ()
    assert [b.text for b in article.blocks() if isinstance(b, Chrome)] == chrome
    assert article.source_format == "bbc"


@pytest.mark.parametrize("name", sorted(WORLD_EXPECTED))
def test_world_dump_prints_no_label_lines(name: str) -> None:
    article = load(WORLD / name)
    out = to_text(article)
    assert not any(line.startswith("- ") for line in out.split("\n"))
    assert "![](#)" not in to_markdown(article)


@pytest.mark.parametrize("name", ["arabic.txt", "persian.txt"])
@pytest.mark.parametrize("width", [20, 37, 60])
def test_right_to_left_paragraphs_keep_reading_order_and_fit(name: str, width: int) -> None:
    """RTL text stays in logical order: the rows read back, top to bottom, as the paragraph
    reads, and no row is wider than the column (nothing spills over the screen)."""
    article = load(WORLD / name)
    rows = plain_lines(render_article(article, width))
    assert all(cell_len(row) <= width for row in rows)
    flat = " ".join(" ".join(rows).split())
    pos = 0
    for paragraph in article.paragraphs:
        at = flat.find(" ".join(paragraph.text.split()), pos)
        assert at >= 0, paragraph.text
        pos = at


# -- item 4: the other structure real text breaks ----------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Is this the end of the corner shop?",
        "Can the valley keep its last bus?",
        "Ferry back at last!",
        "‘Who will pay for the new bridge?’",
        "هل تعود الحافلة إلى القرية؟",
    ],
)
def test_a_question_or_exclamation_headline_is_the_title(headline: str) -> None:
    text = f"{headline}\nThe council met on Tuesday to discuss the plan.\nIt will decide in May.\n"
    article = parse_text(text)
    assert article.title == headline and not article.title_derived
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    "lead",
    [
        "Why would anyone build a bridge there? Nobody knows.",
        "The council met on Tuesday to discuss the plan for the wall, which has been delayed "
        "twice since the storms of last winter?",
    ],
)
def test_a_question_sentence_lead_is_no_headline(lead: str) -> None:
    article = parse_text(f"{lead}\nThe council will decide in May.\n")
    assert article.title_derived


def test_a_name_line_above_a_role_line_is_a_byline() -> None:
    text = (
        "Harbour wall repairs to begin in spring\n"
        "Hannah Pike\n"
        "Political editor\n"
        "Last modified on Wed 14 Jun 2023 18.05 BST\n"
        "The harbour board met on Tuesday and agreed a plan for the western wall.\n"
        "Work will begin in March.\n"
    )
    article = parse_text(text)
    assert [(a.name, a.role) for a in article.authors] == [("Hannah Pike", "Political editor")]
    assert article.headings == ()
    assert len(article.paragraphs) == 2
    assert sum(isinstance(b, Byline) for b in article.blocks()) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Last modified on Wed 14 Jun 2023 18.05 BST",
        "First published on Tue 13 Jun 2023 09.00 BST",
        "Last modified: 3 March 2025",
        "Zuletzt aktualisiert am 14.10.2025",
    ],
)
def test_modified_dates_are_chrome_not_headings(line: str) -> None:
    text = (
        "Harbour wall repairs to begin in spring\n"
        "The harbour board met on Tuesday and agreed a plan for the western wall.\n"
        f"{line}\n"
        "Work will begin in March, the board said in a statement.\n"
    )
    article = parse_text(text)
    assert article.headings == ()
    assert [b.text for b in article.blocks() if isinstance(b, Chrome)] == [line]


@pytest.mark.parametrize(
    ("line", "caption", "paragraph"),
    [
        (
            "Image caption Boats moored in the harbour at duskThe council said the wall "
            "would be repaired by spring.",
            "Boats moored in the harbour at dusk",
            "The council said the wall would be repaired by spring.",
        ),
        (
            "Image copyright Getty ImagesImage caption Volunteers cleared the beach at "
            "noonMr Vale said more help was needed.",
            "Volunteers cleared the beach at noon",
            "Mr Vale said more help was needed.",
        ),
    ],
)
def test_a_caption_glued_to_its_paragraph_is_split(line: str, caption: str, paragraph: str) -> None:
    text = f"Harbour wall repairs to begin\n{line}\nWork will begin in March.\n"
    article = parse_text(text)
    credits = [b for b in article.blocks() if isinstance(b, ImageCredit)]
    assert [c.caption for c in credits] == [caption]
    assert [p.text for p in article.paragraphs] == [paragraph, "Work will begin in March."]
    # Nothing lost: the two parts' source texts make up the line.
    raws = [b.raw for b in article.blocks() if getattr(b, "raw", "") in line]
    assert "".join(raws) == line


@pytest.mark.parametrize(
    "caption",
    [
        "Shares in TimeWarner rose sharply on the news from New York.",  # a camel-case name
        "The iPhone launch drew queues around the block in the city.",
        "Crowds on the beach on SundayMr Vale said more help was needed.",  # left alone
        "Boats moored in the harbour at dusk",  # no glued paragraph
    ],
)
def test_camel_case_names_in_captions_are_not_seams(caption: str) -> None:
    article = parse_text(f"Harbour news\nImage caption, {caption}\nWork will begin in March.\n")
    credits = [b.caption for b in article.blocks() if isinstance(b, ImageCredit)]
    assert credits == [caption]  # (a capitalised word before the seam may be a name: kept)


@pytest.mark.parametrize(
    ("markdown", "credit", "caption"),
    [
        (
            "![Boats in the harbour at dusk. Photo: Jane Roe/Coastal Agency](boats.jpg)",
            "Jane Roe/Coastal Agency",
            "Boats in the harbour at dusk.",
        ),
        (
            "![A crowd on the quay (AP Photo/Sam Pike)](crowd.jpg)",
            "AP Photo/Sam Pike",
            "A crowd on the quay",
        ),
        (
            "![Lanterns on the wall. Credit: Tom Vale/Harbour Trust](l.jpg)",
            "Tom Vale/Harbour Trust",
            "Lanterns on the wall.",
        ),
        (
            "![The sea wall. Photograph: Ana Ruiz/Agency](w.jpg)",
            "Ana Ruiz/Agency",
            "The sea wall.",
        ),
        (
            "![](w.jpg)\n*The sea wall at night. Picture: Ana Ruiz/Agency*",
            "Ana Ruiz/Agency",
            "The sea wall at night.",
        ),
        ("![Credit: PA](#)", "PA", None),
    ],
)
def test_markdown_credit_phrases_are_credits(
    markdown: str, credit: str, caption: str | None
) -> None:
    article = parse_markdown(f"# Harbour lights\n\n{markdown}\n\nThe lights came on.\n")
    found = [(b.credit, b.caption) for b in article.blocks() if isinstance(b, ImageCredit)]
    assert found == [(credit, caption)]


@pytest.mark.parametrize(
    "line",
    [
        "Do you have a story tip? Email us at newsdesk@example.org",
        "Have a news tip? Send us your story tips via the form below.",
        "You are receiving this email because you signed up for the Morning Brief.",
        "To unsubscribe from these emails, click here.",
        "You can unsubscribe at any time.",
        "Manage your email preferences",
        "This article is republished from The Campus Review under a Creative Commons licence.",
        "This story was originally published by Valley Post and is republished with permission.",
        "Republish this article",
        "Sign up for our free morning newsletter and get the news delivered to your inbox.",
        "Enjoying this story? Sign up for our weekly briefing.",
        "Want more? Subscribe to the Harbour Letter.",
        "Get our Morning Brief newsletter",
    ],
)
def test_newsletter_and_syndication_footers_are_boilerplate(line: str) -> None:
    text = (
        "Harbour wall repairs to begin\n"
        "The harbour board agreed a plan for the western wall on Tuesday.\n"
        f"{line}\n"
        "Work will begin in March.\n"
    )
    article = parse_text(text)
    assert [b.text for b in article.blocks() if isinstance(b, Boilerplate)] == [line]
    assert line in to_text(article)  # folded, never dropped


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter, which has 2,000 readers, is published every month by the society.",
        "Viewers who subscribe to the channel can watch the matches for free.",
        "He tipped the waiter and left before the storm.",
        "The licence was granted on Tuesday after a long hearing.",
        "Residents who signed up for the scheme will get new bins in May.",
    ],
)
def test_body_text_about_newsletters_and_licences_stays_body(line: str) -> None:
    article = parse_text(f"Harbour news\nThe board met on Tuesday.\n{line}\n")
    assert not any(isinstance(b, Boilerplate) for b in article.blocks())


def test_dump_prints_no_role_label_lines_and_no_empty_images() -> None:
    text = (
        "Harbour wall repairs to begin\n"
        "- Author, Jane Doe\n"
        "- Role, Business reporter\n"
        "- Reporting from, Port Ellen\n"
        "Image source, PA\n"
        "The harbour board agreed a plan for the western wall on Tuesday.\n"
    )
    article = parse_text(text)
    out = to_text(article)
    assert "Role," not in out and "- Author" not in out
    assert "By Jane Doe (Business reporter)" in out
    assert out.count("Reporting from, Port Ellen") == 1
    assert not any(line.startswith("- ") for line in out.split("\n"))
    md = to_markdown(article)
    assert "![](#)" not in md and "Role," not in md
    assert "![Credit: PA](#)" in md
    back = parse_markdown(md)
    assert [(b.credit, b.caption) for b in back.blocks() if isinstance(b, ImageCredit)] == [
        ("PA", None)
    ]


@given(
    st.lists(st.sampled_from(["a", "B", "duskThe", " ", "Image caption ", "ok.", "x"]), max_size=20)
)
def test_caption_splitting_loses_nothing(parts: list[str]) -> None:
    text = "Title line\nImage caption " + "".join(parts) + "\n"
    article = parse_text(text)
    raw = "".join(b.raw for b in article.blocks())
    assert "".join(raw.split()) == "".join(text.split())
