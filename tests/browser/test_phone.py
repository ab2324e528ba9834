"""Staff on a phone (360 × 740, touch): what to say comes first, the phrasebook is one tap away on
every page, every control is big enough to tap, and focus never hides under the header or the bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.shared_context import SharedContext, shared
from tests.support import LANGUAGES, PAGES, SITE

PHONE = {"width": 360, "height": 740}
TARGET_SIZE = (Path(__file__).parent / "target_size.js").read_text(encoding="utf-8")


PHONE_OPTIONS = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture(scope="session")
def phones(browser: Browser) -> Iterator[SharedContext]:
    yield from shared(browser, **PHONE_OPTIONS)


@pytest.fixture
def phone(phones: SharedContext) -> Iterator[Page]:
    yield phones.new_page()
    phones.empty()


@pytest.fixture
def phone_without_javascript(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**PHONE_OPTIONS, java_script_enabled=False)
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_opens_with_what_to_do_and_what_to_say(phone: Page, site_url: str, language: str) -> None:
    phone.goto(site_url + SITE.page_url(language, "index"))
    first_section = phone.locator("article h2").first
    expect(first_section).to_have_attribute("id", "angry-customer-right-now")
    box = phone.locator("article .admonition.say").first.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= 1.5 * PHONE["height"], \
        f"the first 'what to say' box ends {box['y'] + box['height']:.0f} px down, below one and a half screens"
    steps = phone.locator("#angry-customer-right-now ~ ol").first.bounding_box()
    downloads = phone.locator(".hb-downloads").bounding_box()
    assert steps and downloads and steps["y"] < downloads["y"], "the paper and offline links come before the steps"


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_to_say_is_one_tap_away_on_every_page_without_javascript(
        phone_without_javascript: Page, site_url: str, language: str) -> None:
    page = phone_without_javascript
    phrasebook = site_url + SITE.page_url(language, "phrasebook")
    for name in PAGES:
        page.goto(site_url + SITE.page_url(language, name))
        link = page.locator(".hb-say-link")
        expect(link).to_be_in_viewport(ratio=1)
        box = link.bounding_box()
        assert box and box["height"] >= 44 and box["y"] + box["height"] == pytest.approx(PHONE["height"], abs=1), \
            f"{name}: the 'What to say' bar is not along the bottom of the screen"
    page.locator(".hb-say-link").tap()
    expect(page).to_have_url(phrasebook)
    expect(page.locator("article .admonition.say").first).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_to_say_is_in_the_header_on_a_wide_screen(page: Page, site_url: str, language: str) -> None:
    page.goto(site_url + SITE.page_url(language, "listening"))
    link = page.locator(".md-header .hb-say-link")
    expect(link).to_be_in_viewport(ratio=1)
    link.click()
    expect(page).to_have_url(site_url + SITE.page_url(language, "phrasebook"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_control_is_smaller_than_24_px_on_a_phone(phone: Page, site_url: str, language: str) -> None:
    small = {}
    for name in PAGES:
        phone.goto(site_url + SITE.page_url(language, name))
        if name == "decision-tool":
            phone.locator("#red-flags--none").check()  # the red-flag checklist: none of these
            phone.locator("#red-flags .hb-checklist__continue").click()
            expect(phone.locator(".hb-tool__answers")).to_be_visible()
        if found := phone.evaluate(TARGET_SIZE):
            small[name] = found
    assert small == {}, "controls under 24 × 24 px (WCAG 2.5.8): " + repr(small)


@pytest.mark.parametrize("language", ["en", "kk"])
@pytest.mark.parametrize("name", ["listening", "phrasebook"])
def test_the_keyboard_focus_is_never_hidden_under_the_header_or_the_bar(
        phone: Page, site_url: str, language: str, name: str) -> None:
    phone.goto(site_url + SITE.page_url(language, name))
    phone.locator(".md-footer").last.scroll_into_view_if_needed()
    phone.locator(".md-footer a").last.focus()
    hidden = []
    for _ in range(40):  # backwards through the page: each control scrolls in from above
        phone.keyboard.press("Shift+Tab")
        hidden += phone.evaluate("""() => {
            const focused = document.activeElement;
            if (!focused || !focused.closest('.md-content, .md-footer')) return [];
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const bar = document.querySelector('.hb-say-link').getBoundingClientRect();
            const box = focused.getBoundingClientRect();
            return box.top < header.bottom - 1 || box.bottom > bar.top + 1
              ? [focused.outerHTML.slice(0, 80) + ` at ${Math.round(box.top)}..${Math.round(box.bottom)}`] : [];
        }""")
    assert hidden == [], f"partly hidden behind the header or the 'What to say' bar: {hidden}"
