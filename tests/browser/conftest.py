"""A real browser (Playwright driving Chromium) against the built site served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from support import LANGUAGES, Build

NO_BROWSER = (
    "No Chromium browser was found for the browser tests. Install one of:\n"
    "  - Debian/Ubuntu: sudo apt-get install chromium   (used from /usr/bin/chromium)\n"
    "  - anywhere else: python -m playwright install chromium\n"
    "or point HANDBOOK_CHROMIUM at a Chromium executable."
)

# Keep Chromium from calling home: the privacy tests count every request that leaves 127.0.0.1.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps",
                 "--no-first-run", "--disable-quic"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, with each language's own 404 page, as a web host would be set up."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        first = urlsplit(self.path).path.strip("/").split("/")[0]
        page = Path(self.directory) / (first if first in LANGUAGES else "") / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(build: Build) -> Iterator[str]:
    server, url = serve(build.site)
    yield url
    server.shutdown()


def _executable() -> str | None:
    """Chromium to drive: HANDBOOK_CHROMIUM, the system's, or None for Playwright's own."""
    for candidate in (os.environ.get("HANDBOOK_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=_executable(), args=CHROMIUM_ARGS)
        except Exception as error:  # no browser at all: fail, never skip
            pytest.fail(f"{NO_BROWSER}\n\n({str(error).splitlines()[0]})", pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
