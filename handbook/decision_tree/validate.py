"""Check the tree data and say exactly what is wrong, where, and how to fix it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import jsonschema

from .model import Outcome, Question, Tree
from ..source import DataError, YamlSource

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&[a-zA-Z#][a-zA-Z0-9]*;")


def node_error(file: str, line: int | None, node: str | None, problem: str, fix: str) -> DataError:
    """A DataError about one node of the tree (or of a translation of it)."""
    return DataError(file, line, problem, fix, node)


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
        return (f"'{where}' must be text, but YAML read it as {json.dumps(error.instance)}.",
                'put the text in quotes, for example id: "yes" or label: "No".')
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


def _reachable(tree: Tree) -> list[str]:
    seen: list[str] = []
    stack = [tree.start]
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen.append(node_id)
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            stack.extend(reversed([a.next for a in node.answers]))
    return seen


def _leads_to_outcome(tree: Tree) -> set[str]:
    # Every question has two answers or more (schema), so in a tree without a loop every path
    # ends in an outcome: this can only fail on a closed loop, which it names more plainly than
    # _find_cycle does (no way out at all, rather than one way round).
    good = {node_id for node_id, node in tree.nodes.items() if isinstance(node, Outcome)}
    changed = True
    while changed:
        changed = False
        for node_id, node in tree.nodes.items():
            if node_id not in good and isinstance(node, Question) and any(a.next in good for a in node.answers):
                good.add(node_id)
                changed = True
    return good


def _find_cycle(tree: Tree) -> list[str] | None:
    """The nodes of a loop, first node repeated at the end, or None."""
    done: set[str] = set()

    def visit(node_id: str, path: list[str]) -> list[str] | None:
        if node_id in path:
            return path[path.index(node_id):] + [node_id]
        if node_id in done:
            return None
        node = tree.nodes[node_id]
        for answer in node.answers if isinstance(node, Question) else ():
            found = visit(answer.next, path + [node_id])
            if found:
                return found
        done.add(node_id)
        return None

    return visit(tree.start, [])


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
    reachable = _reachable(tree)
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


def check_text(tree: Tree, source: YamlSource, prefix: tuple = ("nodes",)) -> None:
    """No HTML in any text: the tool shows text as written, with **bold** and *italic* only."""
    for node_id, path, text in _texts(tree):
        if _HTML.search(text):
            raise node_error(source.file, source.line(*prefix, *path), node_id,
                             "the text contains HTML, which the tool does not allow.",
                             "write plain text; use **bold** or *italic* for emphasis.")


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
    if value is None or (isinstance(value, str) and not value.strip()):
        raise node_error(source.file, source.line(*path), node,
                         f"the translation of '{name}' is missing or empty.",
                         f"add '{name}' under '{node}' with the translated text "
                         "(see data/decision-tree.yml for the English).")
    if not isinstance(value, str):
        raise node_error(source.file, source.line(*path), node, f"'{name}' must be text.",
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
