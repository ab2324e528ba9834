"""Write a 404 page for every language.

mkdocs-static-i18n renders ``404.html`` once per language into the same file, so the last
language built wins. This hook keeps each language's rendering and, once every language is
built, writes it into that language's folder (the default language's at the site root).

A host that serves one 404 page for the whole site (GitHub Pages) serves the root one: it holds
the text of every language, and a small script shows the one of the address's first folder
(`/kk/...` in Kazakh); without JavaScript, all of them are shown (overrides/404.html).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from handbook import build
from handbook.content.site import Site


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    site = Site.of(config)
    if template_name == "404.html" and site.current == site.default:
        every = build.all_words(config)
        context["hb_not_found"] = [
            {"language": language, "root": site.root(language),
             **{key: every[language][f"not_found.{key}"] for key in ("title", "body", "home")}}
            for language in site.languages]
        context["hb_site_path"] = urlsplit(config.site_url or "/").path or "/"
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        build.rendered_404(config)[Site.of(config).current] = output_content
    return output_content


@build.after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    for language, html in build.rendered_404(config).items():
        folder = site.folder(Path(config.site_dir), language)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "404.html").write_text(html, encoding="utf-8")
