"""Markdown articles: markdown-it-py tokens → the article model.

Reading rules (the Markdown counterpart of FORMAT.md):

- Front matter (``---`` YAML-style or ``+++`` TOML) gives title, authors, date and outlet; other
  keys go to :attr:`Article.metadata`; its lines are kept in one :class:`Chrome` block.
- A level-1 heading that is the first block is the :class:`Title`; every other heading opens a
  section and keeps its level.
- A paragraph made only of images (optionally linked) and italic credit runs becomes one
  :class:`ImageCredit` per image: the alt text is the caption, the image title or the italic
  run (``*Photo: X*``) the credit. An italic ``Photo:``/``Credit:``/``Image:`` paragraph right
  after an image paragraph is that image's credit.
- ``By X and Y`` / ``*By X, Role*`` paragraphs become :class:`Byline` blocks.
- Block quotes and list items become paragraphs of kind ``blockquote`` / ``list-item`` (one per
  item); code blocks, HTML blocks and table rows become paragraphs holding their text.
- Inline markup is flattened to plain text. Entities are kept as written (``&amp;``), so no
  character the file does not contain (a bidi override, say) can be smuggled in; HTML is text.
- Source lines no block covers (link reference definitions, a bare ``>``…) become chrome.
- Links (inline, reference and autolinks) with absolute http, https or mailto addresses go to
  :attr:`Article.links`, in order, each address once; they are gathered during the same walk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.article.links import LinkCollector
from tui.article.mdmeta import (
    FrontMatter,
    merge_authors,
    parse_byline,
    read_front_matter,
    unique_authors,
)
from tui.article.mdtokens import (
    Kind,
    flatten,
    image_groups,
    italic_credit,
    merge_credit,
)
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
    Section,
    Title,
)
from tui.article.quotes import annotate
from tui.article.sanitize import shown_name

__all__ = ["parse_markdown"]

BOILERPLATE_COMMENT = "<!-- boilerplate"
"""Opening of the HTML comment :mod:`tui.article.export` writes boilerplate into."""

_TITLE_WORDS = 8


class _Markdown(MarkdownIt):
    """markdown-it with autolink text kept as written."""

    def normalizeLinkText(self, link: str) -> str:  # noqa: N802 - markdown-it's name
        """Keep autolink text as written: normalising decodes %XX into hidden characters."""
        return link


def _make_parser() -> MarkdownIt:
    md = _Markdown("commonmark").enable("table")
    # Keep text_special tokens so entities can be shown as written (see module docstring).
    md.disable("text_join")
    return md


_MD = _make_parser()


@dataclass
class _Builder:
    """Collects blocks into sections while walking the token stream."""

    lines: list[str]
    covered: int = 0
    lead: list[Block] = field(default_factory=list)
    sections: list[tuple[Heading, list[Block]]] = field(default_factory=list)
    has_content: bool = False
    first_h1: str | None = None
    authors: list[Author] = field(default_factory=list)
    last_item: int | None = None
    """Id of the list item that produced the last block (so its later paragraphs merge)."""
    numbers: dict[int, str] = field(default_factory=dict)
    """Ordered-list item id → its number ("3. "), put before the item's text."""
    links: LinkCollector = field(default_factory=LinkCollector)
    """The links of the inline runs walked so far."""

    @property
    def blocks(self) -> list[Block]:
        return self.sections[-1][1] if self.sections else self.lead

    def raw(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end])

    def gap(self, start: int) -> None:
        """Keep lines no token covered (reference definitions, stray markers) as chrome."""
        for index in range(self.covered, min(start, len(self.lines))):
            line = self.lines[index]
            if line.strip(" >"):
                self.blocks.append(Chrome(line.strip(), line, index + 1))
        self.covered = max(self.covered, start)

    def add(self, block: Block, span: tuple[int, int], item: int | None = None) -> None:
        self.gap(span[0])
        self.blocks.append(block)
        self.covered = max(self.covered, span[1])
        self.last_item = item
        if isinstance(block, (Paragraph, ImageCredit, Byline, Title)):
            self.has_content = True

    def add_text(self, text: str, span: tuple[int, int], kind: Kind, item: int | None) -> None:
        """Add a paragraph, merging it into its list item's paragraph when it continues one."""
        start, end = span
        last = self.blocks[-1] if self.blocks else None
        if item is not None and item == self.last_item and isinstance(last, Paragraph):
            first = last.line - 1
            merged = Paragraph(
                f"{last.text} {text}".strip(), self.raw(first, end), last.line, kind=kind
            )
            self.gap(start)
            self.blocks[-1] = merged
            self.covered = max(self.covered, end)
            return
        if item is not None:
            text = self.numbers.pop(item, "") + text
        if text:
            self.add(Paragraph(text, self.raw(start, end), start + 1, kind=kind), span, item)
        else:
            self.add(Chrome(self.raw(start, end).strip(), self.raw(start, end), start + 1), span)

    def heading(self, text: str, level: int, span: tuple[int, int]) -> None:
        start, end = span
        raw = self.raw(start, end)
        if level == 1 and self.first_h1 is None and text:
            self.first_h1 = text
        if not text:
            self.add(Chrome(raw.strip(), raw, start + 1), span)
        elif level == 1 and not self.has_content and not self.sections:
            self.add(Title(text, raw, start + 1), span)
        else:
            self.gap(start)
            self.sections.append((Heading(text, raw, start + 1, level), []))
            self.covered = max(self.covered, end)
            self.has_content = True


