"""The decision tool as a reader uses it: with and without JavaScript, by link, keyboard and print."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from decision_tree.paths import all_paths, fragment
from decision_tree.pipeline import load_trees
from decision_tree.sections import language_pages, sections_of
from support import DEFAULT, LANGUAGES, ROOT, page_path

SECTIONS = {name: [sid for sid, _ in sections_of(path.read_text(encoding="utf-8"))]
            for name, path in language_pages(ROOT / "docs", DEFAULT).items()}
TREES = load_trees(ROOT, LANGUAGES, DEFAULT, SECTIONS)
TREE = TREES[DEFAULT]
PATHS = all_paths(TREE)


def tool_url(site_url: str, language: str) -> str:
    return site_url + page_path(language, "decision-tool")


def shown_steps(page: Page) -> str:
    return page.evaluate("[...document.querySelectorAll('[data-hb-node]')]"
                         ".filter(s => !s.hidden).map(s => s.dataset.hbNode).join()")


def expect_step(page: Page, node_id: str) -> None:
    """Wait (briefly) until the tool shows exactly this one step; the address changes first."""
    try:
        page.wait_for_function(
            "id => [...document.querySelectorAll('[data-hb-node]')].filter(s => !s.hidden)"
            ".map(s => s.dataset.hbNode).join() === id", arg=node_id, timeout=5000)
    except Exception:
        raise AssertionError(f"expected the step {node_id!r}, the tool shows {shown_steps(page)!r}") from None


def shortest_path_to_each_outcome() -> list:
    chosen: dict[str, tuple] = {}
    for steps, outcome in PATHS:
        if outcome.id not in chosen or len(steps) < len(chosen[outcome.id][0]):
            chosen[outcome.id] = (steps, outcome)
    return list(chosen.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_walking_by_clicking_answers_reaches_every_outcome(page: Page, site_url: str, language: str) -> None:
    tree = TREES[language]
    for steps, outcome in shortest_path_to_each_outcome():
        page.goto(tool_url(site_url, language))
        for question, answer in steps:
            expect_step(page, question.id)
            label = next(a.label for a in tree.question(question.id).answers if a.id == answer)
            page.get_by_role("link", name=label, exact=True).and_(page.locator(f"#{question.id} a")).click()
        expect_step(page, outcome.id)
        assert page.locator(f"#{outcome.id} h2").inner_text() == tree.nodes[outcome.id].title
        assert page.url.endswith("#" + fragment(steps))


def test_every_path_fragment_opens_its_outcome(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, DEFAULT))
    for steps, outcome in PATHS:
        page.evaluate("hash => { location.hash = hash }", fragment(steps))
        expect_step(page, outcome.id)


def test_without_javascript_every_step_is_a_section_and_answers_are_links(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    steps, outcome = shortest_path_to_each_outcome()[-1]
    page.goto(tool_url(site_url, DEFAULT))
    assert page.locator("[data-hb-node]").count() == len(TREE.nodes)
    page.locator(f"a[href='#{TREE.start}']").first.click()
    for question, answer in steps:
        page.locator(f"#{question.id} a[data-hb-answer='{answer}']").click()
        assert page.url.endswith("#" + TREE.question(question.id).answers[[a.id for a in TREE.question(question.id).answers].index(answer)].next)
    assert page.url.endswith(f"#{outcome.id}")
    assert page.locator(f"#{outcome.id}").evaluate("el => el.getBoundingClientRect().top") < 200
    page.go_back()
    assert page.url.endswith(f"#{steps[-1][0].id}")
    context.close()


def test_a_deep_link_opens_that_step(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, "tr") + "#lying")
    expect_step(page, "lying")
    assert page.evaluate("document.activeElement.id") == "lying--title"


def test_back_and_forward_step_through_the_answers(page: Page, site_url: str) -> None:
    steps, outcome = max(PATHS, key=lambda p: len(p[0]))
    page.goto(tool_url(site_url, DEFAULT))
    for question, answer in steps:
        page.locator(f"#{question.id} a[data-hb-answer='{answer}']").click()
    expect_step(page, outcome.id)
    page.go_back()
    expect_step(page, steps[-1][0].id)
    page.go_back()
    expect_step(page, steps[-2][0].id)
    page.go_forward()
    expect_step(page, steps[-1][0].id)


def test_the_summary_lists_the_answers_and_change_keeps_later_answers_that_still_apply(page: Page, site_url: str) -> None:
    # physical-abuse=no / mental-abuse=no / legal-risk=no / lying=yes -> end-now
    path = "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=yes"
    page.goto(tool_url(site_url, DEFAULT) + "#" + path)
    summary = page.locator("[data-hb-summary]")
    assert summary.locator("dt").all_inner_texts() == [TREE.question(q).text for q in
                                                      ["physical-abuse", "mental-abuse", "legal-risk", "lying"]]
    summary.locator(".hb-tool__change").nth(1).click()  # change the answer to mental-abuse
    expect_step(page, "mental-abuse")
    assert page.locator("[data-hb-summary] dt").count() == 1
    page.locator("#mental-abuse a[data-hb-answer='no']").click()  # same answer: later ones still apply
    expect_step(page, "end-now")
    summary.locator(".hb-tool__change").nth(1).click()
    page.locator("#mental-abuse a[data-hb-answer='once']").click()  # leads elsewhere
    expect_step(page, "set-limits")
    assert page.url.endswith("#physical-abuse=no/mental-abuse=once")


def test_start_again_returns_to_the_first_question(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, "is") + "#physical-abuse=yes")
    expect_step(page, "end-now")
    page.locator("#end-now [data-hb-restart]").click()
    expect_step(page, TREE.start)
    assert page.locator("[data-hb-summary]").is_hidden()


def test_switching_language_keeps_the_path(page: Page, site_url: str) -> None:
    path = "physical-abuse=no/mental-abuse=once"
    page.goto(tool_url(site_url, "pt") + "#" + path)
    page.locator(".md-header__option .md-select button").hover()
    page.locator("a.md-select__link[hreflang='kk']").click()
    page.wait_for_load_state()
    assert page.url == tool_url(site_url, "kk") + "#" + path
    expect_step(page, "set-limits")
    assert page.locator("#set-limits h2").inner_text() == TREES["kk"].nodes["set-limits"].title


def test_everything_works_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, DEFAULT) + "#physical-abuse")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.hbAnswer") == "no":
            break
    page.keyboard.press("Enter")
    expect_step(page, "mental-abuse")
    assert page.evaluate("document.activeElement.id") == "mental-abuse--title"
    assert TREE.question("mental-abuse").text in page.locator("[aria-live=polite]").last.inner_text()


def test_an_unknown_step_says_so_in_the_page_language(page: Page, site_url: str) -> None:
    import yaml
    words = yaml.safe_load((ROOT / "translations" / "kk" / "ui.yml").read_text(encoding="utf-8"))["tool"]
    page.goto(tool_url(site_url, "kk") + "#no-such-step=yes")
    expect_step(page, TREE.start)
    assert page.locator("[data-hb-status]").inner_text() == words["unknown_step"]
    page.goto(tool_url(site_url, "kk") + "#physical-abuse=no/lying=yes")
    assert page.locator("[data-hb-status]").inner_text() == words["path_cut"]
    expect_step(page, "mental-abuse")


def test_the_print_view_has_the_answers_and_the_recommendation(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, DEFAULT) + "#physical-abuse=no/mental-abuse=once")
    page.emulate_media(media="print")
    printed = page.locator("article").inner_text()
    assert TREE.question("physical-abuse").text in printed and TREE.question("mental-abuse").text in printed
    assert TREE.nodes["set-limits"].title in printed
    assert all(step in printed for step in TREE.nodes["set-limits"].next_steps)
    assert page.locator(".hb-answers").first.is_hidden()
    assert TREE.question("lying").text not in printed


def test_outcome_links_lead_to_existing_sections(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, "kk") + "#physical-abuse=yes")
    link = page.locator("#end-now ul a").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state()
    assert "/kk/" in page.url and page.locator(f"#{target}").count() == 1


def test_overview_shows_every_node_and_links_into_the_tool(page: Page, site_url: str) -> None:
    page.goto(site_url + page_path("tr", "decision-tool-overview"))
    assert page.locator(".hb-overview__node").count() == len(TREE.nodes)
    page.locator("#overview-lying a[href$='#lying']").first.click()
    page.wait_for_load_state()
    expect_step(page, "lying")


@pytest.mark.parametrize("language", [DEFAULT, "kk"])
def test_axe_finds_no_violations_with_answers_and_an_outcome_shown(page: Page, site_url: str, language: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(tool_url(site_url, language) + "#physical-abuse=no/mental-abuse=once")
    expect_step(page, "set-limits")
    results = Axe().run(page)
    assert results.response["violations"] == [], results.generate_report()
