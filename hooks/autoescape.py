"""The handbook's own templates escape what they print.

MkDocs renders the theme with a Jinja environment that does not escape, and Material's templates
are written for that. This turns escaping on for the templates in overrides/ only, chosen by
template name, so every word from ui.yml, front matter or mkdocs.yml is printed as text there.
HTML the build made on purpose (the page's content from `super()`) is already marked safe.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook.security.escaping import escapes


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.autoescape = escapes(Path(config.theme.custom_dir))
    return env
