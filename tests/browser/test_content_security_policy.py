"""Every kind of page, in every language, works under the site's strict Content-Security-Policy
with not one violation: the policy each page carries allows exactly what the site runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from handbook.commands.static_host import serve
from tests.browser.search_helpers import search
from tests.browser.tool_steps import answer_on_screen, walk_to_an_outcome
from tests.support import DEFAULT, LANGUAGES, SITE, Build

QUERIES = {"en": "customer", "tr": "müşteri", "is": "viðskiptavin", "pt": "cliente", "kk": "клиент"}

COLLECT = """
window.__hbViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__hbViolations.push(
  event.effectiveDirective + " blocked " + (event.blockedURI || "inline") + " " + (event.sample || "")));
"""


class Violations:
    """Every CSP violation a page reports: its events and Chromium's console messages."""

    def __init__(self, page: Page) -> None:
        self.page, self.found = page, []
        page.on("console", lambda message: "Content Security Policy" in message.text
                and self.found.append(f"{page.url}: {message.text}"))

    def check(self) -> None:
        """Collect the violations of the page now open."""
        self.found += [f"{self.page.url}: {text}" for text in self.page.evaluate("window.__hbViolations || []")]


@pytest.fixture(scope="module")
def host_url(build: Build) -> Iterator[str]:
    server, url = serve(build.site, SITE)
    yield url
    server.shutdown()


@pytest.fixture
def csp_context(browser: Browser, host_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=host_url.rstrip("/"))
    context.set_default_timeout(20_000)
    context.add_init_script(COLLECT)
    yield context
    context.close()


def _open(page: Page, violations: Violations, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    violations.check()


def _walk_the_tool(page: Page, violations: Violations, url: str) -> None:
    """Answer to an outcome, change the last answer, write a note, copy the record and print it."""
    _open(page, violations, url)
    page.evaluate("window.print = () => { window.__hbPrinted = true; }")
    walk_to_an_outcome(page)
    page.go_back()
    answer_on_screen(page, pick_last=True)
    walk_to_an_outcome(page)
    page.locator("#hb-record-note").fill("A private note")
    page.locator("[data-hb-copy]").click()
    page.locator("[data-hb-print]").click()
    assert page.evaluate("window.__hbPrinted === true")
    violations.check()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_runs_with_no_policy_violation(csp_context: BrowserContext, host_url: str,
                                                          language: str) -> None:
    page = csp_context.new_page()
    violations = Violations(page)
    root = host_url + SITE.root(language)
    for name in ("index", "listening", "phrasebook", "decision-tool-overview", "translation-status"):
        _open(page, violations, host_url + SITE.page_url(language, name))
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()  # the colour scheme
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    page.reload()  # Material's inline script applies the saved scheme
    violations.check()

    _open(page, violations, host_url + SITE.page_url(language, "how-to-fire"))
    assert search(page, QUERIES[language]), "search found nothing"
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state("load")
    violations.check()

    _walk_the_tool(page, violations, host_url + SITE.page_url(language, "decision-tool"))
    for address in ("print/", "quick-card/", "no-such-page/", "listening/no-such-section/"):
        _open(page, violations, root + address)
    _open(page, violations, host_url + "no-such-folder/x/")  # the root 404, every language's text
    _open(page, violations, host_url + SITE.page_url(language, "facts") + "#do-not-assume-they-know-less")
    expect(page).to_have_url(host_url + SITE.page_url(language, "facts") + "#do-not-assume-what-they-know")
    if language == DEFAULT:
        _open(page, violations, host_url + f"{DEFAULT}/listening/#acknowledge-the-feeling")
        expect(page).to_have_url(host_url + "listening/#acknowledge-the-feeling")
        violations.check()

    _open(page, violations, root)  # reading offline: save, then read without a connection
    page.locator(".hb-offline button").click()
    expect(page.locator(".hb-offline")).to_have_attribute("data-state", "saved", timeout=60_000)
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    csp_context.set_offline(True)
    try:
        for name in ("listening", "decision-tool"):
            _open(page, violations, host_url + SITE.page_url(language, name))
    finally:
        csp_context.set_offline(False)
    assert violations.found == []


def test_a_script_added_to_a_page_is_refused_and_reported(csp_context: BrowserContext, host_url: str) -> None:
    page = csp_context.new_page()
    violations = Violations(page)
    _open(page, violations, host_url + SITE.page_url(DEFAULT, "listening"))
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__hbRan = true";
      document.body.append(script);
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.__hbRan = true");
      img.src = "x";
      document.body.append(img);
    }""")
    # Both refusals are reported: the script element's and the handler attribute's.
    page.wait_for_function("""() => ["script-src-elem", "script-src-attr"].every(
      directive => window.__hbViolations.some(found => found.startsWith(directive)))""")
    violations.check()
    assert page.evaluate("window.__hbRan === undefined")
    assert any("script-src" in found for found in violations.found), violations.found
