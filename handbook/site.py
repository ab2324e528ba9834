"""The handbook's geography, in one place: languages, addresses, source files and sections.

Everything that knows where a page lives asks a `Site`: the MkDocs hooks (`Site.of(config)`),
the command-line tools and the tests (`Site.load()`), and the templates (through `hb.root`).

- The default language is at the site root, every other language under `/<lang>/`:
  `site.root("tr") == "tr/"`, `site.root("en") == ""`.
- Page P in language L is at `site.page_url(L, P)`, e.g. `"tr/listening/"` (`"tr/"` for the
  home page, `index`), and is built into `site.built_file(site_dir, L, P)`; a language's whole
  folder in the built site is `site.folder(site_dir, L)`.
- Its source is `site.source_of(L, P)`: `docs/L/P.md`, or the default language's file while the
  page is not translated yet (the site then shows that text with a notice).
- Its `##`/`###` sections: `site.sections(L, P)` (id, title, level) and `site.section_ids(L, P)`.
- Which language a built address or search location belongs to: `site.language_of(location)`.

How a build runs once per language, and what it loads once for all of them: handbook/build.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Section:
    """A `##` or `###` heading of a page; `id` is None when the heading lacks an explicit id."""

    id: str | None
    title: str
    level: int


@dataclass(frozen=True)
class PageSource:
    """What the handbook reads from a page's Markdown: its front matter, title and sections."""

    meta: dict
    title: str | None
    sections: tuple[Section, ...]


_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*$")
_EXPLICIT_ID = re.compile(r"^(.*?)\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}$")


def read_page(path: Path) -> PageSource:
    """Front matter (MkDocs' own reader), title (front matter, else the `#` heading) and sections."""
    markdown, meta = get_data(path.read_text(encoding="utf-8"))
    title = str(meta["title"]) if meta.get("title") else None
    sections: list[Section] = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        heading = None if fenced else _HEADING.match(line)
        if not heading:
            continue
        level, text = len(heading.group(1)), heading.group(2)
        if level == 1:
            title = title or text
            continue
        explicit = _EXPLICIT_ID.match(text)
        sections.append(Section(explicit.group(2), explicit.group(1), level) if explicit
                        else Section(None, text, level))
    return PageSource(meta, title, tuple(sections))


@dataclass(frozen=True)
class Site:
    """The languages of the handbook and where each page lives, for one language being built."""

    languages: tuple[str, ...]  # build order, the default language first
    default: str
    current: str  # the language being built (the default one outside a build)
    building: bool  # True inside the builds mkdocs-static-i18n starts for the other languages
    project_dir: Path
    docs_dir: Path

    @classmethod
    def of(cls, config: MkDocsConfig) -> Site:
        """The site as the MkDocs configuration and mkdocs-static-i18n describe it right now."""
        i18n = config.plugins["i18n"]
        default = i18n.default_language
        return cls(languages=(default, *[lang for lang in i18n.build_languages if lang != default]),
                   default=default, current=i18n.current_language or default, building=i18n.building,
                   project_dir=Path(config.config_file_path).parent, docs_dir=Path(config.docs_dir))

    @classmethod
    def load(cls, project_dir: Path = PROJECT_DIR) -> Site:
        """The site of a project folder, read from its mkdocs.yml (for tools and tests)."""
        return cls.of(load_config(str(project_dir / "mkdocs.yml")))

    # Addresses

    def root(self, language: str) -> str:
        """The address prefix of a language, relative to the site root: "" or "tr/"."""
        return "" if language == self.default else f"{language}/"

    def page_url(self, language: str, page: str) -> str:
        """The address of a page, relative to the site root: "tr/listening/", "tr/" for index."""
        return self.root(language) + ("" if page == "index" else f"{page}/")

    def folder(self, site_dir: Path, language: str) -> Path:
        """Where a language is built inside the site folder."""
        return Path(site_dir) / self.root(language)

    def built_file(self, site_dir: Path, language: str, page: str) -> Path:
        """The HTML file of a page in the built site."""
        return Path(site_dir) / self.page_url(language, page) / "index.html"

    def language_of(self, location: str) -> str:
        """The language of an address relative to the site root ("tr/listening/#x" is "tr")."""
        first = location.split("#", 1)[0].split("/", 1)[0]
        return first if first in self.languages else self.default

    # Sources

    def pages(self) -> list[str]:
        """Every page by name (its file name without .md), as the default language has them."""
        return sorted(path.stem for path in (self.docs_dir / self.default).glob("*.md"))

    def is_translated(self, language: str, page: str) -> bool:
        return (self.docs_dir / language / f"{page}.md").exists()

    def source_of(self, language: str, page: str) -> Path:
        """The Markdown file page `page` is built from in `language`; the default language's
        while the page is not translated (mkdocs-static-i18n's `fallback_to_default`)."""
        language = language if self.is_translated(language, page) else self.default
        return self.docs_dir / language / f"{page}.md"

    def source(self, language: str, page: str) -> PageSource:
        return read_page(self.source_of(language, page))

    def sections(self, language: str, page: str) -> tuple[Section, ...]:
        return self.source(language, page).sections

    def section_ids(self, language: str, page: str) -> list[str]:
        """The explicit ids of the page's `##`/`###` sections, in order."""
        return [section.id for section in self.sections(language, page) if section.id]

    def section_ids_by_page(self, language: str) -> dict[str, list[str]]:
        return {page: self.section_ids(language, page) for page in self.pages()}
