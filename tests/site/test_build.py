"""The strict build: clean when all is well, and stopped with a clear message by a dead link or anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import Build, copy_project, run_build


def test_strict_build_has_no_warnings(build: Build) -> None:
    problems = [line for line in build.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert problems == []


@pytest.mark.parametrize("link,message", [
    ("[broken](no-such-page.md)", "'kk/no-such-page.md' is not found among documentation files"),
    ("[broken](listening.md#no-such-section)", "does not contain an anchor '#no-such-section'"),
    ("[broken](#no-such-section-here)", "there is no such anchor on this page"),
])
def test_a_dead_link_or_anchor_stops_the_build_naming_the_file(tmp_path: Path, link: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "kk" / "facts.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{link}\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Doc file 'kk/facts.md'" in output and message in output
    assert "Traceback" not in output
