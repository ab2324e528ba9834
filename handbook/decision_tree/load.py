"""Read the tree and its translations, have `validate` judge each step, and build the Trees."""

from __future__ import annotations

from ..site import Site
from ..source import YamlSource, read_yaml
from .model import Answer, Node, Outcome, Question, Tree
from .validate import check_graph, check_links, check_schema, check_text, check_translation

TREE_FILE = "data/decision-tree.yml"
SCHEMA_FILE = "data/decision-tree.schema.json"


def translation_file(language: str) -> str:
    return f"translations/{language}/decision-tree.yml"


def build_tree(source: YamlSource) -> Tree:
    """The tree of a file that has passed the schema check."""
    nodes: dict[str, Node] = {}
    for node_id, raw in source.data["nodes"].items():
        if raw["type"] == "question":
            answers = tuple(Answer(a["id"], a["label"], a["next"]) for a in raw["answers"])
            nodes[node_id] = Question(node_id, raw["text"], raw.get("help"), answers)
        else:
            nodes[node_id] = Outcome(node_id, raw["title"], raw["why"],
                                     tuple(raw["next_steps"]), tuple(raw["read"]))
    return Tree(source.data["start"], nodes)


def translate(tree: Tree, source: YamlSource) -> Tree:
    """The tree with the text of a translation file that has passed `check_translation`;
    the structure (ids, `next`, `read`) stays the tree's own."""
    nodes: dict[str, Node] = {}
    for node_id, node in tree.nodes.items():
        raw = source.data[node_id]
        if isinstance(node, Question):
            labels = raw["answers"]
            nodes[node_id] = Question(node_id, raw["text"], raw.get("help"),
                                      tuple(Answer(a.id, labels[a.id], a.next) for a in node.answers))
        else:
            nodes[node_id] = Outcome(node_id, raw["title"], raw["why"], tuple(raw["next_steps"]), node.read)
    return Tree(tree.start, nodes)


def load_tree(site: Site) -> Tree:
    """The checked tree with its English text; its links are checked against the default
    language's pages."""
    source = read_yaml(site.project_dir, TREE_FILE, "restore it from the repository's history.")
    check_schema(source, site.project_dir / SCHEMA_FILE)
    tree = build_tree(source)
    check_graph(tree, source)
    check_text(tree, source)
    check_links(tree, source, site.section_ids_by_page(site.default))
    return tree


def load_trees(site: Site) -> dict[str, Tree]:
    """The checked tree in every language of the site, or the first DataError."""
    tree = load_tree(site)
    trees = {site.default: tree}
    for language in site.languages:
        if language != site.default:
            source = read_yaml(site.project_dir, translation_file(language),
                               f"create {translation_file(language)} (copy another language's file and translate its text).")
            check_translation(tree, source)
            translated = translate(tree, source)
            check_text(translated, source, prefix=())
            trees[language] = translated
    return trees
