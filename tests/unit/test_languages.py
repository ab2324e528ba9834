"""The language pack (translations/<lang>/language.yml): every configured language has one, a
mistake in it is a clear error, and what reads it (sizes, hyphenation, CI's package list) follows it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handbook.commands.new_language import language_pack
from handbook.paper.hyphenation import patterns
from handbook.content.languages import load_language, pack_file
from handbook.paper.sizes import human_size
from handbook.content.source import DataError
from tests.support import LANGUAGES, ROOT, SITE, copy_project


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_pack_that_reads(language: str) -> None:
    pack = SITE.language(language)
    assert pack.code == language
    assert pack.locale.split("_")[0] == language
    assert pack.packages and pack.dictionary and pack.team.startswith("@")


@pytest.mark.parametrize("line,problem", [
    ("locale: Portuguese", "'locale'"),
    ("size_units: [kB]", "'size_units'"),
    ("team: translators", "'team'"),
])
def test_a_mistake_in_a_pack_names_the_file_the_line_and_the_fix(tmp_path: Path, line: str, problem: str) -> None:
    project = copy_project(tmp_path / "project")
    file = project / pack_file("pt")
    key = line.split(":")[0]
    lines = file.read_text(encoding="utf-8").splitlines()
    number = next(index for index, text in enumerate(lines) if text.startswith(f"{key}:"))
    lines[number] = line
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_language(project, "pt")
    assert error.value.file == pack_file("pt") and error.value.line == number + 1
    assert problem in error.value.problem and error.value.fix


def test_a_language_without_a_pack_is_told_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(DataError) as error:
        load_language(tmp_path, "de")
    assert "new-language de" in error.value.fix


def test_sizes_are_written_with_the_packs_locale_and_units() -> None:
    for language in LANGUAGES:
        pack = SITE.language(language)
        text = human_size(1_234_567, pack)
        assert text.endswith("\u00a0" + pack.size_units[1]) and "1" in text and "2" in text
        assert human_size(2_000, pack).endswith("\u00a0" + pack.size_units[0])


def test_hyphenation_patterns_follow_the_packs_rule() -> None:
    rules = {language: SITE.language(language).hyphenation for language in LANGUAGES}
    for language, rule in rules.items():
        if rule is None:
            continue
        found = set(patterns(rule))
        assert f"1{rule.consonants[0]}{rule.vowels[0]}" in found
        assert (f"{rule.vowels[0]}1{rule.vowels[1]}" in found) == rule.split_vowels


def test_ci_gets_every_languages_debian_packages_from_one_command() -> None:
    result = subprocess.run([sys.executable, "-m", "handbook.content.languages", "packages"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    listed = result.stdout.split()
    for language in LANGUAGES:
        assert set(SITE.language(language).packages) <= set(listed)
    assert len(listed) == len(set(listed))


@pytest.mark.parametrize("line,problem", [
    ("  stemmer: klingon", "stemmer 'klingon'"),
    ("  latin_spelling: morse", "latin_spelling 'morse'"),
    ("  fold: {ð: ''}", "'fold'"),
    ("  stop_words: [og, að]", "'stop_words'"),
    ("  stop: og", "may hold only"),
])
def test_a_mistake_in_the_search_rules_names_the_line_and_the_fix(tmp_path: Path, line: str, problem: str) -> None:
    project = copy_project(tmp_path / "project")
    file = project / pack_file("is")
    key = line.split(":")[0]
    lines = file.read_text(encoding="utf-8").splitlines()
    number = next((index for index, text in enumerate(lines) if text.startswith(f"{key}:")), None)
    if number is None:  # a key the pack does not have: added under `search:`
        number = lines.index("search:") + 1
        lines.insert(number, line)
    else:
        lines[number] = line
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_language(project, "is")
    assert error.value.file == pack_file("is") and problem in error.value.problem and error.value.fix
    assert error.value.line in (number + 1, lines.index("search:") + 1)


def test_a_pack_without_search_rules_searches_whole_words_folded(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    file = project / pack_file("is")
    text = file.read_text(encoding="utf-8")
    file.write_text(text[:text.index("# Search:")], encoding="utf-8")
    rules = load_language(project, "is").search
    assert rules.stemmer is None and rules.stop_words == () and rules.as_config()["fold"] == {}


def test_a_new_language_starts_without_the_default_languages_search_rules(tmp_path: Path) -> None:
    (tmp_path / "translations" / "de").mkdir(parents=True)
    (tmp_path / pack_file("de")).write_text(language_pack("de", ROOT, "en"), encoding="utf-8")
    pack = load_language(tmp_path, "de")
    assert pack.search.stemmer is None and pack.search.stop_words == ()
