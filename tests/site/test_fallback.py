"""A page not yet translated is shown from the original, with a notice in the reader's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.support import DEFAULT, ROOT, UNTRANSLATED, Build


@pytest.fixture(scope="module")
def site_without_kazakh_sources(partly_translated_build: Build) -> Path:
    """The site built without docs/kk/sources.md (tests/support.py, partly_translated)."""
    assert UNTRANSLATED == ("kk", "sources")
    return partly_translated_build.site


def test_the_untranslated_page_still_exists_in_the_language(site_without_kazakh_sources: Path) -> None:
    html = (site_without_kazakh_sources / "kk" / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="kk"' in html


def test_the_notice_is_in_the_reader_language_and_links_to_the_original(site_without_kazakh_sources: Path) -> None:
    html = (site_without_kazakh_sources / "kk" / "sources" / "index.html").read_text(encoding="utf-8")
    words = yaml.safe_load((ROOT / "translations" / "kk" / "ui.yml").read_text(encoding="utf-8"))["untranslated"]
    assert words["title"] in html and words["body"] in html
    link = re.search(r'<a href="([^"]+)" hreflang="' + DEFAULT + r'">' + re.escape(words["link"]), html)
    assert link, "the notice has no link to the original page"
    target = (site_without_kazakh_sources / "kk" / "sources" / link.group(1)).resolve()
    assert target == (site_without_kazakh_sources / "sources").resolve()


def test_the_untranslated_text_is_marked_as_the_original_language(site_without_kazakh_sources: Path) -> None:
    html = (site_without_kazakh_sources / "kk" / "sources" / "index.html").read_text(encoding="utf-8")
    english = (site_without_kazakh_sources / "sources" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)<", english).group(1)
    assert f'<div lang="{DEFAULT}">' in html and title in html


def test_translated_pages_show_no_notice(site_without_kazakh_sources: Path) -> None:
    words = yaml.safe_load((ROOT / "translations" / "kk" / "ui.yml").read_text(encoding="utf-8"))["untranslated"]
    html = (site_without_kazakh_sources / "kk" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert words["title"] not in html
