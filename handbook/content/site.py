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
- Its `##`/`###` sections: `site.sections(L, P)` (id, title, level) and `site.section_ids(L, P)`;
  the whole page as handbook/content/pages.py reads it: `site.source(L, P)`. Pages are listed and read
  once per MkDocs configuration (`Sources`), not on every call.
- Which language a built address or search location belongs to: `site.language_of(location)`.

How a build runs once per language, and what it loads once for all of them: handbook/build.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from handbook.content.pages import PageSource, Section, parse_page
from handbook.content.languages import Language, load_language

__all__ = ["PageSource", "Section", "Site", "Sources", "find_project", "read_page"]


def find_project(start: Path | None = None) -> Path:
    """The project folder: $HANDBOOK_PROJECT, else the nearest folder with a mkdocs.yml from the
    working directory up (commands run from the checkout, as `python3 tasks.py` does)."""
    if os.environ.get("HANDBOOK_PROJECT"):
        return Path(os.environ["HANDBOOK_PROJECT"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise FileNotFoundError(f"no mkdocs.yml in {here} or above it: run the command inside the handbook's "
                            "folder, or set HANDBOOK_PROJECT to it.")


def read_page(path: Path) -> PageSource:
    """A page's front matter, title and sections (handbook/content/pages.py reads it)."""
    return parse_page(path.read_text(encoding="utf-8"))


class Sources:
    """The Markdown pages and language packs of one project, each read once: one per MkDocs
    configuration (a build, or one rebuild of `mkdocs serve`), shared by every language's `Site`."""

    def __init__(self, docs_dir: Path, default: str, project_dir: Path | None = None):
        self.docs_dir, self.default = docs_dir, default
        self.project_dir = project_dir or docs_dir.parent
        self._parsed: dict[Path, PageSource] = {}
        self._files: dict[str, frozenset[str]] = {}
        self._languages: dict[str, Language] = {}

    def language(self, code: str) -> Language:
        if code not in self._languages:
            self._languages[code] = load_language(self.project_dir, code)
        return self._languages[code]

    def names(self, language: str) -> frozenset[str]:
        """The pages a language has a file for."""
        if language not in self._files:
            self._files[language] = frozenset(path.stem for path in (self.docs_dir / language).glob("*.md"))
        return self._files[language]

    def parsed(self, path: Path) -> PageSource:
        if path not in self._parsed:
            self._parsed[path] = read_page(path)
        return self._parsed[path]


@dataclass(frozen=True)
class Site:
    """The languages of the handbook and where each page lives, for one language being built."""

    languages: tuple[str, ...]  # build order, the default language first
    default: str
    current: str  # the language being built (the default one outside a build)
    building: bool  # True inside the builds mkdocs-static-i18n starts for the other languages
    project_dir: Path
    docs_dir: Path
    sources: Sources = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.sources is None:
            object.__setattr__(self, "sources", Sources(self.docs_dir, self.default, self.project_dir))

    @classmethod
    def of(cls, config: MkDocsConfig) -> Site:
        """The site as the MkDocs configuration and mkdocs-static-i18n describe it right now."""
        i18n = config.plugins["i18n"]
        default = i18n.default_language
        docs_dir = Path(config.docs_dir)
        project_dir = Path(config.config_file_path).parent
        sources = vars(config).setdefault("handbook_sources", Sources(docs_dir, default, project_dir))
        return cls(languages=(default, *[lang for lang in i18n.build_languages if lang != default]),
                   default=default, current=i18n.current_language or default, building=i18n.building,
                   project_dir=project_dir, docs_dir=docs_dir, sources=sources)

    @classmethod
    def load(cls, project_dir: Path | None = None) -> Site:
        """The site of a project folder (`find_project()` when not given), read from its mkdocs.yml
        (for tools and tests)."""
        return cls.of(load_config(str((project_dir or find_project()) / "mkdocs.yml")))

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

    def language(self, code: str) -> Language:
        """A language's pack: translations/<code>/language.yml (handbook/content/languages.py)."""
        return self.sources.language(code)

    # Sources

    def pages(self) -> list[str]:
        """Every page by name (its file name without .md), as the default language has them."""
        return sorted(self.sources.names(self.default))

    def is_translated(self, language: str, page: str) -> bool:
        return page in self.sources.names(language)

    def source_of(self, language: str, page: str) -> Path:
        """The Markdown file page `page` is built from in `language`; the default language's
        while the page is not translated (mkdocs-static-i18n's `fallback_to_default`)."""
        language = language if self.is_translated(language, page) else self.default
        return self.docs_dir / language / f"{page}.md"

    def source(self, language: str, page: str) -> PageSource:
        """The page as handbook/content/pages.py reads it, parsed once per configuration."""
        return self.sources.parsed(self.source_of(language, page))

    def sections(self, language: str, page: str) -> tuple[Section, ...]:
        return self.source(language, page).sections

    def section_ids(self, language: str, page: str) -> list[str]:
        """The explicit ids of the page's `##`/`###` sections, in order."""
        return self.source(language, page).section_ids()

    def section_ids_by_page(self, language: str) -> dict[str, list[str]]:
        return {page: self.section_ids(language, page) for page in self.pages()}
