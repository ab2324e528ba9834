"""Render the tree into HTML with the theme's Jinja templates."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup, escape

from .model import Outcome, Question, Tree

_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"\*(.+?)\*")


def inline(text: str) -> Markup:
    """Text as safe HTML: everything escaped, then **bold** and *italic* only."""
    html = str(escape(text))
    html = _STRONG.sub(r"<strong>\1</strong>", html)
    html = _EM.sub(r"<em>\1</em>", html)
    return Markup(html)


@dataclass(frozen=True)
class Link:
    href: str
    section: str
    page: str


class Strings:
    """The interface words of one language (translations/<language>/ui.yml, 'tool' group)."""

    def __init__(self, words: dict[str, str]):
        self.words = words

    def __call__(self, key: str, **values: object) -> str:
        text = self.words[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text


def _environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["inline"] = inline
    return env


def render_tool(tree: Tree, words: dict[str, str], link: Callable[[str], Link],
                loader: jinja2.BaseLoader, overview_href: str) -> str:
    """The interactive tool: every question and outcome as a section of its own."""
    t = Strings(words)
    links = {node.id: [link(target) for target in node.read]
             for node in tree.nodes.values() if isinstance(node, Outcome)}
    script_words = {key: words[key] for key in (
        "your_answers", "change", "change_hidden", "back", "start_again", "question", "outcome",
        "step_count", "unknown_step", "path_cut")}
    template = _environment(loader).get_template("partials/decision-tool.html")
    return template.render(tree=tree, t=t, links=links,
                           script_words=json.dumps(script_words, ensure_ascii=False),
                           overview_href=overview_href)


def render_overview(tree: Tree, words: dict[str, str], tool_href: str,
                    loader: jinja2.BaseLoader) -> str:
    """An outline of the whole tree: each question once, with where each answer leads."""
    order: list = []
    queue = [tree.start]
    while queue:  # breadth first, answers in order: the order in which readers meet the nodes
        node = tree.nodes[queue.pop(0)]
        if node not in order:
            order.append(node)
            if isinstance(node, Question):
                queue.extend(a.next for a in node.answers)
    order.sort(key=lambda node: not isinstance(node, Question))  # questions first, then outcomes
    template = _environment(loader).get_template("partials/decision-tree-overview.html")
    return template.render(tree=tree, order=order, t=Strings(words), tool_href=tool_href)
