"""Exact expectations for the example articles bundled in ``examples/``.

Every value below was worked out by hand from /work/shared/FORMAT.md and the text of the
example, never copied from parser output. Judgement calls where FORMAT.md leaves room:

- An article with no printed headline and no front-matter title gets the lead's opening
  words; we check that the title is a word-prefix of the first paragraph (``LEAD``).
- A front-matter title is the author's own title, not a guess, so ``title_derived`` is False.
  A Markdown ``# H1`` headline is the title, not a heading.
- The line under an AP byline (``Associated Press``) and the desk after ``Von X und Y, SWR``
  are roles shared by every name on the byline. A name printed both in front matter and in a
  ``By …`` line is one author.
- Markdown images carry their credit in the link title: ``![caption](img.jpg "Credit: X")``
  gives credit ``X`` and caption ``caption``.
- ``Media caption…`` (older BBC) marks a video; ``Media playback is unsupported on your
  device``, ``Live``, ``Summary``, ``Breaking``, ``Información del artículo``, date lines and
  ``View image in fullscreen`` are chrome: neither headings nor boilerplate.
- Quotation text excludes the enclosing marks, the opening marks of continuing paragraphs,
  and the no-break spaces padding French guillemets; paragraphs of a multi-paragraph quote
  are joined by a blank line. Quote marks in titles, headings, captions, block quotes and
  list items are not quotations (the examples keep them out of the last two).
- Speakers: ``Ms Morrison said`` / ``he said`` resolve to the full name introduced earlier;
  described sources (``a deputy``, ``my father``), scare quotes and terms get None.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tui.article import load
from tui.article.model import Article, Boilerplate, ImageCredit, count_words
from tui.article.sanitize import read_text

LEAD = None
"""Marker for "title derived from the lead's opening words" (no headline, no front matter)."""

NOT_ARTICLES = frozenset({"config.toml", "feeds.opml"})
"""Files in examples/ that are not articles (the sample config and feed list, tested elsewhere)."""


@dataclass(frozen=True)
class Expected:
    """What one example must parse into."""

    title: str | None
    title_derived: bool
    authors: tuple[tuple[str, str | None], ...]
    headings: tuple[str, ...]
    quotes: tuple[tuple[str, int], ...]
    credits: tuple[tuple[str | None, str | None, str], ...]
    boilerplate: tuple[str, ...]
    source_format: str


EXPECTED: dict[str, Expected] = {
    # BBC current style: two author/role pairs, image and video captions, a quoted heading,
    # "More on this story" and "Related topics" blocks whose every line is boilerplate.
    "bbc-harbour-dispute.txt": Expected(
        title="Port Ellis harbour staff strike over new shift rota",
        title_derived=False,
        authors=(
            ("Rhona Mackie", "BBC Scotland business correspondent"),
            ("Callum Reid", "BBC Scotland News"),
        ),
        headings=(
            "How the rota would work",
            "‘We can’t keep fish on ice forever’",
            "What happens next",
        ),
        quotes=(
            ("twelve-hour nights with no end in sight", 0),
            (
                "We asked for three months to look at this properly and we were given three weeks,",
                0,
            ),
            ("Nobody here wants to be standing at a gate in October.", 0),
            ("listened carefully to every concern raised", 0),
            ("the best on the table anywhere on this coast", 0),
            ("My father used to say ‘the sea doesn’t wait for anybody’, and he was right,", 0),
            ("the sea doesn’t wait for anybody", 1),
            ("After Thursday we’re throwing money over the side.", 0),
        ),
        credits=(
            (
                "Getty Images",
                "Fishing boats have been unable to land their catch since the strike began "
                "on Monday",
                "image",
            ),
            (
                "Callum Reid/BBC",
                "Pickets gathered at the harbour gates from first light on Monday",
                "image",
            ),
            (None, "Watch: Skippers say their catch is going to waste", "video"),
        ),
        boilerplate=(
            "More on this story",
            "Fish prices rise as boats stay in harbour",
            "- Published2 October",
            "Harbour trust unveils plan for deep-water berth",
            "- Published18 August",
            "Related topics",
            "Fishing industry",
            "Trade unions",
            "Scotland business",
        ),
        source_format="bbc",
    ),
    # Seed-like World Service text: no headline, a credit with no caption first, a lower-case
    # mid-text label, and a promo pair after a blank line.
    "bbc-world-shrinking-lake.txt": Expected(
        title=LEAD,
        title_derived=True,
        authors=(("Valentina Arce", "BBC World Service"),),
        headings=("A lake that feeds a region", "Promises and pipelines"),
        quotes=(
            (
                "When I was a boy, the water came up to the church steps. Now my "
                "grandchildren have to walk twenty minutes to see it,",
                0,
            ),
            ("critical but not yet irreversible", 0),
            (
                "Each one on its own looks harmless. Together they are emptying the lake "
                "from below,",
                0,
            ),
            ("They have been promising us that pipeline since my father was alive,", 0),
            ("The only thing that arrives on time here is the dry season.", 0),
        ),
        credits=(
            ("Getty Images", None, "image"),
            ("Reuters", None, "image"),
        ),
        boilerplate=(
            "Subscribe here to get our weekly newsletter, with the stories you may have "
            "missed, in your inbox every Sunday.",
            "You can also turn on notifications in our app so that you never miss a story. "
            "Update it to the latest version to get started.",
        ),
        source_format="bbc",
    ),
    # Older BBC text with glued byline, credits and headings, straight quotes.
    "bbc-older-shipyard-order.txt": Expected(
        title="Cornish shipyard saved by £58m electric ferry order",
        title_derived=False,
        authors=(("Tamsin Gwilliam", "Business reporter"),),
        headings=("A family firm", "Electric future"),
        quotes=(
            ("the lifeline we had almost stopped hoping for", 0),
            (
                "For six months people kept stopping me in the street and asking 'is the "
                "yard finished?' and I honestly had no answer for them,",
                0,
            ),
            ("is the yard finished?", 1),
            ("a lot of relief and a few tears", 0),
            (
                "My grandfather worked here, my father worked here and so did I. It would "
                "have broken the place if it had gone,",
                0,
            ),
            ("determined to build these ships in the South West if we possibly could", 0),
        ),
        credits=(
            (
                "Getty Images",
                "The Penhallow yard has built boats on the Tresk estuary since 1872",
                "image",
            ),
            (
                None,
                "Jenna Pascoe explains what the order means for the yard's forty apprentices",
                "video",
            ),
            (
                "PA Media",
                "The slipway at Penhallow will be lengthened to take the new vessels",
                "image",
            ),
        ),
        boilerplate=("Related Topics", "Shipbuilding", "Cornwall"),
        source_format="bbc",
    ),
    # BBC live page: timestamps, Breaking markers, entry headlines, a mid-page "Get in touch".
    "bbc-live-storm-ilsa.txt": Expected(
        title="Storm Ilsa: Ferries cancelled and thousands without power as gusts reach 92mph",
        title_derived=False,
        authors=(),
        headings=(
            "All remaining ferry sailings cancelled",
            "Power cuts spread along the coast",
            "Gust of 92mph recorded at Ardnish Point",
            "Schools to close early",
            "‘Stay indoors if you can’",
            "Welcome to our live coverage",
        ),
        quotes=(
            ("no safe option", 0),
            (
                "We know how hard a cold night without power is, especially for elderly "
                "customers, and we will have people out the moment it is safe,",
                0,
            ),
            ("with a heavy heart", 0),
            (
                "Every storm, somebody goes down to the front to film the waves. Please "
                "don’t be that person tonight.",
                0,
            ),
        ),
        credits=(
            (
                "Ardnish Council",
                "Fallen trees are blocking the coast road near Glenmorrin",
                "image",
            ),
        ),
        boilerplate=(
            "Get in touch",
            "Are you affected by Storm Ilsa? If it is safe to do so, you can get in touch by "
            "sharing your pictures and experiences with BBC Scotland News.",
        ),
        source_format="bbc",
    ),
    # BBC Mundo: Spanish labels, «…» with nested "…" and ‘…’, closing promos and topics.
    "bbcmundo-helada-cafe.txt": Expected(
        title=(
            "La helada que arrasó con el café de San Bartolo y la cooperativa que se niega "
            "a rendirse"
        ),
        title_derived=False,
        authors=(("Daniela Ferreyra", "BBC News Mundo"),),
        headings=("Una cosecha perdida", "Volver a sembrar"),
        quotes=(
            ("Fue como si alguien hubiera pasado un soplete por el cerro", 0),
            (
                "Cuando el frío llega al tronco, la planta queda herida por dentro. Los "
                'campesinos me preguntan "¿va a rebrotar?" y muchas veces tengo que '
                "decirles que no",
                0,
            ),
            ("¿va a rebrotar?", 1),
            (
                "Mi abuelo siempre decía ‘el café se siembra para los nietos’, y ahora "
                "entiendo lo que quería decir",
                0,
            ),
            ("el café se siembra para los nietos", 1),
            ('Nos dijeron "esperen un mes" y ya van tres', 0),
            ("esperen un mes", 1),
        ),
        credits=(
            (
                "Cortesía Cooperativa Los Alisos",
                "Las heladas de julio quemaron las hojas de más de la mitad de los cafetos "
                "de la cooperativa.",
                "image",
            ),
            (
                "Daniela Ferreyra/BBC",
                "Herminia Vargas muestra una rama de cafeto quemada por la helada.",
                "image",
            ),
        ),
        boilerplate=(
            "Haz clic aquí para leer más historias de BBC News Mundo.",
            "Suscríbete aquí a nuestro boletín para recibir cada domingo una selección de "
            "nuestros reportajes.",
            "Temas relacionados",
            "Café",
            "Agricultura",
            "Cambio climático",
        ),
        source_format="bbc",
    ),
    # The Guardian: quoted headline, caption twice around "View image in fullscreen".
    "guardian-estate-demolition.txt": Expected(
        title=(
            "‘They promised we could come back’: tenants fight demolition of Calderbridge estate"
        ),
        title_derived=False,
        authors=(),
        headings=("A promise in writing", "What the council says"),
        quotes=(
            ("with no loss of security and no need to reapply", 0),
            (
                "I have that letter in a drawer upstairs. I have read it to three different "
                "housing officers,",
                0,
            ),
            (
                "Every time they tell me ‘the scheme has moved on’, as if that means "
                "anything to me.",
                0,
            ),
            ("the scheme has moved on", 1),
            ("affordable", 0),
            (
                "The council wrote to people in plain English and told them they could come "
                "back. Residents were entitled to rely on that,",
                0,
            ),
            ("fully committed to a fair deal for every Moorside household", 0),
            ("the most difficult period for housebuilding in a generation", 0),
            ("We have had to make hard choices to keep this scheme alive at all,", 0),
            ("The alternative was not the old promise. The alternative was no new homes.", 0),
            ("They talk about schemes and viability,", 0),
            (
                "I talk about the bus stop my grandchildren know, and the neighbour who has "
                "my spare key.",
                0,
            ),
        ),
        credits=(
            (
                "Nadia Kaur/The Guardian",
                "A woman looks out from her balcony on the Moorside estate, which is due to "
                "be demolished next year.",
                "image",
            ),
            (
                "Owen Pryce/Alamy",
                "Campaigners outside Calderbridge town hall before a council meeting last month.",
                "image",
            ),
        ),
        boilerplate=(
            "Explore more on these topics",
            "Housing",
            "Social housing",
            "Local government",
            "Communities",
            "Reuse this content",
        ),
        source_format="guardian",
    ),
    # Reuters: blank-line paragraphs (one hard-wrapped), straight quotes, wire footer.
    "reuters-cable-order.txt": Expected(
        title="Nordhavn Kabel wins $1.4 billion North Sea grid cable order",
        title_derived=False,
        authors=(),
        headings=(),
        quotes=(
            (
                "This order fills our factory in Skjelvik until the end of 2028 and gives us "
                "the confidence to go ahead with the expansion we have been planning,",
                0,
            ),
            (
                "Investors had been asking 'where is the next big contract?' since the "
                "summer, and this answers the question emphatically,",
                0,
            ),
            ("where is the next big contract?", 1),
            ("buy", 0),
            (
                "We will not chase every tender. We would rather build fewer cables and "
                "build them well,",
                0,
            ),
        ),
        credits=(),
        boilerplate=(
            "Reporting by Ingrid Solheim in Oslo; Editing by Mark Ellery",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ),
        source_format="reuters",
    ),
    # Reuters again, but saved as cp1252 with CRLF line ends (curly quotes are cp1252 bytes).
    "reuters-cp1252-crlf.txt": Expected(
        title="Portuguese cork maker Monte Alçada lifts outlook as wine bottlers stock up",
        title_derived=False,
        authors=(),
        headings=(),
        quotes=(
            (
                "Our customers spent two years buying only what they needed for the next "
                "bottling. This autumn they are ordering for the whole season again,",
                0,
            ),
            ("It is a good problem to have, but it is still a problem,", 0),
            (
                "Clients keep telling them ‘we’ll take everything you can make’, and the "
                "bark simply is not there.",
                0,
            ),
            ("we’ll take everything you can make", 1),
            ("the most promising part of the group", 0),
        ),
        credits=(),
        boilerplate=(
            "Reporting by Sérgio Gonçalves; Editing by Helena Whitmore",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ),
        source_format="reuters",
    ),
    # AP: capital byline with a shared "Associated Press" line, AP Photo credits, ___ footer.
    "ap-levee-volunteers.txt": Expected(
        title="Volunteers race to shore up a Missouri levee as the Cassady River keeps rising",
        title_derived=False,
        authors=(("Priya Nair", "Associated Press"), ("Daniel Asante", "Associated Press")),
        headings=(),
        quotes=(
            ("I’ve lived here 58 years and I’ve never seen this town show up like this,", 0),
            (
                "We had a high school football team, a church choir and a guy who drove "
                "three hours with his own forklift.",
                0,
            ),
            ("no immediate danger", 0),
            ("If we tell you to go, don’t wait to see the water,", 0),
            ("By then it’s too late to get a car out.", 0),
            (
                "He said, ‘Ma’am, we’d feel better if you weren’t here tonight,’ and I "
                "didn’t argue,",
                0,
            ),
            ("Ma’am, we’d feel better if you weren’t here tonight,", 1),
            ("I lost everything in 2019. I’m not doing that twice.", 0),
            ("We’ll be here until it goes down,", 0),
            ("Somebody’s grandma lives behind this wall.", 0),
        ),
        credits=(
            (
                "AP Photo/Jesse Corbin",
                "Volunteers fill sandbags beside the Cassady River in Harlan Falls, Mo., on "
                "Tuesday, Oct. 14, 2025.",
                "image",
            ),
            (
                "AP Photo/Jesse Corbin",
                "A family unloads belongings at a shelter set up in Harlan Falls Middle "
                "School on Monday, Oct. 13, 2025.",
                "image",
            ),
        ),
        boilerplate=(
            "Associated Press writer Tom Beckett in Jefferson City, Missouri, contributed to "
            "this report.",
        ),
        source_format="ap",
    ),
    # German public broadcaster: „…“ with nested ‚…‘, " | " credits, "Mehr zum Thema".
    "german-hochwasser-bruehlingen.txt": Expected(
        title="Hochwasser an der Elsach: Brühlingen räumt die Altstadt",
        title_derived=False,
        authors=(("Lena Hartmann", "SWR"), ("Jonas Beck", "SWR")),
        headings=("Notunterkunft in der Stadthalle", "Pegel soll bis Mittwoch sinken"),
        quotes=(
            (
                "Wir wollten niemanden in der Nacht aus dem Bett holen müssen. Deshalb haben "
                "wir früh entschieden",
                0,
            ),
            (
                "Mein Mann hat immer gesagt: ‚Die Elsach holt sich alle zwanzig Jahre ihr "
                "Recht.‘ Dass er so recht behalten würde, hätte ich nicht gedacht",
                0,
            ),
            ("Die Elsach holt sich alle zwanzig Jahre ihr Recht.", 1),
            (
                "Das Wasser geht zurück, aber der Schlamm bleibt. Und in vielen Kellern "
                "steht noch Strom auf den Leitungen",
                0,
            ),
            (
                "Beim letzten Hochwasser haben wir drei Monate gebraucht, bis wieder alles "
                "lief. Das schaffen wir diesmal hoffentlich schneller",
                0,
            ),
        ),
        credits=(
            (
                "Uwe Kessler/dpa",
                "Feuerwehrleute sichern in der Brühlinger Altstadt eine Hauswand mit Sandsäcken.",
                "image",
            ),
            ("Jonas Beck/SWR", "Freiwillige Helfer füllen vor der Stadthalle Sandsäcke.", "image"),
        ),
        boilerplate=(
            "Mehr zum Thema",
            "Starkregen: Wie sich Kommunen besser schützen können",
            "Hochwasser im Elsachtal: Die Lage am Montag",
        ),
        source_format="german",
    ),
    # Plain feature: a three-paragraph quote, apostrophe traps (’n’, ‘80s, o’clock, Farmers’,
    # ’90s, 90’s), French « » with no-break spaces, Japanese 「『…』」.
    "feature-dance-hall-reopens.txt": Expected(
        title="Rock ’n’ roll returns to the Corn Exchange after thirty years",
        title_derived=False,
        authors=(("Morwenna Hale", None),),
        headings=("Thirty years of silence", "Visitors from afar", "What comes next"),
        quotes=(
            (
                "We came every Saturday from eight o’clock until they threw us out. My "
                "mother thought it was the devil’s music, but she came along once and "
                "danced with the caretaker all night."
                "\n\n"
                "Then the ’90s came and the place just got quieter and quieter. By the end "
                "there were more people working the bar than dancing."
                "\n\n"
                "I don’t mind admitting I cried when they locked the doors.",
                0,
            ),
            (
                "She told me, ‘Don’t you dare let me sit down before midnight,’ so that’s "
                "the plan,",
                0,
            ),
            ("Don’t you dare let me sit down before midnight,", 1),
            ("a twenty-year argument followed by a seven-year fundraiser", 0),
            (
                "People said we were mad. We probably were. But you don’t get a floor like "
                "this back once it’s gone,",
                0,
            ),
            ("une vraie fête de famille, comme avant", 0),
            ("『ロックンロール』は世界の共通語です", 0),
            ("ロックンロール", 1),
            ("Rock ’n’ roll is the world’s common language.", 0),
        ),
        credits=(),
        boilerplate=(
            "Do you have a story about the Corn Exchange? Get in touch by emailing "
            "newsdesk@wrexleyherald.co.uk.",
        ),
        source_format="text",
    ),
    # Markdown with YAML front matter (authors list), an H1 headline equal to the title,
    # ATX and setext headings, a list, a block quote without marks, a credited image.
    "markdown-library-survey.md": Expected(
        title="Calderbridge libraries face shorter hours as visits climb",
        title_derived=False,
        authors=(("Eilidh Brannock", None), ("Samir Haddad", None)),
        headings=(
            "What the figures show",
            "Who uses the libraries",
            "Consultation runs until November",
        ),
        quotes=(
            ("no good options left", 0),
            (
                "Nobody became a councillor to shorten library hours. But the money we spend "
                "on libraries is money we cannot spend on care for older people, and that is "
                "the choice in front of us,",
                0,
            ),
            ("part advice centre, part living room", 0),
            (
                "In winter we have people who come in at opening time and stay until we "
                "close, because it is warm and nobody asks them to buy anything,",
                0,
            ),
        ),
        credits=(
            (
                "Calderbridge Courier/Jo Finch",
                "Children and parents at a Saturday reading session in Moorside Library",
                "image",
            ),
        ),
        boilerplate=(),
        source_format="markdown",
    ),
    # Markdown with TOML front matter, no printed headline (the front-matter title
    # is used, not derived), a "By …" line repeating the front-matter author.
    "markdown-night-bus.md": Expected(
        title="The last bus out of Calderbridge",
        title_derived=False,
        authors=(("Tomasz Wrona", None),),
        headings=("Forty minutes up the valley", "Who the bus serves"),
        quotes=(
            (
                "You get to know who's had a bad day by the way they say goodnight. Some "
                "nights this bus is the only conversation people have had since breakfast,",
                0,
            ),
            ("It's twenty-six pounds. I earn about ninety on a night shift. You do the sum,", 0),
            ("proud to run the service", 0),
        ),
        credits=(
            (
                "Upper Calder Gazette/Dan Mercer",
                "The last 94 waits at Calderbridge bus station shortly after midnight",
                "image",
            ),
        ),
        boilerplate=(),
        source_format="markdown",
    ),
}

SPEAKERS: dict[str, tuple[str | None, ...]] = {
    "bbc-harbour-dispute.txt": (
        "Graham Duthie",
        "Graham Duthie",
        "Graham Duthie",
        "Port Ellis Harbour Trust",
        "Fiona Lennox",
        "Ailsa Morrison",
        None,  # her late father's saying
        "Ailsa Morrison",
    ),
    "bbc-world-shrinking-lake.txt": (
        "Teodoro Quispe",
        "Alto Cumbral Water Authority",
        "Mariela Condori",
        "Rosa Mamani",
        "Rosa Mamani",
    ),
    "bbc-older-shipyard-order.txt": (
        "Jenna Pascoe",
        "Jenna Pascoe",
        None,  # "people kept … asking"
        "Derek Tonkin",
        "Derek Tonkin",
        "Martin Carne",
    ),
    "bbc-live-storm-ilsa.txt": (
        "Westcoast Ferries",
        "Ruairidh Bain",
        "Morag Innes",
        "Neil Barr",
    ),
    "bbcmundo-helada-cafe.txt": (
        "Herminia Vargas",
        "Ernesto Paredes",
        None,  # los campesinos
        "Herminia Vargas",
        None,  # mi abuelo
        "Aurelio Quintana",
        None,  # an unnamed official ("nos dijeron")
    ),
    "guardian-estate-demolition.txt": (
        "Calderbridge council",
        "Pauline Okafor",
        "Pauline Okafor",
        None,  # housing officers
        None,  # scare quotes
        "Rebecca Sloane",
        None,  # a spokesperson for a named body: unnamed, so nobody (BBC rule S5)
        "Andrew Whitlock",
        "Andrew Whitlock",
        "Andrew Whitlock",
        "Pauline Okafor",
        "Pauline Okafor",
    ),
    "reuters-cable-order.txt": (
        "Sigrid Aune",
        "Henrik Dahl",
        None,  # unnamed investors
        None,  # a rating name
        "Sigrid Aune",
    ),
    "reuters-cp1252-crlf.txt": (
        "João Salgueiro",
        "Inês Carvalhal",
        "Inês Carvalhal",
        None,  # unnamed clients
        "Corticeira Monte Alçada",
    ),
    "ap-levee-volunteers.txt": (
        "Linda Petrakis",
        "Linda Petrakis",
        "Ray Dominguez",
        "Ray Dominguez",
        "Ray Dominguez",
        "Carol Whitaker",
        None,  # "a deputy"
        "Carol Whitaker",
        "Marcus Doyle",
        "Marcus Doyle",
    ),
    "german-hochwasser-bruehlingen.txt": (
        "Katrin Albrecht",
        "Gerda Wiesner",
        None,  # "mein Mann"
        "Markus Ebner",
        "Tobias Renz",
    ),
    "feature-dance-hall-reopens.txt": (
        "Brenda Halloway",
        "Kieran Halloway",
        "Brenda Halloway",  # "She told me" — his grandmother, the only woman named so far
        "Owen Pritchard",
        "Owen Pritchard",
        "Hélène Dufresne",
        "Kenji Morikawa",
        None,  # a term, not a quotation of anyone
        "Kenji Morikawa",
    ),
    "markdown-library-survey.md": (
        "Asha Malik",
        "Asha Malik",
        "Grace Adeyemi",
        "Grace Adeyemi",
    ),
    "markdown-night-bus.md": (
        "Shirley Holroyd",
        "Kwame Asante",
        "Pennine Valley Buses",
    ),
}

NAMES = sorted(EXPECTED)


@cache
def _article(name: str) -> Article:
    """Parse one example once per test session (articles are immutable)."""
    return load(EXAMPLES / name)


def _raw(name: str) -> str:
    """The example's decoded text, as the parser receives it."""
    return read_text((EXAMPLES / name).read_bytes())


