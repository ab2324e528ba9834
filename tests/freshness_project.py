"""A copy of the project, under git, in which one English section changed after the translations
were checked: shared by the site and browser tests of translation freshness (built once per run).

The copy starts from a known state whatever the handbook's own state is: every translated section
confirmed against today's English and committed. Then an English writer adds a sentence to one
section, as CONTRIBUTING allows, and commits it."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from handbook.freshness.sections import confirm, tracked_pages
from handbook.content.site import Site
from tests.support import DEFAULT, Build, copy_project

PAGE, SECTION = "listening", "say-back-what-you-understood"
CHANGED = f"{PAGE}#{SECTION}"
# A section whose English is only re-wrapped: white space must not make it outdated.
REWRAPPED = f"{PAGE}#dismiss-no-concern"
# The writer's new sentence, added at the end of the changed section's first paragraph.
NEW = " Say it back only once the customer has finished."


def git(project: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.org",
           "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.org"}
    return subprocess.run(["git", *args], cwd=project, env=env, capture_output=True, text=True, check=True).stdout


def confirm_everything(project: Path) -> None:
    """Record every translated section of every language as checked against today's English."""
    site = Site.load(project)
    for language in site.languages:
        if language != site.default:
            confirm(site, language, tracked_pages(site))


def under_git(project: Path) -> Path:
    """The project under git, every translation confirmed, committed."""
    confirm_everything(project)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "The handbook, every translation checked")
    return project


def first_paragraph_end(text: str, heading: str) -> int:
    """Where the first paragraph after a heading ends."""
    paragraph = text.index("\n\n", text.index(heading)) + 2
    return text.index("\n\n", paragraph)


def rewrap(text: str, heading: str) -> str:
    """Put a section's first paragraph on two lines: a white space change only."""
    paragraph = text.index("\n\n", text.index(heading)) + 2
    space = text.index(" ", paragraph + 20)
    return text[:space] + "\n" + text[space + 1:]


def change_english(project: Path) -> str:
    """Add a sentence to one section's English text (and re-wrap another), committed; the commit's id."""
    source = project / "docs" / DEFAULT / f"{PAGE}.md"
    text = source.read_text(encoding="utf-8")
    end = first_paragraph_end(text, f"{{#{SECTION}}}")
    text = rewrap(text[:end] + NEW + text[end:], "{#dismiss-no-concern}")
    source.write_text(text, encoding="utf-8")
    git(project, "commit", "-q", "-am", "Listening: say back only once the customer has finished")
    return git(project, "rev-parse", "HEAD").strip()


@dataclass(frozen=True)
class Changed:
    project: Path
    site: Path
    commit: str
    output: str


def prepare(folder: Path) -> Path:
    """The project with CHANGED edited in English after the translations were checked (built once
    per run by tests/conftest.py)."""
    project = under_git(copy_project(folder / "project"))
    change_english(project)
    return project


def changed_project(build: Build) -> Changed:
    """What the tests need to know of that project's build."""
    return Changed(build.project, build.site, git(build.project, "rev-parse", "HEAD").strip(), build.output)
