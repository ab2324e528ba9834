"""The handbook's rules (data/decision-rules.yml) and the tool's addresses.

The real tree is checked against its rules over every path; the mechanism (rules that a tree
breaks, old links after a question is inserted) on small trees written here.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from handbook.decision_tree.load import load_tree
from handbook.decision_tree.model import Outcome, Tree
from handbook.decision_tree.paths import all_paths, fragment, opens_a_step, resolve
from handbook.decision_tree.rules import RULES_FILE, deciding, decisive_answers
from handbook.content.site import Site
from handbook.content.source import DataError
from tests.fixture_tree import RULES as FIXTURE_RULES
from tests.fixture_tree import TREE, fixture_project
from tests.support import LANGUAGES, ROOT

RED_FLAGS = "red-flags"

def project_with_rules(folder: Path, rules: str = FIXTURE_RULES, tree: str = TREE) -> Site:
    site = fixture_project(folder, tree)
    (folder / RULES_FILE).write_text(textwrap.dedent(rules), encoding="utf-8")
    return site


def error_of(folder: Path, rules: str, tree: str = TREE) -> DataError:
    with pytest.raises(DataError) as caught:
        load_tree(project_with_rules(folder, rules, tree))
    return caught.value


# The real tree obeys the handbook's rules

def test_every_path_of_the_real_tree_with_every_combination_of_ticks_ends_where_its_rule_says(
        trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    assert tree.rules, f"{RULES_FILE} is missing or empty"
    paths = all_paths(tree, every=True)
    assert len(paths) > len(all_paths(tree))  # the combinations of ticks are walked too
    for steps, outcome in paths:
        rule = deciding(tree.rules, {q.id: given for q, given in steps})
        assert rule is not None and rule.outcome == outcome.id, (fragment(steps), outcome.id, rule)


def test_every_rule_of_the_real_tree_cites_a_section_and_decides_some_path(trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    used = {deciding(tree.rules, {q.id: g for q, g in steps}).id for steps, _ in all_paths(tree, every=True)}
    assert used == {rule.id for rule in tree.rules}
    assert all(re.fullmatch(r"[a-z-]+#[a-z0-9-]+", rule.source) for rule in tree.rules)


def test_every_red_flag_of_the_real_tree_is_asked_on_every_path_before_anything_can_end_it(
        trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    checklist = tree.question(RED_FLAGS)
    flags = [a.id for a in checklist.answers if not a.alone]
    assert {"violence", "abuse-again", "lying", "demands-again", "legal"} <= set(flags)
    assert tree.start == RED_FLAGS and checklist.checklist
    for steps, _ in all_paths(tree, every=True):
        assert steps[0][0].id == RED_FLAGS, fragment(steps)
    for flag in flags:
        assert tree.nodes[checklist.route(frozenset([flag]))].id == "end-now"
        for other in flags:
            if other != flag:
                assert checklist.route(frozenset([flag, other])) == "end-now"


def test_a_red_flag_ends_it_even_for_a_long_standing_client(trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    state = resolve(tree, "red-flags=demands-again/long-standing=yes")
    assert state.current == "end-now"


def test_several_problems_at_once_lead_to_letting_go_first_and_one_payment_problem_is_enough(
        trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    walk = "red-flags=none/payment=no/abuse-first=no/demands=no"
    assert resolve(tree, walk + "/trouble=changes+advice").current == "let-go"
    assert resolve(tree, "red-flags=none/payment=owed").current == "collect-first"
    rule = deciding(tree.rules, {"red-flags": ("none",), "payment": ("owed",)})
    assert decisive_answers(rule, {"red-flags": ("none",), "payment": ("owed",)}) == [("payment", ("owed",))]


def test_the_same_answers_reach_the_same_outcome_in_every_language(trees: dict[str, Tree], site: Site) -> None:
    english = {fragment(steps): outcome.id for steps, outcome in all_paths(trees[site.default], every=True)}
    for language in LANGUAGES:
        other = {fragment(steps): outcome.id for steps, outcome in all_paths(trees[language], every=True)}
        assert other == english, language


# Links written for earlier trees

PUBLISHED = {  # links the pages have carried, and the step each opens today
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=no/payment=no/trouble=one-problem":
        "keep-and-resolve",
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=no/payment=yes/money-owed=yes":
        "collect-first",
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=no/payment=no/trouble=complaints"
    "/acute-or-chronic=chronic/chronic-tried=no": "give-it-time",
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=no/payment=no/trouble=complaints"
    "/acute-or-chronic=chronic/chronic-tried=yes/long-standing=no/can-change=no": "let-go",
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=no/payment=no/trouble=changes":
        "changes-paid",
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=no/payment=no/trouble=competitors":
        "long-standing",
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=no/payment=no/trouble=advice"
    "/advice-repeated=yes/long-standing=yes": "give-it-time",
    "physical-abuse=no/mental-abuse=no/legal-risk=yes": "end-now",
    "physical-abuse=yes": "end-now",
    "physical-abuse=no/mental-abuse=again": "end-now",
    "physical-abuse=no": RED_FLAGS,
    "physical-abuse=no/mental-abuse=once": RED_FLAGS,
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=yes/limits-in-writing=no": RED_FLAGS,
    "physical-abuse=no/mental-abuse=no/legal-risk=no/lying=no/unreasonable-demands=yes/limits-in-writing=yes": "end-now",
}


@pytest.mark.parametrize("address", PUBLISHED)
def test_a_link_to_the_earlier_tree_opens_the_step_that_fits_its_answers(
        trees: dict[str, Tree], site: Site, address: str) -> None:
    state = resolve(trees[site.default], address)
    assert (state.current, state.problem) == (PUBLISHED[address], None)


def test_the_answers_of_an_earlier_link_apply_once_the_walk_reaches_them(trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    state = resolve(tree, "physical-abuse=no/mental-abuse=once")
    assert state.kept == {"abuse-first": ("yes",)}
    answered = fragment(state.steps + (("red-flags", ("none",)), ("payment", ("no",)))) + "/" + "abuse-first=yes"
    assert resolve(tree, answered).current == "set-limits"


def test_every_tool_link_in_the_pages_opens_without_a_notice(trees: dict[str, Tree], site: Site) -> None:
    links = set()
    for page in (ROOT / "docs").glob("*/*.md"):
        links.update(re.findall(r"decision-tool(?:\.md|/)#([^)\s`]+)", page.read_text(encoding="utf-8")))
    links = {link for link in links if "=" in link}
    assert links
    for link in links:
        assert opens_a_step(trees[site.default], link), link


INSERTED = TREE.replace("""        next: second
  second:""", """        next: middle
  middle:
    type: question
    text: Do they pay late?
    answers:
      - id: "no"
        label: "No"
        next: second
      - id: "yes"
        label: "Yes"
        next: set-limits
  second:""")


def test_after_a_question_is_inserted_older_links_open_at_it_and_keep_their_later_answers(tmp_path: Path) -> None:
    before = load_tree(fixture_project(tmp_path / "before"))
    after = load_tree(fixture_project(tmp_path / "after", INSERTED))
    links = {fragment(steps): outcome.id for steps, outcome in all_paths(before)}
    for link, outcome in links.items():
        state = resolve(after, link)
        assert state.problem is None, link
        if link.startswith("first=no"):
            assert state.current == "middle", link  # the new question is asked ...
            continued = resolve(after, link + "/middle=no")
            assert continued.current == outcome, link  # ... and the old answers still apply after it
        else:
            assert state.current == outcome, link


def test_answers_are_read_in_any_order_and_unknown_ones_are_reported(tmp_path: Path) -> None:
    tree = load_tree(fixture_project(tmp_path))
    assert resolve(tree, "third=yes/first=no/second=no").current == "let-go"
    assert resolve(tree, "first=no/second=maybe").problem == "path_cut"
    assert resolve(tree, "nothing=here").problem == "unknown_step"
    assert resolve(tree, "second--title").current == "second"


# Rules that the tree breaks, or that are wrong themselves

def test_a_rule_that_contradicts_a_path_names_the_rule_the_path_and_both_outcomes(tmp_path: Path) -> None:
    error = error_of(tmp_path, FIXTURE_RULES.replace("outcome: set-limits", "outcome: keep"))
    assert error.file == RULES_FILE and error.line == 12
    assert "'rude-once' says 'keep'" in error.problem and "first=no/second=once" in error.problem
    assert "'set-limits'" in error.problem


def test_a_path_that_no_rule_decides_is_named(tmp_path: Path) -> None:
    rules = FIXTURE_RULES.split("  - id: fine")[0]
    error = error_of(tmp_path, rules)
    assert "no rule decides the path first=no/second=no/third=no" in error.problem


def test_a_rule_that_never_decides_is_refused(tmp_path: Path) -> None:
    rules = FIXTURE_RULES + """  - id: never
    when: {third: "no", second: "yes"}
    outcome: keep
    source: how-to-fire#the-five-steps
    says: Never reached.
