"""Paper for a training room, on the handbook's own pages (handbook/paper/training.py):

- a chapter with a knowledge check ends with its answer key, shown only on paper, where the
  options print without their explanations (handbook.css);
- each role-play scenario of the scenarios page ends with "Print the handouts", a link to its
  handouts page (written with the print page, hooks/print_and_offline.py).

After the pages are collected for the print page, which lays out both in its own way.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.paper import training as paper
from handbook.build import handbook, order, tree_templates
from handbook.paper.print_book import SCENARIOS_PAGE, handouts_page
from handbook.paper.tags import section_ends
from handbook.content.site import Site
from handbook.templates import render


@order("paper on the web")
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = Site.of(config)
    name = Path(page.file.src_uri).stem
    env = tree_templates(config)
    words = handbook(config).words(site.current).group("print")
    if name == SCENARIOS_PAGE:
        ends = section_ends(html)  # found by an HTML parser; filled from the last, so each stays where it is
        for scenario in reversed(paper.scenarios(html)):
            href = posixpath.relpath(site.page_url(site.current, handouts_page(scenario.id)),
                                     site.page_url(site.current, name)) + "/"
            link = render(env, "handouts-link", href=href, text=words["handouts"])
            html = html[:ends[scenario.id]] + link + "\n" + html[ends[scenario.id]:]
    if questions := paper.knowledge_checks(html):
        html += render(env, "answer-key", title=words["answer_key"], questions=questions)
    return html