# -- the expectations themselves ---------------------------------------------------------------


def test_every_example_has_expectations() -> None:
    on_disk = {p.name for p in EXAMPLES.iterdir() if p.is_file()} - NOT_ARTICLES
    assert on_disk == set(EXPECTED)
    assert set(SPEAKERS) == set(EXPECTED)


@pytest.mark.parametrize("name", NAMES)
def test_speakers_align_with_quotes(name: str) -> None:
    assert len(SPEAKERS[name]) == len(EXPECTED[name].quotes)


@pytest.mark.parametrize("name", NAMES)
def test_expectations_match_the_text(name: str) -> None:
    """Guard against typos here: every expected string occurs in the example as written."""
    raw = _raw(name)
    lines = set(raw.splitlines())
    flat = re.sub(r"\s+", " ", raw)
    exp = EXPECTED[name]
    if exp.title is not None:
        assert exp.title in raw
    for text, _depth in exp.quotes:
        for part in text.split("\n\n"):
            assert part in flat, part
    for heading in exp.headings:
        assert any(line.lstrip("# ").startswith(heading) for line in raw.splitlines()), heading
    for credit, caption, _media in exp.credits:
        for piece in (credit, caption):
            assert piece is None or piece in raw, piece
    for line in exp.boilerplate:
        assert line in lines, line
    for author, _role in exp.authors:
        assert author.casefold() in raw.casefold(), author


