"""`python3 tasks.py serve`, the live preview: a build error shows its message in the browser and
fixing the file brings the site back; an edit to a hook or to the handbook's own code shows after
the rebuild; stopping the command stops the server it started."""

from __future__ import annotations

import os
import shutil
import signal
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
BROKEN_FROM, BROKEN_TO = "next: mental-abuse", "next: no-such-node"
BUILT = "Documentation built in"
# Appended to a hook: the page shows a word from a module of the handbook's package.
PROBE_HOOK = '''

_before_probe = globals().get("on_post_page")


def on_post_page(output, **kwargs):
    from handbook import preview_probe

    output = _before_probe(output, **kwargs) if _before_probe else output
    return output.replace("</body>", f'<p id="probe">{preview_probe.WORD}-{PROBE}</p></body>')
'''


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, command: list[str], cwd: Path, log: Path):
        self.port = free_port()
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{self.port}"],
                                        cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, count: int = 1, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while self.output().count(text) < count:
            assert self.process.poll() is None, f"the server stopped:\n{self.output()[-3000:]}"
            assert time.monotonic() < deadline, f"waited in vain for {text!r}:\n{self.output()[-3000:]}"
            time.sleep(0.3)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=60) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture
def served(tmp_path: Path):
    """The live preview of a copy of the project that has its own handbook/ package."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "handbook", project / "handbook", ignore=shutil.ignore_patterns("__pycache__"))
    # Run from the copy, the copy's handbook/ is the one imported (the current folder comes first).
    server = Server([sys.executable, "-m", "handbook.live_preview"], project, tmp_path / "serve.log")
    try:
        server.wait_for("Serving on")
        yield project, server
    finally:
        server.stop()


def test_a_build_error_shows_its_message_in_the_browser_and_fixing_the_file_brings_the_site_back(served) -> None:
    project, server = served
    assert server.get("kk/decision-tool/")[0] == 200
    tree = project / TREE
    good = tree.read_text(encoding="utf-8")
    assert BROKEN_FROM in good
    tree.write_text(good.replace(BROKEN_FROM, BROKEN_TO, 1), encoding="utf-8")
    line = next(number for number, text in enumerate(good.splitlines(), 1) if BROKEN_FROM in text)
    server.wait_for("The build failed")
    for page in ("kk/decision-tool/", "", "listening/"):
        status, html = server.get(page)
        assert status == 500 and 'id="build-error"' in html, page
        message = html[html.index("Decision tree:"):].splitlines()[0]
        assert f"{TREE.as_posix()}, line {line}" in message and "Fix:" in message and "no-such-node" in message
        assert "/livereload/" in html, "the error page does not reload by itself"
    tree.write_text(good, encoding="utf-8")
    server.wait_for(BUILT, count=2)
    status, html = server.get("kk/decision-tool/")
    assert status == 200 and "data-hb-tool" in html and 'id="build-error"' not in html
    assert f'lang="{DEFAULT}"' not in html[:200]


def test_an_edit_to_a_hook_or_to_the_handbook_code_shows_after_the_rebuild(served) -> None:
    project, server = served
    watched = server.output().split("Watching paths for changes:", 1)[1].splitlines()[0]
    for name in ("mkdocs.yml", "docs", "data", "translations", "overrides", "hooks", "handbook"):
        assert f"'{name}'" in watched, f"{name} is not watched: {watched}"
    (project / "handbook" / "preview_probe.py").write_text('WORD = "first"\n', encoding="utf-8")
    hook = project / "hooks" / "section_redirects.py"
    hook.write_text(hook.read_text(encoding="utf-8") + "\nPROBE = 'one'\n" + PROBE_HOOK, encoding="utf-8")
    server.wait_for(BUILT, count=2)
    assert '<p id="probe">first-one</p>' in server.get("listening/")[1]
    # The same size and, most likely, the same second: the code must still be read afresh.
    (project / "handbook" / "preview_probe.py").write_text('WORD = "again"\n', encoding="utf-8")
    server.wait_for(BUILT, count=3)
    assert '<p id="probe">again-one</p>' in server.get("listening/")[1]
    hook.write_text(hook.read_text(encoding="utf-8").replace("PROBE = 'one'", "PROBE = 'two'"), encoding="utf-8")
    server.wait_for(BUILT, count=4)
    assert '<p id="probe">again-two</p>' in server.get("kk/listening/")[1]


def test_stopping_tasks_serve_stops_the_server_it_started(tmp_path: Path) -> None:
    server = Server([sys.executable, str(ROOT / "tasks.py"), "serve"], ROOT, tmp_path / "serve.log")
    try:
        server.wait_for("Serving on")
        assert server.get("")[0] == 200
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) is not None
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
        assert "Shutting down" in server.output()
    finally:
        server.stop()

