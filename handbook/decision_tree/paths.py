"""Every path from the first question to an outcome, written out for review."""

from __future__ import annotations

from .model import Outcome, Question, Tree

Step = tuple[Question, str]  # a question and the id of the answer given


def all_paths(tree: Tree) -> list[tuple[list[Step], Outcome]]:
    """Each way through the tree: the answers given and the outcome reached, in tree order."""
    result: list[tuple[list[Step], Outcome]] = []

    def walk(node_id: str, steps: list[Step]) -> None:
        node = tree.nodes[node_id]
        if isinstance(node, Outcome):
            result.append((steps, node))
            return
        for answer in node.answers:
            walk(answer.next, steps + [(node, answer.id)])

    walk(tree.start, [])
    return result


def fragment(steps: list[Step]) -> str:
    """The address fragment of a path, as the tool writes it: node=answer pairs joined by '/'."""
    return "/".join(f"{question.id}={answer}" for question, answer in steps)


def opens_a_step(tree: Tree, fragment_text: str) -> bool:
    """Whether an address fragment ("q=a/q=a") is a path the tool can open, from its first question."""
    current = tree.start
    for pair in fragment_text.split("/"):
        node_id, _, answer_id = pair.partition("=")
        node = tree.nodes.get(current)
        if node_id != current or not isinstance(node, Question):
            return False
        answer = next((a for a in node.answers if a.id == answer_id), None)
        if answer is None:
            return False
        current = answer.next
    return True


class ToolAnchors(set):
    """The tool page's anchors: its element ids plus every answer path the tool opens.

    MkDocs checks a link's #fragment with `in page.present_anchor_ids`; the paths are checked on
    demand instead of listed, because their number grows with the tree's branches.
    """

    def __init__(self, ids: set[str], tree: Tree) -> None:
        super().__init__(ids)
        self.tree = tree

    def __contains__(self, anchor: object) -> bool:
        return super().__contains__(anchor) or (isinstance(anchor, str) and opens_a_step(self.tree, anchor))


def paths_markdown(tree: Tree) -> str:
    """The committed review file: one numbered line per path, with its link fragment."""
    lines = [
        "# Every path through \"Should I fire this client?\"",
        "",
        "Generated from data/decision-tree.yml by `python -m handbook.tree_paths`; do not edit by hand.",
        "A pull request that changes the tree shows here how the tool's answers change.",
        "",
    ]
    paths = all_paths(tree)
    for number, (steps, outcome) in enumerate(paths, start=1):
        answers = " → ".join(f"{question.id}: {answer}" for question, answer in steps)
        lines.append(f"{number}. {answers} ⇒ **{outcome.id}**  ")
        lines.append(f"   `decision-tool/#{fragment(steps)}`")
    lines += ["", f"{len(paths)} paths, {len(tree.nodes)} nodes.", ""]
    return "\n".join(lines)
