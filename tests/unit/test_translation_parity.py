"""Every language says the same as English, block for block (handbook/content/parity.py)."""

from __future__ import annotations

import markdown
import pytest

from handbook.content.parity import converter, declared_exceptions, page_differences
from tests.support import DEFAULT, LANGUAGES, PAGES, ROOT, mkdocs_config

TRANSLATIONS = [language for language in LANGUAGES if language != DEFAULT]


@pytest.fixture(scope="module")
def md() -> markdown.Markdown:
    return converter(mkdocs_config())


def _text(language: str, page: str) -> str:
    return (ROOT / "docs" / language / f"{page}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_each_section_has_the_same_blocks_and_links_as_english(language: str, page: str, md) -> None:
    if not (ROOT / "docs" / language / f"{page}.md").exists():
        pytest.skip(f"docs/{language}/{page}.md is not translated: the site shows English with a notice")
    allowed = declared_exceptions(ROOT)
    lines = [line for line in page_differences(_text(DEFAULT, page), _text(language, page), page, md)
             if (language, page, line.split(":")[0].removeprefix("section #")) not in allowed]
    assert not lines, (f"docs/{language}/{page}.md does not have the same structure as docs/{DEFAULT}/{page}.md:\n  "
                       + "\n  ".join(lines))


ENGLISH = """# Page

Intro.

## First {#first}

A paragraph with a [link](other.md#target).

!!! say

    "A phrase."

- one
- two
"""


@pytest.mark.parametrize("change, expected", [
    (("!!! say\n\n    \"A phrase.\"\n\n", ""), "0 'say' boxes where English has 1"),
    (("- two\n", ""), "1 list items where English has 2"),
    (("[link](other.md#target)", "link"), "no link to other#target"),
    (("(other.md#target)", "(other.md#elsewhere)"), "no link to other#target"),
    (("## First {#first}", "## First {#renamed}"), "section #first: missing"),
])
def test_a_translation_that_drops_a_block_or_link_is_reported(change, expected, md) -> None:
    translation = ENGLISH.replace(*change)
    assert translation != ENGLISH
    differences = page_differences(ENGLISH, translation, "page", md)
    assert any(expected in line for line in differences), differences


def test_a_faithful_translation_has_no_differences(md) -> None:
    translation = ENGLISH.replace("A paragraph", "Bir paragraf").replace("A phrase.", "Bir cümle.")
    assert page_differences(ENGLISH, translation, "page", md) == []
