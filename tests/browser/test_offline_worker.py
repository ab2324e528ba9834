"""The offline worker keeps to its own copies: it reads and deletes only the caches it names, a
page comes only from its own language's copy, and a page read offline says when it was saved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
import shutil

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from handbook.offline import worker as offline
from handbook.content.site import Site
from tests.support import Build, serve

LANGUAGE = "kk"
OWN = "caches.keys().then(names => names.filter(name => name.startsWith('handbook-offline:')))"
PLANT = """async ([name, url]) => {
  const cache = await caches.open(name);
  await cache.put(url, new Response("<h1>Planted copy</h1>", {headers: {"Content-Type": "text/html"}}));
}"""


@pytest.fixture
def deployed(build: Build, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    site_dir = tmp_path / "site"
    shutil.copytree(build.site, site_dir)
    server, url = serve(site_dir)
    yield site_dir, url
    server.shutdown()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow", locale="kk-KZ")
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


def _save(page: Page, url: str, site: Site) -> None:
    page.goto(url + site.root(LANGUAGE))
    page.locator(".hb-offline button").click()
    expect(page.locator(".hb-offline")).to_have_attribute("data-state", "saved", timeout=60_000)
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def test_caches_the_site_did_not_make_are_never_read_nor_deleted(
        context: BrowserContext, deployed: tuple[Path, str], site: Site) -> None:
    site_dir, url = deployed
    page = context.new_page()
    listening = url + site.page_url(LANGUAGE, "listening")
    page.goto(url + site.root(LANGUAGE))
    for name in ("handbook-offline:0:zz", "handbook-offline:0000000000000000:zz", "another-site"):
        page.evaluate(PLANT, [name, listening])
    _save(page, url, site)
    version = offline.write(site_dir, site)  # a new deploy: the planted copies are now the oldest
    page.goto(url + site.page_url(LANGUAGE, "facts"))
    page.wait_for_function(f"{OWN}.then(names => names.includes('handbook-offline:{version}:{LANGUAGE}'))")
    context.set_offline(True)
    page.goto(listening)
    expect(page.locator("article h1")).not_to_have_text("Planted copy")
    context.set_offline(False)

    page.goto(url + site.root(LANGUAGE))
    page.locator(".hb-offline button").click()  # "Remove from this device"
    expect(page.locator(".hb-offline")).to_have_attribute("data-state", "removed")
    left = page.evaluate("caches.keys()")
    assert sorted(left) == sorted(["another-site", "handbook-offline:0:zz", "handbook-offline:0000000000000000:zz"])
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")


def test_a_page_is_never_answered_from_another_languages_copy(
        context: BrowserContext, deployed: tuple[Path, str], site: Site) -> None:
    _, url = deployed
    page = context.new_page()
    _save(page, url, site)
    context.set_offline(True)
    for other in ("tr", "en"):
        try:
            page.goto(url + site.page_url(other, "listening"))
        except Exception as error:  # noqa: BLE001 - the browser's own "no connection" error
            assert "ERR_INTERNET_DISCONNECTED" in str(error) or "ERR_FAILED" in str(error)
        else:
            assert page.evaluate("document.documentElement.lang") != LANGUAGE


def test_a_page_read_offline_says_when_its_copy_was_saved(
        context: BrowserContext, deployed: tuple[Path, str], site: Site) -> None:
    _, url = deployed
    page = context.new_page()
    _save(page, url, site)
    page.goto(url + site.page_url(LANGUAGE, "listening"))
    expect(page.locator(".hb-saved-copy")).to_have_count(0)  # online: the live page, no notice
    context.set_offline(True)
    page.goto(url + site.page_url(LANGUAGE, "listening"))
    notice = page.locator(".hb-saved-copy")
    expect(notice).to_have_text(re.compile(r"^Байланыс жоқ: бұл — осы құрылғыға .*\d{4}.* сақталған көшірме\.$"))
