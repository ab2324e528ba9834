"""A new language, added as CONTRIBUTING.md says: `python3 tasks.py new-language de`, then a
home page and one chapter translated. It touches only mkdocs.yml, translations/de/, docs/de/ and
CODEOWNERS; the strict build passes; everything still in English is marked as English."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from handbook.commands.new_language import scaffold
from tests.support import DEFAULT, ROOT, Build, copy_project, run_build

NEW = "de"
TRANSLATED = ("index", "facts")  # written in German in tests/site/new_language/
START = "Los geht's"  # the tool's start button, translated in the new language's ui.yml


def files(project: Path) -> dict[str, str]:
    return {path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in project.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    project = copy_project(tmp_path_factory.mktemp("new-language") / "project")
    shutil.copytree(ROOT / ".github", project / ".github")
    before = files(project)
    result = subprocess.run([sys.executable, "-m", "handbook.commands.new_language", NEW, "--name", "Deutsch"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for page in TRANSLATED:
        shutil.copy(Path(__file__).parent / "new_language" / f"{page}.md", project / "docs" / NEW / f"{page}.md")
    ui = project / "translations" / NEW / "ui.yml"
    text = ui.read_text(encoding="utf-8")
    assert f"  start: {_tool_start()}\n" in text
    ui.write_text(text.replace(f"  start: {_tool_start()}\n", f'  start: "{START}"\n'), encoding="utf-8")
    return project, before, files(project)


def _tool_start() -> str:
    return yaml.safe_load((ROOT / "translations" / DEFAULT / "ui.yml").read_text(encoding="utf-8"))["tool"]["start"]


@pytest.fixture(scope="module")
def built(added: tuple[Path, dict[str, str], dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = added[0]
    site_dir = tmp_path_factory.mktemp("new-language-site")
    result = run_build(project, site_dir)
    assert result.returncode == 0, f"the strict build with a new language failed:\n{result.stderr[-4000:]}"
    return Build(site_dir, result.stderr)


def page(built: Build, name: str) -> str:
    path = built.site / NEW / ("" if name == "index" else name) / "index.html"
    return path.read_text(encoding="utf-8")


def test_adding_a_language_touches_only_its_own_places(added: tuple[Path, dict[str, str], dict[str, str]]) -> None:
    _, before, after = added
    changed = {name for name in after if before.get(name) != after[name]}
    allowed = re.compile(rf"^(mkdocs\.yml|\.github/CODEOWNERS|translations/{NEW}/.*|docs/{NEW}/.*)$")
    assert changed and all(allowed.match(name) for name in changed), sorted(changed)
    assert {f"translations/{NEW}/language.yml", f"translations/{NEW}/ui.yml", "mkdocs.yml", ".github/CODEOWNERS"} <= changed


def test_a_language_cannot_be_added_twice(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with pytest.raises(ValueError, match="already a language"):
        scaffold(project, DEFAULT, "English")


def test_the_new_languages_pages_are_in_it_and_the_rest_is_marked_english(built: Build) -> None:
    for name in TRANSLATED:
        html = page(built, name)
        assert '<html lang="de"' in html and f'<div lang="{DEFAULT}">' not in html, name
    fallback = page(built, "listening")
    assert '<html lang="de"' in fallback and f'<div lang="{DEFAULT}">' in fallback


def test_navigation_titles_of_untranslated_pages_are_marked_english(built: Build) -> None:
    html = page(built, "facts")
    marked = set(re.findall(rf'<span lang="{DEFAULT}">([^<]+)</span>', html))
    assert "Listening and acknowledging" in marked
    assert not any("Fakten" in title for title in marked)


def test_print_chapters_and_the_card_mark_what_is_english(built: Build) -> None:
    book = page(built, "print")
    chapters = dict(re.findall(r'<section class="hb-chapter" aria-labelledby="([^"]+)"([^>]*)>', book))
    assert chapters["listening"] == f' lang="{DEFAULT}"'
    assert all(chapters[name] == "" for name in TRANSLATED)
    card = page(built, "quick-card")
    assert f'<ol class="hb-card__questions" lang="{DEFAULT}">' in card  # the tool is not translated yet
    assert '<h1>Ein Kunde ist gerade wütend</h1>' in card


def test_the_untranslated_tool_speaks_english_throughout(built: Build) -> None:
    html = page(built, "decision-tool")
    assert f'<div lang="{DEFAULT}">' in html
    assert START not in html and _tool_start() in html
