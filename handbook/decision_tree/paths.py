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
