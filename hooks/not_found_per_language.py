"""Write a 404 page for every language.

mkdocs-static-i18n renders ``404.html`` once per language into the same file, so the last
language built wins. This hook keeps each language's rendering and, once every language is
built, writes it to ``<lang>/404.html`` (the default language's to ``404.html``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_rendered: dict[str, str] = {}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _rendered[config.plugins["i18n"].current_language] = output_content
    return output_content


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    for language, html in _rendered.items():
        folder = Path(config.site_dir)
        if language != i18n.default_language:
            folder = folder / language
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "404.html").write_text(html, encoding="utf-8")
