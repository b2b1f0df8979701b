"""The parser's shortcuts give the answers of the plain rules they skip (speed, not behaviour).

Each shortcut (a prefilter before a regular expression, a skipped sanitising pass, a memoised
word count) is checked against the straightforward rule written out here, on chosen edge cases
and on generated lines built from the rules' own keywords.
"""

from __future__ import annotations

import dataclasses
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.article import boilerplate as bp
from tui.article import byline as by
from tui.article import credits as cr
from tui.article import parse
from tui.article.model import Paragraph, Section, count_words
from tui.article.quotes import annotate
from tui.article.sanitize import _CONTROL, _visible, sanitize

# Pieces that the line rules look for, in several cases, plus characters that IGNORECASE
# matches to ASCII letters (İ ı ſ, the Kelvin sign) and punctuation around credits.
_PIECES = [
    "contributed to this report",
    "CONTRIBUTED TO THIS REPORT",
    "Contributed to this Report",
    "contributed to this reporter",
    "Thomson Reuters Trust Principles",
    "Thomſon Reuters Trust Principles",
    "all rights reserved",
    "All Rights Reserved",
    "ALL RIGHTS RESERVED",
    "haveyoursay@bbc.co.uk",
    "HaveYourSay@",
    "@BBC.CO.UK",
    "notifications in our app",
    "Notificaciones en nuestra APP",
    "activate the latest version",
    "ACTIVATE THE LATEST VERSION",
    "this article was amended",
    "This article was AMENDED",
    "get in touch",
    "Get in touch by email",
    "share your pictures",
    "Send us your stories",
    " your ",
    " app",
    "report",
    "Reuters",
    "\u0130",
    "\u0131",
    "\u017f",
    "\u212a",
    "Photo",
    "Photograph",
    "Photos",
    "Photo illustration",
    "Illustration",
    "Composite",
    "Foto",
    "Bild",
    ": ",
    " by ",
    "by",
    "(AP Photo/Jane Doe)",
    "(AP Photo)",
    "REUTERS/Jane Doe",
    "REUTERS",
    "/",
    " | ",
    "dpa",
    "Getty",
    "(",
    ")",
    ".",
    ",",
    " ",
    "Jane Doe",
    "the harbour at dawn",
    "“",
    "”",
]
_LINES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join).map(str.strip)


def _boilerplate_plain(s: str) -> bool:
    """is_boilerplate_line's rule written out: the gates, then the searches, no shortcut."""
    if len(s) > 400:
        return False
    if bp._BOILER_START.match(s) is not None:
        return True
    # The footer phrases in any case; the ones that end a line within its last 64 characters.
    anywhere = bp._BOILER_ANY.search(s) is not None
    ending = re.search(r"(?:contributed to this report|all rights reserved)\W*$", s[-64:], re.I)
    if anywhere or ending is not None:
        return True
    touchy = "touch" in s or "Touch" in s or " your " in s
    return touchy and bp._GET_IN_TOUCH.search(s) is not None


def _trailing_plain(s: str) -> cr.CreditMatch | None:
    """Trailing caption credits tried pattern by pattern, with no keyword tests before them."""
    for pattern, style in cr._TRAILING:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        credit = m.group("credit").strip()
        if style != "ap" and not cr._plausible_credit(credit):
            continue
        caption = m.group("cap").strip() or None
        return cr.CreditMatch(credit, caption, "both" if caption else "source", "image", style)
    if "|" in s:
        m = cr._PIPE_CREDIT.fullmatch(s)
        if m is not None:
            credit = m.group("credit").strip()
            if cr._plausible_credit(credit) and ("/" in credit or cr._AGENCY.search(credit)):
                caption = m.group("cap").strip() or None
                part: cr.CreditPart = "both" if caption else "source"
                return cr.CreditMatch(credit, caption, part, "image", "german")
    return None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Anna Lee contributed to this report.", True),
        ("ANNA LEE CONTRIBUTED TO THIS REPORT.", True),
        ("Anna Lee contributed to this report, which said a great deal more.", False),
        ("Thomſon Reuters Trust Principles apply.", True),  # ſ matches s, ignoring case
        ("© 2025 Example. All Rights Reserved.", True),
        ("Turn on notifications in our app to hear first.", True),
        ("Readers can email haveyoursay@bbc.co.uk with views.", True),
        ("The report said the appeal would be heard in May.", False),
        ("The union's report was reserved for members.", False),
        ("Get in touch by email with your pictures.", True),
        ("She asked them to touch nothing.", False),
    ],
)
def test_boilerplate_lines(line: str, expected: bool) -> None:
    assert bp.is_boilerplate_line(line) is expected
    assert _boilerplate_plain(line) is expected


