"""Contributor text is text, end to end: a language whose every interface word is a probe builds
into pages where no probe became an element or an attribute; markup in a translation, a hostile
page, hostile front matter, a script file or a symbolic link in docs/ stops the build with one
message naming the file, the line and the fix."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from handbook.content.source import parse_yaml
from tests.support import copy_project, run_build

# No '<', '>' or entity, so loading lets them through: only escaping keeps them text.
PROBES = ('" data-hb-probe="1', "' data-hb-probe='1", " data-hb-probe ")
_PLACEHOLDER = re.compile(r"\{\w+\}")


class _Probes(HTMLParser):
    """Elements and attributes whose name holds 'hb-probe'."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [f"<{tag} {name}>" for name, _ in attrs if "hb-probe" in name]
        if "hb-probe" in tag:
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        self.text += data


def _probe_words(project: Path, language: str) -> None:
    """Every value of the language's ui.yml becomes its placeholders followed by the probes."""
    english = parse_yaml((project / "translations/en/ui.yml").read_text(encoding="utf-8"), "en").data

    def probe(value: object) -> object:
        if isinstance(value, dict):
            return {key: probe(inner) for key, inner in value.items()}
        return " ".join([*_PLACEHOLDER.findall(str(value)), *PROBES])

    (project / "translations" / language / "ui.yml").write_text(
        yaml.safe_dump(probe(english), allow_unicode=True), encoding="utf-8")


def test_interface_words_full_of_probes_stay_text_on_every_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _probe_words(project, "kk")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    pages = sorted((tmp_path / "site").rglob("*.html"))
    shown = 0
    for page in pages:
        parser = _Probes()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], f"{page.relative_to(tmp_path)}: {parser.found}"
        shown += "data-hb-probe" in parser.text
    assert shown >= 20  # the probes did reach the Kazakh pages, as text


def _fails(project: Path, site: Path, *expected: str) -> str:
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for text in expected:
        assert text in output, output[-3000:]
    assert "Traceback" not in output
    return output


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_markup_in_an_interface_word_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    words = project / "translations" / "is" / "ui.yml"
    section = re.search(r"^  section: .*$", words.read_text(encoding="utf-8"), re.MULTILINE).group(0)
    _edit(words, section, """  section: 'Undirkafli"><img src=x onerror="alert(1)"><b x="'""")
    _fails(project, tmp_path / "site", f"translations/is/ui.yml, line {_line_of(words, 'Undirkafli')}:",
           "would be markup", "Fix: write plain words")


def test_a_script_in_a_page_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "kk" / "glossary.md"
    body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    paragraph = next(line for line in body.splitlines() if len(line) > 80 and not line.startswith(("#", "-", "!", " ")))
    _edit(page, paragraph, paragraph + ' <img src=x onerror="alert(1)">')
    _fails(project, tmp_path / "site",
           f"Page check: docs/kk/glossary.md, line {_line_of(page, 'onerror')}: the page contains the attribute 'onerror'",
           "Fix: write it in Markdown")


def test_hostile_front_matter_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "is" / "sources.md"
    _edit(page, "\ndescription:", "\ndescription: '\"><script>alert(1)</script>'\nold_description:")
    _fails(project, tmp_path / "site", "Page check: docs/is/sources.md, line 3: the front matter's 'description'")


def test_a_script_file_in_a_language_folder_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "kk" / "glossary-data.js").write_text("self.onfetch = () => {};", encoding="utf-8")
    _fails(project, tmp_path / "site", "Page check: docs/kk/glossary-data.js:", "only pages (.md) and pictures")


@pytest.mark.parametrize("link", ["docs/kk/notes.md", "data/extra.yml"])
def test_a_symbolic_link_in_the_sources_stops_the_build(tmp_path: Path, link: str) -> None:
    project = copy_project(tmp_path / "project")
    os.symlink("/proc/self/environ", project / link)
    _fails(project, tmp_path / "site", f"Page check: {link}: this is a symbolic link")
    assert not (tmp_path / "site" / "kk" / "notes").exists()
