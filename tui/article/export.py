"""Article export for ``newsread dump``: readable text, clean Markdown and JSON.

Text format (nothing is lost: every block's text appears):

- the title, then ``By A (role) and B`` and ``outlet · date`` lines when known, then what
  author-less byline lines add (``Reporting from, Kyiv``) without the list's ``-``: a role line
  whose role is already shown with its authors is not repeated;
- ``## heading`` lines; paragraphs wrapped at 78 columns, block quotes prefixed ``> ``, list
  items ``• ``; every quotation is wrapped in ``⟦ ⟧`` (marks included, nested quotes nest);
- image markers ``▣ credit — caption``, video markers ``▶ credit — caption``;
- timestamps ``◷ 16:45``;
- each run of boilerplate lines as ``▸ N lines of boilerplate folded:`` with the lines indented;
- chrome (layout residue, front matter) at the end as ``▸ N lines of chrome folded:``.

Markdown format: YAML front matter (title, authors as ``Name, Role``, date, source, other
metadata; values single-quoted), ``#`` headings at their level, paragraphs with Markdown
characters backslash-escaped, ``> `` block quotes, ``- `` list items, images as
``![caption](#)`` followed by an italic ``*Credit: …*`` (``*Video: …*``) line (with no caption,
``![Credit: …](#)``; a marker with neither is omitted), author-less byline lines as italic
notes (as in the text format), and each run of
boilerplate in place as an ``<!-- boilerplate`` HTML comment, one line per line (which the
Markdown reader reads back as boilerplate). Chrome is omitted.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence
from typing import Any

from tui.article.byline import match_byline
from tui.article.model import (
    Article,
    Author,
    Block,
    Boilerplate,
    Byline,
    Chrome,
    Heading,
    ImageCredit,
    Paragraph,
    Quotation,
    Timestamp,
    Title,
)
from tui.article.worldlabels import classify as world_label

__all__ = ["format_authors", "json_line", "to_json", "to_markdown", "to_text"]

WIDTH = 78
"""Column the text format wraps at."""

QUOTE_OPEN = "⟦"
"""Inserted before each quotation in the text format."""
QUOTE_CLOSE = "⟧"
"""Inserted after each quotation in the text format."""


def format_authors(authors: Sequence[Author]) -> str:
    """Write authors as a byline: ``By Jane Doe (Business reporter) and John Roe``.

    Args:
        authors: The authors, in order.

    Returns:
        The byline, or "" when there are none.
    """
    names = [f"{a.name} ({a.role})" if a.role else a.name for a in authors]
    if not names:
        return ""
    if len(names) == 1:
        return f"By {names[0]}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


def _role_of(text: str) -> str | None:
    """The role a ``Role, …`` line gives (any BBC service's label), else None."""
    found = match_byline(text)
    if found is None:
        world = world_label(text)
        found = world[2] if world is not None else None
    return found.role if found is not None and found.kind == "role" else None


def credits_of(article: Article) -> tuple[frozenset[Author], frozenset[str | None]]:
    """The article's authors and their roles, as sets for :func:`byline_note`."""
    return frozenset(article.authors), frozenset(a.role for a in article.authors)


def byline_note(
    article: Article,
    block: Byline,
    credited: tuple[frozenset[Author], frozenset[str | None]] | None = None,
) -> str | None:
    """What a byline line adds beyond the authors line, for the header: None when nothing.

    A line whose authors are all in ``article.authors`` adds nothing, nor does a role line whose
    role is shown with an author; any other line (``- Reporting from, Kyiv``) is a note, its
    list dash dropped, so no label line reads as body text.

    Args:
        article: The article the block belongs to.
        block: A byline block.
        credited: :func:`credits_of` the article, made once by a caller that asks for every
            byline block (scanning the authors for each block was quadratic).

    Returns:
        The note, or None.
    """
    known, roles = credited if credited is not None else credits_of(article)
    if block.authors and known.issuperset(block.authors):
        return None
    text = " ".join(block.raw.split()).lstrip("-–—•* ").strip()
    if not text:
        return None
    role = _role_of(text) or text  # "- Role, Political editor" or a bare "Political editor"
    return None if role in roles else text


def mark_quotes(paragraph: Paragraph) -> str:
    """Return the paragraph's text with every quotation span wrapped in ⟦ ⟧.

    Args:
        paragraph: A paragraph with quote spans.

    Returns:
        The marked-up text (plain text when the paragraph has no quotations).
    """
    text = paragraph.text
    # (position, closes-first, nesting order, marker): outer spans open first, inner close first.
    events: list[tuple[int, int, int, str]] = []
    for span in paragraph.quotes:
        start, end = max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))
        events.append((start, 1, -end, QUOTE_OPEN))
        events.append((end, 0, -start, QUOTE_CLOSE))
    out: list[str] = []
    pos = 0
    for at, _, _, marker in sorted(events):
        out.append(text[pos:at])
        out.append(marker)
        pos = at
    out.append(text[pos:])
    return "".join(out)


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    lines = textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def _credit_line(block: ImageCredit) -> list[str]:
    marker = "▶" if block.media == "video" else "▣"
    parts = [p for p in (block.credit, block.caption) if p]
    body = " — ".join(parts) if parts else f"({block.media})"
    return _wrap(f"{marker} {body}", "", "  ")


