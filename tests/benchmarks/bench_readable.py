"""Time reader mode (:func:`tui.web.readable.read_page`) on big generated pages (not a test).

Run: python tests/benchmarks/bench_readable.py [--sizes 1,5] [--repeat 5]

For each size (in MB) it builds a news page in the BBC style from an invented word list — a
navigation bar, JSON-LD, a byline with hidden labels, figures with ``Image source`` /
``Image caption`` labels, headings, paragraphs with quotations and ``<q>``, block quotes,
related-link blocks, a share bar and a footer — and prints the median time of ``read_page``,
its throughput, and what it found. The target is well under a second per megabyte; nothing
here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from time import perf_counter

from tui.web.readable import read_page

MB = 1_000_000

_WORDS = str.split(
    "harbour council ferry tide morning workers pier union vote weeks plan budget island engine "
    "boat winter repairs residents meeting village road bridge school nurses train station "
    "market prices farmers harvest river flood barrier storm wind rain coast families children"
)
_NAMES = ("Mara Osei", "Lev Pires", "Ines Holt", "Tomas Reid", "Ada Quill", "Kim Ode")


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _block(rng: random.Random, n: int) -> str:
    kind = n % 9
    name = rng.choice(_NAMES)
    if kind == 0:
        return f"<h2>{_sentence(rng, 4)[:-1]}</h2>"
    if kind == 1:
        return (
            "<figure><img src='p.jpg' alt=''><p><span class='visually-hidden'>Image source, "
            "</span>Valley Archive</p><figcaption><span class='visually-hidden'>Image caption, "
            f"</span>{_sentence(rng, 8)}</figcaption></figure>"
        )
    if kind == 2:
        return f"<p>“{_sentence(rng)}” {name} said. “{_sentence(rng, 8)}”</p>"
    if kind == 3:
        return f"<p>{name} said: <q>{_sentence(rng, 9)}</q></p>"
    if kind == 4:
        return f"<p>{name} wrote:</p><blockquote><p>{_sentence(rng)}</p></blockquote>"
    if kind == 5:
        links = "".join(f"<li><a href='/n/{n}{i}'>{_sentence(rng, 5)}</a></li>" for i in range(3))
        return f"<div><h2>Related topics</h2><ul>{links}</ul></div>"
    return f"<p>{_sentence(rng)} {_sentence(rng)} <a href='/s/{n}'>{_sentence(rng, 3)}</a></p>"


def generate_page(size: int, seed: int = 7) -> bytes:
    """A BBC-style page of about ``size`` bytes."""
    rng = random.Random(seed)
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Valley news</title>"
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Valley news",'
        '"author":{"name":"Mara Osei"},"datePublished":"2025-01-01"}</script></head><body>'
        "<nav><a href='/'>Home</a><a href='/news'>News</a></nav><main><article>"
        "<h1>Valley news</h1><div class='byline'><span class='visually-hidden'>Author,</span>"
        "<span>Mara Osei</span><span class='visually-hidden'>Role,</span><span>Valley reporter"
        "</span></div>"
    )
    tail = (
        "<div class='share-bar'><a href='/share'>Share</a></div></article></main>"
        "<footer><p>Copyright Valley News.</p></footer></body></html>"
    )
    parts = [head]
    total = len(head) + len(tail)
    n = 0
    while total < size:
        block = _block(rng, n)
        parts.append(block)
        total += len(block.encode())
        n += 1
    parts.append(tail)
    return "".join(parts).encode()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="page sizes in MB, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (median shown)")
    args = parser.parse_args(argv)
    for size_mb in (float(s) for s in args.sizes.split(",")):
        page = generate_page(int(size_mb * MB))
        times = []
        article = None
        for _ in range(args.repeat):
            start = perf_counter()
            article = read_page(page, "https://valley.example/news/1")
            times.append(perf_counter() - start)
        assert article is not None
        median = statistics.median(times)
        blocks = len(article.blocks())
        print(
            f"read_page {len(page) / MB:5.2f} MB: median {median:6.3f} s "
            f"({len(page) / MB / median:5.1f} MB/s); {blocks} blocks, "
            f"{len(article.paragraphs)} paragraphs, {len(article.quotes)} quotations, "
            f"{len(article.links)} links"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
