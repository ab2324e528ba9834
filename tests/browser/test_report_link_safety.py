""""Report a problem" takes only the page, the language and a section of the page from the address:
a crafted #fragment or the decision tool's answers never reach the report."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.tool_steps import answer_on_screen
from tests.support import SITE, mkdocs_config

CRAFTED = [
    "%0A%0A**URGENT**%20the%20handbook%20moved:%20https://evil.example%20@maintainer&labels=security&title=pwned",
    "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    "not-a-section-of-this-page",
    "hb-report",  # an id on the page, but not a section
    "%E0%A4%A",  # a broken escape
]


def _body(page: Page) -> list[str]:
    href = page.locator("a[data-hb-report]").get_attribute("href")
    return parse_qs(urlsplit(href).query)["body"][0].split("\n")


def _expected_start(language: str, name: str) -> list[str]:
    return [f"Page: {mkdocs_config().site_url + SITE.page_url(language, name)}", f"Language: {language}", ""]


@pytest.mark.parametrize("fragment", CRAFTED)
def test_a_crafted_fragment_adds_nothing_to_the_report(page: Page, site_url: str, fragment: str) -> None:
    page.goto(site_url + SITE.page_url("en", "listening") + "#" + fragment)
    page.wait_for_load_state("load")
    body = _body(page)
    assert body[:3] == _expected_start("en", "listening")
    assert not any(word in "\n".join(body) for word in ("URGENT", "evil", "@maintainer", "onerror", "not-a-section"))


def test_the_decision_tools_answers_stay_out_of_the_report(page: Page, site_url: str) -> None:
    page.goto(site_url + SITE.page_url("en", "decision-tool"))
    answer_on_screen(page)
    expect(page).to_have_url(re.compile(r"#[^#]*="))
    body = _body(page)
    assert body[:3] == _expected_start("en", "decision-tool")
    assert "=" not in "\n".join(body)


def test_a_section_of_the_page_is_still_named(page: Page, site_url: str) -> None:
    page.goto(site_url + SITE.page_url("en", "listening") + "#acknowledge-the-feeling")
    assert _body(page)[2].endswith("(#acknowledge-the-feeling)")
