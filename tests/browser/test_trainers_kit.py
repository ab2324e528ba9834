"""What trainers use, in a real browser: copy buttons, knowledge checks, the scenarios' links into
the decision tool, and "Report a problem with this page"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from handbook.decision_tree.model import Tree
from handbook.decision_tree.paths import resolve
from tests.browser.test_decision_tool import expect_step
from tests.support import DEFAULT, LANGUAGES, ROOT, SITE, mkdocs_config

QUOTES = "\"“”„«»"
# Material's colour for question boxes: green, which would read as "right" on a closed option.
MATERIAL_QUESTION_GREEN = "rgb(100, 221, 23)"


def words(language: str, group: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"))[group]


def page_url(site_url: str, language: str, page: str) -> str:
    return site_url + SITE.page_url(language, page)


@pytest.fixture
def clipboard_page(context: BrowserContext, site_url: str) -> Iterator[Page]:
    """A page allowed to write and read the clipboard (Chromium asks for both permissions)."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield context.new_page()


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def expect_clipboard(page: Page, expected: str) -> None:
    page.wait_for_function("expected => navigator.clipboard.readText().then(text => text === expected)",
                           arg=expected, timeout=15_000)
    assert clipboard(page) == expected


def expect_announced(page: Page, text: str) -> None:
    """The confirmation is in a polite live region, which screen readers read out."""
    status = page.locator("[data-hb-copy-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(text)


# Copy buttons

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_copy_button_of_a_what_to_say_box_copies_the_phrase_without_its_title(
        clipboard_page: Page, site_url: str, language: str) -> None:
    page = clipboard_page
    copy = words(language, "copy")
    page.goto(page_url(site_url, language, "listening"))
    box = page.locator("div.admonition.say").nth(1)
    phrase = box.locator("p:not(.admonition-title)").inner_text().strip()
    assert phrase[0] in QUOTES and phrase[-1] in QUOTES, phrase
    button = box.get_by_role("button", name=copy["phrase_label"])
    expect(button).to_have_text(copy["phrase"])
    button.click()
    expect_clipboard(page, phrase[1:-1].strip())
    assert box.locator(".admonition-title").inner_text().split("\n")[0] not in clipboard(page)
    expect(button).to_have_text(copy["phrase_done"])
    expect_announced(page, copy["phrase_done"])
    expect(button).to_have_text(copy["phrase"], timeout=15_000)  # the confirmation goes away again


def test_every_what_to_say_box_has_one_copy_button(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, DEFAULT, "phrasebook"))
    boxes = page.locator("div.admonition.say")
    assert boxes.count() > 10
    expect(page.locator("div.admonition.say .admonition-title button.hb-copy")).to_have_count(boxes.count())


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_link_to_a_section_copies_its_full_address(clipboard_page: Page, site_url: str, language: str) -> None:
    page = clipboard_page
    copy = words(language, "copy")
    page.goto(page_url(site_url, language, "listening") + "?h=customer")  # a search's query is left out
    heading = page.locator("h2#acknowledge-the-feeling")
    heading.hover()
    button = heading.get_by_role("button", name=copy["link"])
    expect(button).to_be_visible()
    button.click()
    expect_clipboard(page, page_url(site_url, language, "listening") + "#acknowledge-the-feeling")
    expect_announced(page, copy["link_done"])


def test_every_section_heading_offers_copy_link_and_the_tool_steps_do_not(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, DEFAULT, "resolving"))
    sections = len(SITE.section_ids(DEFAULT, "resolving"))
    expect(page.locator("article :is(h2, h3)[id] > button.hb-copy-link")).to_have_count(sections)
    page.goto(page_url(site_url, DEFAULT, "decision-tool"))
    expect(page.locator("[data-hb-node] button.hb-copy-link")).to_have_count(0)


def test_a_copy_link_is_announced_again_when_copied_twice(clipboard_page: Page, site_url: str) -> None:
    page = clipboard_page
    done = words(DEFAULT, "copy")["link_done"]
    page.goto(page_url(site_url, DEFAULT, "facts"))
    page.evaluate("""() => { window.hbSaid = [];
        new MutationObserver(() => window.hbSaid.push(document.querySelector('[data-hb-copy-status]').textContent))
            .observe(document.querySelector('[data-hb-copy-status]'), {childList: true, characterData: true, subtree: true}); }""")
    button = page.locator("h2#find-the-root-cause button.hb-copy-link")
    button.focus()
    page.keyboard.press("Enter")
    expect_announced(page, done)
    page.keyboard.press("Enter")
    page.wait_for_function("done => window.hbSaid.filter(text => text === done).length === 2", arg=done)


# Knowledge checks

def check_a_knowledge_check(page: Page, site_url: str, language: str) -> None:
    # How an explanation starts, right or not, in the language the page is written in (language.yml).
    written_in = language if SITE.is_translated(language, "understanding") else DEFAULT
    right, wrong = SITE.language(written_in).knowledge_check
    page.goto(page_url(site_url, language, "understanding") + "#check-your-understanding")
    options = page.locator("h2#check-your-understanding ~ details.question")
    assert options.count() >= 9  # 3 to 5 questions of 3 options
    for index in range(3):  # the first question's options
        option = options.nth(index)
        explanation = option.locator("p").first
        expect(option).not_to_have_attribute("open", "")
        expect(explanation).to_be_hidden()
        option.locator("summary").click()
        expect(option).to_have_attribute("open", "")
        expect(explanation).to_be_visible()
        text = explanation.inner_text()
        assert text.startswith((right, wrong)), text
    verdicts = [options.nth(i).locator("p").first.inner_text().startswith(right) for i in range(3)]
    assert verdicts.count(True) == 1, verdicts


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_knowledge_check_reveals_its_explanation_with_javascript(page: Page, site_url: str, language: str) -> None:
    check_a_knowledge_check(page, site_url, language)


