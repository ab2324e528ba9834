"""Check the tree data and say exactly what is wrong, where, and how to fix it."""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections import deque
from collections.abc import Iterable
from pathlib import Path

import jsonschema

from handbook.decision_tree.model import Outcome, Question, Tree
from handbook.content.source import DataError, YamlSource

# A tag or an entity as HTML writes them ("<b>", "</p>", "<!--", "&amp;", "&#8238;"); a "<"
# with a space after it ("a < b") is text. No part can backtrack: linear in the text's length.
_HTML = re.compile(r"<[a-zA-Z!?]|</[a-zA-Z]|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")

# Characters that show nothing or change how the text around them shows: control characters
# (NUL, BEL...), bidirectional overrides and isolates, zero-width and other format characters,
# line and paragraph separators, private-use and unassigned code points. Tab and line feed are
# layout; lone carriage returns and the other line breaks make the file's lines count differently
# in an editor and in the YAML reader, so they are refused too.
_ALLOWED_CONTROLS = {"\t", "\n"}
_REFUSED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


def node_error(file: str, line: int | None, node: str | None, problem: str, fix: str) -> DataError:
    """A DataError about one node of the tree (or of a translation of it)."""
    return DataError(file, line, problem, fix, node)


def _shown(value: object) -> str:
    """A value YAML read, as a writer would recognise it in the message."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (an unquoted yes, no, on, off, true or false)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"a date ({value.isoformat()})"
    if value is None:
        return "empty (null)"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    return json.dumps(value, ensure_ascii=False)


def _friendly(error: jsonschema.ValidationError) -> tuple[str, str]:
    """A schema error as (problem, fix) in words for a writer, not a programmer."""
    where = "/".join(str(p) for p in error.absolute_path) or "the top of the file"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        return (f"unknown key '{unknown[0]}'.",
                f"remove it or correct its spelling; allowed here: {', '.join(allowed)}.")
    if error.validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        name = missing[0] if missing else "a field"
        return (f"the required field '{name}' is missing.", f"add '{name}:' with its text.")
    if error.validator == "minItems" and error.absolute_path and error.absolute_path[-1] == "answers":
        return ("a question needs at least two answers.",
                "add another answer, or turn this node into an outcome.")
    if error.validator == "minItems":
        return (f"'{where}' is empty.", "add at least one item.")
    if error.validator in {"minLength"}:
        return (f"'{where}' is empty.", "write the text, or remove the field if it is optional.")
    if error.validator in {"enum", "const"} and error.absolute_path and error.absolute_path[-1] == "type":
        return (f"'type' is '{error.instance}'.", "write 'type: question' or 'type: outcome'.")
    if error.validator == "type" and error.validator_value == "string":
        return (f"'{where}' must be text, but YAML read it as {_shown(error.instance)}.",
                'put the text in quotes, for example id: "yes", label: "No" or title: "2024-05-01".')
    if error.validator == "type" and not error.absolute_path:
        return ("the file is not a group of 'key: value' lines.",
                "start from the layout described at the top of data/decision-tree.yml: 'start:' and 'nodes:'.")
    if error.validator == "type":
        kind = {"array": "a list (lines starting with '- ')", "object": "a group of 'key: value' lines"}
        return (f"'{where}' has the wrong form.",
                f"write it as {kind.get(str(error.validator_value), error.validator_value)}.")
    if error.validator == "pattern" and "#" in str(error.validator_value):
        return (f"the link '{error.instance}' is not written as page#section-id.",
                "write it like how-to-fire#extend-goodwill.")
    if error.validator == "pattern":
        return (f"the id '{error.instance}' is not a valid id.",
                "use lowercase letters, digits and hyphens only, for example 'late-payment'.")
    return (f"'{where}': {error.message}.", "compare it with data/decision-tree.schema.json.")


def check_schema(source: YamlSource, schema_path: Path) -> None:
    """The file has the shape data/decision-tree.schema.json describes."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(source.data))
    if not errors:
        return
    error = max(errors, key=lambda e: len(e.absolute_path))  # the most specific one
    while error.context:  # descend into if/then branches to the deepest cause
        error = max(error.context, key=lambda e: len(e.absolute_path))
    path = tuple(error.absolute_path)
    node = path[1] if len(path) > 1 and path[0] == "nodes" else None
    problem, fix = _friendly(error)
    if error.validator == "additionalProperties":  # point at the unknown key itself
        path += (sorted(set(error.instance) - set(error.schema.get("properties", {})))[0],)
    raise DataError(source.file, source.line(*path), problem, fix, node)


