"""A local web site for the watcher tests: feeds and article pages served from 127.0.0.1.

The handler honours If-None-Match (ETag) and If-Modified-Since (Last-Modified) as a news site's
server does, records every request with its headers, and can answer slowly, with an error, or
with garbage, so that each failure the watcher must survive is a real HTTP exchange.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
# The hosts the fixture feeds link to; served here from the local site.
FIXTURE_HOSTS = ("https://sahelwire.test", "https://lefil.test")


@dataclass
class Route:
    body: bytes
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: bool = True
    last_modified: str | None = None
    delay: float = 0.0


@dataclass
class Site:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for seen, _ in self.requests if seen == path)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for seen, headers in self.requests if seen == path]

    def serve_fixture(self, path: str, name: str, **route: object) -> None:
        """Serve a fixture feed with its links pointing at this site."""
        self.routes[path] = Route(body=self.localise((FEEDS / name).read_bytes()), **route)  # type: ignore[arg-type]

    def localise(self, data: bytes) -> bytes:
        for host in FIXTURE_HOSTS:
            data = data.replace(host.encode(), self.base.encode())
        return data


def handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                self._answer(
                    404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"}
                )
                return
            if route.delay:
                site.release.wait(route.delay)
            headers = {"Content-Type": route.content_type}
            etag = f'"{hashlib.sha256(route.body).hexdigest()[:16]}"' if route.etag else None
            if etag:
                headers["ETag"] = etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            if route.status == 200 and self._not_modified(etag, route.last_modified):
                self._answer(304, b"", headers)
            else:
                self._answer(route.status, route.body, headers)

        def _not_modified(self, etag: str | None, last_modified: str | None) -> bool:
            if_none_match = self.headers.get("If-None-Match")
            if if_none_match is not None:  # RFC 9110: it takes precedence over the date
                return etag is not None and etag in [t.strip() for t in if_none_match.split(",")]
            since = self.headers.get("If-Modified-Since")
            if since is None or last_modified is None:
                return False
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)

        def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout tests): nobody to answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler
