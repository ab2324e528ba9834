"""The one reader of a page's Markdown (handbook/content/pages.py): what a section, an id, a title, a
section's text and a "what to say" box are, the same for every part of the handbook."""

from __future__ import annotations

import pytest

from handbook.content.pages import INTRO, first_section_line, headings, parse_page, say_boxes, section_texts

PAGE = """---
title: From the front matter
---

# The heading title

Intro.

## First {#first}

!!! say

    "A phrase."

```
## not a heading {#in-code}
!!! say
```

### Sub {#sub}

Two.

## No id

Still part of sub.

~~~
# not a title either
~~~
"""


def test_headings_outside_fenced_code_with_their_level_id_and_line() -> None:
    found = [(h.level, h.id, h.title) for h in headings(PAGE)]
    assert found == [(1, None, "The heading title"), (2, "first", "First"), (3, "sub", "Sub"), (2, None, "No id")]
    assert PAGE.splitlines()[headings(PAGE)[1].line] == "## First {#first}"


def test_the_title_comes_from_the_front_matter_before_the_first_heading() -> None:
    assert parse_page(PAGE).title == "From the front matter"
    assert parse_page("# Only a heading\n").title == "Only a heading"
    assert parse_page("No title at all.\n").title is None


@pytest.mark.parametrize("markdown,ids", [
    ("## A {#a}\n### B {#b}\n#### C {#c}\n", ["a", "b"]),  # levels 2 and 3 only
    ("## A {#a .class}\n", ["a"]),  # attributes after the id
    ("##A {#a}\n", []),  # no space: not a heading
    ("```\n## A {#a}\n```\n## B {#b}\n", ["b"]),
])
def test_section_ids(markdown: str, ids: list[str]) -> None:
    assert parse_page(markdown).section_ids() == ids


def test_section_texts_start_with_the_intro_and_leave_the_id_out() -> None:
    texts = section_texts(PAGE)
    assert list(texts) == [INTRO, "first", "sub"]
    assert texts[INTRO].startswith("---\ntitle: From the front matter")
    assert texts["first"].splitlines()[0] == "## First"
    assert "## not a heading {#in-code}" in texts["first"]  # code stays in its section
    assert "Still part of sub." in texts["sub"]  # a heading without an id does not start a section


def test_say_boxes_by_section_and_not_in_code() -> None:
    body = PAGE.split("---\n", 2)[2]
    assert say_boxes(body) == {"first": ('!!! say\n\n    "A phrase."',)}


def test_the_first_section_is_where_the_opening_ends() -> None:
    assert first_section_line("# T\n\nIntro.\n\n## A {#a}\n") == 4
    assert first_section_line("# T\n\nOnly an intro.\n") is None
