"""Which translated sections still say what the English says: translation freshness, per section.

Every section of the English text has a fingerprint: a short hash of its Markdown with runs of
white space counted as one space, so re-wrapping a paragraph changes nothing. A section is the
intro of a page (everything before its first `##`/`###` heading, front matter included; named
`intro`), each `##`/`###` section by its id (up to the next such heading; handbook/content/pages.py
reads the pages), and each node of the decision tree (`decision-tool#<node>`: its question,
help and answers, or its recommendation).

`translations/<language>/checked.yml` records, per page and section, the fingerprint of the
English that section's translation was last checked against. Comparing it with the English of
today gives every section of a language one `Status`:

- `up-to-date`: checked against the English as it is now;
- `outdated`: the English changed since (the site shows a notice at that section);
- `unconfirmed`: translated, but never confirmed against the English;
- `missing`: not translated (the page or the section does not exist in the language).

`python3 tasks.py translations` (handbook/commands/translations.py) shows the status and records checks;
hooks/translation_freshness.py puts the notices and the status pages into the site. When the
English changed is read from git (`History`); a copy without git history says "unknown".
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from handbook.content.pages import INTRO, section_texts
from handbook.content.published import load_published
from handbook.content.site import Site
from handbook.content.source import DataError, parse_yaml, read_yaml

TREE_PAGE = "decision-tool"
TREE_FILE = "data/decision-tree.yml"
STATUS_PAGE = "translation-status"  # the generated status page: its own text is not tracked
STATES = ("up-to-date", "outdated", "unconfirmed", "missing")

_FINGERPRINT = re.compile(r"^[0-9a-f]{12}$")


def fingerprint(text: str) -> str:
    """The fingerprint of a section's text; white space changes do not change it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def page_sections(markdown: str) -> dict[str, str]:
    """The text of each section of a page's Markdown, by id (handbook/content/pages.py decides what a
    section is): `intro` first, then every `##`/`###` section with an explicit id."""
    return section_texts(markdown)


_TREE_TEXT = ("type", "text", "help", "title", "why", "next_steps")


def tree_nodes(text: str, file: str = TREE_FILE) -> dict[str, dict]:
    """The nodes of a decision tree file: under `nodes:` in the English file, at the top of a
    translation. Read by the safe reader: a file it cannot read is a DataError."""
    data = parse_yaml(text, file).data or {}
    nodes = data.get("nodes", data) if isinstance(data, dict) else None
    return {str(node): body for node, body in nodes.items() if isinstance(body, dict)} \
        if isinstance(nodes, dict) else {}


def tree_sections(text: str, file: str = TREE_FILE) -> dict[str, str]:
    """The words of each node of the English tree, by node id: what a translator translates
    (question, help, answer labels; recommendation, why, next steps), not where answers lead."""
    sections = {}
    for node, body in tree_nodes(text, file).items():
        words = {key: body[key] for key in _TREE_TEXT if key in body}
        words["answers"] = [answer.get("label") for answer in body.get("answers") or []
                            if isinstance(answer, dict)]
        sections[node] = json.dumps(words, ensure_ascii=False, sort_keys=True)
    return sections


def node_titles(text: str, file: str = TREE_FILE) -> dict[str, str]:
    """Each node's question or recommendation, as its title on the status page."""
    return {node: str(body.get("text") or body.get("title") or node)
            for node, body in tree_nodes(text, file).items()}


@dataclass(frozen=True)
class Section:
    """One section of the English text: where it is, its title and its fingerprint."""

    page: str
    id: str
    title: str
    fingerprint: str
    file: str  # the English file it comes from, relative to the project: "docs/en/facts.md"

    @property
    def key(self) -> str:
        return f"{self.page}#{self.id}"


def tracked_pages(site: Site) -> list[str]:
    return [page for page in site.pages() if page != STATUS_PAGE]


def _markdown_file(site: Site, language: str, page: str) -> str:
    return (site.docs_dir / language / f"{page}.md").relative_to(site.project_dir).as_posix()


