"""The per-language search index: split from i18n's merged one, with the language, the
synonyms and each section's kind, which decides how much its matches count."""

from __future__ import annotations

import pytest

from handbook.search.index import kind, prepare, setup, split
from tests.support import SITE


@pytest.mark.parametrize("location,expected", [
    ("listening/#listen-without-interrupting", "section"),
    ("listening/", "page"),
    ("", "page"),
    ("#angry-customer-right-now", "section"),
    ("listening/#check-your-understanding", "quiz"),
    ("scenarios/#angry-caller", "scenario"),
    ("scenarios/", "scenario"),
    ("decision-tool/", "tool"),
    ("decision-tool/#lying--title", "step"),
    ("decision-tool-overview/", "overview"),
    ("trainers-guide/#running-a-role-play", "guide"),
    ("sources/#the-five-articles", "guide"),
])
def test_each_section_gets_the_kind_the_worker_weighs(location: str, expected: str) -> None:
    assert kind(location) == expected


def test_the_merged_index_splits_into_one_per_language_with_local_locations() -> None:
    merged = {"config": {"lang": ["en"]}, "docs": [
        {"location": "listening/#a", "title": "A", "text": ""},
        {"location": "tr/listening/#a", "title": "A tr", "text": ""},
        {"location": "kk/", "title": "Home kk", "text": ""}]}
    indexes = split(merged, SITE)
    assert set(indexes) == set(SITE.languages)
    assert [d["location"] for d in indexes["en"]["docs"]] == ["listening/#a"]
    assert [d["location"] for d in indexes["tr"]["docs"]] == ["listening/#a"]
    assert [d["location"] for d in indexes["kk"]["docs"]] == [""]
    assert indexes["is"]["docs"] == []


def test_a_prepared_index_carries_its_language_word_rules_synonyms_and_kinds() -> None:
    index = {"config": {"lang": ["en"], "separator": "x"}, "docs": [
        {"location": "listening/#check-your-understanding", "title": "Q", "text": ""},
        {"location": "listening/#x", "title": "X", "text": ""}]}
    words = SITE.language("kk").search.as_config()
    prepared = prepare(index, "kk", words, {"боқтау": ["балағаттай"]})
    assert prepared["config"] == {"lang": ["kk"], "separator": "x", "words": words, "synonyms": {"боқтау": ["балағаттай"]}}
    assert words["stemmer"] == "kazakh" and words["fold"]["қ"] == "к" and "деп" in words["stop_words"]
    assert [d["kind"] for d in prepared["docs"]] == ["quiz", "section"]
    assert index["config"]["lang"] == ["en"] and "kind" not in index["docs"][0]  # the input is left as it was


def test_materials_page_gets_the_options_without_the_sections() -> None:
    index = {"config": {"lang": ["tr"], "separator": "x"}, "docs": [{"location": "a/", "title": "A", "text": "t"}]}
    assert setup(index, "tr/search/search_index.json") == {
        "config": {"lang": ["tr"], "separator": "x", "index": "tr/search/search_index.json"}, "docs": []}
