"""Reader mode, rule by rule, on small pages."""

from __future__ import annotations

import pytest

from tests.web.pagecheck import block_blob
from tui.article.model import (
    Article,
    Author,
    Boilerplate,
    Byline,
    Chrome,
    ImageCredit,
    Link,
    Paragraph,
    Timestamp,
    Title,
)
from tui.web.readable import read_page

URL = "https://news.example/story/1"


def page(body: str, head: str = "", url: str = URL, charset: str | None = None) -> Article:
    html = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return read_page(html.encode("utf-8"), url, charset=charset)


def texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


# -- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "charset", "expected"),
    [
        ("<meta charset='iso-8859-1'><p>café</p>".encode("latin-1"), None, "café"),
        (
            (
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                "<p>‘ok’</p>"
            ).encode("cp1252"),
            None,
            "‘ok’",
        ),
        ("<p>café</p>".encode("latin-1"), "latin-1", "café"),  # the server's charset
        ("<meta charset='latin-1'><p>café</p>".encode(), "utf-8", "café"),  # argument wins
        ("<p>café</p>".encode("latin-1"), None, "caf\ufffd"),  # utf-8 with replacement
        (b"\xef\xbb\xbf<meta charset='latin-1'><p>caf\xc3\xa9</p>", None, "café"),  # BOM
        ("<meta charset='utf-16'><p>café</p>".encode(), None, "café"),
        ("<meta charset='no-such-codec'><p>café</p>".encode(), None, "café"),
    ],
)
def test_charset(data: bytes, charset: str | None, expected: str) -> None:
    assert texts(read_page(data, URL, charset=charset)) == [expected]


@pytest.mark.parametrize("data", [b"", b"   ", b"\x00\x00", b"<", b"</html>", b"\xff" * 10])
def test_any_bytes_give_an_article(data: bytes) -> None:
    article = read_page(data, URL)
    assert article.source_format == "html"
    assert article.path == URL


def test_very_deep_nesting_keeps_its_text() -> None:
    html = "<div>" * 3000 + "deepest words" + "</div>" * 3000 + "<p>after the depths</p>"
    blob = block_blob(read_page(html.encode(), URL))
    assert "deepest words" in blob and "after the depths" in blob


# -- metadata ---------------------------------------------------------------------------

LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        (LD.format('{"@type":"NewsArticle","headline":"From LD"}'), "<h1>H1</h1>", "From LD"),
        (
            LD.format(
                '{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["Article"],'
                '"headline":"In graph"}]}'
            ),
            "<h1>H1</h1>",
            "In graph",
        ),
        (
            LD.format('{"@type":"ReportageNewsArticle","headline":"Reportage"}'),
            "",
            "Reportage",
        ),
        ('<meta property="og:title" content="From OG"><title>T</title>', "<h1>H1</h1>", "From OG"),
        ("<title>From title</title>", "<h1>From <b>h1</b></h1>", "From h1"),
        ("<title>From title</title>", "<p>Body text here.</p>", "From title"),
        (LD.format("{not json"), "<h1>Fallback</h1>", "Fallback"),
        (LD.format('{"@type":"Recipe","headline":"Soup"}'), "<h1>Not soup</h1>", "Not soup"),
    ],
)
def test_title_precedence(head: str, body: str, title: str) -> None:
    article = page(body, head)
    assert article.title == title
    assert not article.title_derived


def test_title_derived_from_the_lead_without_any_title() -> None:
    article = page("<p>Rain fell on the ferry port of Skellin all night long and into the day.</p>")
    assert article.title_derived
    assert article.title == "Rain fell on the ferry port of Skellin…"


