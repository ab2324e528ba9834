"""Give every template the handbook's own interface words of the language being built, as `hb`
(handbook/content/words.py): `hb.t("not_found.title")`, `hb.group("tool")`, `hb.language`, `hb.root`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from handbook import build


def on_config(config: MkDocsConfig) -> None:
    build.all_words(config)  # check every language's ui.yml before anything is built


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    context["hb"] = build.words(config)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # Templates that are not pages (404.html) get no on_page_context.
    context["hb"] = build.words(config)
    return context
