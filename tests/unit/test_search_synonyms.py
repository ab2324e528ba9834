"""Synonym files: translators' mistakes stop the build with the line and the fix; every shipped
entry points at a word its language's pages use."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.search.synonyms import check_synonyms, load_synonyms, synonyms_file, unused
from handbook.content.source import DataError, parse_yaml
from tests.support import LANGUAGES, ROOT, SITE


def entries(text: str):
    return check_synonyms(parse_yaml(text, "translations/xx/synonyms.yml"))


def test_a_word_or_a_list_of_words_is_read_with_its_line() -> None:
    read = entries("# comment\nyelling: shouting\nmoney back: [refund, goodwill]\n")
    assert [(e.everyday, e.handbook, e.line) for e in read] == [
        ("yelling", ("shouting",), 2), ("money back", ("refund", "goodwill"), 3)]


@pytest.mark.parametrize("text,line,words", [
    ("yelling: shouting\nswearing:\n", 2, "must be followed by the handbook's word"),
    ("yelling: []\n", 1, "must be followed by the handbook's word"),
    ("yelling: {a: b}\n", 1, "must be followed by the handbook's word"),
    ("yelling: [shouting, 3]\n", 1, "must be followed by the handbook's word"),
    ("yelling: shouting\nYelling: yelling\n", 2, "mapped to itself"),
    ("müşteri: musteri\n", 1, "mapped to itself"),
    ("'?!': shouting\n", 1, "has no letters"),
    ("yelling: shouting\nyelling: screaming\n", 2, "appears twice"),
    ("- yelling\n", 1, "must be a list of 'everyday words: handbook word' lines"),
])
def test_a_mistake_names_the_file_the_line_and_the_fix(text: str, line: int, words: str) -> None:
    with pytest.raises(DataError) as error:
        entries(text)
    assert error.value.file == "translations/xx/synonyms.yml"
    assert error.value.line == line
    assert words in error.value.problem
    assert error.value.fix


def test_an_entry_is_unused_when_no_page_word_begins_with_its_handbook_word() -> None:
    read = entries("yelling: shouting\nswearing: [insults, abusive]\nbrüllen: schreien\n")
    texts = ["Stay calm when they shout and keep SHOUTING down.", "Abusive language is not accepted."]
    assert [e.everyday for e in unused(read, texts)] == ["brüllen"]


def test_folding_lets_an_entry_match_a_page_word_with_other_accents() -> None:
    read = entries("kızgın: öfkeli\n")
    assert unused(read, ["Ofkeli bir müşteri"]) == []


def test_a_language_without_a_synonyms_file_has_none(tmp_path: Path) -> None:
    assert load_synonyms(tmp_path, "xx") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_entry_finds_a_word_of_its_language(language: str) -> None:
    letters = SITE.language(language).search.letters
    read = load_synonyms(ROOT, language, letters)
    assert read, f"{synonyms_file(language)} is missing or empty"
    pages = [path.read_text(encoding="utf-8") for path in (ROOT / "docs" / language).glob("*.md")]
    assert [(e.line, e.everyday) for e in unused(read, pages, letters)] == []
