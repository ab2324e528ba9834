"""Read the tree and its translations, have `validate` judge each step, and build the Trees."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

from markdown.extensions.toc import slugify

from handbook.content.site import Site
from handbook.content.source import DataError, YamlSource, read_yaml as read_any_yaml
from handbook.decision_tree.model import Answer, Node, OldAnswers, Outcome, Question, Tree
from handbook.decision_tree.rules import RULES_FILE, build_rules, check_rules
from handbook.decision_tree.validate import check_characters, check_graph, check_links, check_page_ids, check_schema, check_text, check_translation

TREE_FILE = "data/decision-tree.yml"
SCHEMA_FILE = "data/decision-tree.schema.json"
TOOL_PAGE = "decision-tool"
_TEMPLATE_ID = re.compile(r"""\bid=["']([A-Za-z0-9_-]+)["']""")


def tree_version(site: Site) -> str:
    """The version of the tree data a reader's record names: the first 8 hexadecimal digits of
    the SHA-256 of data/decision-tree.yml, the same in every language and on every machine."""
    return hashlib.sha256((site.project_dir / TREE_FILE).read_bytes()).hexdigest()[:8]


def theme_template_dirs(site: Site) -> list[Path]:
    """The theme's templates: the handbook's overrides and Material's own."""
    import material

    return [site.project_dir / "overrides", Path(material.__file__).parent / "templates"]


def taken_ids(site: Site) -> dict[str, str]:
    """Every id the tool's page has besides the tree's: the ids written in the theme's templates
    and the headings of the page in every language, as {id: where it comes from}."""
    taken: dict[str, str] = {}
    for folder in theme_template_dirs(site):
        for template in sorted(folder.rglob("*.html")) if folder.is_dir() else ():
            for element_id in _TEMPLATE_ID.findall(template.read_text(encoding="utf-8")):
                taken.setdefault(element_id, f"the theme's template {template.name}")
    for language in site.languages:
        if not (site.docs_dir / site.default / f"{TOOL_PAGE}.md").exists():
            break
        source = site.source(language, TOOL_PAGE)
        where = f"a heading of {site.source_of(language, TOOL_PAGE).relative_to(site.project_dir)}"
        if source.title:
            taken.setdefault(slugify(source.title, "-"), where)
        for section in source.sections:
            taken.setdefault(section.id or slugify(section.title, "-"), where)
    taken.pop("", None)  # a heading without Latin letters gets no id of its own
    return taken


def read_yaml(root: Path, file: str, missing_fix: str, *, text_only: bool = True) -> YamlSource:
    """A file of the tree (tree, rules, translation), refused with the character named if it
    holds an invisible or direction-changing character or a line break other than LF; `text_only`
    as in handbook/content/source.py (the tree's own text check, check_text, says more about markup)."""
    path = root / file
    if path.exists():
        try:
            check_characters(file, path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            pass  # read_any_yaml says where the file stops being UTF-8
    return read_any_yaml(root, file, missing_fix, text_only=text_only)


def translation_file(language: str) -> str:
    return f"translations/{language}/decision-tree.yml"


def build_tree(source: YamlSource) -> Tree:
    """The tree of a file that has passed the schema check."""
    nodes: dict[str, Node] = {}
    for node_id, raw in source.data["nodes"].items():
        if raw["type"] == "outcome":
            nodes[node_id] = Outcome(node_id, raw["title"], raw["why"],
                                     tuple(raw["next_steps"]), tuple(raw["read"]))
        else:
            answers = tuple(Answer(a["id"], a["label"], a["next"], bool(a.get("alone", False)))
                            for a in raw["answers"])
            nodes[node_id] = Question(node_id, raw["text"], raw.get("help"), answers, raw["type"],
                                      raw.get("several"))
    old = tuple(OldAnswers(tuple(_pair(p) for p in raw["when"]), tuple(_pair(p) for p in raw["means"]))
                for raw in source.data.get("old_answers", ()))
    return Tree(source.data["start"], nodes, old)


def _pair(text: str) -> tuple[str, str]:
    question, _, answer = text.partition("=")
    return question, answer


def translate(tree: Tree, source: YamlSource) -> Tree:
    """The tree with the text of a translation file that has passed `check_translation`;
    the structure (ids, `next`, `read`) stays the tree's own."""
    nodes: dict[str, Node] = {}
    for node_id, node in tree.nodes.items():
        raw = source.data[node_id]
        if isinstance(node, Question):
            labels = raw["answers"]
            nodes[node_id] = dataclasses.replace(
                node, text=raw["text"], help=raw.get("help"),
                answers=tuple(dataclasses.replace(a, label=labels[a.id]) for a in node.answers))
        else:
            nodes[node_id] = Outcome(node_id, raw["title"], raw["why"], tuple(raw["next_steps"]), node.read)
    return dataclasses.replace(tree, nodes=nodes)


def load_tree(site: Site) -> Tree:
    """The checked tree with its English text; its links are checked against the default
    language's pages."""
    source = read_yaml(site.project_dir, TREE_FILE, "restore it from the repository's history.",
                       text_only=False)
    if source.data is None:
        raise DataError(TREE_FILE, 1, "the file is empty.",
                        "restore it from the repository's history, or start it with 'start:' and 'nodes:' "
                        "as CONTRIBUTING.md describes.")
    check_schema(source, site.project_dir / SCHEMA_FILE)
    tree = build_tree(source)
    check_graph(tree, source)
    check_text(tree, source)
    sections = site.section_ids_by_page(site.default)
    check_links(tree, source, sections)
    check_page_ids(tree, source, taken_ids(site))
    if (site.project_dir / RULES_FILE).exists():
        rules_source = read_yaml(site.project_dir, RULES_FILE, "")
        tree = dataclasses.replace(tree, rules=build_rules(rules_source, tree, sections))
        check_rules(tree, tree.rules, rules_source)
    return tree


def is_translated(site: Site, language: str) -> bool:
    """Whether a language shows the tree in its own words. A language added part by part shows the
    default language's tree, like the rest of the untranslated tool page, until both the page and
    translations/<language>/decision-tree.yml are there; a translated page needs the file."""
    return language == site.default or site.is_translated(language, TOOL_PAGE) \
        or (site.project_dir / translation_file(language)).exists()


def load_trees(site: Site) -> dict[str, Tree]:
    """The checked tree in every language of the site, or the first DataError; a language without
    a translation file gets the default language's tree (`is_translated`)."""
    tree = load_tree(site)
    trees = {site.default: tree}
    for language in site.languages:
        if language != site.default and not is_translated(site, language):
            trees[language] = tree
        elif language != site.default:
            source = read_yaml(site.project_dir, translation_file(language),
                               f"create {translation_file(language)} (copy another language's file and translate its text).",
                               text_only=False)
            check_translation(tree, source)
            translated = translate(tree, source)
            check_text(translated, source, prefix=())
            trees[language] = translated
    return trees
