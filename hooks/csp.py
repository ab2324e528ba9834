"""A strict Content-Security-Policy in every page the theme renders (handbook/csp.py): scripts
and styles from the site's own files, and inline only what a template writes, by its hash."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook import build


def on_config(config: MkDocsConfig) -> None:
    build.csp_known(config)


@event_priority(-100)  # last: after every hook that changes the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return build.with_csp(config, output, page.file.src_uri)


@event_priority(50)  # before hooks/not_found_per_language.py keeps each language's 404 page
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return build.with_csp(config, output, template_name) if template_name.endswith(".html") else output