@given(_LINES)
def test_boilerplate_prefilter_changes_no_answer(line: str) -> None:
    if line:
        assert bp.is_boilerplate_line(line) == _boilerplate_plain(line)


@pytest.mark.parametrize(
    ("line", "style", "credit"),
    [
        ("Crowds at the pier. Photograph: Tom Hadley/PA", "guardian", "Tom Hadley/PA"),
        ("Crowds at the pier. Photo by Tom Hadley", "guardian", "Tom Hadley"),
        ("Crowds at the pier. (AP Photo/Jane Doe)", "ap", "AP Photo/Jane Doe"),
        ("Crowds at the pier. REUTERS/Jane Doe", "reuters", "REUTERS/Jane Doe"),
        ("Crowds at the pier | dpa/Jane Doe", "german", "dpa/Jane Doe"),
    ],
)
def test_trailing_credits_still_found(line: str, style: str, credit: str) -> None:
    found = cr.match_credit(line)
    assert found is not None
    assert (found.style, found.credit) == (style, credit)


@given(_LINES)
def test_credit_prefilters_change_no_answer(line: str) -> None:
    if line:
        assert cr._trailing(line) == _trailing_plain(line)


@pytest.mark.parametrize(
    "text",
    [
        "Plain text, “curly” quotes, café, 日本語 and emoji 🙂\nsecond line\n",
        "no-break\u00a0space and soft\u00adhyphen stay\n",  # not printable: the full pass runs
        "escape \x1b[31m here\n",
        "bell \x07, DEL \x7f, C1 \x85\x9b, bidi \u202e\u2066, BOM \ufeff\n",
        "tab\there\r\nand\rreturns\n",
        "",
    ],
)
def test_sanitize_matches_the_full_pass(text: str) -> None:
    normal = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    assert sanitize(text) == _CONTROL.sub(_visible, normal)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_sanitize_skip_is_only_taken_for_clean_text(text: str) -> None:
    normal = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    assert sanitize(text) == _CONTROL.sub(_visible, normal)


def test_word_count_is_counted_once_and_kept_out_of_equality() -> None:
    para = Paragraph("Harbour workers voted on the ferry’s new timetable.", "raw")
    twin = Paragraph("Harbour workers voted on the ferry’s new timetable.", "raw")
    assert para.word_count == count_words(para.text) == 8
    assert para._words == 8 and twin._words == -1  # only the asked one is counted
    assert para == twin and hash(para) == hash(twin)
    assert "_words" not in repr(para)


@pytest.mark.parametrize("new_text", ["One two three.", ""])
def test_word_count_follows_a_replaced_text(new_text: str) -> None:
    para = Paragraph("Four words stand here.", "raw")
    assert para.word_count == 4
    changed = dataclasses.replace(para, text=new_text)
    assert changed.word_count == count_words(new_text)


def test_annotated_paragraphs_count_their_own_words() -> None:
    para = Paragraph("“We will vote,” said Ailsa Morrison on the pier.", "raw")
    assert para.word_count == 9
    (section,), _ = annotate([Section(None, (para,))])
    (quoted,) = section.blocks
    assert isinstance(quoted, Paragraph) and quoted.quotes
    assert quoted._words in (-1, 9)
    assert quoted.word_count == 9


def test_article_word_counts_add_up_after_repeated_calls() -> None:
    text = "Headline for the pier\n\nFirst paragraph has five words.\n\nSecond one has four.\n"
    article = parse(text, fmt="text")
    first = (article.word_count, [s.word_count for s in article.sections])
    assert first == (article.word_count, [s.word_count for s in article.sections])
    body = re.findall(r"\w+", "First paragraph has five words. Second one has four.")
    assert article.word_count == len(body) == 9


