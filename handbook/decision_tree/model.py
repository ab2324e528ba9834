"""The decision tree as plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    next: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    help: str | None
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    why: str
    next_steps: tuple[str, ...]
    read: tuple[str, ...]  # "page#section-id"


Node = Question | Outcome


@dataclass(frozen=True)
class Tree:
    start: str
    nodes: dict[str, Node]

    def question(self, node_id: str) -> Question:
        """The node, which must be a question."""
        node = self.nodes[node_id]
        if not isinstance(node, Question):
            raise TypeError(f"'{node_id}' is an outcome, not a question")
        return node
