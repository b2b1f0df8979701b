"""Markdown metadata: front matter (``---`` YAML-style, ``+++`` TOML) and byline lines.

Only the subset of YAML that article front matter uses is read (``key: value`` lines, ``key:``
followed by ``- item`` lines, ``[a, b]`` inline lists, ``|``/``>`` block scalars); anything
else is kept in the raw front matter and ignored, never an error. TOML front matter is parsed
with tomllib (tomli before Python 3.11), falling back to the line reader when it is invalid.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections.abc import Iterable, Mapping, Sequence

from tui.article.model import Author
from tui.article.records import record
from tui.article.sanitize import sanitize

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

__all__ = [
    "FrontMatter",
    "merge_authors",
    "parse_authors",
    "parse_byline",
    "read_front_matter",
    "unique_authors",
]

_TITLE_KEYS = frozenset({"title", "headline"})
_AUTHOR_KEYS = frozenset({"author", "authors", "byline"})
_DATE_KEYS = frozenset({"date", "published", "pubdate", "published_at", "date_published"})
_OUTLET_KEYS = frozenset({"source", "outlet", "publisher", "site"})

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}

# Words that mark a byline chunk as a role ("Business reporter", "BBC News") rather than a name.
_ROLE_WORDS = re.compile(
    r"\b(?:reporters?|correspondents?|editors?|writers?|news|press|staff|desk|analysts?|producers?"
    r"|contributors?|columnists?|journalists?|bbc|reuters|ap|afp|associated|service|world|team"
    r"|bureau|presenters?|chief|senior|political|business|health|science|technology|economics"
    r"|international|online|digital|agency|newsroom|special|investigations)\b",
    re.IGNORECASE,
)
_NAME_JOIN = re.compile(r"\s+(?:and|&|und)\s+", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:By|BY)\s+(?=[^\W\d_])(.+)$")


@record
class FrontMatter:
    """The front matter at the top of a Markdown file."""

    raw: str
    """The front matter's lines, fences included."""
    line_count: int
    """How many lines of the file it spans."""
    title: str | None = None
    """The ``title`` (or ``headline``) value."""
    authors: tuple[Author, ...] = ()
    """Authors from ``author``/``authors``/``byline``."""
    date: str | None = None
    """The ``date`` (or ``published``…) value."""
    outlet: str | None = None
    """The ``source`` (or ``outlet``/``publisher``/``site``) value."""
    metadata: tuple[tuple[str, str], ...] = ()
    """Every other key with its value as text, in file order."""


def _clean(value: str) -> str:
    # TOML escapes can produce control or bidi characters: sanitise again, then one line.
    return " ".join(sanitize(value).split())


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner
    return value


def _as_text(value: object) -> str:
    """Any front matter value as one line of safe text.

    The whole result is sanitised once at the end, so every string inside the value is
    covered whatever its type: table keys as well as values, arrays, nested tables.
    """
    return _clean(_joined(value))


