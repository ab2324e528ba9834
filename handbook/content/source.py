"""The data files writers edit, read with a line number for every value, and their one error type.

Every problem in data/decision-tree.yml, data/published-ids.yml or a file under translations/
is a DataError: the file, the line, what is wrong and how to fix it, in words for the person
editing the file. The build stops with exactly that message.

The reader is safe by design. It reads the parser's events one by one and builds the data
itself, without recursion, so no file can make it run out of stack or memory:
- the bytes must be UTF-8;
- only plain YAML is read: mappings, lists and scalars. Tags (`!!python/...`, any `!tag`),
  anchors and aliases (`&name`, `*name`) and merge keys (`<<:`) are refused with a message:
  the handbook's files never need them, and aliases are how a small file expands into gigabytes;
- a key must be text: a list or a group as a key is refused, and an unquoted yes/no/on/off/true/
  false key (which YAML reads as true/false) is refused with the advice to quote it;
- values may be nested at most MAX_DEPTH deep;
- text is text: a value holding markup (`<`, `>` or an `&name;` entity) is refused, because
  writers and translators never need HTML there and the site shows every value as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import re

import yaml

Key = tuple[Any, ...]
MAX_DEPTH = 32  # the deepest file (the tree) nests 6 deep


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


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster
_RESOLVER = yaml.resolver.Resolver()
_SCALARS = yaml.constructor.SafeConstructor()
_BOOLEAN_TAG = "tag:yaml.org,2002:bool"
_STRING_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _scalar(event: yaml.ScalarEvent) -> tuple[Any, str]:
    """The value of a scalar as YAML's safe loader reads it (text, number, true/false, null,
    date), and the tag it resolved to."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    return _SCALARS.construct_object(node, deep=True), tag


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1


class _Builder:
    """Builds the data of one file from its events, with an explicit stack."""

    def __init__(self, file: str):
        self.file = file
        self.lines: dict[Key, int] = {}
        # Each open collection: [container, its path, the pending key of a mapping or None].
        self.stack: list[list[Any]] = []
        self.result: Any = None

    def refuse(self, event: yaml.Event, problem: str, fix: str) -> DataError:
        return DataError(self.file, _line(event), problem, fix)

    def check(self, event: yaml.Event) -> None:
        if getattr(event, "anchor", None) is not None or isinstance(event, yaml.AliasEvent):
            raise self.refuse(event, "this file uses a YAML anchor or alias (&name or *name), which the "
                                     "handbook's data files do not use.",
                              "write the value out in full where it is needed, without '&' or '*'.")
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!" and event.implicit[1]):
            raise self.refuse(event, f"this file uses a YAML tag ({tag}), which the handbook's data files do not use.",
                              "remove the tag (the word starting with '!') and write the value as plain text.")

    def path_of_next(self, event: yaml.Event) -> Key | None:
        """Where a new value goes; None when it is a mapping key."""
        if not self.stack:
            return ()
        container, path, key = self.stack[-1]
        if isinstance(container, list):
            return path + (len(container),)
        return None if key is _NO_KEY else path + (key,)

    def add(self, event: yaml.Event, value: Any, path: Key) -> None:
        if not self.stack:
            self.result = value
            return
        entry = self.stack[-1]
        container = entry[0]
        if isinstance(container, list):
            container.append(value)
        else:
            container[entry[2]] = value
            entry[2] = _NO_KEY

    def key(self, event: yaml.Event) -> None:
        """A mapping key: text only, once per mapping."""
        entry = self.stack[-1]
        container, path = entry[0], entry[1]
        if not isinstance(event, yaml.ScalarEvent):
            raise self.refuse(event, "a list or a group of 'key: value' lines is used as a key.",
                              "a key is a single word or text before a colon; check the indentation "
                              "and remove '?', '[' or '{' before the key.")
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _MERGE_TAG:
            raise self.refuse(event, "this file uses a YAML merge key ('<<:'), which the handbook's data "
                                     "files do not use.",
                              "write every field out in full instead of merging it from elsewhere.")
        if tag == _BOOLEAN_TAG:
            raise self.refuse(event, f"YAML reads the unquoted key '{event.value}' as true or false, not as text.",
                              f"write the answer ids in quotes: '{event.value}': (or \"{event.value}\":).")
        if tag != _STRING_TAG:
            kind = {"int": "a number", "float": "a number", "null": "empty (null)"}.get(tag.rsplit(":", 1)[-1], "a date")
            raise self.refuse(event, f"the key '{event.value}' is not text: YAML reads it as {kind}.",
                              f"put the key in quotes: '{event.value}':")
        value = event.value
        if value in container:
            raise self.refuse(event, f"the key '{value}' appears twice in the same place.",
                              "every id and every field may appear only once; rename or remove one of them.")
        entry[2] = value
        self.lines[path + (value,)] = _line(event)

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                              yaml.DocumentEndEvent)):
            return
        self.check(event)
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container = self.stack.pop()[0]
            self.add(event, container, ())
            return
        path = self.path_of_next(event)
        if path is None:
            self.key(event)
            return
        self.lines.setdefault(path, _line(event))  # a mapping value keeps its key's line
        if isinstance(event, yaml.ScalarEvent):
            self.add(event, _scalar(event)[0], path)
            return
        if len(self.stack) >= MAX_DEPTH:
            raise self.refuse(event, f"the values are nested more than {MAX_DEPTH} levels deep.",
                              "check the indentation and the brackets; the handbook's files nest only a few levels.")
        self.stack.append([{} if isinstance(event, yaml.MappingStartEvent) else [], path, _NO_KEY])


