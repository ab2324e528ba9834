"""Rewrite data/decision-tree-paths.md, every path through the decision tree: `python -m handbook.commands.tree_paths`."""

from __future__ import annotations

from handbook.decision_tree.load import load_tree
from handbook.decision_tree.paths import all_paths, fragment, paths_markdown
from handbook.decision_tree.rules import deciding
from handbook.content.site import Site
from handbook.content.source import DataError

PATHS_FILE = "data/decision-tree-paths.md"


def current_paths(site: Site) -> str:
    """The paths file as the tree in data/decision-tree.yml makes it now, each path with the
    rule of data/decision-rules.yml that decides it."""
    tree = load_tree(site)
    rules = {}
    for steps, _ in all_paths(tree):
        rule = deciding(tree.rules, {question.id: given for question, given in steps})
        if rule:
            rules[fragment(steps)] = f"{rule.id}, {rule.source}"
    return paths_markdown(tree, rules)


def main() -> int:
    site = Site.load()
    try:
        text = current_paths(site)
    except DataError as error:
        print(error)
        return 1
    (site.project_dir / PATHS_FILE).write_text(text, encoding="utf-8")
    print(f"Wrote {PATHS_FILE}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
