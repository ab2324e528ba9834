"""Start a new language: `python3 tasks.py new-language CODE [--name NAME]`.

Adds the language to mkdocs.yml (its entry under the i18n plugin, with the texts to translate),
writes translations/CODE/language.yml (the language pack, to check) and translations/CODE/ui.yml
(the interface words, in English until translated), and gives the language's team its folders
in .github/CODEOWNERS. Nothing else changes: until a page is translated into docs/CODE/, the
site shows the English page there, marked as English, and the same for the decision tool until
translations/CODE/decision-tree.yml exists. CONTRIBUTING.md ("Add a language") has the steps after.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from mkdocs.config import load_config

from handbook.content.languages import pack_file
from handbook.content.site import Site, find_project
from handbook.content.words import ui_file

_CODE = re.compile(r"^[a-z]{2,3}$")


def language_entry(code: str, name: str, project_dir: Path) -> list[str]:
    """The language's lines for mkdocs.yml, with the English texts a translator replaces."""
    config = load_config(str(project_dir / "mkdocs.yml"))
    languages = config.plugins["i18n"].config.languages
    default = next(language for language in languages if language.default)
    light, dark = config.theme["palette"][0]["toggle"]["name"], config.theme["palette"][1]["toggle"]["name"]
    lines = [f"- locale: {code}",
             f"  name: {name}",
             "  build: true",
             "  # Translate these texts; until then they are the English ones.",
             f"  site_name: {config.site_name}",
             f"  copyright: {config.copyright}",
             "  theme:",
             "    palette:",
             f"      - {{<<: *light, toggle: {{icon: material/brightness-7, name: {light}}}}}",
             f"      - {{<<: *dark, toggle: {{icon: material/brightness-4, name: {dark}}}}}",
             f"  site_description: {config.site_description}",
             "  admonition_translations:"]
    lines += [f"    {kind}: {title}" for kind, title in (default.admonition_translations or {}).items()]
    return lines


def add_to_mkdocs_yml(text: str, entry: list[str]) -> str:
    """mkdocs.yml with `entry` appended to the i18n plugin's `languages:` list, comments kept."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "languages:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    item = lines[start + 1]
    prefix = " " * (len(item) - len(item.lstrip()))
    return "\n".join([*lines[:end], *(prefix + line for line in entry), *lines[end:]]) + "\n"


SEARCH_RULES = "# Search:"
NO_SEARCH_RULES = ("# Search: without `search` rules, words match as typed, without accents. For better search,\n"
                   "# add them as in translations/en/language.yml: the language's stemmer, letters and stop words.\n")


def language_pack(code: str, project_dir: Path, default: str) -> str:
    """The default language's pack, made this language's: the values to check are marked."""
    text = (project_dir / pack_file(default)).read_text(encoding="utf-8")
    if SEARCH_RULES in text:  # the default language's stemmer and stop words are not this language's
        text = text[:text.index(SEARCH_RULES)] + NO_SEARCH_RULES
    guesses = {"locale": f"{code}_{code.upper()}", "dictionary": f"{code}_{code.upper()}",
               "packages": f"[hunspell-{code}]", "team": f'"@{_team_owner(text)}/translators-{code}"'}
    out = []
    for line in text.replace(f"docs/{default}/", f"docs/{code}/").replace(f"translations/{default}/", f"translations/{code}/").splitlines():
        key = line.split(":", 1)[0]
        if key in guesses:
            line = f"{key}: {guesses[key]}  # check"
        out.append(line)
    out.insert(2, f"# Started from translations/{default}/language.yml: check every value for this language.")
    return "\n".join(out) + "\n"


def _team_owner(pack: str) -> str:
    found = re.search(r'team: "@([^/"]+)/', pack)
    return found.group(1) if found else "maintainers"


def scaffold(project_dir: Path, code: str, name: str) -> list[Path]:
    """Add the language; returns the files written. ValueError when it cannot be added."""
    if not _CODE.match(code):
        raise ValueError(f"'{code}' is not a language code: use the two (or three) lower-case letters of ISO 639.")
    site = Site.load(project_dir)
    if code in site.languages:
        raise ValueError(f"'{code}' is already a language of the handbook (mkdocs.yml).")
    if (project_dir / "translations" / code).exists():
        raise ValueError(f"translations/{code}/ exists already: remove it or finish that language by hand.")
    written = []
    mkdocs_yml = project_dir / "mkdocs.yml"
    mkdocs_yml.write_text(add_to_mkdocs_yml(mkdocs_yml.read_text(encoding="utf-8"),
                                            language_entry(code, name, project_dir)), encoding="utf-8")
    written.append(mkdocs_yml)
    folder = project_dir / "translations" / code
    folder.mkdir(parents=True)
    pack = project_dir / pack_file(code)
    pack.write_text(language_pack(code, project_dir, site.default), encoding="utf-8")
    ui = project_dir / ui_file(code)
    ui.write_text(f"# The interface words in {name}: translate every text (they are English until then);\n"
                  f"# keep the keys and the {{placeholders}} as they are.\n"
                  + (project_dir / ui_file(site.default)).read_text(encoding="utf-8"), encoding="utf-8")
    written += [pack, ui]
    owners = project_dir / ".github" / "CODEOWNERS"
    if owners.exists():
        team = re.search(r'^team: "?([^"\s]+)', pack.read_text(encoding="utf-8"), re.M).group(1)
        text = owners.read_text(encoding="utf-8").rstrip("\n")
        owners.write_text(f"{text}\n{f'/docs/{code}/':18} {team}\n{f'/translations/{code}/':18} {team}\n",
                          encoding="utf-8")
        written.append(owners)
    (project_dir / "docs" / code).mkdir(exist_ok=True)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 tasks.py new-language", description=__doc__.splitlines()[0])
    parser.add_argument("code", help="the language's ISO 639 code, e.g. de")
    parser.add_argument("--name", help="the language's own name, as the language switcher shows it (e.g. Deutsch)")
    options = parser.parse_args(argv)
    project_dir = find_project()
    try:
        written = scaffold(project_dir, options.code, options.name or options.code)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(project_dir)}")
    print(f"Next: check translations/{options.code}/language.yml, translate translations/{options.code}/ui.yml "
          f"and the texts of the new entry in mkdocs.yml, then translate pages into docs/{options.code}/ "
          "(see CONTRIBUTING.md, \"Add a language\").")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