"""
    error = error_of(tmp_path, rules)
    assert "'never' decides no path" in error.problem and error.line == 27


@pytest.mark.parametrize(("change", "words", "line"), [
    (('when: {third: "no"}', 'when: {thrid: "no"}'), "'thrid' is not a question", 23),
    (('when: {third: "no"}', 'when: {third: "maybe"}'), "has no answer 'maybe'", 23),
    (("source: listening#listen-without-interrupting", "source: listening#nowhere"), "is not a section", 25),
    (("outcome: keep", "outcome: third"), "is not an outcome", 24),
    (('when: {third: "no"}', 'when: {third: several}'), "only applies to a checklist", 23),
])
def test_a_wrong_rule_is_refused_with_its_line(tmp_path: Path, change: tuple[str, str], words: str, line: int) -> None:
    error = error_of(tmp_path, FIXTURE_RULES.replace(*change))
    assert words in error.problem and (error.file, error.line) == (RULES_FILE, line), error


CHECKLIST_TREE = TREE.replace("""  first:
    type: question""", """  first:
    type: checklist
    several: end-now""")


def test_a_checklist_leads_one_tick_to_its_answer_and_two_to_several(tmp_path: Path) -> None:
    tree = load_tree(fixture_project(tmp_path, CHECKLIST_TREE))
    first = tree.question("first")
    assert first.route(frozenset(["yes"])) == "end-now" and first.route(frozenset(["no"])) == "second"
    assert first.route(frozenset(["yes", "no"])) == "end-now"
    assert resolve(tree, "first=yes+no").current == "end-now"
    assert isinstance(tree.nodes[first.several], Outcome)


@pytest.mark.parametrize(("tree", "words"), [
    (CHECKLIST_TREE.replace("    several: end-now\n", ""), "the required field 'several' is missing"),
    (CHECKLIST_TREE.replace("several: end-now", "several: nowhere"), "'several' leads to 'nowhere'"),
    (CHECKLIST_TREE.replace("""        next: second
  second:""", """        next: second
        alone: true
  second:"""), "at least two answers that can be ticked together"),
    (TREE.replace("""        next: second
  second:""", """        next: second
        alone: true
  second:"""), "'alone' is only for a checklist"),
])
def test_a_wrong_checklist_is_refused(tmp_path: Path, tree: str, words: str) -> None:
    with pytest.raises(DataError) as caught:
        load_tree(fixture_project(tmp_path, tree))
    assert words in str(caught.value)


def test_an_old_link_entry_naming_an_unknown_question_is_refused(tmp_path: Path) -> None:
    tree = TREE + "old_answers:\n  - when: [abuse=yes]\n    means: [frist=yes]\n"
    with pytest.raises(DataError) as caught:
        load_tree(fixture_project(tmp_path, tree))
    assert "names the question 'frist'" in caught.value.problem and caught.value.line == 72
