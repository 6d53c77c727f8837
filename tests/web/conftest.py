"""A real server (uvicorn on a free loopback port) and Debian's Chromium driven by Playwright.

Every request the page makes to a host other than the test server is blocked and recorded, and
every console error or uncaught exception is recorded: each test fails on either.
"""

from __future__ import annotations

import importlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, sync_playwright

from strife.store import Store
from tests.web.fixtures import extractions

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# The app factory under test; a variable only so that a stand-in can be pointed at by hand.
APP_FACTORY = os.environ.get("STRIFE_WEB_TEST_APP", "strife.api.app:create_app")


def _factory() -> Callable[..., Any]:
    module, _, name = APP_FACTORY.partition(":")
    factory: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return factory


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("web") / "events.db"
    with Store.open(str(path)) as store:
        for extraction in extractions():
            store.add(extraction)
    return str(path)


@pytest.fixture(scope="session")
def server(database: str) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(_factory()(database), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (never playwright install)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page plus what went wrong on it."""

    page: Page
    base: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def ui(browser: Browser, server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watched = Watched(page, server)
    origin = urlsplit(server).netloc

    def route(r: Route) -> None:
        url = r.request.url
        if urlsplit(url).netloc == origin or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            watched.blocked.append(url)
            r.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.errors.append(message.text)

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda exc: watched.errors.append(f"uncaught: {exc}"))
    yield watched
    context.close()
    assert watched.blocked == [], "requests left the test server"
    assert watched.errors == [], "errors in the browser console"
