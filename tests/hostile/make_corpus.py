"""Write the hostile-input corpus into ``tests/hostile/cases/`` (run from anywhere).

Each case is a small file whose bytes try to break newsread: terminal escape sequences meant
to reach the terminal, control characters, markup a renderer might interpret, broken or mixed
encodings, pathological structure. The files are committed (``.gitattributes`` keeps their
bytes exact); re-running this script rewrites them identically.

Escape-sequence cases carry unique payload markers (``PWNED…``) so the end-to-end test can
prove that no sequence from an article ever reaches the terminal. Larger inputs (a 1 MB line)
and filesystem faults are made by the tests themselves in ``tmp_path``, and so are hostile
file and folder names (:func:`name_cases`, :func:`write_names`).

Usage: ``python tests/hostile/make_corpus.py``
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent / "cases"
"""Where the corpus lives."""

ESC = b"\x1b"
BEL = b"\x07"
ST = ESC + b"\\"

MARKERS = (
    "PWNED52",
    "PWNED8",
    "PWNEDTITLE",
    "PWNEDDCS",
    "PWNEDAPC",
    "PWNEDC1",
    "PWNEDPM",
)
"""Payload strings embedded inside escape sequences (they must never reach the terminal
inside a sequence)."""


def _article(body: bytes, title: bytes = b"Harbour board meets over the winter timetable") -> bytes:
    """Wrap hostile bytes in an ordinary-looking scraped article (own wording)."""
    return (
        title
        + b"\n\nThe harbour board met on Thursday to agree the ferry timetable for the winter.\n\n"
        + body
        + b"\n\nMembers will meet again in a fortnight to hear from the island councils.\n"
    )


def _u(text: str) -> bytes:
    return text.encode("utf-8")


def cases() -> dict[str, bytes]:
    """Every case: file name → exact bytes.

    Returns:
        The corpus, in a stable order.
    """
    c: dict[str, bytes] = {}
    # --- escape sequences (CSI, OSC, DCS, APC, PM, SOS) -------------------------------
    c["esc-csi-sgr.txt"] = _article(b"Red " + ESC + b"[31mALERT" + ESC + b"[0m text.")
    c["esc-csi-clear-screen.txt"] = _article(ESC + b"[2J" + ESC + b"[H" + b"Screen cleared.")
    c["esc-csi-cursor-moves.txt"] = _article(
        b"Before" + ESC + b"[10A" + ESC + b"[5;5H" + ESC + b"[K after."
    )
    c["esc-csi-alt-screen.txt"] = _article(ESC + b"[?1049l" + ESC + b"[?25l hidden cursor.")
    c["esc-csi-mouse-report.txt"] = _article(ESC + b"[?1000h" + ESC + b"[?1006h mouse on.")
    c["esc-osc52-clipboard-bel.txt"] = _article(
        b"Copy this: " + ESC + b"]52;c;UFdORUQ1Mg==PWNED52" + BEL + b" done."
    )
    c["esc-osc52-clipboard-st.txt"] = _article(
        b"Copy: " + ESC + b"]52;p;PWNED52cGF5bG9hZA==" + ST + b" done."
    )
    c["esc-osc8-hyperlink.txt"] = _article(
        b"Read "
        + ESC
        + b"]8;;https://evil.example/PWNED8"
        + ST
        + b"the full report"
        + ESC
        + b"]8;;"
        + ST
        + b" online."
    )
    c["esc-osc0-title.txt"] = _article(b"Title " + ESC + b"]0;PWNEDTITLE" + BEL + b"set.")
    c["esc-osc2-title.txt"] = _article(b"Title " + ESC + b"]2;PWNEDTITLE" + ST + b"set.")
    c["esc-osc-in-title-line.txt"] = _article(
        b"Body.", title=ESC + b"]0;PWNEDTITLE" + BEL + b"Ferry strike ends"
    )
    c["esc-dcs-sixel.txt"] = _article(b"Picture " + ESC + b"Pq#0;2;0;0;0PWNEDDCS" + ST + b" end.")
    c["esc-dcs-decrqss.txt"] = _article(ESC + b"P$qPWNEDDCS" + ST + b" request status.")
    c["esc-apc-kitty.txt"] = _article(b"Image " + ESC + b"_Gf=100;PWNEDAPC" + ST + b" end.")
    c["esc-pm-sos.txt"] = _article(
        ESC + b"^PWNEDPM" + ST + b" privacy " + ESC + b"XPWNEDPM" + ST + b" start of string."
    )
    c["esc-bare.txt"] = _article(b"A lone escape " + ESC + b" in the middle and at the end " + ESC)
    c["esc-many.txt"] = _article(ESC * 500 + b"[" * 50 + b"]" * 50)
    c["esc-8bit-csi-utf8.txt"] = _article(
        _u("Eight-bit CSI \u009b31m and OSC \u009d0;PWNEDC1\u0007.")
    )
    c["esc-8bit-cp1252.txt"] = _article(
        b"Eight-bit CSI \x9b31m and OSC \x9d0;PWNEDC1\x07 in cp1252 caf\xe9."
    )
    c["esc-heading.txt"] = _article(
        ESC + b"[1mBold heading" + ESC + b"[0m\n\nThe paragraph under it is ordinary text."
    )
    c["esc-crlf-mixed.txt"] = _article(ESC + b"]52;c;PWNED52" + BEL + b"\r\nSecond line.\r\n")
    # --- C0 / C1 controls ----------------------------------------------------------------
    c["c0-all.txt"] = _article(b"C0: " + bytes(b for b in range(1, 32) if b not in (10,)) + b".")
    c["c0-sparse.txt"] = _article(
        b"\n\n".join(
            b"Paragraph %d holds the control byte %s here and goes on for a while."
            % (n, bytes([n]))
            for n in range(1, 32)
            if n != 10
        )
    )
    c["c1-utf8.txt"] = _article(_u("C1: " + "".join(chr(c) for c in range(0x80, 0xA0)) + "."))
    c["c1-cp1252-bytes.txt"] = _article(b"cp1252: " + bytes(range(0x80, 0xA0)) + b" \xe9t\xe9.")
    c["bel.txt"] = _article(b"Ring " + BEL * 20 + b" the bell.")
    c["del.txt"] = _article(b"Delete \x7f\x7f\x7f characters.")
    c["backspace-overwrite.txt"] = _article(
        b"Price: 100\x08\x08\x08999 pounds. safe\x08\x08\x08\x08evil"
    )
    c["cr-overwrite.txt"] = _article(b"The minister resigned.\rThe minister stayed.  ")
    c["vt-ff.txt"] = _article(b"Vertical\x0btab and form\x0cfeed.")
    c["nul-bytes.txt"] = _article(b"Nul \x00 byte \x00 inside.")
    # --- bidi, zero width ----------------------------------------------------------------
    c["bidi-override.txt"] = _article(
        _u("File invoice\u202efdp.exe and \u202dforced LTR\u202c text.")
    )
    c["bidi-isolates.txt"] = _article(
        _u("Isolates \u2066left\u2069 \u2067right\u2069 \u2068first\u2069 and marks \u200e\u200f.")
    )
    c["bidi-embeddings.txt"] = _article(_u("Embed \u202aLRE\u202c \u202bRLE\u202c text."))
    c["bidi-in-heading.txt"] = _article(
        _u("\u202eGNIDAEH\u202c\n\nThe paragraph that follows the reversed heading.")
    )
    c["line-separators.txt"] = _article(
        _u("Line\u2028separator and paragraph\u2029separator, \u2028\u2029 together.")
    )
    c["zero-width.txt"] = _article(
        _u("Zero\u200bwidth\u200cjoiner\u200dand\u2060word\u2060joiner\ufeffBOM in text.")
    )
    c["hebrew-arabic.txt"] = _article(
        _u("Mixed \u05e9\u05dc\u05d5\u05dd and \u0645\u0631\u062d\u0628\u0627 text.")
    )
    # --- markup a renderer might interpret -------------------------------------------------
    c["rich-markup.txt"] = _article(
        b"[bold]Bold[/bold] [/bold] [link=https://x]link[/link] [@click=app.quit]quit[/] "
        b"[b]b[/b] [red on white]colour[/] \\[escaped] [/]"
    )
    c["rich-markup-title.txt"] = _article(b"Body.", title=b"[@click=app.quit]Click me[/]")
    c["rich-markup-heading.md"] = _u(
        "# [bold]Headline[/bold]\n\n## [@click=app.exit]Section[/]\n\n[link=https://x]x[/link]\n"
    )
    c["textual-variables.txt"] = _article(b"Dollar $quote and $text-accent and $$ and {x} [$y].")
    c["rich-emoji-codes.txt"] = _article(b":smile: :cross_mark: :red_circle: emoji codes.")
    # --- encodings -----------------------------------------------------------------------
    c["invalid-utf8.txt"] = _article(b"Broken \xc3\x28 and \xa0\xa1 and \xf0\x28\x8c\xbc bytes.")
    c["mixed-encodings.txt"] = _article(
        _u("UTF-8 line: caf\u00e9 \u201cquoted\u201d.") + b"\ncp1252 line: caf\xe9 \x93quoted\x94."
    )
    c["latin1.txt"] = _article(b"Stra\xdfe, na\xefve, \xa3100 and \xbd price.")
    c["bom-utf8.txt"] = b"\xef\xbb\xbf" + _article(_u("A file that starts with a byte order mark."))
    c["utf16-le.txt"] = "\ufeff".encode("utf-16-le") + _article(b"").decode().encode("utf-16-le")
    c["utf16-be.txt"] = "\ufeff".encode("utf-16-be") + _article(b"Big end.").decode().encode(
        "utf-16-be"
    )
    c["utf16-le-escape.txt"] = "\ufeff".encode("utf-16-le") + (
        "Title\n\nOSC \x1b]52;c;PWNED52\x07 in UTF-16.\n"
    ).encode("utf-16-le")
    c["crlf.txt"] = (
        _article(b"Windows\r\nline\r\nendings.\r\n\r\nNext paragraph.")
        .replace(b"\n", b"\r\n")
        .replace(b"\r\r\n", b"\r\n")
    )
    c["lone-cr.txt"] = b"Old Mac title\r\rFirst paragraph here.\r\rSecond paragraph.\r"
    c["surrogate-escapes.txt"] = _article(b"CESU surrogate \xed\xa0\x80\xed\xb0\x80 bytes.")
    # --- quotes and structure -----------------------------------------------------------
    c["nested-quotes-1000.txt"] = _article(
        _u("He said " + "\u201cand \u2018" * 500 + "deep" + "\u2019\u201d" * 500 + " end.")
    )
    c["nested-straight-1000.txt"] = _article(_u('"' * 1000 + "x" + "'" * 1000))
    c["unbalanced-quotes.txt"] = _article(
        _u("\u201cNever closed \u2018 either \u00ab nor \u300c this.\n\n\u201d\u2019\u00bb\u300d")
    )
    c["headings-10000.txt"] = b"".join(b"Part %d\n\nBody.\n\n" % i for i in range(10_000))
    c["empty.txt"] = b""
    c["whitespace-only.txt"] = b" \n\t\n   \r\n\n  \t "
    c["only-newlines.txt"] = b"\n" * 500
    c["binary-png.txt"] = _png()
    c["binary-nul-heavy.txt"] = b"\x00" * 100 + b"text" + b"\x00" * 100
    c["long-word.txt"] = _article(b"x" * 5000)
    c["wide-chars.txt"] = _article(_u("\u754c" * 300 + " " + "\U0001f600" * 100))
    c["combining-marks.txt"] = _article(_u("Zalgo e" + "\u0301\u0302\u0303\u0304" * 200 + " text."))
    # --- markdown ------------------------------------------------------------------------
    c["html-script.md"] = _u(
        "# Council report\n\n<script>alert('x')</script>\n\n"
        '<p onclick="evil()">Paragraph in HTML</p>\n\n'
        "Entities: &#27;[31m red &#x1b;]52;c;PWNED52&#7; &#x202E;reversed &#8238; "
        "&amp; &lt;b&gt;\n\n"
        "<img src=x onerror=alert(1)>\n\n<!-- comment \x1b]0;PWNEDTITLE\x07 -->\n"
    )
    c["md-escapes-in-link.md"] = _u(
        "# Links\n\n[click \x1b]8;;https://evil/PWNED8\x1b\\\\here](https://x.example/%1B%5D52 "
        '"title \u202e evil")\n\n![alt \x1b[31m](img.png "Photo: \x9b31m")\n\n'
        "<https://x.example/%E2%80%AE>\n"
    )
    c["md-code-block.md"] = _u(
        "# Code\n\n```\n\x1b]52;c;PWNED52\x07\n\x1b[2J\n```\n\n    indented \x1b_PWNEDAPC\x1b\\\n"
    )
    c["md-front-matter-controls.md"] = _u(
        '---\ntitle: "Front\x1b]0;PWNEDTITLE\x07 matter"\nauthor: "Ann\u202eEvil\x07"\n'
        "date: 2025-01-01\x1b[31m\nsource: Outlet\x9b\ntags: a\x00b\n---\n\n"
        "# Real headline\n\nBody text of the article.\n"
    )
    c["md-front-matter-toml-escapes.md"] = (
        b'+++\ntitle = "T\\u001b]52;c;PWNED52\\u0007 title"\nauthor = "A\\u202eB"\n'
        b'note = "bell\\u0007 and \\u009b"\n+++\n\nBody paragraph.\n'
    )
    # TOML values of every type: an inline table (its keys too), arrays, nested tables, dates.
    c["md-front-matter-toml-tables.md"] = (
        b'+++\ntitle = {"T\\u001b]52;c;UFdORUQ1Mg==PWNED52\\u0007" = "v\\u009b1m"}\n'
        b'source = [{"\\u001b]0;PWNEDTITLE\\u0007" = ["\\u202eevil", 1979-05-27]}]\n'
        b"date = 2025-01-01T08:00:00Z\n"
        b'tags = [["a\\u001b[31m", {k = "\\u2066x\\u2069"}], true, 1.5]\n'
        b'[extra."key\\u001b]8;;https://evil/PWNED8\\u001b\\\\"]\n'
        b'value = "\\u2028line\\u2029para"\n'
        b"+++\n\nBody paragraph under the tables.\n"
    )
    c["md-yaml-escapes.md"] = (
        b'---\ntitle: "Yaml \\e]0;PWNEDTITLE\\a esc"\nsummary: "\\x1b[31m red \\u202e"\n---\n\n'
        b"Body.\n"
    )
    c["md-deep-blockquote.md"] = _u(">" * 1000 + " deep quote\n\n" + "- " * 200 + "deep list\n")
    c["md-table-controls.md"] = _u("| a\x1b[31m | b\u202e |\n|---|---|\n| c\x07 | d\x00 |\n")
    c["md-crlf-bom.md"] = b"\xef\xbb\xbf# Title\r\n\r\nBody\x1b[31m text.\r\n"
    c["md-entities-only.md"] = _u("&#x202E;&#x2066;&#x9b;&#155;&#0;&#xD800;&#x110000;\n")
    return c


NAME_MARKERS = ("PWNED52", "PWNEDTITLE", "PWNED8", "PWNEDC1")
"""Payload strings inside the escape sequences of :func:`name_cases` (in file names)."""


def _png() -> bytes:
    """The bytes of a PNG signature and header: a file newsread refuses as binary."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))


