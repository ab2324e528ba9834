"""The handbook's rules for the tool (data/decision-rules.yml), and the check that every path
through the tree obeys them.

A rule names answers (`when`: question -> answer ids, or `several` for two or more ticks of a
checklist; every condition must hold, any listed answer satisfies one) and the outcome they lead
to, with the handbook section it comes from. The first rule, in file order, whose conditions all
hold decides a path. Every path of the tree, each combination of ticks included, must end where
its deciding rule says, and every rule must decide at least one path.
"""

from __future__ import annotations

from handbook.content.source import DataError, YamlSource
from handbook.decision_tree.model import Question, Rule, Tree
from handbook.decision_tree.paths import all_paths, fragment
from handbook.decision_tree.validate import node_error

RULES_FILE = "data/decision-rules.yml"
SEVERAL = "several"


def holds(rule: Rule, answers: dict[str, tuple[str, ...]]) -> bool:
    """Whether every condition of the rule holds for the answers given."""
    for question, wanted in rule.when:
        given = answers.get(question, ())
        if wanted == (SEVERAL,):
            if len(given) < 2:
                return False
        elif not any(answer in given for answer in wanted):
            return False
    return True


def deciding(rules: tuple[Rule, ...], answers: dict[str, tuple[str, ...]]) -> Rule | None:
    """The first rule whose conditions all hold."""
    return next((rule for rule in rules if holds(rule, answers)), None)


def decisive_answers(rule: Rule, answers: dict[str, tuple[str, ...]]) -> list[tuple[str, tuple[str, ...]]]:
    """The answers that made the rule hold: for each of its conditions, the answers given that
    it names (all the ticks, for 'several')."""
    result = []
    for question, wanted in rule.when:
        given = answers.get(question, ())
        result.append((question, given if wanted == (SEVERAL,) else tuple(a for a in given if a in wanted)))
    return result


def reasons(rules: tuple[Rule, ...], steps: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    """Every answer that decided the outcome: the decisive answers of each rule that holds and
    leads where the deciding rule does, per question in the order asked."""
    answers = dict(steps)
    first = deciding(rules, answers)
    if first is None:
        return []
    merged: dict[str, set[str]] = {}
    for rule in rules:
        if rule.outcome == first.outcome and holds(rule, answers):
            for question, given in decisive_answers(rule, answers):
                merged.setdefault(question, set()).update(given)
    return [(question, tuple(a for a in given if a in merged[question]))
            for question, given in steps if merged.get(question)]


def _fail(source: YamlSource, path: tuple, problem: str, fix: str) -> DataError:
    return node_error(source.file, source.line(*path), None, problem, fix)


def build_rules(source: YamlSource, tree: Tree, sections: dict[str, list[str]]) -> tuple[Rule, ...]:
    """The rules of a parsed rules file, each checked against the tree and the handbook's pages."""
    data = source.data
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list) or not data["rules"]:
        raise _fail(source, (), "the file holds no list of rules.",
                    "start it with 'rules:' and one '- id: ...' item per rule, as the comment at its top describes.")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["rules"]):
        where = ("rules", i)
        if not isinstance(raw, dict):
            raise _fail(source, where, "this rule is not a group of 'key: value' lines.",
                        "write it as '- id:', 'when:', 'outcome:', 'source:' and 'says:'.")
        unknown = sorted(set(raw) - {"id", "when", "outcome", "source", "says"})
        if unknown:
            raise _fail(source, (*where, unknown[0]), f"unknown key '{unknown[0]}'.",
                        "remove it or correct its spelling; allowed: id, when, outcome, source, says.")
        for key in ("id", "outcome", "source", "says"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise _fail(source, (*where, key), f"the rule has no text for '{key}'.", f"add '{key}:' with its text.")
        if raw["id"] in seen:
            raise _fail(source, (*where, "id"), f"two rules have the id '{raw['id']}'.", "give every rule its own id.")
        seen.add(raw["id"])
        if raw["outcome"] not in tree.nodes or isinstance(tree.nodes[raw["outcome"]], Question):
            raise _fail(source, (*where, "outcome"), f"'{raw['outcome']}' is not an outcome of the tree.",
                        "name one of the outcomes in data/decision-tree.yml.")
        page, _, section = raw["source"].partition("#")
        if section not in sections.get(page, ()):
            raise _fail(source, (*where, "source"), f"'{raw['source']}' is not a section of the handbook.",
                        "write the page and section id the rule comes from, as page#section-id (see data/published-ids.yml).")
        when = raw.get("when")
        if not isinstance(when, dict) or not when:
            raise _fail(source, (*where, "when"), "the rule has no conditions.",
                        "add 'when:' with one 'question: answer' line per condition.")
        conditions = []
        for question_id, wanted in when.items():
            line = (*where, "when", question_id)
            node = tree.nodes.get(question_id)
            if not isinstance(node, Question):
                raise _fail(source, line, f"'{question_id}' is not a question of the tree.",
                            "name a question id of data/decision-tree.yml.")
            answers = tuple(wanted) if isinstance(wanted, list) else (wanted,)
            if answers == (SEVERAL,):
                if not node.checklist:
                    raise _fail(source, line, f"'several' only applies to a checklist, and '{question_id}' is not one.",
                                "name the answers instead.")
            else:
                for answer in answers:
                    if not isinstance(answer, str) or node.answer(answer) is None:
                        raise _fail(source, line, f"the question '{question_id}' has no answer {answer!r}.",
                                    f"use its answers: {', '.join(a.id for a in node.answers)}.")
            conditions.append((question_id, answers))
        rules.append(Rule(raw["id"], tuple(conditions), raw["outcome"], raw["source"], raw["says"].strip()))
    return tuple(rules)


def check_rules(tree: Tree, rules: tuple[Rule, ...], source: YamlSource) -> dict[str, str]:
    """Every path, each combination of ticks included, ends where its deciding rule says, and
    every rule decides some path; {fragment: rule id} of every path."""
    decided: dict[str, str] = {}
    used: set[str] = set()
    for steps, outcome in all_paths(tree, every=True):
        answers = {question.id: given for question, given in steps}
        rule = deciding(rules, answers)
        address = fragment(steps)
        if rule is None:
            raise _fail(source, ("rules",), f"no rule decides the path {address}, which ends at '{outcome.id}'.",
                        "add a rule for these answers, or change the tree so that a rule covers them.")
        if rule.outcome != outcome.id:
            index = rules.index(rule)
            raise _fail(source, ("rules", index),
                        f"the rule '{rule.id}' says '{rule.outcome}', but the tree leads the answers "
                        f"{address} to '{outcome.id}'.",
                        "change the tree's 'next' on this path, or the rule (an earlier rule wins).")
        used.add(rule.id)
        decided[address] = rule.id
    for index, rule in enumerate(rules):
        if rule.id not in used:
            raise _fail(source, ("rules", index),
                        f"the rule '{rule.id}' decides no path: no path has these answers, or an earlier rule takes them all.",
                        "correct its conditions, move it before the rule that takes its paths, or remove it.")
    return decided
