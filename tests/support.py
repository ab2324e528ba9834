"""What the tests share: the project's site model, and how to build, copy and serve the site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
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


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )


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
