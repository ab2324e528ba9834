"""The decision tool as a reader uses it: with and without JavaScript, by link, keyboard and print.

How the tool behaves is tested on the site built with the small tree of tests/fixture_tree.py
(`fixture_site_url`); what the real tree offers (every outcome reachable in every language, by
clicking, by address and without JavaScript) on the real site (`site_url`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def settle(page: Page) -> None:
    """Wait until the page has handled what is queued now (a hashchange, a scroll) and drawn once:
    instead of a fixed pause, one trip through the page's own event loop."""
    page.evaluate("() => new Promise(done => setTimeout(() => requestAnimationFrame(() => setTimeout(done))))")


def expect_focus(page: Page, element_id: str) -> None:
    """Wait (briefly) until keyboard focus is on the element (Playwright's to_be_focused also
    wants the browser window itself focused, which a headless run does not promise)."""
    try:
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id",
                               arg=element_id, timeout=15_000)
    except PlaywrightTimeout:
        raise AssertionError(f"focus should be on #{element_id}, it is on "
                             f"#{page.evaluate('document.activeElement && document.activeElement.id')}") from None


def shortest_path_to_each_outcome(tree: Tree) -> list[tuple[list[Step], object]]:
    chosen: dict[str, tuple] = {}
    for steps, outcome in all_paths(tree):
        if outcome.id not in chosen or len(steps) < len(chosen[outcome.id][0]):
            chosen[outcome.id] = (steps, outcome)
    return list(chosen.values())


def answer_by_clicking(page: Page, tree: Tree, question_id: str, answers: tuple[str, ...]) -> None:
    """Answer the question on screen as a reader does: tick the boxes of a checklist and
    continue, or click the answer's button."""
    question = tree.question(question_id)
    if question.checklist:
        for answer in answers:
            page.locator(f"#{question_id}--{answer}").check()
        page.locator(f"#{question_id} .hb-checklist__continue").click()
        return
    label = question.answer(answers[0]).label
    page.get_by_role("link", name=label, exact=True).and_(page.locator(f"#{question_id} a")).click()


