"""Search: each language searches only itself, finds its own words with or without diacritics,
Kazakh typed on a Russian keyboard, and inflected forms from a stem."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page

from tests.browser.search_helpers import search
from tests.support import LANGUAGES, SITE


def language_of(href: str, site_url: str) -> str:
    assert href.startswith(site_url), href
    return SITE.language_of(href[len(site_url):])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_downloaded_index_holds_only_the_page_language(page: Page, site_url: str, language: str) -> None:
    page.goto(site_url + SITE.root(language))
    with page.expect_response(lambda r: r.url.endswith("search_index.json")) as response_info:
        page.locator("input.md-search__input").click()  # the index loads when the reader starts to search
    index = response_info.value.json()
    assert response_info.value.url == f"{site_url}{SITE.root(language)}search/search_index.json"
    for doc in index["docs"]:
        # Locations are relative to the language's own root, so none starts with another language.
        assert doc["location"].split("/")[0] not in LANGUAGES, doc["location"]
    other = [lang for lang in LANGUAGES if lang != language]
    titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    for lang in other:
        other_index = json.loads((page.context.request.get(f"{site_url}{SITE.root(lang)}search/search_index.json")).text())
        other_titles = {doc["title"] for doc in other_index["docs"] if "#" not in doc["location"]}
        assert not titles & other_titles - {"", None}, f"{language} index shares page titles with {lang}"


@pytest.mark.parametrize("language,query", [
    ("en", "client"), ("tr", "müşteri"), ("is", "viðskiptavin"), ("pt", "cliente"), ("kk", "клиент")])
def test_results_are_pages_of_the_reader_language_only(page: Page, site_url: str, language: str, query: str) -> None:
    page.goto(site_url + SITE.root(language))
    results = search(page, query)
    assert results, f"no results for {query!r} on the {language} site"
    assert {language_of(r["href"], site_url) for r in results} == {language}


@pytest.mark.parametrize("language,typed,word", [
    ("tr", "musteri", "müşteri"),
    ("pt", "negociacao", "negociação"),
    ("is", "vidskiptavin", "viðskiptavin"),
    ("is", "thjonusta", "þjónusta"),
    ("is", "vaeri", "væri"),
    ("kk", "токтату", "тоқтату"),
    ("kk", "клиентпен карым", "қарым"),
])
def test_words_typed_without_diacritics_or_on_a_russian_keyboard_are_found(
        page: Page, site_url: str, language: str, typed: str, word: str) -> None:
    page.goto(site_url + SITE.root(language))
    results = search(page, typed)
    assert results, f"{typed!r} found nothing on the {language} site"
    assert any(word in r["text"].lower() for r in results), f"no result for {typed!r} contains {word!r}"
    assert {language_of(r["href"], site_url) for r in results} == {language}


@pytest.mark.parametrize("typed", ["sınır", "SINIR", "sinir", "SİNİR", "Sınır"])
def test_turkish_dotted_and_dotless_i_all_match(page: Page, site_url: str, typed: str) -> None:
    page.goto(site_url + "tr/")
    results = search(page, typed)
    assert any("sınır" in r["text"].lower() for r in results), f"{typed!r} did not find 'sınır'"


@pytest.mark.parametrize("language,stem", [("en", "client"), ("tr", "müşteri"), ("kk", "клиент"), ("pt", "client"), ("is", "viðskiptavin")])
def test_a_stem_finds_its_inflected_forms(page: Page, site_url: str, language: str, stem: str) -> None:
    page.goto(site_url + SITE.root(language))
    results = search(page, stem)
    marks = {mark.lower() for r in results for mark in r["marks"]}
    inflected = {mark for mark in marks if mark.startswith(stem) and len(mark) > len(stem)}
    assert inflected, f"searching {stem!r} highlighted no inflected form, only {sorted(marks)[:10]}"


def test_each_language_finds_a_word_copied_from_its_own_home_page(page: Page, site_url: str) -> None:
    for language in LANGUAGES:
        page.goto(site_url + SITE.root(language))
        heading = page.locator("article h2").first.inner_text()
        word = max(re.findall(r"\w+", heading), key=len)
        results = search(page, word)
        assert results, f"{word!r} from the {language} home page found nothing"
        assert all(language_of(r["href"], site_url) == language for r in results)
