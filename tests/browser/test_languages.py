"""Languages in the browser: the switcher keeps page and section, each language has its own 404."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from support import DEFAULT, LANGUAGES, NATIVE_NAMES, page_path, url_prefix


def open_switcher(page: Page) -> None:
    page.locator(".md-header__option .md-select button").hover()


def test_the_switcher_lists_all_languages_by_their_native_names(page: Page, site_url: str) -> None:
    page.goto(site_url + "tr/listening/")
    open_switcher(page)
    links = page.locator("a.md-select__link")
    assert [links.nth(i).inner_text().strip() for i in range(links.count())] == [NATIVE_NAMES[lang] for lang in LANGUAGES]
    assert [links.nth(i).get_attribute("lang") for i in range(links.count())] == LANGUAGES


@pytest.mark.parametrize("source,target", [("tr", "kk"), ("kk", "en"), ("en", "pt"), ("pt", "is")])
def test_switching_language_keeps_the_page_and_the_section(page: Page, site_url: str, source: str, target: str) -> None:
    page.goto(site_url + page_path(source, "listening") + "#say-back-what-you-understood")
    open_switcher(page)
    page.locator(f"a.md-select__link[hreflang='{target}']").click()
    page.wait_for_load_state()
    assert page.url == site_url + page_path(target, "listening") + "#say-back-what-you-understood"
    assert page.locator("html").get_attribute("lang") == target
    heading = page.locator("#say-back-what-you-understood")
    assert heading.is_visible() and heading.evaluate("h => h.getBoundingClientRect().top < innerHeight")


def test_the_section_is_kept_after_following_an_in_page_link(page: Page, site_url: str) -> None:
    page.goto(site_url + "kk/when-to-fire/")
    page.evaluate("location.hash = '#cautions'")
    open_switcher(page)
    href = page.locator("a.md-select__link[hreflang='is']").get_attribute("href")
    assert href.endswith("/is/when-to-fire/#cautions")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_shows_the_404_page_of_its_language(page: Page, site_url: str, language: str) -> None:
    response = page.goto(site_url + url_prefix(language) + "no-such-page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    home = page.locator("article a").first
    home.click()
    page.wait_for_load_state()
    assert page.url == site_url + url_prefix(language)


def test_the_default_language_also_answers_under_its_own_prefix(page: Page, site_url: str) -> None:
    page.goto(site_url + f"{DEFAULT}/when-to-fire/#cautions")
    page.wait_for_url(site_url + "when-to-fire/#cautions")
    assert page.locator("html").get_attribute("lang") == DEFAULT
