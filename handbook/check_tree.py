"""Check the decision tree and its translations: `python -m handbook.check_tree [language ...]`."""

from __future__ import annotations

import dataclasses
import sys

from .decision_tree.load import load_trees
from .site import Site
from .source import DataError


def main(argv: list[str]) -> int:
    site = Site.load()
    if argv:
        site = dataclasses.replace(site, languages=(site.default, *[lang for lang in argv if lang != site.default]))
    try:
        trees = load_trees(site)
    except DataError as error:
        print(error)
        return 1
    print(f"The decision tree is valid in {len(trees)} languages.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
