"""The quotation scanner behind :mod:`tui.article.quotes`: marks, directions, nesting.

It visits only the quote-mark characters of each paragraph (found with ``str.find``, not a
character-by-character loop), once, and keeps a small stack of open quotations (never deeper
than :data:`MAX_DEPTH`), so it runs in linear time and never recurses however hostile the
text. Direction is decided from the mark itself when it has one (“ ” « » 「 」 …), from the
characters around it when it is ambiguous (straight ``"`` and ``'``, ’ which is usually an
apostrophe, “ and ‘ which close German „…“ and ‚…‘), and from the stack.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from tui.article.sanitize import joined_groups

__all__ = ["MAX_DEPTH", "Record", "Scanner", "find_marks", "paragraph_count", "record_text"]

MAX_DEPTH = 8
"""Openers found while this many quotations are already open are ignored (garbage, not prose)."""

_WORDLIKE = re.compile(r"\w")
"""A quotation must hold a letter or digit: marks around nothing quote nobody."""
_CHARS_PER_QUOTE = 100
_MIN_BUDGET = 2_000
_CHARS_PER_MARK = 25
_MIN_MARKS = 10_000
"""Marks read per group: one per 25 characters and 10,000 more (news has one per ~150)."""

# Every character that can open or close a quotation.
_MARK_CHARS = (
    "\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f"
)
_SINGLES = "'\u2018\u2019\u201a"  # ' ‘ ’ ‚
_SINGLE_RE = re.compile("['\u2018\u2019\u201a]")
_ANY_MARK = re.compile("[" + re.escape(_MARK_CHARS) + "]")

# Which characters close a quotation, keyed by its opening mark. Straight and curly marks of the
# same weight may close each other: scraped text mixes them ("…” and “…").
_CLOSERS: dict[str, str] = {
    "\u201c": '\u201d"',  # “ → ” "
    '"': '"\u201d',  # " → " ”
    "\u201e": '\u201c\u201d"',  # „ → “ (German), ” (Polish), "
    "\u2018": "\u2019'",  # ‘ → ’ '
    "'": "'\u2019",  # ' → ' ’
    "\u201a": "\u2018\u2019",  # ‚ → ‘ (German), ’
    "\u00ab": "\u00bb",  # « → »
    "\u00bb": "\u00ab",  # » → « (German reversed guillemets)
    "\u2039": "\u203a",  # ‹ → ›
    "\u203a": "\u2039",  # › → ‹
    "\u300c": "\u300d",  # 「 → 」
    "\u300e": "\u300f",  # 『 → 』
}

# Marks that may start a paragraph continuing a quotation, keyed by the quotation's opening mark
# (French and Spanish continue «…» paragraphs with » as well as «).
_CONTINUERS: dict[str, str] = {
    "\u201c": '\u201c"',
    '"': '"\u201c',
    "\u201e": "\u201e",
    "\u2018": "\u2018'",
    "'": "'\u2018",
    "\u201a": "\u201a",
    "\u00ab": "\u00ab\u00bb",
    "\u00bb": "\u00bb",
    "\u2039": "\u2039\u203a",
    "\u203a": "\u203a",
    "\u300c": "\u300c",
    "\u300e": "\u300e",
}

_DOUBLES = '"\u201c'
"""Opening marks of double quotations whose parts BBC and AP style reopen mid-paragraph."""
_SENTENCE_ENDS = ".!?\u2026"
"""Characters that end a sentence: an opening double mark after one may start a next part."""

# Elided words written with a leading apostrophe (’em, ’tis, rock ’n’ roll).
_ELIDED = ("em", "tis", "twas", "n")


_Span = tuple[int, int, int, str, str]
"""paragraph, start, end, open mark, close mark (the fields of :class:`FoundSpan`)."""


class Record:
    """A quotation being built: its finished spans and text pieces.

    A plain class: one is made per quotation, and a dataclass's default factories made that
    cost twice as much.
    """

    __slots__ = ("depth", "parts", "spans", "unclosed")

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.spans: list[_Span] = []
        self.parts: list[str] = []
        self.unclosed = False


@dataclass(slots=True)
class _Open:
    """A stack entry: an open quotation and where its span in the current paragraph began."""

    record: int
    mark: str
    start: int
    open_mark: str
    part_start: int


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _elided_width(text: str, i: int) -> int:
    """How many characters from ``i`` form an elision (’90s, ’em, ’n’), or 0 when none does."""
    before = text[i - 1] if i else ""
    if before.isalnum():
        return 0
    nxt = text[i + 1 : i + 4]
    # Decades: ’90s, '68, ‘80s typed with the wrong mark.
    if len(nxt) >= 2 and nxt[:2].isdigit() and not nxt[2:3].isdigit():
        return 1
    lowered = text[i + 1 : i + 6].lower()
    for word in _ELIDED:
        if lowered.startswith(word):
            after = text[i + 1 + len(word) : i + 2 + len(word)]
            if word == "n" and after and after in _SINGLES:
                tail = text[i + 3 : i + 4]
                return 3 if not tail.isalnum() else 0  # ’n’ takes both marks
            if not after.isalpha():
                return 1
    return 0


class Scanner:
    """Scans paragraphs in order, carrying an unclosed quotation into a continuing paragraph."""

    def __init__(self, paragraphs: Sequence[str], marks: Mapping[int, list[int]]) -> None:
        self.paragraphs = paragraphs
        self.marks = marks
        self.records: list[Record] = []
        self.stack: list[_Open] = []
        self.text = ""
        self.index = 0
        # Lazily built per paragraph: positions of single marks able to close / to open.
        self._strong_closers: list[int] | None = None
        self._openers: list[int] | None = None
        # Quotations this article may still open: about one per hundred characters, far more
        # than news holds, so a flood of marks cannot make memory grow past its bound.
        self.budget = max(_MIN_BUDGET, sum(len(p) for p in paragraphs) // _CHARS_PER_QUOTE)

    # -- stack operations -----------------------------------------------------------------

    def _open(self, i: int, mark: str) -> None:
        if len(self.stack) >= MAX_DEPTH or self.budget <= 0:
            return
        self.budget -= 1
        self.records.append(Record(len(self.stack)))
        self.stack.append(_Open(len(self.records) - 1, mark, i, mark, i + 1))

    def _end(self, entry: _Open, end: int, part_end: int, close_mark: str) -> None:
        record = self.records[entry.record]
        record.spans.append((self.index, entry.start, end, entry.open_mark, close_mark))
        record.parts.append(self.text[entry.part_start : part_end])

    def _accepting(self, ch: str) -> int:
        """Stack position of the innermost open quotation that ``ch`` closes, or -1."""
        for k in range(len(self.stack) - 1, -1, -1):
            if ch in _CLOSERS[self.stack[k].mark]:
                return k
        return -1

    def _open_double(self) -> int:
        """Stack position of the innermost open double-quote quotation (" or “), or -1."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].mark in _DOUBLES:
                return k
        return -1

    def _sentence_ended(self, i: int) -> bool:
        """Whether the text before ``i`` ends a sentence (or nothing of the paragraph precedes).

        An opening double mark there, while a double quotation is open, starts the next part
        of that quotation (the part before was left open, as BBC and AP style write a
        quotation that runs into a new paragraph); mid-sentence it is a quote inside it.
        """
        k = i - 1
        text = self.text
        while k >= 0 and text[k].isspace():
            k -= 1
        return k < 0 or text[k] in _SENTENCE_ENDS

    def _reopen(self, k: int, i: int) -> None:
        """End stack entry ``k``'s part left open before ``i``; its next part opens at ``i``."""
        text = self.text
        end = i
        while end > 0 and text[end - 1].isspace():
            end -= 1
        while len(self.stack) > k + 1:
            inner = self.stack.pop()
            self._end(inner, end, end, "")
            self.records[inner.record].unclosed = True
        entry = self.stack[k]
        self._end(entry, end, end, "")
        entry.start, entry.open_mark, entry.part_start = i, text[i], i + 1

    def _close(self, k: int, j: int) -> None:
        """Close stack entry ``k`` with the mark at ``j``; inner open quotations end there."""
        while len(self.stack) > k + 1:
            inner = self.stack.pop()
            self._end(inner, j, j, "")
            self.records[inner.record].unclosed = True
        entry = self.stack.pop()
        self._end(entry, j + 1, j, self.text[j])
        record = self.records[entry.record]
        # "" or “…”: marks around no word quote nobody. Dropped at once, so a flood of
        # marks never holds a record for each pair.
        last = entry.record == len(self.records) - 1 and len(record.parts) == 1
        if last and _WORDLIKE.search(record.parts[0]) is None:
            self.records.pop()
            self.budget += 1

    # -- single-mark look-ahead -----------------------------------------------------------

    def _possessive_shape(self, i: int) -> bool:
        """``farmers’ union``: an s/x/z, the mark, a space, then a word."""
        text = self.text
        return (
            i > 0
            and text[i - 1] in "sSxXzZ"
            and text[i + 1 : i + 2].isspace()
            and text[i + 2 : i + 3].isalnum()
        )

    def _later_closer_first(self, i: int) -> bool:
        """True when a plain single closer follows ``i`` before any single opener does."""
        if self._strong_closers is None or self._openers is None:
            closers: list[int] = []
            openers: list[int] = []
            text = self.text
            for m in _SINGLE_RE.finditer(text):
                j = m.start()
                before, after = text[j - 1 : j] if j else "", text[j + 1 : j + 2]
                if _elided_width(text, j):
                    continue
                if text[j] in "'\u2019" and not _is_space(before) and not after.isalnum():
                    if not self._possessive_shape(j):
                        closers.append(j)
                elif text[j] != "\u2019" and not before.isalnum() and after.isalpha():
                    openers.append(j)
            self._strong_closers, self._openers = closers, openers
        c = bisect.bisect_right(self._strong_closers, i)
        if c == len(self._strong_closers):
            return False
        o = bisect.bisect_right(self._openers, i)
        return o == len(self._openers) or self._strong_closers[c] < self._openers[o]

    # -- one mark -------------------------------------------------------------------------

    def _mark(self, i: int) -> int:
        """Handle the mark at ``i``; return how many characters it consumed."""
        text = self.text
        ch = text[i]
        if ch == "\u201d":  # ” only closes; a closer with no opener is ignored
            k = self._accepting(ch) if self.stack else -1
            if k >= 0:
                self._close(k, i)
            return 1
        after = text[i + 1 : i + 2]
        if ch == "\u201c" and not self.stack and after.isalnum():
            self._open(i, ch)  # the common “Word… opening, decided without the rules below
            return 1
        before = text[i - 1] if i else ""
        if ch in _SINGLES:
            width = _elided_width(text, i)
            if width:
                return width
            if before.isalnum() and after.isalnum():
                return 1  # don’t, Duarte’s, 90’s, o’clock
            if (
                after in ("s", "S")
                and before
                and not before.isspace()
                and not text[i + 2 : i + 3].isalpha()
            ):
                return 1  # a possessive after punctuation: OutRage!’s, (BBC)’s
        k = self._accepting(ch) if self.stack else -1
        space_before = not before or before.isspace()
        if ch == '"' or ch == "\u201c":
            if ch == "\u201c" and k >= 0 and not space_before:  # “ closes German „…“
                self._close(k, i)
                return 1
            space_after = not after or after.isspace()
            left = not space_after and (after.isalnum() or after.isspace() or not before.isalnum())
            right = not space_before and (
                before.isalnum() or before.isspace() or not after.isalnum()
            )
            if ch == '"' and k >= 0 and (right or not left):
                self._close(k, i)
            elif left or not right:
                d = self._open_double()
                if d >= 0 and self._sentence_ended(i):
                    self._reopen(d, i)  # BBC style: a part left open, the next one reopened
                else:
                    self._open(i, ch)
        elif ch in "\u2018'":  # ‘ and ' open; ‘ also closes German ‚…‘, ' closes '…'
            if k >= 0 and not space_before and not after.isalnum():
                if self._possessive_shape(i) and self._later_closer_first(i):
                    return 1
                self._close(k, i)
            elif not before.isalnum() and after.isalpha():
                self._open(i, ch)
        elif ch == "\u2019":  # ’ only closes, and only when it is not an apostrophe
            if k >= 0 and not space_before and not after.isalnum():
                if self._possessive_shape(i) and self._later_closer_first(i):
                    return 1
                self._close(k, i)
        elif ch == "\u201a":  # ‚ opens German single quotes (else it is a stray comma)
            if not before.isalnum() and after.isalpha():
                self._open(i, ch)
        elif ch in "\u00ab\u2039":  # « opens French/Spanish, closes German »…«
            if k >= 0 and not space_before:
                self._close(k, i)
            else:
                self._open(i, ch)
        elif ch in "\u00bb\u203a":  # » closes «…», else opens German »…«
            if k >= 0:
                self._close(k, i)
            elif after and not after.isspace():
                self._open(i, ch)
        elif ch in "\u201e\u300c\u300e":  # „ 「 『 only open
            self._open(i, ch)
        elif k >= 0:  # ” 」 』 only close; a closer with no opener is ignored
            self._close(k, i)
        return 1

    # -- paragraphs -----------------------------------------------------------------------

    def _leading_mark(self, index: int) -> int:
        """Offset of the mark a paragraph starts with (after spaces), or -1."""
        text = self.paragraphs[index]
        pos = len(text) - len(text.lstrip())
        return pos if pos < len(text) and text[pos] in _CLOSERS else -1

    def _continues(self, entry: _Open, index: int, stop: int) -> bool:
        if index >= stop:
            return False
        pos = self._leading_mark(index)
        return pos >= 0 and self.paragraphs[index][pos] in _CONTINUERS[entry.mark]

    def scan(self, lo: int, hi: int, indices: Sequence[int]) -> list[Record]:
        """Scan paragraphs ``lo``–``hi`` (one section) whose marked ones are ``indices``."""
        self.records = []
        carry: _Open | None = None
        for index in indices:
            text = self.text = self.paragraphs[index]
            self.index = index
            self._strong_closers = self._openers = None
            pos = 0
            if carry is not None:
                lead = self._leading_mark(index)
                carry.start, carry.open_mark, carry.part_start = lead, "", lead + 1
                self.stack = [carry]
                pos, carry = lead + 1, None
            for at in self.marks[index]:
                if at >= pos:  # marks before ``pos`` were taken by an elision such as ’n’
                    pos = at + self._mark(at)
            if not self.stack:
                continue
            end = len(text)
            for entry in reversed(self.stack[1:]):
                self._end(entry, end, end, "")
                self.records[entry.record].unclosed = True
            bottom = self.stack[0]
            self._end(bottom, end, end, "")
            if self._continues(bottom, index + 1, hi):
                carry = bottom
            else:
                self.records[bottom.record].unclosed = True
            self.stack = []
        # Left open at a paragraph's end with no word inside (a stray "): no quotation.
        # (a quotation inside one without a word has none either, so no inner quote is left
        # without its outer one)
        return [r for r in self.records if any(_WORDLIKE.search(part) for part in r.parts)]


