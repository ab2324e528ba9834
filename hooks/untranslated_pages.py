"""Mark the navigation titles of pages that are not translated yet as the language they are in.

A language may be added part by part: mkdocs-static-i18n then shows the default language's page
(overrides/main.html marks its content and says so). Its title in the navigation is that page's
title too, so it gets the same `lang`: Material renders a navigation item's `typeset.title` (the
hook point of its typeset plugin) instead of the plain title.
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook import build
from handbook.content.site import Site
from handbook.templates import render


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # After every page's Markdown is read (titles are known), before any page is rendered.
    current = Site.of(config).current
    for file in files.documentation_pages():
        page, locale = file.page, getattr(file, "locale", None)
        if page is not None and page.title and locale and locale != current:
            page.typeset = {"title": Markup(render(build.tree_templates(config), "fallback-title",
                                                   lang=locale, title=page.title))}
    return env
