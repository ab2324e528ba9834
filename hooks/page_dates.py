"""Each page's "last updated" date, written in the page's language (handbook/content/dates.py).

Material shows `page.meta.revision_date` under the page. Outside a git checkout (a download of
the sources) every page's date is the build's, and the build says so once.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import build
from handbook.content.dates import day_of, last_changes, written
from handbook.content.site import Site

log = logging.getLogger("mkdocs.plugins.handbook.dates")
NO_GIT = "No git history here (a copy without .git): each page's date is the date of this build."


@build.once_per_build
def changes(config: MkDocsConfig) -> dict[str, int] | None:
    found = last_changes(Site.of(config).project_dir)
    if found is None:
        log.info(NO_GIT)
    return found


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = Site.of(config)
    source = Path(page.file.abs_src_path).resolve().relative_to(site.project_dir.resolve()).as_posix()
    locale = site.language(site.language_of(page.url)).locale
    page.meta["revision_date"] = escape(written(day_of(changes(config), source, date.today()), locale))
    return markdown
