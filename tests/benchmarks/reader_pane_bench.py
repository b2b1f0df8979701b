"""Print how fast the reading pane opens and scrolls a ~1 MB article (figures, not a test).

Run: /work/venv/bin/python tests/benchmarks/reader_pane_bench.py
"""

from __future__ import annotations

import asyncio
import random
import statistics
from time import perf_counter

from textual.app import App, ComposeResult

from tui.article.model import (
    Article,
    Boilerplate,
    Heading,
    ImageCredit,
    Paragraph,
    Quotation,
    QuoteSpan,
    Section,
)
from tui.widgets.reader_pane import ReaderPane

WORDS = [
    *("harbour", "council", "ferry", "tide", "morning", "workers", "pier", "union", "vote"),
    *("later", "said", "weeks", "ago", "plan", "budget", "crossing", "island", "engine"),
    *("boat", "winter", "repairs", "residents", "meeting"),
]


def big_article(target: int = 1_000_000, seed: int = 7) -> Article:
    """About ``target`` characters: ~5,000 paragraphs in 100 sections, quotes and folds."""
    rng = random.Random(seed)
    sections: list[Section] = []
    quotes: list[Quotation] = []
    size = 0
    s = 0
    while size < target:
        blocks: list[Paragraph | ImageCredit | Boilerplate] = []
        for _ in range(50):
            head = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 25)))
            quote = "“" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) + "”"
            tail = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 15)))
            text = f"{head.capitalize()} {quote} {tail}."
            start = len(head) + 1
            span = QuoteSpan(start, start + len(quote), 0, len(quotes), "“", "”")
            quotes.append(Quotation(quote[1:-1], 0, "Ann Lee" if rng.random() < 0.2 else None))
            blocks.append(Paragraph(text, text, quotes=(span,)))
            size += len(text)
            if rng.random() < 0.05:
                blocks.append(ImageCredit("Getty Images", "A pier at dawn", "raw"))
            if rng.random() < 0.03:
                blocks.extend(Boilerplate(f"Related link {i}", "r") for i in range(3))
        sections.append(Section(Heading(f"Part {s}", f"Part {s}") if s else None, tuple(blocks)))
        s += 1
    return Article("A very long article", tuple(sections), quotes=tuple(quotes))


class Host(App[None]):
    """A bare host with the theme variables the pane uses."""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {
            "quote": "$warning",
            "quote-nested": "$accent",
            "quote-speaker": "$text-muted",
            "credit-marker": "$success",
            "boilerplate": "$text-muted",
            "heading": "$primary",
            "byline": "$secondary",
            "find-match": "$warning 40%",
        }

    def compose(self) -> ComposeResult:
        yield ReaderPane()


def render_screen(pane: ReaderPane) -> float:
    """Render every visible line the way the compositor does; return seconds."""
    start = perf_counter()
    region = pane.size.region
    pane.render_lines(region)
    return perf_counter() - start


async def main() -> None:
    article = big_article()
    chars = sum(len(p.text) for p in article.paragraphs)
    print(f"article: {chars:,} chars, {len(article.paragraphs):,} paragraphs")
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(ReaderPane)
        await pilot.pause()
        start = perf_counter()
        pane.show_article(article)
        opened = perf_counter() - start
        first = render_screen(pane)
        print(f"show_article: {opened * 1000:.1f} ms; first screen render: {first * 1000:.1f} ms")
        print(f"  total to first screen: {(opened + first) * 1000:.1f} ms")
        pages = []
        for _ in range(50):
            start = perf_counter()
            pane.action_scroll_pages(1)
            pane.render_lines(pane.size.region)
            pages.append(perf_counter() - start)
        print(
            f"page down x50: median {statistics.median(pages) * 1000:.2f} ms,"
            f" max {max(pages) * 1000:.2f} ms"
        )
        start = perf_counter()
        pane.action_scroll_bottom()
        pane.render_lines(pane.size.region)
        print(f"jump to end: {(perf_counter() - start) * 1000:.1f} ms")
        start = perf_counter()
        pane.scroll_to_section(50)
        pane.render_lines(pane.size.region)
        print(f"scroll_to_section(50): {(perf_counter() - start) * 1000:.1f} ms")
        start = perf_counter()
        found = pane.find("part 77")
        print(f"find: {(perf_counter() - start) * 1000:.1f} ms (found={found})")
        start = perf_counter()
        pane.show_boilerplate = True
        pane.render_lines(pane.size.region)
        print(f"toggle show_boilerplate: {(perf_counter() - start) * 1000:.1f} ms")
        start = perf_counter()
        pane.measure = 60
        pane.render_lines(pane.size.region)
        print(f"re-wrap at measure 80→60: {(perf_counter() - start) * 1000:.1f} ms")
        pane.measure = 70
        start = perf_counter()
        while not pane._layout.refined:  # noqa: SLF001 - measuring the idle refinement
            await asyncio.sleep(0.05)
        print(f"idle refinement of all heights (measure 60→70): {perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
