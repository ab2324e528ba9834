"""Generate the phrasebook page from the chapters' "what to say" boxes (handbook/content/phrasebook.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import build
from handbook.content.phrasebook import PAGE, fill
from handbook.content.site import Site


def on_config(config: MkDocsConfig) -> None:
    build.phrasebook(config)  # a box in no situation stops the build before anything is built


@build.order("phrasebook boxes")
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri.rsplit("/", 1)[-1] != f"{PAGE}.md":
        return markdown
    site = Site.of(config)

    def boxes_of(name: str) -> Mapping[str, Sequence[str]]:
        return site.source(site.current, name).say_boxes

    def title_of(name: str, section: str) -> str:
        return next((s.title for s in site.sections(site.current, name) if s.id == section), section)

    return fill(markdown, build.phrasebook(config), boxes_of, title_of)
