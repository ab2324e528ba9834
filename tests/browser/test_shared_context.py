"""The browser context the tests share (tests/browser/shared_context.py) is empty for each test."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.shared_context import SharedContext
from tests.support import SITE

LEAVE_EVERYTHING = """async root => {
    localStorage.setItem("left", "1");
    document.cookie = "left=1; path=/";
    await (await caches.open("left")).put(location.href, new Response("left"));
    await new Promise(done => { indexedDB.open("left").onsuccess = done; });
    await navigator.serviceWorker.register(root + "sw.js", {scope: root});
}"""

WHAT_IS_LEFT = """async () => ({
    localStorage: localStorage.length,
    cookies: document.cookie,
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).map(database => database.name),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    clipboard: (await navigator.permissions.query({name: "clipboard-read"})).state,
})"""


def test_a_test_finds_nothing_that_the_test_before_it_left_in_the_shared_context(browser: Browser, site_url: str) -> None:
    shared = SharedContext(browser)
    try:
        url = site_url + SITE.page_url("kk", "listening")
        before = shared.new_page()
        before.goto(url)
        nothing = before.evaluate(WHAT_IS_LEFT)
        shared.context.grant_permissions(["clipboard-read"], origin=site_url.rstrip("/"))
        before.evaluate(LEAVE_EVERYTHING, site_url)
        assert before.evaluate(WHAT_IS_LEFT) != nothing, "the test could not leave anything behind"
        shared.empty()
        after = shared.new_page()
        after.goto(url)
        assert after.evaluate(WHAT_IS_LEFT) == nothing
        assert before.is_closed()
    finally:
        shared.context.close()
