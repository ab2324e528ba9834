"""Walking the real decision tool as a reader does, for tests of other features that need an outcome."""

from __future__ import annotations

from playwright.sync_api import Page, expect

OUTCOME = ".hb-step--outcome:not([hidden])"


def answer_on_screen(page: Page, pick_last: bool = False) -> None:
    """Answer the question on screen: tick a box of a checklist and continue, or click an answer's
    button (the first answer, or with `pick_last` the last one); then wait until the tool has
    moved on from that question."""
    step = page.locator(".hb-step--question[data-hb-node]:not([hidden])")
    expect(step).to_have_count(1)
    node = step.get_attribute("data-hb-node")
    boxes = step.locator("input[type=checkbox]")
    if boxes.count():
        (boxes.last if pick_last else boxes.first).check()
        step.locator(".hb-checklist__continue").click()
    else:
        answers = step.locator("a[data-hb-answer]:visible")
        (answers.last if pick_last else answers.first).click()
    expect(page.locator(f"[data-hb-node='{node}']")).to_be_hidden()


def walk_to_an_outcome(page: Page) -> None:
    """Answer the first answer of each question until an outcome shows."""
    for _ in range(12):
        if page.locator(OUTCOME).count():
            break
        answer_on_screen(page)
    expect(page.locator(OUTCOME)).to_have_count(1)
