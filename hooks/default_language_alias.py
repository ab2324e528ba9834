"""Answer /en/... too: the default language lives at the site root, but a reader or trainer who
swaps /tr/ for /en/ in an address should still land on the same page and section.

mkdocs-static-i18n builds the default language at the root only. After the last language is
built, this writes a small forwarding page at /<default>/<page>/ for every page of the default
language; it keeps the #section (with JavaScript, docs/assets/javascripts/forward.js) and falls back to a
meta refresh.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from handbook.build import after_all_languages, with_csp
from handbook.site import Site

FORWARD = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{target}">
<script src="{script}" data-target="{target}"></script>
<meta http-equiv="refresh" content="0; url={target}">
<meta name="robots" content="noindex">
</head>
<body><p><a href="{target}">{title}</a></p></body>
</html>
"""
SCRIPT = "assets/javascripts/forward.js"
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def forwarding_pages(site_dir: Path, site: Site) -> dict[Path, str]:
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
        pages[alias] = FORWARD.format(
            lang=site.default, target=html.escape(target), title=title.group(1) if title else html.escape(target),
            script=html.escape(script))
    return pages


@after_all_languages
def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    for path, text in forwarding_pages(site_dir, Site.of(config)).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(with_csp(config, text, path.relative_to(site_dir).as_posix()), encoding="utf-8")