def targets(node: Question | Outcome) -> list[str]:
    """The nodes a node leads to: each answer's, then a checklist's 'several'."""
    if not isinstance(node, Question):
        return []
    return [a.next for a in node.answers] + ([node.several] if node.several else [])


def _reachable(tree: Tree) -> list[str]:
    """The nodes reachable from the start, depth first in answer order."""
    seen: dict[str, None] = {}
    stack = [tree.start]
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen[node_id] = None
        node = tree.nodes[node_id]
        stack.extend(reversed(targets(node)))
    return list(seen)


def _leads_to_outcome(tree: Tree) -> set[str]:
    # Every question has two answers or more (schema), so in a tree without a loop every path
    # ends in an outcome: this can only fail on a closed loop, which it names more plainly than
    # _find_cycle does (no way out at all, rather than one way round). Backwards from the
    # outcomes, once over every answer.
    leads_here: dict[str, list[str]] = {}
    for node in tree.nodes.values():
        for target in targets(node):
            leads_here.setdefault(target, []).append(node.id)
    good = {node_id for node_id, node in tree.nodes.items() if isinstance(node, Outcome)}
    queue = deque(good)
    while queue:
        for node_id in leads_here.get(queue.popleft(), ()):
            if node_id not in good:
                good.add(node_id)
                queue.append(node_id)
    return good


def _find_cycle(tree: Tree) -> list[str] | None:
    """The nodes of a loop, first node repeated at the end, or None. Depth first with a stack of
    its own, so a tree of any depth is checked without recursion, once over every answer."""
    done: set[str] = set()
    on_path: dict[str, int] = {}  # node -> its place on the current path
    path: list[str] = []
    stack: list[tuple[str, int]] = [(tree.start, 0)]  # (node, index of the next answer to follow)
    while stack:
        node_id, index = stack.pop()
        if index == 0:
            if node_id in on_path:
                return path[on_path[node_id]:] + [node_id]
            if node_id in done:
                continue
            on_path[node_id] = len(path)
            path.append(node_id)
        onward = targets(tree.nodes[node_id])
        if index < len(onward):
            stack.append((node_id, index + 1))
            stack.append((onward[index], 0))
        else:
            done.add(node_id)
            del on_path[node_id]
            path.pop()
    return None


def check_graph(tree: Tree, source: YamlSource) -> None:
    """Every answer leads somewhere, every node is used, and every path ends in an outcome."""
    file = source.file
    if tree.start not in tree.nodes:
        raise node_error(file, source.line("start"), None,
                        f"'start' names '{tree.start}', but there is no node with that id.",
                        "set 'start' to the id of the first question.")
    for node in tree.nodes.values():
        if isinstance(node, Question):
            seen: set[str] = set()
            for i, answer in enumerate(node.answers):
                if answer.id in seen:
                    raise node_error(file, source.line("nodes", node.id, "answers", i, "id"), node.id,
                                    f"two answers have the id '{answer.id}'.",
                                    "give every answer of a question its own id.")
                seen.add(answer.id)
                if answer.next not in tree.nodes:
                    raise node_error(file, source.line("nodes", node.id, "answers", i, "next"), node.id,
                                    f"the answer '{answer.id}' leads to '{answer.next}', but there is no node with that id.",
                                    "correct 'next' to an existing node id, or add the missing node.")
                if answer.alone and not node.checklist:
                    raise node_error(file, source.line("nodes", node.id, "answers", i, "alone"), node.id,
                                     "'alone' is only for a checklist's 'none of these' answer.",
                                     "remove 'alone', or make the question 'type: checklist'.")
            if node.checklist:
                _check_checklist(tree, source, node)
    _check_old_answers(tree, source)
    reachable = dict.fromkeys(_reachable(tree))  # in answer order, looked up in constant time
    for node_id in tree.nodes:
        if node_id not in reachable:
            raise node_error(file, source.line("nodes", node_id), node_id,
                            "no answer leads to this node, so no reader can ever reach it.",
                            "make an answer lead to it with 'next', or remove the node.")
    good = _leads_to_outcome(tree)
    for node_id in reachable:
        if node_id not in good:
            raise node_error(file, source.line("nodes", node_id), node_id,
                            "no path from this question ever ends in an outcome; its answers only lead back to questions.",
                            "make at least one answer on the way lead to an outcome.")
    cycle = _find_cycle(tree)
    if cycle:
        raise node_error(file, source.line("nodes", cycle[-2]), cycle[-2],
                        f"the answers go round in a circle: {' -> '.join(cycle)}.",
                        "make one of these answers lead forward to another question or an outcome.")


