"""Every kind of broken tree file a contributor can write gets one clear message (file, line,
node where there is one, and the fix), fast and without a traceback: one small bad file per kind.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from handbook.decision_tree.load import load_trees
from handbook.decision_tree.render import Link, environment, render_tool
from handbook.content.site import Site
from handbook.content.source import DataError
from handbook.content.words import Words
from tests.fixture_tree import chain, chain_translation, chain_words, fixture_project
from tests.unit.test_decision_tree_validation import GOOD, GOOD_TRANSLATION

TREE, TURKISH = "data/decision-tree.yml", "translations/tr/decision-tree.yml"


def error_of(tmp_path: Path, tree: str | bytes = GOOD, translation: str | bytes = GOOD_TRANSLATION,
             **files: str) -> DataError:
    """The error of the project with this tree, translation and other files (by path)."""
    site = fixture_project(tmp_path)
    for file, content in ((TREE, tree), (TURKISH, translation), *files.items()):
        path = tmp_path / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(DataError) as caught:
        load_trees(site)
    return caught.value


# Accepted although wrong

@pytest.mark.parametrize("blank", ["' '", "'\u00a0'", "'\t'"])
def test_text_of_only_whitespace_is_refused(tmp_path: Path, blank: str) -> None:
    error = error_of(tmp_path, GOOD.replace("title: Let them go", f"title: {blank}"))
    assert (error.file, error.line, error.node) == (TREE, 15, "go")
    assert "'title' is empty: it holds only spaces or invisible characters" in error.problem
    assert "write the text" in error.fix


def test_a_label_of_only_an_invisible_character_in_a_translation_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace('"no": Hayır', '"no": "\u200b"'))
    assert (error.file, error.line) == (TURKISH, 5)
    assert "U+200B (ZERO WIDTH SPACE)" in error.problem


def test_two_answers_with_the_same_label_are_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace('label: "No"', 'label: " yes"'))
    assert (error.file, error.line, error.node) == (TREE, 11, "first")
    assert "'yes' and 'no' have the same label" in error.problem and "own label" in error.fix


def test_two_answers_with_the_same_label_in_a_translation_are_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace('"no": Hayır', '"no": Evet'))
    assert (error.file, error.node) == (TURKISH, "first")
    assert "the same label, 'Evet'" in error.problem


def test_a_node_id_that_the_page_already_uses_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"docs/en/decision-tool.md": "# Go\n\nThe tool.\n"})
    assert (error.file, error.line, error.node) == (TREE, 13, "go")
    assert "'go' is already used on the tool's page by a heading of docs/en/decision-tool.md" in error.problem
    assert "rename the node" in error.fix


def test_a_node_id_that_the_theme_uses_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, **{"overrides/partials/extra.html": '<p id="go--title"></p>'})
    assert (error.file, error.line, error.node) == (TREE, 13, "go")
    assert "the id 'go--title' is already used on the tool's page by the theme's template extra.html" in error.problem


# Tracebacks without a file: now each a message

def test_bytes_that_are_not_utf8_in_the_tree(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.encode("utf-8").replace(b"Because.", b"Caf\xe9.", 1))
    assert (error.file, error.line) == (TREE, 16)
    assert "not UTF-8" in error.problem and "save the file as UTF-8" in error.fix


def test_bytes_that_are_not_utf8_in_a_translation(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.encode("utf-8").replace("Evet".encode(), b"\xff\xfe"))
    assert (error.file, error.line) == (TURKISH, 4) and "not UTF-8" in error.problem


def test_an_unquoted_date_where_text_is_expected(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("title: Let them go", "title: 2024-05-01"))
    assert (error.file, error.line, error.node) == (TREE, 15, "go")
    assert "YAML read it as a date (2024-05-01)" in error.problem and "quotes" in error.fix


def test_an_unquoted_date_in_a_translation(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("why: Çünkü.", "why: 2024-05-01", 1))
    assert (error.file, error.node) == (TURKISH, "go") and "a date (2024-05-01)" in error.problem


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['true']", "!!str Yes", "!custom Yes"])
def test_a_yaml_tag_is_refused(tmp_path: Path, tag: str) -> None:
    error = error_of(tmp_path, GOOD.replace("title: Let them go", f"title: {tag}"))
    assert (error.file, error.line) == (TREE, 15)
    assert "YAML tag" in error.problem and "remove the tag" in error.fix


def test_a_list_as_a_mapping_key_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("  go:\n", "  ? [go, went]\n  :\n"))
    assert (error.file, error.line) == (TREE, 13)
    assert "a list or a group of 'key: value' lines is used as a key" in error.problem


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("    read:\n      - how-to-fire#the-five-steps",
                                            "    read: &loop\n      - *loop"))
    assert (error.file, error.line) == (TREE, 19)
    assert "anchor or alias" in error.problem and "without '&' or '*'" in error.fix


def test_text_nested_thousands_of_lists_deep_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("why: Because.", "why: " + "[" * 5000 + "x" + "]" * 5000, 1))
    assert (error.file, error.line) == (TREE, 16)
    assert "nested more than" in error.problem and "indentation" in error.fix


def test_a_merge_key_is_refused_with_what_to_do_instead(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("  stay:\n    type: outcome\n", "  stay:\n    <<: {type: outcome}\n"))
    assert (error.file, error.line) == (TREE, 22)
    assert "merge key ('<<:')" in error.problem and "write every field out in full" in error.fix


# Resource exhaustion

def test_an_alias_bomb_is_refused_at_once_with_little_memory(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    bomb = GOOD + "\n".join(levels) + "\n"
    tracemalloc.start()
    error = error_of(tmp_path, bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20_000_000, peak  # expanded, the bomb would take gigabytes
    assert (error.file, error.line) == (TREE, 29) and "anchor or alias" in error.problem


# A deep but valid tree

def test_a_chain_of_a_thousand_questions_loads(tmp_path: Path) -> None:
    site = fixture_project(tmp_path, chain(1000), chain_translation(1000))
    trees = load_trees(site)
    assert len(trees["tr"].nodes) == 1001


def test_a_4000_node_tree_loads_and_renders_every_step(tmp_path: Path, site: Site) -> None:
    # How the time grows with the number of nodes is measured by `python3 tasks.py benchmark`.
    tree = load_trees(fixture_project(tmp_path, chain(4000), chain_translation(4000)))["en"]
    html = render_tool(environment([str(site.project_dir / "overrides")]), tree, chain_words(),
                       lambda target: Link(target, target, target), "x")
    assert len(tree.nodes) == 4001
    assert html.count('data-hb-node="') >= 4001


# Misleading messages

def test_an_empty_tree_file_says_it_is_empty(tmp_path: Path) -> None:
    error = error_of(tmp_path, "# nothing yet\n")
    assert (error.file, error.line) == (TREE, 1)
    assert error.problem == "the file is empty." and "start:" in error.fix


def test_an_empty_translation_says_it_is_empty(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation="")
    assert (error.file, error.line, error.problem) == (TURKISH, 1, "the file is empty.")


def test_unquoted_yes_and_no_keys_in_a_translation_say_to_quote_them(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace('"yes": Evet', "yes: Evet"))
    assert (error.file, error.line) == (TURKISH, 4)
    assert "unquoted key 'yes' as true or false" in error.problem
    assert "write the answer ids in quotes: 'yes':" in error.fix


def test_a_number_as_a_key_says_to_quote_it(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace('"no": Hayır', "1: Hayır"))
    assert (error.file, error.line) == (TURKISH, 5) and "YAML reads it as a number" in error.problem


def test_the_messages_name_file_and_line_in_one_sentence(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace('"no": Hayır', "no: Hayır"))
    assert str(error).startswith(f"{TURKISH}, line 5: ") and " Fix: " in str(error)


# Round three: characters that hide or turn text, ids that cannot be followed, slow checks

@pytest.mark.parametrize(("char", "name"), [
    ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ("\u200b", "U+200B (ZERO WIDTH SPACE)"), ("\u200d", "U+200D (ZERO WIDTH JOINER)"),
    ("\x07", "U+0007 (a control character)"), ("\x00", "U+0000 (a control character)"),
    ("\u3164", "U+3164 (HANGUL FILLER)"), ("\ue000", "U+E000 (unnamed)"),
])
def test_an_invisible_or_direction_changing_character_is_named_where_an_editor_shows_it(
        tmp_path: Path, char: str, name: str) -> None:
    error = error_of(tmp_path, GOOD.replace('label: "No"', f'label: "N{char}o"'))
    assert (error.file, error.line) == (TREE, 11)
    assert name in error.problem and "column 18" in error.problem and "delete it" in error.fix


def test_the_same_character_in_a_translation_is_named_too(tmp_path: Path) -> None:
    error = error_of(tmp_path, translation=GOOD_TRANSLATION.replace("Müşteri kaba mı?", "Müşteri \u202ekaba mı?"))
    assert (error.file, error.line) == (TURKISH, 2) and "U+202E" in error.problem


@pytest.mark.parametrize(("newline", "name"), [("\r", "U+000D"), ("\u2028", "U+2028 (LINE SEPARATOR)"),
                                               ("\u2029", "U+2029 (PARAGRAPH SEPARATOR)"), ("\x85", "U+0085")])
def test_a_line_break_other_than_lf_is_refused_at_the_line_an_editor_counts(tmp_path: Path, newline: str, name: str) -> None:
    tree = GOOD.replace("    title: Keep them\n", f"    title: Keep{newline}them\n")
    error = error_of(tmp_path, tree)
    assert (error.file, error.line) == (TREE, 23) and name in error.problem


def loaded(tmp_path: Path, tree: str | bytes) -> Site:
    """The fixture project with this tree and its Turkish translation."""
    site = fixture_project(tmp_path)
    (tmp_path / TREE).write_bytes(tree if isinstance(tree, bytes) else tree.encode("utf-8"))
    (tmp_path / TURKISH).write_text(GOOD_TRANSLATION, encoding="utf-8")
    return site


def test_windows_line_ends_are_read_as_lines(tmp_path: Path) -> None:
    site = loaded(tmp_path, GOOD.replace("\n", "\r\n").encode("utf-8"))
    assert load_trees(site)["en"].start == "first"


def test_an_id_with_a_final_newline_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace('- id: "no"', '- id: "no\\n"'))
    assert error.line == 10 and "is not a valid id" in error.problem


def test_plain_text_with_a_less_than_sign_is_accepted_and_a_tag_is_refused(tmp_path: Path) -> None:
    site = loaded(tmp_path, GOOD.replace("why: Because.\n    next_steps:\n      - Thank",
                                         "why: Costs a < b and x<3 & y.\n    next_steps:\n      - Thank"))
    assert load_trees(site)["en"].nodes["go"].why == "Costs a < b and x<3 & y."
    error = error_of(tmp_path / "tag", GOOD.replace("why: Because.\n    next_steps:\n      - Thank",
                                                    "why: Costs </b>.\n    next_steps:\n      - Thank"))
    assert "contains HTML" in error.problem


def test_a_repeated_next_step_or_read_link_is_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, GOOD.replace("      - Thank them.\n", "      - Thank them.\n      - Thank  them.\n"))
    assert (error.line, error.node) == (19, "go") and "'next_steps' gives 'Thank  them.' twice" in error.problem
    error = error_of(tmp_path / "read", GOOD.replace("      - how-to-fire#the-five-steps\n",
                                                     "      - how-to-fire#the-five-steps\n      - how-to-fire#the-five-steps\n"))
    assert (error.line, error.node) == (21, "go") and "'read' gives" in error.problem
