"""Time the scraped-text parser against markdown-it-py on big BBC-style articles (not a test).

Run: python tests/benchmarks/bench_parse.py [--sizes 1,10] [--repeat 5]
[--inputs bbc,ttfp] [--tiny]

For each size (in MB) it generates an article in the BBC scraped-text style — title, labelled
bylines, ``Image source``/``Image caption`` pairs, video captions, headings, quotations with
speakers, apostrophes, ``Related topics`` blocks and promos — from an invented word list, then
prints the median time of :func:`tui.article.parse` (text path) and of
``MarkdownIt("commonmark").parse`` on the same string, the throughput in MB/s and the ratio
newsread time / markdown-it time. Two inputs: ``bbc`` is :func:`generate_article`; ``ttfp`` is
the article the first-paint benchmark opens (``bench_ttfp.article_with_markers``: the same
generator plus marker paragraphs at the start and the end). ``--tiny`` runs ~20 kB articles
once (for the test suite). Every newsread run is a first parse: the speaker-attribution memos
are emptied before it (:func:`tui.article.attribution_rules.forget_phrases`).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections.abc import Callable, Sequence
from time import perf_counter

from markdown_it import MarkdownIt

from tui.article import parse
from tui.article.attribution_rules import forget_phrases

MB = 1_000_000

_WORD_TEXT = (
    "harbour council ferry tide morning workers pier union vote later weeks plan budget island "
    "engine boat winter repairs residents meeting village road bridge school hospital nurses "
    "train station market prices farmers harvest river flood barrier storm wind rain coast "
    "families children teachers report figures survey study year month week evening night "
    "government minister officials police court judge case appeal ruling decision changes "
    "service services staff shifts hours pay offer talks deal agreement company firm jobs "
    "factory plant energy power water supply cost costs rise fall record level levels number "
    "people town city region county country border trade exports imports talks summit leaders "
    "campaign group petition signatures library museum theatre festival music club team match "
    "season players fans ground stadium league title game coach manager chairman board members"
)
WORDS = tuple(_WORD_TEXT.split())
_NAME_TEXT = (
    "Ailsa Morrison,Graham Duthie,Fiona Lennox,Callum Reid,Rhona Mackie,Derek Souter,Priya Nair,"
    "Tomasz Wrona,Grace Adeyemi,Samir Haddad,Eilidh Brannock,Kwame Asante,Lena Brauer,Marta Ruiz"
)
NAMES = tuple(_NAME_TEXT.split(","))
ROLES = ("BBC News", "Business reporter", "Health correspondent", "BBC Scotland News")
AGENCIES = ("Getty Images", "Reuters", "PA Media", "EPA", "BBC")
VERBS = ("said", "told the BBC", "added", "warned")
BOILERPLATE = (
    ["Related topics", "Harbour", "Transport"],
    ["More on this story", "Ferry timetable cut for winter", "- Published2 days ago"],
    ["Sign up for our morning newsletter and get BBC News in your inbox."],
)


class _Writer:
    """Makes sentences, paragraphs and sections from the word list with a seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self) -> str:
        text = self.words(8, 22)
        if self.rng.random() < 0.15:
            text += " that the board won’t change"  # an apostrophe, never a quote
        return text[0].upper() + text[1:] + "."

    def heading(self) -> str:
        text = self.words(3, 6)
        return text[0].upper() + text[1:]

    def paragraph(self) -> str:
        roll = self.rng.random()
        name = self.rng.choice(NAMES)
        if roll < 0.2:
            quote = self.sentence().rstrip(".")
            return f"“{quote},” {name} {self.rng.choice(VERBS)}."
        if roll < 0.3:
            return f"{name} said the plan was “{self.words(3, 8)}” and {self.words(5, 12)}."
        if roll < 0.35:
            inner = self.words(2, 4)
            return f"“They told us ‘{inner}’, and then nothing,” said {name}."
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def credit(self) -> list[str]:
        if self.rng.random() < 0.2:
            return [f"Video caption, Watch: {self.words(5, 10)}"]
        return [
            f"Image source, {self.rng.choice(AGENCIES)}",
            f"Image caption, {self.sentence()}",
        ]


