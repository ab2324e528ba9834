"""Rewrite data/decision-tree-paths.md, every path through the decision tree: `python -m tools.tree_paths`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from decision_tree.errors import TreeError  # noqa: E402
from decision_tree.paths import paths_markdown  # noqa: E402
from decision_tree.pipeline import load_tree  # noqa: E402
from decision_tree.sections import language_pages, sections_of  # noqa: E402

PATHS_FILE = ROOT / "data" / "decision-tree-paths.md"


def current_paths() -> str:
    """The paths file as the tree in data/decision-tree.yml makes it now."""
    sections = {name: [sid for sid, _ in sections_of(path.read_text(encoding="utf-8"))]
                for name, path in language_pages(ROOT / "docs", "en").items()}
    return paths_markdown(load_tree(ROOT, sections))


def main() -> int:
    try:
        text = current_paths()
    except TreeError as error:
        print(error)
        return 1
    PATHS_FILE.write_text(text, encoding="utf-8")
    print(f"Wrote {PATHS_FILE.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
