"""The decision tool as a reader uses it: with and without JavaScript, by link, keyboard and print.

How the tool behaves is tested on the site built with the small tree of tests/fixture_tree.py
(`fixture_site_url`); what the real tree offers (every outcome reachable in every language, by
clicking, by address and without JavaScript) on the real site (`site_url`).
"""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from handbook.decision_tree.model import Tree
from handbook.decision_tree.paths import Step, all_paths, fragment
from tests.support import DEFAULT, LANGUAGES, ROOT, SITE


def tool_url(site_url: str, language: str) -> str:
    return site_url + SITE.page_url(language, "decision-tool")


def expect_step(page: Page, node_id: str) -> None:
    """Wait (briefly) until the tool shows exactly this one step; the address changes first."""
    shown = page.locator("[data-hb-node]:not([hidden])")
    expect(shown, f"the tool should show only the step {node_id!r}").to_have_count(1)
    expect(shown, f"the tool should show the step {node_id!r}").to_have_attribute("data-hb-node", node_id)


def expect_focus(page: Page, element_id: str) -> None:
    """Wait (briefly) until keyboard focus is on the element (Playwright's to_be_focused also
    wants the browser window itself focused, which a headless run does not promise)."""
    try:
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id",
                               arg=element_id, timeout=5000)
    except PlaywrightTimeout:
        raise AssertionError(f"focus should be on #{element_id}, it is on "
                             f"#{page.evaluate('document.activeElement && document.activeElement.id')}") from None


def shortest_path_to_each_outcome(tree: Tree) -> list[tuple[list[Step], object]]:
    chosen: dict[str, tuple] = {}
    for steps, outcome in all_paths(tree):
        if outcome.id not in chosen or len(steps) < len(chosen[outcome.id][0]):
            chosen[outcome.id] = (steps, outcome)
    return list(chosen.values())


def tool_words(language: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"))["tool"]


# The real tree: every outcome can be reached, in every language.

@pytest.mark.parametrize("language", LANGUAGES)
def test_walking_the_real_tree_by_clicking_answers_reaches_every_outcome(
        page: Page, site_url: str, trees: dict[str, Tree], language: str) -> None:
    tree = trees[language]
    for steps, outcome in shortest_path_to_each_outcome(tree):
        page.goto(tool_url(site_url, language))
        for question, answer in steps:
            expect_step(page, question.id)
            label = next(a.label for a in tree.question(question.id).answers if a.id == answer)
            page.get_by_role("link", name=label, exact=True).and_(page.locator(f"#{question.id} a")).click()
        expect_step(page, outcome.id)
        expect(page.locator(f"#{outcome.id} h2")).to_have_text(tree.nodes[outcome.id].title)
        expect(page).to_have_url(tool_url(site_url, language) + "#" + fragment(steps))


def test_every_path_fragment_of_the_real_tree_opens_its_outcome(page: Page, site_url: str, trees: dict[str, Tree]) -> None:
    page.goto(tool_url(site_url, DEFAULT))
    for steps, outcome in all_paths(trees[DEFAULT]):
        page.evaluate("hash => { location.hash = hash }", fragment(steps))
        expect_step(page, outcome.id)


def test_without_javascript_every_step_of_the_real_tree_is_a_section_and_answers_are_links(
        browser: Browser, site_url: str, trees: dict[str, Tree]) -> None:
    tree = trees[DEFAULT]
    steps, outcome = max(shortest_path_to_each_outcome(tree), key=lambda path: len(path[0]))
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(tool_url(site_url, DEFAULT))
        expect(page.locator("[data-hb-node]")).to_have_count(len(tree.nodes))
        page.locator(f"a[href='#{tree.start}']").first.click()
        for question, answer in steps:
            page.locator(f"#{question.id} a[data-hb-answer='{answer}']").click()
            following = next(a.next for a in tree.question(question.id).answers if a.id == answer)
            expect(page).to_have_url(tool_url(site_url, DEFAULT) + f"#{following}")
        assert page.locator(f"#{outcome.id}").evaluate("el => el.getBoundingClientRect().top") < 200
        page.go_back()
        expect(page).to_have_url(tool_url(site_url, DEFAULT) + f"#{steps[-1][0].id}")
    finally:
        context.close()


@pytest.mark.parametrize("language", [DEFAULT, "kk"])
def test_axe_finds_no_violations_with_answers_and_an_outcome_of_the_real_tree_shown(
        page: Page, site_url: str, trees: dict[str, Tree], language: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    steps, outcome = max(shortest_path_to_each_outcome(trees[DEFAULT]), key=lambda path: len(path[0]))
    page.goto(tool_url(site_url, language) + "#" + fragment(steps))
    expect_step(page, outcome.id)
    results = Axe().run(page)
    assert results.response["violations"] == [], results.generate_report()


# The mechanism, on the fixture tree: first -> second -> third (see tests/fixture_tree.py).

def test_a_deep_link_opens_that_step(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, "tr") + "#third")
    expect_step(page, "third")
    expect_focus(page, "third--title")


def test_back_and_forward_step_through_the_answers(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, DEFAULT))
    for question, answer in [("first", "no"), ("second", "no"), ("third", "yes")]:
        page.locator(f"#{question} a[data-hb-answer='{answer}']").click()
    expect_step(page, "let-go")
    page.go_back()
    expect_step(page, "third")
    page.go_back()
    expect_step(page, "second")
    page.go_forward()
    expect_step(page, "third")


