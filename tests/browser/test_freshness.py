"""What a reader sees of an English change not yet checked in their language: a notice at that
section, in their language, that leads to the English section."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.freshness_project import PAGE, SECTION, Changed
from tests.support import DEFAULT, LANGUAGES, ROOT, SITE, serve


@pytest.fixture(scope="module")
def changed_url(changed: Changed) -> Iterator[str]:
    server, url = serve(changed.site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != DEFAULT])
def test_the_notice_stands_at_the_changed_section_and_opens_the_english_one(page: Page, changed_url: str,
                                                                             language: str) -> None:
    words = yaml.safe_load((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"))["freshness"]
    page.goto(changed_url + SITE.page_url(language, PAGE) + f"#{SECTION}")
    notice = page.locator(f"h2#{SECTION} + .hb-outdated")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(words["notice"].split("{date}")[0].strip())
    expect(page.locator(".hb-outdated")).to_have_count(1)
    if os.environ.get("HANDBOOK_SCREENSHOTS"):
        notice.scroll_into_view_if_needed()
        page.screenshot(path=str(Path(os.environ["HANDBOOK_SCREENSHOTS"]) / f"outdated-{language}.png"))
    notice.get_by_role("link", name=words["link"]).click()
    page.wait_for_url(changed_url + SITE.page_url(DEFAULT, PAGE) + f"#{SECTION}")
    expect(page.locator("html")).to_have_attribute("lang", DEFAULT)
    expect(page.locator(f"#{SECTION}")).to_be_in_viewport()