@pytest.mark.parametrize(
    ("head", "body", "authors"),
    [
        (
            LD.format('{"@type":"NewsArticle","author":[{"name":"Ana Ruiz"},{"name":"Tom Lyle"}]}'),
            "",
            [Author("Ana Ruiz"), Author("Tom Lyle")],
        ),
        (LD.format('{"@type":"NewsArticle","author":"Kim Ode"}'), "", [Author("Kim Ode")]),
        (
            '<meta name="author" content="Ana Ruiz and Tom Lyle">',
            "",
            [Author("Ana Ruiz"), Author("Tom Lyle")],
        ),
        ('<meta name="author" content="https://social.example/ana">', "", []),
        ("", '<p>Text <a rel="author" href="/a">Ana Ruiz</a></p>', [Author("Ana Ruiz")]),
        (
            '<meta name="author" content="Ana Ruiz">',
            '<div class="byline">By Ana Ruiz, Harbour correspondent</div>',
            [Author("Ana Ruiz", "Harbour correspondent")],
        ),
        (
            "",
            '<div class="byline"><span class="visually-hidden">Author,</span><span>Ana Ruiz</span>'
            '<span class="visually-hidden">Role,</span><span>Fisheries reporter</span></div>',
            [Author("Ana Ruiz", "Fisheries reporter")],
        ),
        (
            "",
            '<div class="byline"><span class="visually-hidden">Autor,</span><span>Inés Soto</span>'
            '<span class="visually-hidden">Título del autor,</span><span>BBC Mundo</span></div>',
            [Author("Inés Soto", "BBC Mundo")],
        ),
        (
            "",
            "<article><p>By MARA OSEI and LEV PIRES</p></article>",
            [Author("Mara Osei"), Author("Lev Pires")],
        ),
    ],
)
def test_authors(head: str, body: str, authors: list[Author]) -> None:
    assert list(page(body, head).authors) == authors


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        (LD.format('{"@type":"NewsArticle","datePublished":"2025-01-02"}'), "", "2025-01-02"),
        (
            '<meta property="article:published_time" content="2025-03-04T05:06:07Z">',
            "",
            "2025-03-04T05:06:07Z",
        ),
        ("", '<time datetime="2025-05-06">6 May</time>', "2025-05-06"),
        ("", "<p>No date.</p>", None),
    ],
)
def test_date(head: str, body: str, date: str | None) -> None:
    assert page(body, head).date == date


@pytest.mark.parametrize(
    ("canonical", "path"),
    [
        ("https://news.example/story/1-canonical", "https://news.example/story/1-canonical"),
        ("/story/1?utm_source=x#top", "https://news.example/story/1"),
        ("https://www.news.example/s", "https://www.news.example/s"),
        ("https://other.example/s", URL),
        ("javascript:alert(1)", URL),
    ],
)
def test_canonical(canonical: str, path: str) -> None:
    article = page("<p>x</p>", f'<link rel="canonical" href="{canonical}">')
    assert article.path == path


def test_outlet_from_og_site_name() -> None:
    assert page("", '<meta property="og:site_name" content="Skellin Gazette">').outlet == (
        "Skellin Gazette"
    )


# -- the container and what is around it ------------------------------------------------

LONG = "The ferry from Skellin to Orme crossed in a gale that the skipper called mild. " * 3


def test_container_by_score_and_furniture_around_it() -> None:
    article = page(
        f"<div id='menu'><a href='/a'>Alpha</a> <a href='/b'>Beta section</a></div>"
        f"<div class='story'><p>{LONG}</p><p>{LONG}</p></div>"
        "<div class='promo'><p>Subscribe to our daily letter for more stories like this.</p></div>"
        "<div><p>Some closing words that sit outside the story block.</p></div>"
    )
    assert texts(article) == [LONG.strip(), LONG.strip()]
    folded = [b.text for b in article.blocks() if isinstance(b, (Boilerplate, Chrome))]
    assert folded == [
        "Alpha Beta section",
        "Subscribe to our daily letter for more stories like this.",
        "Some closing words that sit outside the story block.",
    ]


def test_article_element_preferred_to_a_scored_div() -> None:
    article = page(
        f"<main><article><h1>Head</h1><div><p>{LONG}</p></d"
        f"iv></article><aside><p>{LONG}x</p></aside></main>"
    )
    assert texts(article) == [LONG.strip()]


