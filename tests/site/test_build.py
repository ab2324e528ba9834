"""The strict build: clean when all is well, and stopped with a clear message by a dead link or anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import Build, copy_project, run_build


def test_strict_build_has_no_warnings(build: Build) -> None:
    problems = [line for line in build.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert problems == []


DEAD = {
    "[broken](no-such-page.md)": "'kk/no-such-page.md' is not found among documentation files",
    "[broken](listening.md#no-such-section)": "does not contain an anchor '#no-such-section'",
    "[broken](#no-such-section-here)": "there is no such anchor on this page",
}


def test_a_dead_link_or_anchor_stops_the_build_naming_the_file(tmp_path: Path) -> None:
    # The three kinds in one build: the strict build reports every warning, then stops.
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "kk" / "facts.md"
    page.write_text(page.read_text(encoding="utf-8") + "".join(f"\n\n{link}\n" for link in DEAD), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    for message in DEAD.values():
        assert any("Doc file 'kk/facts.md'" in line and message in line for line in warnings), (message, warnings)
    assert "Traceback" not in output


@pytest.mark.parametrize("file,old,new,message", [
    ("translations/pt/ui.yml", "\ntool:\n", "\ntool:\n  strat: Começar\n",
     "translations/pt/ui.yml, line {line}: 'tool.strat' is not a key of translations/en/ui.yml. Fix: remove it"),
    ("data/published-ids.yml", "\nredirects:\n", "\nredirects:\n  listening#gone: listening#nowhere\n",
     "data/published-ids.yml, line {line}: the redirect listening#gone -> listening#nowhere leads to a section "
     "that does not exist. Fix: point it at an existing page#section-id"),
    ("translations/kk/decision-tree.yml", "\n  text: ", "\n  txet: ",
     "translations/kk/decision-tree.yml, line {line}, node "),
])
def test_a_mistake_in_a_data_file_stops_the_build_naming_file_line_and_fix(
        tmp_path: Path, file: str, old: str, new: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    line = text[:text.index(new) + len(old)].count("\n") + 1  # the line of the first changed key
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message.format(line=line) in output, output[-2000:]
    assert "Traceback" not in output
