"""Add to home screen: `<language root>manifest.webmanifest` for every language, in its words,
and the app icons at the site root (handbook/offline/web_app.py). overrides/main.html links each page to
its language's manifest; the offline list then includes it, so the saved handbook opens from the
home screen without a connection. The icons are drawn once and then taken from earlier builds
until their drawing changes (handbook/reuse.py)."""

from __future__ import annotations

import json
from pathlib import Path

import PIL
from mkdocs.config.defaults import MkDocsConfig

from handbook import build
from handbook.content.site import Site
from handbook.offline import web_app
from handbook import reuse
from handbook.offline.web_app import ICON_SIZES, MANIFEST, THEME_COLOR, draw_icon, icon_path, manifest


def on_page_context(context: dict, page: object, config: MkDocsConfig, nav: object) -> dict:
    return on_template_context(context, "", config)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """What the page's <head> links to: `hb_app.manifest` and `hb_app.icon` (relative to the
    site root) and `hb_app.theme_color`."""
    site = Site.of(config)
    context["hb_app"] = {"manifest": site.root(site.current) + MANIFEST, "icon": icon_path(ICON_SIZES[0]),
                         "theme_color": THEME_COLOR}
    return context


def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    language = site.current
    words = build.words(config)
    folder = site.folder(Path(config.site_dir), language)
    content = manifest(language=language, root=site.root(language), name=config.site_name,
                       short_name=words.t("app.short_name"), description=config.site_description or "")
    (folder / MANIFEST).write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for size in ICON_SIZES:
        target = Path(config.site_dir) / icon_path(size)
        if not target.exists():
            reuse.made_once(reuse.folder(site.project_dir, "pictures"),
                            reuse.key(f"icon {size}", Path(web_app.__file__), PIL.__version__),
                            target, lambda target, size=size: draw_icon(size, target))
