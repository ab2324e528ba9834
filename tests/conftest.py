"""Shared fixtures: the site model, the decision tree, and the builds a test run shares.

Each build of SHARED is made once per run, whichever worker asks first (tests/support.py,
SharedBuild), and started in the background as soon as a worker knows that a selected test
needs it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any
from pathlib import Path

import pytest

from handbook.decision_tree.load import load_trees
from handbook.decision_tree.model import Tree
from handbook.content.site import Site
from tests import fixture_tree, freshness_project
from tests.freshness_project import Changed
from tests.support import SITE, Build, SharedBuild, partly_translated

# {fixture name: the shared build it stands on}
SHARED = {
    # The site, built with --strict exactly as for publishing.
    "build": SharedBuild("site"),
    # The site with its PDFs (HANDBOOK_PDF=1, as `python3 tasks.py pdf` makes it).
    "pdf_build": SharedBuild("site-with-pdf", env={"HANDBOOK_PDF": "1"}),
    # A copy in which an English section changed after the translations were checked.
    "changed": SharedBuild("freshness", freshness_project.prepare),
    # A copy with the small decision tree of tests/fixture_tree.py in place of the real one.
    "fixture_site": SharedBuild("fixture-tree", fixture_tree.fixture_site_project),
    # A copy with a page in English only and a page missing in Kazakh.
    "partly_translated_build": SharedBuild("partly-translated", partly_translated),
}


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's own temporary folder, which every pytest-xdist worker of the run shares."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def shared_builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Start the shared builds the selected tests need, before the first test runs."""
    folder = run_folder(tmp_path_factory)
    needed = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    for name, shared in SHARED.items():
        if name in needed:
            shared.start(folder)
    yield folder
    for shared in SHARED.values():
        shared.finish()


@pytest.fixture(scope="session")
def site() -> Site:
    return SITE


@pytest.fixture(scope="session")
def trees(site: Site) -> dict[str, Tree]:
    """The real decision tree in every language (a broken tree fails the tests that use it)."""
    return load_trees(site)


@pytest.fixture(scope="session")
def build(shared_builds: Path) -> Build:
    """The site, built once per test run with --strict exactly as for publishing."""
    return SHARED["build"].result(shared_builds)


@pytest.fixture(scope="session")
def pdf_build(shared_builds: Path) -> Build:
    """The site built with its PDFs (HANDBOOK_PDF=1, as `python3 tasks.py pdf` does), once per run."""
    return SHARED["pdf_build"].result(shared_builds)


@pytest.fixture(scope="session")
def changed(shared_builds: Path) -> Changed:
    """The project with one English section changed after the translations were checked, built."""
    return freshness_project.changed_project(SHARED["changed"].result(shared_builds))


@pytest.fixture(scope="session")
def fixture_site(shared_builds: Path) -> Build:
    """The site with the small decision tree in place of the real one, in every language."""
    return SHARED["fixture_site"].result(shared_builds)


@pytest.fixture(scope="session")
def partly_translated_build(shared_builds: Path) -> Build:
    """The site with a page in English only and a page missing in Kazakh (tests/support.py)."""
    return SHARED["partly_translated_build"].result(shared_builds)


def pytest_configure(config: pytest.Config) -> None:
    """pytest-xdist's workers pretend to be an 80-column terminal (COLUMNS, LINES); MkDocs would then
    wrap the messages of the builds and servers the tests start, which the tests read whole."""
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


def waits_for(item: pytest.Item) -> int:
    """0: needs no shared build; 1: needs one; 2: needs the PDFs, the longest to make."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return 2 if "pdf_build" in fixtures else 1 if fixtures & set(SHARED) else 0


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser drives Chromium: `python3 tasks.py test --quick` leaves it out.

    With `--dist loadgroup` (tasks.py), a test runs on the same worker as the rest of its file, so
    that its module fixtures are made once; a browser test goes to whichever worker is free, which
    keeps the workers equally busy, unless its file or parameter names a group of its own (a
    module fixture that builds a site). The tests that need no shared build run first, while the shared
    builds are made."""
    for item in items:
        if "browser" in item.path.relative_to(item.config.rootpath).parts[:2]:
            item.add_marker(pytest.mark.browser)
        elif not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(item.path.name))
    items.sort(key=waits_for)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist's
def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    """Stop at once if `--dist loadgroup` has lost the groups, as it silently does with some
    pytest releases (pytest-dev/pytest-xdist#1386): every test outside tests/browser has a
    group (above), and without it the run takes minutes longer."""
    lost = [nodeid for nodeid in ids if not nodeid.startswith("tests/browser/") and "@" not in nodeid]
    if lost and node.config.getvalue("dist") == "loadgroup":
        pytest.exit(f"pytest-xdist did not group {len(lost)} tests by their xdist_group mark (first: {lost[0]}). "
                    "Install the locked versions again: python3 tasks.py test", returncode=4)
