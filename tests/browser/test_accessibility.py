"""Accessibility: axe finds no violations on any kind of page, in either colour scheme. (That no page
asks another host for anything is tested with the other requests, in test_speed_and_requests.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.browser.shared_context import SharedContext
from tests.support import LANGUAGES, SITE


# Every kind of page: the home page, a chapter, the phrasebook, the decision tool after an
# answer, its overview, the print page, the quick card and a scenario's handouts.
KINDS = ["index", "listening", "phrasebook", "decision-tool", "decision-tool-overview", "print", "quick-card",
         "handouts/angry-caller"]


# The dark scheme changes colours only (Material's palette), so there axe runs the rules that read
# colours; in the light scheme it runs every rule.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                "resultTypes": ["violations"]}


@pytest.fixture(scope="session")
def schemes(browser: Browser) -> Iterator[dict[str, SharedContext]]:
    """A desktop context for each colour scheme the reader's system may ask for."""
    contexts = {scheme: SharedContext(browser, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
                for scheme in ("light", "dark")}
    yield contexts
    for shared in contexts.values():
        shared.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", KINDS)
def test_axe_finds_no_accessibility_violations_in_either_colour_scheme(
        schemes: dict[str, SharedContext], site_url: str, language: str, name: str, scheme: str) -> None:
    try:
        page = schemes[scheme].new_page()
        page.goto(site_url + SITE.page_url(language, name))
        if name == "decision-tool":
            page.locator("#red-flags--none").check()  # the red-flag checklist: none of these
            page.locator("#red-flags .hb-checklist__continue").click()
            expect(page.locator(".hb-tool__answers")).to_be_visible()
        if page.locator("body[data-md-color-scheme]").count():
            expected = "slate" if scheme == "dark" else "default"
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        results = Axe().run(page, options=COLOUR_RULES) if scheme == "dark" else Axe().run(page)
        assert results.response["violations"] == [], results.generate_report()
    finally:
        schemes[scheme].empty()
