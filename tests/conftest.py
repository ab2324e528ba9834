"""Shared fixtures: one strict build of the site per test run."""

from __future__ import annotations

import pytest

from support import ROOT, Build, run_build


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site, built once per test run with --strict exactly as for publishing."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return Build(site, result.stderr + result.stdout)
