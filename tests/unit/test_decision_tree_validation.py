"""The decision tree data: every kind of mistake stops with one message naming file, line, node and fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from handbook.decision_tree.load import load_trees
from handbook.content.source import DataError
from tests.fixture_tree import fixture_project

GOOD = """\
start: first
nodes:
  first:
    type: question
    text: Is the client rude?
    answers:
      - id: "yes"
        label: "Yes"
        next: go
      - id: "no"
        label: "No"
        next: stay
  go:
    type: outcome
    title: Let them go
    why: Because.
    next_steps:
      - Thank them.
    read:
      - how-to-fire#the-five-steps
  stay:
    type: outcome
    title: Keep them
    why: Because.
    next_steps:
      - Listen.
    read:
      - listening#listen-without-interrupting
"""

GOOD_TRANSLATION = """\
first:
  text: Müşteri kaba mı?
  answers:
    "yes": Evet
    "no": Hayır
go:
  title: Yollarınızı ayırın
  why: Çünkü.
  next_steps:
    - Teşekkür edin.
stay:
  title: Müşteriyi tutun
  why: Çünkü.
  next_steps:
    - Dinleyin.
"""


def error_of(tmp_path: Path, tree: str = GOOD, translation: str | None = GOOD_TRANSLATION) -> DataError:
    with pytest.raises(DataError) as caught:
        load_trees(fixture_project(tmp_path, tree, translation))
    return caught.value


def test_a_valid_tree_and_translation_load(tmp_path: Path) -> None:
    trees = load_trees(fixture_project(tmp_path, GOOD, GOOD_TRANSLATION))
    assert trees["tr"].question("first").text == "Müşteri kaba mı?"
    assert [a.next for a in trees["tr"].question("first").answers] == ["go", "stay"]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    broken = GOOD.replace("    text: Is the client rude?", "    text: Is the client: rude?\n   bad: [")
    error = error_of(tmp_path, broken)
    assert error.file == "data/decision-tree.yml"
    assert error.line in (5, 6, 7)
    assert "not valid YAML" in str(error) and "indentation" in str(error)


def test_unknown_key_is_named_with_the_allowed_keys(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("    text: Is the client rude?", "    text: Is the client rude?\n    hlep: typo"))
    assert (error.node, error.line) == ("first", 6)
    assert "unknown key 'hlep'" in str(error) and "allowed here: answers, help, meaning, text, type" in str(error)


def test_missing_required_field_is_named(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("    why: Because.\n    next_steps:\n      - Thank them.", "    next_steps:\n      - Thank them.", 1))
    assert error.node == "go"
    assert "required field 'why' is missing" in str(error)


def test_duplicate_node_id_is_reported(tmp_path: Path) -> None:
    duplicate = GOOD + "  go:\n    type: outcome\n    title: Again\n    why: x\n    next_steps: [x]\n    read: [how-to-fire#the-five-steps]\n"
    error = error_of(tmp_path, duplicate)
    assert error.line == 29
    assert "'go' appears twice" in str(error)


def test_duplicate_answer_id_is_reported(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace('id: "no"', 'id: "yes"'))
    assert error.node == "first" and "two answers have the id 'yes'" in str(error)


def test_answer_pointing_to_a_missing_node(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("next: stay", "next: stya"))
    assert (error.node, error.line) == ("first", 12)
    assert "leads to 'stya', but there is no node with that id" in str(error)


def test_node_unreachable_from_the_start(tmp_path: Path) -> None:
    orphan = GOOD + "  lost:\n    type: outcome\n    title: Lost\n    why: x\n    next_steps: [x]\n    read: [how-to-fire#the-five-steps]\n"
    error = error_of(tmp_path, orphan)
    assert (error.node, error.line) == ("lost", 29)
    assert "no reader can ever reach it" in str(error)


def test_cycle_is_reported_with_its_path(tmp_path: Path) -> None:
    looped = GOOD.replace("next: stay", "next: second") + textwrap.indent(textwrap.dedent("""\
        second:
          type: question
          text: Again?
          answers:
            - {id: "back", label: "Back", next: first}
            - {id: "on", label: "On", next: stay}
    """), "  ")
    error = error_of(tmp_path, looped)
    assert "go round in a circle: first -> second -> first" in str(error)


def test_path_that_never_ends_in_an_outcome(tmp_path: Path) -> None:
    endless = GOOD.replace("next: stay", "next: second") + (
        "  second:\n    type: question\n    text: Again?\n    answers:\n"
        "      - {id: a, label: A, next: third}\n      - {id: b, label: B, next: third}\n"
        "  third:\n    type: question\n    text: And again?\n    answers:\n"
        "      - {id: a, label: A, next: second}\n      - {id: b, label: B, next: second}\n")
    endless = endless.replace("  stay:\n    type: outcome\n    title: Keep them\n    why: Because.\n"
                              "    next_steps:\n      - Listen.\n    read:\n      - listening#listen-without-interrupting\n", "")
    error = error_of(tmp_path, endless, GOOD_TRANSLATION.split("stay:")[0])
    assert error.node == "second"
    assert "no path from this question ever ends in an outcome" in str(error)


def test_question_with_fewer_than_two_answers(tmp_path: Path) -> None:
    single = GOOD.replace('      - id: "no"\n        label: "No"\n        next: stay\n', "")
    error = error_of(tmp_path, single)
    assert error.node == "first" and "at least two answers" in str(error)


def test_unquoted_yes_is_explained(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace('id: "yes"', "id: yes"))
    assert error.node == "first" and "must be text" in str(error) and 'id: "yes"' in str(error)


def test_a_translated_tool_page_needs_the_trees_translation(tmp_path: Path) -> None:
    site = fixture_project(tmp_path, GOOD, None)
    (site.docs_dir / "tr").mkdir()
    (site.docs_dir / "tr" / "decision-tool.md").write_text("# Araç\n\n<!-- decision-tree -->\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_trees(site)
    assert caught.value.file == "translations/tr/decision-tree.yml" and "the file is missing" in str(caught.value)


def test_a_language_without_its_tool_page_and_tree_shows_the_default_tree(tmp_path: Path) -> None:
    trees = load_trees(fixture_project(tmp_path, GOOD, None))
    assert trees["tr"] == trees["en"]


def test_missing_translation_of_a_node(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.split("stay:")[0])
    assert error.node == "stay" and "not translated" in str(error)


def test_empty_translation(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("why: Çünkü.\n  next_steps:\n    - Dinleyin.", "why: ''\n  next_steps:\n    - Dinleyin."))
    assert (error.file, error.node, error.line) == ("translations/tr/decision-tree.yml", "stay", 13)
    assert "'why' is missing or empty" in str(error)


def test_missing_answer_translation(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace('    "no": Hayır\n', ""))
    assert error.node == "first" and "'answers.no' is missing or empty" in str(error)


def test_translation_cannot_change_the_structure(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("  title: Yollarınızı ayırın", "  title: Yollarınızı ayırın\n  next: stay"))
    assert error.node == "go" and "only translates text" in str(error)


def test_translation_of_an_unknown_node(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION + "extra:\n  title: x\n")
    assert error.node == "extra" and "no node with this id" in str(error)


def test_translation_with_a_different_number_of_steps(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("    - Dinleyin.", "    - Dinleyin.\n    - Fazla."))
    assert error.node == "stay" and "exactly 1 items" in str(error)


def test_link_to_a_missing_page(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("how-to-fire#the-five-steps", "how-to-hire#the-five-steps"))
    assert (error.node, error.line) == ("go", 20)
    assert "names the page 'how-to-hire', which does not exist" in str(error)


def test_link_to_a_missing_section(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("how-to-fire#the-five-steps", "how-to-fire#six-steps"))
    assert error.node == "go" and "has no section with the id 'six-steps'" in str(error)


@pytest.mark.parametrize("html", ["<script>alert(1)</script>", "<b>bold</b>", "&nbsp;"])
def test_raw_html_in_text_is_refused(tmp_path: Path, html: str) -> None:
    error = error_of(tmp_path, GOOD.replace("Is the client rude?", f"Is the client {html} rude?"))
    assert error.node == "first" and "contains HTML" in str(error)


def test_raw_html_in_a_translation_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("Müşteri kaba mı?", "<img src=x onerror=alert(1)>"))
    assert (error.file, error.node) == ("translations/tr/decision-tree.yml", "first")


def test_a_help_text_the_english_lacks_is_refused_in_a_translation(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("  text: Müşteri kaba mı?", "  text: Müşteri kaba mı?\n  help: Yardım"))
    assert (error.node, error.line) == ("first", 3)
    assert "'help' is not something a translation can contain" in str(error)


def test_a_key_written_twice_in_a_translation_names_its_line(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("  why: Çünkü.\n  next_steps:\n    - Teşekkür", "  why: Çünkü.\n  why: Yine.\n  next_steps:\n    - Teşekkür"))
    assert (error.file, error.line) == ("translations/tr/decision-tree.yml", 9)
    assert "the key 'why' appears twice" in str(error)
