"""Render the tree into HTML with the theme's templates (partials/decision-tool.html and
partials/decision-tree-overview.html), in the environment of handbook/templates.py."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from handbook.templates import environment, inline  # noqa: F401  (also imported from here)
from handbook.content.words import Words
from handbook.decision_tree.model import Outcome, Question, Tree
from handbook.decision_tree.treemap import tree_map


@dataclass(frozen=True)
class Link:
    href: str
    section: str
    page: str


def tool_data(tree: Tree) -> dict:
    """What the page's script needs besides the page's text: the start, each question's kind,
    answers and where they lead, the answers of older links, and the rules (ids and conditions)."""
    questions = {
        node.id: {"checklist": node.checklist, "several": node.several,
                  "answers": [[a.id, a.next, a.alone] for a in node.answers]}
        for node in tree.nodes.values() if isinstance(node, Question)}
    return {
        "start": tree.start,
        "outcomes": [node.id for node in tree.nodes.values() if isinstance(node, Outcome)],
        "questions": questions,
        "old": [[[f"{q}={a}" for q, a in old.when], [f"{q}={a}" for q, a in old.means]] for old in tree.old_answers],
        "rules": [{"id": rule.id, "outcome": rule.outcome, "when": [[q, list(a)] for q, a in rule.when]}
                  for rule in tree.rules],
    }


def render_tool(env: jinja2.Environment, tree: Tree, hb: Words, link: Callable[[str], Link],
                overview_href: str, version: str = "", notices: Mapping[str, Markup] | None = None) -> str:
    """The interactive tool: every question and outcome as a section of its own; `version`
    names the tree data in the case record (`load.tree_version`); `notices` are the outdated
    notices of a translation's steps, by node id, each written after its step's title."""
    links = {node.id: [link(target) for target in node.read]
             for node in tree.nodes.values() if isinstance(node, Outcome)}
    return env.get_template("partials/decision-tool.html").render(
        tree=tree, hb=hb, links=links, overview_href=overview_href, version=version, data=tool_data(tree),
        notices=notices or {},
        map=tree_map(env, tree, hb.t("tool.map")))


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
                if node.several:
                    queue.append(node.several)
    return sorted(order.values(), key=lambda node: not isinstance(node, Question))


def render_overview(env: jinja2.Environment, tree: Tree, hb: Words, tool_href: str) -> str:
    """An outline of the whole tree: each question once, with where each answer leads."""
    return env.get_template("partials/decision-tree-overview.html").render(
        tree=tree, order=reading_order(tree), hb=hb, tool_href=tool_href, map=tree_map(env, tree, hb.t("tool.map")))
