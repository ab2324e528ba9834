"""Shared fixtures: the site model, the decision tree, and one strict build of the site per run."""

from __future__ import annotations

import pytest

from handbook.decision_tree.load import load_trees
from handbook.decision_tree.model import Tree
from handbook.content.site import Site
from tests.support import SITE, Build, run_build


@pytest.fixture(scope="session")
def site() -> Site:
    return SITE


@pytest.fixture(scope="session")
def trees(site: Site) -> dict[str, Tree]:
    """The real decision tree in every language (a broken tree fails the tests that use it)."""
    return load_trees(site)


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site, built once per test run with --strict exactly as for publishing."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(SITE.project_dir, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return Build(site_dir, result.stderr + result.stdout)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser drives Chromium: `python3 tasks.py test --quick` leaves it out."""
    for item in items:
        if "browser" in item.path.relative_to(item.config.rootpath).parts[:2]:
            item.add_marker(pytest.mark.browser)