def english_sections(site: Site) -> list[Section]:
    """Every section of the English text, in page order, the tree's nodes after the tool's page."""
    sections: list[Section] = []
    for page in tracked_pages(site):
        file = _markdown_file(site, site.default, page)
        source = site.source(site.default, page)
        titles = source.titles()
        for section, text in source.texts.items():
            sections.append(Section(page, section, titles.get(section, section), fingerprint(text), file))
        if page == TREE_PAGE and (site.project_dir / TREE_FILE).exists():
            tree = (site.project_dir / TREE_FILE).read_text(encoding="utf-8")
            titles = node_titles(tree)
            for node, text in tree_sections(tree).items():
                sections.append(Section(page, node, titles[node], fingerprint(text), TREE_FILE))
    return sections


def translated_sections(site: Site, language: str) -> dict[tuple[str, str], str]:
    """The sections that exist in a language, with their title in it: {(page, id): title}."""
    found: dict[tuple[str, str], str] = {}
    for page in tracked_pages(site):
        if not site.is_translated(language, page):
            continue
        source = site.source(language, page)
        titles = source.titles()
        for section in source.texts:
            found[(page, section)] = titles.get(section, section)
        tree = f"translations/{language}/decision-tree.yml"
        if page == TREE_PAGE and (site.project_dir / tree).exists():
            for node, title in node_titles((site.project_dir / tree).read_text(encoding="utf-8"), tree).items():
                found[(page, node)] = title
    return found


# The state files


def state_file(language: str) -> str:
    return f"translations/{language}/checked.yml"


State = dict[tuple[str, str], str]  # (page, section) -> fingerprint of the English last checked


def load_state(site: Site, language: str, english: list[Section] | None = None,
               removed: list[str] | None = None) -> State:
    """A language's checked.yml; a page or section that does not exist is a DataError.

    Given a `removed` list, such records are added to it ("page#section") instead.
    """
    file = state_file(language)
    if not (site.project_dir / file).exists():
        return {}
    source = read_yaml(site.project_dir, file, "")
    data = source.data or {}
    sections = {(s.page, s.id) for s in (english if english is not None else english_sections(site))}
    pages = {page for page, _ in sections}
    if not isinstance(data, dict):
        raise DataError(file, source.line(), "the file must map each page to its sections.",
                        "write `page:` lines with `section-id: fingerprint` lines indented under them, "
                        "or let `python3 tasks.py translations --confirm` write it.")
    moved = _redirects(site)
    state: State = {}
    for page, checked in data.items():
        if page not in pages and removed is not None:
            removed.extend(f"{page}#{section}" for section in (checked if isinstance(checked, dict) else {}))
            continue
        if page not in pages:
            raise DataError(file, source.line(page), f"the page '{page}' does not exist in docs/{site.default}/.",
                            "correct the page name (the file name without .md); if the page was removed, "
                            f"run `python3 tasks.py translations {language} --forget-removed`.")
        if not isinstance(checked, dict):
            raise DataError(file, source.line(page), f"'{page}' must list its sections, one per line.",
                            "indent `section-id: fingerprint` lines under the page.")
        for section, value in checked.items():
            target = moved.get(f"{page}#{section}", "").partition("#")
            if (page, str(section)) not in sections and (target[0], target[2]) in sections:
                # The section's id moved (data/published-ids.yml): the record follows it.
                if (target[0], target[2]) not in state:
                    state[(target[0], target[2])] = value if isinstance(value, str) else ""
                continue
            if (page, str(section)) not in sections and removed is not None:
                removed.append(f"{page}#{section}")
                continue
            if (page, str(section)) not in sections:
                raise DataError(file, source.line(page, section),
                                f"the page '{page}' has no section '{section}' in {site.default}.",
                                f"use an id of a heading of docs/{site.default}/{page}.md ('{INTRO}' for the "
                                "text before the first heading); if the section or tree node was removed, "
                                f"run `python3 tasks.py translations {language} --forget-removed`.")
            if not isinstance(value, str) or not _FINGERPRINT.match(value):
                raise DataError(file, source.line(page, section),
                                f"'{value}' is not a fingerprint (twelve characters 0-9 and a-f).",
                                f"record the check with `python3 tasks.py translations {language} "
                                f"--confirm {page}#{section}` instead of editing the value.")
            state[(page, str(section))] = value
    return state


