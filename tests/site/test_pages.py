"""Every built page: its language, its alternates, its description, its date and its edit link.

The page checks are plain functions of (site, built site folder, language, page), so they run on
the real build and on a copy with a page that exists in English only, as a new page does until
it is translated: the site then shows the English text, and every check must still hold.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin
from collections.abc import Callable
from pathlib import Path

import babel
import pytest

from handbook.content.site import Site
from tests.support import LANGUAGES, NEW_PAGE, PAGES, Build, mkdocs_config

ALL = [(language, page) for language in LANGUAGES for page in PAGES]


def html_of(site: Site, site_dir: Path, language: str, page: str) -> str:
    return site.built_file(site_dir, language, page).read_text(encoding="utf-8")


def check_html_lang(site: Site, site_dir: Path, language: str, page: str) -> None:
    assert re.search(r'<html lang="([^"]+)"', html_of(site, site_dir, language, page)).group(1) == language


def canonical(site: Site, site_dir: Path, language: str, page: str) -> str:
    """The absolute address MkDocs itself gives a built page: its canonical link."""
    return re.search(r'<link rel="canonical" href="([^"]+)"', html_of(site, site_dir, language, page)).group(1)


def check_alternates(site: Site, site_dir: Path, language: str, page: str) -> None:
    # Absolute addresses, as search engines require; x-default is the default language. Each is the
    # address MkDocs gives that language's page itself, not a copy of the handbook's address rule.
    html = html_of(site, site_dir, language, page)
    alternates = dict((lang, href) for href, lang in
                      re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))
    assert set(alternates) == {*site.languages, "x-default"}
    for lang, href in alternates.items():
        assert href.startswith(("http://", "https://"))
        assert href == canonical(site, site_dir, site.default if lang == "x-default" else lang, page)


def check_description(site: Site, site_dir: Path, language: str, page: str) -> None:
    source = site.source_of(language, page)
    wanted = site.source(language, page).meta.get("description")
    assert wanted, f"{source} has no 'description:' in its front matter"
    described = re.search(r'<meta name="description" content="([^"]*)"', html_of(site, site_dir, language, page))
    assert described and described.group(1).strip() and str(wanted).strip()[:20] in described.group(1)


def check_edit_link(site: Site, site_dir: Path, language: str, page: str) -> None:
    config = mkdocs_config(site.project_dir)
    edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"',
                     html_of(site, site_dir, language, page))
    assert edit, "no edit link"
    source = site.source_of(language, page).relative_to(site.docs_dir).as_posix()
    assert edit.group(1) == f"{config.repo_url.rstrip('/')}/{config.edit_uri}{source}"


def check_assets_once(site: Site, site_dir: Path, language: str, page: str) -> None:
    # mkdocs-static-i18n runs every hook once per language; nothing may pile up across them.
    html = html_of(site, site_dir, language, page)
    assert html.count("assets/stylesheets/handbook.css") == 1
    assert html.count('id="__config"') == 1
    # The decision tool's script only on its own page, its styles on its two pages.
    assert html.count("assets/javascripts/decision-tool.js") == (page == "decision-tool")
    assert html.count("assets/stylesheets/decision-tool.css") == (page in {"decision-tool", "decision-tool-overview"})


def manifest_address(html: str, page_address: str) -> str:
    """Where the page's web app manifest link leads, resolved as a browser resolves it."""
    link = re.search(r'<link rel="manifest" href="([^"]+)"', html)
    assert link, "no link to a web app manifest"
    return urljoin(page_address, link.group(1))


def check_manifest(site: Site, site_dir: Path, language: str, page: str) -> None:
    # Add to home screen installs the handbook in the language being read (tests/browser/test_web_app.py).
    wanted = f"/{site.root(language)}manifest.webmanifest"
    assert manifest_address(html_of(site, site_dir, language, page), "/" + site.page_url(language, page)) == wanted


PAGE_CHECKS: dict[str, Callable[[Site, Path, str, str], None]] = {
    "html lang": check_html_lang, "alternates": check_alternates, "description": check_description,
    "edit link": check_edit_link, "assets once": check_assets_once, "manifest": check_manifest,
}


