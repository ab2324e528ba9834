"""Check the decision tree and its translations: `python -m tools.check_tree [language ...]`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from decision_tree.errors import TreeError  # noqa: E402
from decision_tree.pipeline import load_trees  # noqa: E402
from decision_tree.sections import language_pages, sections_of  # noqa: E402
from tools.project import DEFAULT, LANGUAGES  # noqa: E402



def main(argv: list[str]) -> int:
    languages = [DEFAULT] + [lang for lang in (argv or LANGUAGES) if lang != DEFAULT]
    sections = {name: [sid for sid, _ in sections_of(path.read_text(encoding="utf-8"))]
                for name, path in language_pages(ROOT / "docs", DEFAULT).items()}
    try:
        trees = load_trees(ROOT, languages, DEFAULT, sections)
    except TreeError as error:
        print(error)
        return 1
    print(f"The decision tree is valid in {len(trees)} languages.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
