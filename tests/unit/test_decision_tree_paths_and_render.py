"""The decision tree: every path written out, and the HTML it renders to."""

from __future__ import annotations

import re

import jinja2
from markupsafe import Markup

from decision_tree.model import Outcome, Question
from decision_tree.paths import all_paths, fragment
from decision_tree.render import Link, inline, render_overview, render_tool
from interface_words import load_words
from support import DEFAULT, LANGUAGES, ROOT
from tools.tree_paths import PATHS_FILE, current_paths
from tools.check_tree import main as check_tree_main

from decision_tree.pipeline import load_trees
from decision_tree.sections import language_pages, sections_of

SECTIONS = {name: [sid for sid, _ in sections_of(path.read_text(encoding="utf-8"))]
            for name, path in language_pages(ROOT / "docs", DEFAULT).items()}
TREES = load_trees(ROOT, LANGUAGES, DEFAULT, SECTIONS)
TREE = TREES[DEFAULT]
LOADER = jinja2.FileSystemLoader(str(ROOT / "overrides"))


def tool_words(language: str) -> dict[str, str]:
    words = load_words(ROOT, LANGUAGES, DEFAULT)[language]
    return {key[len("tool."):]: text for key, text in words.items() if key.startswith("tool.")}


def test_the_committed_paths_file_is_up_to_date() -> None:
    assert PATHS_FILE.read_text(encoding="utf-8") == current_paths(), \
        "data/decision-tree-paths.md is stale: run `python -m tools.tree_paths` and commit it"


def test_every_path_starts_at_the_start_and_ends_in_an_outcome() -> None:
    paths = all_paths(TREE)
    assert paths
    for steps, outcome in paths:
        assert steps[0][0].id == TREE.start
        for (question, answer), following in zip(steps, steps[1:] + [(outcome, None)]):
            chosen = next(a for a in question.answers if a.id == answer)
            assert chosen.next == following[0].id
        assert isinstance(outcome, Outcome)


def test_every_outcome_is_reached_by_some_path() -> None:
    reached = {outcome.id for _, outcome in all_paths(TREE)}
    assert reached == {n.id for n in TREE.nodes.values() if isinstance(n, Outcome)}


def test_paths_are_distinct_and_their_fragments_are_what_the_tool_reads() -> None:
    fragments = [fragment(steps) for steps, _ in all_paths(TREE)]
    assert len(fragments) == len(set(fragments))
    assert all(re.fullmatch(r"[a-z0-9-]+=[a-z0-9-]+(/[a-z0-9-]+=[a-z0-9-]+)*", f) for f in fragments)


def test_the_tool_has_the_five_outcomes_the_handbook_promises() -> None:
    outcomes = {n.id for n in TREE.nodes.values() if isinstance(n, Outcome)}
    assert {"keep-and-resolve", "set-limits", "give-it-time", "let-go", "end-now"} <= outcomes


def test_translations_keep_the_structure() -> None:
    for language, tree in TREES.items():
        assert tree.start == TREE.start
        for node_id, node in TREE.nodes.items():
            other = tree.nodes[node_id]
            assert type(other) is type(node)
            if isinstance(node, Question):
                assert [(a.id, a.next) for a in other.answers] == [(a.id, a.next) for a in node.answers]


def test_inline_text_is_escaped_with_only_bold_and_italic() -> None:
    assert inline("a <b>x</b> & **strong** *em*") == Markup(
        "a &lt;b&gt;x&lt;/b&gt; &amp; <strong>strong</strong> <em>em</em>")


def _link(target: str) -> Link:
    page, _, section = target.partition("#")
    return Link(f"../{page}/#{section}", section.replace("-", " "), page)


def test_rendered_tool_has_a_section_per_node_and_answers_that_link_to_the_next() -> None:
    html = render_tool(TREE, tool_words(DEFAULT), _link, LOADER, "../decision-tool-overview/")
    for node_id, node in TREE.nodes.items():
        assert f'id="{node_id}"' in html
        if isinstance(node, Question):
            for answer in node.answers:
                assert f'href="#{answer.next}" data-hb-answer="{answer.id}"' in html
        else:
            for target in node.read:
                assert f'href="{_link(target).href}"' in html


def test_rendered_text_is_escaped() -> None:
    evil = Question("first", "Is <script>alert(1)</script> **ok**?", None, TREE.question(TREE.start).answers)
    tree = type(TREE)(TREE.start, {**TREE.nodes, TREE.start: evil})
    html = render_tool(tree, tool_words(DEFAULT), _link, LOADER, "x")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <strong>ok</strong>?" in html


def test_rendered_in_kazakh_the_interface_words_are_kazakh() -> None:
    words = tool_words("kk")
    html = render_tool(TREES["kk"], words, _link, LOADER, "x")
    assert words["why"] in html and words["start_again"] in html
    assert tool_words(DEFAULT)["start_again"] not in html


def test_overview_lists_every_node_once_and_links_into_the_tool() -> None:
    html = render_overview(TREE, tool_words(DEFAULT), "../decision-tool/", LOADER)
    for node_id in TREE.nodes:
        assert html.count(f'id="overview-{node_id}"') == 1
        assert f'href="../decision-tool/#{node_id}"' in html


def test_check_tree_command_reports_a_valid_tree(capsys) -> None:
    assert check_tree_main([]) == 0
    assert f"valid in {len(LANGUAGES)} languages" in capsys.readouterr().out