@pytest.mark.parametrize("language", [DEFAULT, "kk"])
def test_a_knowledge_check_reveals_its_explanation_without_javascript(
        browser: Browser, site_url: str, language: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        check_a_knowledge_check(context.new_page(), site_url, language)
    finally:
        context.close()


def test_a_closed_option_does_not_look_right_or_wrong(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, DEFAULT, "when-to-fire") + "#check-your-understanding")
    looks = page.locator("h2#check-your-understanding ~ details.question").evaluate_all("""options => options.map(
        option => { const box = getComputedStyle(option), title = getComputedStyle(option.querySelector('summary'));
                    return [box.borderLeftColor, title.backgroundColor, title.color].join(' / '); })""")
    assert len(set(looks)) == 1, set(looks)
    assert MATERIAL_QUESTION_GREEN not in looks[0]


# The scenarios' links into the decision tool

def node_at(tree: Tree, fragment: str) -> str:
    """The step a tool address opens (handbook/decision_tree/paths.py), which must be understood."""
    state = resolve(tree, fragment)
    assert state.problem is None, f"{fragment}: {state.problem}"
    return state.current


def scenario_tool_paths(language: str) -> list[str]:
    text = (ROOT / "docs" / language / "scenarios.md").read_text(encoding="utf-8")
    return list(dict.fromkeys(re.findall(r"\]\(decision-tool\.md#([^)\s]+)\)", text)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_scenarios_tool_link_opens_the_step_it_names(
        page: Page, site_url: str, trees: dict[str, Tree], language: str) -> None:
    paths = scenario_tool_paths(language)
    assert paths, f"docs/{language}/scenarios.md links to no decision-tool path"
    for fragment in paths if language == DEFAULT else paths[:2]:
        page.goto(page_url(site_url, language, "scenarios"))
        page.locator(f'article a[href$="decision-tool/#{fragment}"]').first.click()
        # An outcome's address keeps only the answers on its path (older links are rewritten so).
        page.wait_for_url(re.compile(re.escape(page_url(site_url, language, "decision-tool") + "#")))
        expect_step(page, node_at(trees[language], fragment))


# Report a problem with this page

def report_address(page: Page) -> tuple[str, dict[str, str]]:
    href = page.locator("a[data-hb-report]").get_attribute("href")
    parts = urlsplit(href)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {k: v[0] for k, v in parse_qs(parts.query).items()}


def published_address(language: str, page: str) -> str:
    return mkdocs_config().site_url + SITE.page_url(language, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_link_is_prefilled_with_page_language_and_section(page: Page, site_url: str, language: str) -> None:
    report = words(language, "report")
    page.goto(page_url(site_url, language, "listening") + "#acknowledge-the-feeling")
    link = page.locator("a[data-hb-report]")
    expect(link).to_have_text(report["link"])
    address, fields = report_address(page)
    assert address == mkdocs_config().repo_url.rstrip("/") + "/issues/new"
    title = SITE.source(language, "listening").title
    assert fields["title"] == report["issue_title"].replace("{page}", title)
    heading = next(s for s in SITE.sections(language, "listening") if s.id == "acknowledge-the-feeling")
    assert fields["body"].split("\n")[:3] == [
        f"{report['page']}: {published_address(language, 'listening')}",
        f"{report['language']}: {language}",
        f"{report['section']}: {heading.title} (#acknowledge-the-feeling)",
    ]
    assert report["describe"] in fields["body"]

    page.evaluate("location.hash = 'use-the-customers-name'")  # the reader moves on: the link follows
    expect(link).to_have_attribute("href", re.compile(r"use-the-customers-name"))


def test_the_report_link_names_no_section_when_the_reader_came_to_the_page_itself(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, "pt", "facts"))
    _, fields = report_address(page)
    report = words("pt", "report")
    assert fields["body"].split("\n")[:3] == [
        f"{report['page']}: {published_address('pt', 'facts')}", f"{report['language']}: pt", ""]


def test_the_report_link_works_without_javascript_and_sends_nothing(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    requests: list[str] = []
    try:
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_url(site_url, "tr", "resolving") + "#follow-up")
        address, fields = report_address(page)
        assert address.startswith("https://github.com/")
        report = words("tr", "report")
        assert fields["body"].split("\n")[:3] == [
            f"{report['page']}: {published_address('tr', 'resolving')}", f"{report['language']}: tr", ""]
        assert all(url.startswith(site_url) for url in requests), [u for u in requests if not u.startswith(site_url)]
        assert context.cookies() == []
    finally:
        context.close()


@pytest.mark.parametrize("language", [DEFAULT, "kk"])
def test_axe_finds_no_violations_on_a_chapter_with_copy_buttons_and_an_open_knowledge_check(
        page: Page, site_url: str, language: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(page_url(site_url, language, "listening") + "#check-your-understanding")
    page.locator("h2#check-your-understanding ~ details.question summary").first.click()
    expect(page.locator("button.hb-copy").first).to_be_attached()
    results = Axe().run(page)
    assert results.response["violations"] == [], results.generate_report()
