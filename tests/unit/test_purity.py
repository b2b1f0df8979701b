"""tui.article must never import Textual: it is the pure engine."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_article_package_imports_no_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, tui.article\n"
        "for m in pkgutil.walk_packages(tui.article.__path__, 'tui.article.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules\n"
        "             if n in ('textual', 'rich') or n.startswith(('textual.', 'rich.')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == ""
