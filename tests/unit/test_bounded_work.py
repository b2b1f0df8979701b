"""Work that grows linearly with the input: author lists, bylines, search queries (#16.12).

No timings: each test counts the operations a quadratic version makes (comparisons of authors,
search terms handed to SQLite) or checks a shared structure, at a size where the quadratic
version is far over the bound and the linear one far under it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.benchmarks.bench_huge import shape_texts
from tui.article import parse
from tui.article.export import to_markdown, to_text
from tui.article.mdmeta import merge_authors, parse_authors, unique_authors
from tui.article.model import Author
from tui.library.search import MAX_TERMS, fts_query, like_terms, query_terms, terms_dropped

COUNT = 600
"""Items per shape: 180,000 comparisons when each is checked against all before it."""


@pytest.fixture
def comparisons(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Count calls of ``Author.__eq__`` (a list scan makes one per author already kept)."""
    count = [0]
    real = Author.__eq__

    def counting(self: Author, other: object) -> bool:
        count[0] += 1
        return real(self, other)  # type: ignore[no-any-return]

    monkeypatch.setattr(Author, "__eq__", counting)
    yield count


@pytest.mark.parametrize("shape", ["bylines", "authors", "roles"])
def test_author_lists_are_deduplicated_in_linear_time(comparisons: list[int], shape: str) -> None:
    article = parse(shape_texts(COUNT)[shape], path=f"{shape}.md")
    assert len(article.authors) == COUNT
    assert comparisons[0] < 4 * COUNT


def test_toml_front_matter_authors_are_deduplicated_in_linear_time(
    comparisons: list[int],
) -> None:
    names = ", ".join(f'"Writer{n} Person"' for n in range(COUNT))
    article = parse(f"+++\nauthors = [{names}]\n+++\n\nBody.\n", path="toml.md")
    assert len(article.authors) == COUNT
    assert comparisons[0] < 4 * COUNT


def test_text_export_checks_bylines_against_a_set(comparisons: list[int]) -> None:
    article = parse(shape_texts(COUNT)["bylines"], path="bylines.md")
    comparisons[0] = 0
    text = to_text(article)
    to_markdown(article)
    assert comparisons[0] < 4 * COUNT
    assert "By Reporter1 Person" not in text  # every byline is credited at the top


def test_repeated_authors_are_kept_once_in_order() -> None:
    a, b, c = Author("A"), Author("B", "Editor"), Author("C")
    assert unique_authors([a, b, a, c, b]) == [a, b, c]
    text = "By Ann Lee\n\nBody one.\n\nBy Bo Chan and Ann Lee\n\nBody two.\n"
    assert [x.name for x in parse(text, path="x.md").authors] == ["Ann Lee", "Bo Chan"]


def test_front_matter_wins_over_bylines_by_name() -> None:
    front = [Author("Ann Lee", "Editor")]
    found = [Author("Ann Lee"), Author("Bo Chan"), Author("Bo Chan", "Writer")]
    assert merge_authors(front, found) == [*front, *found[1:]]


def test_a_role_written_once_is_one_string_shared_by_its_names() -> None:
    names = " and ".join(f"Name{n} Person" for n in range(COUNT))
    authors = parse_authors(f"{names}, Staff reporter, BBC News, Lisbon bureau")
    assert len(authors) == COUNT
    assert {a.role for a in authors} == {"Staff reporter, BBC News, Lisbon bureau"}
    # One string for all: building it per name made the list names × roles long.
    assert len({id(a.role) for a in authors}) == 1


def test_roles_still_go_to_the_names_before_them() -> None:
    authors = parse_authors("Ann Lee, Business reporter, Bo Chan and Cy Dee, BBC News")
    assert authors == (
        Author("Ann Lee", "Business reporter"),
        Author("Bo Chan", "BBC News"),
        Author("Cy Dee", "BBC News"),
    )


def test_a_long_query_is_capped_keeping_the_first_words_and_the_last() -> None:
    words = [f"word{n}" for n in range(800)]
    terms = query_terms(" ".join(words))
    assert len(terms) == MAX_TERMS
    assert terms == [*words[: MAX_TERMS - 1], words[-1]]
    assert terms_dropped(" ".join(words)) == 800 - MAX_TERMS
    match = fts_query(" ".join(words))
    assert match is not None and match.count('"') == 2 * MAX_TERMS
    assert len(like_terms(" ".join(words))) == MAX_TERMS


def test_repeated_words_count_once() -> None:
    assert query_terms("lamp Lamp LAMP " * 300 + "post") == ["lamp", "post"]
    assert query_terms("lamp post lamp") == ["post", "lamp"]  # the last, typed word stays last
    assert terms_dropped("lamp " * 800) == 0
    assert terms_dropped(" ".join(f"w{n}" for n in range(MAX_TERMS))) == 0