def generate_article(target: int, seed: int = 1) -> str:
    """Generate a BBC-style scraped article of at least ``target`` characters.

    Args:
        target: The minimum length in characters.
        seed: Seed for the word choices (same seed, same article).

    Returns:
        The article text, one paragraph per line.
    """
    w = _Writer(seed)
    lines = [w.heading(), "-"]
    for name in w.rng.sample(NAMES, 2):
        lines += [f"- Author, {name}", f"- Role, {w.rng.choice(ROLES)}"]
    lines += ["- Published14 October 2025", *w.credit()]
    size = sum(len(line) + 1 for line in lines)
    section = 0
    while size < target:
        chunk = [w.paragraph() for _ in range(w.rng.randint(4, 9))]
        if section % 3 == 1:
            chunk.insert(w.rng.randint(0, len(chunk)), "\n".join(w.credit()))
        if section % 10 == 9:
            chunk += ["\n".join(BOILERPLATE[(section // 10) % len(BOILERPLATE)])]
        chunk.insert(0, w.heading())
        section += 1
        lines += chunk
        size += sum(len(line) + 1 for line in chunk)
    return "\n".join(lines) + "\n"


def median_time(func: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls, in seconds."""
    return median_times([func], repeat)[0]


def median_times(funcs: Sequence[Callable[[], object]], repeat: int) -> list[float]:
    """The median wall time of ``repeat`` calls of each function, the calls interleaved.

    Taking turns (a, b, a, b, ...) lets a slow moment of a shared machine fall on both sides
    instead of on whichever was being timed then.
    """
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for held, func in zip(times, funcs, strict=True):
            start = perf_counter()
            func()
            held.append(perf_counter() - start)
    return [statistics.median(held) for held in times]


def article_for(name: str, size: int) -> str:
    """The generated article of input ``name`` (``bbc`` or ``ttfp``), of ``size`` characters."""
    if name == "ttfp":
        # Imported here: bench_ttfp imports this module (and needs tmux only when run).
        from tests.benchmarks.bench_ttfp import article_with_markers

        return article_with_markers(size)
    if name == "bbc":
        return generate_article(size)
    raise ValueError(f"unknown input {name!r} (bbc or ttfp)")


def _first_parse(text: str) -> object:
    """Parse ``text`` as a first parse: the attribution memos are emptied first (parsing the same
    text again would find every phrase in them, which no reader opening an article does)."""
    forget_phrases()
    return parse(text, fmt="text")


def run(
    sizes: Sequence[float], repeat: int, inputs: Sequence[str] = ("bbc",)
) -> list[tuple[str, str, float, float, float]]:
    """Time both parsers at each size, on each input.

    Args:
        sizes: Article sizes in MB.
        repeat: Runs per measurement (the median is reported).
        inputs: Which generated articles to parse (see :func:`article_for`).

    Returns:
        Rows of (size and input label, parser, median seconds, MB/s, ratio to markdown-it).
    """
    md = MarkdownIt("commonmark")
    # Warm up: imports and one-time tables (built on first use) are not the parse's speed.
    parse(generate_article(5_000), fmt="text")
    md.parse(generate_article(5_000))
    rows = []
    for name in inputs:
        for size in sizes:
            text = article_for(name, int(size * MB))
            megabytes = len(text.encode("utf-8")) / MB
            ours, theirs = median_times(
                [lambda: _first_parse(text), lambda: md.parse(text)],  # noqa: B023 - used at once
                repeat,
            )
            label = f"{megabytes:.2f} MB {name}"
            rows.append((label, "newsread text", ours, megabytes / ours, ours / theirs))
            rows.append((label, "markdown-it", theirs, megabytes / theirs, 1.0))
    return rows


def format_table(rows: Sequence[tuple[str, str, float, float, float]]) -> str:
    """Render result rows as an aligned table."""
    out = [f"{'size':>14}  {'parser':<14} {'median s':>9} {'MB/s':>8} {'ratio':>7}"]
    out += [
        f"{label:>14}  {name:<14} {secs:>9.3f} {rate:>8.2f} {ratio:>6.2f}x"
        for label, name, secs, rate, ratio in rows
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1,10", help="comma-separated sizes in MB (1,10)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--inputs", default="bbc,ttfp", help="generated articles (bbc,ttfp)")
    parser.add_argument("--tiny", action="store_true", help="~20 kB articles, one run each")
    args = parser.parse_args(argv)
    sizes = [0.02] if args.tiny else [float(s) for s in args.sizes.split(",") if s.strip()]
    repeat = 1 if args.tiny else max(1, args.repeat)
    inputs = [s.strip() for s in args.inputs.split(",") if s.strip()]
    for name in inputs:
        if name not in ("bbc", "ttfp"):
            parser.error(f"unknown input {name!r} (bbc or ttfp)")
    print(format_table(run(sizes, repeat, inputs)))
    print("ratio = time of this parser / time of markdown-it on the same text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
