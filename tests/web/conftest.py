"""Fixtures for the web tests: ``web_server``, a local HTTP server (see ``tests/web/server.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.server import LocalServer


@pytest.fixture
def web_server() -> Iterator[LocalServer]:
    """A running :class:`~tests.web.server.LocalServer` on 127.0.0.1, stopped after the test.

    Add routes with ``web_server.route(path, body=..., ...)``; address them with
    ``web_server.url(path)``; read back ``hits(path)``, ``requests(path)``,
    ``peak_connections``; call ``stop()`` to play "offline".
    """
    server = LocalServer().start()
    try:
        yield server
    finally:
        server.stop()
