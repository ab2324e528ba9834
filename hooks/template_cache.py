"""Compile the theme's templates once per build, not once per language.

mkdocs-static-i18n builds every language with a new Jinja environment of the theme, so without
this each of Material's templates is parsed and compiled again for every language (about a fifth
of a build). Jinja's own bytecode cache, kept in memory for the build (`build.template_cache`),
hands the compiled code to the next language's environment; Jinja checks each template's source
against it, so an edited template is compiled afresh.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook import build


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = build.template_cache(config)
    return env