@pytest.mark.parametrize("name", NAMES)
def test_example_length_is_article_sized(name: str) -> None:
    assert 300 <= count_words(_raw(name)) <= 900


def test_cp1252_example_really_is_cp1252_with_crlf() -> None:
    data = (EXAMPLES / "reuters-cp1252-crlf.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.count(b"\r\n") == data.count(b"\n") > 10
    assert "“Our customers" in data.decode("cp1252")


# -- the parser against the expectations -------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str) -> None:
    article = _article(name)
    expected = EXPECTED[name].title
    if expected is not None:
        assert article.title == expected
        return
    # No headline and no front matter: the lead's opening words (maybe with an ellipsis).
    lead = article.paragraphs[0].text
    opening = article.title.rstrip("…. ").strip()
    assert count_words(opening) >= 3
    assert lead.startswith(opening)
    assert lead[len(opening) : len(opening) + 1] in ("", " ", ",", ".", ";", ":")


@pytest.mark.parametrize("name", NAMES)
def test_title_derived(name: str) -> None:
    assert _article(name).title_derived is EXPECTED[name].title_derived


@pytest.mark.parametrize("name", NAMES)
def test_authors(name: str) -> None:
    article = _article(name)
    assert [(a.name, a.role) for a in article.authors] == list(EXPECTED[name].authors)


@pytest.mark.parametrize("name", NAMES)
def test_headings(name: str) -> None:
    assert _article(name).headings == EXPECTED[name].headings


@pytest.mark.parametrize("name", NAMES)
def test_quotes(name: str) -> None:
    article = _article(name)
    assert [(q.text, q.depth) for q in article.quotes] == list(EXPECTED[name].quotes)


@pytest.mark.parametrize("name", NAMES)
def test_credits(name: str) -> None:
    article = _article(name)
    found = [(b.credit, b.caption, b.media) for b in article.blocks() if isinstance(b, ImageCredit)]
    assert found == list(EXPECTED[name].credits)


@pytest.mark.parametrize("name", NAMES)
def test_boilerplate(name: str) -> None:
    article = _article(name)
    found = [b.text for b in article.blocks() if isinstance(b, Boilerplate)]
    assert found == list(EXPECTED[name].boilerplate)


@pytest.mark.parametrize("name", NAMES)
def test_source_format(name: str) -> None:
    assert _article(name).source_format == EXPECTED[name].source_format


@pytest.mark.parametrize("name", NAMES)
def test_speakers(name: str) -> None:
    article = _article(name)
    found = [(q.text, q.speaker) for q in article.quotes]
    expected = [(q[0], s) for q, s in zip(EXPECTED[name].quotes, SPEAKERS[name], strict=True)]
    assert found == expected


@pytest.mark.parametrize("name", NAMES)
def test_example_parses_and_dumps(name: str) -> None:
    from tui.article.export import to_json, to_markdown, to_text

    article = _article(name)
    assert article.paragraphs
    assert article.path == str(EXAMPLES / name)
    assert to_text(article).strip()
    assert to_markdown(article).strip()
    json.dumps(to_json(article, str(Path(name))))