def _fold(kind: str, lines: Sequence[str]) -> list[str]:
    count = len(lines)
    head = f"▸ {count} line{'s' if count != 1 else ''} of {kind} folded:"
    return [head, *(f"    {line}" for line in lines)]


def _text_block(article: Article, block: Block | Heading) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * max(2, block.level) + " " + block.text]
    if isinstance(block, Paragraph):
        text = mark_quotes(block)
        if block.kind == "blockquote":
            return _wrap(text, "> ", "> ")
        if block.kind == "list-item":
            number = _ORDINAL.match(text)
            if number:
                return _wrap(text, "", " " * len(number.group(0)))
            return _wrap(text, "• ", "  ")
        return _wrap(text)
    if isinstance(block, ImageCredit):
        return _credit_line(block)
    if isinstance(block, Title):
        return [] if block.text == article.title else _wrap(block.text)
    if isinstance(block, Timestamp):
        return [f"◷ {block.text}"]
    return []


def to_text(article: Article) -> str:
    """Render an article as readable plain text (see the module docstring for the layout).

    Args:
        article: The article.

    Returns:
        The text, ending with a newline.
    """
    out: list[str] = _wrap(article.title)
    byline = format_authors(article.authors)
    if byline:
        out += _wrap(byline)
    facts = " · ".join(x for x in (article.outlet, article.date) if x)
    if facts:
        out.append(facts)
    credited = credits_of(article)
    for block in article.blocks():
        note = byline_note(article, block, credited) if isinstance(block, Byline) else None
        if note:
            out += _wrap(note)
    chrome: list[str] = []
    folded: list[str] = []
    in_list = False
    for block in article.blocks():
        if isinstance(block, Boilerplate):
            folded.append(block.text)
            continue
        if folded:
            out += ["", *_fold("boilerplate", folded)]
            folded = []
        if isinstance(block, Chrome):
            chrome += block.text.split("\n")
            continue
        lines = _text_block(article, block)
        if lines:
            # Items of one list stay together, like a tight Markdown list.
            item = isinstance(block, Paragraph) and block.kind == "list-item"
            out += lines if item and in_list else ["", *lines]
            in_list = item
    if folded:
        out += ["", *_fold("boilerplate", folded)]
    if chrome:
        out += ["", *_fold("chrome", chrome)]
    return "\n".join(out) + "\n"


