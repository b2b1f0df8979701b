"""Where newsread finds its bundled data and keeps the user's files.

Bundled data (example articles, built-in themes) lives in ``tui/_data/`` inside an installed
wheel (pyproject force-includes the top-level ``examples/`` and ``themes/`` there) and at the top
of the repository in a source or editable checkout. User directories come from platformdirs and
follow ``XDG_CONFIG_HOME``/``XDG_DATA_HOME``/``XDG_CACHE_HOME`` on Linux, which is how tests
redirect them: these functions are the one seam, nothing else computes such paths.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

__all__ = ["cache_dir", "config_dir", "data_dir", "examples_dir", "themes_dir"]

APP_NAME = "newsread"
"""The application name used for the user directories."""

_PACKAGE = Path(__file__).resolve().parent.parent
"""The ``tui`` package folder (this module lives in ``tui/settings/``)."""


def _bundled(name: str) -> Path:
    """Find a bundled data directory: the wheel's ``tui/_data/<name>``, else ``<repo>/<name>``."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def examples_dir() -> Path:
    """The bundled example articles (opened by ``newsread`` with no arguments).

    Returns:
        The directory (it exists in any correct install or checkout).
    """
    return _bundled("examples")


def themes_dir() -> Path:
    """The built-in theme files (``*.toml``).

    Returns:
        The directory (it exists in any correct install or checkout).
    """
    return _bundled("themes")


def config_dir() -> Path:
    """The user's configuration directory (``~/.config/newsread`` on Linux).

    Returns:
        The path; it is not created.
    """
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """The user's data directory for runtime state such as read marks.

    Returns:
        The path; it is not created.
    """
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The cache directory for the article index.

    Returns:
        The path; it is not created.
    """
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)
