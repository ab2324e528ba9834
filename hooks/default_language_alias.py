"""Answer /en/... too: the default language lives at the site root, but a reader or trainer who
swaps /tr/ for /en/ in an address should still land on the same page and section.

mkdocs-static-i18n builds the default language at the root only. After the last language is
built, this writes a small forwarding page at /<default>/<page>/ for every page of the default
language; it keeps the #section (with JavaScript) and falls back to a meta refresh.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

FORWARD = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{target}">
<script>location.replace("{target}" + location.hash);</script>
<meta http-equiv="refresh" content="0; url={target}">
<meta name="robots" content="noindex">
</head>
<body><p><a href="{target}">{title}</a></p></body>
</html>
"""


def forwarding_pages(site: Path, default: str, languages: list[str]) -> dict[Path, str]:
    """For each default-language page, the forwarding page to write under /<default>/."""
    pages: dict[Path, str] = {}
    others = set(languages) - {default}
    for page in site.glob("**/index.html"):
        relative = page.relative_to(site)
        if relative.parts[0] in others or relative.parts[0] == default:
            continue
        alias = site / default / relative
        target = os.path.relpath(page.parent, alias.parent).replace(os.sep, "/") + "/"
        pages[alias] = FORWARD.format(lang=default, target=html.escape(target), title=html.escape(str(relative.parent)))
    return pages


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    for path, text in forwarding_pages(Path(config.site_dir), i18n.default_language, list(i18n.build_languages)).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
