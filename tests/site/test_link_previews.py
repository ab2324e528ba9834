"""Link previews: every page's Open Graph and Twitter tags, in its own language, with absolute
addresses, and each language's preview picture with the handbook's name in that language."""

from __future__ import annotations

import html
import re

import pytest
from PIL import Image

from handbook.paper.link_preview import IMAGE, SIZE
from tests.support import LANGUAGES, PAGES, SITE, Build, mkdocs_config

SITE_URL = mkdocs_config().site_url


def meta(page_html: str) -> dict[str, str]:
    tags = re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', page_html)
    return {name: html.unescape(value) for name, value in tags if name not in {"og:locale:alternate"}}


@pytest.mark.parametrize("language,page", [(language, page) for language in LANGUAGES for page in PAGES])
def test_every_page_has_link_preview_tags_in_its_language(build: Build, language: str, page: str) -> None:
    text = SITE.built_file(build.site, language, page).read_text(encoding="utf-8")
    tags = meta(text)
    source = SITE.source(language, page)
    title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    # The address MkDocs itself gives the page (its canonical link), not the handbook's own rule.
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', text).group(1)
    assert tags["og:url"] == canonical
    assert tags["og:locale"] == SITE.language(language).locale and re.fullmatch(r"[a-z]{2}_[A-Z]{2}", tags["og:locale"])
    assert tags["og:type"] == ("website" if page == "index" else "article")
    assert tags["og:title"] and html.unescape(title).startswith(tags["og:title"]) or page == "index"
    assert tags["og:description"] == str(source.meta["description"]).strip()
    assert tags["twitter:description"] == tags["og:description"]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:image"] == tags["twitter:image"] == SITE_URL + SITE.root(language) + IMAGE
    config = mkdocs_config()
    names = {lang.locale: lang.site_name for lang in config.plugins["i18n"].config.languages}
    assert tags["og:site_name"] == (names.get(language) or config.site_name)
    others = re.findall(r'<meta property="og:locale:alternate" content="([^"]+)"', text)
    assert sorted(others) == sorted(SITE.language(other).locale for other in LANGUAGES if other != language)


PAPER = ["print", "quick-card"]


@pytest.mark.parametrize("page", PAPER)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_print_page_and_the_quick_card_have_link_preview_tags(build: Build, language: str, page: str) -> None:
    text = SITE.built_file(build.site, language, page).read_text(encoding="utf-8")
    tags = meta(text)
    address = SITE_URL + SITE.page_url(language, page)
    assert re.search(r'<link rel="canonical" href="([^"]+)"', text).group(1) == address == tags["og:url"]
    assert tags["og:locale"] == SITE.language(language).locale
    assert tags["og:type"] == "article"
    title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1)).strip()
    assert tags["og:title"] == tags["twitter:title"] == title
    description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"', text).group(1))
    assert description and tags["og:description"] == tags["twitter:description"] == description
    names = {lang.locale: lang.site_name for lang in mkdocs_config().plugins["i18n"].config.languages}
    assert tags["og:site_name"] == (names.get(language) or mkdocs_config().site_name)
    assert tags["og:image"] == tags["twitter:image"] == SITE_URL + SITE.root(language) + IMAGE
    alternates = dict(re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', text))
    assert sorted(alternates.values()) == sorted(LANGUAGES)
    assert all(href == SITE_URL + SITE.page_url(lang, page) for href, lang in alternates.items())


def test_every_page_of_the_site_has_link_previews(build: Build) -> None:
    """Every page a reader can share: the pages of every language, the print pages, the quick
    cards and the scenarios' handouts (not the 404 pages, nor the /en/ addresses that forward to
    the English pages)."""
    pages = [file for file in build.site.rglob("*.html")
             if file.name != "404.html" and file.relative_to(build.site).parts[0] != "en"]
    handouts = [file for file in pages if "handouts" in file.relative_to(build.site).parts]
    assert len(pages) - len(handouts) == len(LANGUAGES) * (len(PAGES) + len(PAPER))
    assert len(handouts) >= len(LANGUAGES) * 10
    without = [str(file.relative_to(build.site)) for file in pages
               if 'property="og:title"' not in file.read_text(encoding="utf-8")]
    assert without == [], f"{len(pages) - len(without)} of {len(pages)} pages have link previews"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_preview_picture(build: Build, language: str) -> None:
    picture = SITE.folder(build.site, language) / IMAGE
    with Image.open(picture) as image:
        assert image.format == "PNG" and image.size == SIZE
        assert len(image.getcolors(maxcolors=100_000) or []) > 2, "the picture has no text on it"
    pictures = {(SITE.folder(build.site, other) / IMAGE).read_bytes() for other in LANGUAGES}
    assert len(pictures) == len(LANGUAGES), "two languages share one preview picture"
