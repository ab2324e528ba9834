"""Reading offline: save a language on its home page, lose the connection, keep reading."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import yaml
from playwright.sync_api import Browser, expect

from tests.browser.search_helpers import search
from handbook.offline import worker as offline
from handbook.content.site import Site
from tests.support import ROOT, Build, serve

LANGUAGE = "kk"


def words(language: str) -> dict[str, str]:
    """The offline control's interface words in a language, as translations/<language>/ui.yml has them."""
    return yaml.safe_load((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"))["offline"]


def title_of(build: Build, site: Site, page: str) -> str:
    """The page's heading as built (the text of its h1, without the permalink)."""
    built = (site.folder(build.site, LANGUAGE) / page / "index.html").read_text(encoding="utf-8")
    return re.search(r"<h1[^>]*>([^<]*)", built).group(1).strip()


SAVED = "caches.keys().then(names => names.filter(name => name.startsWith('handbook-offline:')))"


def test_a_saved_language_works_without_a_connection(browser: Browser, build: Build, site: Site) -> None:
    # A server of its own: it is shut down below, as the connection is lost.
    server, url = serve(build.site)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto(url + site.root(LANGUAGE))
        control = page.locator(".hb-offline button")
        saving = words(LANGUAGE)
        units = site.language(LANGUAGE).size_units
        label = re.escape(saving["save"]).replace(re.escape("{size}"), rf"\d+[.,]\d\s{re.escape(units[1])}")
        expect(control).to_have_text(re.compile(f"^{label}$"))
        control.click()
        expect(page.locator(".hb-offline")).to_have_attribute("data-state", "saved", timeout=60_000)
        expect(page.locator(".hb-offline__status")).to_contain_text(saving["saved"])
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now under the worker; the control remembers the saved copy
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        expect(page.locator(".hb-offline")).to_have_attribute("data-state", "saved")

        server.shutdown()
        server.server_close()
        context.set_offline(True)

        page.goto(url + site.page_url(LANGUAGE, "listening"))
        expect(page.locator("article h1")).to_contain_text(title_of(build, site, "listening"))
        page.goto(url + site.page_url(LANGUAGE, "how-to-fire"))
        results = search(page, site.language(LANGUAGE).search_word)
        assert results, "search found nothing offline"
        assert all(f"/{LANGUAGE}/" in result["href"] for result in results)

        page.goto(url + site.page_url(LANGUAGE, "decision-tool"))
        page.locator("#red-flags--violence").check()
        page.locator("#red-flags .hb-checklist__continue").click()
        expect(page.locator("#end-now")).to_be_visible()

        page.goto(url + site.root(LANGUAGE) + "print/")
        expect(page.locator("#listening")).to_have_text(title_of(build, site, "listening"))
    finally:
        context.close()
        server.shutdown()


def test_the_offline_list_names_only_files_of_the_site_in_that_language(build: Build, site: Site) -> None:
    for language in site.languages:
        manifest = json.loads((site.folder(build.site, language) / "offline.json").read_text(encoding="utf-8"))
        others = [lang for lang in site.languages if lang != language]
        pages = [f for f in manifest["files"] if not f.startswith("assets/")]
        assert site.root(language) in pages and site.page_url(language, "decision-tool") in pages
        assert f"{site.root(language)}search/search_index.json" in pages
        assert not [f for f in pages if site.language_of(f) != language or f.split("/")[0] in others], language
        assert all((build.site / f.rstrip("/")).exists() for f in manifest["files"])
        assert not any("://" in f or f.startswith("//") for f in manifest["files"])
    worker = (build.site / "sw.js").read_text(encoding="utf-8")
    assert manifest["version"] in worker
    assert "http://" not in worker.replace("http://www.w3.org", "") and "https://" not in worker


def test_after_a_new_deploy_the_next_online_visit_updates_the_saved_copy(
        browser: Browser, build: Build, site: Site, tmp_path: Path) -> None:
    deployed = tmp_path / "site"
    shutil.copytree(build.site, deployed)
    server, url = serve(deployed)
    context = browser.new_context(service_workers="allow")
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto(url + site.root(LANGUAGE))
        page.locator(".hb-offline button").click()
        expect(page.locator(".hb-offline")).to_have_attribute("data-state", "saved", timeout=60_000)
        first = page.evaluate(SAVED)
        assert len(first) == 1

        # A new deploy changes a page, and so the version of sw.js and of every offline.json.
        chapter = site.folder(deployed, LANGUAGE) / "listening" / "index.html"
        text = chapter.read_text(encoding="utf-8")
        title = title_of(build, site, "listening")
        chapter.write_text(text.replace(f"{title}<a", f"{title} (2)<a", 1), encoding="utf-8")
        version = offline.write(deployed, site)
        assert version not in first[0]

        page.goto(url + site.page_url(LANGUAGE, "facts"))  # the next visit, online
        deadline = time.monotonic() + 60
        while page.evaluate(SAVED) != [f"handbook-offline:{version}:{LANGUAGE}"]:
            assert time.monotonic() < deadline, f"the saved copy was not updated: {page.evaluate(SAVED)}"
            page.wait_for_timeout(250)
        context.set_offline(True)
        page.goto(url + site.page_url(LANGUAGE, "listening"))
        expect(page.locator("article h1")).to_contain_text(f"{title} (2)")
    finally:
        context.close()
        server.shutdown()
