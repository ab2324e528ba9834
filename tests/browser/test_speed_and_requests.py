"""What a page load asks of the server: nothing from another host, nothing that fails, no
sitemap, no search index until the reader starts to search, and a first visit to a chapter within its budget, served as a static
host serves it (gzip, per-language 404 pages: handbook/commands/static_host.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from handbook.commands.static_host import StaticHost, serve
from tests.browser.search_helpers import _FINISHED, _READY
from tests.support import LANGUAGES, PAGES, SITE, Build

CHAPTER = "listening"
# Bytes transferred, gzip, empty cache. Material starts the search worker with the page; the
# worker downloads its engine and word handling only when the reader starts to search.
FIRST_VISIT_BUDGET = 90_000


ASKED: list[str] = []  # every path the server below was asked for, in order


class RecordingHost(StaticHost):
    """The static host, noting each path it is asked for: what the server saw is what was downloaded,
    whether the page or its search worker asked for it."""

    def do_GET(self) -> None:
        ASKED.append(urlsplit(self.path).path)
        super().do_GET()


@pytest.fixture(scope="module")
def gzip_site_url(build: Build) -> Iterator[str]:
    server, url = serve(build.site, SITE, host=RecordingHost)
    yield url
    server.shutdown()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A new context for each test, not the shared one: these tests watch what a first visit
    asks of the server, with nothing in the browser's cache."""
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    fresh.set_default_timeout(20_000)
    yield fresh
    fresh.close()


class Traffic:
    """Every request a browser context makes, and those of the site that failed (network error or
    4xx/5xx); `settle` waits until none has been in flight for a moment. Playwright's own
    "networkidle" waits a fixed half second after the last request of every page, which on
    85 pages is most of the time a walk takes; this waits for the page's own requests."""

    QUIET = 0.1  # seconds with no request in flight
    LONGEST = 15.0  # seconds a page may keep requests open before the walk stops with an error

    def __init__(self, context: BrowserContext, site_url: str) -> None:
        self.requested: list[str] = []
        self.failed: list[str] = []
        self._open: set[Request] = set()
        self._last = time.monotonic()
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        # A request cut short because the walk moves on to the next page (ERR_ABORTED) has not failed.
        context.on("requestfailed", lambda r: self._ended(r, None if "ERR_ABORTED" in (r.failure or "") else
                                                           f"{r.url} ({r.failure})"))
        context.on("response", lambda r: self.failed.append(f"{r.url} ({r.status})")
                   if r.url.startswith(site_url) and r.status >= 400 else None)
        self.site_url = site_url

    def _started(self, request: Request) -> None:
        self.requested.append(request.url)
        self._open.add(request)
        self._last = time.monotonic()

    def _ended(self, request: Request, failure: str | None = None) -> None:
        self._open.discard(request)
        self._last = time.monotonic()
        if failure and request.url.startswith(self.site_url):
            self.failed.append(failure)

    def settle(self, page: Page) -> None:
        """Wait until no request has been in flight for QUIET seconds."""
        deadline = time.monotonic() + self.LONGEST
        while self._open or time.monotonic() - self._last < self.QUIET:
            if time.monotonic() > deadline:
                raise AssertionError(f"{page.url} still waits for {[r.url for r in self._open]}")
            page.wait_for_timeout(50)  # lets Playwright deliver the events that end requests


# A language's walk is made once, on one worker, for the three tests that read it (tests/conftest.py).
@pytest.fixture(scope="module", params=[pytest.param(language, marks=pytest.mark.xdist_group(f"walk-{language}"))
                                        for language in LANGUAGES])
def walk(request: pytest.FixtureRequest, browser: Browser, gzip_site_url: str) -> Iterator[tuple[str, Traffic]]:
    """A reader opens every page of one language, then its search (the worker and the index)."""
    language = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    traffic = Traffic(context, gzip_site_url)
    page = context.new_page()
    for name in PAGES:
        page.goto(gzip_site_url + SITE.page_url(language, name))
        traffic.settle(page)
    page.locator("input.md-search__input").click()
    traffic.settle(page)
    seen = [gzip_site_url + SITE.page_url(language, name) for name in PAGES] + [
        f"{gzip_site_url}{SITE.root(language)}search/search_index.json"]
    assert set(seen) <= set(traffic.requested), "the walk did not see its own pages and search index requested"
    yield language, traffic
    context.close()


def test_no_page_in_any_language_requests_another_host(walk: tuple[str, Traffic], gzip_site_url: str) -> None:
    language, traffic = walk
    own = urlsplit(gzip_site_url).netloc
    outside = [url for url in traffic.requested
               if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).netloc != own]
    assert outside == [], f"the {language} pages asked another host for {outside}"


