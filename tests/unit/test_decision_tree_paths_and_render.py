"""The decision tree: every path written out, and the HTML it renders to.

The mechanism is tested on the small tree of tests/fixture_tree.py; the tests of the real tree
say so in their names.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from handbook.commands.check_tree import main as check_tree_main
from handbook.decision_tree.load import load_trees
from handbook.decision_tree.model import Outcome, Question, Tree
from handbook.decision_tree.paths import all_paths, fragment
from handbook.decision_tree.render import Link, environment, inline, reading_order, render_overview, render_tool
from handbook.content.site import Site
from handbook.commands.tree_paths import PATHS_FILE, current_paths
from handbook.content.words import Words, load_words
from tests.fixture_tree import fixture_project


@pytest.fixture
def fixture_trees(tmp_path: Path) -> dict[str, Tree]:
    return load_trees(fixture_project(tmp_path))


@pytest.fixture
def tree(fixture_trees: dict[str, Tree]) -> Tree:
    return fixture_trees["en"]


@pytest.fixture(scope="module")
def env(site: Site) -> jinja2.Environment:
    return environment([str(site.project_dir / "overrides")])


def words(site: Site, language: str) -> Words:
    return Words(language, site.root(language), load_words(site.project_dir, site.languages, site.default)[language])


class Elements(HTMLParser):
    """Every element of an HTML fragment: its tag, its attributes and the step (section) it is in."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None], str | None]] = []
        self.step: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.step = dict(attrs).get("id")
        self.found.append((tag, dict(attrs), self.step))

    def all(self, tag: str, step: str | None = None) -> list[dict[str, str | None]]:
        return [attrs for t, attrs, s in self.found if t == tag and (step is None or s == step)]


def _link(target: str) -> Link:
    page, _, section = target.partition("#")
    return Link(f"../{page}/#{section}", section.replace("-", " "), page)


def test_the_committed_paths_file_is_up_to_date_with_the_real_tree(site: Site) -> None:
    assert (site.project_dir / PATHS_FILE).read_text(encoding="utf-8") == current_paths(site), \
        "data/decision-tree-paths.md is stale: run `python -m handbook.commands.tree_paths` and commit it"


def test_every_path_starts_at_the_start_and_ends_in_an_outcome(tree: Tree) -> None:
    paths = all_paths(tree)
    assert len(paths) == 5
    for steps, outcome in paths:
        assert steps[0][0].id == tree.start
        for (question, answers), following in zip(steps, steps[1:] + [(outcome, None)]):
            assert question.route(frozenset(answers)) == following[0].id
        assert isinstance(outcome, Outcome)


def test_every_outcome_of_the_real_tree_is_reached_by_some_path(trees: dict[str, Tree], site: Site) -> None:
    tree = trees[site.default]
    reached = {outcome.id for _, outcome in all_paths(tree)}
    assert reached == {n.id for n in tree.nodes.values() if isinstance(n, Outcome)}


def test_paths_are_distinct_and_their_fragments_are_what_the_tool_reads(tree: Tree) -> None:
    fragments = [fragment(steps) for steps, _ in all_paths(tree)]
    assert "first=no/second=no/third=yes" in fragments
    assert len(fragments) == len(set(fragments))
    assert all(re.fullmatch(r"[a-z0-9-]+=[a-z0-9-]+(/[a-z0-9-]+=[a-z0-9-]+)*", f) for f in fragments)


def test_the_real_tool_has_the_five_outcomes_the_handbook_promises(trees: dict[str, Tree], site: Site) -> None:
    # The one test of the tree's content: the handbook's chapters describe these five outcomes.
    outcomes = {n.id for n in trees[site.default].nodes.values() if isinstance(n, Outcome)}
    assert {"keep-and-resolve", "set-limits", "give-it-time", "let-go", "end-now"} <= outcomes


def test_a_translation_brings_its_text_and_keeps_the_structure_of_the_original(fixture_trees: dict[str, Tree]) -> None:
    english, turkish = fixture_trees["en"], fixture_trees["tr"]
    second = turkish.question("second")
    assert second.text == "Çalışanlarınıza kaba mı?"
    assert [(a.id, a.label, a.next) for a in second.answers] == [
        ("no", "Hayır", "third"), ("once", "Bir kez", "set-limits"), ("yes", "Sık sık", "end-now")]
    assert turkish.nodes["set-limits"].read == english.nodes["set-limits"].read
    assert turkish.nodes["set-limits"].next_steps == ("Neyi kabul ettiğinizi söyleyin.", "Yazıya dökün.")


def test_inline_text_is_escaped_with_only_bold_and_italic() -> None:
    assert inline("a <b>x</b> & **strong** *em*") == Markup(
        "a &lt;b&gt;x&lt;/b&gt; &amp; <strong>strong</strong> <em>em</em>")