@pytest.mark.parametrize(
    "wrapper",
    [
        "<nav>{}</nav>",
        "<aside>{}</aside>",
        "<footer>{}</footer>",
        "<div class='share-tools'>{}</div>",
        "<div id='cookie-banner'>{}</div>",
        "<div data-component='related-links'>{}</div>",
        "<div role='navigation'>{}</div>",
        "<section><h2>More on this story</h2>{}</section>",
        "<div hidden>{}</div>",
    ],
)
def test_furniture_inside_the_article_is_folded(wrapper: str) -> None:
    inner = (
        "<ul><li><a href='/x'>Storm closes the"
        " pier</a></li></ul><p>Tap here to share this story now</p>"
    )
    article = page(f"<article><p>{LONG}</p>{wrapper.format(inner)}<p>{LONG}</p></article>")
    assert texts(article) == [LONG.strip(), LONG.strip()]
    folded = [b.text for b in article.blocks() if isinstance(b, (Boilerplate, Chrome))]
    assert "Storm closes the pier" in folded
    assert "Tap here to share this story now" in folded


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Reporting by Ana Ruiz; Editing by Tom Lyle", Boilerplate),
        ("Share", Chrome),
        ("Published 2 hours ago", Chrome),
        ("14 June 2025", Chrome),
        ("Related topics", Boilerplate),
        ("Image source, Getty Images", ImageCredit),
        ("Ordinary sentence about boats.", Paragraph),
    ],
)
def test_lines_inside_the_article_follow_the_text_rules(line: str, kind: type) -> None:
    article = page(f"<article><p>{LONG}</p><p>{line}</p></article>")
    assert isinstance(article.blocks()[-1], kind)


# -- inside the article -----------------------------------------------------------------


def test_headings_open_sections_and_the_first_h1_is_the_title() -> None:
    article = page(
        "<article><h1>Main</h1><p>Lead.</p><h2>Part"
        " two</h2><p>More.</p><h3>Deep</h3><p>x</p><h1>Again</h1></article>"
    )
    assert isinstance(article.sections[0].blocks[0], Title)
    assert [(s.heading.text, s.heading.level) for s in article.sections if s.heading] == [
        ("Part two", 2),
        ("Deep", 3),
        ("Again", 1),
    ]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>He said <q>go</q>.</p>", "He said “go”."),
        ("<p><q>Out <q>in <q>deeper</q></q></q></p>", "“Out ‘in “deeper”’”"),
        ("<p><q>“Already marked”</q></p>", "“Already marked”"),
        ("<p>One<br>two<br/>three</p>", "One two three"),
        ("<p>A <b>bold</b> and <i>italic</i> word</p>", "A bold and italic word"),
        ("<div>Loose text in a div</div>", "Loose text in a div"),
        ("<p>[bold]not markup[/bold] [/]</p>", "[bold]not markup[/bold] [/]"),
        ("<p>Tab\there &amp; &lt;there&gt;</p>", "Tab here & <there>"),
    ],
)
def test_inline_text(html: str, expected: str) -> None:
    assert texts(page(f"<article>{html}</article>")) == [expected]


def test_q_raw_keeps_the_page_text() -> None:
    paragraph = page("<article><p>He said <q>go</q>.</p></article>").paragraphs[0]
    assert paragraph.raw == "He said go."
    assert page("<article><p>He said <q>go</q>.</p></article>").quotes[0].text == "go"


