"""Speaker attribution (FORMAT.md, "Speaker"): who the text says spoke each quotation."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.article.model import Heading, Paragraph, Section
from tui.article.quotes import annotate
from tui.article.speakers import attribute


def section(*paragraphs: str, heading: str | None = None) -> Section:
    return Section(
        heading=Heading(heading, heading) if heading else None,
        blocks=tuple(Paragraph(text=t, raw=t) for t in paragraphs),
    )


def speakers(*paragraphs: str) -> list[str | None]:
    """The speaker of each quotation in the paragraphs, in reading order."""
    _, quotes = annotate([section(*paragraphs)])
    return [q.speaker for q in quotes]


ATTRIBUTED = [
    # English reporting patterns
    pytest.param(["“We will rebuild the pier,” Ana Ruiz said."], "Ana Ruiz", id="x-said"),
    pytest.param(["“We will rebuild the pier,” said Ana Ruiz."], "Ana Ruiz", id="said-x"),
    pytest.param(
        ["“We will rebuild the pier,” said the harbour master, Ana Ruiz."],
        "Ana Ruiz",
        id="said-role-x",
    ),
    pytest.param(
        ["“We will rebuild the pier,” Ana Ruiz, the harbour master, said."],
        "Ana Ruiz",
        id="x-appositive-said",
    ),
    pytest.param(["Ana Ruiz says: “We will rebuild the pier.”"], "Ana Ruiz", id="x-says-colon"),
    pytest.param(
        ["Ana Ruiz said the council “will rebuild the pier by spring”."],
        "Ana Ruiz",
        id="x-said-partial",
    ),
    pytest.param(
        ["“The pier will reopen,” according to Ana Ruiz."], "Ana Ruiz", id="according-after"
    ),
    pytest.param(
        ["According to Ana Ruiz, “the pier will reopen in May”."],
        "Ana Ruiz",
        id="according-before",
    ),
    pytest.param(["“We will rebuild it,” Ana Ruiz told the BBC."], "Ana Ruiz", id="told-outlet"),
    pytest.param(["Ana Ruiz told Reuters: “We will rebuild it.”"], "Ana Ruiz", id="told-colon"),
    pytest.param(["Ana Ruiz: “We will rebuild the pier.”"], "Ana Ruiz", id="colon"),
    pytest.param(["“And it will be wider,” Ana Ruiz added."], "Ana Ruiz", id="added"),
    pytest.param(["“Costs may rise,” Ana Ruiz noted."], "Ana Ruiz", id="noted"),
    pytest.param(["“Storms are coming,” Ana Ruiz warned."], "Ana Ruiz", id="warned"),
    pytest.param(["“It is safe,” Ana Ruiz insisted."], "Ana Ruiz", id="insisted"),
    pytest.param(["“The pier is ours,” Ana Ruiz wrote on her blog."], "Ana Ruiz", id="wrote"),
    pytest.param(["“Who pays for it?” asked Tom Bell."], "Tom Bell", id="asked"),
    pytest.param(
        ["“The bridge stays shut,” Foreign Minister Tom Bell said."],
        "Tom Bell",
        id="title-dropped",
    ),
    pytest.param(
        ["Its chair, Ana Ruiz, said the plan was “the only way to save the pier”."],
        "Ana Ruiz",
        id="role-appositive-name-said",
    ),
    pytest.param(
        ["The group was led by its treasurer, Tom Bell, who said the day was “a total success”."],
        "Tom Bell",
        id="name-who-said",
    ),
    pytest.param(
        [
            "“The tide took it,” Tom Bell, a 60-year-old ferryman from the island of Eilean Mor, "
            "told the BBC."
        ],
        "Tom Bell",
        id="long-appositive-told",
    ),
    pytest.param(
        ["“We will rebuild the pier,” Councillor Ana Ruiz said."], "Ana Ruiz", id="councillor"
    ),
    # named bodies
    pytest.param(
        ["The envoy “backed the plan in full”, a Kremlin statement said."],
        "Kremlin",
        id="kremlin-statement",
    ),
    pytest.param(["“Talks continue,” the Kremlin said."], "Kremlin", id="the-body-said"),
    pytest.param(
        ["For its part, the Ruiz government noted that both towns “agreed on the route”."],
        "Ruiz government",
        id="government-noted",
    ),
    # Spanish
    pytest.param(["«Reconstruiremos el muelle», dijo Ana Ruiz."], "Ana Ruiz", id="es-dijo-x"),
    pytest.param(["«Reconstruiremos el muelle», Ana Ruiz dijo."], "Ana Ruiz", id="es-x-dijo"),
    pytest.param(
        ["«Reconstruiremos el muelle», afirmó la alcaldesa Ana Ruiz."],
        "Ana Ruiz",
        id="es-afirmo",
    ),
    pytest.param(
        ["Ana Ruiz señaló: «Reconstruiremos el muelle»."], "Ana Ruiz", id="es-senalo-colon"
    ),
    pytest.param(["«El muelle abrirá en mayo», según Ana Ruiz."], "Ana Ruiz", id="es-segun"),
    pytest.param(
        ["«Se heló todo el cerro», dijo a BBC Mundo Ana Ruiz, productora de café."],
        "Ana Ruiz",
        id="es-dijo-a-outlet-x",
    ),
    # German
    pytest.param(["„Wir bauen den Steg neu“, sagte Anna Roth."], "Anna Roth", id="de-sagte-x"),
    pytest.param(
        ["„Wir bauen den Steg neu“, erklärte die Bürgermeisterin Anna Roth."],
        "Anna Roth",
        id="de-erklaerte",
    ),
    pytest.param(["Anna Roth sagte: „Wir bauen den Steg neu.“"], "Anna Roth", id="de-x-sagte"),
    pytest.param(
        ["Dazu sagte Anna Roth: „Wir bauen den Steg neu.“"], "Anna Roth", id="de-inverted-colon"
    ),
    pytest.param(["»Der Steg bleibt zu«, so Anna Roth."], "Anna Roth", id="de-so"),
    pytest.param(
        ["Hafenmeisterin Anna Roth sagte: „Der Steg bleibt zu.“"],
        "Anna Roth",
        id="de-compound-title",
    ),
    pytest.param(
        ["„Der Steg bleibt zu“, sagte Anna Hofmeister."], "Anna Hofmeister", id="de-meister-surname"
    ),
    pytest.param(["„Der Steg bleibt zu“, laut Anna Roth."], "Anna Roth", id="de-laut"),
]


@pytest.mark.parametrize(("paragraphs", "expected"), ATTRIBUTED)
def test_attributed(paragraphs: list[str], expected: str) -> None:
    assert speakers(*paragraphs) == [expected]


RESOLVED = [
    pytest.param(
        ["Harbour master Ana Ruiz opened the meeting.", "“We will rebuild it,” Ms Ruiz said."],
        "Ana Ruiz",
        id="ms-surname",
    ),
    pytest.param(
        ["Jonah Lusk chairs the board.", "“We will sell,” Mr Lusk said."],
        "Jonah Lusk",
        id="mr-surname",
    ),
    pytest.param(
        ["Harbour master Ana Ruiz opened the meeting.", "“We will rebuild it,” she said."],
        "Ana Ruiz",
        id="she-one-candidate",
    ),
    pytest.param(
        ["Jonah Lusk chairs the board.", "“We will sell,” he added."],
        "Jonah Lusk",
        id="he-one-candidate",
    ),
    pytest.param(
        ["Anna Roth leitet das Hafenamt.", "„Wir bauen den Steg neu“, sagte sie."],
        "Anna Roth",
        id="de-sie",
    ),
    pytest.param(
        ["Ana Ruiz dirige el puerto.", "«Reconstruiremos el muelle», dijo."],
        "Ana Ruiz",
        id="es-pro-drop",
    ),
    pytest.param(
        ["Ana Ruiz dirige la cooperativa.", "«Perdimos la cosecha», contó Ruiz."],
        "Ana Ruiz",
        id="es-surname",
    ),
    pytest.param(
        ["Ana Ruiz and Tom Bell met on Monday.", "“We agreed on nothing,” Ms Ruiz said."],
        "Ana Ruiz",
        id="surname-among-two-people",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), RESOLVED)
def test_resolved_to_full_name(paragraphs: list[str], expected: str) -> None:
    assert speakers(*paragraphs) == [expected]


NOT_ATTRIBUTED = [
    pytest.param(["“The pier is finished,” a spokesperson said."], id="spokesperson"),
    pytest.param(["“The pier is finished,” one resident said."], id="one-resident"),
    # An unnamed source stays unattributed even when the body it speaks for is named.
    pytest.param(["“The pier is unsafe,” said a Port Authority official."], id="official-of-body"),
    pytest.param(
        ["“The pier is unsafe,” a spokesperson for the Port Authority said."],
        id="spokesperson-for-body",
    ),
    pytest.param(["“The pier is finished,” an official told reporters."], id="an-official"),
    pytest.param(["«El muelle está acabado», dijo un vecino."], id="es-vecino"),
    pytest.param(["„Der Steg ist kaputt“, sagte ein Anwohner."], id="de-anwohner"),
    pytest.param(["Ein Anwohner sagte: „Der Steg ist kaputt.“"], id="de-anwohner-before"),
    pytest.param(["„Der Steg ist kaputt“, sagte der Sprecher."], id="de-sprecher"),
    pytest.param(["Locals call the old pier a “death trap” these days."], id="scare-quote"),
    pytest.param(["Critics said the “reform” would fail."], id="scare-quote-after-verb"),
    pytest.param(
        ["Ana Ruiz and Tom Bell met on Monday.", "“We agreed on nothing,” she said."],
        id="she-two-candidates",
    ),
    pytest.param(
        ["Ana Ruiz and Tomas Ruiz spoke.", "“We agreed,” he said, and Mr Bell nodded."],
        id="he-two-candidates",
    ),
    pytest.param(["“We agreed on nothing,” he said."], id="he-no-candidate"),
    pytest.param(["“We agreed on nothing,” they said."], id="they"),
    pytest.param(["“Nothing changes.” The pier stayed shut."], id="no-attribution"),
]


@pytest.mark.parametrize("paragraphs", NOT_ATTRIBUTED)
def test_not_attributed(paragraphs: list[str]) -> None:
    assert speakers(*paragraphs) == [None]


NAMES = [
    pytest.param(["The so-called “harbour tax” was dropped."], id="so-called"),
    pytest.param(["She starred in the film “Harbour Lights” last year."], id="film-title"),
    pytest.param(["Her novel “Low Tide” sold well, Ana Ruiz said."], id="novel-title"),
    pytest.param(["Boxer Ana “The Hammer” Ruiz won again."], id="nickname"),
    pytest.param(["Der Plan heißt „Neuer Hafen“ und kostet viel."], id="de-name-of-plan"),
]
"""Quote marks around a name (tui.article.quotenames): no quotation at all, so no speaker."""


@pytest.mark.parametrize("paragraphs", NAMES)
def test_names_are_not_quotations(paragraphs: list[str]) -> None:
    assert speakers(*paragraphs) == []


def test_surname_after_an_outlet_recipient() -> None:
    paragraphs = [
        "«Se heló todo», dijo a BBC Mundo Ana Ruiz.",
        "«Perdimos la cosecha», contó Ruiz.",
    ]
    assert speakers(*paragraphs) == ["Ana Ruiz", "Ana Ruiz"]


def test_courtesy_title_kept_when_two_people_share_a_surname() -> None:
    paragraphs = ["Ana Ruiz and Tomas Ruiz spoke.", "“We agreed,” Ms Ruiz said."]
    assert speakers(*paragraphs) == ["Ms Ruiz"]


def test_multi_paragraph_quote_has_one_speaker() -> None:
    paragraphs = ["“We start in June.", "“It will take a year,” Ana Ruiz said."]
    _, quotes = annotate([section(*paragraphs)])
    assert [(q.multi_paragraph, q.speaker) for q in quotes] == [(True, "Ana Ruiz")]


def test_follow_on_quote_keeps_the_speaker() -> None:
    sentence = "“We start today,” Ana Ruiz said. “It will take a year.”"
    assert speakers(sentence) == ["Ana Ruiz", "Ana Ruiz"]


def test_follow_on_quote_after_another_sentence_is_not_guessed() -> None:
    text = "“We start today,” Ana Ruiz said. Tom Bell shook his head. “It will take years.”"
    assert speakers(text) == ["Ana Ruiz", None]


def test_two_speakers_in_one_paragraph() -> None:
    text = "“Yes,” said Ana Ruiz. “No,” said Tom Bell."
    assert speakers(text) == ["Ana Ruiz", "Tom Bell"]


def test_nested_quote_has_no_speaker() -> None:
    text = "“The sign said ‘keep out’ all week,” Ana Ruiz said."
    assert speakers(text) == ["Ana Ruiz", None]


def test_pronoun_resolution_stops_at_a_heading() -> None:
    first = section("Harbour master Ana Ruiz opened the meeting.")
    second = section("“We will rebuild it,” she said.", heading="The plan")
    _, quotes = annotate([first, second])
    assert [q.speaker for q in quotes] == [None]


def test_attribute_fills_only_speakers() -> None:
    sections, quotes = annotate([section("“We will rebuild it,” Ana Ruiz said.")])
    blank = tuple(replace(q, speaker=None) for q in quotes)
    again = attribute(sections, blank)
    assert again == quotes
    assert [replace(q, speaker=None) for q in again] == list(blank)


# -- attribution across a paragraph break, inside quotations, by description, by short form ----

LATER_RULES = [
    pytest.param(
        [
            "At the ferry office Marta Quill waited with a folder of complaints. Asked what she "
            "wanted, she replied:",
            "“A timetable that matches the tides.”",
        ],
        ["Marta Quill"],
        id="pronoun-colon-ends-paragraph-before",
    ),
    pytest.param(
        ["Ivo Brandt told the meeting:", "“Nobody sails tonight.", "“Not even the lifeboat.”"],
        ["Ivo Brandt"],
        id="name-colon-before-multi-paragraph-quote",
    ),
    pytest.param(
        ["Marta Quill waited at the ferry office.", "“A timetable that matches the tides.”"],
        [None],
        id="no-colon-no-attribution-across-paragraphs",
    ),
    pytest.param(
        [
            "Nadia Ferre opened the bakery in 1979. Standing by the counter, she said:",
            "“Bread is the only thing I ever wanted to make.”",
            "Her nephew Luca Ferre, who runs it now, said she still comes in at dawn. “She told "
            "me, ‘Never sell the old oven,’ so it stays,” he said.",
        ],
        ["Nadia Ferre", "Luca Ferre", "Nadia Ferre"],
        id="pronoun-inside-quote-is-not-its-speaker",
    ),
    pytest.param(
        ["“Then Tom Bell told me: ‘Sell the boat’, so I did,” Ana Ruiz said."],
        ["Ana Ruiz", "Tom Bell"],
        id="named-inside-quote",
    ),
    pytest.param(
        ["“They told us ‘wait until spring’, and we waited,” said Ana Ruiz."],
        ["Ana Ruiz", None],
        id="they-inside-quote",
    ),
    pytest.param(
        ["Ana Ruiz said «Vamos» before turning to the crowd: “Let’s go.”"],
        ["Ana Ruiz", "Ana Ruiz"],
        id="same-sentence-colon-continues",
    ),
    pytest.param(
        ["Ana Ruiz said «Vamos» before Tom Bell replied: “Let’s go.”"],
        ["Ana Ruiz", "Tom Bell"],
        id="same-sentence-new-speaker",
    ),
    pytest.param(
        [
            "Rosa Lind has lived on the quay since 1960.",
            "“We lost everything,” the 78-year-old said.",
        ],
        ["Rosa Lind"],
        id="the-aged-said",
    ),
    pytest.param(
        [
            "Rosa Lind has lived on the quay since 1960.",
            "“We lost everything,” said the 78-year-old.",
        ],
        ["Rosa Lind"],
        id="said-the-aged",
    ),
    pytest.param(
        ["Unter den Helfern ist auch Lotte Brenner.", "„Ich bleibe hier“, sagt die 81-Jährige."],
        ["Lotte Brenner"],
        id="de-die-jaehrige-after-preposition",
    ),
    pytest.param(
        [
            "Rosa Lind has lived on the quay since 1960.",
            "“We lost everything,” a 78-year-old said.",
        ],
        [None],
        id="an-aged-stranger",
    ),
    pytest.param(
        [
            "LISBON, May 2 - Fabril Costa Nova raised its forecast on Friday.",
            "Costa Nova also said it would hire 200 workers, a plan it described as “the "
            "biggest step in our history”.",
        ],
        ["Fabril Costa Nova"],
        id="it-points-to-company-full-name",
    ),
    pytest.param(
        ["Ines Moura met us outside the Grand Pavilion.", "“It has been shut too long,” she said."],
        ["Ines Moura"],
        id="the-place-is-not-a-candidate",
    ),
    pytest.param(
        [
            "The meeting heard Ines Moura and the Reverend Tom Hale.",
            "“It has been shut too long,” she said.",
        ],
        [None],
        id="the-titled-person-is-a-candidate",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), LATER_RULES)
def test_later_rules(paragraphs: list[str], expected: list[str | None]) -> None:
    assert speakers(*paragraphs) == expected


def test_attribute_matches_annotate() -> None:
    paragraphs = [p for param in LATER_RULES for p in param.values[0]]  # type: ignore[union-attr]
    sections, quotes = annotate([section(*paragraphs)])
    blank = tuple(replace(q, speaker=None) for q in quotes)
    assert attribute(sections, blank) == quotes


@given(st.lists(st.text(alphabet='“”"„«»Ab said,. :Ms', max_size=50), min_size=1, max_size=3))
def test_attribution_never_raises(paragraphs: list[str]) -> None:
    _, quotes = annotate([section(*paragraphs)])
    for quote in quotes:
        assert quote.speaker is None or quote.speaker.strip()


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("“We go,” Ana Ruiz said. " * 20_000, id="many-attributed"),
        pytest.param("word according to Ana " * 50_000 + "“yes”", id="long-according"),
        pytest.param("Ana Ruiz " * 100_000 + ": “yes”", id="long-colon-name"),
        pytest.param("a " * 300_000 + "said “yes” " + "x " * 300_000, id="long-sentence"),
        pytest.param(
            "".join(f"Ana Bell{i} and Tom Ruiz{i} met. " for i in range(20_000))
            + "“Yes,” he said. “No,” Ms Ruiz said.",
            id="many-names",
        ),
        pytest.param("“Yes,” Ana Ruiz said. " + "Ana Ruiz met Ana Ruiz. " * 30_000, id="repeats"),
    ],
)
def test_attribution_completes_on_large_paragraphs(paragraph: str) -> None:
    # Speed is measured by tests/benchmarks/bench_parse.py; here only that it finishes and holds.
    sections, quotes = annotate([section(paragraph)])
    assert len(sections) == 1
    assert all(q.speaker is None or q.speaker.strip() for q in quotes)
