"""Settings: the config file, the keymap, themes and the folders newsread uses.

- :mod:`~tui.settings.config` validates the TOML config into a frozen ``Config``;
  :mod:`~tui.settings.config_source` reads the file as text (lines, quoting).
- :mod:`~tui.settings.keymap` checks ``[keymap]`` key strings and finds clashes.
- :mod:`~tui.settings.themes` turns theme TOML files into Textual themes and holds the
  defaults of newsread's theme variables.
- :mod:`~tui.settings.paths` is the one place every folder is computed (platformdirs).

Read once at start-up, before the app exists. It may import :mod:`tui.article` and Textual's
data types (keys, ``Theme``, ``Color``) but never the UI packages (app, screens, widgets) or the
library; ``paths``, ``config_source`` are Textual-free.
"""
