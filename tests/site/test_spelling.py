"""Spelling: every word of every built page is in its language's Hunspell dictionary or word list."""

from __future__ import annotations

import pytest

from handbook.content.site import Site
from handbook.commands.spellcheck import check, page_text, unknown_words
from tests.support import LANGUAGES, Build


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_is_known_to_the_dictionary_or_the_word_list(site: Site, build: Build, language: str) -> None:
    unknown = check(site, build.site, language)
    assert unknown == {}, (
        f"Unknown {language} words (fix the spelling, or add a real word to translations/{language}/words.txt):\n"
        + "\n".join(f"  {page}: {' '.join(words)}" for page, words in unknown.items()))


def test_the_check_finds_a_misspelling() -> None:
    html = '<html><body><article><p>The customr is angry.</p><p lang="tr">müşteri</p></article></body></html>'
    assert unknown_words(page_text(html, "en"), "en") == ["customr"]
