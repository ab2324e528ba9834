"""`python3 tasks.py serve`, the live preview: a build error shows its message in the browser and
fixing the file brings the site back; an edit to a page, a translation, a template, a hook or the
handbook's own code shows after the rebuild; stopping the command stops the server it started.
`python3 tasks.py preview` (the static host) serves a built folder named as the README does."""

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
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import DEFAULT, ROOT, Build, copy_project

TREE = Path("data") / "decision-tree.yml"
BROKEN_FROM, BROKEN_TO = "next: payment", "next: no-such-node"
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


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=600) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


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
        return get(self.port, path)

    def after_next(self, text: str, change: Callable[[], None]) -> None:
        """Make a change, then wait until the server has said `text` once more."""
        count = self.output().count(text)
        change()
        self.wait_for(text, count + 1)

    def shows_after_change(self, path: str, text: str, change: Callable[[], None]) -> bool:
        """Make a change; does the page show `text` once the site has been rebuilt (at most twice)?"""
        count = self.output().count(BUILT)
        change()
        while self.output().count(BUILT) < count + 2:
            if text in self.get(path)[1]:
                return True
            assert self.process.poll() is None, f"the server stopped:\n{self.output()[-3000:]}"
            time.sleep(0.5)
        return text in self.get(path)[1]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """The live preview of a copy of the project that has its own handbook/ package."""
    folder = tmp_path_factory.mktemp("preview")
    project = copy_project(folder / "project")
    shutil.copytree(ROOT / "handbook", project / "handbook", ignore=shutil.ignore_patterns("__pycache__"))
    # Run from the copy, the copy's handbook/ is the one imported (the current folder comes first).
    server = Server([sys.executable, "-m", "handbook.commands.live_preview"], project, folder / "serve.log")
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
    line = next(number for number, text in enumerate(good.splitlines(), 1) if BROKEN_FROM in text)
    server.after_next("The build failed",
                      lambda: tree.write_text(good.replace(BROKEN_FROM, BROKEN_TO, 1), encoding="utf-8"))
    for page in ("kk/decision-tool/", "", "listening/"):
        status, html = server.get(page)
        assert status == 500 and 'id="build-error"' in html, page
        message = html[html.index("Decision tree:"):].splitlines()[0]
        assert f"{TREE.as_posix()}, line {line}" in message and "Fix:" in message and "no-such-node" in message
        assert "/livereload/" in html, "the error page does not reload by itself"
    server.after_next(BUILT, lambda: tree.write_text(good, encoding="utf-8"))
    status, html = server.get("kk/decision-tool/")
    assert status == 200 and "data-hb-tool" in html and 'id="build-error"' not in html
    assert f'lang="{DEFAULT}"' not in html[:200]


def test_an_edit_to_a_hook_or_to_the_handbook_code_shows_after_the_rebuild(served) -> None:
    project, server = served
    watched = server.output().split("Watching paths for changes:", 1)[1].splitlines()[0]
    for name in ("mkdocs.yml", "docs", "data", "translations", "overrides", "hooks", "handbook"):
        assert f"'{name}'" in watched, f"{name} is not watched: {watched}"
    probe, hook = project / "handbook" / "preview_probe.py", project / "hooks" / "section_redirects.py"

    def add_probe() -> None:
        probe.write_text('WORD = "first"\n', encoding="utf-8")
        hook.write_text(hook.read_text(encoding="utf-8") + "\nPROBE = 'one'\n" + PROBE_HOOK, encoding="utf-8")

    assert server.shows_after_change("listening/", '<p id="probe">first-one</p>', add_probe)
    # The same size and, most likely, the same second: the code must still be read afresh.
    assert server.shows_after_change("listening/", '<p id="probe">again-one</p>',
                                     lambda: probe.write_text('WORD = "again"\n', encoding="utf-8"))
    assert server.shows_after_change("kk/listening/", '<p id="probe">again-two</p>', lambda: hook.write_text(
        hook.read_text(encoding="utf-8").replace("PROBE = 'one'", "PROBE = 'two'"), encoding="utf-8"))


def test_an_edit_to_a_page_a_translation_and_a_template_shows_after_the_rebuild(served) -> None:
    project, server = served
    page, words = project / "docs" / "kk" / "listening.md", project / "translations" / "kk" / "ui.yml"
    template = project / "overrides" / "partials" / "copyright.html"

    def edit() -> None:
        page.write_text(page.read_text(encoding="utf-8") + "\nБетке жаңа сөйлем.\n", encoding="utf-8")
        words.write_text(words.read_text(encoding="utf-8").replace("status_page: ", "status_page: Жаңа ", 1),
                         encoding="utf-8")
        template.write_text(template.read_text(encoding="utf-8").replace("</div>", '<span id="template-probe"></span></div>', 1),
                            encoding="utf-8")

    assert server.shows_after_change("kk/listening/", '<span id="template-probe"></span>', edit)
    html = server.get("kk/listening/")[1]
    assert "Бетке жаңа сөйлем." in html and ">Жаңа " in html


def test_stopping_tasks_serve_stops_the_server_it_started(tmp_path: Path) -> None:
    # A one-page site: what is tested here is the process, not the handbook.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# One page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: One page\n", encoding="utf-8")
    server = Server([sys.executable, str(ROOT / "tasks.py"), "serve", "--config-file", str(tmp_path / "mkdocs.yml")],
                    ROOT, tmp_path / "serve.log")
    try:
        server.wait_for("Serving on")
        assert server.get("")[0] == 200
        assert Path(server.output().split("The preview is built in ", 1)[1].split()[0]).is_dir()
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) is not None
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
        assert "Shutting down" in server.output()
        folder = Path(server.output().split("The preview is built in ", 1)[1].split()[0])
        assert not folder.exists(), "the build folder was left behind"
    finally:
        server.stop()



def test_the_static_host_serves_a_relative_folder_on_the_port_asked_and_prints_its_address(build: Build) -> None:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "handbook.commands.static_host", build.site.name, "--port", str(port)],
                               cwd=build.site.parent, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "HANDBOOK_PROJECT": str(ROOT)})
    try:
        line = process.stdout.readline()
        assert f"Serving {build.site.name} at http://127.0.0.1:{port}/" in line, line
        assert get(port, "")[0] == 200 and get(port, "kk/listening/")[0] == 200
        status, html = get(port, "kk/no-such-page/")
        assert status == 404 and 'lang="kk"' in html
    finally:
        process.terminate()
        process.wait(timeout=30)
