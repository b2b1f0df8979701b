"""Search helpers for :mod:`tui.library.index`: safe FTS5 queries, snippets and the LIKE fallback.

User text never reaches ``MATCH`` as syntax: each whitespace-separated term becomes an FTS5
string (``"term"``, inner ``"`` doubled), so ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``^``,
``:``, parentheses and quotes are just characters the tokenizer drops or words it matches. The
last term gets a trailing ``*`` (prefix match, for search as you type).

Snippets come back from SQLite with the matches wrapped in :data:`SNIPPET_OPEN` and
:data:`SNIPPET_CLOSE` (STX/ETX). Article text cannot contain them — sanitising turns every C0
control into a visible control picture — so the markers are unambiguous; :func:`parse_snippet`
removes them and returns the match offsets.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

from tui.article.records import record
from tui.library.dbpaths import from_db

__all__ = [
    "SNIPPET_CLOSE",
    "SNIPPET_OPEN",
    "MAX_TERMS",
    "LikeTerm",
    "SearchHit",
    "fts_available",
    "fts_count",
    "fts_query",
    "RANK_LIMIT",
    "fts_search",
    "like_count",
    "like_hit",
    "like_search",
    "like_terms",
    "parse_snippet",
    "query_terms",
    "terms_dropped",
]

SNIPPET_OPEN = "\x02"
"""Marks the start of a match in raw FTS5 snippets (never present in sanitised text)."""
SNIPPET_CLOSE = "\x03"
"""Marks the end of a match in raw FTS5 snippets."""

_WORDISH = re.compile(r"\w")
_WORD_END = re.compile(r"\w*")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_EDGES = re.compile(r"^\W+|\W+$")
_MARKERS = re.compile(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]")
RANK_LIMIT = 15_000
"""Above this many matching paragraphs, search takes the first ``limit`` matches in index order
(sorted best first) instead of ranking every match: bm25 costs ~2 µs per matching row, and a
short prefix can match most of a big library."""

MAX_TERMS = 32
"""The most distinct words a search looks for: the first ones and the last (being typed).

FTS5's time grows with the square of the number of terms when they match (800 pasted words
took 36 s); every term must match, so searching fewer only ever finds more. The search screen
says when words were left out (:func:`terms_dropped`)."""

_CONTEXT = 60
"""Characters of context either side of a match in LIKE-fallback snippets."""


@record
class SearchHit:
    """One matching title, heading or paragraph."""

    path: str
    """The article file (absolute, as stored in the index)."""
    title: str
    """The article's title."""
    paragraph: int
    """Index into :attr:`Article.paragraphs` to show (-1 when the title matched)."""
    snippet: str
    """Plain text around the match (no markup; ``…`` where it was cut)."""
    rank: float
    """Relevance: lower is better (FTS5 bm25; 0 for the LIKE fallback)."""
    match: tuple[int, int] = (0, 0)
    """``(start, end)`` of the first match in :attr:`snippet` (``(0, 0)`` when none marked)."""
    matches: tuple[tuple[int, int], ...] = ()
    """Every marked match in :attr:`snippet`, in order."""


@cache
def fts_available() -> bool:
    """Whether this Python's SQLite was built with FTS5.

    Returns:
        True when an FTS5 table can be created.
    """
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def _all_terms(query: str) -> list[str]:
    """Every term of the query, repeats included (see :func:`query_terms`)."""
    query = _CONTROLS.sub(" ", query)  # a NUL would cut the FTS5 string short
    return [term for term in query.split() if _WORDISH.search(term)]


def _distinct(terms: list[str]) -> list[str]:
    """The terms without repeats (ignoring case), first ones first, the last one kept last."""
    if not terms:
        return []
    last = terms[-1]
    seen = {last.casefold()}
    rest: list[str] = []
    for term in terms[:-1]:
        folded = term.casefold()
        if folded not in seen:  # a set: the check stays linear in the query's length
            seen.add(folded)
            rest.append(term)
    return [*rest, last]


