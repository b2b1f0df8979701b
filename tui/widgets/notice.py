"""The notice shown in the reading pane's place when there is nothing to read, and why."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from tui.article.sanitize import shown_name

__all__ = ["Notice", "nothing_to_read", "could_not_open"]

_HOW = (
    "To read something, give newsread article files or folders of them (.txt, .md, .markdown):",
    "    newsread story.txt",
    "    newsread ~/news",
    "or list folders under [library] paths in the config file (newsread config path shows it).",
    "q quits.",
)


def _shown(path: Path | str) -> str:
    """A path (or a reason naming one) as one line that cannot act on the terminal."""
    return shown_name(str(path))


def nothing_to_read(given: Sequence[Path], skipped: Sequence[tuple[Path, str]]) -> Content:
    """What the pane says when no article file was found.

    Args:
        given: The paths newsread was asked to open.
        skipped: Each path left out, with the reason.

    Returns:
        Plain Content (paths are never read as markup).
    """
    lines: list[Content] = [Content.styled("Nothing to read", "bold"), Content("")]
    lines.append(Content("newsread looked in:" if given else "newsread was given no path."))
    reasons = {str(path): why for path, why in skipped}
    named = [(str(path), reasons.pop(str(path), "no article files")) for path in given]
    # Then the files inside those folders that were refused.
    for name, why in [*named, *reasons.items()]:
        lines.append(Content.assemble("    ", _shown(name), ("  — " + _shown(why), "$text-muted")))
    lines += [Content(""), *(Content(line) for line in _HOW)]
    return Content("\n").join(lines)


def could_not_open(path: Path, reason: str) -> Content:
    """What the pane says when the article chosen could not be opened.

    Args:
        path: The article's file.
        reason: Why it could not be read.

    Returns:
        Plain Content.
    """
    return Content("\n").join(
        [
            Content.styled("Could not open this article", "bold"),
            Content(""),
            Content.assemble("    ", _shown(path), ("  — " + _shown(reason), "$text-muted")),
            Content(""),
            Content("J and K open the next and previous articles; the sidebar lists them all."),
        ]
    )


class Notice(Static):
    """Says what happened and what to do, in the reading pane's place (hidden otherwise)."""

    DEFAULT_CSS = """
    Notice {
        width: 1fr;
        height: 1fr;
        padding: 1 2;
        background: $surface;
        color: $foreground;
    }
    """
