"""Privacy and accessibility: no request leaves the site's own host; axe finds no violations."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page

from tests.support import LANGUAGES, PAGES, SITE


def test_no_page_in_any_language_requests_another_host(context: BrowserContext, site_url: str) -> None:
    own = urlsplit(site_url).netloc
    outside: list[str] = []
    context.on("request", lambda request: outside.append(request.url)
               if urlsplit(request.url).scheme in {"http", "https", "ws", "wss"} and urlsplit(request.url).netloc != own
               else None)
    page = context.new_page()
    for language in LANGUAGES:
        for name in PAGES:
            page.goto(site_url + SITE.page_url(language, name), wait_until="networkidle")
        page.locator("input.md-search__input").click()  # loads the search worker and its index
        page.wait_for_load_state("networkidle")
    assert outside == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["index", "decision-tool", "decision-tool-overview"])
def test_axe_finds_no_accessibility_violations(page: Page, site_url: str, language: str, name: str) -> None:
    page.goto(site_url + SITE.page_url(language, name))
    results = Axe().run(page)
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
