"""Translation freshness in the built site: an English section changes after the translations were
checked; that section, and only that one, is outdated in every other language, with a notice in
the reader's language; the status pages and `python3 tasks.py translations` say the same, and
confirming clears it; the pages with notices pass the spelling check, so an English edit keeps
the suite green. A mistake in a checked.yml stops the build with the file and the line."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
import yaml
from babel.dates import format_date

from handbook.commands import translations
from handbook.freshness.sections import STATES, STATUS_PAGE, statuses
from handbook.content.site import Site
from handbook.commands.spellcheck import check
from tests.freshness_project import CHANGED, PAGE, REWRAPPED, SECTION, Changed, confirm_everything
from tests.support import DEFAULT, LANGUAGES, NEW_PAGE, ROOT, Build, copy_project, run_build

TRANSLATED = [language for language in LANGUAGES if language != DEFAULT]
NOTICE = re.compile(r'<div class="admonition note hb-outdated" role="note">.*?</div>', re.DOTALL)


def words(language: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"))["freshness"]


def html(changed: Changed, language: str, page: str) -> str:
    return Site.load(changed.project).built_file(changed.site, language, page).read_text(encoding="utf-8")


def status_rows(changed: Changed, language: str) -> dict[str, str]:
    """{page#section: the row's HTML} of a language's status page."""
    page = html(changed, language, STATUS_PAGE)
    return dict(re.findall(r'<tr data-hb-section="([^"]+)"[^>]*>(.*?)</tr>', page, re.DOTALL))


def command_output(project: Path, capsys: pytest.CaptureFixture, *args: str) -> str:
    assert translations.main(list(args), project) == 0
    return capsys.readouterr().out


def test_only_the_changed_section_is_outdated_in_every_language(changed: Changed) -> None:
    site = Site.load(changed.project)
    for language in TRANSLATED:
        found = {s.section.key: s.state for s in statuses(site, language)}
        assert {key for key, state in found.items() if state == "outdated"} == {CHANGED}, language
        assert found[REWRAPPED] == "up-to-date", "a white space change made a section outdated"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_reader_sees_a_notice_in_their_language_at_that_section_only(changed: Changed, language: str) -> None:
    page = html(changed, language, PAGE)
    notices = NOTICE.findall(page)
    assert len(notices) == 1, f"{len(notices)} notices on the {language} page"
    # Right after the changed section's heading, nowhere else.
    heading = re.search(r'<h2 id="' + SECTION + r'".*?</h2>', page, re.DOTALL)
    assert heading and page[heading.end():].lstrip().startswith(notices[0])
    text = words(language)["notice"].replace("{date}", format_date(datetime.date.today(), "long", locale=language))
    assert text in notices[0].replace("&#x27;", "'")
    link = re.search(r'<a href="([^"]+)" hreflang="' + DEFAULT + r'">' + re.escape(words(language)["link"]), notices[0])
    assert link, "the notice does not link to the English section"
    target, _, fragment = link.group(1).partition("#")
    built = Site.load(changed.project).built_file(changed.site, language, PAGE).parent
    assert (built / target).resolve() == (changed.site / PAGE).resolve() and fragment == SECTION


def test_no_other_page_and_no_english_page_has_a_notice(changed: Changed) -> None:
    for path in changed.site.glob("**/index.html"):
        relative = path.relative_to(changed.site).as_posix()
        if relative in {f"{language}/{PAGE}/index.html" for language in TRANSLATED}:
            continue
        if relative.endswith(("print/index.html",)):  # the print page holds the chapters as they are
            continue
        assert not NOTICE.search(path.read_text(encoding="utf-8")), relative


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_status_page_and_the_command_agree(changed: Changed, language: str, capsys: pytest.CaptureFixture) -> None:
    rows = status_rows(changed, language)
    site = Site.load(changed.project)
    assert set(rows) == {s.section.key for s in statuses(site, language)}
    outdated = {key for key, row in rows.items() if "hb-status--outdated" in row}
    assert outdated == {CHANGED}
    assert f"/commit/{changed.commit}" in rows[CHANGED], "no link to the English change"
    when = format_date(datetime.date.today(), "long", locale=language)
    assert words(language)["outdated_since"].replace("{date}", when) in rows[CHANGED].replace("&#x27;", "'")
    output = command_output(changed.project, capsys, language)
    listed = {line.split()[1] for line in output.splitlines()[1:] if line.strip().startswith("outdated")}
    assert listed == outdated
    assert changed.commit in output and datetime.date.today().isoformat() in output
    counts = {state: sum(1 for s in statuses(site, language) if s.state == state) for state in STATES}
    assert counts["outdated"] == 1 and counts["unconfirmed"] == 0
    assert output.splitlines()[0] == (f"{language}: {counts['up-to-date']} up to date, 1 outdated, 0 not confirmed, "
                                      f"{counts['missing']} missing")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_with_notices_pass_the_spelling_check(changed: Changed, language: str) -> None:
    unknown = check(Site.load(changed.project), changed.site, language)
    assert unknown == {}, f"unknown {language} words after an English edit: {unknown}"


def test_translations_check_fails_on_an_outdated_section_and_passes_once_it_is_confirmed(
        changed: Changed, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert translations.main(["--check"], changed.project) == 1
    output = capsys.readouterr()
    assert CHANGED in output.out and "outdated" in output.err
    project = tmp_path / "project"
    shutil.copytree(changed.project, project)
    confirm_everything(project)
    assert translations.main(["--check"], project) == 0


def test_the_english_status_page_shows_every_language(changed: Changed) -> None:
    rows = status_rows(changed, DEFAULT)
    assert rows[CHANGED].count("hb-status--outdated") == len(TRANSLATED)
    assert sum(row.count("hb-status--outdated") for row in rows.values()) == len(TRANSLATED)
    assert all(row.count("hb-status--") == len(TRANSLATED) for row in rows.values())


def test_confirming_clears_the_notice_in_that_language_only(changed: Changed, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    project = tmp_path / "project"
    shutil.copytree(changed.project, project)
    output = command_output(project, capsys, "kk", "--confirm", CHANGED)
    assert output.strip() == f"confirmed kk {CHANGED}"
    assert "outdated" not in command_output(project, capsys, "kk").splitlines()[0].replace("0 outdated", "")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    site = Site.load(project)
    assert not NOTICE.search(site.built_file(tmp_path / "site", "kk", PAGE).read_text(encoding="utf-8"))
    assert NOTICE.search(site.built_file(tmp_path / "site", "tr", PAGE).read_text(encoding="utf-8"))


BAD_STATE = {
    "a page": ("kk", "decision-tool:\n", "no-such-page:\n  intro: \"0123456789ab\"\ndecision-tool:\n",
               "the page 'no-such-page' does not exist"),
    "a section": ("tr", "  intro: ", "  no-such-section: \"0123456789ab\"\n  intro: ",
                  "has no section 'no-such-section'"),
}


@pytest.mark.parametrize("what", BAD_STATE)
def test_a_state_file_naming_what_does_not_exist_stops_the_build(tmp_path: Path, what: str) -> None:
    language, old, new, problem = BAD_STATE[what]
    project = copy_project(tmp_path / "project")
    state = project / "translations" / language / "checked.yml"
    text = state.read_text(encoding="utf-8")
    state.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text.replace(old, new, 1).splitlines().index(new.splitlines()[0]) + 1
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"translations/{language}/checked.yml, line {line}: " in result.stderr and problem in result.stderr


def test_a_state_file_of_a_language_that_does_not_exist_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "translations" / "xx").mkdir()
    shutil.copy(project / "translations" / "kk" / "checked.yml", project / "translations" / "xx" / "checked.yml")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "translations/xx/checked.yml, line 1: 'xx' is not a language of the site" in result.stderr


def test_a_page_in_english_only_builds_shows_the_fallback_notice_and_is_missing(partly_translated_build: Build) -> None:
    # The copy has no git history: the build says so once, not once per page.
    output = partly_translated_build.output
    assert output.count("No git history here") == 1 and "Unable to find a git directory" not in output
    site, site_dir = Site.load(partly_translated_build.project), partly_translated_build.site
    untranslated = yaml.safe_load((ROOT / "translations" / "kk" / "ui.yml").read_text(encoding="utf-8"))["untranslated"]
    page = site.built_file(site_dir, "kk", NEW_PAGE).read_text(encoding="utf-8")
    assert untranslated["title"] in page and not NOTICE.search(page)
    status = site.built_file(site_dir, "kk", STATUS_PAGE).read_text(encoding="utf-8")
    rows = dict(re.findall(r'<tr data-hb-section="([^"]+)"[^>]*>(.*?)</tr>', status, re.DOTALL))
    assert "hb-status--missing" in rows[f"{NEW_PAGE}#intro"] and "hb-status--missing" in rows[f"{NEW_PAGE}#the-only-section"]
