"""The data files writers edit, read with a line number for every value, and their one error type.

Every problem in data/decision-tree.yml, data/published-ids.yml or a file under translations/
is a DataError: the file, the line, what is wrong and how to fix it, in words for the person
editing the file. The build stops with exactly that message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

Key = tuple[Any, ...]


class DataError(Exception):
    """A problem in a data file: where it is, what is wrong, and how to fix it."""

    def __init__(self, file: str, line: int | None, problem: str, fix: str, node: str | None = None):
        self.file, self.line, self.problem, self.fix, self.node = file, line, problem, fix, node
        where = file + (f", line {line}" if line else "") + (f", node '{node}'" if node else "")
        super().__init__(f"{where}: {problem} Fix: {fix}")


@dataclass(frozen=True)
class YamlSource:
    """The parsed data of one YAML file, and where each value starts in it."""

    file: str
    data: Any
    lines: dict[Key, int]

    def line(self, *path: Any) -> int | None:
        """The line of the value at `path`, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


# yaml.safe_load cannot say on which line a value is, nor refuse a key written twice: the nodes
# are composed and walked here instead.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster
_SCALARS = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.Node) -> Any:
    return _SCALARS.construct_object(node, deep=True)


def _walk(node: yaml.Node, path: Key, lines: dict[Key, int], file: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)  # a mapping value keeps its key's line
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in result:
                raise DataError(file, key_node.start_mark.line + 1,
                                f"the key '{key}' appears twice in the same place.",
                                "every id and every field may appear only once; rename or remove one of them.")
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _walk(value_node, path + (key,), lines, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, path + (i,), lines, file) for i, item in enumerate(node.value)]
    return _scalar(node)


def read_yaml(root: Path, file: str, missing_fix: str) -> YamlSource:
    """Parse `root/file` (`file` is how messages name it); a syntax error names the line."""
    path = root / file
    if not path.exists():
        raise DataError(file, None, "the file is missing.", missing_fix)
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DataError(
            file, mark.line + 1 if mark else None,
            f"this is not valid YAML ({error.problem}).",
            "check the indentation and the quotes on this line and the line above it; "
            "text that contains a colon followed by a space must be put in quotes.",
        ) from None
    lines: dict[Key, int] = {}
    data = _walk(node, (), lines, file) if node is not None else None
    return YamlSource(file, data, lines)