def _check_checklist(tree: Tree, source: YamlSource, node: Question) -> None:
    """A checklist has two answers or more that can be ticked together, at most one 'alone'
    answer, and a 'several' that exists."""
    where = source.line("nodes", node.id)
    if sum(1 for a in node.answers if not a.alone) < 2:
        raise node_error(source.file, where, node.id,
                         "a checklist needs at least two answers that can be ticked together.",
                         "add answers, or make it 'type: question' with one answer to choose.")
    alone = [i for i, a in enumerate(node.answers) if a.alone]
    if len(alone) > 1:
        raise node_error(source.file, source.line("nodes", node.id, "answers", alone[1]), node.id,
                         "a checklist has more than one answer marked 'alone'.",
                         "keep 'alone: true' on the one 'none of these' answer only.")
    if node.several not in tree.nodes:
        raise node_error(source.file, source.line("nodes", node.id, "several"), node.id,
                         f"'several' leads to '{node.several}', but there is no node with that id.",
                         "set 'several' to the node that two or more ticked answers lead to.")


def _check_old_answers(tree: Tree, source: YamlSource) -> None:
    """Every answer an old link is said to mean is an answer of today's tree."""
    for i, old in enumerate(tree.old_answers):
        for j, (question_id, answer_id) in enumerate(old.means):
            node = tree.nodes.get(question_id)
            line = source.line("old_answers", i, "means", j)
            if not isinstance(node, Question):
                raise node_error(source.file, line, None,
                                 f"'{question_id}={answer_id}' names the question '{question_id}', which the tree does not have.",
                                 "name a question of today's tree, as question=answer.")
            if node.answer(answer_id) is None:
                raise node_error(source.file, line, question_id,
                                 f"the question '{question_id}' has no answer '{answer_id}'.",
                                 f"use one of its answers: {', '.join(a.id for a in node.answers)}.")


def _texts(tree: Tree) -> Iterable[tuple[str, tuple, str]]:
    for node in tree.nodes.values():
        if isinstance(node, Question):
            yield node.id, (node.id, "text"), node.text
            if node.help:
                yield node.id, (node.id, "help"), node.help
            for i, answer in enumerate(node.answers):
                yield node.id, (node.id, "answers", i, "label"), answer.label
        else:
            yield node.id, (node.id, "title"), node.title
            yield node.id, (node.id, "why"), node.why
            for i, step in enumerate(node.next_steps):
                yield node.id, (node.id, "next_steps", i), step


# Letters that show nothing although Unicode does not call them spaces or format characters.
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def visible(text: str) -> str:
    """The text without whitespace (no-break spaces too) and invisible characters at either end:
    what a reader sees of it. Inside the text, such characters are left as they are."""
    def invisible(char: str) -> bool:
        return char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) in {"Cc", "Cf", "Zs", "Zl", "Zp"}

    start, end = 0, len(text)
    while start < end and invisible(text[start]):
        start += 1
    while end > start and invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def _refused(char: str) -> bool:
    if char in _ALLOWED_CONTROLS or char == "\ufeff":  # a byte-order mark is stripped on reading
        return False
    return char in _BLANK_LETTERS or unicodedata.category(char) in _REFUSED_CATEGORIES


