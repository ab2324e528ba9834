"""Addresses of steps and every path through the tree.

An address fragment names answers by question id, in any order: `red-flags=none/payment=owed`;
a checklist's ticked answers are joined by '+': `trouble=advice+changes`. The tool walks the
tree from its first question and at each question takes the answer the address gives; the first
question without one is the step shown. So adding, removing or reordering a question keeps an
older link opening at the right step with the answers that still apply. Answers of questions
the tree no longer has are translated by the tree's `old_answers`.
docs/assets/javascripts/decision-logic.js is the same, for the browser; a test holds them equal.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from urllib.parse import unquote

from handbook.decision_tree.model import Outcome, Question, Tree

Step = tuple[Question, tuple[str, ...]]  # a question and the ids of the answers given
TITLE_SUFFIX = "--title"


@dataclass(frozen=True)
class State:
    """What an address shows: the answers followed, the step reached, and whether some
    answers of the address could not be understood or followed."""
    steps: tuple[tuple[str, tuple[str, ...]], ...]
    current: str
    problem: str | None = None
    kept: dict[str, tuple[str, ...]] = field(default_factory=dict)  # answers not (yet) on the way


def parse(fragment: str) -> list[tuple[str, tuple[str, ...]]]:
    """The (question, answers) pairs of a fragment, in the order written; an empty answer list
    for a part without '='."""
    text = fragment.lstrip("#")
    try:
        text = unquote(text, errors="strict")
    except UnicodeDecodeError:
        pass  # read as written, as the browser does with a malformed escape
    pairs = []
    for part in text.split("/"):
        if not part:
            continue
        question, sign, answers = part.partition("=")
        pairs.append((question, tuple(a for a in answers.split("+") if a) if sign else ()))
    return pairs


def fragment(steps: list[Step] | tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The address fragment of answers given: question=answer pairs joined by '/'."""
    parts = []
    for question, answers in steps:
        question_id = question.id if isinstance(question, Question) else question
        parts.append(f"{question_id}={'+'.join(answers)}")
    return "/".join(parts)


def _answers(tree: Tree, pairs: list[tuple[str, tuple[str, ...]]]) -> tuple[dict[str, list[str]], bool]:
    """The answers a fragment gives to today's questions, and whether any part was not understood."""
    given: dict[str, list[str]] = {}
    singles = {(q, a) for q, answers in pairs for a in answers}
    used: set[tuple[str, str]] = set()
    for old in sorted(tree.old_answers, key=lambda entry: len(entry.when)):  # the most specific last
        if all(pair in singles for pair in old.when):
            used.update(old.when)
            for question_id, answer_id in old.means:
                if tree.question(question_id).checklist:
                    given.setdefault(question_id, [])
                    if answer_id not in given[question_id]:
                        given[question_id].append(answer_id)
                else:
                    given[question_id] = [answer_id]
        for question_id, answers in given.items():
            question = tree.question(question_id)
            if question.checklist and any(not question.answer(a).alone for a in answers):
                given[question_id] = [a for a in answers if not question.answer(a).alone]
    understood = True
    for question, answers in pairs:
        if not answers:
            understood = False
        for answer in answers:
            if (question, answer) in used:
                continue
            node = tree.nodes.get(question)
            if isinstance(node, Question) and node.answer(answer) is not None:
                given.setdefault(question, [])
                if answer not in given[question]:
                    given[question].append(answer)
            else:
                understood = False
    return given, understood


