"""Keep trainers' old links working when a section id moves.

data/published-ids.yml lists, under `redirects:`, old `page#id` addresses and where each section
went; the build reads it once and stops if a redirect leads nowhere. A fragment never reaches the
server, so this gives each page the redirects that start on it, and
docs/assets/javascripts/handbook.js sends a reader of an old #id on.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook import build
from handbook.content.site import Site


def on_config(config: MkDocsConfig) -> None:
    build.published(config)  # read and check the file before anything is built


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    site = Site.of(config)
    moves = build.published(config).redirects_from(PurePosixPath(page.file.src_uri).stem)
    if moves:
        context["hb_redirects"] = {
            old: get_relative_url(site.page_url(site.current, target), page.url) + "#" + new_id
            for old, (target, new_id) in moves.items()}
    return context
