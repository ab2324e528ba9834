"""The tool's logic in the browser (docs/assets/javascripts/decision-logic.js) has its own unit
tests (tests/node/*.test.mjs, run by Node here) and reads every address as the Python side does."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from handbook.decision_tree.model import Tree
from handbook.decision_tree.paths import all_paths, fragment, resolve
from handbook.decision_tree.render import tool_data
from handbook.decision_tree.rules import deciding, decisive_answers, reasons
from handbook.content.site import Site
from tests.support import ROOT
from tests.unit.test_decision_tree_rules import PUBLISHED

NODE_TESTS = ROOT / "tests" / "node"


def node() -> str:
    found = shutil.which("node")
    assert found, "Node.js is needed for the tests of the tool's script: install nodejs (.ci/run does)."
    return found


def test_the_node_unit_tests_of_the_tools_logic_pass() -> None:
    files = sorted(str(path) for path in NODE_TESTS.glob("*.test.mjs"))
    assert files
    result = subprocess.run([node(), "--test", *files], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


def addresses(tree: Tree) -> list[str]:
    """Every path, each in a shuffled order too, each cut short with its later answers kept, the
    published links, and hostile ones."""
    shuffle = random.Random(7)
    found = []
    for steps, _ in all_paths(tree, every=True):
        pairs = fragment(steps).split("/")
        found.append("/".join(pairs))
        shuffle.shuffle(pairs)
        found.append("/".join(pairs))
        if len(pairs) > 2:
            found.append("/".join(pairs[:1] + pairs[2:]))
    found += list(PUBLISHED)
    found += ["", "#", "red-flags", "end-now--title", "nowhere", "__proto__", "constructor=yes", "red-flags=constructor",
              "%", "%E0%A4%A", "red-flags=none+violence", "red-flags=none/payment=", "red-flags=none/payment=owed%2Bno",
              "red-flags=violence%2Blying", "//red-flags=none//", "trouble=complaints+complaints"]
    return found


def test_the_browser_reads_every_address_as_the_build_does(trees: dict[str, Tree], site: Site, tmp_path: Path) -> None:
    tree = trees[site.default]
    fragments = addresses(tree)
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"data": tool_data(tree), "fragments": fragments}), encoding="utf-8")
    result = subprocess.run([node(), str(NODE_TESTS / "compare-address.mjs"), str(cases)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    browser = json.loads(result.stdout)
    assert len(browser) == len(fragments)
    for seen in browser:
        state = resolve(tree, seen["fragment"])
        answers = dict(state.steps)
        rule = deciding(tree.rules, answers)
        expected = {
            "steps": [[q, list(a)] for q, a in state.steps], "current": state.current, "problem": state.problem,
            "kept": {q: list(a) for q, a in state.kept.items()}, "rule": rule.id if rule else None,
            "decisive": [[q, list(a)] for q, a in decisive_answers(rule, answers)] if rule else [],
            "reasons": [[q, list(a)] for q, a in reasons(tree.rules, list(state.steps))],
        }
        assert {key: seen[key] for key in expected} == expected, seen["fragment"]


def test_every_rule_that_holds_for_the_outcome_gives_its_reasons(trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    steps = list(resolve(tree, "red-flags=lying+legal").steps)
    assert reasons(tree.rules, steps) == [("red-flags", ("lying", "legal"))]
    assert deciding(tree.rules, dict(steps)).id == "red-flag"


@pytest.mark.parametrize("fragment_text", ["red-flags=none/payment=owed", "payment=owed/red-flags=none"])
def test_the_decisive_answers_are_those_the_rule_names(trees: dict[str, Tree], site: Site, fragment_text: str) -> None:
    state = resolve(trees[site.default], fragment_text)
    rule = deciding(trees[site.default].rules, dict(state.steps))
    assert rule.id == "money-owed" and decisive_answers(rule, dict(state.steps)) == [("payment", ("owed",))]
