"""Privacy and accessibility: no request leaves the site's own host; axe finds no violations."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, expect

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


# Every kind of page: the home page, a chapter, the phrasebook, the decision tool after an
# answer, its overview, the print page, the quick card and a scenario's handouts.
KINDS = ["index", "listening", "phrasebook", "decision-tool", "decision-tool-overview", "print", "quick-card",
         "handouts/angry-caller"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", KINDS)
def test_axe_finds_no_accessibility_violations_in_either_colour_scheme(
        browser: Browser, site_url: str, language: str, name: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + SITE.page_url(language, name))
        if name == "decision-tool":
            page.locator("#red-flags--none").check()  # the red-flag checklist: none of these
            page.locator("#red-flags .hb-checklist__continue").click()
            expect(page.locator(".hb-tool__answers")).to_be_visible()
        if page.locator("body[data-md-color-scheme]").count():
            expected = "slate" if scheme == "dark" else "default"
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        results = Axe().run(page)
        assert results.response["violations"] == [], results.generate_report()
    finally:
        context.close()