_FOOTER_ALTERNATIVES = bp._BOILER_ANY.pattern.split("|") + bp._BOILER_END.pattern.split("|")


@pytest.mark.parametrize("alternative", _FOOTER_ALTERNATIVES)
def test_prefilter_lets_every_footer_phrase_through(alternative: str) -> None:
    # A phrase added to _BOILER_ANY or _BOILER_END must be added to _may_hold_footer's too.
    phrase = alternative.replace(r"\W*$", "").replace("\\.", ".")
    assert re.fullmatch(r"[\w .@]+", phrase), "the alternatives are plain phrases"
    for line in (phrase, phrase.upper(), f"Text before. {phrase.title()}"):
        assert bp._BOILER_ANY.search(line) or bp._BOILER_END.search(line)
        assert bp._may_hold_footer(line)


# Lines that open with a boilerplate phrase (any alternative, any case), after a lead that may
# be one of the non-ASCII letters IGNORECASE folds onto ASCII ones.
_START_LINES = st.tuples(
    st.sampled_from(["", "", "ſ", "\u212a", "ı", "İ", " ", "x"]),
    st.one_of(
        *(st.from_regex(re.compile(alt, re.I), fullmatch=True) for _, alt in bp._START_ALTERNATIVES)
    ),
    st.sampled_from(["", " now.", ": details", "x"]),
).map("".join)


@pytest.mark.parametrize(("initials", "alternative"), bp._START_ALTERNATIVES)
def test_start_alternatives_declare_their_initials(initials: str, alternative: str) -> None:
    pattern = re.compile(alternative, re.I)
    for letter in "abcdefghijklmnopqrstuvwxyz©":
        # A letter that is not declared must not be able to open a match.
        if letter not in initials:
            assert not any(pattern.match(letter + rest) for rest in _openings(alternative))


def _openings(alternative: str) -> list[str]:
    """Strings that would complete a match of ``alternative`` after its first character."""
    sample = re.sub(r"\[(.)[^\]]*\]", r"\1", alternative)  # [ií] -> i
    sample = re.sub(r"\(\?:([^|)]*)[^)]*\)\??", r"\1", sample)  # (?:the|our) -> the
    sample = sample.replace("\\b", "").replace("\\s*", "").replace("\\d{4}", "2025")
    sample = sample.replace("'?", "'").replace("s?", "s")
    return [sample[1:], sample[1:] + " ", sample]


@given(_START_LINES)
def test_start_dispatch_gives_the_whole_pattern_answer(line: str) -> None:
    line = line.strip()
    if line:
        assert bp.is_boilerplate_line(line) == _boilerplate_plain(line)


def _case_mixed(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if flip else c for c, flip in zip(text, flips, strict=True))


@st.composite
def _label_lines(draw: st.DrawFn) -> str:
    name = _case_mixed(draw, draw(st.sampled_from(cr._LABEL_NAMES)))
    if draw(st.booleans()):  # a letter IGNORECASE folds onto an ASCII one, or a typo
        at = draw(st.integers(0, len(name) - 1))
        name = name[:at] + draw(st.sampled_from(["ı", "ſ", "\u212a", "x", "é"])) + name[at + 1 :]
    return name + draw(st.sampled_from(["", ", Getty Images", " Reuters", "Getty"]))


@given(_label_lines())
def test_label_head_gate_only_skips_lines_the_pattern_rejects(line: str) -> None:
    head = line[:5].lower()
    if head not in cr._LABEL_HEADS and head.isascii():
        assert cr._LABEL.match(line) is None


@st.composite
def _byline_label_lines(draw: st.DrawFn) -> str:
    label = draw(st.sampled_from(["Author", "author title", "Role", "Reporting from", "Cargo"]))
    label = _case_mixed(
        draw, draw(st.sampled_from(["título del autor", "informando desde", label]))
    )
    lead = draw(st.sampled_from(["", "-", "- ", " ", "x", "ı", "ſ"]))
    return lead + label + draw(st.sampled_from([", Jane Doe", ",", " Jane", ", BBC News"]))


