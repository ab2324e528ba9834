"""Every built page: its language, its alternates, its description, its date and its edit link."""

from __future__ import annotations

import re

import babel
import pytest

from support import DEFAULT, LANGUAGES, PAGES, ROOT, Build, mkdocs_config, page_path


def html_of(build: Build, language: str, page: str) -> str:
    return (build.site / page_path(language, page) / "index.html").read_text(encoding="utf-8")


ALL = [(language, page) for language in LANGUAGES for page in PAGES]


@pytest.mark.parametrize("language,page", ALL)
def test_html_lang_is_the_page_language(build: Build, language: str, page: str) -> None:
    assert re.search(r'<html lang="([^"]+)"', html_of(build, language, page)).group(1) == language


@pytest.mark.parametrize("language,page", ALL)
def test_hreflang_alternates_point_to_the_same_page_in_every_language(build: Build, language: str, page: str) -> None:
    html = html_of(build, language, page)
    here = build.site / page_path(language, page)
    alternates = dict((lang, href) for href, lang in
                      re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))
    assert set(alternates) == set(LANGUAGES)
    for lang, href in alternates.items():
        target = build.site / href.lstrip("/") if href.startswith("/") else here / href
        assert target.resolve() == (build.site / page_path(lang, page)).resolve()


@pytest.mark.parametrize("language,page", ALL)
def test_every_page_has_its_own_description_in_its_language(build: Build, language: str, page: str) -> None:
    source = (ROOT / "docs" / language / f"{page}.md").read_text(encoding="utf-8")
    wanted = re.search(r"^description:\s*(.+)$", source, re.MULTILINE)
    assert wanted, f"docs/{language}/{page}.md has no 'description:' in its front matter"
    described = re.search(r'<meta name="description" content="([^"]*)"', html_of(build, language, page))
    assert described and described.group(1).strip() and wanted.group(1).strip(" '\"")[:20] in described.group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_last_update_date_is_written_in_the_page_language(build: Build, language: str) -> None:
    html = html_of(build, language, "listening")
    fact = re.search(r'md-source-file__fact">.*?</span>\s*(.+?)\s*</span>', html, re.DOTALL)
    assert fact, "the page shows no date"
    months = babel.Locale.parse(language).months["format"]["wide"].values()
    assert any(month.lower() in fact.group(1).lower() for month in months), fact.group(1)


@pytest.mark.parametrize("language,page", ALL)
def test_edit_this_page_opens_the_source_of_the_language_being_read(build: Build, language: str, page: str) -> None:
    config = mkdocs_config()
    edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"', html_of(build, language, page))
    assert edit, "no edit link"
    assert edit.group(1) == f"{config['repo_url'].rstrip('/')}/{config['edit_uri']}{language}/{page}.md"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_404_page(build: Build, language: str) -> None:
    folder = build.site if language == DEFAULT else build.site / language
    html = (folder / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html


def test_no_page_asks_for_google_fonts_or_any_other_host(build: Build) -> None:
    for path in build.site.glob("**/*.html"):
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            tag = html[html.rfind("<", 0, html.find(url)):html.find(url)]
            assert tag.startswith(("<a ", "<link rel=\"canonical\"")), f"{path}: {tag}{url}"


@pytest.mark.parametrize("language,page", ALL)
def test_each_language_build_adds_the_handbook_assets_once(build: Build, language: str, page: str) -> None:
    # mkdocs-static-i18n runs every hook once per language; nothing may pile up across them.
    html = html_of(build, language, page)
    assert html.count("assets/stylesheets/handbook.css") == 1
    assert html.count("assets/javascripts/decision-tool.js") == 1
    assert html.count('id="__config"') == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_decision_page_holds_the_tool_once_and_the_overview_page_the_outline_once(build: Build, language: str) -> None:
    assert html_of(build, language, "decision-tool").count("data-hb-tool") == 1
    assert html_of(build, language, "decision-tool-overview").count('class="hb-overview"') == 1
    assert "<!-- decision-tree" not in html_of(build, language, "decision-tool")