def name_cases() -> dict[bytes, bytes]:
    """Hostile file and folder names: relative path (bytes, ``/``-separated) → file content.

    Not committed (a name that is not UTF-8, or holds ESC or a newline, is not portable to
    every checkout): tests write them into ``tmp_path`` with :func:`write_names`. Empty files
    take their title from the file name, so the name also reaches the status line and every
    place a title is shown; a binary file is refused, so its name reaches the "Skipped"
    message. One folder name carries escapes too (group-by-folder headers).

    Returns:
        The names, in a stable order.
    """
    body = _article(b"Body.")
    return {
        b"osc52-" + ESC + b"]52;c;UFdORUQ1Mg==PWNED52" + BEL + b".txt": b"",
        b"title-" + ESC + b"]0;PWNEDTITLE" + BEL + b"-story.txt": body,
        b"csi-c1-" + _u("\u009b") + b"31m-" + _u("\u009d") + b"0;PWNEDC1" + BEL + b".txt": b"",
        b"rlo-" + _u("\u202e") + b"txt.exe.md": b"",
        b"tab\tand\nnewline\rname.txt": b"",
        b"line" + _u("\u2028") + b"separator.txt": body,
        b"caf\xe9-latin1.txt": _article(b"Not UTF-8 in the name only."),
        # Untitled, so the name itself is drawn (the sidebar names no outlet from a file name).
        b"na\xefve-untitled.txt": b"",
        b"binary-" + ESC + b"]0;PWNEDTITLE" + BEL + b".txt": _png(),
        b"folder-" + ESC + b"]8;;https:evil.example:PWNED8" + ST + b"x/inner.txt": body,
    }


