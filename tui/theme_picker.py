"""The theme picker (``T``): Textual's, with every theme name shown as the text it is.

Textual's own picker hands theme names to the command palette as markup strings, so a user
theme called ``[/]`` raised ``MarkupError`` (the app crashed on ``T``) and ``[b]x[/b]`` or
``[@click=app.quit]`` were interpreted. Here each name becomes a plain :class:`Content`, with
the fuzzy matches styled on top.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

__all__ = ["PLACEHOLDER", "ThemeNames", "literal_highlight"]

PLACEHOLDER = "Search for themes…"
"""The palette's input placeholder (Textual's wording)."""


def literal_highlight(matcher: Matcher, text: str) -> Content:
    """``matcher.highlight(text)`` without reading ``text`` as markup.

    Args:
        matcher: The palette's fuzzy matcher for the current query.
        text: A name to show exactly as written.

    Returns:
        Plain content with the matched characters styled.
    """
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ThemeNames(Provider):
    """Every registered theme, by name; choosing one switches the app to it."""

    def _themes(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            (name, partial(setattr, self.app, "theme", name))
            for name in sorted(self.app.available_themes)
        ]

    async def discover(self) -> Hits:
        """List every theme when the palette opens with no input.

        Yields:
            One hit per theme, its name as plain content.
        """
        for name, choose in self._themes():
            yield DiscoveryHit(Content(name), choose, text=name)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the theme names against the palette input.

        Args:
            query: What the user typed.

        Yields:
            Hits for the matching themes, matches highlighted, names never parsed.
        """
        matcher = self.matcher(query)
        for name, choose in self._themes():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, literal_highlight(matcher, name), choose, text=name)
