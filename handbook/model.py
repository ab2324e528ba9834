"""The handbook as one build sees it, loaded once: pages, interface words, decision trees,
published ids, the phrasebook and translation freshness, for every language.

`Handbook(site)` reads nothing until a part is asked for; each part is read and checked once,
and a mistake is a DataError naming the file and the line (build.py turns it into the one-line
message MkDocs shows). Pages come from `site.source(language, page)` (handbook/content/pages.py reads
each once). Hooks ask the model (`build.handbook(config)`) and render; tests and commands can
load it the same way from `Site.load()`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from handbook.decision_tree.load import load_trees
from handbook.decision_tree.model import Tree
from handbook.freshness.sections import History, Section, State, Status, check_state_files, english_sections, load_state, statuses
from handbook.content.phrasebook import Situations, check as check_phrasebook, load_situations
from handbook.content.published import Published, check_redirects, load_published
from handbook.content.site import Site
from handbook.content.words import Words, load_words


@dataclass(frozen=True)
class Freshness:
    """The English sections, every translation's checked.yml and the English files' history."""

    site: Site
    english: list[Section]
    states: dict[str, State]
    history: History
    _statuses: dict[str, list[Status]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, site: Site) -> Freshness:
        check_state_files(site)
        english = english_sections(site)
        states = {language: load_state(site, language, english) for language in site.languages
                  if language != site.default}
        return cls(site, english, states, History(site.project_dir))

    def statuses(self, language: str) -> list[Status]:
        """The status of every English section in a language, computed once per language."""
        if language not in self._statuses:
            self._statuses[language] = statuses(self.site, language, self.english, self.states[language])
        return self._statuses[language]


class Handbook:
    """Everything a build reads from the project, each part loaded and checked once."""

    def __init__(self, site: Site):
        self.site = site

    @functools.cached_property
    def all_words(self) -> dict[str, dict[str, str]]:
        """translations/<language>/ui.yml of every language, checked against the default one."""
        return load_words(self.site.project_dir, self.site.languages, self.site.default)

    def words(self, language: str) -> Words:
        """One language's interface words (templates see them as `hb`)."""
        return Words(language, self.site.root(language), self.all_words[language])

    @functools.cached_property
    def trees(self) -> dict[str, Tree]:
        """The decision tree in every language, checked."""
        return load_trees(self.site)

    @functools.cached_property
    def published(self) -> Published:
        """data/published-ids.yml, with every redirect checked against the pages."""
        data = load_published(self.site.project_dir)
        check_redirects(data, self.site)
        return data

    @functools.cached_property
    def phrasebook(self) -> Situations:
        """data/phrasebook.yml, checked: every chapter's "what to say" box is in one situation."""
        situations = load_situations(self.site.project_dir)
        check_phrasebook(situations, self.site)
        return situations

    @functools.cached_property
    def freshness(self) -> Freshness:
        """Translation freshness: the English sections and every language's checked.yml, checked."""
        return Freshness.load(self.site)
