"""Decoding and sanitising: the boundary where untrusted bytes become safe text.

Everything downstream of :func:`decode` and :func:`sanitize` may assume that the text holds no
terminal control characters: no ESC (so no CSI/OSC/DCS/APC sequence can reach the terminal), no
other C0 or C1 control, no bidirectional override or isolate, and only ``\\n`` line breaks.
C0 controls and DEL are made visible as Unicode control pictures (``ESC`` → ``␛``) rather than
dropped, so a reader sees that something odd was in the file; C1 controls and bidi controls are
removed, since they have no visible form and only serve to disguise text. The Unicode line and
paragraph separators (U+2028, U+2029), which terminals draw unpredictably, become line breaks.

File and folder names are shown through :func:`shown_name` instead: a name is not text to be
cleaned up but an identifier, so every control in it is made visible and nothing is removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import AnyStr

__all__ = [
    "IGNORECASE_FOLDS",
    "BinaryFileError",
    "decode",
    "is_binary",
    "joined_groups",
    "pieces",
    "read_lines",
    "read_text",
    "sanitize",
    "shown_name",
    "split_lines",
]

IGNORECASE_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The non-ASCII letters ``re.IGNORECASE`` matches to ASCII ones (İ ı ſ and the Kelvin sign).

``str.lower()`` leaves them as they are, so a lower-cased substring test standing in front of
a case-insensitive pattern must let a line holding one of them through to the pattern.
"""


class BinaryFileError(ValueError):
    """Raised when bytes are not text that newsread can read (an image, an archive, …)."""


# File signatures of common binary formats; a text file never starts with these.
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"SQLite format 3",
)

_SNIFF = 8192

# Bytes that never occur in text files: C0 controls other than \t \n \f \r and ESC.
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})

_PIECE = 1 << 20
"""Characters (or bytes) per piece when a long text is handled a piece at a time.

One C call over a 100 MB text (a decode, a split, a scan) holds the interpreter lock for up
to a second, freezing the interface while a worker reads; a megabyte takes a millisecond.
"""

_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]"
)

_NAME_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
    "\ud800-\udfff]"
)
"""What :func:`shown_name` makes visible: C0, DEL, C1, bidi controls, line and paragraph
separators, the BOM, and lone surrogates (a byte of a name that is not UTF-8)."""


_FEW_CONTROLS = 16
"""Control bytes a non-UTF-8 file may hold before their share (over 2%) counts against it."""


def is_binary(data: bytes) -> bool:
    """Guess whether ``data`` is a binary (non-text) file.

    Args:
        data: The file's bytes (only the first 8 KiB are looked at).

    Returns:
        True for a known binary signature, when more than a tenth of the sniffed bytes are
        NULs or other control bytes that text never holds, or when more than one in fifty
        (and at least sixteen) are and the bytes are not UTF-8 (random or compressed data
        without a signature: text in an older encoding has high bytes but hardly any
        control bytes).
    """
    head = data[:_SNIFF]
    if not head:
        return False
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return False
    if head.startswith(_MAGIC):
        return True
    odd = len(head) - len(head.translate(None, _BINARY_BYTES))
    if odd > 0.10 * len(head):
        return True
    # A few control bytes in a short file (a DOS end-of-file mark) are not a pattern.
    if odd > 0.02 * len(head) and odd >= _FEW_CONTROLS:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A character cut by the 8 KiB sniff is not a reason; anything before it is.
            return exc.start < len(head) - 3
    return False


def pieces(data: AnyStr, size: int = _PIECE) -> Iterator[AnyStr]:
    """``data`` in pieces of about ``size``, each cut just after a newline.

    Joined again, the pieces are ``data``; a line (and so a CRLF pair, or a UTF-8 character)
    is never split between two of them.

    Args:
        data: Text or bytes.
        size: Smallest length of a piece (but the last).

    Yields:
        The pieces, in order.
    """
    newline: AnyStr = "\n" if isinstance(data, str) else b"\n"
    start, length = 0, len(data)
    while start < length:
        end = data.find(newline, start + size)
        end = length if end < 0 else end + 1
        yield data[start:end]
        start = end


def joined_groups(texts: Sequence[str], size: int = _PIECE) -> Iterator[tuple[int, int, str]]:
    """``"\\n".join(texts)`` in pieces: each joins whole texts, about ``size`` characters.

    For searching a long article's paragraphs without one join (and one search) over all of
    them, which holds the interpreter lock for the whole pass.

    Args:
        texts: The texts (paragraphs).
        size: Smallest length of a group (but the last).

    Yields:
        ``(first, end, joined)``: ``texts[first:end]`` joined with ``"\\n"``.
    """
    start = 0
    while start < len(texts):
        end, length = start, 0
        while end < len(texts) and length < size:
            length += len(texts[end]) + 1
            end += 1
        yield start, end, "\n".join(texts[start:end])
        start = end