def write_names(directory: Path) -> list[Path]:
    """Write :func:`name_cases` under ``directory`` (bytes paths: names need not be UTF-8).

    Args:
        directory: An existing folder (a test's ``tmp_path``).

    Returns:
        The written files (``str`` paths hold surrogate escapes for non-UTF-8 bytes).

    Raises:
        OSError: When the file system refuses such names (macOS wants UTF-8).
    """
    written = []
    for name, data in name_cases().items():
        path = os.path.join(os.fsencode(directory), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(data)
        written.append(Path(os.fsdecode(path)))
    return written


def write(directory: Path = CASES_DIR) -> list[Path]:
    """Write every case into ``directory``, removing stale files.

    Args:
        directory: Target folder (created if missing).

    Returns:
        The written paths, sorted.
    """
    directory.mkdir(parents=True, exist_ok=True)
    corpus = cases()
    for old in directory.iterdir():
        if old.is_file() and old.name not in corpus:
            old.unlink()
    for name, data in corpus.items():
        (directory / name).write_bytes(data)
    return sorted(directory / name for name in corpus)


if __name__ == "__main__":
    written = write(Path(sys.argv[1]) if len(sys.argv) > 1 else CASES_DIR)
    print(f"wrote {len(written)} cases to {written[0].parent}")
