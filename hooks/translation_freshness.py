"""Tell readers and translators when the English moved on (handbook/freshness/sections.py).

- The state files (translations/<language>/checked.yml) are read and checked once per build: a
  page, section or language that does not exist stops the build with the file and line.
- A translated page shows, at each outdated section only, a notice in the reader's language with
  the date of the English change and a link to the English section (handbook/freshness/status.py):
  put into the page's Markdown after the section's heading; the decision tool's steps get theirs
  from the tool's template (hooks/decision_tool.py); both ask `build.outdated_notices`.
  A page that is not translated at all keeps the untranslated-page notice instead.
- The page `translation-status` (one per language, `<!-- translation-status -->` marks the place)
  gets its language's status table; the English one shows every language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook import build
from handbook.freshness.sections import STATUS_PAGE
from handbook.content.site import Site
from handbook.freshness.status import add_notices, row_labels, status_table

MARKER = "<!-- translation-status -->"


def on_config(config: MkDocsConfig) -> None:
    build.freshness(config)  # a mistake in a checked.yml stops the build before anything is built


def _freshness_words(config: MkDocsConfig, language: str) -> dict[str, str]:
    build.all_words(config)
    return build.handbook(config).words(language).group("freshness")


@build.order("outdated notices")
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    notices = build.outdated_notices(config, page)
    return add_notices(markdown, notices) if notices else markdown


def _status_page(page: Page, config: MkDocsConfig, site: Site) -> str:
    state = build.freshness(config)
    reader = site.current
    words = _freshness_words(config, reader)
    names = {entry.locale: entry.name for entry in config.plugins["i18n"].config.languages}
    shown = [language for language in site.languages if language != site.default] if reader == site.default else [reader]
    columns = [(language, names.get(language, language), state.statuses(language)) for language in shown]
    own = columns[0][2] if reader != site.default else []
    labels = row_labels(state.english, own, reader, site.default,
                        lambda name: get_relative_url(site.page_url(reader, name), page.url))
    repo = (config.repo_url or "").rstrip("/")
    return status_table(build.tree_templates(config), state.english, columns, labels, reader, words, state.history.change, repo)


@build.order("status table")
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if Path(page.file.src_uri).stem == STATUS_PAGE and MARKER in html:
        return html.replace(MARKER, _status_page(page, config, Site.of(config)))
    return html
