"""Render "Should I fire this client?" into the decision pages of every language.

The page marks where the tool goes with a comment, `<!-- decision-tree -->` (the tool) or
`<!-- decision-tree-overview -->` (the outline for trainers). The tree is loaded and checked
once per build from data/decision-tree.yml and translations/<language>/decision-tree.yml;
any problem stops the build with one message naming the file, the line, the node and the fix.
The HTML comes from overrides/partials/decision-tool.html and decision-tree-overview.html.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from decision_tree.errors import TreeError
from decision_tree.model import Tree
from decision_tree.pipeline import load_trees
from decision_tree.render import Link, render_overview, render_tool
from decision_tree.sections import language_pages, page_title, sections_of
from interface_words import load_words

TOOL_MARKER = "<!-- decision-tree -->"
OVERVIEW_MARKER = "<!-- decision-tree-overview -->"
TOOL_PAGE = "decision-tool"
OVERVIEW_PAGE = "decision-tool-overview"

_trees: dict[str, Tree] = {}
_words: dict[str, dict[str, str]] = {}
_loaded_from: list[tuple[str, int]] = []


def _signature(root: Path, docs_dir: Path) -> list[tuple[str, int]]:
    """Every input file of the tree with its modification time: unchanged means nothing to redo."""
    files = [root / "data" / "decision-tree.yml", root / "data" / "decision-tree.schema.json",
             *sorted((root / "translations").glob("*/*.yml")), *sorted(docs_dir.glob("*/*.md"))]
    return [(str(path), path.stat().st_mtime_ns) for path in files if path.exists()]


def _sections(docs_dir: Path, language: str) -> dict[str, list[tuple[str, str]]]:
    return {name: sections_of(path.read_text(encoding="utf-8"))
            for name, path in language_pages(docs_dir, language).items()}


def on_config(config: MkDocsConfig) -> None:
    # mkdocs-static-i18n runs this once per language: load and check only when an input changed.
    i18n = config.plugins["i18n"]
    root = Path(config.config_file_path).parent
    signature = _signature(root, Path(config.docs_dir))
    if signature == _loaded_from:
        return
    languages, default = list(i18n.build_languages), i18n.default_language
    sections = {page: [sid for sid, _ in found]
                for page, found in _sections(Path(config.docs_dir), default).items()}
    try:
        trees = load_trees(root, languages, default, sections)
    except TreeError as error:
        raise PluginError(f"Decision tree: {error}") from None
    _trees.clear()
    _trees.update(trees)
    _words.clear()
    _words.update({lang: {key[len("tool."):]: text for key, text in words.items() if key.startswith("tool.")}
                   for lang, words in load_words(root, languages, default).items()})
    _loaded_from[:] = signature


def _href(files: Files, page: Page, language: str, default: str, name: str) -> str:
    file = files.get_file_from_path(f"{language}/{name}.md") or files.get_file_from_path(f"{default}/{name}.md")
    if file is None:
        raise PluginError(f"Decision tree: the page '{name}' is missing from docs/{default}/.")
    return get_relative_url(file.url, page.url)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # After Markdown, not before: the tool's HTML must reach the page untouched by Markdown.
    if TOOL_MARKER not in html and OVERVIEW_MARKER not in html:
        return html
    i18n = config.plugins["i18n"]
    language, default = i18n.current_language, i18n.default_language
    docs_dir = Path(config.docs_dir)
    loader = config.theme.get_env().loader
    tree, words = _trees[language], _words[language]
    if TOOL_MARKER in html:
        local = _sections(docs_dir, language)
        english = _sections(docs_dir, default)

        def link(target: str) -> Link:
            name, _, section = target.partition("#")
            found = dict(local.get(name) or english[name])
            path = language_pages(docs_dir, language).get(name) or language_pages(docs_dir, default)[name]
            return Link(f"{_href(files, page, language, default, name)}#{section}",
                        found.get(section, section), page_title(path.read_text(encoding="utf-8")) or name)

        overview = _href(files, page, language, default, OVERVIEW_PAGE)
        html = html.replace(TOOL_MARKER, render_tool(tree, words, link, loader, overview))
    if OVERVIEW_MARKER in html:
        tool = _href(files, page, language, default, TOOL_PAGE)
        html = html.replace(OVERVIEW_MARKER, render_overview(tree, words, tool, loader))
    return html
