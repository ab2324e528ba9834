"""Search reads words by the rules of each language pack (translations/<lang>/language.yml,
`search`): the worker's word handling (handbook-words.js, run by Node here) knows every stemmer a
pack may name, leaves the pack's stop words out, and folds every word of the pages as the Python
side does (the synonyms' check); a language without rules matches whole words, folded."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from handbook.content.languages import LATIN_SPELLINGS, STEMMERS, SearchRules
from handbook.search.synonyms import fold
from tests.support import LANGUAGES, ROOT, SITE

SCRIPT = ROOT / "tests" / "node" / "search-words.mjs"
_WORD = re.compile(r"[^\W_]+")


def read_by_the_worker(tmp_path: Path, languages: dict[str, dict], words: dict[str, list[str]]) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is needed for the tests of the search worker's word handling: install nodejs (.ci/run does)."
    data = tmp_path / "words.json"
    data.write_text(json.dumps({"languages": languages, "words": words}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([node, str(SCRIPT), str(data)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def page_words(language: str) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs" / language).glob("*.md"))]
    return sorted({word for text in texts for word in _WORD.findall(text)})


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every language's page words and stop words (as written, and capitalised), read by the worker."""
    rules = {language: SITE.language(language).search.as_config() for language in LANGUAGES}
    words = {language: page_words(language) + [*rules[language]["stop_words"],
                                               *(w.capitalize() for w in rules[language]["stop_words"])]
             for language in LANGUAGES}
    return {"words": words, **read_by_the_worker(tmp_path_factory.mktemp("words"), rules, words)}


def test_the_worker_knows_every_stemmer_and_latin_spelling_a_pack_may_name(worker: dict) -> None:
    assert sorted(worker["stemmers"]) == sorted(STEMMERS)
    assert sorted(worker["latinSpellings"]) == sorted(LATIN_SPELLINGS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_python_and_the_worker_fold_every_page_word_alike(worker: dict, language: str) -> None:
    letters = SITE.language(language).search.letters
    words, folded = worker["words"][language], worker["languages"][language]["fold"]
    differ = [(w, f, fold(w, letters)) for w, f in zip(words, folded) if f != fold(w, letters)]
    assert len(words) > 100 and not differ, differ[:10]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_packs_stop_words_are_not_indexed(worker: dict, language: str) -> None:
    stop = SITE.language(language).search.stop_words
    read = dict(zip(worker["words"][language], worker["languages"][language]["term"]))
    assert stop and all(read[word] == "" and read[word.capitalize()] == "" for word in stop)


def test_each_packs_stemmer_brings_forms_of_a_word_together(tmp_path: Path) -> None:
    pairs = {"en": ("apologizing", "apologize"), "tr": ("müşterilerin", "musteri"), "is": ("reiðan", "reiður"),
             "pt": ("indemnizações", "indemnização"), "kk": ("себебі", "себеп")}
    read = read_by_the_worker(tmp_path, {code: SITE.language(code).search.as_config() for code in pairs},
                              {code: list(words) for code, words in pairs.items()})
    for code in pairs:
        first, second = read["languages"][code]["term"]
        assert first == second, (code, first, second)


def test_a_language_without_search_rules_matches_whole_words_folded(tmp_path: Path) -> None:
    words = ["Müşterilerin", "ÞAÐ", "the"]
    read = read_by_the_worker(tmp_path, {"xx": SearchRules().as_config()}, {"xx": words})["languages"]["xx"]
    assert read["term"] == ["musterilerin", "það", "the"]
    assert read["fold"] == [fold(word) for word in words]
