"""A host with one 404 page for the whole site (GitHub Pages) serves the root 404.html for every
missing address: it shows the language of the address, or every language without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support import DEFAULT, LANGUAGES, SITE, Build


def one_404_for_everything(page: Page, build: Build) -> None:
    body = (build.site / "404.html").read_text(encoding="utf-8")
    page.route("**/no-such-page/", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_root_404_page_speaks_the_language_of_the_missing_address(page: Page, site_url: str, build: Build,
                                                                     language: str) -> None:
    one_404_for_everything(page, build)
    page.goto(site_url + SITE.root(language) + "no-such-page/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    shown = page.locator("[data-hb-not-found]:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_have_attribute("lang", language)
    shown.locator("a").click()
    page.wait_for_url(site_url + SITE.root(language))


def test_without_javascript_the_root_404_page_shows_every_language(browser: Browser, site_url: str,
                                                                   build: Build) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        one_404_for_everything(page, build)
        page.goto(site_url + "kk/no-such-page/")
        shown = page.locator("[data-hb-not-found]:visible")
        expect(shown).to_have_count(len(LANGUAGES))
        assert [shown.nth(i).get_attribute("lang") for i in range(len(LANGUAGES))][0] == DEFAULT
    finally:
        context.close()
