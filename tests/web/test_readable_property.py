"""Properties on random nested HTML: every visible character (and word) lands in some block,
and no script text reaches a paragraph."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.web.pagecheck import block_blob
from tui.article.model import Paragraph, Title
from tui.web.readable import read_page

TAGS = (
    "div", "p", "span", "a", "figure", "figcaption", "nav", "footer", "blockquote", "q", "h2",
    "ul", "li", "script",
)  # fmt: skip

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@dataclass
class Page:
    html: str
    visible: list[str]
    scripts: list[str]


@st.composite
def pages(draw: st.DrawFn) -> Page:
    visible: list[str] = []
    scripts: list[str] = []
    counter = [0]

    def node(depth: int) -> str:
        if depth > 5 or draw(st.integers(0, 3)) == 0:
            words = draw(st.lists(WORDS, min_size=1, max_size=4))
            visible.extend(words)
            return " ".join(words)
        tag = draw(st.sampled_from(TAGS))
        if tag == "script":
            counter[0] += 1
            token = f"scr{counter[0]}ipt"  # digits: no visible word can contain it
            scripts.append(token)
            return f"<script>var {token} = 1;</script>"
        children = draw(st.integers(0, 3))
        inner = " ".join(node(depth + 1) for _ in range(children))
        attrs = " href='/x'" if tag == "a" else ""
        return f"<{tag}{attrs}>{inner}</{tag}>"

    body = " ".join(node(0) for _ in range(draw(st.integers(1, 4))))
    return Page(f"<html><body>{body}</body></html>", visible, scripts)


@settings(max_examples=300, deadline=None)
@given(pages())
def test_nothing_visible_is_lost_and_no_script_shows(example: Page) -> None:
    article = read_page(example.html.encode(), "https://page.example/")
    blob = block_blob(article)
    assert [word for word in example.visible if word not in blob] == []
    shown = (
        " ".join(b.text for b in article.blocks() if isinstance(b, (Paragraph, Title)))
        + article.title
    )
    assert [token for token in example.scripts if token in shown] == []
    assert [token for token in example.scripts if token in blob] == []


# Characters, not only words: letters of several scripts, digits, punctuation and every quote
# mark family, so a mark the reader adds or a character a rule swallows would show.
CHARS = st.text(
    alphabet="abcxyzÅéßжшعم中文0123456789.,;:!?-—()[]/$#%*+=“”‘’«»„‚「」\"'",
    min_size=1,
    max_size=10,
)


@st.composite
def char_pages(draw: st.DrawFn) -> tuple[str, str]:
    shown: list[str] = []

    def node(depth: int) -> str:
        if depth > 4 or draw(st.integers(0, 3)) == 0:
            text = draw(CHARS)
            shown.append(text)
            return html.escape(text, quote=False)
        tag = draw(st.sampled_from([t for t in TAGS if t != "script"]))
        inner = " ".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        return f"<{tag}>{inner}</{tag}>"

    body = " ".join(node(0) for _ in range(draw(st.integers(1, 4))))
    return f"<html><body>{body}</body></html>", "".join(shown)


@settings(max_examples=300, deadline=None)
@given(char_pages())
def test_every_visible_character_lands_in_a_block(page: tuple[str, str]) -> None:
    markup, shown = page
    article = read_page(markup.encode(), "https://page.example/")
    # Each block's raw is the page text it came from; count characters, spaces aside.
    landed = Counter("".join(block.raw for block in article.blocks()))
    wanted = Counter(ch for ch in shown if not ch.isspace())
    missing = {ch: n - landed[ch] for ch, n in wanted.items() if landed[ch] < n}
    assert missing == {}, (markup, [type(b).__name__ + ":" + b.raw for b in article.blocks()])