def test_rendered_tool_has_a_section_per_node_and_answers_that_link_to_the_next(
        env: jinja2.Environment, tree: Tree, site: Site) -> None:
    html = Elements(render_tool(env, tree, words(site, site.default), _link, "../decision-tool-overview/"))
    assert [s["id"] for s in html.all("section")] == list(tree.nodes)
    for node in tree.nodes.values():
        links = html.all("a", step=node.id)
        if isinstance(node, Question):
            assert [(a["data-hb-answer"], a["href"]) for a in links] == [(a.id, f"#{a.next}") for a in node.answers]
        else:
            assert [_link(target).href for target in node.read] == [a["href"] for a in links][:len(node.read)]


def test_rendered_text_is_escaped(env: jinja2.Environment, tree: Tree, site: Site) -> None:
    evil = Question("first", "Is <script>alert(1)</script> **ok**?", None, tree.question(tree.start).answers)
    html = render_tool(env, Tree(tree.start, {**tree.nodes, tree.start: evil}), words(site, site.default), _link, "x")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <strong>ok</strong>?" in html


def test_rendered_in_kazakh_the_interface_words_are_kazakh(env: jinja2.Environment, tree: Tree, site: Site) -> None:
    kazakh, english = words(site, "kk"), words(site, site.default)
    html = render_tool(env, tree, kazakh, _link, "x")
    assert kazakh.t("tool.why") in html and kazakh.t("tool.start_again") in html
    assert english.t("tool.start_again") not in html


def test_the_tool_gives_its_script_the_whole_tool_group_of_words(env: jinja2.Environment, tree: Tree, site: Site) -> None:
    kazakh = words(site, "kk")
    html = render_tool(env, tree, kazakh, _link, "x")
    data = re.search(r'<script type="application/json" data-hb-words>(.*?)</script>', html, re.DOTALL)
    assert data and json.loads(data.group(1)) == kazakh.group("tool")
    assert "start" in kazakh.group("tool") and not any("." in key for key in kazakh.group("tool"))


def test_overview_lists_every_node_once_questions_first_and_links_into_the_tool(
        env: jinja2.Environment, tree: Tree, site: Site) -> None:
    html = render_overview(env, tree, words(site, site.default), "../decision-tool/")
    for node_id in tree.nodes:
        assert html.count(f'id="overview-{node_id}"') == 1
        assert f'href="../decision-tool/#{node_id}"' in html
    assert [node.id for node in reading_order(tree)] == [
        "first", "second", "third", "end-now", "set-limits", "let-go", "keep"]
    assert re.findall(r'id="overview-([a-z-]+)"', html) == [node.id for node in reading_order(tree)]


def test_check_tree_command_reports_the_real_tree_valid(capsys, site: Site) -> None:
    assert check_tree_main([]) == 0
    assert f"valid in {len(site.languages)} languages" in capsys.readouterr().out


def test_check_tree_reports_every_language_and_every_dead_tool_link_in_one_run(capsys, tmp_path: Path) -> None:
    from tests.support import copy_project

    project = copy_project(tmp_path / "project")
    for language, old, new in [("tr", "\nlet-go:\n", "\nlet-goo:\n"), ("kk", "  text: Клиент төлемді", "  txet: Клиент төлемді")]:
        path = project / "translations" / language / "decision-tree.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    page = project / "docs" / "is" / "scenarios.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Tólið](decision-tool.md#red-flags=none/payment=maybe)\n",
                    encoding="utf-8")
    lines = len(page.read_text(encoding="utf-8").splitlines())
    assert check_tree_main([], Site.load(project)) == 1
    out = capsys.readouterr().out
    assert "translations/tr/decision-tree.yml" in out and "let-goo" in out
    assert "translations/kk/decision-tree.yml" in out and "txet" in out
    assert f"docs/is/scenarios.md, line {lines}: the link 'decision-tool.md#red-flags=none/payment=maybe'" in out
    assert "3 problems found." in out


def test_the_map_draws_every_node_once_and_every_way_between_them(trees: dict[str, Tree], site: Site,
                                                                 env: jinja2.Environment) -> None:
    from handbook.decision_tree.treemap import depths, tree_map
    from handbook.decision_tree.validate import targets

    tree = trees["kk"]
    svg = str(tree_map(env, tree, "Карта <1>"))
    assert svg.startswith("<svg") and 'aria-label="Карта &lt;1&gt;"' in svg
    assert re.findall(r'data-hb-map-node="([a-z-]+)"', svg) == list(tree.nodes)
    edges = set(re.findall(r'data-hb-map-edge="([a-z-]+ [a-z-]+)"', svg))
    assert edges == {f"{node.id} {target}" for node in tree.nodes.values() for target in targets(node)}
    assert tree.question("red-flags").text in svg  # the title holds the whole text, in the page's language
    depth = depths(tree)
    assert all(depth[target] > depth[node.id] for node in tree.nodes.values() for target in targets(node))


def test_the_maps_words_stay_text(tree: Tree, env: jinja2.Environment) -> None:
    import dataclasses

    from handbook.decision_tree.treemap import tree_map

    start = dataclasses.replace(tree.question(tree.start), text='<b onclick="x">Angry</b> & "loud"')
    svg = str(tree_map(env, Tree(tree.start, {**tree.nodes, tree.start: start}), "Map"))
    assert "<b" not in svg and "&lt;b onclick=&#34;x&#34;&gt;Angry&lt;/b&gt; &amp; &#34;loud&#34;" in svg
