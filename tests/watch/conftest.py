"""The ``site`` fixture: a local web site (see watch_support) running for one test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest

from .watch_support import Site, handler


@pytest.fixture
def site() -> Iterator[Site]:
    the_site = Site(base="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(the_site))
    host, port = server.server_address[:2]
    the_site.base = f"http://{host!s}:{port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield the_site
    finally:
        the_site.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
