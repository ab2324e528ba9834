"""Accessibility: axe finds no violations on any kind of page, in either colour scheme. (That no page
asks another host for anything is tested with the other requests, in test_speed_and_requests.py.)"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.support import LANGUAGES, SITE


# Every kind of page: the home page, a chapter, the phrasebook, the decision tool after an
# answer, its overview, the print page, the quick card and a scenario's handouts.
PAPER = ["print", "quick-card", "handouts/angry-caller"]
KINDS = ["index", "listening", "phrasebook", "decision-tool", "decision-tool-overview", *PAPER]


# The dark scheme changes colours only (Material's palette), so there axe runs the rules that read
# colours; in the light scheme it runs every rule. The paper pages (print, quick card, handouts)
# have no dark scheme: they are shown as they print.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                "resultTypes": ["violations"]}
TOGGLE = "form[data-md-component=palette] label:visible"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", KINDS)
def test_axe_finds_no_accessibility_violations_in_either_colour_scheme(
        page: Page, site_url: str, language: str, name: str) -> None:
    page.goto(site_url + SITE.page_url(language, name))
    if name == "decision-tool":
        page.locator("#red-flags--none").check()  # the red-flag checklist: none of these
        page.locator("#red-flags .hb-checklist__continue").click()
        expect(page.locator(".hb-tool__answers")).to_be_visible()
    light = Axe().run(page)
    assert light.response["violations"] == [], light.generate_report()
    if name in PAPER:
        expect(page.locator(TOGGLE)).to_have_count(0)
        return
    page.locator(TOGGLE).first.click()  # the reader switches to the dark scheme
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    dark = Axe().run(page, options=COLOUR_RULES)
    assert dark.response["violations"] == [], dark.generate_report()


def test_a_system_that_prefers_dark_opens_every_language_in_the_dark_scheme(browser: Browser, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        for language in LANGUAGES:
            page.goto(site_url + SITE.page_url(language, "listening"))
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    finally:
        context.close()
