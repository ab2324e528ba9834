"""Render the tree into HTML with the theme's templates (partials/decision-tool.html and
partials/decision-tree-overview.html), in the environment of handbook/templates.py."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from ..templates import environment, inline  # noqa: F401  (environment: imported from here too)
from ..words import Words
from .model import Outcome, Question, Tree


@dataclass(frozen=True)
class Link:
    href: str
    section: str
    page: str


def render_tool(env: jinja2.Environment, tree: Tree, hb: Words, link: Callable[[str], Link],
                overview_href: str, version: str = "") -> str:
    """The interactive tool: every question and outcome as a section of its own; `version`
    names the tree data in the case record (`load.tree_version`)."""
    links = {node.id: [link(target) for target in node.read]
             for node in tree.nodes.values() if isinstance(node, Outcome)}
    return env.get_template("partials/decision-tool.html").render(
        tree=tree, hb=hb, links=links, overview_href=overview_href, version=version)


def reading_order(tree: Tree) -> list[Question | Outcome]:
    """Each node once, breadth first with answers in order (the order readers meet them),
    questions before outcomes."""
    order: dict[str, Question | Outcome] = {}
    queue = deque([tree.start])
    while queue:
        node = tree.nodes[queue.popleft()]
        if node.id not in order:
            order[node.id] = node
            if isinstance(node, Question):
                queue.extend(a.next for a in node.answers)
    return sorted(order.values(), key=lambda node: not isinstance(node, Question))


def render_overview(env: jinja2.Environment, tree: Tree, hb: Words, tool_href: str) -> str:
    """An outline of the whole tree: each question once, with where each answer leads."""
    return env.get_template("partials/decision-tree-overview.html").render(
        tree=tree, order=reading_order(tree), hb=hb, tool_href=tool_href)
