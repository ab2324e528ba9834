"""Pages hold text: the build stops at a page or a file in docs/ that could run script
(handbook/security/page_guard.py says what is allowed), with the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import build
from handbook.security import page_guard
from handbook.content.site import Site
from handbook.content.source import DataError

SOURCES = ("docs", "data", "translations", "overrides", "hooks", "handbook")


def _stop(error: DataError) -> PluginError:
    return PluginError(f"Page check: {error}")


def on_config(config: MkDocsConfig) -> None:
    site = Site.of(config)
    try:
        page_guard.check_sources(site.project_dir, Path(config.docs_dir).name, site.languages, SOURCES)
    except DataError as error:
        raise _stop(error) from None


def _source(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    """The page's Markdown and how messages name its file."""
    path = Path(page.file.abs_src_path)
    return path.read_text(encoding="utf-8"), path.relative_to(Site.of(config).project_dir).as_posix()


@build.order("page guard")
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source, file = _source(page, config)
    try:
        page_guard.check_front_matter(page.meta, source, file)
    except DataError as error:
        raise _stop(error) from None
    return markdown


@build.order("page guard html")
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source, file = _source(page, config)
    try:
        page_guard.check_html(html, source, file)
    except DataError as error:
        raise _stop(error) from None
    return html