def forget_removed(site: Site, language: str) -> list[str]:
    """Drop the records of pages and sections that no longer exist in English; what was dropped."""
    english = english_sections(site)
    removed: list[str] = []
    state = load_state(site, language, english, removed)
    if removed:
        write_state(site, language, state, english)
    return removed


def _redirects(site: Site) -> dict[str, str]:
    """Moved section ids, "page#old" -> "page#new" (data/published-ids.yml; a mistake in it is its DataError)."""
    redirects = load_published(site.project_dir).redirects
    resolved = {}
    for old, new in redirects.items():
        for _ in range(10):  # a chain of moves ends where the section is now
            new = redirects.get(new, new)
        resolved[old] = new
    return resolved


def check_state_files(site: Site) -> None:
    """A checked.yml may only exist for a language of the site other than the default one."""
    for path in sorted((site.project_dir / "translations").glob("*/checked.yml")):
        language = path.parent.name
        if language not in site.languages or language == site.default:
            what = ("is the original: its sections are what the others are checked against"
                    if language == site.default else "is not a language of the site (mkdocs.yml)")
            raise DataError(state_file(language), 1, f"'{language}' {what}.",
                            "move the file to the folder of a translated language, or remove it.")


def write_state(site: Site, language: str, state: State, english: list[Section]) -> None:
    """Write a language's checked.yml: pages and sections in the order of the English."""
    name = language
    lines = [f"# The English text each section of the '{name}' pages was last checked against:",
             "# page, section id and the English section's fingerprint. Do not edit by hand; record a",
             f"# check with `python3 tasks.py translations {language} --confirm PAGE#SECTION` (see CONTRIBUTING.md)."]
    page = None
    for section in english:
        value = state.get((section.page, section.id))
        if value is None:
            continue
        if section.page != page:
            page = section.page
            lines.append(f"{page}:")
        lines.append(f'  {section.id}: "{value}"')
    (site.project_dir / state_file(language)).write_text("\n".join(lines) + "\n", encoding="utf-8")


# Status


@dataclass(frozen=True)
class Status:
    section: Section
    state: str  # one of STATES
    title: str  # the section's title in the language (the English one when missing)


def statuses(site: Site, language: str, english: list[Section] | None = None,
             state: State | None = None) -> list[Status]:
    """The status of every English section in a language, in the order of the English."""
    english = english if english is not None else english_sections(site)
    state = state if state is not None else load_state(site, language, english)
    present = translated_sections(site, language)
    result = []
    for section in english:
        key = (section.page, section.id)
        if key not in present:
            result.append(Status(section, "missing", section.title))
        elif key not in state:
            result.append(Status(section, "unconfirmed", present[key]))
        else:
            result.append(Status(section, "up-to-date" if state[key] == section.fingerprint else "outdated",
                                 present[key]))
    return result


def resolve(english: list[Section], target: str) -> list[Section]:
    """The sections `PAGE#SECTION` or `PAGE` (all its sections) names; ValueError if none."""
    page, _, section = target.partition("#")
    found = [s for s in english if s.page == page and (not section or s.id == section)]
    if not found:
        raise ValueError(f"'{target}' is not a page or page#section of the English text.")
    return found


def confirm(site: Site, language: str, targets: list[str]) -> list[Section]:
    """Record that the named sections of a language were checked against today's English."""
    english = english_sections(site)
    state = load_state(site, language, english)
    present = translated_sections(site, language)
    confirmed = []
    for target in targets:
        for section in resolve(english, target):
            if (section.page, section.id) not in present:
                if "#" in target:
                    raise ValueError(f"'{section.key}' is not translated into '{language}' yet: "
                                     "write the section first, then confirm it.")
                continue
            state[(section.page, section.id)] = section.fingerprint
            confirmed.append(section)
    write_state(site, language, state, english)
    return confirmed


