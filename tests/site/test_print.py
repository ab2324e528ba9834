"""The print page and the quick card of every language, as built."""

from __future__ import annotations

import re
from html import unescape

import pytest

from handbook.decision_tree.model import Tree
from mkdocs.config import load_config

from handbook.paper.print_book import first_questions, nav_pages
from handbook.content.site import Site
from tests.support import LANGUAGES, ROOT, Build

TOOL_PAGE = "decision-tool"


def read(build: Build, site: Site, language: str, page: str) -> str:
    return (site.folder(build.site, language) / page / "index.html").read_text(encoding="utf-8")


def ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_print_page_holds_every_chapter_in_order_and_every_section(build: Build, site: Site, language: str) -> None:
    html = read(build, site, language, "print")
    chapters = [page for page in nav_pages(load_config(str(ROOT / "mkdocs.yml")).nav) if page != TOOL_PAGE]
    found = re.findall(r'<section class="hb-chapter" aria-labelledby="([^"]+)">', html)
    assert found == chapters
    present = ids(html)
    assert len(present) == len(set(present)), "an id occurs twice on the print page"
    for chapter in chapters:
        missing = [sid for sid in site.section_ids(language, chapter) if f"{chapter}--{sid}" not in present]
        assert not missing, f"{language} print page lacks sections of {chapter}: {missing}"
    assert f'lang="{language}"' in html.split(">", 2)[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_on_the_print_page_stay_on_it_and_carry_their_web_address(build: Build, site: Site, language: str) -> None:
    html = read(build, site, language, "print")
    present = set(ids(html))
    anchors = re.findall(r'href="#([^"]*)"', html)
    assert anchors and not [a for a in anchors if unescape(a) not in present]
    for target, web in re.findall(r'href="#([^"]*)" data-web="([^"]*)"', html):
        chapter, _, section = unescape(target).partition("--")
        address = site.page_url(language, chapter) + (f"#{section}" if section else "")
        assert unescape(web).endswith("/" + address) or unescape(web).endswith(address), (target, web)
    tool = site.page_url(language, TOOL_PAGE)
    assert re.search(rf'href="[a-z]+://[^"]*/{re.escape(tool)}#[a-z-]+"', html), "no step of the tool links online"
    assert not re.search(r'<a [^>]*href="\.\./', html), "a relative link was left on the print page"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_quick_card_has_the_angry_customer_steps_and_the_first_questions(
        build: Build, site: Site, trees: dict[str, Tree], language: str) -> None:
    html = unescape(read(build, site, language, "quick-card"))
    home = unescape((site.folder(build.site, language) / "index.html").read_text(encoding="utf-8"))
    heading = re.search(r'<h2 id="angry-customer-right-now">(.*?)<', home).group(1)
    assert f"<h1>{heading}</h1>" in html
    assert html.count("<li>") >= 6
    for question in first_questions(trees[language]):
        assert re.sub(r"\*+", "", question.text) in re.sub(r"<[^>]+>", "", html)
    assert re.search(rf'href="[a-z]+://[^"]*/{re.escape(site.page_url(language, TOOL_PAGE))}"', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_links_to_the_print_page_and_the_card(build: Build, site: Site, language: str) -> None:
    home = (site.folder(build.site, language) / "index.html").read_text(encoding="utf-8")
    aside = re.search(r'<aside class="hb-downloads".*?</aside>', home, re.S).group(0)
    for page in ("print", "quick-card"):
        assert f'href="{page}/"' in aside
        assert (site.folder(build.site, language) / page / "index.html").exists()
    assert re.search(r"data-size=\"\d+[.,]\d\u00a0(MB|МБ)\"", aside)
