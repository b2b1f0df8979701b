"""The one-line header: where the reader is, and whether quotations are highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

__all__ = ["StatusLine"]


class StatusLine(Widget):
    """Shows "article title — section" on the left and view state on the right.

    Article text is hostile, so everything is built as plain :class:`Content` (never markup).
    """

    DEFAULT_CSS = """
    StatusLine {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    article_title: reactive[str] = reactive("")
    """Title of the article on screen ("" before anything is loaded)."""
    section_title: reactive[str] = reactive("")
    """Heading of the section at the top of the reading pane ("Lead" for the untitled lead)."""
    highlight_quotes: reactive[bool] = reactive(True)
    """Whether the reading pane highlights quotations."""
    progress: reactive[str] = reactive("")
    """Loading progress ("Loading… 40%"), or "" when every article is in."""

    def render(self) -> Content:
        """Lay out the title on the left and the state on the right, truncating the title."""
        state = Content.assemble(
            ("quotes: ", "dim"),
            ("on", "bold $text-success") if self.highlight_quotes else ("off", "bold $text-error"),
        )
        if self.progress:
            state = Content.assemble((self.progress, "$text-warning"), "  ", state)
        title = self.article_title or ("Loading…" if self.progress else "No article")
        left = Content.styled(title, "bold")
        if self.section_title:
            left = Content.assemble(left, (" — ", "dim"), self.section_title)
        width = self.content_region.width or self.size.width
        room = max(0, width - state.cell_length - 2)
        if left.cell_length > room:
            left = left.truncate(room, ellipsis=True)
        gap = max(1, width - left.cell_length - state.cell_length)
        return Content.assemble(left, " " * gap, state)