def test_the_summary_lists_the_answers_and_change_keeps_later_answers_that_still_apply(
        page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, DEFAULT) + "#first=no/second=no/third=yes")
    expect_step(page, "let-go")
    summary = page.locator("[data-hb-summary]")
    expect(summary.locator("dt")).to_have_text(
        ["Is the client abusive?", "Are they rude to your staff?", "Do they lie to you?"])
    summary.locator(".hb-tool__change").nth(1).click()  # change the answer to the second question
    expect_step(page, "second")
    expect(summary.locator("dt")).to_have_count(1)
    page.locator("#second a[data-hb-answer='no']").click()  # the same answer: the later one still applies
    expect_step(page, "let-go")
    summary.locator(".hb-tool__change").nth(1).click()
    page.locator("#second a[data-hb-answer='once']").click()  # an answer that leads elsewhere
    expect_step(page, "set-limits")
    expect(page).to_have_url(tool_url(fixture_site_url, DEFAULT) + "#first=no/second=once")


def test_start_again_returns_to_the_first_question(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, "is") + "#first=yes")
    expect_step(page, "end-now")
    page.locator("#end-now [data-hb-restart]").click()
    expect_step(page, "first")
    expect(page.locator("[data-hb-summary]")).to_be_hidden()


def test_switching_language_keeps_the_path(page: Page, fixture_site_url: str) -> None:
    path = "first=no/second=once"
    page.goto(tool_url(fixture_site_url, "pt") + "#" + path)
    page.locator(".md-header__option .md-select button").hover()
    page.locator("a.md-select__link[hreflang='kk']").click()
    page.wait_for_url(tool_url(fixture_site_url, "kk") + "#" + path)
    expect_step(page, "set-limits")
    expect(page.locator("#set-limits h2")).to_have_text("[kk] Set limits")


def test_everything_works_from_the_keyboard(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, DEFAULT) + "#first")
    expect_step(page, "first")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.hbAnswer") == "no":
            break
    page.keyboard.press("Enter")
    expect_step(page, "second")
    expect_focus(page, "second--title")
    expect(page.locator("[aria-live=polite]").last).to_contain_text("Are they rude to your staff?")


def test_an_unknown_step_says_so_in_the_page_language(page: Page, fixture_site_url: str) -> None:
    words = tool_words("kk")
    page.goto(tool_url(fixture_site_url, "kk") + "#no-such-step=yes")
    expect_step(page, "first")
    expect(page.locator("[data-hb-status]")).to_have_text(words["unknown_step"])
    page.goto(tool_url(fixture_site_url, "kk") + "#first=no/third=yes")
    expect_step(page, "second")
    expect(page.locator("[data-hb-status]")).to_have_text(words["path_cut"])


def test_the_print_view_has_the_answers_and_the_recommendation(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, DEFAULT) + "#first=no/second=once")
    expect_step(page, "set-limits")
    page.emulate_media(media="print")
    printed = page.locator("article").inner_text()
    assert "Is the client abusive?" in printed and "Are they rude to your staff?" in printed
    assert "Set limits" in printed and "Say what you accept." in printed and "Write it down." in printed
    expect(page.locator(".hb-answers").first).to_be_hidden()
    assert "Do they lie to you?" not in printed


def test_outcome_links_lead_to_existing_sections(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, "kk") + "#first=yes")
    expect_step(page, "end-now")
    link = page.locator("#end-now ul a").first
    address, _, section = link.get_attribute("href").partition("#")  # "../../how-to-fire/#section"
    page_name = address.rstrip("/").rsplit("/", 1)[-1]
    link.click()
    page.wait_for_url(fixture_site_url + SITE.page_url("kk", page_name) + f"#{section}")
    expect(page.locator(f"#{section}")).to_have_count(1)


def test_overview_shows_every_node_and_links_into_the_tool(page: Page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + SITE.page_url("tr", "decision-tool-overview"))
    expect(page.locator(".hb-overview__node")).to_have_count(7)
    page.locator("#overview-third a[href$='#third']").first.click()
    page.wait_for_url(tool_url(fixture_site_url, "tr") + "#third")
    expect_step(page, "third")
