"""`python3 tasks.py serve` for contributors: a mistake in the tree data shows the build's own
message, the server keeps running, and fixing the file brings the site back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support import DEFAULT, ROOT, copy_project

TREE = Path("data") / "decision-tree.yml"
BROKEN_FROM, BROKEN_TO = "next: payment", "next: no-such-node"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, project: Path, log: Path):
        self.port = free_port()
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_SERVE": "1"}
        # What `python3 tasks.py serve` runs (a copy has no handbook/ of its own to watch).
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, count: int = 1, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while self.output().count(text) < count:
            assert self.process.poll() is None, f"the server stopped:\n{self.output()[-3000:]}"
            assert time.monotonic() < deadline, f"waited in vain for {text!r}:\n{self.output()[-3000:]}"
            time.sleep(0.5)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def served(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    server = Server(project, tmp_path / "serve.log")
    try:
        server.wait_for("Serving on")
        yield project, server
    finally:
        server.stop()


def test_a_tree_mistake_during_serve_shows_the_message_and_fixing_it_brings_the_site_back(served) -> None:
    project, server = served
    built = "Documentation built in"
    assert server.get("kk/decision-tool/")[0] == 200
    tree = project / TREE
    good = tree.read_text(encoding="utf-8")
    assert BROKEN_FROM in good
    tree.write_text(good.replace(BROKEN_FROM, BROKEN_TO, 1), encoding="utf-8")
    line = good.splitlines().index(next(l for l in good.splitlines() if BROKEN_FROM in l)) + 1
    server.wait_for("no-such-node")
    message = server.output()[server.output().index("Decision tree:"):].splitlines()[0]
    assert f"{TREE.as_posix()}, line {line}" in message and "Fix:" in message, message
    time.sleep(1)
    assert server.process.poll() is None, "the server stopped at the mistake"
    tree.write_text(good, encoding="utf-8")
    server.wait_for(built, count=2)
    status, html = server.get("kk/decision-tool/")
    assert status == 200 and "data-hb-tool" in html and f'lang="{DEFAULT}"' not in html[:200]


def test_serve_watches_everything_that_makes_the_site() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    watched = config.split("\nwatch:\n", 1)[1].split("\n\n", 1)[0]
    assert {line.strip("- ").strip() for line in watched.splitlines()} >= {"data", "translations", "overrides", "hooks"}
    tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
    assert '"--watch", "handbook"' in tasks