def query_terms(query: str) -> list[str]:
    """Split what the user typed into search terms (runs without a word character dropped).

    Repeats are dropped, and past :data:`MAX_TERMS` distinct terms only the first ones and
    the last are kept, so the search time stays bounded whatever is pasted in.

    Args:
        query: The raw query.

    Returns:
        The terms in order; empty for an empty or all-punctuation query.
    """
    terms = _distinct(_all_terms(query))
    if len(terms) > MAX_TERMS:
        terms = [*terms[: MAX_TERMS - 1], terms[-1]]
    return terms


def terms_dropped(query: str) -> int:
    """How many distinct words of ``query`` the search leaves out (see :data:`MAX_TERMS`).

    Args:
        query: The raw query.

    Returns:
        0 unless the query has more than :data:`MAX_TERMS` distinct words.
    """
    return max(0, len(_distinct(_all_terms(query))) - MAX_TERMS)


def fts_query(query: str) -> str | None:
    """Build a safe FTS5 ``MATCH`` expression: every term quoted, the last one a prefix.

    Args:
        query: The raw query.

    Returns:
        The expression (terms implicitly ANDed), or None when there is nothing to search.
    """
    terms = query_terms(query)
    if not terms:
        return None
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def parse_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip the match markers from an FTS5 snippet.

    Args:
        marked: Snippet text with matches wrapped in :data:`SNIPPET_OPEN`/:data:`SNIPPET_CLOSE`.

    Returns:
        ``(plain text, match spans)`` with spans as offsets into the plain text.
    """
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for piece in re.split(f"([{SNIPPET_OPEN}{SNIPPET_CLOSE}])", marked):
        if piece == SNIPPET_OPEN:
            start = length
        elif piece == SNIPPET_CLOSE:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), tuple(spans)


@record
class LikeTerm:
    """A term for the LIKE fallback: its pattern and the lower-cased text to find."""

    pattern: str
    """``%term%`` with ``%``, ``_`` and ``\\`` escaped (for ``LIKE ? ESCAPE '\\'``)."""
    needle: str
    """The term, lower-cased, for locating it in the snippet."""


def like_terms(query: str) -> list[LikeTerm]:
    """Terms for the fallback search (substring match, ASCII case-insensitive in SQLite).

    Punctuation around a term is dropped (``"lamp`` and ``(lamp)`` look for ``lamp``); inside
    it is kept and matched literally, ``%`` and ``_`` included.

    Args:
        query: The raw query.

    Returns:
        One :class:`LikeTerm` per term; empty when there is nothing to search.
    """
    out = []
    for raw in query_terms(query):
        term = _EDGES.sub("", raw)  # like the tokenizer, ignore quotes and brackets around words
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        out.append(LikeTerm(f"%{escaped}%", term.lower()))
    return out


def like_hit(path: str, title: str, para: int, body: str, terms: list[LikeTerm]) -> SearchHit:
    """Make a hit for the fallback search, cutting a snippet around the first term.

    Args:
        path: The article file.
        title: The article's title.
        para: The paragraph index (-1 for the title).
        body: The matching text.
        terms: The query's terms.

    Returns:
        The hit with a plain snippet and the first term's span in it.
    """
    body = _MARKERS.sub("", body)
    lowered = body.lower()
    found = [(i, len(t.needle)) for t in terms if (i := lowered.find(t.needle)) >= 0]
    at, size = min(found) if found else (0, 0)
    if size and (word := _WORD_END.match(body, min(at + size, len(body)))):
        size = word.end() - at  # mark the whole word, as FTS5 does for a prefix match
    start = max(0, at - _CONTEXT)
    end = min(len(body), at + size + _CONTEXT)
    prefix = "…" if start > 0 else ""
    snippet = prefix + body[start:end] + ("…" if end < len(body) else "")
    offset = len(prefix) + at - start
    span = (offset, offset + size)
    return SearchHit(path, title, para, snippet, 0.0, span, (span,) if size else ())


def fts_search(conn: sqlite3.Connection, query: str, limit: int, where: str) -> list[SearchHit]:
    """Run a search on the FTS5 index.

    Args:
        conn: The index database.
        query: What the user typed.
        limit: The most hits.
        where: Extra SQL conditions (`` AND …`` on ``chunks c``), or "".

    Returns:
        Hits, best (lowest bm25) first.
    """
    match = fts_query(query)
    if match is None:
        return []
    count = conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()[0]
    ranked = count <= RANK_LIMIT
    sql = (
        "SELECT f.path, f.title, c.para, snippet(fts, 0, ?, ?, '…', 24), fts.rank "
        "FROM fts JOIN chunks c ON c.id = fts.rowid JOIN files f ON f.id = c.file_id "
        "WHERE fts MATCH ?" + where + (" ORDER BY fts.rank" if ranked else "") + " LIMIT ?"
    )
    rows = conn.execute(sql, (SNIPPET_OPEN, SNIPPET_CLOSE, match, limit)).fetchall()
    if not ranked:
        rows.sort(key=lambda row: row[4])
    hits = []
    for path, title, para, marked, rank in rows:
        snippet, spans = parse_snippet(marked)
        first = spans[0] if spans else (0, 0)
        hits.append(SearchHit(from_db(path), title, para, snippet, rank, first, spans))
    return hits


def fts_count(conn: sqlite3.Connection, query: str, where: str) -> int:
    """How many titles, headings and paragraphs :func:`fts_search` would find with no limit.

    Args:
        conn: The index database.
        query: What the user typed.
        where: Extra SQL conditions (`` AND …`` on ``chunks c``), or "".

    Returns:
        The number of matches.
    """
    match = fts_query(query)
    if match is None:
        return 0
    sql = "SELECT count(*) FROM fts JOIN chunks c ON c.id = fts.rowid WHERE fts MATCH ?" + where
    count: int = conn.execute(sql, (match,)).fetchone()[0]
    return count


def like_count(conn: sqlite3.Connection, query: str, where: str) -> int:
    """How many titles, headings and paragraphs :func:`like_search` would find with no limit.

    Args:
        conn: The index database.
        query: What the user typed.
        where: Extra SQL conditions (`` AND …`` on ``chunks c``), or "".

    Returns:
        The number of matches.
    """
    terms = like_terms(query)
    if not terms:
        return 0
    sql = (
        "SELECT count(*) FROM chunks c WHERE "
        + " AND ".join(["c.body LIKE ? ESCAPE '\\'"] * len(terms))
        + where
    )
    count: int = conn.execute(sql, [t.pattern for t in terms]).fetchone()[0]
    return count


def like_search(conn: sqlite3.Connection, query: str, limit: int, where: str) -> list[SearchHit]:
    """Run a search with ``LIKE`` when SQLite lacks FTS5 (every term must occur).

    Args:
        conn: The index database.
        query: What the user typed.
        limit: The most hits.
        where: Extra SQL conditions (`` AND …`` on ``chunks c``), or "".

    Returns:
        Hits: title hits first, then in library order.
    """
    terms = like_terms(query)
    if not terms:
        return []
    sql = (
        "SELECT f.path, f.title, c.para, c.body FROM chunks c JOIN files f ON f.id = c.file_id "
        "WHERE "
        + " AND ".join(["c.body LIKE ? ESCAPE '\\'"] * len(terms))
        + where
        + " ORDER BY c.para >= 0, f.path, c.para LIMIT ?"
    )
    rows = conn.execute(sql, (*[t.pattern for t in terms], limit)).fetchall()
    return [like_hit(from_db(path), title, para, body, terms) for path, title, para, body in rows]