class _NoKey:
    pass


_NO_KEY = _NoKey()


def _decoded(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise DataError(file, line, f"the file is not UTF-8 text (byte {raw[error.start]:#04x} cannot be read).",
                        "save the file as UTF-8 in your editor (File > Save with encoding > UTF-8) "
                        "and check the letters on this line.") from None


def parse_yaml(text: str, file: str) -> YamlSource:
    """The data and line numbers of YAML text, or the DataError that says what is wrong."""
    builder = _Builder(file)
    loader = _LOADER(text)
    try:
        documents = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise builder.refuse(event, "the file holds more than one YAML document ('---').",
                                         "remove the '---' line and keep one document.")
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DataError(
            file, mark.line + 1 if mark else None,
            f"this is not valid YAML ({error.problem}).",
            "check the indentation and the quotes on this line and the line above it; "
            "text that contains a colon followed by a space must be put in quotes.",
        ) from None
    except yaml.YAMLError as error:
        raise DataError(file, None, f"this is not valid YAML ({error}).",
                        "check the file's indentation and quotes.") from None
    finally:
        loader.dispose()
    return YamlSource(file, builder.result, builder.lines)


MARKUP = re.compile(r"[<>]|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")


def refuse_markup(source: YamlSource) -> None:
    """A DataError at the first text value (or key) that holds markup: `<`, `>` or an entity."""

    def walk(value: Any, path: Key) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                check(key, path + (key,))
                walk(inner, path + (key,))
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                walk(inner, path + (i,))
        else:
            check(value, path)

    def check(value: Any, path: Key) -> None:
        found = MARKUP.search(value) if isinstance(value, str) else None
        if found:
            raise DataError(source.file, source.line(*path),
                            f"the text contains '{found.group()}', which would be markup (HTML) on the site; "
                            "the handbook shows this text exactly as written, never as HTML.",
                            "write plain words without '<', '>' or '&...;' (write 'and' for '&', "
                            "'less than' or 'more than' for '<' and '>').")

    walk(source.data, ())


def read_yaml(root: Path, file: str, missing_fix: str, *, text_only: bool = True) -> YamlSource:
    """Parse `root/file` (`file` is how messages name it); every problem is a DataError.

    With `text_only`, markup in any value is refused too (see refuse_markup); the decision tree
    checks its texts itself, naming the node."""
    path = root / file
    if not path.exists():
        raise DataError(file, None, "the file is missing.", missing_fix)
    source = parse_yaml(_decoded(path.read_bytes(), file), file)
    if text_only:
        refuse_markup(source)
    return source
