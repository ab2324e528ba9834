"""Link previews and hreflang alternates for every page (overrides/partials/page-meta.html).

Templates get `hb_preview` (handbook/paper/link_preview.py: absolute addresses built from site_url,
the Open Graph locale, the language's preview picture); each language's picture is drawn when
that language is built, or taken from an earlier build when nothing it is drawn from changed
(handbook/reuse.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import PIL

from handbook.paper import link_preview as link_preview_module
from handbook.paper.link_preview import IMAGE, draw_preview, find_font, link_preview, page_name
from handbook import reuse
from handbook.content.site import Site
from handbook.content.source import DataError


def on_config(config: MkDocsConfig) -> None:
    if not config.site_url:
        raise PluginError("mkdocs.yml: link previews and hreflang alternates need absolute addresses; "
                          "set site_url (or the SITE_URL environment variable)")
    try:
        find_font()
    except DataError as error:
        raise PluginError(str(error)) from None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    site = Site.of(config)
    context["hb_preview"] = link_preview(site, config.site_url, site.current, page_name(page.file.src_uri))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    font = find_font()
    reuse.made_once(reuse.folder(site.project_dir, "pictures"),
                    reuse.key(config.site_name, font, Path(link_preview_module.__file__), PIL.__version__),
                    site.folder(Path(config.site_dir), site.current) / IMAGE,
                    lambda target: draw_preview(config.site_name, target, font))
