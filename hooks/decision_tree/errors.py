"""The one error type of the decision tree, with a message written for the person editing it."""

from __future__ import annotations


class TreeError(Exception):
    """A problem in the tree data: where it is, what is wrong, and how to fix it."""

    def __init__(self, file: str, line: int | None, node: str | None, problem: str, fix: str):
        self.file, self.line, self.node, self.problem, self.fix = file, line, node, problem, fix
        where = file + (f", line {line}" if line else "")
        if node:
            where += f", node '{node}'"
        super().__init__(f"{where}: {problem} Fix: {fix}")
