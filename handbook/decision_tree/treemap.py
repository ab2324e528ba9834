"""A map of the whole tree as SVG, drawn at build time in the page's language (no script, no
other host): each node a box in a row by its depth, each way from a node to the next a line."""

from __future__ import annotations

import textwrap

import jinja2
from markupsafe import Markup

from handbook.decision_tree.model import Outcome, Tree
from handbook.decision_tree.validate import targets

BOX_W, BOX_H, GAP_X, GAP_Y, LINE = 176, 64, 16, 44, 14
CHARS = 26  # characters per line of a box, three lines at most


def depths(tree: Tree) -> dict[str, int]:
    """Each node's row: the longest way to it from the start (the tree has no loop), in one pass
    over the nodes in topological order."""
    incoming = {node_id: 0 for node_id in tree.nodes}
    for node in tree.nodes.values():
        for target in set(targets(node)):
            incoming[target] += 1
    depth = {tree.start: 0}
    ready = [tree.start]
    while ready:
        node_id = ready.pop()
        for target in set(targets(tree.nodes[node_id])):
            depth[target] = max(depth.get(target, 0), depth[node_id] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return depth


def _lines(text: str) -> list[str]:
    lines = textwrap.wrap(text.replace("*", ""), CHARS) or [""]
    if len(lines) > 3:
        lines = lines[:3]
        lines[2] = lines[2][:CHARS - 1].rstrip() + "…"
    return lines


def _n(value: float) -> str:
    """A coordinate as the SVG writes it: whole units."""
    return f"{value:.0f}"


def tree_map(env: jinja2.Environment, tree: Tree, label: str) -> Markup:
    """The SVG of the tree (partials/handbook/tree-map.html); `label` names it for screen readers
    (the page's language)."""
    depth = depths(tree)
    rows: dict[int, list[str]] = {}
    for node_id in tree.nodes:  # in file order within a row
        rows.setdefault(depth[node_id], []).append(node_id)
    width = max(len(row) for row in rows.values()) * (BOX_W + GAP_X) + GAP_X
    height = len(rows) * (BOX_H + GAP_Y) + GAP_Y
    place: dict[str, tuple[float, float]] = {}
    for row, ids in rows.items():
        offset = (width - len(ids) * (BOX_W + GAP_X) + GAP_X) / 2
        for index, node_id in enumerate(ids):
            place[node_id] = (offset + index * (BOX_W + GAP_X), GAP_Y + row * (BOX_H + GAP_Y))
    edges = [{"source": node.id, "target": target, "x1": _n(place[node.id][0] + BOX_W / 2),
              "y1": _n(place[node.id][1] + BOX_H), "x2": _n(place[target][0] + BOX_W / 2), "y2": _n(place[target][1])}
             for node in tree.nodes.values() for target in dict.fromkeys(targets(node))]
    boxes = []
    for node in tree.nodes.values():
        x, y = place[node.id]
        text = node.title if isinstance(node, Outcome) else node.text
        lines = _lines(text)
        top = y + BOX_H / 2 - (len(lines) - 1) * LINE / 2 + 4
        boxes.append({"id": node.id, "kind": "outcome" if isinstance(node, Outcome) else "question", "text": text,
                      "x": _n(x), "y": _n(y), "width": BOX_W, "height": BOX_H,
                      "lines": [{"x": _n(x + BOX_W / 2), "y": _n(top + i * LINE), "text": line}
                                for i, line in enumerate(lines)]})
    return Markup(env.get_template("partials/handbook/tree-map.html").render(
        width=_n(width), height=_n(height), label=label, edges=edges, boxes=boxes))