def check_characters(file: str, text: str) -> None:
    """The file has no invisible, control or direction-changing character and no line break
    but the line feed: each is named (U+202E RIGHT-TO-LEFT OVERRIDE) at the line an editor
    shows it on. One pass over the text."""
    plain = text.replace("\r\n", "").replace("\n", "").replace("\t", "").lstrip("\ufeff")
    if plain.isprintable() and not any(blank in plain for blank in _BLANK_LETTERS):
        return  # the usual case, checked in C; the loop below finds and names the character
    line, column = 1, 0
    for index, char in enumerate(text):
        if char == "\n":
            line, column = line + 1, 0
            continue
        column += 1
        if char == "\r" and text[index + 1:index + 2] == "\n":
            continue  # Windows line ends are fine
        if _refused(char):
            name = unicodedata.name(char, "a control character" if unicodedata.category(char) == "Cc" else "unnamed")
            raise node_error(file, line, None,
                             f"column {column} holds U+{ord(char):04X} ({name}), an invisible character that "
                             "changes or hides the text around it.",
                             "delete it (in many editors: put the cursor after the character the message names and "
                             "press Backspace), or retype the line; to break a line, press Enter.")


def check_text(tree: Tree, source: YamlSource, prefix: tuple = ("nodes",)) -> None:
    """Every text shows something, has no HTML (the tool shows text as written, with **bold** and
    *italic* only), and the answers of one question can be told apart."""
    for node_id, path, text in _texts(tree):
        line = source.line(*prefix, *path)
        if not visible(text):
            raise node_error(source.file, line, node_id,
                             f"the text of '{_field(path)}' is empty: it holds only spaces or invisible characters.",
                             "write the text, or remove the field if it is optional.")
        if _HTML.search(text):
            raise node_error(source.file, line, node_id,
                             "the text contains HTML, which the tool does not allow.",
                             "write plain text; use **bold** or *italic* for emphasis.")
    for node in tree.nodes.values():
        if isinstance(node, Outcome):
            _no_repeats(source, prefix, node, "next_steps", node.next_steps)
            if prefix:
                _no_repeats(source, prefix, node, "read", node.read)
        if isinstance(node, Question):
            seen: dict[str, str] = {}
            for i, answer in enumerate(node.answers):
                label = " ".join(visible(answer.label).casefold().split())
                if label in seen:
                    path = (node.id, "answers", i, "label") if prefix else (node.id, "answers", answer.id)
                    raise node_error(source.file, source.line(*prefix, *path), node.id,
                                     f"the answers '{seen[label]}' and '{answer.id}' have the same label, "
                                     f"'{visible(answer.label)}', so a reader cannot tell them apart.",
                                     "give every answer of a question its own label.")
                seen[label] = answer.id


def _no_repeats(source: YamlSource, prefix: tuple, node: Outcome, field: str, items: tuple[str, ...]) -> None:
    """No step or link of an outcome is given twice."""
    seen: set[str] = set()
    for i, item in enumerate(items):
        key = " ".join(visible(item).casefold().split())
        if key in seen:
            raise node_error(source.file, source.line(*prefix, node.id, field, i), node.id,
                             f"'{field}' gives '{visible(item)}' twice.", "remove the repeated item.")
        seen.add(key)


def _field(path: tuple) -> str:
    """'text', 'answers.no', 'next_steps.2': a field of a node as a writer names it."""
    return ".".join(str(p) for p in path[1:] if p != "label")


def check_page_ids(tree: Tree, source: YamlSource, taken: dict[str, str]) -> None:
    """No node gives the page an id that something else on it already has: each node is a
    section `id="<node>"` with a heading `id="<node>--title"` on a page whose other ids (its
    headings in every language, the theme's) are in `taken`, as {id: where it comes from}."""
    for node_id in tree.nodes:
        for element_id in (node_id, f"{node_id}--title"):
            if element_id in taken:
                raise node_error(source.file, source.line("nodes", node_id), node_id,
                                 f"the id '{element_id}' is already used on the tool's page by {taken[element_id]}, "
                                 "so two elements would share one id and links to it would open the wrong one.",
                                 "rename the node (and every 'next' that leads to it).")


