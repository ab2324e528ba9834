"""Every built page ends with "Report a problem with this page", in the reader's language: a link to
a new report on the repository, filled in with the page's published address and language."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from handbook.content.site import Site
from tests.support import LANGUAGES, PAGES, ROOT, Build, mkdocs_config

REPORT_LINK = re.compile(r'<a href="([^"]+)"\s+data-hb-report data-hb-section-label="([^"]+)"[^>]*>([^<]+)</a>')


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_a_prefilled_report_link_in_its_language(site: Site, build: Build, language: str, page: str) -> None:
    words = yaml.safe_load((ROOT / "translations" / language / "ui.yml").read_text(encoding="utf-8"))["report"]
    config = mkdocs_config()
    links = REPORT_LINK.findall(site.built_file(build.site, language, page).read_text(encoding="utf-8"))
    assert len(links) == 1, f"{language}/{page}: {len(links)} report links"
    href, section_label, text = (html.unescape(part) for part in links[0])
    assert (text, section_label) == (words["link"], words["section"])
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == config.repo_url.rstrip("/") + "/issues/new"
    fields = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert fields["title"] == words["issue_title"].replace("{page}", site.source(language, page).title or "")
    assert fields["body"] == (f"{words['page']}: {config.site_url}{site.page_url(language, page)}\n"
                              f"{words['language']}: {language}\n\n{words['describe']}\n")
