"""One browser context for many tests, emptied between them (tests/browser/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Request


class SharedContext:
    """A browser context that one worker's tests use in turn, emptied after each of them.

    Why not a new context per test, as Playwright's own fixtures give: Chromium spends about
    1 CPU-second on the first page of a new context (an empty cache: every script and style sheet
    fetched and compiled again), and half that on a new page in a context it has used. With a few
    hundred browser tests that is minutes of a 2-core machine. What a test leaves behind is
    removed after it: its pages (and with them their session storage and history), cookies,
    permissions, and the origins' storage (local storage, IndexedDB, the caches, service
    workers). Only the HTTP cache stays, which the site's pages share as a reader's visits do.
    A test that measures a first visit, or needs other options, makes a context of its own."""

    def __init__(self, browser: Browser, **options: Any) -> None:
        self.context = browser.new_context(**options)
        self.context.set_default_timeout(20_000)
        self.origins: set[str] = set()
        self.context.on("request", self._seen)
        # A page that is never navigated, for the DevTools calls that empty an origin's storage.
        self._keeper = self.context.new_page()
        self._devtools = self.context.new_cdp_session(self._keeper)

    def _seen(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https"}:
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def new_page(self) -> Page:
        return self.context.new_page()

    def empty(self) -> None:
        """Remove what a test left: its pages, cookies, permissions and every origin's storage."""
        for page in self.context.pages:
            if page is not self._keeper:
                page.close()
        self.context.clear_cookies()
        self.context.clear_permissions()
        for origin in sorted(self.origins):
            self._devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()


def shared(browser: Browser, **options: Any) -> Iterator[SharedContext]:
    """A SharedContext for a worker's tests, closed when they are done."""
    context = SharedContext(browser, **options)
    yield context
    context.context.close()