@pytest.mark.parametrize(
    ("html", "shown", "quote"),
    [
        (
            "<p>Mara Osei said:</p><blockquote><p>We sail at dawn.</p></blockquote>",
            ["Mara Osei said:", "“We sail at dawn.”"],
            ("We sail at dawn.", "Mara Osei"),
        ),
        (
            "<p>Mara Osei said:</p><blockquote>“We sail at dawn.”</blockquote>",
            ["Mara Osei said:", "“We sail at dawn.”"],
            ("We sail at dawn.", "Mara Osei"),
        ),
        (
            "<blockquote><p>They called it “the long night”.</p></blockquote>",
            ["‘They called it “the long night”.’"],
            ("They called it “the long night”.", None),
        ),
        (
            (
                "<blockquote><p>First part.</p><p>Second"
                " part.</p><footer>— Lev Pires</footer></blockquote>"
            ),
            ["“First part.", "“Second part.”", "— Lev Pires"],
            ("First part.\n\nSecond part.", None),
        ),
    ],
)
def test_blockquotes_are_quotations(
    html: str, shown: list[str], quote: tuple[str, str | None]
) -> None:
    article = page(f"<article>{html}</article>")
    assert texts(article) == shown
    assert [p.kind for p in article.paragraphs][-1] == "blockquote"
    assert (article.quotes[0].text, article.quotes[0].speaker) == quote


def test_lists_tables_and_pre() -> None:
    article = page(
        "<article><ul><li>Nets</li><li>Rope <b>and</b> tar</li></ul>"
        "<ol start='4'><li>Four</li><li>Five</li></ol>"
        "<table><caption>Catch</caption><tr><th>Fish</th><th>Tonnes</th></tr>"
        "<tr><td>Cod</td><td>12</td></tr><tr><td></td><td>3</td></tr></table>"
        "<pre>  a\n    b\n</pre></article>"
    )
    assert texts(article) == [
        "Nets", "Rope and tar", "4. Four", "5. Five", "Catch", "Fish | Tonnes", "Cod | 12", "3",
        "  a\n    b",
    ]  # fmt: skip
    assert [p.kind for p in article.paragraphs][:4] == ["list-item"] * 4


# -- figures ----------------------------------------------------------------------------

HIDDEN = '<span class="visually-hidden">{}</span>'


@pytest.mark.parametrize(
    ("figure", "credit", "caption", "media"),
    [
        (
            f"<img src='a.jpg'><p>{HIDDEN.format('Image source, ')}Getty Images</p>"
            f"<figcaption>{HIDDEN.format('Image caption, ')}Boats at dusk</figcaption>",
            "Getty Images", "Boats at dusk", "image",
        ),
        (
            f"<p>{HIDDEN.format('Fuente de la imagen, ')}EFE</p>"
            f"<figcaption>{HIDDEN.format('Pie de foto, ')}Barcos</figcaption>",
            "EFE", "Barcos", "image",
        ),
        (
            f"<p>{HIDDEN.format('Автор фото, ')}ТАСС</p>"
            f"<figcaption>{HIDDEN.format('Подпись к фото, ')}Лодки</figcaption>",
            "ТАСС", "Лодки", "image",
        ),
        (
            f"<p>{HIDDEN.format('صدر الصورة، ')}وكالة</p>"
            f"<figcaption>{HIDDEN.format('التعليق على الفيديو، ')}قوارب</figcaption>",
            "وكالة", "قوارب", "video",
        ),
        (
            f"<p>{HIDDEN.format('منبع تصویر، ')}Reuters</p>"
            f"<figcaption>{HIDDEN.format('توضیح تصویر، ')}قایق</figcaption>",
            "Reuters", "قایق", "image",
        ),
        ((
            "<figcaption>Boats. Photograph: Jo"
            " Bell/Agency</figcaption>"
        ), "Jo Bell/Agency", "Boats.", "image"),
        ((
            "<figcaption>Boats, Monday. (AP"
            " Photo/Jo Bell)</figcaption>"
        ), "AP Photo/Jo Bell", "Boats, Monday.", "image"),
        ("<figcaption>Boats. REUTERS/Jo Bell</figcaption>", "REUTERS/Jo Bell", "Boats.", "image"),
        ("<figcaption>Boats.</figcaption><p>Credit: Jo Bell</p>", "Jo Bell", "Boats.", "image"),
        ("<figcaption>Boats. <small>© Jo Bell</small></figcaption>", "Jo Bell", "Boats.", "image"),
        ((
            "<figcaption>Boats.<span"
            " class='image-credit'>Jo Bell/PA</span></figcaption>"
        ), "Jo Bell/PA", "Boats.", "image"),
        ("<img src='a.jpg' alt='Boats in fog'>", None, "Boats in fog", "image"),
        ("<video src='v.mp4'></video><figcaption>Boats</figcaption>", None, "Boats", "video"),
        (
            (
                "<figcaption><span>View image in fullscreen</span><span>Boats."
                " Photograph: Jo Bell/PA</span></figcaption>"
            ),
            "Jo Bell/PA", "Boats.", "image",
        ),
    ],
)  # fmt: skip
def test_figure_is_one_credit_marker(
    figure: str, credit: str | None, caption: str | None, media: str
) -> None:
    article = page(f"<article><p>{LONG}</p><figure>{figure}</figure></article>")
    markers = [b for b in article.blocks() if isinstance(b, ImageCredit)]
    assert [(m.credit, m.caption, m.media) for m in markers] == [(credit, caption, media)]


