"""Read a YAML file, keeping the line number of every value for error messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import TreeError

Key = tuple[Any, ...]


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
                raise TreeError(
                    file, key_node.start_mark.line + 1, None,
                    f"the key '{key}' appears twice in the same place.",
                    "every id and every field may appear only once; rename or remove one of them.",
                )
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _walk(value_node, path + (key,), lines, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, path + (i,), lines, file) for i, item in enumerate(node.value)]
    return _scalar(node)


def read_yaml(path: Path, shown_as: str) -> YamlSource:
    """Parse `path`; a syntax error becomes a TreeError naming the file and line."""
    if not path.exists():
        raise TreeError(shown_as, None, None, "the file is missing.",
                        f"create {shown_as} (copy the English file and translate its text).")
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise TreeError(
            shown_as, mark.line + 1 if mark else None, None,
            f"this is not valid YAML ({error.problem}).",
            "check the indentation and the quotes on this line and the line above it; "
            "text that contains a colon followed by a space must be put in quotes.",
        ) from None
    lines: dict[Key, int] = {}
    data = _walk(root, (), lines, shown_as) if root is not None else None
    return YamlSource(shown_as, data, lines)