_ORDINAL = re.compile(r"\d{1,9}[.)] ")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|])|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=~-]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Backslash-escape what Markdown would read as markup, so the text reads back as is.

    Args:
        text: Plain text (one or more lines).

    Returns:
        Text whose Markdown rendering is ``text``.
    """
    lines = []
    for line in text.split("\n"):
        line = _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(0), line.strip())
        match = _LINE_START.match(line)
        if match and match.group(2).isdigit():
            # "1. " starts a list: escape the full stop, not the digits.
            end = match.end()
            line = line[:end] + "\\" + line[end:]
        elif match:
            line = line[: match.start(2)] + "\\" + line[match.start(2) :]
        lines.append(line)
    return "\n".join(lines)


def _yaml(value: str) -> str:
    return "'" + " ".join(value.split()).replace("'", "''") + "'"


def _front_matter(article: Article) -> list[str]:
    lines: list[str] = []
    if not article.title_derived and article.title:
        lines.append(f"title: {_yaml(article.title)}")
    if article.authors:
        lines.append("authors:")
        lines += [
            f"  - {_yaml(f'{a.name}, {a.role}' if a.role else a.name)}" for a in article.authors
        ]
    if article.date:
        lines.append(f"date: {_yaml(article.date)}")
    if article.outlet:
        lines.append(f"source: {_yaml(article.outlet)}")
    for key, value in article.metadata:
        safe = re.sub(r"[^\w.\-]", "_", key)
        safe = safe if safe[:1].isalpha() or safe[:1] == "_" else f"_{safe}"
        lines.append(f"{safe}: {_yaml(value)}")
    return ["---", *lines, "---"] if lines else []


def _heading(level: int, text: str) -> str:
    text = escape_markdown(" ".join(text.split()))
    if text.endswith("#") and not text.endswith("\\#"):
        text = text[:-1] + "\\#"  # a closing "#" run would be dropped from a heading
    return "#" * min(max(level, 1), 6) + " " + text


def _markdown_block(article: Article, block: Block | Heading) -> str | None:
    if isinstance(block, Heading):
        return _heading(block.level, block.text)
    if isinstance(block, Paragraph):
        text = escape_markdown(block.text)
        if block.kind == "blockquote":
            return "\n".join(f"> {line}" for line in text.split("\n"))
        if block.kind == "list-item":
            number = _ORDINAL.match(block.text)
            if number:
                rest = escape_markdown(block.text[number.end() :])
                return number.group(0) + rest.replace("\n", "\n" + " " * len(number.group(0)))
            return "- " + text.replace("\n", "\n  ")
        return text
    if isinstance(block, ImageCredit):
        label = "Video" if block.media == "video" else "Credit"
        if not block.caption:
            # No empty "![](#)": the credit stands in the alt text, where the reader finds it.
            return f"![{label}: {escape_markdown(block.credit)}](#)" if block.credit else None
        image = f"![{escape_markdown(block.caption)}](#)"
        if block.credit or block.media == "video":
            credit = f" {escape_markdown(block.credit)}" if block.credit else ""
            return f"{image}\n*{label}:{credit}*"
        return image
    if isinstance(block, Title):
        return None if block.text == article.title else escape_markdown(block.text)
    if isinstance(block, Timestamp):
        return f"**{escape_markdown(block.text)}**"
    return None


def _markdown_blocks(article: Article) -> Iterator[tuple[str, bool]]:
    """Yield each block's Markdown and whether it is a list item."""
    folded: list[str] = []
    credited = credits_of(article)
    for block in article.blocks():
        if isinstance(block, Boilerplate):
            # "-->" would end the comment early; the Markdown reader reads the rest back.
            folded.append(block.text.replace("-->", "--&gt;"))
            continue
        if folded:
            yield "\n".join(["<!-- boilerplate", *folded, "-->"]), False
            folded = []
        if isinstance(block, Byline):
            # Authors and their roles are in the front matter.
            note = byline_note(article, block, credited)
            if note:
                yield f"*{escape_markdown(note)}*", False
            continue
        text = _markdown_block(article, block)
        if text:
            yield text, isinstance(block, Paragraph) and block.kind == "list-item"
    if folded:
        yield "\n".join(["<!-- boilerplate", *folded, "-->"]), False


