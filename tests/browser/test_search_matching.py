"""Search finds the section that answers in every language: from another form of the word
(stemming), an everyday word (synonyms), a typo in a longer word, or pasted text; chapter sections
come before quizzes and the decision tool's steps; nothing outside the reader's language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.search_helpers import _FINISHED, rows, search
from tests.support import SITE


def top_three(page: Page, site_url: str, language: str, query: str) -> list[str]:
    """Every location shown in the first three rows for `query`."""
    page.goto(site_url + SITE.root(language) + "listening/")
    search(page, query)
    return [location for row in rows(page, site_url + SITE.root(language))[:3] for location in row]


@pytest.mark.parametrize("language,query,section", [
    ("en", "apologizing", "how-to-fire/#apologise"),
    ("tr", "bana bağırıyor", "staying-calm/#stay-professional-when-they-shout"),
    ("is", "samningaviðræðum", "resolving/#controlled-negotiation"),
    ("pt", "interromper", "listening/#listen-without-interrupting"),
    ("kk", "айғайлайды", "staying-calm/#stay-professional-when-they-shout"),
    ("kk", "мәселенің себебі", "facts/#find-the-root-cause"),  # себеп / себебі: the consonant alternates
])
def test_another_form_of_the_word_finds_the_section(page: Page, site_url: str, language: str, query: str, section: str) -> None:
    assert section in top_three(page, site_url, language, query)


@pytest.mark.parametrize("language,query,section", [
    ("en", "yelling", "staying-calm/#stay-professional-when-they-shout"),
    ("tr", "tazminat", "how-to-fire/#extend-goodwill"),
    ("is", "skaðabætur", "how-to-fire/#extend-goodwill"),
    ("pt", "indemnização", "how-to-fire/#extend-goodwill"),
    ("kk", "өтемақы", "how-to-fire/#extend-goodwill"),
])
def test_an_everyday_word_finds_the_handbooks_word_through_the_synonyms(
        page: Page, site_url: str, language: str, query: str, section: str) -> None:
    assert section in top_three(page, site_url, language, query)


@pytest.mark.parametrize("language,query,section", [
    ("en", "negociation", "resolving/#controlled-negotiation"),
    ("tr", "müzakre", "resolving/#controlled-negotiation"),
    ("is", "samningaviðrður", "resolving/#controlled-negotiation"),
    ("pt", "negosiação", "resolving/#controlled-negotiation"),
    ("kk", "шиеленскен", "staying-calm/#step-out-of-heated-situations"),
])
def test_a_typo_in_a_longer_word_still_finds_the_section(page: Page, site_url: str, language: str, query: str, section: str) -> None:
    assert section in top_three(page, site_url, language, query)


@pytest.mark.parametrize("language,query", [("en", "қоштасу"), ("tr", "айғайлайды"), ("kk", "müşterilerin"), ("is", "müşterilerin")])
def test_a_word_of_another_language_finds_nothing(page: Page, site_url: str, language: str, query: str) -> None:
    page.goto(site_url + SITE.root(language))
    assert search(page, query) == []


def test_a_chapter_section_comes_before_its_quiz(page: Page, site_url: str) -> None:
    shown = top_three(page, site_url, "en", "listen without interrupting")
    assert shown[:2] == ["listening/", "listening/#listen-without-interrupting"]
    assert "listening/#check-your-understanding" not in shown


def test_the_decision_tools_steps_take_one_row(page: Page, site_url: str) -> None:
    page.goto(site_url + "listening/")
    search(page, "physically threatening")
    tool = [row for row in rows(page, site_url) if row[0] == "decision-tool/"]
    assert tool == [["decision-tool/"]]


@pytest.mark.parametrize("language,query,section", [
    ("en", "compensation", "how-to-fire/#extend-goodwill"),
    ("kk", "айғайлайды", "staying-calm/#stay-professional-when-they-shout"),
])
def test_pasted_or_dictated_text_searches_without_a_key_press(
        page: Page, site_url: str, language: str, query: str, section: str) -> None:
    page.goto(site_url + SITE.root(language) + "listening/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)  # as a paste or a dictation delivers it: an input event, no key
    page.wait_for_function(_FINISHED, polling=100, timeout=5_000)
    shown = [location for row in rows(page, site_url + SITE.root(language))[:3] for location in row]
    assert section in shown
