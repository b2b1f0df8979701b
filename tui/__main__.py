"""``python -m tui``: the same program as the ``newsread`` command (see :mod:`tui.cli`)."""

from __future__ import annotations

from tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