@given(_byline_label_lines())
def test_byline_label_gate_only_skips_lines_the_pattern_rejects(line: str) -> None:
    first = line[0]
    if not (first in by._LABEL_FIRST or not first.isascii() or first.isspace()):
        assert by._LABEL.fullmatch(line) is None


@pytest.mark.parametrize("alternative", _FOOTER_ALTERNATIVES)
def test_every_footer_phrase_is_found_in_any_case(alternative: str) -> None:
    phrase = alternative.replace(r"\W*$", "").replace("\\.", ".")
    sentence = phrase[0].upper() + phrase[1:]
    lines = [phrase, f"{sentence}.", f"Text before. {phrase}.", f"{phrase.upper()}."]
    lines += [f"{'Long text before. ' * 20}{phrase.title()}."]
    for line in lines:
        assert bp.is_boilerplate_line(line), line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Turn on notifications in our App to hear first.", True),
        ("NOTIFICATIONS in our app", True),
        ("Read the THOMSON REUTERS TRUST PRINCIPLES online.", True),
        ("Turn on notıfications in our app " + "x" * 70, True),  # a dotless ı, as IGNORECASE
        ("Ana Ruiz contributed to this report." + " —" * 30, False),  # past the last 64
        ("Turn on the notifications for this app.", False),
    ],
)
def test_footer_phrases_in_any_case(line: str, expected: bool) -> None:
    assert bp.is_boilerplate_line(line) is expected
    assert _boilerplate_plain(line) is expected


@st.composite
def _short_lines(draw: st.DrawFn) -> str:
    """Short lines near the short-line rules: labels, dates, times, in mixed case."""
    core = draw(
        st.sampled_from(
            [
                *bp._BLOCK_LABELS[:5],
                "más sobre este tema",
                "à lire aussi",
                "more from the harbour",
                "- Published",
                "published 2 days ago",
                "Updated 14 June 2025",
                "veröffentlicht 3 Stunden",
                "Stand: 14.10.2025 18:05 Uhr",
                "14 June 2025",
                "2 hours ago",
                "Posted at 16:45",
                "posted at 16.45",
                "16:45 GMT",
                "Harbour vote",
            ]
        )
    )
    lead = draw(st.sampled_from(["", "", "-", " ", "ı", "ſ", "x", "\u212a"]))
    return lead + _case_mixed(draw, core) + draw(st.sampled_from(["", ":", " ", "."]))


@given(_short_lines())
def test_short_line_gates_only_skip_lines_the_patterns_reject(line: str) -> None:
    assert bp.is_block_label(line) == (len(line) <= 60 and bool(bp._BLOCK_LABEL.fullmatch(line)))
    m = bp._PUBLISHED.fullmatch(line)
    if bp.published(line) is not None:
        assert m is not None
    elif m is not None:  # the gate let it through; the date part was what failed
        when = m.group("when").strip()
        assert when and not bp.is_date_line(when)
    stand = bp._STAND.fullmatch(line)
    plain_date = (
        stand.group("when").strip()
        if stand is not None and bp._DIGIT.search(stand.group("when"))
        else ((bp._UPDATED.split(line, 1)[0].strip() or line) if bp.is_date_line(line) else None)
    )
    assert bp.chrome_date(line) == (plain_date if len(line) <= 80 else None)
    time = bp._TIMESTAMP.fullmatch(line) or bp._POSTED_DOT.fullmatch(line)
    expected = line[time.start("time") :].strip() if time is not None else None
    assert bp.timestamp(line) == (expected if len(line) <= 40 else None)


def test_only_folded_letters_and_the_copyright_sign_can_open_a_boilerplate_start() -> None:
    # is_boilerplate_line sends lines that start with a non-ASCII character to the whole
    # opening pattern only when that character is in _START_FOLDED.
    letters = {c for initials, _ in bp._START_ALTERNATIVES for c in initials if c.isascii()}
    initial = re.compile("[" + "".join(sorted(letters)) + "]", re.I)
    for code in range(128, sys.maxunicode + 1):
        if initial.match(chr(code)):
            assert chr(code) in bp._START_FOLDED, hex(code)
    non_ascii = {c for initials, _ in bp._START_ALTERNATIVES for c in initials if not c.isascii()}
    assert non_ascii <= bp._START_FOLDED
