"""The main screen's keys, in groups that ``MainScreen.BINDINGS`` lists in order.

The footer shows the keys in that order and ``newsread --bindings`` lists them in it
(:func:`tui.cli.startup.app_bindings`): a new key goes at the end of its group, a new group
at the end of ``MainScreen.BINDINGS``. Each binding has an ``id`` (the keymap's name for it)
and a ``tooltip``; its action is a method of :class:`tui.screens.main.MainScreen`. The reading
keys (``j``, ``space``, ``G``…) are the pane's own, in :class:`tui.widgets.reader_pane.ReaderPane`.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

__all__ = [
    "DISPLAY_KEYS",
    "FIND_KEYS",
    "LIBRARY_KEYS",
    "MOVING_KEYS",
    "QUOTE_KEYS",
    "SIDEBAR_KEYS",
]

LIBRARY_KEYS: list[BindingType] = [
    Binding("m", "toggle_read", "Read", show=False, id="toggle-read",
            tooltip="Mark the article read or unread"),
    Binding("u", "next_unread", "Unread", show=False, id="next-unread",
            tooltip="Open the next unread article in the sidebar"),
    Binding("B", "toggle_bookmark", "Bookmark", show=False, id="toggle-bookmark",
            tooltip="Bookmark the article, or remove its bookmark"),
    Binding("ctrl+b", "show_bookmarks", "Bookmarks", show=False, id="show-bookmarks",
            tooltip="List the bookmarked articles; Enter opens one"),
    Binding("F", "library_search", "Search", show=False, id="library-search",
            tooltip="Search the text of every article in the library"),
    Binding("v", "group_by", "Group", show=False, id="group-by",
            tooltip="Group the sidebar by folder, by outlet, or not at all"),
    Binding("V", "sort_by", "Sort", show=False, id="sort-by",
            tooltip="Sort the sidebar by file order, newest first, or title"),
]  # fmt: skip
"""Read marks, bookmarks, library search and the sidebar's grouping and order."""

MOVING_KEYS: list[BindingType] = [
    Binding("]", "next_section", "Section", id="next-section",
            tooltip="Scroll the article to the start of the next section"),
    Binding("[", "previous_section", "Prev section", show=False, id="previous-section",
            tooltip="Scroll the article to the start of the previous section"),
    Binding("J", "next_article", "Article", id="next-article",
            tooltip="Open the next article in the sidebar"),
    Binding("K", "previous_article", "Prev article", show=False, id="previous-article",
            tooltip="Open the previous article in the sidebar"),
]  # fmt: skip
"""Moving through the article's sections and the library's articles."""

DISPLAY_KEYS: list[BindingType] = [
    Binding('"', "toggle_quotes", "Quotes: on", id="toggle-quotes",
            tooltip="Highlight quotations and their speakers, or show them as plain text"),
    Binding("c", "toggle_credits", "Credits: on", show=False, id="toggle-credits",
            tooltip="Show or hide image and video credit markers"),
    Binding("z", "toggle_boilerplate", "Boilerplate", show=False, id="toggle-boilerplate",
            tooltip="Unfold or fold promos, related links and wire footers"),
]  # fmt: skip
"""What the pane shows: quote highlighting, credit markers, boilerplate."""

SIDEBAR_KEYS: list[BindingType] = [
    Binding("s", "toggle_sidebar", "Sidebar", show=False, id="toggle-sidebar",
            tooltip="Show or hide the list of articles and sections"),
    Binding(">", "resize_sidebar(5)", "Wider sidebar", show=False, id="widen-sidebar",
            tooltip="Give the sidebar a larger share of the terminal"),
    Binding("<", "resize_sidebar(-5)", "Narrower sidebar", show=False, id="narrow-sidebar",
            tooltip="Give the sidebar a smaller share of the terminal"),
    Binding("tab", "focus_next_pane", "Switch pane", show=False, id="focus-next-pane",
            tooltip="Move the keyboard focus between the sidebar and the article"),
]  # fmt: skip
"""The sidebar: shown or hidden, its width, the focus between it and the pane."""

FIND_KEYS: list[BindingType] = [
    Binding("/", "find", "Find", id="find", tooltip="Search the article for some text"),
    Binding("n", "find_next", "Next match", show=False, id="find-next",
            tooltip="Go to the next match of the last search"),
    Binding("N", "find_previous", "Previous match", show=False, id="find-previous",
            tooltip="Go to the previous match of the last search"),
    Binding("escape", "close_find", "Close find", show=False, id="close-find",
            tooltip="Close the find bar and clear the match highlight"),
]  # fmt: skip
"""Finding text in the article."""

QUOTE_KEYS: list[BindingType] = [
    Binding("a", "toggle_speakers", "Speakers: on", show=False, id="toggle-speakers",
            tooltip="Show or hide the “— Speaker” line after attributed quotations"),
    Binding("}", "next_quote", "Quote", id="next-quote",
            tooltip="Scroll to the next quotation and make it the current one"),
    Binding("{", "previous_quote", "Prev quote", show=False, id="previous-quote",
            tooltip="Scroll to the previous quotation and make it the current one"),
    Binding("w", "show_quotes", "Who said it", show=False, id="show-quotes",
            tooltip="Swap the sidebar between articles and the quotes grouped by speaker"),
    Binding("y", "copy_quote", "Copy quote", show=False, id="copy-quote",
            tooltip="Copy the current quotation as a Markdown citation"),
    Binding("Y", "copy_paragraph", "Copy paragraph", show=False, id="copy-paragraph",
            tooltip="Copy the paragraph at the top of the page as a Markdown citation"),
]  # fmt: skip
"""Quotations: speaker lines, moving between quotes, the quote list, copying."""