@pytest.mark.parametrize("language,page", ALL)
def test_html_lang_is_the_page_language(site: Site, build: Build, language: str, page: str) -> None:
    check_html_lang(site, build.site, language, page)


@pytest.mark.parametrize("language,page", ALL)
def test_hreflang_alternates_point_to_the_same_page_in_every_language(site: Site, build: Build, language: str, page: str) -> None:
    check_alternates(site, build.site, language, page)


@pytest.mark.parametrize("language,page", ALL)
def test_every_page_has_its_own_description_in_its_language(site: Site, build: Build, language: str, page: str) -> None:
    check_description(site, build.site, language, page)


@pytest.mark.parametrize("language,page", ALL)
def test_edit_this_page_opens_the_source_of_the_language_being_read(site: Site, build: Build, language: str, page: str) -> None:
    check_edit_link(site, build.site, language, page)


@pytest.mark.parametrize("language,page", ALL)
def test_each_language_build_adds_the_handbook_assets_once(site: Site, build: Build, language: str, page: str) -> None:
    check_assets_once(site, build.site, language, page)


@pytest.mark.parametrize("language,page", ALL)
def test_every_page_links_to_the_web_app_manifest_of_its_language(site: Site, build: Build, language: str, page: str) -> None:
    check_manifest(site, build.site, language, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_404_page_links_to_the_manifest_of_its_language_at_any_depth(site: Site, build: Build, language: str) -> None:
    html = (site.folder(build.site, language) / "404.html").read_text(encoding="utf-8")
    for missing in ("missing", "missing/page/", "a/b/c/d"):
        address = f"/{site.root(language)}{missing}"
        assert manifest_address(html, address) == f"/{site.root(language)}manifest.webmanifest", address


@pytest.fixture(scope="module")
def site_with_an_english_only_page(partly_translated_build: Build) -> tuple[Site, Path]:
    """A copy of the project with one more page, in English only, in the nav and published ids."""
    return Site.load(partly_translated_build.project), partly_translated_build.site


@pytest.mark.parametrize("check", PAGE_CHECKS)
def test_a_page_that_exists_in_english_only_passes_every_page_check(
        site_with_an_english_only_page: tuple[Site, Path], check: str) -> None:
    site, site_dir = site_with_an_english_only_page
    assert NEW_PAGE in site.pages() and not site.is_translated("kk", NEW_PAGE)
    for language in site.languages:
        PAGE_CHECKS[check](site, site_dir, language, NEW_PAGE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_last_update_date_is_written_in_the_page_language(site: Site, build: Build, language: str) -> None:
    html = html_of(site, build.site, language, "listening")
    fact = re.search(r'md-source-file__fact">.*?</span>\s*(.+?)\s*</span>', html, re.DOTALL)
    assert fact, "the page shows no date"
    months = babel.Locale.parse(language).months["format"]["wide"].values()
    assert any(month.lower() in fact.group(1).lower() for month in months), fact.group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_404_page(site: Site, build: Build, language: str) -> None:
    html = (site.folder(build.site, language) / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html


def test_no_page_asks_for_google_fonts_or_any_other_host(build: Build) -> None:
    for path in build.site.glob("**/*.html"):
        html = path.read_text(encoding="utf-8")
        for found in re.finditer(r'(?:src|href)="(https?://[^"]+)"', html):
            tag = html[html.rfind("<", 0, found.start()):found.start()]
            # Links to follow, not to load: the page's own addresses (canonical, hreflang alternates).
            assert tag.startswith(("<a ", "<link rel=\"canonical\"", "<link rel=\"alternate\"")), f"{path}: {tag}{found.group(1)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_decision_page_holds_the_tool_once_and_the_overview_page_the_outline_once(site: Site, build: Build, language: str) -> None:
    assert html_of(site, build.site, language, "decision-tool").count("data-hb-tool") == 1
    assert html_of(site, build.site, language, "decision-tool-overview").count('class="hb-overview"') == 1
    assert "<!-- decision-tree" not in html_of(site, build.site, language, "decision-tool")