def _joined(value: object) -> str:
    """A TOML/YAML value of any type as text (not yet sanitised: see :func:`_as_text`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "; ".join(f"{k}={_joined(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_joined(v) for v in value)
    return str(value)


def _read_lines(body: Sequence[str], sep: str) -> list[tuple[str, object]]:
    """Read ``key<sep> value`` lines, ``- item`` lists and block scalars into pairs."""
    pairs: list[tuple[str, object]] = []
    blocks: set[int] = set()
    key_re = re.compile(r"^([A-Za-z_][\w.\-]*)\s*" + re.escape(sep) + r"\s*(.*)$")
    block: list[str] | None = None
    items: list[str] | None = None
    for line in body:
        stripped = line.strip()
        if block is not None and (line[:1].isspace() or not stripped):
            block.append(stripped)
            continue
        if items is not None and stripped.startswith("- "):
            items.append(_unquote(stripped[2:]))
            continue
        if not stripped or stripped.startswith("#"):
            continue
        match = key_re.match(line)
        if match is None:
            continue
        block = items = None
        key, value = match.group(1).lower(), match.group(2).strip()
        if value in {"|", ">", "|-", ">-", "|+", ">+"}:
            block = []
            blocks.add(len(pairs))
            pairs.append((key, block))
        elif value == "":
            items = []
            pairs.append((key, items))
        elif value.startswith("[") and value.endswith("]"):
            inner = value[1:-1].strip()
            pairs.append((key, [_unquote(v) for v in inner.split(",")] if inner else []))
        else:
            pairs.append((key, _unquote(value)))
    # A block scalar was gathered as a list of lines: join it back into one text value.
    return [
        (k, " ".join(v) if i in blocks and isinstance(v, list) else v)
        for i, (k, v) in enumerate(pairs)
    ]


def _authors_from(value: object) -> list[Author]:
    if isinstance(value, str):
        return list(parse_authors(_clean(value)))
    out: list[Author] = []
    if isinstance(value, Mapping):
        name = _clean(str(value.get("name", "")))
        role = value.get("role")
        if name:
            out.append(Author(name, _clean(str(role)) if role else None))
        return out
    if isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, str):
                # One list item is one author: "Name, Role" splits at the first comma only.
                name, _, role = _clean(item).partition(",")
                if name.strip():
                    out.append(Author(_normalise_name(name.strip()), role.strip() or None))
            else:
                out.extend(_authors_from(item))
    return out


def unique_authors(authors: Iterable[Author]) -> list[Author]:
    """The authors without repeats, in first-seen order.

    A set remembers what was seen: a ``not in list`` check made a file of thousands of
    bylines or front-matter authors take quadratic time (4,000 names: over ten seconds).

    Args:
        authors: Authors in order, possibly repeated.

    Returns:
        Each distinct author once, where it first appeared.
    """
    return list(dict.fromkeys(authors))


def merge_authors(first: Sequence[Author], more: Iterable[Author]) -> list[Author]:
    """``first``, then each author of ``more`` whose name is not among ``first``'s names.

    Front matter names the authors with their roles; a byline in the text repeating a name
    adds nothing. The names are collected once (linear, however many there are).

    Args:
        first: The authors that win (front matter).
        more: Further authors (bylines in the text).

    Returns:
        The merged list.
    """
    names = {author.name for author in first}
    return [*first, *(author for author in more if author.name not in names)]


def _build(raw: str, count: int, pairs: Sequence[tuple[str, object]]) -> FrontMatter:
    title = date = outlet = None
    found: list[Author] = []
    metadata: list[tuple[str, str]] = []
    for key, value in pairs:
        text = _as_text(value)
        if key in _TITLE_KEYS and title is None and text:
            title = text
        elif key in _AUTHOR_KEYS:
            found.extend(_authors_from(value))
        elif key in _DATE_KEYS and date is None and text:
            date = text
        elif key in _OUTLET_KEYS and outlet is None and text:
            outlet = text
        else:
            metadata.append((_clean(key), text))
    authors = tuple(unique_authors(found))
    return FrontMatter(raw, count, title, authors, date, outlet, tuple(metadata))


def read_front_matter(lines: Sequence[str]) -> FrontMatter | None:
    """Read the front matter at the start of a file's lines, if there is a closed one.

    Args:
        lines: The file's lines (without line endings).

    Returns:
        The front matter, or None when the file does not start with a ``---``/``+++`` fence
        that is closed later.
    """
    if not lines:
        return None
    opener = lines[0].rstrip()
    closers = _FENCES.get(opener)
    if closers is None:
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in closers), None)
    if end is None:
        return None
    body = lines[1:end]
    raw = "\n".join(lines[: end + 1])
    pairs: list[tuple[str, object]]
    if opener == "+++":
        try:
            pairs = [(str(k).lower(), v) for k, v in tomllib.loads("\n".join(body)).items()]
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            pairs = _read_lines(body, "=")
    else:
        pairs = _read_lines(body, ":")
    return _build(raw, end + 1, pairs)


def _normalise_name(name: str) -> str:
    # All-caps bylines (AP style) are shown in normal capitals.
    return name.title() if name.isupper() and len(name) > 1 else name


def _is_role(chunk: str) -> bool:
    if _ROLE_WORDS.search(chunk) is not None or not chunk[:1].isupper():
        return True
    return any(len(name.split()) > 4 for name in _NAME_JOIN.split(chunk))


def parse_authors(body: str) -> tuple[Author, ...]:
    """Split the part of a byline after "By" into authors with roles.

    Names are separated by commas, "and" or "&"; a chunk that reads as a role ("Business
    reporter", "BBC News", lower-case, long) gives its role to every name before it that has
    none yet ("a role written once for several names belongs to each").

    Args:
        body: For example ``Jane Doe and John Roe, Business reporters``.

    Returns:
        The authors in order (empty when nothing name-like is there).
    """
    chunks = [c.strip() for c in re.split(r"\s*[,;|]\s*", body.strip().rstrip(".")) if c.strip()]
    authors: list[Author] = []
    pending: list[str] = []
    group: list[str] = []  # the names the role being read belongs to
    role: list[str] = []  # that role's chunks ("Business reporter", "BBC News")

    def settle() -> None:
        # The role is joined once and shared by the group: extending it chunk by chunk for
        # every name copied it over and over (names × chunks², minutes for a long list).
        if group:
            shared = ", ".join(role)
            authors.extend(Author(name, shared) for name in group)
        group.clear()
        role.clear()

    for index, chunk in enumerate(chunks):
        if index > 0 and _is_role(chunk):
            if pending:
                settle()
                group.extend(pending)
                pending.clear()
            # else "By X, Business reporter, BBC News": the role continues.
            role.append(chunk)
            continue
        pending.extend(_normalise_name(n.strip()) for n in _NAME_JOIN.split(chunk) if n.strip())
    settle()
    authors.extend(Author(name) for name in pending)
    return tuple(authors)


def parse_byline(text: str) -> tuple[Author, ...] | None:
    """Recognise a byline line (``By X and Y``, ``By X, Role``) and read its authors.

    Args:
        text: A paragraph's plain text (emphasis already removed).

    Returns:
        The authors, or None when the text is not a byline (a sentence starting "By", too
        long, or with a name that does not look like one).
    """
    text = text.strip()
    match = _BYLINE.match(text)
    if match is None or text.endswith((".", "!", "?", ":")) or len(text.split()) > 16:
        return None
    authors = parse_authors(match.group(1))
    if not authors or any(len(a.name.split()) > 5 or not a.name[:1].isupper() for a in authors):
        return None
    return authors
