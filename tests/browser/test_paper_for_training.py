"""Paper for a training room, printed from Chromium: a chapter asks its knowledge check and gives
the answers at its end; "Print the handouts" on a scenario opens sheets that print one per page."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from handbook.content.words import load_words
from tests.site.test_training_paper import markdown_text, opening, page_texts, source_scenarios
from tests.support import LANGUAGES, SITE

WORDS = load_words(SITE.project_dir, SITE.languages, SITE.default)


def chromium_pages(file: Path) -> list[str]:
    """The text of each page of a PDF from Chromium, squeezed: its text layer splits words where
    the font changes (Kazakh letters such as ұ come from a fallback font) and joins ligatures."""
    return [squeeze(text) for text in page_texts(file)]


def squeeze(text: str) -> str:
    """Text without white space, and with ligatures (ﬀ) as their letters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_chapter_asks_its_questions_and_answers_them_at_its_end(
        page: Page, site_url: str, tmp_path: Path, language: str) -> None:
    source = SITE.source_of(language, "listening").read_text(encoding="utf-8")
    questions = [squeeze(opening(markdown_text(q), 4)) for q in re.findall(r"^\*\*(\d+\..+)\*\*$", source, re.M)]
    explanations = [squeeze(opening(markdown_text(e), 5)) for e in re.findall(r'\?\?\? question "[^"]*"\n\n\s+(.+)', source)]
    assert len(questions) >= 3 and len(explanations) >= 6
    page.goto(site_url + SITE.page_url(language, "listening"))
    page.locator("details.question summary").first.click()  # opened on screen: still no answer on paper
    target = tmp_path / "listening.pdf"
    page.pdf(path=str(target), format="A4")
    pages = chromium_pages(target)
    key = next(number for number, text in enumerate(pages) if squeeze(WORDS[language]["print.answer_key"]) in text)
    for question in questions:
        assert any(question in text for text in pages[:key]), f"'{question}' is not asked before the answer key"
    for explanation in explanations:
        assert not any(explanation in text for text in pages[:key]), f"'{explanation}' is given away"
        assert any(explanation in text for text in pages[key:]), f"'{explanation}' is not in the answer key"


@pytest.mark.parametrize("language", ["en", "kk"])
def test_print_the_handouts_gives_a_page_per_role_and_one_for_the_observers(
        page: Page, site_url: str, tmp_path: Path, language: str) -> None:
    scenario_id, (roles, checklist) = next(iter(source_scenarios(language).items()))
    page.goto(site_url + SITE.page_url(language, "scenarios") + "#" + scenario_id)
    link = page.locator(f"#{scenario_id} ~ .hb-handouts-link a").first
    expect(link).to_have_text(WORDS[language]["print.handouts"])
    link.click()
    expect(page).to_have_url(site_url + SITE.page_url(language, f"handouts/{scenario_id}"))
    target = tmp_path / "handouts.pdf"
    page.pdf(path=str(target), format="A4")
    pages = chromium_pages(target)
    assert len(pages) == len(roles) + 1
    for text, (name, brief) in zip(pages, roles):
        assert squeeze(name) in text and squeeze(opening(brief)) in text
    assert all(squeeze(opening(item, 4)) in pages[-1] for item in checklist)
