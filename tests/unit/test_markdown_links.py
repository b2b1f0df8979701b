"""Links of a Markdown article: absolute http(s)/mailto, in order, each address once."""

from __future__ import annotations

import pytest

from tui.article.links import LinkCollector, link_scheme
from tui.article.markdown import parse_markdown
from tui.article.model import Link


def test_markdown_links_are_kept_in_order_once() -> None:
    text = (
        "# Harbour news\n\n"
        "See [the council](https://council.example/notes?id=4) and <https://ferry.example/>.\n\n"
        "[Again](https://council.example/notes?id=4), [mail](mailto:desk@paper.example), "
        "[bad](javascript:alert(1)), [relative](/about).\n\n"
        "| place | page |\n|---|---|\n| Quay | [quay](http://quay.example/) |\n\n"
        "Read [the log][log].\n\n[log]: https://log.example/2025\n"
    )
    article = parse_markdown(text)
    assert article.links == (
        Link("the council", "https://council.example/notes?id=4"),
        Link("https://ferry.example/", "https://ferry.example/"),
        Link("mail", "mailto:desk@paper.example"),
        Link("quay", "http://quay.example/"),
        Link("the log", "https://log.example/2025"),
    )


def test_markdown_without_links_has_none() -> None:
    assert parse_markdown("Plain words only.\n").links == ()


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("https://a.example/", "https"),
        ("MAILTO:x@y.example", "mailto"),
        ("javascript:alert(1)", "javascript"),
        ("/relative/path", ""),
        ("no-scheme", ""),
        ("1http://x", ""),
    ],
)
def test_link_scheme(url: str, scheme: str) -> None:
    assert link_scheme(url) == scheme


def test_collector_sanitises_text_and_refuses_hidden_characters() -> None:
    links = LinkCollector()
    links.add("Tide \x1b[31mtable\u202e", "https://tide.example/")
    links.add("evil", "https://evil.example/\u202egnp.exe")
    links.add("spaced", "https://sp ace.example/")
    links.add("empty", "https://")
    assert links.links() == (Link("Tide ␛[31mtable", "https://tide.example/"),)
