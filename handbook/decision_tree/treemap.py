"""A map of the whole tree as SVG, drawn at build time in the page's language (no script, no
other host): each node a box in a row by its depth, each way from a node to the next a line."""

from __future__ import annotations

import textwrap

from markupsafe import Markup, escape

from handbook.decision_tree.model import Outcome, Question, Tree
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


def tree_map(tree: Tree, label: str) -> Markup:
    """The SVG of the tree; `label` names it for screen readers (the page's language)."""
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
    parts = [f'<svg class="hb-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
             f'role="img" aria-label="{escape(label)}">',
             '<defs><marker id="hb-map-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" '
             'orient="auto"><path d="M0,0 L8,4 L0,8 z" class="hb-map__arrow"/></marker></defs>']
    for node in tree.nodes.values():
        x, y = place[node.id]
        for target in dict.fromkeys(targets(node)):
            tx, ty = place[target]
            parts.append(f'<line class="hb-map__edge" data-hb-map-edge="{escape(node.id)} {escape(target)}" '
                         f'x1="{x + BOX_W / 2:.0f}" y1="{y + BOX_H:.0f}" x2="{tx + BOX_W / 2:.0f}" y2="{ty:.0f}" '
                         'marker-end="url(#hb-map-arrow)"/>')
    for node in tree.nodes.values():
        x, y = place[node.id]
        kind = "outcome" if isinstance(node, Outcome) else "question"
        text = node.title if isinstance(node, Outcome) else node.text
        lines = _lines(text)
        top = y + BOX_H / 2 - (len(lines) - 1) * LINE / 2 + 4
        spans = "".join(f'<tspan x="{x + BOX_W / 2:.0f}" y="{top + i * LINE:.0f}">{escape(line)}</tspan>'
                        for i, line in enumerate(lines))
        parts.append(f'<g class="hb-map__node hb-map__node--{kind}" data-hb-map-node="{escape(node.id)}">'
                     f'<title>{escape(text)}</title>'
                     f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6"/>'
                     f'<text text-anchor="middle">{spans}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))
