"""Decoding and sanitising (tui.article.sanitize)."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.article.sanitize import (
    BinaryFileError,
    _decode_piece,
    _sanitize,
    decode,
    is_binary,
    pieces,
    read_lines,
    read_text,
    sanitize,
    split_lines,
)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café “quoted” — ok\n".encode(), "Café “quoted” — ok\n"),
        (b"\xef\xbb\xbfHeadline\nBody\n", "Headline\nBody\n"),
        ("Caf\u00e9 na\u00efve\n".encode("latin-1"), "Café naïve\n"),
        # cp1252 curly quotes and dash (bytes 0x93 0x94 0x97) are not Latin-1 controls.
        (b"\x93Yes,\x94 she said \x97 twice.", "“Yes,” she said — twice."),
        ("Hi\n".encode("utf-16"), "Hi\n"),
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\rthree", "one\ntwo\nthree"),
        (b"one\ntwo", "one\ntwo"),
        (b"no final newline", "no final newline"),
        (b"", ""),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data) == text


def test_mixed_encodings_decode_line_by_line() -> None:
    data = "Zürich ist schön\n".encode() + "Málaga está lejos\n".encode("cp1252")
    assert decode(data) == "Zürich ist schön\nMálaga está lejos\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(100),
        b"%PDF-1.7\n" + bytes(50),
        b"PK\x03\x04" + bytes(50),
        bytes(range(0, 32)) * 20,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    assert is_binary(data)
    with pytest.raises(BinaryFileError):
        decode(data)
    with pytest.raises(BinaryFileError):
        read_text(data)


def test_text_with_a_few_escapes_is_not_binary() -> None:
    assert not is_binary(b"A line\x1b[31m red\x1b[0m and more plain text follows here.\n" * 5)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_without_a_signature_are_binary(seed: int) -> None:
    # About 11% of random bytes are control bytes: right at the plain threshold.
    data = random.Random(seed).randbytes(2000)
    assert is_binary(data)
    with pytest.raises(BinaryFileError):
        read_text(data)


@pytest.mark.parametrize(
    "data",
    [
        # cp1252 text (not UTF-8) with a stray control now and then: still text.
        (("Málaga está lejos y el río crece cada día más. " * 4 + "\x07") * 20).encode("cp1252"),
        # UTF-8 text with a control byte in every twenty (5%), under a tenth: still text.
        ("Zürich ist schön\x01 und" * 400).encode(),
        # 5% controls and a UTF-8 character cut by the 8 KiB sniff: not a sign of binary data.
        b"abcdefghijklmnopqrs\x01" * 409 + b"a" * 11 + "ü".encode(),
        # A short cp1252 file with a DOS end-of-file mark: one control byte in 33.
        "Café au lait, s'il vous plaît.\r\n".encode("cp1252") + b"\x1a",
    ],
    ids=["cp1252", "utf8-controls", "cut-character", "dos-eof"],
)
def test_text_in_other_encodings_or_with_some_controls_is_not_binary(data: bytes) -> None:
    assert not is_binary(data)


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("red \x1b[31mtext\x1b[0m", "red \u241b[31mtext\u241b[0m"),
        ("bell\x07", "bell\u2407"),
        ("nul\x00", "nul\u2400"),
        ("del\x7f", "del\u2421"),
        ("tab\there", "tab    here"),
        ("c1\x9b31m here\x85", "c131m here"),
        ("bidi \u202eevil\u202c text", "bidi evil text"),
        ("isolate \u2066x\u2069", "isolate x"),
        ("mark\u200f\u200e", "mark"),
        ("stray\ufeffbom", "straybom"),
        ("cr\r\nlf\rcr", "cr\nlf\ncr"),
        ("line\u2028sep", "line\nsep"),
        ("para\u2029sep", "para\n\nsep"),
        ("plain text ok", "plain text ok"),
    ],
)
def test_sanitize(text: str, clean: str) -> None:
    assert sanitize(text) == clean


def test_sanitized_text_has_no_controls_or_bidi() -> None:
    nasty = "".join(chr(c) for c in range(0, 0x200)) + "\u202a\u202e\u2066\u2069\ufeff\u2028\u2029"
    out = sanitize(nasty)
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in out)
    assert not set(out) & set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert not set(out) & {"\u2028", "\u2029"}
    # Ordinary text survives: the no-break space is kept (French quotes use it).
    assert "\u00a0" in out and "A" in out and "\u00e9" in out


def test_read_text_decodes_and_sanitises() -> None:
    assert read_text(b"\xef\xbb\xbfTitle\r\nOSC \x1b]0;pwned\x07 here") == (
        "Title\nOSC \u241b]0;pwned\u2407 here"
    )


# ------------------------------------------------------------------ long texts, a piece at a time

_LINES = st.text(alphabet="ab\r\t\n\x1b\u202e é", max_size=60)


@given(text=_LINES, size=st.integers(1, 12))
def test_pieces_join_back_and_end_after_newlines(text: str, size: int) -> None:
    cut = list(pieces(text, size))
    assert "".join(cut) == text
    assert all(piece.endswith("\n") for piece in cut[:-1])
    data = text.encode("utf-8")
    assert b"".join(pieces(data, size)) == data


@given(text=_LINES, size=st.integers(1, 12))
def test_split_lines_is_str_split(text: str, size: int) -> None:
    assert split_lines(text, size) == text.split("\n")


@given(text=_LINES, size=st.integers(1, 12))
def test_sanitising_in_pieces_is_sanitising_the_whole(text: str, size: int) -> None:
    assert "".join(_sanitize(piece) for piece in pieces(text, size)) == _sanitize(text)


@given(
    lines=st.lists(
        st.one_of(
            st.text(alphabet="ab é“”\r", max_size=20).map(lambda t: t.encode("utf-8")),
            st.text(alphabet="ab é“”", max_size=20).map(lambda t: t.encode("cp1252")),
        ),
        max_size=12,
    ),
    size=st.integers(1, 12),
)
def test_decoding_in_pieces_is_decoding_the_whole(lines: list[bytes], size: int) -> None:
    """Mixed UTF-8 and cp1252 lines decode the same, a piece or the whole file at a time."""
    data = b"\n".join(lines)
    assert "".join(_decode_piece(piece) for piece in pieces(data, size)) == _decode_piece(data)


def test_a_long_text_goes_through_in_pieces() -> None:
    """Past the piece size the public functions take the piecewise path, with the same result."""
    body = ("Line with a tab\tand an escape \x1b[31m and a CR\r\n" * 40_000) + "no newline"
    assert len(body) > 1 << 20
    assert sanitize(body) == _sanitize(body)
    assert decode(body.encode("utf-8")) == _decode_piece(body.encode("utf-8"))
    assert split_lines(body) == body.split("\n")


@given(
    lines=st.lists(
        st.one_of(
            st.text(alphabet="ab é“”\r\t\x1b", max_size=20).map(lambda t: t.encode("utf-8")),
            st.text(alphabet="ab é“”", max_size=20).map(lambda t: t.encode("cp1252")),
        ),
        max_size=12,
    ),
    size=st.integers(1, 12),
    bom=st.booleans(),
)
def test_reading_lines_a_piece_at_a_time_is_splitting_the_text(
    lines: list[bytes], size: int, bom: bool
) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + b"\n".join(lines)
    assert read_lines(data, size) == read_text(data).split("\n")


def test_reading_lines_of_binary_data_is_refused() -> None:
    with pytest.raises(BinaryFileError):
        read_lines(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
