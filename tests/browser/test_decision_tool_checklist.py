"""The real tree's "tick all that apply" questions, with and without JavaScript, and the answers
that decided an outcome."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from handbook.decision_tree.model import Tree
from tests.browser.test_decision_tool import expect_step, tool_url, tool_words
from tests.support import DEFAULT


def test_two_ticked_red_flags_end_it_and_the_outcome_names_both(page: Page, site_url: str, trees: dict[str, Tree]) -> None:
    tree = trees["pt"]
    page.goto(tool_url(site_url, "pt"))
    expect_step(page, "red-flags")
    page.locator("#red-flags--lying").check()
    page.locator("#red-flags--legal").check()
    page.locator("#red-flags .hb-checklist__continue").click()
    expect_step(page, "end-now")
    expect(page).to_have_url(tool_url(site_url, "pt") + "#red-flags=lying+legal")
    decided = page.locator("#end-now [data-hb-decided]")
    expect(decided).to_be_visible()
    flags = tree.question("red-flags")
    expect(decided.locator("h4")).to_have_text(tool_words("pt")["decided_by"])
    expect(decided.locator("li strong")).to_have_text(f"{flags.answer('lying').label}; {flags.answer('legal').label}")
    expect(page.locator("[data-hb-summary] dd").first).to_contain_text(flags.answer("lying").label)


def test_none_of_these_is_ticked_alone_and_continuing_without_a_tick_asks_for_one(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, "kk"))
    expect_step(page, "red-flags")
    page.locator("#red-flags .hb-checklist__continue").click()
    expect(page.locator("#red-flags [data-hb-tick-problem]")).to_have_text(tool_words("kk")["tick_one"])
    expect_step(page, "red-flags")
    page.locator("#red-flags--violence").check()
    page.locator("#red-flags--none").check()
    expect(page.locator("#red-flags--violence")).not_to_be_checked()
    page.locator("#red-flags .hb-checklist__continue").click()
    expect_step(page, "payment")
    expect(page).to_have_url(tool_url(site_url, "kk") + "#red-flags=none")


def test_several_problems_lead_to_letting_go_and_the_rule_names_every_tick(page: Page, site_url: str, trees: dict[str, Tree]) -> None:
    tree = trees[DEFAULT]
    page.goto(tool_url(site_url, DEFAULT) + "#red-flags=none/payment=no/abuse-first=no/demands=no")
    expect_step(page, "trouble")
    page.locator("#trouble--advice").check()
    page.locator("#trouble--competitors").check()
    page.locator("#trouble .hb-checklist__continue").click()
    expect_step(page, "let-go")
    trouble = tree.question("trouble")
    expect(page.locator("#let-go [data-hb-decided] li strong")).to_have_text(
        f"{trouble.answer('advice').label}; {trouble.answer('competitors').label}")


def test_an_old_link_opens_the_new_first_question_and_its_answer_applies_when_reached(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, DEFAULT) + "#physical-abuse=no/mental-abuse=once")
    expect_step(page, "red-flags")
    expect(page.locator("[data-hb-status]")).to_be_hidden()
    page.locator("#red-flags--none").check()
    page.locator("#red-flags .hb-checklist__continue").click()
    expect_step(page, "payment")
    page.locator("#payment a[data-hb-answer='no']").click()
    expect_step(page, "set-limits")  # the old "belittles us, not told yet" answer, kept in the address
    expect(page).to_have_url(tool_url(site_url, DEFAULT) + "#red-flags=none/payment=no/abuse-first=yes")


def test_without_javascript_a_checklist_offers_one_link_per_answer_and_one_for_two_or_more(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(tool_url(site_url, "is") + "#red-flags")
        expect(page.locator("#red-flags [data-hb-checklist]")).to_be_hidden()
        several = page.locator("#red-flags a.hb-answer", has_text=tool_words("is")["several"])
        expect(several).to_be_visible()
        several.click()
        expect(page).to_have_url(tool_url(site_url, "is") + "#end-now")
        page.go_back()
        page.locator("#red-flags a[data-hb-answer='none']").click()
        expect(page).to_have_url(tool_url(site_url, "is") + "#payment")
    finally:
        context.close()


def test_the_tools_buttons_and_boxes_are_at_least_24_pixels(page: Page, site_url: str) -> None:
    page.goto(tool_url(site_url, DEFAULT) + "#red-flags=none/payment=no/abuse-first=no/demands=no/trouble=none")
    expect_step(page, "keep-and-resolve")
    sizes = page.locator("[data-hb-summary] .hb-tool__change, [data-hb-summary] .md-button, #keep-and-resolve .md-button").evaluate_all(
        "els => els.map(el => { const r = el.getBoundingClientRect(); return [el.textContent.trim(), r.width, r.height]; })")
    assert sizes and all(w >= 24 and h >= 24 for _, w, h in sizes), sizes
    page.goto(tool_url(site_url, DEFAULT))
    boxes = page.locator("#red-flags [data-hb-tick]").evaluate_all(
        "els => els.map(el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; })")
    assert boxes and all(w >= 24 and h >= 24 for w, h in boxes), boxes


CONTRAST = """els => els.map(el => {
  const rgb = text => (text.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                               return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  let node = el, bg = null;
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  const fg = rgb(getComputedStyle(el).color).slice(0, 3);
  const [a, b] = [lum(fg), lum(bg || [255, 255, 255])].sort((x, y) => y - x);
  return [el.textContent.trim().slice(0, 30), (a + 0.05) / (b + 0.05)];
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_tools_buttons_have_aa_contrast_in_both_colour_schemes(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(tool_url(site_url, DEFAULT) + "#red-flags=none/payment=no")
        expect_step(page, "abuse-first")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
        ratios = page.locator("#abuse-first .hb-answer, [data-hb-summary] .md-button, [data-hb-summary] .hb-tool__change").evaluate_all(CONTRAST)
        assert ratios and all(ratio >= 4.5 for _, ratio in ratios), ratios
    finally:
        context.close()


def test_the_map_marks_the_readers_path_and_the_overview_shows_it_in_the_page_language(
        page: Page, site_url: str, trees: dict[str, Tree]) -> None:
    page.goto(tool_url(site_url, "tr") + "#red-flags=none/payment=owed")
    expect_step(page, "collect-first")
    page.locator(".hb-tool__map summary").click()
    expect(page.locator(".hb-tool__map svg")).to_be_visible()
    expect(page.locator("[data-hb-map-node].hb-map__node--walked")).to_have_count(2)
    expect(page.locator("[data-hb-map-node='collect-first']")).to_have_class(re.compile("hb-map__node--current"))
    expect(page.locator(".hb-map__edge--walked")).to_have_count(2)
    page.goto(site_url + "tr/decision-tool-overview/")
    expect(page.locator(".hb-map-figure svg")).to_be_visible()
    expect(page.locator(".hb-map-figure figcaption")).to_have_text(tool_words("tr")["map"])
    expect(page.locator(".hb-map-figure [data-hb-map-node='payment'] title")).to_have_text(
        trees["tr"].question("payment").text)


def test_changing_a_checklist_answer_shows_its_boxes_ticked_as_they_were(
        page: Page, site_url: str, trees: dict[str, Tree]) -> None:
    before = "red-flags=none/payment=no/abuse-first=stopped/demands=kept"
    problems = [answer.id for answer in trees["is"].question("trouble").answers if not answer.alone]
    picked, others = problems[:2], problems[2:]
    page.goto(tool_url(site_url, "is") + "#" + before)
    expect_step(page, "trouble")
    for value in picked:
        page.locator(f"#trouble--{value}").check()
    page.locator("#trouble .hb-checklist__continue").click()
    expect(page).to_have_url(re.compile(re.escape("trouble=" + "+".join(picked))))
    page.locator("[data-hb-summary] dd").nth(4).locator(".hb-tool__change").click()
    expect_step(page, "trouble")
    for value in picked:
        expect(page.locator(f"#trouble--{value}")).to_be_checked()
    for value in others:
        expect(page.locator(f"#trouble--{value}")).not_to_be_checked()
    page.locator("[data-hb-summary] dd").first.locator(".hb-tool__change").click()
    expect_step(page, "red-flags")
    expect(page.locator("#red-flags--none")).to_be_checked()
