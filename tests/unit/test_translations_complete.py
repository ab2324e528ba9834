"""Every language is complete: Material's interface in Kazakh, the handbook's own words, section ids."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

import material
from decision_tree.sections import sections_of
from interface_words import load_words
from support import DEFAULT, LANGUAGES, PAGES, ROOT

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def keys_of(template: Path) -> set[str]:
    return set(re.findall(r'^\s*"([^"]+)":', template.read_text(encoding="utf-8"), re.MULTILINE))


def test_kazakh_interface_has_every_key_of_materials_english() -> None:
    english = keys_of(MATERIAL_LANGUAGES / "en.html")
    kazakh = keys_of(ROOT / "overrides" / "partials" / "languages" / "kk.html")
    assert len(english) > 40
    assert english - kazakh == set(), "keys missing in overrides/partials/languages/kk.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_material_has_or_the_project_provides_an_interface_file(language: str) -> None:
    assert (MATERIAL_LANGUAGES / f"{language}.html").exists() or \
        (ROOT / "overrides" / "partials" / "languages" / f"{language}.html").exists()


def test_the_handbook_interface_words_are_complete_in_every_language() -> None:
    words = load_words(ROOT, LANGUAGES, DEFAULT)
    assert set(words) == set(LANGUAGES)
    for language in LANGUAGES:
        assert words[language].keys() == words[DEFAULT].keys()
        if language != DEFAULT:
            same = [k for k, v in words[language].items() if v == words[DEFAULT][k]]
            assert same == [], f"{language}: left in English: {same}"


def _copy_words(tmp_path: Path) -> Path:
    for language in LANGUAGES:
        target = tmp_path / "translations" / language
        target.mkdir(parents=True)
        (target / "ui.yml").write_text((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_a_missing_interface_word_stops_with_the_file_and_key(tmp_path: Path) -> None:
    root = _copy_words(tmp_path)
    path = root / "translations" / "kk" / "ui.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["tool"]["start_again"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PluginError, match=r"translations/kk/ui.yml: 'tool.start_again' is missing or empty"):
        load_words(root, LANGUAGES, DEFAULT)


def test_a_dropped_placeholder_stops_with_the_file_and_key(tmp_path: Path) -> None:
    root = _copy_words(tmp_path)
    path = root / "translations" / "tr" / "ui.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["tool"]["step_count"] = "Soru"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PluginError, match=r"'tool.step_count' must keep the placeholders \{number\}"):
        load_words(root, LANGUAGES, DEFAULT)


PUBLISHED = yaml.safe_load((ROOT / "data" / "published-ids.yml").read_text(encoding="utf-8"))


def ids(language: str, page: str) -> list[str]:
    return [sid for sid, _ in sections_of((ROOT / "docs" / language / f"{page}.md").read_text(encoding="utf-8"))]


def test_every_h2_and_h3_has_an_explicit_id() -> None:
    for language in LANGUAGES:
        for page in PAGES:
            text = (ROOT / "docs" / language / f"{page}.md").read_text(encoding="utf-8")
            plain = [line for line in text.splitlines()
                     if re.match(r"^#{2,3}\s", line) and not re.search(r"\{\s*#[\w-]+[^}]*\}\s*$", line)]
            assert plain == [], f"docs/{language}/{page}.md: headings without an id: {plain}"


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != DEFAULT])
@pytest.mark.parametrize("page", PAGES)
def test_a_translation_has_exactly_the_section_ids_of_the_original(language: str, page: str) -> None:
    path = ROOT / "docs" / language / f"{page}.md"
    if not path.exists():
        return  # an untranslated page is shown from English, with a notice (see test_fallback)
    assert ids(language, page) == ids(DEFAULT, page), (
        f"docs/{language}/{page}.md must have the section ids of docs/{DEFAULT}/{page}.md, in the same order")


@pytest.mark.parametrize("page", PAGES)
def test_every_section_id_is_published(page: str) -> None:
    unlisted = [sid for sid in ids(DEFAULT, page) if sid not in (PUBLISHED["pages"].get(page) or [])]
    assert unlisted == [], f"add these section ids of docs/{DEFAULT}/{page}.md to data/published-ids.yml"


def _every_published_id_ever() -> set[str]:
    """Each page#id that data/published-ids.yml has listed in any commit, and lists now."""
    log = subprocess.run(["git", "log", "--format=%H", "--", "data/published-ids.yml"],
                         cwd=ROOT, capture_output=True, text=True)
    assert log.returncode == 0, f"the history of data/published-ids.yml is needed: {log.stderr}"
    versions = [PUBLISHED]
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "show", f"{commit}:data/published-ids.yml"],
                               cwd=ROOT, capture_output=True, text=True, check=True)
        versions.append(yaml.safe_load(shown.stdout))
    return {f"{page}#{sid}" for version in versions
            for page, listed in version["pages"].items() for sid in listed or []}


def test_a_published_id_never_disappears_without_a_redirect() -> None:
    current = {f"{page}#{sid}" for page in PAGES for sid in ids(DEFAULT, page)}
    redirects = PUBLISHED.get("redirects") or {}
    vanished = sorted(link for link in _every_published_id_ever() if link not in current and link not in redirects)
    assert vanished == [], ("these published sections no longer exist; add each under 'redirects:' "
                            "in data/published-ids.yml with the page#id where it moved")
    for old, new in redirects.items():
        assert new in current, f"the redirect {old} -> {new} leads to a section that does not exist"
