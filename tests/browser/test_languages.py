"""Languages in the browser: the switcher keeps page and section, each language has its own 404."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support import DEFAULT, LANGUAGES, SITE, native_names


def open_switcher(page: Page) -> None:
    page.locator(".md-header__option .md-select button").hover()


def test_the_switcher_lists_all_languages_by_their_native_names(page: Page, site_url: str) -> None:
    page.goto(site_url + SITE.page_url("tr", "listening"))
    open_switcher(page)
    names = native_names()
    links = page.locator("a.md-select__link")
    expect(links).to_have_text([names[lang] for lang in LANGUAGES])
    assert [links.nth(i).get_attribute("lang") for i in range(links.count())] == LANGUAGES


@pytest.mark.parametrize("source,target", [("tr", "kk"), ("kk", "en"), ("en", "pt"), ("pt", "is")])
def test_switching_language_keeps_the_page_and_the_section(page: Page, site_url: str, source: str, target: str) -> None:
    page.goto(site_url + SITE.page_url(source, "listening") + "#say-back-what-you-understood")
    open_switcher(page)
    page.locator(f"a.md-select__link[hreflang='{target}']").click()
    page.wait_for_url(site_url + SITE.page_url(target, "listening") + "#say-back-what-you-understood")
    expect(page.locator("html")).to_have_attribute("lang", target)
    heading = page.locator("#say-back-what-you-understood")
    expect(heading).to_be_in_viewport()


def test_the_section_is_kept_after_following_an_in_page_link(page: Page, site_url: str) -> None:
    page.goto(site_url + SITE.page_url("kk", "when-to-fire"))
    page.evaluate("location.hash = '#cautions'")
    open_switcher(page)
    expect(page.locator("a.md-select__link[hreflang='is']")).to_have_attribute("href", re.compile(r"/is/when-to-fire/#cautions$"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_shows_the_404_page_of_its_language(page: Page, site_url: str, language: str) -> None:
    response = page.goto(site_url + SITE.root(language) + "no-such-page/")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("article a").first.click()
    page.wait_for_url(site_url + SITE.root(language))


def test_the_default_language_also_answers_under_its_own_prefix(page: Page, site_url: str) -> None:
    page.goto(site_url + f"{DEFAULT}/when-to-fire/#cautions")
    page.wait_for_url(site_url + SITE.page_url(DEFAULT, "when-to-fire") + "#cautions")
    expect(page.locator("html")).to_have_attribute("lang", DEFAULT)
