"""What the tests share: the project's site model, and how to build, copy and serve the site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from handbook.content.site import Site

# Read at collection time: tests are parametrized by language and page.
SITE = Site.load(Path(__file__).resolve().parent.parent)
LANGUAGES: list[str] = list(SITE.languages)
DEFAULT: str = SITE.default
PAGES: list[str] = SITE.pages()
ROOT: Path = SITE.project_dir


def mkdocs_config(project: Path = ROOT) -> MkDocsConfig:
    """A project's mkdocs.yml, read and validated by MkDocs."""
    return load_config(str(project / "mkdocs.yml"))


def native_names() -> dict[str, str]:
    """Each language's own name, as mkdocs.yml gives it to the language switcher."""
    return {language.locale: language.name for language in mkdocs_config().plugins["i18n"].config.languages}


@dataclass(frozen=True)
class Build:
    site: Path
    output: str
    project: Path = ROOT


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )


@dataclass
class SharedBuild:
    """A strict build that a whole test run shares, started in the background as soon as the run
    knows it needs it (tests/conftest.py), so that the tests that do not need it run meanwhile.

    With pytest-xdist each worker is a process of its own: the first to create the build's folder
    (an atomic mkdir) prepares the project and starts the build; every worker waits for its exit
    code, written to a file once the build has finished."""

    name: str
    # Makes the project to build in the folder given, and returns it; None: the project itself.
    prepare: Callable[[Path], Path] | None = None
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    recorder: threading.Thread | None = None

    def start(self, run_folder: Path) -> None:
        folder = run_folder / self.name
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            return  # another worker has started it
        try:
            project = self.prepare(folder) if self.prepare else ROOT
            (folder / "project-folder").write_text(str(project), encoding="utf-8")
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **self.env}
            with (folder / "output.txt").open("w", encoding="utf-8") as output:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder / "site")],
                    cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
        except BaseException as error:  # every worker waiting for it must hear why
            (folder / "output.txt").write_text(f"the build could not start: {error!r}", encoding="utf-8")
            (folder / "returncode").write_text("1", encoding="utf-8")
            raise
        self.recorder = threading.Thread(target=self._record, args=(folder,), daemon=True)
        self.recorder.start()

    def _record(self, folder: Path) -> None:
        code = self.process.wait()
        (folder / "returncode.tmp").write_text(str(code), encoding="utf-8")
        os.replace(folder / "returncode.tmp", folder / "returncode")

    def result(self, run_folder: Path, timeout: float = 1800) -> Build:
        """The finished build (started now if no one has); fails the test if the build failed."""
        self.start(run_folder)
        folder = run_folder / self.name
        deadline = time.monotonic() + timeout
        while not (folder / "returncode").exists():
            assert time.monotonic() < deadline, f"the shared build {self.name} did not finish in {timeout} s"
            time.sleep(0.2)
        output = (folder / "output.txt").read_text(encoding="utf-8")
        assert (folder / "returncode").read_text() == "0", f"the build {self.name} failed:\n{output[-4000:]}"
        return Build(folder / "site", output, Path((folder / "project-folder").read_text(encoding="utf-8")))

    def finish(self) -> None:
        """Wait for a build this process started (another worker may still need it)."""
        if self.recorder is not None:
            self.recorder.join()


def copy_project(target: Path) -> Path:
    """A copy of the project's sources, for builds that change something on purpose."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", "data", "translations"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, with each language's own 404 page, as a web host would be set up."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        language = SITE.language_of(urlsplit(self.path).path.lstrip("/"))
        body = (SITE.folder(Path(self.directory), language) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# A page in English only, as a new page is until it is translated (partly_translated below).
NEW_PAGE = "new-english-page"
# A page whose Kazakh translation is missing there.
UNTRANSLATED = ("kk", "sources")


def partly_translated(folder: Path) -> Path:
    """A copy of the project as it is while translations catch up: one more page, in English only,
    in the navigation (after the home page) and in the published ids; and one Kazakh page gone."""
    project = copy_project(folder / "project")
    (project / "docs" / DEFAULT / f"{NEW_PAGE}.md").write_text(
        "---\ntitle: A new page\ndescription: A page that only exists in English so far.\n---\n\n"
        "# A new page\n\nIt has one section.\n\n## The only section {#the-only-section}\n\nText.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - index.md\n" in text  # after the home page, which stays the first page
    config.write_text(text.replace("\n  - index.md\n", f"\n  - index.md\n  - {NEW_PAGE}.md\n", 1), encoding="utf-8")
    published = project / "data" / "published-ids.yml"
    published.write_text(published.read_text(encoding="utf-8").replace(
        "\npages:\n", f"\npages:\n  {NEW_PAGE}:\n    - the-only-section\n", 1), encoding="utf-8")
    language, page = UNTRANSLATED
    (project / "docs" / language / f"{page}.md").unlink()
    return project