def check_links(tree: Tree, source: YamlSource, sections: dict[str, list[str]]) -> None:
    """Every 'read' link names a handbook page and one of its section ids."""
    for node in tree.nodes.values():
        if not isinstance(node, Outcome):
            continue
        for i, link in enumerate(node.read):
            page, _, section = link.partition("#")
            line = source.line("nodes", node.id, "read", i)
            if page not in sections:
                raise node_error(source.file, line, node.id,
                                f"the link '{link}' names the page '{page}', which does not exist.",
                                f"use one of: {', '.join(sorted(sections))}.")
            if section not in sections[page]:
                raise node_error(source.file, line, node.id,
                                f"the page '{page}' has no section with the id '{section}'.",
                                f"use one of its section ids (listed in data/published-ids.yml), for example '{page}#{sections[page][0]}'."
                                if sections[page] else "link to a page that has sections.")


def _translated_text(source: YamlSource, node: str, value: object, *path: object) -> None:
    name = ".".join(str(p) for p in path[1:])
    if value is None or (isinstance(value, str) and not visible(value)):
        raise node_error(source.file, source.line(*path), node,
                         f"the translation of '{name}' is missing or empty.",
                         f"add '{name}' under '{node}' with the translated text "
                         "(see data/decision-tree.yml for the English).")
    if not isinstance(value, str):
        raise node_error(source.file, source.line(*path), node,
                         f"'{name}' must be text, but YAML read it as {_shown(value)}.",
                         'put the text in quotes, for example: "Yes".')


def _only_keys(source: YamlSource, node: str, raw: dict, allowed: set[str], *path: object) -> None:
    for key in raw:
        if key not in allowed:
            structural = key in {"type", "next", "id", "read"}
            raise node_error(
                source.file, source.line(*path, key), node,
                f"'{key}' is not something a translation can contain.",
                "a translation only translates text; change the structure in data/decision-tree.yml."
                if structural else
                f"remove '{key}' or correct its spelling; allowed here: {', '.join(sorted(allowed))}.",
            )


def check_translation(tree: Tree, source: YamlSource) -> None:
    """A translation file translates every text of every node, and nothing else."""
    data = source.data
    if data is None:
        raise node_error(source.file, 1, None, "the file is empty.",
                         "copy another language's decision-tree.yml and translate its text.")
    if not isinstance(data, dict):
        raise node_error(source.file, 1, None, "the file holds no translations.",
                         "copy the layout of another language's decision-tree.yml and translate it.")
    for node_id in data:
        if node_id not in tree.nodes:
            raise node_error(source.file, source.line(node_id), node_id,
                             "there is no node with this id in data/decision-tree.yml.",
                             "remove it, or correct the id to one in data/decision-tree.yml.")
    for node_id, node in tree.nodes.items():
        raw = data.get(node_id)
        if not isinstance(raw, dict):
            raise node_error(source.file, source.line(node_id), node_id, "this node is not translated.",
                             f"add '{node_id}:' with the translated text of every field.")
        if isinstance(node, Question):
            allowed = {"text", "answers"} | ({"help"} if node.help is not None else set())
            _only_keys(source, node_id, raw, allowed, node_id)
            if node.help is not None:
                _translated_text(source, node_id, raw.get("help"), node_id, "help")
            labels = raw.get("answers")
            if not isinstance(labels, dict):
                raise node_error(source.file, source.line(node_id), node_id, "the answers are not translated.",
                                 "add 'answers:' with one line per answer id, as 'id: label'.")
            _only_keys(source, node_id, labels, {a.id for a in node.answers}, node_id, "answers")
            for answer in node.answers:
                _translated_text(source, node_id, labels.get(answer.id), node_id, "answers", answer.id)
            _translated_text(source, node_id, raw.get("text"), node_id, "text")
        else:
            _only_keys(source, node_id, raw, {"title", "why", "next_steps"}, node_id)
            steps = raw.get("next_steps")
            if not isinstance(steps, list) or len(steps) != len(node.next_steps):
                raise node_error(source.file, source.line(node_id, "next_steps"), node_id,
                                 f"'next_steps' must be a list of exactly {len(node.next_steps)} items, "
                                 "like the English.",
                                 "translate each step of data/decision-tree.yml, one list item each.")
            _translated_text(source, node_id, raw.get("title"), node_id, "title")
            _translated_text(source, node_id, raw.get("why"), node_id, "why")
            for i, step in enumerate(steps):
                _translated_text(source, node_id, step, node_id, "next_steps", i)
