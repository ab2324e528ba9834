"""What the tests share: the project's languages and pages, and how to build the site."""

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

from tools.project import DEFAULT, LANGUAGES, ROOT, i18n_languages, mkdocs_config

__all__ = ["DEFAULT", "LANGUAGES", "ROOT", "mkdocs_config"]


NATIVE_NAMES: dict[str, str] = {lang["locale"]: lang["name"] for lang in i18n_languages()}
PAGES: list[str] = sorted(p.stem for p in (ROOT / "docs" / DEFAULT).glob("*.md"))


def url_prefix(language: str) -> str:
    """The address prefix of a language: "" for the default language, "tr/" for Turkish."""
    return "" if language == DEFAULT else f"{language}/"


def page_path(language: str, page: str) -> str:
    """The address path of a page in a language, e.g. "tr/listening/"."""
    return url_prefix(language) + ("" if page == "index" else f"{page}/")


@dataclass(frozen=True)
class Build:
    site: Path
    output: str


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's sources, for builds that break something on purpose."""
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
        first = urlsplit(self.path).path.strip("/").split("/")[0]
        page = Path(self.directory) / (first if first in LANGUAGES else "") / "404.html"
        body = page.read_bytes()
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