def tool_words(language: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"))["tool"]


# The real tree: every outcome can be reached, in every language.

@pytest.mark.parametrize("language", LANGUAGES)
def test_walking_the_real_tree_by_clicking_answers_reaches_every_outcome(
        page: Page, site_url: str, trees: dict[str, Tree], language: str) -> None:
    tree = trees[language]
    for steps, outcome in shortest_path_to_each_outcome(tree):
        page.goto(tool_url(site_url, language))
        for question, answers in steps:
            expect_step(page, question.id)
            answer_by_clicking(page, tree, question.id, answers)
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
        for question, (answer,) in steps:
            page.locator(f"#{question.id} a[data-hb-answer='{answer}']").click()
            following = question.answer(answer).next
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
    expect(page.locator("[data-hb-tool] [data-hb-announcer]")).to_contain_text("Are they rude to your staff?")


def test_an_unknown_step_says_so_in_the_page_language(page: Page, fixture_site_url: str) -> None:
    words = tool_words("kk")
    page.goto(tool_url(fixture_site_url, "kk") + "#no-such-step=yes")
    expect_step(page, "first")
    expect(page.locator("[data-hb-status]")).to_have_text(words["unknown_step"])
    page.goto(tool_url(fixture_site_url, "kk") + "#first=no/second=maybe")
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


# Every link opens the right step (fixture tree unless the name says otherwise).

@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_of_the_real_site_open_their_step(page: Page, site_url: str, build, language: str) -> None:
    import json

    index = json.loads((SITE.folder(build.site, language) / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"] if doc["location"].startswith("decision-tool/#")]
    assert locations and all(location.endswith("--title") for location in locations)
    for location in (locations[0], locations[-1]):
        node_id = location.split("#", 1)[1].removesuffix("--title")
        page.goto(site_url + SITE.root(language) + location)
        expect_step(page, node_id)
        expect(page.locator("[data-hb-status]")).to_be_hidden()


def test_a_search_result_opened_mid_path_shows_its_step(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, "pt") + "#first=no/second=no")
    page.evaluate("() => { location.hash = 'second--title' }")
    expect_step(page, "second")
    expect(page.locator("[data-hb-status]")).to_be_hidden()


HOSTILE = ["__proto__", "constructor", "toString", "hasOwnProperty", "first=constructor", "first=__proto__",
           "constructor=yes", "%", "%E0%A4%A", "first=%", "first=no/%E0%A4%A=x"]


@pytest.mark.parametrize("fragment_text", HOSTILE)
def test_no_fragment_breaks_the_tool_or_the_handbook_script(page: Page, fixture_site_url: str, fragment_text: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    url = tool_url(fixture_site_url, "tr") + "#" + fragment_text
    page.goto(url)
    expect(page.locator("[data-hb-node]:not([hidden])")).to_have_count(1)
    expect(page.locator("a.md-select__link[hreflang='kk']")).to_have_attribute("href", re.compile(re.escape("#" + fragment_text) + "$"))
    expect(page.locator(".md-search[role=dialog]")).to_have_attribute("aria-label", re.compile("."))
    other = fixture_site_url + SITE.page_url("tr", "listening") + "#" + fragment_text
    page.goto(other)
    # The switcher keeps the fragment once the handbook's script has run: only then may it have moved on.
    expect(page.locator("a.md-select__link[hreflang='kk']")).to_have_attribute("href", re.compile(re.escape("#" + fragment_text) + "$"))
    settle(page)
    assert page.url == other, "a fragment must not send the reader elsewhere"
    assert errors == []


def test_the_skip_link_and_the_heading_permalink_keep_the_answers(page: Page, fixture_site_url: str) -> None:
    path = "first=no/second=no"
    page.goto(tool_url(fixture_site_url, DEFAULT) + "#" + path)
    expect_step(page, "third")
    page.locator(".md-skip").focus()
    page.keyboard.press("Enter")  # "Skip to content"
    settle(page)
    expect_step(page, "third")
    expect(page.locator("[data-hb-summary] dt")).to_have_count(2)
    page.locator("h1 .headerlink").click()
    settle(page)
    expect_step(page, "third")
    expect(page).to_have_url(tool_url(fixture_site_url, DEFAULT) + "#" + path)
    page.locator(".md-header__option .md-select button").hover()
    page.locator("a.md-select__link[hreflang='is']").click()
    page.wait_for_url(tool_url(fixture_site_url, "is") + "#" + path)
    expect_step(page, "third")
    expect(page.locator("[data-hb-status]")).to_be_hidden()


def test_without_javascript_the_print_button_and_the_record_are_hidden(browser: Browser, fixture_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(tool_url(fixture_site_url, DEFAULT) + "#end-now")
        expect(page.locator("#end-now h2")).to_be_visible()
        expect(page.locator("[data-hb-print]")).to_be_hidden()
        expect(page.locator("[data-hb-copy]")).to_be_hidden()
        expect(page.locator("[data-hb-note]")).to_be_hidden()
        expect(page.locator("#end-now [data-hb-restart]")).to_be_visible()
    finally:
        context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def in_view(page: Page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight }")


@pytest.mark.parametrize("fragment_text", ["first=no/second=no/third=maybe", "first=no/second=no/third=no/keep=x", "nowhere"])
def test_the_notice_of_a_broken_link_is_in_view_on_a_phone(phone: Page, fixture_site_url: str, fragment_text: str) -> None:
    phone.goto(tool_url(fixture_site_url, "kk") + "#" + fragment_text)
    expect(phone.locator("[data-hb-status]")).to_be_visible()
    phone.wait_for_function("() => { const r = document.querySelector('[data-hb-status]').getBoundingClientRect();"
                            " return r.top >= 0 && r.bottom <= innerHeight }", timeout=15_000)
    phone.goto(tool_url(fixture_site_url, "kk") + "#first=no/second=no")
    phone.evaluate("hash => { location.hash = hash }", fragment_text)
    phone.wait_for_function("() => { const r = document.querySelector('[data-hb-status]').getBoundingClientRect();"
                            " return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight }", timeout=15_000)


def test_a_change_abandoned_with_back_is_forgotten(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, DEFAULT) + "#first=no/second=no/third=yes")
    expect_step(page, "let-go")
    page.locator("[data-hb-summary] .hb-tool__change").nth(1).click()
    expect_step(page, "second")
    page.go_back()  # the reader gives up the change
    expect_step(page, "let-go")
    page.evaluate("() => { location.hash = 'first=no' }")
    expect_step(page, "second")
    page.locator("#second a[data-hb-answer='no']").click()
    expect_step(page, "third")  # asked again, not answered from the abandoned change
    expect(page).to_have_url(tool_url(fixture_site_url, DEFAULT) + "#first=no/second=no")


def test_space_presses_an_answer(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, "tr") + "#first")
    expect_step(page, "first")
    page.locator("#first a[data-hb-answer='no']").focus()
    page.keyboard.press(" ")
    expect_step(page, "second")
    expect(page).to_have_url(tool_url(fixture_site_url, "tr") + "#first=no")


def test_on_a_phone_back_to_top_never_covers_the_answers(phone: Page, fixture_site_url: str) -> None:
    phone.goto(tool_url(fixture_site_url, DEFAULT))
    for question, answer in [("first", "no"), ("second", "no")]:
        top = phone.evaluate("window.scrollY")
        phone.mouse.wheel(0, 400)
        phone.wait_for_function("y => window.scrollY !== y || innerHeight + y >= document.documentElement.scrollHeight - 1",
                                arg=top)
        settle(phone)
        down = phone.evaluate("window.scrollY")
        phone.mouse.wheel(0, -150)  # scrolling up is what brings Material's pill out
        phone.wait_for_function("y => window.scrollY < y || y === 0", arg=down)
        settle(phone)
        phone.locator(f"#{question} a[data-hb-answer='{answer}']").click()
        expect(phone.locator(f"#{question}")).to_be_hidden()
        phone.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished))")
        overlap = phone.evaluate("""() => {
            const top = document.querySelector('.md-top');
            if (!top || top.hidden || getComputedStyle(top).display === 'none') return false;
            const t = top.getBoundingClientRect();
            return [...document.querySelectorAll('[data-hb-node]:not([hidden]) .hb-answer, [data-hb-node]:not([hidden]) h2')]
              .some(a => { const r = a.getBoundingClientRect();
                           return r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom; });
        }""")
        assert not overlap, "Material's back-to-top pill covers the step"


