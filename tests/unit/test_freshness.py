"""Translation freshness, the pure logic: sections and fingerprints, state files, refreshing after
an English change that needs no translation, and a page that exists in English only."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.commands import translations
from handbook.freshness.sections import INTRO, fingerprint, load_state, page_sections, statuses, tree_sections
from handbook.content.site import Site
from handbook.content.source import DataError
from tests.freshness_project import CHANGED, PAGE, change_english, confirm_everything, git, under_git
from tests.support import DEFAULT, LANGUAGES, copy_project

PAGE_TEXT = """---
title: T
---

# T

Intro text.

## First {#first}

One.

```
## not a heading {#inside-code}
```

### Sub {#sub}

Two.

## No id

Still part of sub.
"""


def test_a_page_is_cut_into_its_intro_and_its_sections_by_id() -> None:
    sections = page_sections(PAGE_TEXT)
    assert list(sections) == [INTRO, "first", "sub"]
    assert "Intro text." in sections[INTRO] and "title: T" in sections[INTRO]
    assert "inside-code" in sections["first"] and "Still part of sub." in sections["sub"]


def test_white_space_does_not_change_a_fingerprint_but_a_word_does() -> None:
    assert fingerprint("One  two\nthree ") == fingerprint("One two three")
    assert fingerprint("One two three") != fingerprint("One two four")


def test_a_tree_node_fingerprint_follows_its_words_not_where_its_answers_lead() -> None:
    tree = "nodes:\n  q:\n    type: question\n    text: Why?\n    answers:\n      - {id: a, label: Yes, next: %s}\n"
    assert tree_sections(tree % "x") == tree_sections(tree % "y")
    assert tree_sections(tree % "x") != tree_sections((tree % "x").replace("Why?", "How?"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_bad_fingerprint_names_file_and_line(project: Path) -> None:
    state = project / "translations" / "pt" / "checked.yml"
    lines = state.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  ") and not line.startswith("  #"))
    lines[at] = lines[at].split(":")[0] + ": changed-by-hand"
    state.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_state(Site.load(project), "pt")
    assert (error.value.file, error.value.line) == ("translations/pt/checked.yml", at + 1)


def test_a_missing_state_file_leaves_every_section_unconfirmed(project: Path) -> None:
    (project / "translations" / "is" / "checked.yml").unlink()
    assert {s.state for s in statuses(Site.load(project), "is")} == {"unconfirmed"}


def test_a_page_in_english_only_is_missing_in_every_other_language(project: Path) -> None:
    confirm_everything(project)
    (project / "docs" / DEFAULT / "new-page.md").write_text(
        "---\ntitle: New\ndescription: New.\n---\n\n# New\n\nText.\n\n## Only {#only}\n\nMore.\n", encoding="utf-8")
    site = Site.load(project)
    for language in LANGUAGES[1:]:
        found = {s.section.key: s.state for s in statuses(site, language) if s.section.page == "new-page"}
        assert found == {"new-page#intro": "missing", "new-page#only": "missing"}
        assert "outdated" not in {s.state for s in statuses(site, language)}


def test_confirming_a_section_that_is_not_translated_is_refused(project: Path, capsys: pytest.CaptureFixture) -> None:
    (project / "docs" / "kk" / "sources.md").unlink()
    assert translations.main(["kk", "--confirm", "sources#the-five-articles"], project) == 1
    assert "not translated into 'kk' yet" in capsys.readouterr().err


def test_a_refresh_moves_the_languages_that_were_up_to_date_on_and_only_them(
        project: Path, capsys: pytest.CaptureFixture) -> None:
    under_git(project)
    # Portuguese was already behind before the English change: it must stay behind.
    state = project / "translations" / "pt" / "checked.yml"
    site = Site.load(project)
    current = next(s for s in statuses(site, "pt") if s.section.key == CHANGED).section.fingerprint
    state.write_text(state.read_text(encoding="utf-8").replace(current, "0123456789ab", 1), encoding="utf-8")
    git(project, "commit", "-q", "-am", "Portuguese behind")
    change_english(project)
    assert translations.main(["--refresh", CHANGED, "--from", "HEAD~1"], project) == 0
    output = capsys.readouterr().out
    assert sorted(output.split()[1::3]) == sorted(l for l in LANGUAGES[1:] if l != "pt"), output
    for language in LANGUAGES[1:]:
        state_of = {s.section.key: s.state for s in statuses(Site.load(project), language)}[CHANGED]
        assert state_of == ("outdated" if language == "pt" else "up-to-date"), language
    assert PAGE in CHANGED


def test_a_section_id_that_moves_with_a_redirect_keeps_its_record(project: Path) -> None:
    old, new = "dismiss-no-concern", "take-every-concern-seriously"
    for language in LANGUAGES:
        source = project / "docs" / language / "listening.md"
        source.write_text(source.read_text(encoding="utf-8").replace(f"{{#{old}}}", f"{{#{new}}}"), encoding="utf-8")
    published = project / "data" / "published-ids.yml"
    text = published.read_text(encoding="utf-8").replace(f"    - {old}\n", f"    - {new}\n", 1)
    text = text.replace("\nredirects:\n", f"\nredirects:\n  listening#{old}: listening#{new}\n", 1)
    published.write_text(text, encoding="utf-8")
    site = Site.load(project)
    for language in LANGUAGES[1:]:
        found = {s.section.key: s.state for s in statuses(site, language)}
        assert f"listening#{old}" not in found and found[f"listening#{new}"] == "up-to-date", language


def test_records_of_a_removed_section_stop_the_build_until_forgotten_and_only_they_go(
        project: Path, capsys: pytest.CaptureFixture) -> None:
    state = project / "translations" / "tr" / "checked.yml"
    kept = load_state(Site.load(project), "tr")
    state.write_text(state.read_text(encoding="utf-8") + "gone-page:\n  intro: \"0123456789ab\"\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_state(Site.load(project), "tr")
    assert "--forget-removed" in error.value.fix
    assert translations.main(["tr", "--forget-removed"], project) == 0
    assert "forgot tr gone-page#intro" in capsys.readouterr().out
    assert load_state(Site.load(project), "tr") == kept
