"""Link previews: every page's Open Graph and Twitter tags, in its own language, with absolute
addresses, and each language's preview picture with the handbook's name in that language."""

from __future__ import annotations

import html
import re

import pytest
from PIL import Image

from handbook.link_preview import IMAGE, SIZE
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_preview_picture(build: Build, language: str) -> None:
    picture = SITE.folder(build.site, language) / IMAGE
    with Image.open(picture) as image:
        assert image.format == "PNG" and image.size == SIZE
        assert len(image.getcolors(maxcolors=100_000) or []) > 2, "the picture has no text on it"
    pictures = {(SITE.folder(build.site, other) / IMAGE).read_bytes() for other in LANGUAGES}
    assert len(pictures) == len(LANGUAGES), "two languages share one preview picture"