_GROUP_CHARS = 1 << 20
"""Paragraphs are searched in groups of about this many characters (see find_marks)."""


def find_marks(texts: Sequence[str]) -> dict[int, list[int]]:
    """Offsets of the quote marks in each paragraph that has one, apostrophes inside words
    (don’t, o’clock) left out: a few ``str.find`` passes over the joined text, which is far
    quicker than a regular expression visiting every character.

    The paragraphs are joined a group at a time: one join of a 100 MB article's paragraphs
    would hold the interpreter lock (and the interface) for half a second."""
    marks: dict[int, list[int]] = {}
    for first, end, joined in joined_groups(texts, _GROUP_CHARS):
        _find_group(texts[first:end], first, joined, marks)
    return marks


def _find_group(group: Sequence[str], first: int, joined: str, marks: dict[int, list[int]]) -> None:
    """:func:`find_marks` for ``group`` (the texts from index ``first``), joined in ``joined``."""
    cap = len(joined) // _CHARS_PER_MARK + _MIN_MARKS
    found = _collect(joined, len(joined), cap)
    if len(found) > cap:
        # A flood of marks (hostile text): only those up to the cap-th are read, so memory
        # and time stay bounded; the text after them is shown without highlighting.
        stop = len(joined)
        for n, match in enumerate(_ANY_MARK.finditer(joined)):
            if n == cap:
                stop = match.start()
                break
        found = _collect(joined, stop, cap)
    if found:
        found.sort()
        starts = list(accumulate((len(t) + 1 for t in group), initial=0))
        for pos in found:
            index = bisect.bisect_right(starts, pos) - 1
            marks.setdefault(first + index, []).append(pos - starts[index])


