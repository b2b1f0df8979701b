"""Nothing is lost: every non-space character of the input lands, in order, in some block's raw."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.article.model import Article
from tui.article.sanitize import sanitize
from tui.article.text import parse_text

# Marker lines of every format in FORMAT.md (own wording), so the property walks the
# interesting paths: labels, bylines, credits, live times, glued lines, boilerplate.
MARKER_LINES = [
    "Image source, Getty Images",
    "image source, Reuters",
    "Image caption, Boats tied up in the harbour at dusk",
    "Video caption, Watch: the bridge opening",
    "Media caption, The mayor speaks",
    "-",
    "- Author, Priya Nandakumar",
    "- Role, Science reporter",
    "- Author title, BBC News World",
    "- Reporting from, Lisbon",
    "- Published",
    "- Published2 days ago",
    "Related topics",
    "More on this story",
    "More from InDepth",
    "Posted at 16:45",
    "09:05",
    "Live",
    "Summary",
    "Breaking",
    "By Jane DoeBusiness reporter",
    "Image copyright Getty ImagesThe crowd waited outside the stadium.",
    "Rise to fameThe band first played in a pub in 1998 to a crowd of ten.",
    "Media playback is unsupported on your device",
    "Fuente de la imagen, EFE",
    "Pie de foto, Una calle vacía en el centro.",
    "Autor, Marta Gil",
    "Título del autor, BBC News Mundo",
    "Información del artículo",
    "Temas relacionados",
    "Haz clic aquí para leer más historias.",
    "A ferry leaves the port. Photograph: Ann Lowe/PA",
    "View image in fullscreen",
    "Explore more on these topics",
    "Reuse this content",
    "PARIS, May 2 (Reuters) - Prices rose, a survey showed, opens new tab.",
    "Reporting by Ola Berg; Editing by Tim Cole",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "DENVER (AP) — Snow fell overnight across the plains.",
    "By ROSA MENDEZ and PAUL KING",
    "Associated Press",
    "A plough clears a road on Monday. (AP Photo/Lee Hart)",
    "___",
    "Staff writer Joe Bay contributed to this report.",
    "Der Markt ist voll. | Max Muster/dpa",
    "Stand: 14.10.2025 18:05 Uhr",
    "Von Lea Roth und Ben Kurz, SWR",
    "Mehr zum Thema",
    "'Questions to answer'",
    "The mayor (Photo: Kim Ode) cut the ribbon.",
    "A short heading",
    "This is an ordinary sentence that ends with a full stop.",
    "and this line continues a wrapped paragraph from the one above it",
    "",
    "",
    "   ",
]

_printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=200,
)
_lines = st.lists(st.one_of(st.sampled_from(MARKER_LINES), _printable), max_size=40)
_marker_text = _lines.map("\n".join)


def _non_space(text: str) -> str:
    return "".join(text.split())


def _check(text: str) -> Article:
    clean = sanitize(text)
    article = parse_text(clean)
    raws = "".join(_non_space(b.raw) for b in article.blocks())
    assert raws == _non_space(clean)
    assert article.sections, "an article always has at least one section"
    return article


@given(st.text())
def test_arbitrary_text_loses_nothing(text: str) -> None:
    _check(text)


@given(_marker_text)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_marker_mixes_lose_nothing(text: str) -> None:
    article = _check(text)
    lines = article.blocks()
    # Line numbers are 1-based positions in the input and never run backwards.
    numbers = [b.line for b in lines]
    assert all(n >= 1 for n in numbers)
    assert numbers == sorted(numbers)


@pytest.mark.fuzz
@given(st.one_of(st.text(), _marker_text))
@settings(max_examples=10_000, suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_loses_nothing(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "-",
        "Image source, Getty ImagesImage caption, Two people walk past a mural.",
        "View image in fullscreen",
        "A caption here. Photograph: A Person/Agency\nView image in fullscreen\n"
        "A caption here. Photograph: A Person/Agency",
        "Rise to fameThe singer grew up on a farm outside the city and left at sixteen.",
    ],
)
def test_edge_cases_lose_nothing(text: str) -> None:
    _check(text)


def test_each_block_raw_is_exact_source() -> None:
    text = (
        "Heading line that starts it\n"
        "\n"
        "The first paragraph of the wrapped file has a line that is long and\n"
        "continues here on a second line that carries on with the sentence.\n"
    )
    article = _check(text)
    lines = text.split("\n")
    for block in article.blocks():
        first = lines[block.line - 1]
        assert block.raw.split("\n")[0] in first or first.startswith(block.raw)
