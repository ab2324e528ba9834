"""A real browser (Playwright driving Chromium) against the built site served on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from tests.browser.shared_context import SharedContext, shared
from tests.support import Build, serve

NO_BROWSER = (
    "No Chromium browser was found for the browser tests. Install one of:\n"
    "  - Debian/Ubuntu: sudo apt-get install chromium   (used from /usr/bin/chromium)\n"
    "  - anywhere else: python -m playwright install chromium\n"
    "or point HANDBOOK_CHROMIUM at a Chromium executable."
)

# What the tests wait for happens at once on an idle machine; on a busy one, with Chromium on
# every core, it can take a few seconds. A longer limit costs a passing test nothing.
expect.set_options(timeout=15_000)

# Keep Chromium from calling home: the privacy tests count every request that leaves 127.0.0.1.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps",
                 "--no-first-run", "--disable-quic"]


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
        except PlaywrightError as error:  # no browser at all: fail, never skip
            pytest.fail(f"{NO_BROWSER}\n\n({str(error).splitlines()[0]})", pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def desktop(browser: Browser) -> Iterator[SharedContext]:
    yield from shared(browser, viewport={"width": 1280, "height": 900})


@pytest.fixture
def context(desktop: SharedContext) -> Iterator[BrowserContext]:
    """A desktop browser context (1280 × 900) with nothing left in it by an earlier test."""
    yield desktop.context
    desktop.empty()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site: Build) -> Iterator[str]:
    """The site with the small decision tree of tests/fixture_tree.py in place of the real one,
    in every language, for tests of how the tool behaves (not of what the real tree says)."""
    server, url = serve(fixture_site.site)
    yield url
    server.shutdown()
