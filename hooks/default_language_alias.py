"""Answer /en/... too: the default language lives at the site root, but a reader or trainer who
swaps /tr/ for /en/ in an address should still land on the same page and section.

mkdocs-static-i18n builds the default language at the root only. After the last language is
built, this writes a small forwarding page at /<default>/<page>/ for every page of the default
language (overrides/partials/handbook/forward.html); it keeps the #section (with JavaScript,
docs/assets/javascripts/forward.js) and falls back to a meta refresh.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from handbook.build import after_all_languages, tree_templates, with_csp
from handbook.content.site import Site
from handbook.templates import render_document

SCRIPT = "assets/javascripts/forward.js"
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def forwarding_pages(site_dir: Path, site: Site, env: jinja2.Environment) -> dict[Path, str]:
    """For each default-language page, the forwarding page to write under /<default>/."""
    pages: dict[Path, str] = {}
    for page in site_dir.glob("**/index.html"):
        relative = page.relative_to(site_dir)
        if relative.parts[0] in site.languages:  # another language, or a forwarding page already
            continue
        alias = site_dir / site.default / relative
        target = os.path.relpath(page.parent, alias.parent).replace(os.sep, "/") + "/"
        title = _TITLE.search(page.read_text(encoding="utf-8"))  # already HTML, as the page has it
        script = os.path.relpath(site_dir / SCRIPT, alias.parent).replace(os.sep, "/")
        pages[alias] = render_document(env, "forward", lang=site.default, target=target, script=script,
                                       title=Markup(title.group(1)) if title else target)
    return pages


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    for path, text in forwarding_pages(site_dir, Site.of(config), tree_templates(config)).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(with_csp(config, text, path.relative_to(site_dir).as_posix()), encoding="utf-8")
