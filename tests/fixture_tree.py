"""A small decision tree and the project around it, for tests of the mechanism.

Tests of how the tool loads, checks, renders and behaves use this tree, not the real one, so
writers can change data/decision-tree.yml freely; tests of the real tree's content say so.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from handbook.commands.benchmark import chain as chain_tree
from handbook.content.site import Site
from handbook.content.words import Words
from tests.support import SITE, copy_project

ROOT = Path(__file__).resolve().parent.parent

# first -> second -> third, with a way out at every step:
#   first=yes -> end-now; first=no/second=once -> set-limits; first=no/second=yes -> end-now;
#   first=no/second=no/third=yes -> let-go; first=no/second=no/third=no -> keep
TREE = """\
start: first
nodes:
  first:
    type: question
    text: Is the client abusive?
    help: Shouting counts.
    answers:
      - id: "yes"
        label: "Yes"
        next: end-now
      - id: "no"
        label: "No"
        next: second
  second:
    type: question
    text: Are they rude to your staff?
    answers:
      - id: "no"
        label: "No"
        next: third
      - id: "once"
        label: "Once"
        next: set-limits
      - id: "yes"
        label: "Often"
        next: end-now
  third:
    type: question
    text: Do they lie to you?
    answers:
      - id: "yes"
        label: "Yes"
        next: let-go
      - id: "no"
        label: "No"
        next: keep
  end-now:
    type: outcome
    title: End it now
    why: Safety first.
    next_steps:
      - Tell them in writing.
    read:
      - how-to-fire#the-five-steps
  set-limits:
    type: outcome
    title: Set limits
    why: Once can be a bad day.
    next_steps:
      - Say what you accept.
      - Write it down.
    read:
      - listening#listen-without-interrupting
  let-go:
    type: outcome
    title: Let them go
    why: Trust is gone.
    next_steps:
      - Finish the work.
    read:
      - how-to-fire#extend-goodwill
  keep:
    type: outcome
    title: Keep them
    why: Nothing is wrong.
    next_steps:
      - Listen.
    read:
      - listening#listen-without-interrupting
"""

TRANSLATION = """\
first:
  text: Müşteri saldırgan mı?
  help: Bağırmak da sayılır.
  answers:
    "yes": Evet
    "no": Hayır
second:
  text: Çalışanlarınıza kaba mı?
  answers:
    "no": Hayır
    "once": Bir kez
    "yes": Sık sık
third:
  text: Size yalan söylüyor mu?
  answers:
    "yes": Evet
    "no": Hayır
end-now:
  title: Hemen bitirin
  why: Önce güvenlik.
  next_steps:
    - Yazılı bildirin.
set-limits:
  title: Sınır koyun
  why: Bir kez kötü bir gün olabilir.
  next_steps:
    - Neyi kabul ettiğinizi söyleyin.
    - Yazıya dökün.
let-go:
  title: Yollarınızı ayırın
  why: Güven kalmadı.
  next_steps:
    - İşi bitirin.
keep:
  title: Müşteriyi tutun
  why: Sorun yok.
  next_steps:
    - Dinleyin.
"""

# Rules for the fixture tree: first=yes and second=yes end it, second=once sets limits,
# third decides the rest.
RULES = """\
rules:
  - id: abuse
    when: {first: "yes"}
    outcome: end-now
    source: how-to-fire#the-five-steps
    says: Abuse ends it.
  - id: rude-often
    when: {second: "yes"}
    outcome: end-now
    source: how-to-fire#the-five-steps
    says: Rudeness again and again ends it.
  - id: rude-once
    when: {second: once}
    outcome: set-limits
    source: how-to-fire#the-five-steps
    says: Once, set limits.
  - id: lies
    when: {third: "yes"}
    outcome: let-go
    source: how-to-fire#the-five-steps
    says: A liar goes.
  - id: fine
    when: {third: "no"}
    outcome: keep
    source: listening#listen-without-interrupting
    says: Nothing wrong.
