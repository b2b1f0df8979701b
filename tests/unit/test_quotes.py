"""Quotation detection (FORMAT.md, "Quotations"): mark families, apostrophes, paragraphs."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.article.model import Heading, ImageCredit, Paragraph, Quotation, Section
from tui.article.quotes import MAX_DEPTH, FoundQuote, annotate, find_quotes

NBSP = "\u00a0"
NNBSP = "\u202f"


def found(*paragraphs: str) -> list[FoundQuote]:
    """Run the detector and check the invariants every result must satisfy."""
    result = find_quotes(list(paragraphs))
    for quote in result:
        for span in quote.spans:
            text = paragraphs[span.paragraph]
            assert 0 <= span.start < span.end <= len(text)
            if span.open_mark:
                assert text[span.start] == span.open_mark
            if span.close_mark:
                assert text[span.end - 1] == span.close_mark
    return result


def texts(*paragraphs: str) -> list[tuple[str, int]]:
    """The (text, depth) of each quotation found, in reading order."""
    return [(q.text, q.depth) for q in found(*paragraphs)]


# -- every family ------------------------------------------------------------------------

FAMILIES = [
    pytest.param("The mayor said “the bridge opens in May” at noon.", "“", "”", id="curly-double"),
    pytest.param(
        'The mayor said "the bridge opens in May" at noon.', '"', '"', id="straight-double"
    ),
    pytest.param("The mayor said ‘the bridge opens in May’ at noon.", "‘", "’", id="curly-single"),
    pytest.param(
        "The mayor said 'the bridge opens in May' at noon.", "'", "'", id="straight-single"
    ),
    pytest.param(
        "El alcalde dijo «the bridge opens in May» al mediodía.", "«", "»", id="guillemets"
    ),
    pytest.param(
        "Der Bürgermeister sagte »the bridge opens in May« heute.", "»", "«", id="de-reversed"
    ),
    pytest.param("Der Bürgermeister sagte „the bridge opens in May“ heute.", "„", "“", id="de-low"),
    pytest.param(
        "Der Bürgermeister sagte ‚the bridge opens in May‘ heute.", "‚", "‘", id="de-single"
    ),
    pytest.param(
        "Der Bürgermeister sagte ›the bridge opens in May‹ heute.", "›", "‹", id="de-single-rev"
    ),
    pytest.param("Burmistrz powiedział „the bridge opens in May” dziś.", "„", "”", id="polish"),
    pytest.param("市長は「the bridge opens in May」と述べた。", "「", "」", id="kagikakko"),
    pytest.param("市長は『the bridge opens in May』と述べた。", "『", "』", id="double-kagikakko"),
]


@pytest.mark.parametrize(("sentence", "opener", "closer"), FAMILIES)
def test_each_family_gives_one_quotation(sentence: str, opener: str, closer: str) -> None:
    (quote,) = found(sentence)
    assert quote.text == "the bridge opens in May"
    assert quote.depth == 0 and not quote.unclosed and not quote.multi_paragraph
    (span,) = quote.spans
    assert (span.open_mark, span.close_mark) == (opener, closer)
    assert sentence[span.start : span.end] == f"{opener}the bridge opens in May{closer}"


@pytest.mark.parametrize("space", [NBSP, NNBSP, " "])
def test_french_guillemets_with_inner_spaces(space: str) -> None:
    sentence = f"« Nous rouvrirons l’usine{space}», a déclaré la directrice."
    sentence = sentence.replace("« ", f"«{space}")
    (quote,) = found(sentence)
    assert quote.text == "Nous rouvrirons l’usine"
    (span,) = quote.spans
    assert sentence[span.start] == "«" and sentence[span.end - 1] == "»"


# -- nesting -----------------------------------------------------------------------------

NESTED = [
    pytest.param(
        "He wrote: “The sign said ‘keep out’ in red.”",
        [("The sign said ‘keep out’ in red.", 0), ("keep out", 1)],
        id="english",
    ),
    pytest.param(
        'She recalled: “My father told me ‘the guard kept shouting "stop" at us’ that day.”',
        [
            ('My father told me ‘the guard kept shouting "stop" at us’ that day.', 0),
            ('the guard kept shouting "stop" at us', 1),
            ("stop", 2),
        ],
        id="depth-two",
    ),
    pytest.param(
        "«El cartel decía “prohibido el paso” en rojo», explicó.",
        [("El cartel decía “prohibido el paso” en rojo", 0), ("prohibido el paso", 1)],
        id="spanish-curly",
    ),
    pytest.param(
        "«El cartel decía ‘prohibido el paso’ en rojo», explicó.",
        [("El cartel decía ‘prohibido el paso’ en rojo", 0), ("prohibido el paso", 1)],
        id="spanish-single",
    ),
    pytest.param(
        '«El cartel decía "prohibido el paso" en rojo», explicó.',
        [('El cartel decía "prohibido el paso" en rojo', 0), ("prohibido el paso", 1)],
        id="spanish-straight",
    ),
    pytest.param(
        "„Auf dem Schild stand ‚Betreten verboten‘ in Rot“, sagte er.",
        [("Auf dem Schild stand ‚Betreten verboten‘ in Rot", 0), ("Betreten verboten", 1)],
        id="german-low",
    ),
    pytest.param(
        "»Auf dem Schild stand ›Betreten verboten‹ in Rot«, sagte er.",
        [("Auf dem Schild stand ›Betreten verboten‹ in Rot", 0), ("Betreten verboten", 1)],
        id="german-reversed",
    ),
    pytest.param(
        "彼女は「看板に『立入禁止』と書いてあった」と話した。",
        [("看板に『立入禁止』と書いてあった", 0), ("立入禁止", 1)],
        id="japanese",
    ),
    pytest.param(
        "«Il m’a dit “ça suffit” hier», raconte-t-elle.",
        [("Il m’a dit “ça suffit” hier", 0), ("ça suffit", 1)],
        id="french-with-apostrophe",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), NESTED)
def test_nested_quotations_are_separate(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert texts(sentence) == expected
    outer, *inner = found(sentence)
    for quote in inner:
        assert outer.spans[0].start < quote.spans[0].start
        assert quote.spans[0].end < outer.spans[0].end


# -- apostrophes are never quote marks ----------------------------------------------------

APOSTROPHES = [
    "The committee don’t meet on Sundays.",
    "We ate at Duarte’s place near the harbour.",
    "The Farmers’ union met in the hall.",
    "It sounded like the ’90s all over again.",
    "It sounded like the ‘80s all over again.",
    "Prices were lower in the 90’s than now.",
    "The ferry leaves at six o’clock sharp.",
    "They played rock ’n’ roll until dawn.",
    "They played rock ‘n’ roll until dawn.",
    "Wie’s campaign raised money quickly.",
    "The committee don't meet on Sundays.",
    "We ate at Duarte's place near the harbour.",
    "The Farmers' union met in the hall.",
    "It sounded like the '90s all over again.",
    "Prices were lower in the 90's than now.",
    "The ferry leaves at six o'clock sharp.",
    "They played rock 'n' roll until dawn.",
    "Wie's campaign raised money quickly.",
    "The lawyers’ fees and the judges’ salaries rose; ’tis odd, the clerks’ too.",
    "Tell ’em the ’68 protests and the ‘70s strikes were different.",
]


@pytest.mark.parametrize("sentence", APOSTROPHES)
def test_apostrophes_make_no_quotation(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("‘We don’t sell at Duarte’s,’ she said.", "We don’t sell at Duarte’s,"),
        ("‘The farmers’ market closes at four,’ he said.", "The farmers’ market closes at four,"),
        ("'The farmers' market closes at four,' he said.", "The farmers' market closes at four,"),
        ("‘Music peaked in the ’90s,’ he said.", "Music peaked in the ’90s,"),
        ("‘Music peaked in the ‘80s,’ he said.", "Music peaked in the ‘80s,"),
        ("'We meet at ten o'clock,' she said.", "We meet at ten o'clock,"),
        ("‘I grew up on rock ’n’ roll,’ he said.", "I grew up on rock ’n’ roll,"),
        ("‘It belongs to the farmers’", "It belongs to the farmers"),
        ("He called it ‘unfair’ and the players’ union agreed.", "unfair"),
        ("“Wie’s plan can’t work,” she said.", "Wie’s plan can’t work,"),
    ],
)
def test_apostrophes_inside_single_quotes(sentence: str, expected: str) -> None:
    (quote,) = found(sentence)
    assert quote.text == expected
    assert not quote.unclosed


def test_two_single_quotes_around_an_apostrophe_s() -> None:
    sentence = "It was ‘yes’ and ‘no’ at the Joneses’ house."
    assert texts(sentence) == [("yes", 0), ("no", 0)]


# -- straight double quotes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"We are ready," the coach said.', [("We are ready,", 0)]),
        ('The coach said:"We are ready."', [("We are ready.", 0)]),
        ('He cited ("two sources") for it.', [("two sources", 0)]),
        ('She said "one" and then "two".', [("one", 0), ("two", 0)]),
        ('A 15" screen and a "smart" remote.', [("smart", 0)]),
        ('"He told me "run" twice," she said.', [('He told me "run" twice,', 0), ("run", 1)]),
    ],
)
def test_straight_double_quotes_by_context(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('He said “yes," and she said "no” quietly.', [("yes,", 0), ("no", 0)]),
        ("She wrote “it's over” and 'we won' in one note.", [("it's over", 0), ("we won", 0)]),
        ('„Wir bleiben", sagte sie.', [("Wir bleiben", 0)]),
    ],
)
def test_mixed_straight_and_curly(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert texts(sentence) == expected


# -- punctuation, unclosed, stray ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "inside", "after"),
    [
        ("“Open the gates,” the guard said.", "Open the gates,", " the guard said."),
        ("“Is it over?” she asked.", "Is it over?", " she asked."),
        ("He shouted “Stop!”", "Stop!", ""),
        ("“Open the gates”, the guard said.", "Open the gates", ", the guard said."),
        ("„Das reicht.“ Dann ging sie.", "Das reicht.", " Dann ging sie."),
    ],
)
def test_punctuation_inside_marks_belongs_to_the_quote(
    sentence: str, inside: str, after: str
) -> None:
    (quote,) = found(sentence)
    assert quote.text == inside
    assert sentence[quote.spans[0].end :] == after


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    first = "The minister said “we will not raise taxes this year"
    (quote,) = found(first, "Analysts were not convinced.")
    assert quote.unclosed and not quote.multi_paragraph
    assert quote.text == "we will not raise taxes this year"
    assert quote.spans[0].end == len(first) and quote.spans[0].close_mark == ""


def test_inner_unclosed_quote_ends_with_its_parent() -> None:
    sentence = "“He called it ‘a mistake, then left,” she said."
    outer, inner = found(sentence)
    assert (outer.text, outer.unclosed) == ("He called it ‘a mistake, then left,", False)
    assert (inner.text, inner.unclosed, inner.depth) == ("a mistake, then left,", True, 1)
    assert inner.spans[0].end <= outer.spans[0].end - 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks ended.” Nobody spoke.",
        "The talks ended」 and 』 nobody spoke.",
        "The talks ended » and nobody spoke »",
        "The teachers’ talks ended.",
        "The talks ended.“ Nobody spoke.",
    ],
)
def test_stray_closers_are_ignored(sentence: str) -> None:
    assert found(sentence) == []


def test_stray_closer_before_a_real_quote() -> None:
    assert texts("It ended.” Then she said “goodbye” and left.") == [("goodbye", 0)]


# -- several paragraphs --------------------------------------------------------------------

TWO = ["“The harvest failed twice.", "“Nobody came to help us,” the farmer said."]
THREE = [
    "„Wir haben alles versucht.",
    "„Die Bank wollte nicht helfen.",
    "„Am Ende blieb nur der Verkauf“, sagte er.",
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (TWO, "The harvest failed twice.\n\nNobody came to help us,"),
        (
            THREE,
            "Wir haben alles versucht.\n\nDie Bank wollte nicht helfen.\n\n"
            "Am Ende blieb nur der Verkauf",
        ),
        (
            ["« Nous avons tout essayé.", "» Rien n’a marché », dit-il."],
            "Nous avons tout essayé.\n\nRien n’a marché",
        ),
    ],
)
def test_multi_paragraph_quotation(paragraphs: list[str], expected: str) -> None:
    (quote,) = found(*paragraphs)
    assert quote.text == expected
    assert quote.multi_paragraph and not quote.unclosed
    assert [s.paragraph for s in quote.spans] == list(range(len(paragraphs)))
    first, *rest = quote.spans
    assert first.start == paragraphs[0].index(first.open_mark) and first.close_mark == ""
    assert len(rest) == len(paragraphs) - 1
    for span in rest:
        assert span.start == 0 and span.open_mark == ""  # starts at the continuation mark
    for span, text in zip(quote.spans[:-1], paragraphs, strict=False):
        assert span.end == len(text)
    assert quote.spans[-1].close_mark


def test_next_paragraph_without_opening_mark_does_not_continue() -> None:
    (quote,) = found("“The harvest failed twice.", "The farmer sold the land.")
    assert quote.unclosed and not quote.multi_paragraph


def test_continuation_needs_a_matching_mark() -> None:
    quotes = found("„Wir haben alles versucht.", "“Nothing worked,” he said.")
    assert [(q.text, q.unclosed) for q in quotes] == [
        ("Wir haben alles versucht.", True),
        ("Nothing worked,", False),
    ]


def test_quote_nested_in_continuation_paragraph() -> None:
    quotes = found("“We waited.", "“Then the officer said ‘go home’ and left.”")
    assert [(q.text, q.depth) for q in quotes] == [
        ("We waited.\n\nThen the officer said ‘go home’ and left.", 0),
        ("go home", 1),
    ]
    assert quotes[1].paragraph == 1


# -- annotate: sections, blocks, indices -----------------------------------------------------


def para(text: str, kind: str = "body") -> Paragraph:
    return Paragraph(text=text, raw=text, kind=kind)  # type: ignore[arg-type]


def test_annotate_sets_spans_and_quotations() -> None:
    lead = Section(
        heading=None,
        blocks=(
            para("The council met on Monday."),
            para("“The road will close,” the chair said, adding ‘for a week’."),
        ),
    )
    later = Section(
        heading=Heading(text="‘Not again’", raw="‘Not again’"),
        blocks=(
            para("“We were not asked.", "blockquote"),
            ImageCredit(credit="Staff", caption="The road", raw="Image source, Staff"),
            para("“We will object,” one shopkeeper said."),
        ),
    )
    sections, quotes = annotate([lead, later])
    assert [(q.text, q.section, q.block, q.multi_paragraph) for q in quotes] == [
        ("The road will close,", 0, 1, False),
        ("for a week", 0, 1, False),
        ("We were not asked.\n\nWe will object,", 1, 0, True),
    ]
    assert all(isinstance(q, Quotation) for q in quotes)
    assert sections[1].heading == later.heading  # headings are not scanned
    spans = sections[0].blocks[1].quotes  # type: ignore[union-attr]
    assert [(s.quote_index, s.open_mark, s.close_mark) for s in spans] == [
        (0, "“", "”"),
        (1, "‘", "’"),
    ]
    first, _, last = sections[1].blocks
    assert isinstance(first, Paragraph) and isinstance(last, Paragraph)
    assert [s.quote_index for s in first.quotes + last.quotes] == [2, 2]
    assert sections[1].blocks[1] == later.blocks[1]
    assert lead.blocks[1].quotes == ()  # type: ignore[union-attr]  # inputs untouched


def test_heading_ends_a_multi_paragraph_quotation() -> None:
    one = Section(heading=None, blocks=(para("“The harvest failed."),))
    two = Section(heading=Heading("Aftermath", "Aftermath"), blocks=(para("“We left,” he said."),))
    _, quotes = annotate([one, two])
    assert [(q.text, q.unclosed, q.section) for q in quotes] == [
        ("The harvest failed.", True, 0),
        ("We left,", False, 1),
    ]


def test_annotate_without_quotes_keeps_sections_equal() -> None:
    section = Section(heading=None, blocks=(para("Nothing quoted here, don’t worry."),))
    sections, quotes = annotate([section])
    assert sections == (section,) and quotes == ()


# -- parts left open and reopened (BBC and AP style) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part left open, the next reopened in the same paragraph: one quotation.
        (
            '"The pier is safe. "We checked it twice," she said.',
            [("The pier is safe.", "We checked it twice,")],
        ),
        (
            "“The pier is safe. “We checked it twice,” she said.",
            [("The pier is safe.", "We checked it twice,")],
        ),
        ('"Is it safe? "Yes. "Quite safe."', [("Is it safe?", "Yes.", "Quite safe.")]),
        # A closed quotation followed directly by a new one: two quotations.
        ('"It opens in May." "Bring a coat."', [("It opens in May.",), ("Bring a coat.",)]),
        # A sentence split by its attribution: two quotations.
        (
            '"Ferries do not wait," said Mr Lund, "they leave."',
            [("Ferries do not wait,",), ("they leave.",)],
        ),
    ],
)
def test_reopened_parts_are_one_quotation(text: str, expected: list[tuple[str, ...]]) -> None:
    (out,), quotes = annotate([Section(heading=None, blocks=(para(text),))])
    assert [q.parts or (q.text,) for q in quotes] == expected
    assert all(q.depth == 0 and not q.multi_paragraph for q in quotes)


def test_a_quote_mid_sentence_inside_a_quote_is_nested() -> None:
    text = '"He said he would "fake" a limp and leave," the coach said.'
    _, quotes = annotate([Section(heading=None, blocks=(para(text),))])
    assert [(q.text, q.depth) for q in quotes] == [
        ('He said he would "fake" a limp and leave,', 0),
        ("fake", 1),
    ]


def test_narrative_after_a_reopened_quotation_is_not_quoted() -> None:
    text = '"We are ready. "The boats are out." The harbour reopened at noon, officials said.'
    (out,), quotes = annotate([Section(heading=None, blocks=(para(text),))])
    block = out.blocks[0]
    assert isinstance(block, Paragraph)
    covered = max(span.end for span in block.quotes)
    assert "The harbour reopened" in text[covered:]
    assert quotes[0].parts == ("We are ready.", "The boats are out.")


def test_parts_across_paragraphs_and_within_one_are_kept_in_order() -> None:
    blocks = (para('"First part. "Second part.'), para('"Third part," he said.'))
    _, quotes = annotate([Section(heading=None, blocks=blocks)])
    assert len(quotes) == 1
    assert quotes[0].parts == ("First part.", "Second part.", "Third part,")
    assert quotes[0].multi_paragraph
    assert quotes[0].text == "First part. Second part.\n\nThird part,"


# -- properties ----------------------------------------------------------------------------

MARKS = "\"'“”‘’‚„«»‹›「」『』"
ALPHABET = st.sampled_from(list(MARKS + "ab 9,.?!-(" + NBSP + NNBSP + "é"))
PARAGRAPH = st.text(alphabet=ALPHABET, max_size=60)


def check_properties(paragraphs: list[str]) -> None:
    section = Section(heading=None, blocks=tuple(para(t) for t in paragraphs))
    (out,), quotes = annotate([section])
    blocks = out.blocks
    seen: set[int] = set()
    closes: dict[int, str] = {}
    for block in blocks:
        assert isinstance(block, Paragraph)
        spans = block.quotes
        assert list(spans) == sorted(spans, key=lambda s: (s.start, s.depth))
        for span in spans:
            assert 0 <= span.start < span.end <= len(block.text)
            quote = quotes[span.quote_index]
            assert span.depth == quote.depth < MAX_DEPTH
            if span.open_mark:
                assert block.text[span.start] == span.open_mark
                # A later span opens only a next part: the part before it was left open.
                assert span.quote_index not in seen or closes[span.quote_index] == ""
            closes[span.quote_index] = span.close_mark
            if span.close_mark:
                assert block.text[span.end - 1] == span.close_mark
            seen.add(span.quote_index)
            if span.depth:
                parents = [
                    p
                    for p in spans
                    if p.depth == span.depth - 1 and p.start < span.start and span.end <= p.end
                ]
                assert parents, (block.text, span)
        tops = [s for s in spans if s.depth == 0]
        for a, b in zip(tops, tops[1:], strict=False):
            assert a.end <= b.start
    assert seen == set(range(len(quotes)))
    order = []
    for index, quote in enumerate(quotes):
        holders = [
            i
            for i, b in enumerate(blocks)
            if isinstance(b, Paragraph) and any(s.quote_index == index for s in b.quotes)
        ]
        first = blocks[holders[0]]
        assert isinstance(first, Paragraph)
        order.append((holders[0], min(s.start for s in first.quotes if s.quote_index == index)))
        assert holders == list(range(holders[0], holders[-1] + 1))
        assert holders[0] == quote.block
        assert quote.multi_paragraph == (len(holders) > 1)
        if quote.parts:  # reopened parts: each lies in one of the holders
            assert len(quote.parts) >= len(holders)
            for part in quote.parts:
                assert any(part in paragraphs[h] for h in holders)
        else:
            parts = quote.text.split("\n\n")
            assert len(parts) == len(holders)
            for part, holder in zip(parts, holders, strict=True):
                assert part in paragraphs[holder]
    assert order == sorted(order)  # reading order


@given(st.lists(PARAGRAPH, min_size=1, max_size=4))
def test_properties_hold_for_any_text(paragraphs: list[str]) -> None:
    check_properties(paragraphs)


@given(st.lists(st.text(max_size=40), min_size=1, max_size=3))
def test_never_raises_on_arbitrary_unicode(paragraphs: list[str]) -> None:
    result = find_quotes(paragraphs)
    for quote in result:
        assert all(0 <= s.start < s.end <= len(paragraphs[s.paragraph]) for s in quote.spans)


@pytest.mark.fuzz
@settings(max_examples=20_000, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=300), min_size=1, max_size=8))
def test_properties_fuzz(paragraphs: list[str]) -> None:
    check_properties(paragraphs)


# -- hostile input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("“" * 10_000 + " word" * 100_000, id="unbalanced-openers"),
        pytest.param("‘a " * 10_000 + "b" * 500_000, id="unbalanced-singles"),
        pytest.param('He said "yes", ‘no’ and «maybe». ' * 30_000, id="megabyte-balanced"),
        pytest.param("”’»」" * 20_000 + "x" * 900_000, id="stray-closers"),
        pytest.param("‘The farmers’ union " * 50_000, id="possessive-lookahead"),
    ],
)
def test_large_paragraphs_complete(paragraph: str) -> None:
    # Speed is measured by tests/benchmarks/bench_parse.py; here only that it finishes, bounded.
    result = find_quotes([paragraph])
    assert all(q.depth < MAX_DEPTH for q in result)


def test_deep_nesting_is_bounded() -> None:
    paragraph = "“a ‘b " * 5_000 + "’ ”" * 5_000
    result = find_quotes([paragraph])
    assert max(q.depth for q in result) == MAX_DEPTH - 1
    assert len([q for q in result if not q.unclosed]) >= 1


def test_replace_keeps_paragraph_fields() -> None:
    source = replace(para("“Fine,” she said."), line=7, kind="blockquote")
    (section,), _ = annotate([Section(heading=None, blocks=(source,))])
    (block,) = section.blocks
    assert isinstance(block, Paragraph)
    assert (block.line, block.kind, block.raw) == (7, "blockquote", source.raw)
    assert len(block.quotes) == 1


@given(
    texts=st.lists(st.text(alphabet="ab ’'‘“”«»„\"x", max_size=12), max_size=20),
    group=st.integers(1, 30),
)
def test_marks_found_in_groups_of_paragraphs_are_those_of_the_whole(
    texts: list[str], group: int
) -> None:
    """A long article's paragraphs are searched a group at a time, with the same result."""
    import tui.article.quotescan as quotescan

    whole = quotescan.find_marks(texts)
    saved = quotescan._GROUP_CHARS
    quotescan._GROUP_CHARS = group
    try:
        assert quotescan.find_marks(texts) == whole
    finally:
        quotescan._GROUP_CHARS = saved