def _span(token: Token) -> tuple[int, int]:
    return (token.map[0], token.map[1]) if token.map else (0, 0)


def _paragraph(b: _Builder, inline: Token, span: tuple[int, int]) -> None:
    """A top-level paragraph: image markers, a credit line, a byline or body text."""
    children = inline.children or []
    start, end = span
    groups = image_groups(children)
    if groups:
        for group in groups:
            first, last = start + group.first_line, start + group.last_line + 1
            raw = b.raw(first, last)
            b.add(
                ImageCredit(group.credit, group.caption, raw, first + 1, group.media), (first, last)
            )
        return
    credit = italic_credit(children)
    last_block = b.blocks[-1] if b.blocks else None
    if credit is not None and isinstance(last_block, ImageCredit):
        label_media, text = credit
        merged = merge_credit(last_block, text, labelled=True, media=label_media)
        b.gap(start)
        b.blocks[-1] = ImageCredit(
            merged.credit,
            merged.caption,
            b.raw(last_block.line - 1, end),
            last_block.line,
            merged.media,
        )
        b.covered = max(b.covered, end)
        return
    text = flatten(children).strip()
    authors = parse_byline(text)
    if authors is not None:
        b.authors.extend(authors)  # repeats are dropped once, at the end
        b.add(Byline(authors, b.raw(start, end), start + 1), span)
        return
    b.add_text(text, span, "body", None)


def _collect_links(b: _Builder, children: Sequence[Token]) -> None:
    """Keep the links of one inline run (links do not nest in CommonMark)."""
    for n, tok in enumerate(children):
        if tok.type == "link_open":
            end = n + 1
            while end < len(children) and children[end].type != "link_close":
                end += 1
            b.links.add(flatten(children[n + 1 : end]), str(tok.attrGet("href") or ""))


def _walk(b: _Builder, tokens: Sequence[Token]) -> None:
    containers: list[tuple[str, int]] = []
    item_ids = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind: Kind = "body"
        item: int | None = None
        if containers:
            kind = "blockquote" if containers[-1][0] == "bq" else "list-item"
            item = containers[-1][1] if kind == "list-item" else None
        t = tok.type
        if t in {"blockquote_open", "list_item_open"}:
            item_ids += 1
            containers.append(("bq" if t == "blockquote_open" else "li", item_ids))
            if t == "list_item_open" and tok.info.isdigit():
                b.numbers[item_ids] = f"{tok.info}{tok.markup} "
        elif t in {"blockquote_close", "list_item_close"} and containers:
            containers.pop()
        elif t in {"heading_open", "paragraph_open"} and i + 1 < len(tokens):
            inline = tokens[i + 1]
            _collect_links(b, inline.children or [])
            text = flatten(inline.children or []).strip()
            if t == "heading_open" and not containers:
                b.heading(text, int(tok.tag[1:] or 2), _span(tok))
            elif containers or t == "heading_open":
                b.add_text(text, _span(tok), kind, item)
            else:
                _paragraph(b, inline, _span(tok))
            i += 2
        elif t in {"fence", "code_block"}:
            b.add_text(tok.content.rstrip("\n"), _span(tok), kind, item)
        elif t == "html_block":
            _html_block(b, tok, kind, item)
        elif t == "hr":
            span = _span(tok)
            b.add(Chrome(b.raw(*span).strip(), b.raw(*span), span[0] + 1), span)
        elif t == "tr_open":
            cells: list[str] = []
            j = i + 1
            while j < len(tokens) and tokens[j].type != "tr_close":
                if tokens[j].type == "inline":
                    _collect_links(b, tokens[j].children or [])
                    cells.append(flatten(tokens[j].children or []).strip())
                j += 1
            b.add_text(" | ".join(cells).strip(" |"), _span(tok), kind, None)
            i = j
        i += 1


