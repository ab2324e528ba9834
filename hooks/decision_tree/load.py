"""Turn the checked YAML of the tree, and of its translations, into a Tree."""

from __future__ import annotations

from .errors import TreeError
from .model import Answer, Node, Outcome, Question, Tree
from .yaml_source import YamlSource


def build_tree(source: YamlSource) -> Tree:
    """The tree of a file that has passed the schema check."""
    nodes: dict[str, Node] = {}
    for node_id, raw in source.data["nodes"].items():
        if raw["type"] == "question":
            answers = tuple(Answer(a["id"], a["label"], a["next"]) for a in raw["answers"])
            nodes[node_id] = Question(node_id, raw["text"], raw.get("help"), answers)
        else:
            nodes[node_id] = Outcome(node_id, raw["title"], raw["why"],
                                     tuple(raw["next_steps"]), tuple(raw["read"]))
    return Tree(source.data["start"], nodes)


def _text(source: YamlSource, node: str, value: object, *path: object) -> str:
    name = ".".join(str(p) for p in path[1:])
    if value is None or (isinstance(value, str) and not value.strip()):
        raise TreeError(source.file, source.line(*path), node,
                        f"the translation of '{name}' is missing or empty.",
                        f"add '{name}' under '{node}' with the translated text "
                        "(see data/decision-tree.yml for the English).")
    if not isinstance(value, str):
        raise TreeError(source.file, source.line(*path), node,
                        f"'{name}' must be text.",
                        'put the text in quotes, for example: "Yes".')
    return value


def _only_keys(source: YamlSource, node: str, raw: dict, allowed: set[str], *path: object) -> None:
    for key in raw:
        if key not in allowed:
            structural = key in {"type", "next", "id", "read"}
            raise TreeError(
                source.file, source.line(*path, key), node,
                f"'{key}' is not something a translation can contain.",
                "a translation only translates text; change the structure in data/decision-tree.yml."
                if structural else
                f"remove '{key}' or correct its spelling; allowed here: {', '.join(sorted(allowed))}.",
            )


def translate(tree: Tree, source: YamlSource) -> Tree:
    """The tree with the text of a translation file; the structure stays the tree's own."""
    data = source.data
    if not isinstance(data, dict):
        raise TreeError(source.file, 1, None, "the file holds no translations.",
                        "copy the layout of another language's decision-tree.yml and translate it.")
    for node_id in data:
        if node_id not in tree.nodes:
            raise TreeError(source.file, source.line(node_id), node_id,
                            "there is no node with this id in data/decision-tree.yml.",
                            "remove it, or correct the id to one in data/decision-tree.yml.")
    nodes: dict[str, Node] = {}
    for node_id, node in tree.nodes.items():
        raw = data.get(node_id)
        if not isinstance(raw, dict):
            raise TreeError(source.file, source.line(node_id), node_id,
                            "this node is not translated.",
                            f"add '{node_id}:' with the translated text of every field.")
        if isinstance(node, Question):
            allowed = {"text", "answers"} | ({"help"} if node.help is not None else set())
            _only_keys(source, node_id, raw, allowed, node_id)
            help_text = (_text(source, node_id, raw.get("help"), node_id, "help")
                         if node.help is not None else None)
            labels = raw.get("answers")
            if not isinstance(labels, dict):
                raise TreeError(source.file, source.line(node_id), node_id,
                                "the answers are not translated.",
                                "add 'answers:' with one line per answer id, as 'id: label'.")
            _only_keys(source, node_id, labels, {a.id for a in node.answers}, node_id, "answers")
            answers = tuple(
                Answer(a.id, _text(source, node_id, labels.get(a.id), node_id, "answers", a.id), a.next)
                for a in node.answers)
            nodes[node_id] = Question(node_id, _text(source, node_id, raw.get("text"), node_id, "text"),
                                      help_text, answers)
        else:
            _only_keys(source, node_id, raw, {"title", "why", "next_steps"}, node_id)
            steps = raw.get("next_steps")
            if not isinstance(steps, list) or len(steps) != len(node.next_steps):
                raise TreeError(source.file, source.line(node_id, "next_steps"), node_id,
                                f"'next_steps' must be a list of exactly {len(node.next_steps)} items, "
                                "like the English.",
                                "translate each step of data/decision-tree.yml, one list item each.")
            nodes[node_id] = Outcome(
                node_id,
                _text(source, node_id, raw.get("title"), node_id, "title"),
                _text(source, node_id, raw.get("why"), node_id, "why"),
                tuple(_text(source, node_id, s, node_id, "next_steps", i) for i, s in enumerate(steps)),
                node.read,
            )
    return Tree(tree.start, nodes)
