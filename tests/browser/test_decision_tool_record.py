"""The decision tool's outcome as a case record: "Copy as a note", print or save as PDF on one
A4 page, and the private note that is printed and copied but never kept or sent.

The record's mechanism is tested on the fixture tree's site in all five languages; that every
outcome of the real tree fits one A4 page, in every language, on the real site.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from handbook.decision_tree.model import Outcome, Tree
from handbook.decision_tree.paths import all_paths, fragment
from tests.browser.test_decision_tool import expect_step, tool_url, tool_words
from tests.support import DEFAULT, LANGUAGES, SITE

NOTE = "Client: Jökull & Sons (ÅÇ-4711), meeting 3 May"
PATH = "first=no/second=once"  # the fixture tree's "Set limits", after two questions


@pytest.fixture
def clipboard_context(browser: Browser, fixture_site_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=fixture_site_url.rstrip("/"))
    context.set_default_timeout(20_000)
    yield context
    context.close()


def fixture_text(language: str, english: str) -> str:
    """The fixture tree's text as its translations give it (tests/fixture_tree.py)."""
    return english if language == DEFAULT else f"[{language}] {english}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_as_a_note_holds_every_answer_the_outcome_and_the_link(
        clipboard_context: BrowserContext, fixture_site_url: str, language: str) -> None:
    words = tool_words(language)
    page = clipboard_context.new_page()
    page.goto(tool_url(fixture_site_url, language) + "#" + PATH)
    expect_step(page, "set-limits")
    page.locator("[data-hb-note]").fill(NOTE)
    page.locator("[data-hb-copy]").click()
    expect(page.locator("[data-hb-record-status]")).to_have_text(words["copied"])
    note = page.evaluate("navigator.clipboard.readText()")
    t = lambda english: fixture_text(language, english)  # noqa: E731
    expected = [
        words["record_head"].format(date=datetime.date.today().isoformat(), version=""),
        f'{words["note_label"]} {NOTE}',
        "1. " + t("Is the client abusive?"), "   " + t("No"),
        "2. " + t("Are they rude to your staff?"), "   " + t("Once"),
        f'{words["outcome"]}: {t("Set limits")}',
        f'{words["why"]}: {t("Once can be a bad day.")}',
        "1. " + t("Say what you accept."), "2. " + t("Write it down."),
        f'{words["record_link"]} {tool_url(fixture_site_url, language)}#{PATH}',
    ]
    for line in expected:
        assert line in note, f"{line!r} missing from the copied note:\n{note}"
    assert re.search(r"^- .+: " + re.escape(fixture_site_url) + r"\S*listening/#[a-z0-9-]+$", note, re.MULTILINE), \
        "each handbook section with its full address"
    assert "Do they lie to you?" not in note and "<" not in note.replace(NOTE, "")


def test_the_record_names_the_tree_version(clipboard_context: BrowserContext, fixture_site_url: str) -> None:
    page = clipboard_context.new_page()
    page.goto(tool_url(fixture_site_url, DEFAULT) + "#first=yes")
    version = page.locator("[data-hb-tool]").get_attribute("data-version")
    assert version and re.fullmatch(r"[0-9a-f]{8}", version)
    page.locator("[data-hb-copy]").click()
    assert version in page.evaluate("navigator.clipboard.readText()")


def test_the_private_note_is_never_kept_put_in_the_address_or_sent(
        clipboard_context: BrowserContext, fixture_site_url: str) -> None:
    marker = "Zyx-private-4711"
    sent: list[str] = []
    page = clipboard_context.new_page()
    page.on("request", lambda request: sent.append(f"{request.url} {request.post_data or ''} {request.headers}"))
    page.goto(tool_url(fixture_site_url, "kk") + "#" + PATH)
    expect(page.locator("#hb-record-privacy")).to_have_text(tool_words("kk")["note_privacy"])
    page.locator("[data-hb-note]").fill(f"{marker} 2024")
    page.locator("[data-hb-copy]").click()
    page.emulate_media(media="print")
    page.pdf(format="A4")
    page.emulate_media(media="screen")
    page.locator("[data-hb-restart]:visible").click()
    page.locator("#first a[data-hb-answer='yes']").click()
    expect_step(page, "end-now")
    page.go_back()
    page.locator(".md-header__option .md-select button").hover()
    page.locator("a.md-select__link[hreflang='pt']").click()
    page.wait_for_url(re.compile(r"/pt/decision-tool/"))
    storage = page.evaluate("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])")
    assert marker not in page.url and all(marker not in url for url in [page.url])
    assert marker not in storage
    assert not any(marker in request for request in sent)
    expect(page.locator("[data-hb-note]")).to_have_value("")  # another page: the note is gone


def squeezed(text: str) -> str:
    return "".join(text.split())


def pdf_of(page: Page) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_gives_one_clean_a4_page_for_every_outcome_of_the_real_tree_at_its_longest(
        page: Page, site_url: str, trees: dict[str, Tree], language: str) -> None:
    tree = trees[language]
    longest: dict[str, tuple] = {}
    for steps, outcome in all_paths(tree):
        if outcome.id not in longest or len(steps) > len(longest[outcome.id][0]):
            longest[outcome.id] = (steps, outcome)
    intro_link = tool_words(language)["overview_link"]
    for steps, outcome in longest.values():
        page.goto(tool_url(site_url, language) + "#" + fragment(steps))
        expect_step(page, outcome.id)
        page.locator("[data-hb-note]").fill(NOTE + "\n" + NOTE)
        pdf = pdf_of(page)
        assert len(pdf.pages) == 1, f"{language} {outcome.id}: {len(pdf.pages)} pages"
        text = squeezed(pdf.pages[0].extract_text())  # PDF text comes with spaces inside Kazakh words
        assert squeezed(outcome.title.replace("*", ""))[:30] in text
        assert squeezed(NOTE) in text
        assert squeezed(site_url) in text, "links print with their addresses"
        assert squeezed(intro_link) not in text, "the page's introduction is not printed"


def test_without_javascript_an_outcome_prints_cleanly_on_one_page(browser: Browser, site_url: str, trees: dict[str, Tree]) -> None:
    tree = trees[DEFAULT]
    outcome = next(node for node in tree.nodes.values() if isinstance(node, Outcome))
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(tool_url(site_url, DEFAULT) + "#" + outcome.id)
        pdf = pdf_of(page)
        text = squeezed(pdf.pages[0].extract_text())
        assert len(pdf.pages) == 1
        assert squeezed(outcome.title.replace("*", "")) in text and squeezed(outcome.next_steps[0].replace("*", ""))[:40] in text
        others = [node.text for node in tree.nodes.values() if not isinstance(node, Outcome)]
        assert not any(squeezed(other)[:40] in text for other in others), "only the outcome is printed"
        assert squeezed(tool_words(DEFAULT)["print"]) not in text
    finally:
        context.close()