def refresh(site: Site, targets: list[str], before: dict[str, str]) -> dict[str, list[Section]]:
    """After an English change that needs no new translation (white space, a typo): every language
    whose record of a named section matched the English before the change (`before`:
    {"page#section": fingerprint}) is moved on to the English after it. Languages that were
    already behind stay behind. Returns the sections moved on, per language."""
    english = english_sections(site)
    sections = [s for target in targets for s in resolve(english, target)]
    moved: dict[str, list[Section]] = {}
    for language in site.languages:
        if language == site.default:
            continue
        state = load_state(site, language, english)
        for section in sections:
            key = (section.page, section.id)
            if key in state and state[key] == before.get(section.key) and state[key] != section.fingerprint:
                state[key] = section.fingerprint
                moved.setdefault(language, []).append(section)
        if language in moved:
            write_state(site, language, state, english)
    return moved


# When the English changed: from git


@dataclass(frozen=True)
class Change:
    """The commit that gave an English section its current text (None: not known)."""

    commit: str | None
    date: datetime.date | None


UNKNOWN = Change(None, None)


class History:
    """The git history of the English files, read only when a section is outdated."""

    def __init__(self, project_dir: Path):
        self.project_dir = project_dir
        self._log: dict[str, list[tuple[str, datetime.date]]] = {}
        self._sections: dict[tuple[str, str], dict[str, str]] = {}
        top = self._git("rev-parse", "--show-toplevel")
        self.root = Path(top.strip()) if top else None

    def _git(self, *args: str) -> str | None:
        try:
            result = subprocess.run(["git", *args], cwd=self.project_dir, capture_output=True,
                                    text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        return result.stdout if result.returncode == 0 else None

    def _path(self, file: str) -> str | None:
        if self.root is None:
            return None
        try:
            return (self.project_dir / file).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def commits(self, file: str) -> list[tuple[str, datetime.date]]:
        """The commits that changed a file, newest first."""
        if file not in self._log:
            path = self._path(file)
            out = self._git("log", "--format=%H %cs", "--", path) if path else None
            self._log[file] = [(line.split()[0], datetime.date.fromisoformat(line.split()[1]))
                               for line in (out or "").splitlines() if line.strip()]
        return self._log[file]

    def sections_at(self, commit: str, file: str) -> dict[str, str]:
        """The fingerprint of every section of a file as it was in a commit."""
        if (commit, file) not in self._sections:
            text = self._git("show", f"{commit}:{self._path(file)}") or ""
            self._sections[(commit, file)] = {key: fingerprint(value) for key, value in _parts(text, file).items()}
        return self._sections[(commit, file)]

    def change(self, section: Section) -> Change:
        """The oldest commit of the latest run of commits in which the section reads as it does now."""
        found = UNKNOWN
        for commit, date in self.commits(section.file):
            if self.sections_at(commit, section.file).get(section.id) != section.fingerprint:
                break
            found = Change(commit, date)
        return found

    def fingerprint_at(self, revision: str, section: Section) -> str | None:
        """The fingerprint a section had in a revision (HEAD: before the change not yet committed)."""
        path = self._path(section.file)
        text = self._git("show", f"{revision}:{path}") if path else None
        if text is None:
            return None
        parts = _parts(text, section.file)
        return fingerprint(parts[section.id]) if section.id in parts else None


def _parts(text: str, file: str) -> dict[str, str]:
    """The sections of a file as an earlier commit had it. A tree file that version could not be
    read in had none of today's sections; today's file is checked by the build itself."""
    if file != TREE_FILE:
        return page_sections(text)
    try:
        return tree_sections(text, file)
    except DataError:
        return {}
