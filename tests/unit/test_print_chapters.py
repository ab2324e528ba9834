"""A chapter on the print page: its ids prefixed with the chapter's name, its links kept inside
the book, its permalink signs gone, and everything else exactly as the web page has it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

from handbook.paper.print_book import Chapter, rewrite_chapter
from handbook.templates import project_environment
from tests.support import ROOT

ENV = project_environment(ROOT)
BY_PATH = {"/kk/listening/": "listening", "/kk/facts/": "facts"}

CHAPTER = """
# Listening

## Listen first {#listen}

See [the facts](../facts/#root-cause){.button title='"quoted" & <b>'}, [this section](#listen),
[the tool](../decision-tool/#first), [elsewhere](https://example.org/x) and the code `<p id="kept">`.

<svg viewBox="0 0 8 8"><marker id="arrow" refX="8"/></svg>
"""


class Ids(HTMLParser):
    """The ids of a fragment's elements, in order."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name == "id" and value]

    handle_startendtag = handle_starttag


def rewritten() -> str:
    html = markdown.markdown(CHAPTER, extensions=["attr_list", "toc"], extension_configs={"toc": {"permalink": "¶"}})
    return rewrite_chapter(ENV, Chapter("listening", "https://handbook.example.org/kk/listening/", html), BY_PATH)


def test_the_chapter_keeps_its_ids_prefixed_with_its_name_and_its_title_is_the_chapter() -> None:
    html = rewritten()
    assert Ids(html).found == ["listening", "listening--listen", "listening--arrow"]
    assert "<h1 id=\"listening\">Listening</h1>" in html
    assert "headerlink" not in html and "¶" not in html


def test_links_to_chapters_point_inside_the_book_and_carry_their_web_address() -> None:
    html = rewritten()
    assert ('<a class="button hb-xref" href="#facts--root-cause" '
            'data-web="https://handbook.example.org/kk/facts/#root-cause"') in html
    assert re.search(r'<a href="#listening--listen" data-web="[^"]*/kk/listening/#listen" class="hb-xref">', html)
    assert '<a href="https://handbook.example.org/kk/decision-tool/#first" class="hb-web">' in html
    assert '<a href="https://example.org/x">' in html


def test_attribute_values_stay_text_and_the_rest_is_copied_as_it_was() -> None:
    html = rewritten()
    assert 'title="&#34;quoted&#34; &amp; &lt;b&gt;"' in html
    assert "<code>&lt;p id=\"kept\"&gt;</code>" in html
    assert '<svg viewBox="0 0 8 8"><marker id="listening--arrow" refX="8" />' in html


def test_a_section_ends_at_the_next_heading_of_its_level_not_at_text_that_looks_like_one() -> None:
    from handbook.paper.tags import section_ends

    html = ('<h1 id="t">T</h1><h2 id="first">One</h2><p><code>&lt;h2 id="x"&gt;</code></p>'
            '<h3 id="deeper">D</h3><p>A</p><h2 id="second">Two</h2><p>B</p>')
    ends = section_ends(html)
    assert ends == {"first": html.index('<h2 id="second"'), "second": len(html)}