def _collect(joined: str, stop: int, cap: int) -> list[int]:
    """The marks of ``joined[:stop]`` (apostrophes inside words left out), unsorted; it gives
    up past ``cap`` of them, returning ``cap + 1`` (the caller then cuts the text shorter)."""
    found: list[int] = []
    for ch in _MARK_CHARS:
        i = joined.find(ch, 0, stop)
        if ch in _SINGLES:
            while i >= 0:
                if not (i and joined[i - 1].isalnum() and joined[i + 1 : i + 2].isalnum()):
                    found.append(i)
                    if len(found) > cap:
                        return found
                i = joined.find(ch, i + 1, stop)
        else:
            while i >= 0:
                found.append(i)
                if len(found) > cap:
                    return found
                i = joined.find(ch, i + 1, stop)
    return found


def record_text(record: Record) -> str:
    """The quoted words of a scanned quotation: parts in one paragraph joined by a space,
    parts in different paragraphs by a blank line."""
    if len(record.parts) == 1:
        return record.parts[0].strip()
    pieces: list[str] = []
    last = -1
    for (paragraph, *_), part in zip(record.spans, record.parts, strict=True):
        if pieces:
            pieces.append(" " if paragraph == last else "\n\n")
        pieces.append(part.strip())
        last = paragraph
    return "".join(pieces)


def paragraph_count(record: Record) -> int:
    """How many paragraphs a scanned quotation covers (its parts may share one)."""
    return len({span[0] for span in record.spans})
