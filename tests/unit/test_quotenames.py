"""Quote marks around names are not quotations (tui.article.quotenames)."""

from __future__ import annotations

import pytest

from tui.article.model import Paragraph, Section
from tui.article.quotenames import names_a_thing
from tui.article.quotes import annotate


@pytest.mark.parametrize(
    ("before", "quoted"),
    [
        ("Among the new ideas are the so-called ", "harbour passes"),
        ("The plan, launched on Friday, is called ", "Safer Streets, Brighter Towns"),
        ("The firms are building a network known as ", "hyper 5G"),
        ("sales are growing for what it calls ", "Desk in a Drawer"),
        ("Critics dubbed him ", "the Lighthouse Keeper"),
        ("initiatives such as Zentrix's ", "Sounds for Sure"),
        ("Su programa, llamado ", "Barrio Verde"),
    ],
)
def test_names_of_things_are_not_quotations(before: str, quoted: str) -> None:
    assert names_a_thing(before, quoted)


@pytest.mark.parametrize(
    ("before", "quoted"),
    [
        ("The mayor said the plan was ", "reckless"),
        ("She told reporters: ", "Safer Streets Now"),  # after a colon: her words
        ("The e-mail reads ", "Happy New Year"),  # after a reporting verb
        ("", "We Will Win"),  # opens the paragraph
        ("He said it was a ", "Great Day."),  # sentence punctuation of its own
        ("Residents called for ", "action now"),  # lower case: words, not a title
        ("the plan, which she called ", "reckless"),  # her word for it
        ("rents at what the council calls ", "affordable"),  # the council's word
        ("The plan is a ", "Very good idea, said Ana Lund"),  # too many words for a title
    ],
)
def test_words_are_still_quotations(before: str, quoted: str) -> None:
    assert not names_a_thing(before, quoted)


def test_a_named_thing_stays_text_without_a_quotation() -> None:
    text = 'The council backs the so-called "harbour pass", said Ana Lund, "and so do we."'
    (out,), quotes = annotate([Section(heading=None, blocks=(Paragraph(text, text),))])
    assert [q.text for q in quotes] == ["and so do we."]
    block = out.blocks[0]
    assert isinstance(block, Paragraph) and block.text == text  # nothing lost
    assert [block.text[s.start : s.end] for s in block.quotes] == ['"and so do we."']
