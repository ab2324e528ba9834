"""The built phrasebook of every language holds exactly the "what to say" boxes of its chapters."""

from __future__ import annotations

import re

import pytest

from tests.support import LANGUAGES, PAGES, SITE, Build

SAY_BOX = re.compile(r'<div class="admonition say">\s*<p class="admonition-title">[^<]*</p>(.*?)</div>', re.S)


def boxes(build: Build, language: str, page: str) -> list[str]:
    html = SITE.built_file(build.site, language, page).read_text(encoding="utf-8")
    return [re.sub(r"\s+", " ", box).strip() for box in SAY_BOX.findall(html)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_phrasebook_shows_every_box_of_the_chapters_and_nothing_else(build: Build, language: str) -> None:
    chapters = sorted(box for page in PAGES if page != "phrasebook" for box in boxes(build, language, page))
    assert len(chapters) > 10
    assert sorted(boxes(build, language, "phrasebook")) == chapters


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_phrase_links_back_to_its_section(build: Build, language: str) -> None:
    html = SITE.built_file(build.site, language, "phrasebook").read_text(encoding="utf-8")
    # "../listening/#section", or "../#section" for a box of the home page.
    links = re.findall(r'</div>\s*<p>→ <a href="\.\./(?:([a-z-]+)/)?#([a-z0-9-]+)">', html)
    assert len(links) == len(boxes(build, language, "phrasebook"))
    for page, section in links:
        assert section in SITE.section_ids(language, page or "index")
