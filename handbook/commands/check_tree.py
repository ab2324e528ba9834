"""Check the decision tree, its rules, its translations and the pages' links into the tool, and
report every problem in one run: `python -m handbook.commands.check_tree [language ...]`."""

from __future__ import annotations

import re
import sys

from handbook.decision_tree.load import load_tree, read_yaml, translate, translation_file
from handbook.decision_tree.model import Tree
from handbook.decision_tree.paths import opens_a_step
from handbook.decision_tree.validate import check_text, check_translation
from handbook.content.site import Site
from handbook.content.source import DataError

TOOL_LINK = re.compile(r"\]\(decision-tool\.md#([^)\s]+)\)")


def translation_problems(site: Site, tree: Tree, languages: list[str]) -> list[str]:
    """The first problem of each language's translation of the tree."""
    problems = []
    for language in languages:
        try:
            source = read_yaml(site.project_dir, translation_file(language),
                               f"create {translation_file(language)} (copy another language's file and translate its text).")
            check_translation(tree, source)
            check_text(translate(tree, source), source, prefix=())
        except DataError as error:
            problems.append(str(error))
    return problems


def link_problems(site: Site, tree: Tree, languages: list[str]) -> list[str]:
    """Every link in the pages to a step of the tool that the tool cannot open as written."""
    problems = []
    for language in languages:
        folder = site.docs_dir / language
        for page in sorted(folder.glob("*.md")) if folder.is_dir() else ():
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
                for target in TOOL_LINK.findall(line):
                    known = target in tree.nodes or target.removesuffix("--title") in tree.nodes
                    if not known and not opens_a_step(tree, target):
                        problems.append(f"{page.relative_to(site.project_dir)}, line {number}: the link "
                                        f"'decision-tool.md#{target}' names answers the tool does not have. "
                                        "Fix: open the tool at the step you mean and copy its address, or add "
                                        "an 'old_answers' entry to data/decision-tree.yml for answers that were renamed.")
    return problems


def all_problems(site: Site, languages: list[str]) -> list[str]:
    """Everything the strict build would refuse in the tree, its rules, the translations of
    `languages` and the pages' links to the tool; a broken tree stops the check at its problem."""
    try:
        tree = load_tree(site)
    except DataError as error:
        return [str(error)]
    return translation_problems(site, tree, languages) + link_problems(site, tree, [site.default, *languages])


def main(argv: list[str], site: Site | None = None) -> int:
    site = site or Site.load()
    languages = [lang for lang in (argv or site.languages) if lang != site.default]
    problems = all_problems(site, languages)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) > 1 else ''} found.")
        return 1
    print(f"The decision tree, its rules and the pages' links to it are valid in {len(languages) + 1} languages.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
