"""Privacy and accessibility: no request leaves the site's own host; axe finds no violations."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page

from support import LANGUAGES, PAGES, page_path


def test_no_page_in_any_language_requests_another_host(context: BrowserContext, site_url: str) -> None:
    own = urlsplit(site_url).netloc
    outside: list[str] = []
    context.on("request", lambda request: outside.append(request.url)
               if urlsplit(request.url).scheme in {"http", "https", "ws", "wss"} and urlsplit(request.url).netloc != own
               else None)
    page = context.new_page()
    visited = 0
    for language in LANGUAGES:
        for name in PAGES:
            page.goto(site_url + page_path(language, name), wait_until="networkidle")
            visited += 1
        page.locator("input.md-search__input").click()  # loads the search worker and its index
        page.wait_for_load_state("networkidle")
    assert visited == len(LANGUAGES) * len(PAGES)
    assert outside == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["index", "decision-tool", "decision-tool-overview"])
def test_axe_finds_no_accessibility_violations(page: Page, site_url: str, language: str, name: str) -> None:
    page.goto(site_url + page_path(language, name))
    results = Axe().run(page)
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