def test_pull_quote_figure_is_walked_as_text() -> None:
    article = page(
        "<article><figure><blockquote><p>Never again.</p></blockquote>"
        "<figcaption>— Lev Pires</figcaption></figure></article>"
    )
    assert texts(article) == ["“Never again.”", "— Lev Pires"]
    assert not any(isinstance(b, ImageCredit) for b in article.blocks())


def test_figure_outside_the_article_is_chrome() -> None:
    article = page(
        f"<aside><figure><figcaption>Promo"
        f" picture</figcaption></figure></aside><article><p>{LONG}</p></article>"
    )
    assert not any(isinstance(b, ImageCredit) for b in article.blocks())
    assert "Promo picture" in block_blob(article)


# -- live pages -------------------------------------------------------------------------


def test_times_are_timestamps_only_on_live_pages() -> None:
    body = "<article><div><time datetime='x'>16:45</time></div><p>Bridge open.</p></article>"
    live = page(body, url="https://news.example/live/storm")
    assert [b.text for b in live.blocks() if isinstance(b, Timestamp)] == ["16:45"]
    plain = page(body)
    assert not any(isinstance(b, Timestamp) for b in plain.blocks())
    ld = LD.format('{"@type":"LiveBlogPosting","headline":"Storm"}')
    assert any(isinstance(b, Timestamp) for b in page(body, ld).blocks())


# -- links and unshown text ---------------------------------------------------------------


def test_links_absolute_filtered_and_deduplicated() -> None:
    article = page(
        "<article><p><a href='/one'>One</a> <a href='two?x=1'>Two</a> <a href='/one'>dup</a>"
        " <a href='javascript:void(0)'>js</a> <a href='data:,x'>data</a>"
        " <a href='mailto:desk@news.example'>Mail <b>us</b></a> <a href='#top'>Top</a>"
        " <a href='https://other.example/p'>\x1b[31mRed\u202e</a> <a>no href</a></p></article>",
        head="<base href='https://cdn.news.example/base/'>",
    )
    assert article.links == (
        Link("One", "https://cdn.news.example/one"),
        Link("Two", "https://cdn.news.example/base/two?x=1"),
        Link("Mail us", "mailto:desk@news.example"),
        Link("Top", "https://cdn.news.example/base/#top"),
        Link("␛[31mRed", "https://other.example/p"),
    )


def test_unshown_elements_never_become_text() -> None:
    article = page(
        "<article><p>Shown words.</p><script>var hidden1 = 1;</script>"
        "<style>.hidden2{}</style><template><p>hidden3</p></template>"
        "<noscript><p>hidden4</p></noscript><!-- hidden5 -->"
        "<input type='hidden' value='hidden6'><p>More shown words.</p></article>",
        head="<script>hidden7()</script>",
    )
    blob = block_blob(article) + article.title
    assert "hidden" not in blob
    assert texts(article) == ["Shown words.", "More shown words."]


def test_byline_block_kept_in_place() -> None:
    article = page("<article><h1>T</h1><p class='byline'>By Ana Ruiz</p><p>Body.</p></article>")
    assert [type(b) for b in article.blocks()] == [Title, Byline, Paragraph]