def _html_block(b: _Builder, tok: Token, kind: Kind, item: int | None) -> None:
    span = _span(tok)
    text = tok.content.strip()
    if text.startswith(BOILERPLATE_COMMENT):
        # Written by our own Markdown export: one boilerplate line per line inside; the
        # comment's opening and closing lines are chrome.
        start, end = span
        b.gap(start)
        for index in range(start, end):
            line = b.lines[index]
            content = line.strip().removesuffix("-->").strip()
            if index == start or not content:
                if line.strip():
                    b.blocks.append(Chrome(line.strip(), line, index + 1))
            else:
                b.blocks.append(Boilerplate(content, line, index + 1))
        b.covered = max(b.covered, end)
    elif text.startswith("<!--"):
        b.add(Chrome(text, b.raw(*span), span[0] + 1), span)
    else:
        b.add_text(text, span, kind, item)


def derive_title(sections: Sequence[Section], path: str | None = None) -> str:
    """A title for an article without one: the lead's opening words, else the first heading,
    else the file's name, else "Untitled" (shared by the Markdown and HTML readers).

    Args:
        sections: The article's sections.
        path: The file it came from, if any.

    Returns:
        The title.
    """
    for section in sections:
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.text.strip():
                words = block.text.split()
                if len(words) <= _TITLE_WORDS:
                    return " ".join(words)
                return " ".join(words[:_TITLE_WORDS]).rstrip(",;:—–-") + "…"
    for section in sections:
        if section.heading is not None:
            return section.heading.text
    # A file name is hostile too (ESC, tabs, bytes that are not UTF-8): shown escaped.
    return shown_name(Path(path).stem) if path else "Untitled"


def _parse(text: str, path: str | None) -> Article:
    lines = text.split("\n")
    front: FrontMatter | None = read_front_matter(lines)
    body_lines = list(lines)
    b = _Builder(lines)
    if front is not None:
        # Blank the front matter out of the Markdown so token line numbers stay file lines.
        body_lines[: front.line_count] = [""] * front.line_count
        b.lead.append(Chrome(front.raw, front.raw, 1))
        b.covered = front.line_count
    _walk(b, _MD.parse("\n".join(body_lines)))
    b.gap(len(lines))
    sections = [Section(None, tuple(b.lead))] if b.lead or not b.sections else []
    sections += [Section(h, tuple(blocks)) for h, blocks in b.sections]
    annotated, quotes = annotate(sections)
    authors = merge_authors(front.authors if front else (), unique_authors(b.authors))
    title, derived = (front.title if front else None) or b.first_h1, False
    if not title:
        title, derived = derive_title(annotated, path), True
    return Article(
        title=title,
        sections=tuple(annotated),
        title_derived=derived,
        authors=tuple(authors),
        source_format="markdown",
        outlet=front.outlet if front else None,
        date=front.date if front else None,
        path=path,
        quotes=tuple(quotes),
        metadata=front.metadata if front else (),
        links=b.links.links(),
    )


def _fallback(text: str, path: str | None) -> Article:
    """Blank-line-separated paragraphs, for input the Markdown reader could not handle."""
    blocks: list[Block] = []
    chunk: list[str] = []
    first = 0
    for index, line in enumerate([*text.split("\n"), ""]):
        if line.strip():
            if not chunk:
                first = index
            chunk.append(line)
        elif chunk:
            raw = "\n".join(chunk)
            blocks.append(Paragraph(" ".join(raw.split()), raw, first + 1))
            chunk = []
    section = Section(None, tuple(blocks))
    return Article(
        title=derive_title([section], path),
        sections=(section,),
        title_derived=True,
        source_format="markdown",
        path=path,
    )


def parse_markdown(text: str, path: str | None = None) -> Article:
    """Parse a Markdown article.

    Args:
        text: Sanitised Markdown text (see :func:`tui.article.sanitize.sanitize`).
        path: The file it came from, kept on the article and used for a last-resort title.

    Returns:
        The article (``source_format="markdown"``). Never raises for any input text.
    """
    try:
        return _parse(text, path)
    except Exception:  # noqa: BLE001 - hostile input must still open; show it as plain text
        return _fallback(text, path)