def outline(page: Page, element_id: str) -> str:
    return page.locator(f"#{element_id}").evaluate("el => getComputedStyle(el).outlineStyle")


def test_the_focus_ring_shows_for_keyboard_users_only(page: Page, fixture_site_url: str) -> None:
    page.goto(tool_url(fixture_site_url, DEFAULT))
    page.locator("#first a[data-hb-answer='no']").click()
    expect_focus(page, "second--title")
    assert outline(page, "second--title") == "none"
    page.locator("#second a[data-hb-answer='no']").focus()
    page.keyboard.press("Enter")
    expect_focus(page, "third--title")
    assert outline(page, "third--title") == "solid"


@pytest.mark.parametrize("width", [320, 400, 1280])
def test_icelandic_back_and_start_again_buttons_do_not_touch(browser: Browser, fixture_site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(tool_url(fixture_site_url, "is") + "#first=no/second=no")
        boxes = [button.bounding_box() for button in page.locator(".hb-tool__actions .md-button").all()]
        assert len(boxes) == 2
        a, b = boxes
        apart_horizontally = b["x"] >= a["x"] + a["width"] + 4
        apart_vertically = b["y"] >= a["y"] + a["height"] + 4
        assert apart_horizontally or apart_vertically, boxes
    finally:
        context.close()