def to_markdown(article: Article) -> str:
    """Render an article as clean Markdown (see the module docstring for the layout).

    Args:
        article: The article.

    Returns:
        The Markdown, ending with a newline.
    """
    parts: list[str] = []
    front = _front_matter(article)
    if front:
        parts.append("\n".join(front))
    if not article.title_derived and article.title:
        parts.append(_heading(1, article.title))
    in_list = False
    for text, item in _markdown_blocks(article):
        # Consecutive list items form one tight list.
        if item and in_list:
            parts[-1] += "\n" + text
        else:
            parts.append(text)
        in_list = item
    return "\n\n".join(parts) + "\n"


_JSON_ESCAPED = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
"""What ``json.dumps(ensure_ascii=False)`` leaves raw but must not reach a terminal or a strict
UTF-8 stream: DEL, C1 and bidi controls, line/paragraph separators, lone surrogates."""


def json_line(article: Article, file: str | None = None) -> str:
    """:func:`to_json` as one line of JSON text that is safe to print.

    Readable characters stay as they are (``ensure_ascii=False``); every control is a
    ``\\uXXXX`` escape, so the line holds nothing a terminal acts on and nothing lost. A file
    name that is not UTF-8 keeps its raw bytes as lone-surrogate escapes (``\\udce9`` for the
    byte 0xE9): Python's ``json.loads`` and ``os.fsencode`` give the real name back.

    Args:
        article: The article.
        file: As for :func:`to_json`.

    Returns:
        The JSON text, without a final newline.
    """
    import json  # only `dump --format json` needs it

    text = json.dumps(to_json(article, file), ensure_ascii=False)
    return _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_json(article: Article, file: str | None = None) -> dict[str, Any]:
    """Describe an article as a JSON-ready dictionary (one line of ``newsread dump``).

    Args:
        article: The article.
        file: The file name to report (defaults to the article's path).

    Returns:
        A dictionary with exactly the documented keys.
    """
    blocks = article.blocks()
    return {
        "file": file if file is not None else article.path,
        "format": article.source_format,
        "title": article.title,
        "title_derived": article.title_derived,
        "authors": [{"name": a.name, "role": a.role} for a in article.authors],
        "headings": list(article.headings),
        "sections": [
            {
                "heading": s.heading.text if s.heading else None,
                "paragraphs": [p.text for p in s.paragraphs],
            }
            for s in article.sections
        ],
        "paragraph_count": len(article.paragraphs),
        "quotes": _quote_entries(article.quotes),
        "image_credits": [
            {"credit": b.credit, "caption": b.caption, "media": b.media}
            for b in blocks
            if isinstance(b, ImageCredit)
        ],
        "boilerplate": [b.text for b in blocks if isinstance(b, Boilerplate)],
        "chrome": [b.text for b in blocks if isinstance(b, Chrome)],
        "timestamps": [b.text for b in blocks if isinstance(b, Timestamp)],
        "links": [{"text": link.text, "url": link.url} for link in article.links],
        "word_count": article.word_count,
    }


def _quote_entries(quotes: Sequence[Quotation]) -> list[dict[str, object]]:
    """One JSON entry per quotation part, as the labelled corpora count them.

    A quotation left open and reopened (BBC style) is one :class:`Quotation` in the reader but
    one entry per part here, each but the last with ``open_part`` true; ``quotation`` gives the
    index of the quotation an entry belongs to, so the parts can be joined again.
    """
    entries: list[dict[str, object]] = []
    for n, q in enumerate(quotes):
        parts = q.parts or (q.text,)
        for k, part in enumerate(parts):
            entries.append(
                {
                    "text": part,
                    "speaker": q.speaker,
                    "depth": q.depth,
                    "multi_paragraph": q.multi_paragraph,
                    "unclosed": q.unclosed,
                    "open_part": k < len(parts) - 1,
                    "quotation": n,
                }
            )
    return entries
