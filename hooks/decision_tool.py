"""Render "Should I fire this client?" into the decision pages of every language.

The page marks where the tool goes with a comment, `<!-- decision-tree -->` (the tool) or
`<!-- decision-tree-overview -->` (the outline for trainers). The tree is loaded and checked once
per build (handbook/decision_tree/); any problem stops the build with one message naming the
file, the line, the node and the fix. The HTML comes from overrides/partials/decision-tool.html
and decision-tree-overview.html; in a translation, a step whose English changed since it was
checked shows the outdated notice after its title (hooks/translation_freshness.py). The page's meta `hb_decision_tool` tells overrides/main.html to
load the tool's styles (both pages) and its script (the tool's page only). Once the tool's page
is complete, no id of the tree may appear on it twice (`on_post_page`), whatever put it there.
"""

from __future__ import annotations

import re
from collections import Counter

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook import build
from handbook.decision_tree.load import TREE_FILE, is_translated, tree_version
from handbook.decision_tree.paths import ToolAnchors
from handbook.decision_tree.validate import node_error
from handbook.content.source import read_yaml
from handbook.decision_tree.render import Link, render_overview, render_tool
from handbook.freshness.status import tree_notices
from handbook.content.site import Site

TOOL_MARKER = "<!-- decision-tree -->"
OVERVIEW_MARKER = "<!-- decision-tree-overview -->"
TOOL_PAGE = "decision-tool"
OVERVIEW_PAGE = "decision-tool-overview"


def on_config(config: MkDocsConfig) -> None:
    build.trees(config)  # check the tree and every translation before anything is built


def _href(site: Site, page: Page, name: str) -> str:
    if name not in site.pages():
        raise PluginError(f"Decision tree: the page '{name}' is missing from docs/{site.default}/.")
    return get_relative_url(site.page_url(site.current, name), page.url)


def _link(site: Site, page: Page, target: str) -> Link:
    """A 'read' link of an outcome ("page#section") as the reader's language shows it."""
    name, _, section_id = target.partition("#")
    source = site.source(site.current, name)
    titles = {section.id: section.title for section in source.sections}
    return Link(f"{_href(site, page, name)}#{section_id}", titles.get(section_id, section_id), source.title or name)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # After Markdown, not before: the tool's HTML must reach the page untouched by Markdown.
    if TOOL_MARKER not in html and OVERVIEW_MARKER not in html:
        return html
    site = Site.of(config)
    tree, words, env = build.trees(config)[site.current], build.words(config), build.tree_templates(config)
    if not is_translated(site, site.current):  # the page shows the default language's tool, marked as such
        words = build.handbook(config).words(site.default)
    if TOOL_MARKER in html:
        page.meta["hb_decision_tool"] = "tool"
        html = html.replace(TOOL_MARKER, render_tool(
            env, tree, words, lambda target: _link(site, page, target), _href(site, page, OVERVIEW_PAGE),
            tree_version(site), tree_notices(build.outdated_notices(config, page))))
        # Links such as decision-tool.md#red-flags=none/payment=owed (trainers' pages) are
        # checked by MkDocs' own anchor validation: a step that does not exist stops a strict build.
        page.present_anchor_ids = ToolAnchors({*(page.present_anchor_ids or ()), *tree.nodes}, tree)
    if OVERVIEW_MARKER in html:
        page.meta.setdefault("hb_decision_tool", "overview")
        html = html.replace(OVERVIEW_MARKER, render_overview(env, tree, words, _href(site, page, TOOL_PAGE)))
    return html


_ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The finished tool page has each id of the tree once: a node id that something else on the
    page also uses (a heading, the theme, another plugin) stops the build at that node."""
    if page.meta.get("hb_decision_tool") != "tool":
        return output
    site = Site.of(config)
    tree = build.trees(config)[site.current]
    counts = Counter(_ID.findall(output))
    for node_id in tree.nodes:
        for element_id in (node_id, f"{node_id}--title"):
            if counts[element_id] > 1:
                source = read_yaml(site.project_dir, TREE_FILE, "", text_only=False)
                error = node_error(TREE_FILE, source.line("nodes", node_id), node_id,
                                   f"the id '{element_id}' appears {counts[element_id]} times on the page "
                                   f"{page.url or '/'}, so links to it open the wrong element.",
                                   "rename the node (and every 'next' that leads to it).")
                raise PluginError(f"Decision tree: {error}")
    return output