"""


PAGES = {
    "how-to-fire": "# How to fire\n\n## The five steps {#the-five-steps}\n\n## Extend goodwill {#extend-goodwill}\n",
    "listening": "---\ntitle: Listening\n---\n\n# Listening\n\n## Listen without interrupting {#listen-without-interrupting}\n",
}


def fixture_project(folder: Path, tree: str = TREE, translation: str | None = TRANSLATION) -> Site:
    """A project with the tree, its Turkish translation and the two pages it links to."""
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "decision-tree.yml").write_text(textwrap.dedent(tree), encoding="utf-8")
    (folder / "data" / "decision-tree.schema.json").write_text(
        (ROOT / "data" / "decision-tree.schema.json").read_text(encoding="utf-8"), encoding="utf-8")
    if translation is not None:
        (folder / "translations" / "tr").mkdir(parents=True)
        (folder / "translations" / "tr" / "decision-tree.yml").write_text(translation, encoding="utf-8")
    (folder / "docs" / "en").mkdir(parents=True)
    for name, text in PAGES.items():
        (folder / "docs" / "en" / f"{name}.md").write_text(text, encoding="utf-8")
    return Site(languages=("en", "tr"), default="en", current="en", building=False,
                project_dir=folder, docs_dir=folder / "docs")


def translated(tree_yaml: str, language: str) -> str:
    """A translation file for `language` with every text of the tree marked "[language] ..."."""
    import yaml

    nodes = yaml.safe_load(tree_yaml)["nodes"]
    translation = {}
    for node_id, node in nodes.items():
        if node["type"] == "question":
            translation[node_id] = {"text": f"[{language}] {node['text']}",
                                    "answers": {a["id"]: f"[{language}] {a['label']}" for a in node["answers"]}}
            if "help" in node:
                translation[node_id]["help"] = f"[{language}] {node['help']}"
        else:
            translation[node_id] = {"title": f"[{language}] {node['title']}", "why": f"[{language}] {node['why']}",
                                    "next_steps": [f"[{language}] {step}" for step in node["next_steps"]]}
    return yaml.safe_dump(translation, allow_unicode=True, sort_keys=False)


def use_fixture_tree(project: Path, site: Site) -> str:
    """Put the fixture tree, its rules, and a translation for every language, into a copy of the project.
    Its 'read' links point at the first sections of the real pages it names."""
    tree, rules = TREE, RULES
    for link in ("how-to-fire#the-five-steps", "how-to-fire#extend-goodwill", "listening#listen-without-interrupting"):
        page, _, _ = link.partition("#")
        tree = tree.replace(link, f"{page}#{site.section_ids(site.default, page)[0]}")
        rules = rules.replace(link, f"{page}#{site.section_ids(site.default, page)[0]}")
    (project / "data" / "decision-tree.yml").write_text(tree, encoding="utf-8")
    (project / "data" / "decision-rules.yml").write_text(rules, encoding="utf-8")
    nodes = set(yaml.safe_load(tree)["nodes"])
    for language in site.languages:
        if language != site.default:
            (project / "translations" / language / "decision-tree.yml").write_text(
                translated(tree, language), encoding="utf-8")
            _forget_real_tree_checks(project / "translations" / language / "checked.yml", nodes)
    return tree


def _forget_real_tree_checks(checked: Path, nodes: set[str]) -> None:
    """Drop a language's translation checks of the real tree's nodes that the fixture tree lacks."""
    if not checked.exists():
        return
    state = yaml.safe_load(checked.read_text(encoding="utf-8")) or {}
    tool = state.get("decision-tool")
    if isinstance(tool, dict):
        state["decision-tool"] = {key: value for key, value in tool.items() if key == "intro" or key in nodes}
        checked.write_text(yaml.safe_dump(state, allow_unicode=True, sort_keys=False), encoding="utf-8")


# A deep but valid tree, for the tests and the benchmark's scaling figure

def chain(length: int) -> str:
    """A valid tree of `length` questions in a row (handbook/commands/benchmark.py), its outcome
    linking to a section of the fixture project."""
    return chain_tree(length, read="how-to-fire#the-five-steps")


def chain_translation(length: int) -> str:
    lines = [f"q{i}:\n  text: Soru {i}?\n  answers:\n    \"on\": Devam\n    \"out\": Çık" for i in range(length)]
    return "\n".join(lines) + "\nout:\n  title: Çık\n  why: Çünkü.\n  next_steps: [Git.]\n"


def chain_words() -> Words:
    """Interface words for rendering a chain (each word is its own key)."""
    return Words("en", "", {"tool." + key: key for key in (
        "question", "outcome", "why", "next_steps", "read_more", "start", "overview_link", "start_again",
        "print", "note_label", "note_privacy", "copy_note", "decided_by", "continue", "several",
        "choose_one_nojs", "map")})


def fixture_site_project(folder: Path) -> Path:
    """A copy of the project with the fixture tree, for tests of how the tool behaves in the site."""
    project = copy_project(folder / "project")
    use_fixture_tree(project, SITE)
    # The handbook's pages link to answer paths of the real tree, which the fixture tree lacks.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n    anchors: warn\n" in text
    config.write_text(text.replace("\n    anchors: warn\n", "\n    anchors: info\n", 1), encoding="utf-8")
    return project
