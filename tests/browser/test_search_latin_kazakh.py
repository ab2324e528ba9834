"""Kazakh typed in the 2021 Latin alphabet, with or without its diacritics, finds the Cyrillic
words; and the results highlight the words found, however the reader typed them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.search_helpers import search
from tests.support import SITE


@pytest.mark.parametrize("typed,word", [
    ("şağym", "шағым"), ("sagym", "шағым"),
    ("kömek", "көмек"), ("komek", "көмек"),
    ("toqtatu", "тоқтату"),
    ("klient", "клиент"),
    ("qarym", "қарым"),
    ("şeşim", "шешім"), ("sesim", "шешім"),
])
def test_latin_letters_find_and_highlight_the_kazakh_word(page: Page, site_url: str, typed: str, word: str) -> None:
    page.goto(site_url + SITE.root("kk"))
    results = search(page, typed)
    assert results, f"{typed!r} found nothing on the Kazakh site"
    marks = [mark.lower() for r in results for mark in r["marks"]]
    assert any(mark.startswith(word) for mark in marks), f"{typed!r} highlighted {sorted(set(marks))[:12]}, not {word!r}"


@pytest.mark.parametrize("language,typed,word", [
    ("tr", "musteri", "müşteri"),
    ("pt", "negociacao", "negociação"),
    ("is", "vidskiptavin", "viðskiptavin"),
    ("kk", "токтату", "тоқтату"),
])
def test_folded_matches_are_highlighted_as_the_page_writes_them(
        page: Page, site_url: str, language: str, typed: str, word: str) -> None:
    page.goto(site_url + SITE.root(language))
    results = search(page, typed)
    marks = [mark.lower() for r in results for mark in r["marks"]]
    assert any(mark.startswith(word) for mark in marks), f"{typed!r} highlighted {sorted(set(marks))[:12]}, not {word!r}"

