"""The text of a user's TOML file: reading it, locating keys in it, and quoting what it says.

:mod:`tui.settings.config` validates what a config file means; this module deals with the file as
text. Reading turns every fault (missing, a directory, unreadable, not UTF-8, not TOML) into a
:class:`ConfigError` naming the file and line; :class:`LineIndex` finds the line a key is on,
which tomllib does not report for a valid file; :func:`quote` shows a value the user wrote so
that nothing in it can act on the terminal when the message is printed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from tui.article.records import record

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

__all__ = [
    "FILE_LIMIT",
    "ConfigError",
    "ConfigProblem",
    "LineIndex",
    "NESTED_TOO_DEEPLY",
    "decode_problem",
    "quote",
    "read_config_text",
    "read_user_file",
    "toml_key",
    "tomllib",
    "where",
]


def quote(value: str) -> str:
    """Quote text from a user's file for a message, escaping every non-printable character.

    ``json.dumps`` escapes C0 controls; C1 controls, DEL and bidi controls (which it leaves
    alone when ``ensure_ascii`` is off) are escaped here too, while printable non-ASCII text
    stays readable.

    Args:
        value: Any string (a key, a theme name, a key binding…).

    Returns:
        A double-quoted string holding only printable characters.
    """
    import json  # messages only: json's import is not worth paying at every start-up

    quoted = json.dumps(value, ensure_ascii=False)
    if quoted.isprintable():
        return quoted
    return "".join(char if char.isprintable() else json.dumps(char)[1:-1] for char in quoted)


def toml_key(key: str) -> str:
    """A TOML key as one would write it: bare when it can be, quoted (and escaped) otherwise.

    Args:
        key: One key (not a dotted path).

    Returns:
        ``key`` itself or :func:`quote` of it.
    """
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else quote(key)


def where(path: tuple[str, ...], is_table: bool = False) -> str:
    """Show a key path the way the user writes it: ``[keymap] "quit"``, ``"theme"``, ``[x]``.

    Args:
        path: The keys from the top of the document.
        is_table: Whether a one-key path is a table (``[name]``) rather than a value.

    Returns:
        The location, with every user-written part escaped.
    """
    if len(path) == 1:
        return f"[{toml_key(path[0])}]" if is_table else quote(path[0])
    table = ".".join(toml_key(part) for part in path[:-1])
    return f"[{table}] {quote(path[-1])}"


@record
class ConfigProblem:
    """One thing wrong with a config file."""

    file: Path
    """The config file."""
    line: int | None
    """1-based line number, when it could be found."""
    key: str | None
    """Where, as the user writes it: ``[keymap] "quit"``, ``"theme"`` or ``[colors]``."""
    message: str
    """What is wrong, and what would be right."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else str(self.file)
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ConfigError(Exception):
    """A config file that cannot be used; holds every problem found."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        """Create the error.

        Args:
            problems: At least one problem.
        """
        self.problems = problems
        """All problems, in file order where known."""
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


FILE_LIMIT = 1_000_000
"""The largest config or theme file read, in bytes (a real one is a few kB): a device such as
``/dev/zero`` is refused outright, and a huge file does not fill memory."""


def read_user_file(path: Path) -> bytes:
    """The bytes of a config or theme file: a regular file of at most :data:`FILE_LIMIT`.

    Args:
        path: The file.

    Returns:
        Its bytes.

    Raises:
        OSError: If it cannot be read or is not a regular file (a FIFO, a device: opening
            one never blocks, see :func:`tui.article.files.open_regular`).
        ValueError: If it is larger than :data:`FILE_LIMIT`.
    """
    from tui.article.files import read_regular

    return read_regular(path, FILE_LIMIT)


def read_config_text(path: Path) -> str | None:
    """Read a config file as text.

    Args:
        path: The file.

    Returns:
        Its text (a UTF-8 BOM dropped), or ``None`` if it does not exist.

    Raises:
        ConfigError: If it is a directory, a FIFO or device, larger than :data:`FILE_LIMIT`,
            cannot be read, or is not UTF-8.
    """

    def fault(message: str, line: int | None = None) -> ConfigError:
        return ConfigError([ConfigProblem(path, line, None, message)])

    if path.is_dir():
        raise fault("is a directory, not a config file")
    try:
        data = read_user_file(path)
    except FileNotFoundError:
        return None
    except PermissionError:
        raise fault("cannot read the config file: permission denied") from None
    except OSError as error:
        raise fault(f"cannot read the config file: {error.strerror or error}") from None
    except ValueError:
        raise fault(f"cannot read the config file: larger than {FILE_LIMIT:,} bytes") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise fault(f"not UTF-8 text (byte {data[error.start]:#04x})", line) from None


_DECODE_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_DECODE_END = re.compile(r"\s*\(at end of document\)\s*$")


NESTED_TOO_DEEPLY = "invalid TOML: arrays or tables nested too deeply"
"""The problem reported when tomllib runs out of recursion (a few hundred levels)."""


def decode_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> ConfigProblem:
    """Turn tomllib's message, which ends ``(at line L, column C)``, into a located problem.

    Args:
        path: The file.
        text: Its text.
        error: What tomllib raised.

    Returns:
        The problem, on the line tomllib names.
    """
    message = str(error)
    line: int | None = None
    if at := _DECODE_AT.search(message):
        line, message = int(at.group(1)), f"{message[: at.start()]} (column {at.group(2)})"
    elif end := _DECODE_END.search(message):
        line, message = max(1, len(text.splitlines())), f"{message[: end.start()]} (at the end)"
    return ConfigProblem(path, line, None, f"invalid TOML: {message}")


_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"^\s*\[(\[?)\s*({_DOTTED})\s*\]")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=")


def _key_path(dotted: str) -> tuple[str, ...] | None:
    """Decode a TOML dotted key (``a."b.c"``) by letting tomllib parse ``dotted = 0``."""
    try:
        node: Any = tomllib.loads(f"{dotted} = 0")
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    parts: list[str] = []
    while isinstance(node, dict) and len(node) == 1:
        name, node = next(iter(node.items()))
        parts.append(name)
    return tuple(parts)


class LineIndex:
    """Find the line of a key, since tomllib reports none for a valid file."""

    def __init__(self, text: str) -> None:
        """Index the table headers and assignments of a TOML document.

        Args:
            text: The document (already known to parse).
        """
        self._entries: list[tuple[tuple[str, ...], int]] = []
        table: tuple[str, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            if header := _HEADER.match(line):
                table = _key_path(header.group(2)) or ()
                self._entries.append((table, number))
            elif (assign := _ASSIGN.match(line)) and (key := _key_path(assign.group(1))):
                self._entries.append((table + key, number))

    def line_of(self, path: tuple[str, ...]) -> int | None:
        """The first line defining ``path``, else the line of its nearest defined parent.

        Args:
            path: The keys from the top of the document.

        Returns:
            A 1-based line number, or ``None`` when neither it nor a parent is written.
        """
        for length in range(len(path), 0, -1):
            for entry, number in self._entries:
                if entry == path[:length]:
                    return number
        return None
