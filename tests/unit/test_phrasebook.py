"""The phrasebook is made from the chapters' "what to say" boxes, so it cannot drift from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.content.phrasebook import PAGE, check, fill, load_situations, say_boxes
from handbook.content.site import Site
from handbook.content.source import DataError
from tests.support import DEFAULT, LANGUAGES, ROOT, copy_project

CHAPTER = """---
title: A chapter
---

# A chapter

## Calm {#calm}

Text.

!!! say

    "First phrase."

More text.

!!! say

    "Second phrase,
    on two lines."

## Other {#other}

!!! tip

    Not a phrase.
"""


def test_say_boxes_are_found_by_the_section_they_are_in() -> None:
    boxes = say_boxes(CHAPTER)
    assert list(boxes) == ["calm"]
    assert [re.findall(r'"([^"]+)"', box.replace("\n    ", " ")) for box in boxes["calm"]] == \
        [["First phrase."], ["Second phrase, on two lines."]]


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _situations_file(project: Path) -> Path:
    return project / "data" / "phrasebook.yml"


def test_the_real_phrasebook_lists_every_box_of_every_chapter_once() -> None:
    site = Site.load(ROOT)
    check(load_situations(ROOT), site)  # raises DataError naming the box otherwise


def test_a_box_in_no_situation_stops_the_build_with_its_section(tmp_path: Path) -> None:
    project = _project(tmp_path)
    path = _situations_file(project)
    path.write_text(path.read_text(encoding="utf-8").replace("  - resolving#follow-up\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as error:
        check(load_situations(project), Site.load(project))
    message = str(error.value)
    assert "data/phrasebook.yml" in message and f"docs/{DEFAULT}/resolving.md#follow-up" in message
    assert "add '  - resolving#follow-up' under the situation" in message


def test_a_listed_section_without_a_box_names_the_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    path = _situations_file(project)
    text = path.read_text(encoding="utf-8").replace("  - resolving#follow-up\n", "  - resolving#pacing\n")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - resolving#pacing") + 1
    with pytest.raises(DataError) as error:
        check(load_situations(project), Site.load(project))
    assert error.value.line == line
    assert "no 'what to say' box in the section 'pacing'" in str(error.value)


def test_an_entry_that_is_not_page_and_section_is_refused_with_its_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    path = _situations_file(project)
    text = path.read_text(encoding="utf-8").replace("  - resolving#follow-up\n", "  - follow up\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_situations(project)
    assert error.value.line == text.splitlines().index("  - follow up") + 1
    assert "write it as 'page#section'" in str(error.value)


def _generated(site: Site, language: str, sources: dict[str, str]) -> str:
    page = site.source_of(language, PAGE).read_text(encoding="utf-8")
    return fill(page, load_situations(site.project_dir), lambda name: say_boxes(sources[name]),
                lambda name, section: section)


@pytest.mark.parametrize("language", LANGUAGES)
def test_removing_a_box_from_a_chapter_removes_it_from_that_languages_phrasebook(language: str) -> None:
    site = Site.load(ROOT)
    sources = {page: site.source_of(language, page).read_text(encoding="utf-8") for page in site.pages()}
    before = _generated(site, language, sources)
    box = say_boxes(sources["resolving"])["follow-up"][0]
    assert box in before
    sources["resolving"] = sources["resolving"].replace(box, "")
    after = _generated(site, language, sources)
    assert box not in after
    assert after.count("!!! say") == before.count("!!! say") - 1
