"""Data file -> load -> validate: the tree in every language, or one clear TreeError."""

from __future__ import annotations

from pathlib import Path

from .load import build_tree, translate
from .model import Tree
from .validate import check_graph, check_links, check_schema, check_text
from .yaml_source import read_yaml

DATA = "data/decision-tree.yml"
SCHEMA = "data/decision-tree.schema.json"


def translation_file(language: str) -> str:
    return f"translations/{language}/decision-tree.yml"


def load_tree(root: Path, sections: dict[str, list[str]]) -> Tree:
    """The checked tree with its English text."""
    source = read_yaml(root / DATA, DATA)
    check_schema(source, root / SCHEMA)
    tree = build_tree(source)
    check_graph(tree, source)
    check_text(tree, source)
    check_links(tree, source, sections)
    return tree


def load_trees(root: Path, languages: list[str], default: str,
               sections: dict[str, list[str]]) -> dict[str, Tree]:
    """The checked tree in every language, the default language's from the data file itself."""
    tree = load_tree(root, sections)
    trees = {default: tree}
    for language in languages:
        if language != default:
            source = read_yaml(root / translation_file(language), translation_file(language))
            translated = translate(tree, source)
            check_text(translated, source, prefix=())
            trees[language] = translated
    return trees
