"""The handbook on paper and without a connection, in every language.

- `<language root>print/`: the whole handbook on one page (handbook/paper/print_book.py).
- `<language root>quick-card/`: the one-page card for the desk.
- With `HANDBOOK_PDF=1` (`python3 tasks.py pdf`), both as PDF under `<language root>pdf/`
  (handbook/paper/pdf.py), linked from the home page with their size (handbook/paper/downloads.py).
- `sw.js` at the site root and `<language root>offline.json`: reading offline (handbook/offline/worker.py),
  started from the home page's "Save for offline" control.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.paper import downloads, pdf
from handbook.offline import worker as offline
from handbook.build import all_words, collected, handbook, order, tree_templates, trees, with_csp
from handbook.content.pages import first_section_line, headings
from handbook.decision_tree.load import is_translated
from handbook.paper.downloads import CARD_PAGE, PRINT_PAGE
from handbook.paper.print_book import (ANGRY_SECTION, SCENARIOS_PAGE, TOOL_PAGE, Book, Chapter, handouts_page, nav_pages,
                                 render_book, render_card, render_handouts, scenario_handouts)
from handbook.paper.link_preview import link_preview
from handbook.content.site import Site
from handbook.content.words import Words

STYLESHEET = "assets/stylesheets/print-book.css"


def book(config: MkDocsConfig, site: Site, language: str, page: str) -> Book:
    """What the print page or the card at `<root><page>/` needs to know about its language."""
    root_url = config.site_url or "/"
    title, description = collected(config).titles[language]
    return Book(language=language,
                title=title,
                description=description,
                home_url=root_url + site.root(language),
                tool_url=root_url + site.page_url(language, TOOL_PAGE),
                stylesheet=posixpath.relpath(STYLESHEET, site.page_url(language, page)),
                words=words_of(config, language).group("print"),
                preview=link_preview(site, root_url, language, page))


def words_of(config: MkDocsConfig, language: str) -> Words:
    all_words(config)  # checked
    return handbook(config).words(language)


@order("downloads place")
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The home page gets the place of its downloads block: after "A customer is angry right now",
    which opens the page (on a phone, what to do and say comes first), or else before its first
    `##` section."""
    if Path(page.file.src_uri).stem != "index":
        return markdown
    sections = [h for h in headings(markdown) if h.level == 2]
    after = [h.line for h, before in zip(sections[1:], sections) if before.id == ANGRY_SECTION]
    return downloads.with_marker(markdown, after[0] if after else first_section_line(markdown))


@order("collect pages")
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = Site.of(config)
    name = Path(page.file.src_uri).stem
    collected(config).pages.setdefault(site.current, {})[name] = downloads.without_marker(html)
    collected(config).titles[site.current] = (config.site_name, config.site_description or "")
    if name != "index":
        return html
    block = downloads.block(tree_templates(config), words_of(config, site.current), site, site.current)
    return downloads.place(html, block)


def write_paper_pages(config: MkDocsConfig, site: Site, language: str) -> None:
    """The print page and the card of one language, from its pages as they were rendered."""
    pages = collected(config).pages.get(language, {})
    root_url = config.site_url or "/"
    chapters = [Chapter(name, root_url + site.page_url(language, name), pages[name],
                        None if site.is_translated(language, name) else site.default)
                for name in nav_pages(config.nav) if name != TOOL_PAGE and name in pages]
    if not chapters:
        return
    folder = site.folder(Path(config.site_dir), language)
    env = tree_templates(config)
    for page, text in ((PRINT_PAGE, render_book(env, book(config, site, language, PRINT_PAGE), chapters)),
                       (CARD_PAGE, render_card(env, book(config, site, language, CARD_PAGE), chapters[0],
                                               trees(config)[language],
                                               None if is_translated(site, language) else site.default))):
        target = folder / page / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(with_csp(config, text, f"{site.root(language)}{page}/"), encoding="utf-8")
    for chapter in chapters:
        if chapter.name == SCENARIOS_PAGE:
            for scenario in scenario_handouts(env, chapter):
                page = handouts_page(scenario.id)
                target = site.built_file(Path(config.site_dir), language, page)
                target.parent.mkdir(parents=True, exist_ok=True)
                text = render_handouts(env, book(config, site, language, page), scenario, f"{chapter.url}#{scenario.id}")
                target.write_text(with_csp(config, text, site.page_url(language, page)), encoding="utf-8")


@order("paper and offline")
def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    if site.building:
        return
    site_dir = Path(config.site_dir)
    for language in site.languages:
        write_paper_pages(config, site, language)
    made: dict[str, dict[str, int]] = {}
    if os.environ.get("HANDBOOK_PDF") == "1":
        try:
            made = pdf.render_site(site_dir, site)
        except pdf.PdfError as error:
            raise PluginError(str(error)) from None

    words = {language: words_of(config, language) for language in site.languages}
    offline.write(site_dir, site, lambda sizes: downloads.show_sizes(site_dir, site, tree_templates(config),
                                                                     words, made, sizes))
