"""A section id that moved, with a redirect in data/published-ids.yml: old links still arrive."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.support import SITE, copy_project, run_build, serve

# Its tests share one worker: the module fixture builds a site of its own (tests/conftest.py).
pytestmark = pytest.mark.xdist_group("moved-site")

OLD, NEW = "dismiss-no-concern", "take-every-concern-seriously"


@pytest.fixture(scope="module")
def moved_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    # Renamed as a writer renames a section: its heading and every link to it, in every language.
    for page in (project / "docs").glob("*/*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace(f"#{OLD}", f"#{NEW}"), encoding="utf-8")
    for checked in (project / "translations").glob("*/checked.yml"):  # the translations' record of the section
        checked.write_text(checked.read_text(encoding="utf-8").replace(f"  {OLD}:", f"  {NEW}:"), encoding="utf-8")
    published = project / "data" / "published-ids.yml"
    text = published.read_text(encoding="utf-8").replace(f"    - {OLD}\n", f"    - {NEW}\n")
    text = re.sub(r"^redirects:.*$", f"redirects:\n  listening#{OLD}: listening#{NEW}", text, count=1, flags=re.MULTILINE)
    published.write_text(text, encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    server, url = serve(project / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("language", ["kk", "en"])
def test_an_old_section_link_arrives_at_the_new_section(page: Page, moved_site_url: str, language: str) -> None:
    page.goto(moved_site_url + SITE.page_url(language, "listening") + f"#{OLD}")
    page.wait_for_url(moved_site_url + SITE.page_url(language, "listening") + f"#{NEW}")
    expect(page.locator(f"#{NEW}")).to_be_in_viewport()
