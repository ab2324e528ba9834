"""A language whose every interface word is a probe, read in Chromium: after every script has run
(the tool's steps, the copy buttons, the offline control), no probe is an element or an attribute."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.tool_steps import walk_to_an_outcome
from tests.site.test_hostile_input import _probe_words
from tests.support import SITE, copy_project, run_build, serve

# Its tests share one worker: the module fixture builds a site of its own (tests/conftest.py).
pytestmark = pytest.mark.xdist_group("probe-site")

LANGUAGE = "kk"
PROBED = """() => [...document.querySelectorAll("*")].flatMap(element =>
  [element.localName, ...[...element.attributes].map(attribute => attribute.name)]
    .filter(name => name.includes("hb-probe")).map(name => element.localName + " " + name))"""


@pytest.fixture(scope="module")
def probe_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("probe-project"))
    _probe_words(project, LANGUAGE)
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    server, url = serve(project / "site")
    yield url
    server.shutdown()


def test_probe_words_never_become_markup_after_the_scripts_run(page: Page, probe_site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    root = probe_site_url + SITE.root(LANGUAGE)
    shown = 0
    for address in ("", "listening/#acknowledge-the-feeling", "phrasebook/", "print/", "quick-card/", "no-such-page/"):
        page.goto(root + address)
        page.wait_for_load_state("load")
        assert page.evaluate(PROBED) == [], address
        shown += page.locator("body").inner_text().count("data-hb-probe")
    page.goto(root + "decision-tool/")
    walk_to_an_outcome(page)
    page.locator("#hb-record-note").fill("note")
    assert page.evaluate(PROBED) == []
    assert shown > 0 and errors == []
