"""The decision tree as plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass

SINGLE = "question"  # one answer
CHECKLIST = "checklist"  # tick all that apply


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    next: str
    alone: bool = False  # a checklist's "none of these": never ticked together with another


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    help: str | None
    answers: tuple[Answer, ...]
    kind: str = SINGLE
    several: str | None = None  # a checklist: where two or more ticks lead

    @property
    def checklist(self) -> bool:
        return self.kind == CHECKLIST

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers if a.id == answer_id), None)

    def route(self, ticked: frozenset[str]) -> str | None:
        """Where the given answers lead, or None when they are not a possible answer."""
        if not ticked or any(self.answer(a) is None for a in ticked):
            return None
        if not self.checklist:
            return self.answer(next(iter(ticked))).next if len(ticked) == 1 else None
        if len(ticked) == 1:
            return self.answer(next(iter(ticked))).next
        if any(self.answer(a).alone for a in ticked):
            return None
        return self.several


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    why: str
    next_steps: tuple[str, ...]
    read: tuple[str, ...]  # "page#section-id"


Node = Question | Outcome


@dataclass(frozen=True)
class OldAnswers:
    """Answers of an earlier tree that links may still hold, and what they mean now."""
    when: tuple[tuple[str, str], ...]  # (question, answer) pairs that must all be in the link
    means: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Rule:
    """One of the handbook's rules (data/decision-rules.yml): these answers lead to that outcome."""
    id: str
    when: tuple[tuple[str, tuple[str, ...]], ...]  # (question, answer ids, or ("several",))
    outcome: str
    source: str  # page#section-id
    says: str


@dataclass(frozen=True)
class Tree:
    start: str
    nodes: dict[str, Node]
    old_answers: tuple[OldAnswers, ...] = ()
    rules: tuple[Rule, ...] = ()

    def question(self, node_id: str) -> Question:
        """The node, which must be a question."""
        node = self.nodes[node_id]
        if not isinstance(node, Question):
            raise TypeError(f"'{node_id}' is an outcome, not a question")
        return node
