"""The reader's text: Article → items → wrapped, styled lines for the reading pane.

- :mod:`~tui.reader.items` flattens an ``Article`` into layout items (title, byline,
  paragraph, credit marker, boilerplate fold…), each tied to its place in the article.
- :mod:`~tui.reader.textlayout` wraps plain text, measures columns and finds matches.
- :mod:`~tui.reader.render` turns an item into lines of Textual ``Content`` whose spans are
  theme-variable styles (``"$quote"``).

No widget code: it may import :mod:`tui.article` and Textual's ``Content``/Rich's cell
measures, never the screens, widgets, app, library or settings (import-linter checks this).
"""
