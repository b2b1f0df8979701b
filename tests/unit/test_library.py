"""The article index: warm reads without parsing, change detection, skips and safe search."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import tui.article
from tui.library.index import SCHEMA_VERSION, Entry, LibraryIndex
from tui.library.search import fts_available, fts_query, parse_snippet

LIGHTHOUSE = """Lighthouse keepers return to Skerrow Point
- Author, Morag Tulloch
- Role, Islands reporter
The lamp at Skerrow Point has been relit after volunteers spent two winters rebuilding the lens.
Volunteers said the work took "far longer than anyone planned" but the beam reaches the harbour.
Repairs to the gallery
Masons replaced the gallery railings with galvanised steel shipped from Oban.
Café owners in the village said visitors were already climbing the headland at dusk.
"""

BAKERY = """# Night shift at the Tollgate bakery

By Ines Okafor

The ovens on Tollgate Lane are lit at two in the morning, long before the first bus.

## Flour prices

A sack of flour costs nearly twice what it did three years ago, the owner says.
"""

MODES = [pytest.param(True, id="fts5"), pytest.param(False, id="like")]


@pytest.fixture
def library(tmp_path: Path) -> list[Path]:
    root = tmp_path / "lib"
    (root / "islands").mkdir(parents=True)
    (root / "food" / "bakeries").mkdir(parents=True)
    first = root / "islands" / "lighthouse.txt"
    first.write_text(LIGHTHOUSE, encoding="utf-8")
    second = root / "food" / "bakeries" / "tollgate.md"
    second.write_text(BAKERY, encoding="utf-8")
    return [first, second]


@pytest.fixture(params=MODES)
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LibraryIndex]:
    idx = LibraryIndex(tmp_path / "cache" / "index.sqlite3", use_fts=request.param)
    yield idx
    idx.close()


def _index_all(idx: LibraryIndex, files: list[Path]) -> dict[str, Entry]:
    out = {}
    for path, entry, reason in idx.update(files):
        assert entry is not None, reason
        out[str(path)] = entry
    return out


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(path: object) -> None:
        raise AssertionError(f"parsed {path} on a warm read")

    monkeypatch.setattr(tui.article, "load", boom)


def test_sqlite_here_has_fts5() -> None:
    assert fts_available()


def test_default_location_is_the_cache_dir(tmp_path: Path) -> None:
    with LibraryIndex() as idx:
        assert idx.db_path == tmp_path / "cache" / "newsread" / "index.sqlite3"
        assert idx.db_path.exists()


def test_update_records_metadata(index: LibraryIndex, library: list[Path]) -> None:
    entries = _index_all(index, library)
    light = entries[str(library[0])]
    assert light.title == "Lighthouse keepers return to Skerrow Point"
    assert not light.title_derived
    assert light.authors == ("Morag Tulloch",)
    assert light.headings == ("Repairs to the gallery",)
    assert len(light.section_words) == 2 and sum(light.section_words) == light.word_count
    assert light.folder == "islands"
    assert light.size == library[0].stat().st_size
    bakery = entries[str(library[1])]
    assert bakery.title == "Night shift at the Tollgate bakery"
    assert bakery.source_format == "markdown"
    assert bakery.folder == "food/bakeries"


def test_warm_cached_returns_the_same_entries_without_parsing(
    tmp_path: Path, library: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "idx.sqlite3"
    with LibraryIndex(db) as idx:
        cold = _index_all(idx, library)
    _forbid_parsing(monkeypatch)
    with LibraryIndex(db) as idx:  # a new session reading the file written by the last one
        assert idx.cached(library) == cold
        assert list(idx.update(library)) == []  # nothing changed: nothing parsed or yielded


def test_roots_decide_the_folder(index: LibraryIndex, library: list[Path]) -> None:
    _index_all(index, library)
    root = library[0].parent.parent
    entries = index.cached(library, roots=[root / "food"])
    assert entries[str(library[1])].folder == "bakeries"
    assert entries[str(library[0])].folder == ""  # outside every root given


@pytest.mark.parametrize("change", ["size", "mtime"])
def test_changed_file_is_parsed_again(
    index: LibraryIndex, library: list[Path], change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _index_all(index, library)
    target = library[0]
    info = target.stat()
    if change == "size":
        target.write_text(LIGHTHOUSE.replace("Skerrow Point\n", "Skerrow Head\n", 1), "utf-8")
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))  # same mtime, new size
    else:
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert str(target) not in index.cached(library)
    assert str(library[1]) in index.cached(library)
    parsed = []
    real_load = tui.article.load

    def counting(path: str | Path) -> tui.article.Article:
        parsed.append(Path(path))
        return real_load(path)

    monkeypatch.setattr(tui.article, "load", counting)
    results = list(index.update(library))
    assert parsed == [target]
    assert [(p, e is not None) for p, e, _ in results] == [(target, True)]
    entry = index.cached(library)[str(target)]
    expected = "Lighthouse keepers return to Skerrow " + ("Head" if change == "size" else "Point")
    assert entry.title == expected


@pytest.mark.parametrize("given", [0, 1, 2])
def test_already_parsed_articles_are_not_parsed_again(
    index: LibraryIndex, library: list[Path], given: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reader hands over the articles it parsed in full (the open one); only the others
    # are loaded, and what is stored is the same as from a parse of the file.
    real_load = tui.article.load
    articles = {os.path.abspath(path): real_load(path) for path in library[:given]}
    loaded: list[Path] = []

    def counting(path: str | Path) -> tui.article.Article:
        loaded.append(Path(path))
        return real_load(path)

    monkeypatch.setattr(tui.article, "load", counting)
    results = list(index.update(library, parsed=articles))
    assert loaded == library[given:]
    assert [(p, e is not None) for p, e, _ in results] == [(p, True) for p in library]
    entries = index.cached(library)
    assert entries[str(library[0])].title == "Lighthouse keepers return to Skerrow Point"
    assert entries[str(library[1])].title == "Night shift at the Tollgate bakery"
    assert entries[str(library[0])].headings == ("Repairs to the gallery",)


def test_parsed_article_of_an_unchanged_file_is_ignored(
    index: LibraryIndex, library: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _index_all(index, library)
    _forbid_parsing(monkeypatch)
    stale = tui.article.parse(BAKERY, path=str(library[0]))
    assert list(index.update(library, parsed={os.path.abspath(library[0]): stale})) == []
    assert index.cached(library)[str(library[0])].title.startswith("Lighthouse")


def test_progress_and_stop(index: LibraryIndex, library: list[Path]) -> None:
    seen: list[tuple[int, int]] = []
    results = list(index.update(library, progress=lambda d, t: seen.append((d, t))))
    assert len(results) == 2 and seen == [(1, 2), (2, 2)]
    library[0].touch()
    os.utime(library[1], ns=(0, 10**18))
    stopped = list(index.update(library, should_stop=lambda: True))
    assert stopped == []
    assert index.cached(library) == {}


def test_early_close_keeps_committed_work(tmp_path: Path, library: list[Path]) -> None:
    db = tmp_path / "idx.sqlite3"
    with LibraryIndex(db) as idx:
        run = idx.update(library)
        next(run)
        run.close()  # the consumer gave up after one file
    with LibraryIndex(db) as idx:
        assert list(idx.cached(library)) == [str(library[0])]


def test_deleted_files_are_forgotten(index: LibraryIndex, library: list[Path]) -> None:
    _index_all(index, library)
    assert len(index.search("bakery")) > 0
    library[1].unlink()
    assert index.forget_missing(library[:1]) == 1
    assert index.forget_missing(library[:1]) == 0
    assert index.search("bakery") == []
    assert index.search("Skerrow")


def test_binary_file_is_skipped_with_reason_until_it_changes(
    index: LibraryIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    [(path, entry, reason)] = list(index.update([blob]))
    assert path == blob and entry is None
    assert "text" in reason
    assert index.cached([blob]) == {}
    assert index.skipped([blob]) == {str(blob): reason}
    _forbid_parsing(monkeypatch)
    assert list(index.update([blob])) == []  # not retried while unchanged
    monkeypatch.undo()
    blob.write_text(LIGHTHOUSE, encoding="utf-8")
    [(_, entry, reason)] = list(index.update([blob]))
    assert entry is not None and reason == ""
    assert index.skipped([blob]) == {}


def test_missing_file_is_reported_not_recorded(index: LibraryIndex, tmp_path: Path) -> None:
    ghost = tmp_path / "gone.txt"
    [(path, entry, reason)] = list(index.update([ghost]))
    assert (path, entry) == (ghost, None) and "no such file" in reason
    assert index.skipped([ghost]) == {}


@pytest.mark.parametrize(
    "content",
    [b"SQLite format 3\x00" + b"\x00" * 200, b"this is not a database at all " * 100],
    ids=["truncated", "garbage"],
)
def test_corrupt_index_is_rebuilt(tmp_path: Path, library: list[Path], content: bytes) -> None:
    db = tmp_path / "idx.sqlite3"
    db.write_bytes(content)
    with LibraryIndex(db) as idx:
        assert idx.rebuilt
        assert idx.cached(library) == {}
        assert len(_index_all(idx, library)) == 2
    with LibraryIndex(db) as idx:
        assert not idx.rebuilt and len(idx.cached(library)) == 2


def test_old_schema_version_is_rebuilt(tmp_path: Path, library: list[Path]) -> None:
    db = tmp_path / "idx.sqlite3"
    with LibraryIndex(db) as idx:
        _index_all(idx, library)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION - 1,)
        )
    conn.close()
    with LibraryIndex(db) as idx:
        assert idx.rebuilt and idx.cached(library) == {}


@pytest.mark.parametrize(
    ("query", "paragraph", "word"),
    [
        ("lighthouse", -1, "Lighthouse"),  # title
        ("galvanised", 2, "galvanised"),  # body
        ("GALLERY railings", 2, "gallery"),  # case, two words in one paragraph
        ("Repairs", 2, "Repairs"),  # a heading lands on its section's first paragraph
        ("headl", 3, "headland"),  # the last term is a prefix
        ("Café", 3, "Café"),
    ],
)
def test_search_finds_titles_and_bodies(
    index: LibraryIndex, library: list[Path], query: str, paragraph: int, word: str
) -> None:
    _index_all(index, library)
    hits = index.search(query)
    assert hits, query
    best = hits[0]
    assert best.path == str(library[0].absolute())
    assert best.title == "Lighthouse keepers return to Skerrow Point"
    assert best.paragraph == paragraph
    start, end = best.match
    assert best.snippet[start:end].lower() == word.lower()
    assert "\x02" not in best.snippet and "\x03" not in best.snippet
    article = tui.article.load(library[0])
    if paragraph >= 0:
        assert word.lower() in article.paragraphs[paragraph].text.lower() or query == "Repairs"


@pytest.mark.parametrize("fts", [True])
def test_accents_fold_in_fts(tmp_path: Path, library: list[Path], fts: bool) -> None:
    with LibraryIndex(tmp_path / "i.sqlite3", use_fts=fts) as idx:
        _index_all(idx, library)
        hits = idx.search("cafe")
        assert [h.paragraph for h in hits] == [3]


def test_whole_words_only_except_the_last(index: LibraryIndex, library: list[Path]) -> None:
    _index_all(index, library)
    assert index.search("lighthouse")
    if index.use_fts:
        assert index.search("light keepers") == []  # "light" is not a prefix when not last
    assert index.search("keepers light")  # last term: prefix of "lighthouse"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '""',
        "*",
        "-",
        "(",
        ")",
        "NEAR",
        "NEAR(",
        'NEAR("a" "b")',
        "AND",
        "OR NOT",
        "title:lamp",
        "^lamp",
        "lamp*",
        "la*mp",
        '"lamp',
        'lamp"',
        "{lamp}",
        "lamp + beam",
        "%",
        "_",
        "\\",
        "ølhus 灯台 🏠",
        "\x00",
        "a" * 500,
    ],
)
def test_hostile_queries_never_raise(index: LibraryIndex, library: list[Path], query: str) -> None:
    _index_all(index, library)
    hits = index.search(query)
    assert isinstance(hits, list)
    for hit in hits:
        assert hit.path and isinstance(hit.rank, float)


@pytest.mark.parametrize("query", ['"lamp', "lamp*", "(lamp)", "lamp%", "'lamp'", "{lamp}"])
def test_syntax_characters_do_not_hide_the_word(
    index: LibraryIndex, library: list[Path], query: str
) -> None:
    _index_all(index, library)
    assert [h.paragraph for h in index.search(query)] == [0]


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "()", "-- ;"])
def test_empty_or_garbage_query_gives_nothing(
    index: LibraryIndex, library: list[Path], query: str
) -> None:
    _index_all(index, library)
    assert index.search(query) == []


def test_operators_are_words_not_syntax(index: LibraryIndex, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Harbour notice\nBoats moored NEAR the slipway OR the pier must move.\n")
    _index_all(index, [note])
    assert [h.paragraph for h in index.search("near or")] == [0]
    assert index.search("NOT slipway") == []  # "not" is a word the text lacks, not negation


def test_search_within_limits_to_those_files(index: LibraryIndex, library: list[Path]) -> None:
    _index_all(index, library)
    assert index.search("the", within=library[1:])
    assert all(
        h.path == str(library[1].absolute()) for h in index.search("the", within=library[1:])
    )
    assert index.search("Skerrow", within=library[1:]) == []
    assert index.search("Skerrow", within=library)  # a new scope replaces the old one
    assert len(index.search("the", limit=1)) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("harbour", '"harbour"*'),
        ("harbour pier", '"harbour" "pier"*'),
        ('say "hi"', '"say" """hi"""*'),
        ("NEAR", '"NEAR"*'),
        ("* ( ) -", None),
        ("", None),
    ],
)
def test_fts_query_quotes_every_term(query: str, expected: str | None) -> None:
    assert fts_query(query) == expected


@pytest.mark.parametrize(
    ("marked", "plain", "spans"),
    [
        ("no match", "no match", ()),
        ("a \x02b\x03 c", "a b c", ((2, 3),)),
        ("\x02ab\x03 \x02cd\x03…", "ab cd…", ((0, 2), (3, 5))),
        ("\x02\x03x", "x", ()),
    ],
)
def test_parse_snippet(marked: str, plain: str, spans: tuple[tuple[int, int], ...]) -> None:
    assert parse_snippet(marked) == (plain, spans)


@pytest.mark.parametrize(
    "query",
    [
        'a"b',
        "NEAR(a b)",
        "a OR b",
        "NOT a",
        "a AND",
        "x:y",
        "^a",
        "a*",
        "(a",
        "a)",
        "{a b}",
        "a + b",
        "«a»",
        "灯台",
        "a\x00b",
        "- a",
        "a:",
        '""a""',
    ],
)
def test_built_match_expressions_are_valid_fts5(query: str) -> None:
    """search() swallows SQLite errors, so check the expressions themselves are accepted."""
    expression = fts_query(query)
    assert expression is not None
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    conn.execute("INSERT INTO t VALUES ('a b x y 灯台 c')")
    conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()  # no error
    conn.close()


def test_broad_queries_skip_full_ranking_but_still_find(
    index: LibraryIndex, library: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _index_all(index, library)
    ranked = index.search("the")
    monkeypatch.setattr("tui.library.search.RANK_LIMIT", 0)
    broad = index.search("the")
    assert {(h.path, h.paragraph) for h in broad} == {(h.path, h.paragraph) for h in ranked}
    assert [h.rank for h in broad] == sorted(h.rank for h in broad)


@pytest.mark.parametrize("wanted", [1, 2, 6])
def test_cached_returns_only_the_files_asked_for(
    index: LibraryIndex, tmp_path: Path, wanted: int
) -> None:
    files = []
    for i in range(6):
        path = tmp_path / "many" / f"{i}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(LIGHTHOUSE.replace("Skerrow", f"Skerrow{i}"), encoding="utf-8")
        files.append(path)
    _index_all(index, files)
    entries = index.cached(files[:wanted])  # few of many stored: the temporary-table join
    assert sorted(entries) == sorted(str(f) for f in files[:wanted])
    assert [entries[str(f)].title.split()[-2] for f in files[:wanted]] == [
        f"Skerrow{i}" for i in range(wanted)
    ]


def test_search_while_update_runs_in_another_thread(tmp_path: Path) -> None:
    import threading

    files = []
    for i in range(30):
        path = tmp_path / "t" / f"{i}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(LIGHTHOUSE, encoding="utf-8")
        files.append(path)
    with LibraryIndex(tmp_path / "i.sqlite3") as idx:
        worker = threading.Thread(target=lambda: list(idx.update(files)))
        worker.start()
        seen = []
        while worker.is_alive():
            seen.append(len(idx.search("lighthouse")))
            idx.cached(files)
        worker.join()
        assert seen == sorted(seen)  # the hit count only grows while indexing
        assert len(idx.search("lighthouse")) == 30
        assert len(idx.cached(files)) == 30


def test_count_is_every_match_however_many_search_returns(
    index: LibraryIndex, tmp_path: Path
) -> None:
    """The word "said" is in thousands of paragraphs: the box says "first 200 of N"."""
    folder = tmp_path / "said"
    folder.mkdir()
    files = []
    for n in range(6):
        path = folder / f"{n}.txt"
        body = "\n\n".join(f"Paragraph {k}: the mayor said it would rain." for k in range(4))
        path.write_text(f"Story {n} of the town\n\n{body}\n", encoding="utf-8")
        files.append(path)
    _index_all(index, files)
    assert len(index.search("said", limit=5)) == 5
    assert index.count("said") == 24
    assert index.count("said", within=files[:2]) == 8
    assert index.count("nothing-here") == 0
    assert index.count("") == 0


def test_names_that_are_not_utf8_are_indexed_cached_and_found(
    index: LibraryIndex, library: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name of raw bytes (``caf\\xe9``) is stored as bytes and comes back as the same path."""
    folder = library[0].parent
    try:
        odd = [Path(os.fsdecode(os.path.join(os.fsencode(folder), b"caf\xe9.txt")))]
        odd.append(Path(os.fsdecode(os.path.join(os.fsencode(folder), b"\xff\xfe-two.txt"))))
        for n, path in enumerate(odd):
            path.write_text(f"Ferry notes {n}\n\nThe quillwort ferry sailed at {n}.\n", "utf-8")
    except OSError as exc:  # a file system that wants UTF-8 names (macOS)
        pytest.skip(f"the file system refuses such names: {exc}")
    twin = folder / "café.txt"  # the UTF-8 spelling of a similar name: a different file
    twin.write_text("Twin\n\nAnother quillwort story.\n", "utf-8")
    files = [*library, *odd, twin]
    entries = _index_all(index, files)
    assert set(entries) == {str(f) for f in files}
    _forbid_parsing(monkeypatch)
    cached = index.cached(files)
    assert set(cached) == {str(f) for f in files}  # warm: nothing to parse again
    assert cached[str(odd[0])].title == "Ferry notes 0"
    found = {hit.path for hit in index.search("quillwort")}
    assert found == {str(f.absolute()) for f in [*odd, twin]}
    assert {h.path for h in index.search("quillwort", within=odd[:1])} == {str(odd[0])}
    assert index.count("quillwort", within=odd[:1]) == 1
    assert index.forget_missing(files) == 0
    odd[1].unlink()
    assert index.forget_missing(files[:-2] + [twin]) == 1
    assert set(index.cached(files)) == {str(f) for f in files if f != odd[1]}
