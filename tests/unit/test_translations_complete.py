"""Every language is complete: Material's interface in Kazakh, the handbook's own words, section ids."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import material
import pytest
import yaml

from handbook.content.published import Published, check_redirects, load_published
from handbook.content.site import Site
from handbook.content.source import DataError
from handbook.content.words import load_words
from tests.support import DEFAULT, LANGUAGES, PAGES, ROOT

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


@pytest.fixture(scope="module")
def published(site: Site) -> Published:
    return load_published(site.project_dir)


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


def _edit(root: Path, language: str, old: str, new: str) -> None:
    path = root / "translations" / language / "ui.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(root: Path, language: str, starts: str) -> int:
    lines = (root / "translations" / language / "ui.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(starts))


def test_a_missing_interface_word_stops_with_the_file_line_and_key(tmp_path: Path) -> None:
    root = _copy_words(tmp_path)
    start_again = re.search(r"^  start_again: .*\n", (root / "translations" / "kk" / "ui.yml").read_text(encoding="utf-8"), re.MULTILINE)
    _edit(root, "kk", start_again.group(0), "")
    with pytest.raises(DataError) as caught:
        load_words(root, LANGUAGES, DEFAULT)
    assert (caught.value.file, caught.value.line) == ("translations/kk/ui.yml", _line_of(root, "kk", "tool:"))
    assert "'tool.start_again' is missing or empty" in str(caught.value)


def test_a_dropped_placeholder_stops_with_the_file_line_and_key(tmp_path: Path) -> None:
    root = _copy_words(tmp_path)
    step_count = re.search(r"^  step_count: .*$", (root / "translations" / "tr" / "ui.yml").read_text(encoding="utf-8"), re.MULTILINE)
    _edit(root, "tr", step_count.group(0), "  step_count: Soru")
    with pytest.raises(DataError, match=r"'tool.step_count' must keep the placeholders \{number\}") as caught:
        load_words(root, LANGUAGES, DEFAULT)
    assert caught.value.line == _line_of(root, "tr", "  step_count:")


def test_a_stray_interface_word_is_named_with_its_line(tmp_path: Path) -> None:
    root = _copy_words(tmp_path)
    _edit(root, "pt", "\ntool:\n", "\ntool:\n  strat: Começar\n")
    with pytest.raises(DataError, match=r"'tool.strat' is not a key of translations/en/ui.yml") as caught:
        load_words(root, LANGUAGES, DEFAULT)
    assert caught.value.line == _line_of(root, "pt", "  strat:")


def test_invalid_yaml_in_interface_words_names_the_line(tmp_path: Path) -> None:
    root = _copy_words(tmp_path)
    _edit(root, "is", "\ntool:\n", "\ntool:\n  broken: [\n")
    with pytest.raises(DataError, match="not valid YAML") as caught:
        load_words(root, LANGUAGES, DEFAULT)
    assert caught.value.file == "translations/is/ui.yml" and caught.value.line is not None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_h2_and_h3_has_an_explicit_id(site: Site, language: str, page: str) -> None:
    if not site.is_translated(language, page):
        pytest.skip(f"docs/{language}/{page}.md is not translated yet; the site shows the {DEFAULT} page")
    plain = [section.title for section in site.sections(language, page) if section.id is None]
    assert plain == [], f"{site.source_of(language, page).relative_to(ROOT)}: headings without an id: {plain}"


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != DEFAULT])
@pytest.mark.parametrize("page", PAGES)
def test_a_translation_has_exactly_the_section_ids_of_the_original(site: Site, language: str, page: str) -> None:
    if not site.is_translated(language, page):
        pytest.skip(f"docs/{language}/{page}.md is not translated yet; the site shows the {DEFAULT} page")
    assert site.section_ids(language, page) == site.section_ids(DEFAULT, page), (
        f"docs/{language}/{page}.md must have the section ids of docs/{DEFAULT}/{page}.md, in the same order")


@pytest.mark.parametrize("page", PAGES)
def test_every_section_id_is_published(site: Site, published: Published, page: str) -> None:
    unlisted = [sid for sid in site.section_ids(DEFAULT, page) if sid not in published.pages.get(page, [])]
    assert unlisted == [], f"add these section ids of docs/{DEFAULT}/{page}.md to data/published-ids.yml"


def _every_published_id_ever(published: Published) -> set[str]:
    """Each page#id that data/published-ids.yml has listed in any commit, and lists now."""
    log = subprocess.run(["git", "log", "--format=%H", "--", "data/published-ids.yml"],
                         cwd=ROOT, capture_output=True, text=True)
    assert log.returncode == 0, f"the history of data/published-ids.yml is needed: {log.stderr}"
    versions = [published.pages]
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "show", f"{commit}:data/published-ids.yml"],
                               cwd=ROOT, capture_output=True, text=True, check=True)
        versions.append(yaml.safe_load(shown.stdout)["pages"])
    return {f"{page}#{sid}" for version in versions for page, listed in version.items() for sid in listed or []}


def test_a_published_id_never_disappears_without_a_redirect(site: Site, published: Published) -> None:
    current = {f"{page}#{sid}" for page in PAGES for sid in site.section_ids(DEFAULT, page)}
    vanished = sorted(link for link in _every_published_id_ever(published)
                      if link not in current and link not in published.redirects)
    assert vanished == [], ("these published sections no longer exist; add each under 'redirects:' "
                            "in data/published-ids.yml with the page#id where it moved")
    check_redirects(published, site)  # and every redirect leads to a section that exists


def _published_copy(tmp_path: Path, redirects: str) -> Published:
    (tmp_path / "data").mkdir()
    text = (ROOT / "data" / "published-ids.yml").read_text(encoding="utf-8")
    text = re.sub(r"^redirects:.*\Z", redirects, text, flags=re.MULTILINE | re.DOTALL)
    (tmp_path / "data" / "published-ids.yml").write_text(text, encoding="utf-8")
    return load_published(tmp_path)


def test_a_redirect_to_a_missing_section_stops_the_build_naming_its_line(site: Site, tmp_path: Path) -> None:
    copy = _published_copy(tmp_path, "redirects:\n  listening#old-id: listening#no-such-section\n")
    with pytest.raises(DataError, match="leads to a section that does not exist") as caught:
        check_redirects(copy, site)
    lines = (tmp_path / "data" / "published-ids.yml").read_text(encoding="utf-8").splitlines()
    assert caught.value.line == lines.index("  listening#old-id: listening#no-such-section") + 1


def test_a_redirect_written_wrong_is_named_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not written as 'page#old-id: page#new-id'") as caught:
        _published_copy(tmp_path, "redirects:\n  listening#old-id: new-id\n")
    assert caught.value.file == "data/published-ids.yml" and caught.value.line is not None