def split_lines(text: str, size: int = _PIECE) -> list[str]:
    """``text.split("\\n")``, made a piece at a time for a long text (see :data:`_PIECE`).

    Args:
        text: The text.
        size: Texts longer than this are split in pieces of about this length.

    Returns:
        Its lines, exactly as ``str.split`` gives them.
    """
    if len(text) <= size:
        return text.split("\n")
    lines: list[str] = []
    for piece in pieces(text, size):
        lines.extend(piece.split("\n"))
        if piece.endswith("\n"):
            lines.pop()  # the empty string after the piece's last newline: the next piece goes on
    if text.endswith("\n"):
        lines.append("")
    return lines


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return line.decode("latin-1")


def decode(data: bytes) -> str:
    """Decode file bytes to text, normalising line breaks.

    UTF-8 (with or without BOM) and UTF-16 with BOM are decoded as such. Anything that is not
    valid UTF-8 is decoded line by line: valid lines as UTF-8, the others as cp1252 (Latin-1
    for the five bytes cp1252 leaves undefined), so a file of mixed encodings keeps every
    line readable. CRLF and lone CR become LF.

    Args:
        data: The raw bytes.

    Returns:
        The decoded text (not yet sanitised: see :func:`sanitize`).

    Raises:
        BinaryFileError: When the bytes look like a binary file.
    """
    return "".join(_decoded_pieces(data))


def _decoded_pieces(data: bytes, size: int = _PIECE) -> Iterator[str]:
    """:func:`decode`, a piece at a time for a long file (see :data:`_PIECE`)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        yield text.replace("\r\n", "\n").replace("\r", "\n")
        return
    if is_binary(data):
        raise BinaryFileError("not a text file (binary content)")
    if len(data) > size:
        yield from map(_decode_piece, pieces(data, size))
    else:
        yield _decode_piece(data)


def _decode_piece(data: bytes) -> str:
    """Decode whole lines: UTF-8 if it all is, else each line on its own; CR and CRLF → LF."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = "\n".join(_decode_line(line) for line in data.split(b"\n"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if code == 0x2028:
        return "\n"
    if code == 0x2029:
        return "\n\n"
    return ""


def sanitize(text: str) -> str:
    """Make text safe to show in a terminal.

    Tabs become spaces; other C0 controls and DEL become their control pictures (visible,
    inert); C1 controls, bidi overrides/isolates/marks and stray BOMs are removed; CR and the
    line separator U+2028 are line breaks, the paragraph separator U+2029 a blank line.

    Args:
        text: Decoded text.

    Returns:
        Text with only printable characters, spaces and ``\\n``.
    """
    if len(text) > _PIECE:
        parts = list(pieces(text))
        clean = [_sanitize(part) for part in parts]
        if all(a is b for a, b in zip(clean, parts, strict=True)):
            return text  # already clean (a file read with read_text): no 100 MB join
        return "".join(clean)
    return _sanitize(text)


def _sanitize(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.replace("\t", "    ")
    # Every character _CONTROL matches is non-printable (Cc/Cf), so clean text, the usual case,
    # is returned after one fast C-level check instead of a regex pass.
    if text.replace("\n", " ").isprintable():
        return text
    return _CONTROL.sub(_visible, text)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the raw byte of a name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown_name(name: str) -> str:
    """A file or folder name (or a whole path) as it may be shown in the terminal.

    Names come from the file system and are as hostile as article text, but a name must stay
    recognisable and distinct, so nothing is dropped: C0 controls (tab and newline included,
    which would break a one-line layout) and DEL become control pictures (``ESC`` → ``␛``);
    C1 controls and bytes that are not UTF-8 (surrogate escapes) become ``\\x9b``-style
    escapes; bidi controls, the line and paragraph separators and the BOM become
    ``\\u202e``-style escapes.

    Args:
        name: The name as the OS gave it (a ``str`` that may hold surrogate escapes).

    Returns:
        One line of printable text that encodes as UTF-8.
    """
    if name.isprintable():
        return name
    return _NAME_CONTROL.sub(_shown, name)


def read_lines(data: bytes, size: int = _PIECE) -> list[str]:
    """``read_text(data).split("\\n")``, without ever holding the whole text.

    The lines of a long file are made a piece at a time: joining 100 MB of decoded pieces
    into one string (to split it again) holds the interpreter lock for a tenth of a second.

    Args:
        data: The raw bytes of a file.
        size: Files longer than this are read in pieces of about this length.

    Returns:
        Its lines, decoded and sanitised.

    Raises:
        BinaryFileError: When the bytes look like a binary file.
    """
    lines: list[str] = []
    ends_line = False
    for piece in _decoded_pieces(data, size):
        clean = sanitize(piece)
        lines.extend(split_lines(clean, size))
        ends_line = clean.endswith("\n")
        if ends_line:
            lines.pop()  # the empty string after the last newline: the next piece goes on
    if ends_line or not lines:
        lines.append("")
    return lines


def read_text(data: bytes) -> str:
    """Decode and sanitise file bytes in one step.

    Args:
        data: The raw bytes of a file.

    Returns:
        Safe text ready for the parsers.

    Raises:
        BinaryFileError: When the bytes look like a binary file.
    """
    # Each piece decoded and made safe, then one join (decode() then sanitize() would join a
    # long file twice).
    return "".join(map(sanitize, _decoded_pieces(data)))