def resolve(tree: Tree, fragment_text: str) -> State:
    """The state an address fragment opens, as the tool shows it."""
    pairs = parse(fragment_text)
    if not pairs:
        return State((), tree.start)
    if len(pairs) == 1 and not pairs[0][1] and "=" not in fragment_text:
        name = pairs[0][0]
        base = name[:-len(TITLE_SUFFIX)] if name.endswith(TITLE_SUFFIX) else name
        return State((), base) if base in tree.nodes else State((), tree.start, "unknown_step")
    given, understood = _answers(tree, pairs)
    steps: list[tuple[str, tuple[str, ...]]] = []
    current = tree.start
    problem = None if understood else ("path_cut" if given else "unknown_step")
    while isinstance(tree.nodes[current], Question) and current in given:
        question = tree.question(current)
        ticked = tuple(a.id for a in question.answers if a.id in given[current])
        onward = question.route(frozenset(ticked))
        if onward is None or any(q == current for q, _ in steps):
            problem = "path_cut"
            break
        steps.append((current, ticked))
        current = onward
    walked = {q for q, _ in steps}
    kept = {q: tuple(a) for q, a in given.items() if q not in walked}
    return State(tuple(steps), current, problem, kept)


def opens_a_step(tree: Tree, fragment_text: str) -> bool:
    """Whether every answer of an address fragment is understood, so the tool opens it as written."""
    if "=" not in fragment_text:
        return False
    return resolve(tree, fragment_text).problem is None


def choices(question: Question, every: bool) -> list[tuple[str, ...]]:
    """The answers a reader can give: one each; for a checklist also two or more ticks
    (`every`: each combination; otherwise one example of them)."""
    single = [(a.id,) for a in question.answers]
    if not question.checklist:
        return single
    tickable = [a.id for a in question.answers if not a.alone]
    if not every:
        return single + [tuple(tickable[:2])]
    several = [combo for size in range(2, len(tickable) + 1) for combo in itertools.combinations(tickable, size)]
    return single + several


def all_paths(tree: Tree, every: bool = False) -> list[tuple[list[Step], Outcome]]:
    """Each way through the tree: the answers given and the outcome reached, in tree order.
    `every`: each combination of a checklist's ticks, not one example of two or more."""
    result: list[tuple[list[Step], Outcome]] = []
    stack: list[tuple[str, list[Step]]] = [(tree.start, [])]
    while stack:
        node_id, steps = stack.pop()
        node = tree.nodes[node_id]
        if isinstance(node, Outcome):
            result.append((steps, node))
            continue
        for answers in reversed(choices(node, every)):
            stack.append((node.route(frozenset(answers)), steps + [(node, answers)]))
    return result


class ToolAnchors(set):
    """The tool page's anchors: its element ids plus every answer address the tool opens.

    MkDocs checks a link's #fragment with `in page.present_anchor_ids`; addresses are checked on
    demand instead of listed, because their number grows with the tree's branches.
    """

    def __init__(self, ids: set[str], tree: Tree) -> None:
        super().__init__(ids)
        self.tree = tree

    def __contains__(self, anchor: object) -> bool:
        return super().__contains__(anchor) or (isinstance(anchor, str) and opens_a_step(self.tree, anchor))


def paths_markdown(tree: Tree, describe: dict[str, str] | None = None) -> str:
    """The committed review file: one numbered line per path, with its link fragment and, when
    `describe` gives it, the rule that decides it."""
    lines = [
        "# Every path through \"Should I fire this client?\"",
        "",
        "Generated from data/decision-tree.yml by `python -m handbook.commands.tree_paths`; do not edit by hand.",
        "A pull request that changes the tree shows here how the tool's answers change.",
        "A checklist (tick all that apply) shows each answer alone and one example of two or more;",
        "the rule check in the tests walks every combination.",
        "",
    ]
    paths = all_paths(tree)
    for number, (steps, outcome) in enumerate(paths, start=1):
        answers = " → ".join(f"{question.id}: {'+'.join(given)}" for question, given in steps)
        rule = f" (rule: {describe[fragment(steps)]})" if describe and fragment(steps) in describe else ""
        lines.append(f"{number}. {answers} ⇒ **{outcome.id}**{rule}  ")
        lines.append(f"   `decision-tool/#{fragment(steps)}`")
    lines += ["", f"{len(paths)} paths, {len(tree.nodes)} nodes.", ""]
    return "\n".join(lines)
