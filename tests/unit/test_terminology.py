"""One term, one word: every page and the decision tool use each language's listed word for a key term."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.content.languages import load_language
from handbook.content.source import DataError
from handbook.content.terminology import Term, conflicts, fold, load_terms, missing_from_glossary
from tests.support import DEFAULT, LANGUAGES, ROOT

KEY_TERMS = {term.key for term in load_terms(ROOT, DEFAULT)}
TURKISH, ENGLISH = load_language(ROOT, "tr"), load_language(ROOT, DEFAULT)


def _texts(language: str) -> dict[str, str]:
    """The language's pages and its decision tree's text, by the file a writer would open."""
    files = sorted((ROOT / "docs" / language).glob("*.md"))
    tree = ROOT / ("data/decision-tree.yml" if language == DEFAULT else f"translations/{language}/decision-tree.yml")
    return {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8") for path in [*files, tree] if path.exists()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_lists_the_words_for_every_key_term(language: str) -> None:
    terms = load_terms(ROOT, language, required=KEY_TERMS)
    assert {term.key for term in terms} == KEY_TERMS


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_defines_every_key_term_with_its_listed_word(language: str) -> None:
    terms = load_terms(ROOT, language, required=KEY_TERMS)
    glossary = (ROOT / "docs" / language / "glossary.md").read_text(encoding="utf-8")
    missing = [f"{term.key} ({' / '.join(term.use)})" for term in missing_from_glossary(glossary, load_language(ROOT, language), terms)]
    assert not missing, f"docs/{language}/glossary.md never uses the listed word for: {', '.join(missing)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_or_tree_text_uses_a_competing_word_for_a_key_term(language: str) -> None:
    terms = load_terms(ROOT, language, required=KEY_TERMS)
    found = [str(c) for file, text in _texts(language).items() for c in conflicts(text, file, load_language(ROOT, language), terms)]
    assert not found, "\n".join(found)


RED_FLAG = Term("red-flag", ("tehlike işaret",), ("kırmızı bayrak",), 1)


def test_a_competing_word_is_reported_with_its_file_line_and_the_word_to_use() -> None:
    [conflict] = conflicts("Başlık\n\nBu bir Kırmızı Bayraktır.\n", "docs/tr/x.md", TURKISH, [RED_FLAG])
    assert (conflict.file, conflict.line, conflict.word) == ("docs/tr/x.md", 3, "kırmızı bayrak")
    assert "tehlike işaret" in str(conflict) and "line 3" in str(conflict)


def test_a_competing_word_only_counts_at_the_start_of_a_word() -> None:
    term = Term("let-go", ("let go",), ("drop",), 1)
    assert conflicts("An eavesdropper is not a term.", "f.md", ENGLISH, [term]) == []
    assert len(conflicts("Do not drop them.", "f.md", ENGLISH, [term])) == 1


def test_words_marked_as_another_language_are_not_checked() -> None:
    assert conflicts("| *kırmızı bayrak*{lang=tr} | red flag |", "docs/en/glossary.md", TURKISH, [RED_FLAG]) == []


def test_turkish_capitals_fold_to_their_own_lower_case_as_the_language_pack_says() -> None:
    assert fold("İŞARET ILIK", TURKISH) == "işaret ılık"
    assert fold("ILIK", ENGLISH) == "ilik"
    assert missing_from_glossary("### TEHLİKE İŞARETİ", TURKISH, [RED_FLAG]) == []


def test_a_glossary_without_the_terms_word_is_reported() -> None:
    assert missing_from_glossary("### Kırmızı bayrak", TURKISH, [RED_FLAG]) == [RED_FLAG]


def _project_with_terms(tmp_path: Path, text: str) -> Path:
    (tmp_path / "translations" / "xx").mkdir(parents=True)
    (tmp_path / "translations" / "xx" / "terms.yml").write_text(text, encoding="utf-8")
    pack = (ROOT / "translations" / DEFAULT / "language.yml").read_text(encoding="utf-8")
    (tmp_path / "translations" / "xx" / "language.yml").write_text(pack, encoding="utf-8")
    return tmp_path


def test_a_term_file_without_a_key_term_is_refused_naming_the_term(tmp_path: Path) -> None:
    project = _project_with_terms(tmp_path, "red-flag: {use: [a]}\n")
    with pytest.raises(DataError, match="named-contact") as error:
        load_terms(project, "xx", required={"red-flag", "named-contact"})
    assert error.value.file == "translations/xx/terms.yml"


def test_a_term_without_its_own_word_is_refused_with_the_line(tmp_path: Path) -> None:
    project = _project_with_terms(tmp_path, "red-flag: {use: [a]}\nnamed-contact: {avoid: [b]}\n")
    with pytest.raises(DataError, match="no 'use' words") as error:
        load_terms(project, "xx", required={"red-flag", "named-contact"})
    assert error.value.line == 2


def test_an_unknown_term_is_refused_with_the_line(tmp_path: Path) -> None:
    project = _project_with_terms(tmp_path, "red-flag: {use: [a]}\nred-flgs: {use: [b]}\n")
    with pytest.raises(DataError, match="red-flgs") as error:
        load_terms(project, "xx", required={"red-flag"})
    assert error.value.line == 2