def test_no_page_makes_a_failed_request(walk: tuple[str, Traffic]) -> None:
    language, traffic = walk
    assert not traffic.failed, f"failed requests on the {language} pages: {traffic.failed}"


def test_no_page_fetches_a_sitemap(walk: tuple[str, Traffic]) -> None:
    language, traffic = walk
    sitemaps = [url for url in traffic.requested if url.endswith("sitemap.xml")]
    assert not sitemaps, f"the {language} pages downloaded {sitemaps}"


def _record(page: Page, url: str) -> list[str]:
    """Every same-origin request the page makes."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if r.url.startswith(url) else None)
    return requested


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_first_visit_to_a_chapter_stays_within_its_budget(page: Page, gzip_site_url: str, language: str) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    transferred: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda e: transferred.__setitem__(e["requestId"], e["encodedDataLength"]))
    requested = _record(page, gzip_site_url)
    page.goto(gzip_site_url + SITE.page_url(language, CHAPTER), wait_until="networkidle")
    total = sum(transferred.values())
    assert total <= FIRST_VISIT_BUDGET, f"a first visit to {language}/{CHAPTER} transferred {total} bytes: {requested}"
    assert not [url for url in requested if "search_index.json" in url or "/search." in url
                or "search-engine.js" in url or "handbook-words.js" in url], requested
    assert not [url for url in requested if "decision-tool.js" in url], requested


def _search_ready(page: Page) -> list[str]:
    """Wait until the search worker is ready ("Type to start searching"); what the server was asked
    for since ASKED was last cleared."""
    page.wait_for_function(_READY, polling=100, timeout=30_000)
    return list(ASKED)


def _index(language: str) -> str:
    return f"/{SITE.root(language)}search/search_index.json"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_index_loads_when_the_reader_starts_to_search(page: Page, gzip_site_url: str, language: str) -> None:
    page.goto(gzip_site_url + SITE.page_url(language, CHAPTER), wait_until="networkidle")
    ASKED.clear()
    page.locator("input.md-search__input").click()  # the reader clicks in the search box
    asked = _search_ready(page)
    assert _index(language) in asked, f"starting to search in {language} downloaded {asked}"


def test_the_search_engine_loads_with_the_index_when_the_reader_starts_to_search(page: Page, gzip_site_url: str) -> None:
    page.goto(gzip_site_url + SITE.page_url("tr", CHAPTER), wait_until="networkidle")
    ASKED.clear()
    page.keyboard.press("/")  # Material's keyboard shortcut for the search box
    expect(page.locator("input.md-search__input")).to_be_focused()
    asked = _search_ready(page)
    engine = {"/assets/javascripts/workers/search-engine.js", "/assets/javascripts/workers/handbook-words.js", _index("tr")}
    assert engine <= set(asked), f"starting to search downloaded {asked}"


def test_the_worker_is_ready_before_materials_setup_arrives(page: Page, gzip_site_url: str) -> None:
    """The page tells the worker the moment search opens; it downloads and reads the index and
    answers without waiting for Material's own setup (search_setup.json, held back here)."""
    held = []
    page.route("**/search/search_setup.json", lambda route: held.append(route))  # not answered until the end
    page.goto(gzip_site_url + SITE.page_url("kk", CHAPTER), wait_until="networkidle")
    ASKED.clear()
    page.locator("input.md-search__input").click()
    asked = _search_ready(page)
    assert _index("kk") in asked, asked
    assert held, "Material asked for its setup"
    page.locator("input.md-search__input").fill(SITE.language("kk").search_word)
    page.wait_for_function(_FINISHED, polling=50, timeout=10_000)
    assert page.locator(".md-search-result__item").count() > 0
    for route in held:
        route.continue_()


def test_the_search_index_loads_when_the_search_box_is_tapped(page: Page, gzip_site_url: str) -> None:
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(gzip_site_url + SITE.page_url("kk", CHAPTER), wait_until="networkidle")
    ASKED.clear()
    page.locator("label.md-header__button[for=__search]").click()
    asked = _search_ready(page)
    assert _index("kk") in asked, f"tapping the search button downloaded {asked}"


def test_the_decision_tool_script_loads_on_its_page(page: Page, gzip_site_url: str) -> None:
    with page.expect_response(lambda r: r.url.endswith("decision-tool.js") and r.status == 200):
        page.goto(gzip_site_url + SITE.page_url("kk", "decision-tool"))
