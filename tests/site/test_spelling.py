"""Spelling: every word of every built page is in its language's Hunspell dictionary or word list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.content.site import Site
from handbook.commands.spellcheck import check, page_text, unknown_words
from tests.support import DEFAULT, LANGUAGES, Build


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_is_known_to_the_dictionary_or_the_word_list(site: Site, build: Build, language: str) -> None:
    unknown = check(site, build.site, language)
    assert unknown == {}, (
        f"Unknown {language} words (fix the spelling, or add a real word to translations/{language}/words.txt):\n"
        + "\n".join(f"  {page}: {' '.join(words)}" for page, words in unknown.items()))


def test_the_check_finds_a_misspelling() -> None:
    html = '<html><body><article><p>The customr is angry.</p><p lang="tr">müşteri</p></article></body></html>'
    assert unknown_words(page_text(html, "en"), "en") == ["customr"]


def test_the_check_names_the_page_of_a_misspelling(site: Site, build: Build, tmp_path: Path) -> None:
    for page in ("listening", "facts"):
        shutil.copytree(site.built_file(build.site, DEFAULT, page).parent, tmp_path / page)
    shutil.copy(build.site / "404.html", tmp_path / "404.html")
    facts = tmp_path / "facts" / "index.html"
    facts.write_text(facts.read_text(encoding="utf-8").replace("</article>", "<p>The customr is angry.</p></article>", 1),
                     encoding="utf-8")
    assert check(site, tmp_path, DEFAULT) == {str(Path("facts") / "index.html"): ["customr"]}
