"""Add to home screen: Chromium reads each language's web app manifest from the language's
pages, with the handbook's name in that language, its home page as the start, and icons that load.
That every page and 404 page links to its language's manifest is checked in the built HTML
(tests/site/test_pages.py)."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext

from handbook.content.words import load_words
from tests.support import LANGUAGES, SITE, mkdocs_config

WORDS = load_words(SITE.project_dir, SITE.languages, SITE.default)


def site_name(language: str) -> str:
    config = mkdocs_config()
    names = {lang.locale: lang.site_name for lang in config.plugins["i18n"].config.languages}
    return names.get(language) or config.site_name


@pytest.mark.parametrize("language", LANGUAGES)
def test_chromium_reads_the_manifest_of_the_page_language(context: BrowserContext, site_url: str,
                                                          language: str) -> None:
    page = context.new_page()
    page.goto(site_url + SITE.page_url(language, "listening"))
    cdp = context.new_cdp_session(page)
    result = cdp.send("Page.getAppManifest")
    assert result["url"] == site_url + SITE.root(language) + "manifest.webmanifest"
    assert result["errors"] == [], result["errors"]
    manifest = page.evaluate("url => fetch(url).then(r => r.json())", result["url"])
    assert manifest["name"] == site_name(language)
    assert manifest["short_name"] == WORDS[language]["app.short_name"]
    assert manifest["lang"] == language
    start = page.evaluate("([start, base]) => new URL(start, base).href", [manifest["start_url"], result["url"]])
    assert start == site_url + SITE.root(language)
    sizes = set()
    for icon in manifest["icons"]:
        response = page.request.get(page.evaluate("([src, base]) => new URL(src, base).href", [icon["src"], result["url"]]))
        assert response.ok and response.headers["content-type"] == "image/png"
        with Image.open(BytesIO(response.body())) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
            sizes.add(image.width)
    assert {192, 512} <= sizes, "home screens need a 192 px and a 512 px icon"

