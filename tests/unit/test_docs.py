"""The docs stay true to the tree: every file they name exists and every link lands.

docs/architecture.md is how a newcomer finds the file to change; a module moved or renamed
without updating it would send them to nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

_PATH = re.compile(r"(?<![\w/.])((?:tui|tests|tools|themes|examples)/[\w/.-]*[\w/])")
_LINK = re.compile(r"\]\(([^)\s#]+)?(#[^)\s]*)?\)")
_PLANNED = ("tui/web/",)
"""Packages the docs name as planned."""


def _anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_file_named_exists(doc: Path) -> None:
    named = {m.group(1).rstrip(".") for m in _PATH.finditer(doc.read_text(encoding="utf-8"))}
    missing = sorted(p for p in named if not (REPO / p).exists() and not p.startswith(_PLANNED))
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_link_lands(doc: Path) -> None:
    broken = []
    for match in _LINK.finditer(doc.read_text(encoding="utf-8")):
        target, anchor = match.group(1), match.group(2)
        if target is not None and target.startswith(("http://", "https://")):
            continue
        page = (doc.parent / target).resolve() if target else doc
        if not page.exists():
            broken.append(match.group(0))
        elif anchor and page.suffix == ".md":
            headings = re.findall(r"^#+ (.*)$", page.read_text(encoding="utf-8"), re.MULTILINE)
            if anchor[1:] not in {_anchor(h) for h in headings}:
                broken.append(match.group(0))
    assert broken == []


def test_readme_keeps_the_test_command_markers() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- test-command -->\n```sh\n(.+)\n```\n<!-- /test-command -->", text)
    assert block is not None and "pytest" in block.group(1)
