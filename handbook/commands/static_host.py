"""Serve a built site the way a static web host does: `python3 tasks.py preview [SITE] [--port N]`
(or `python -m handbook.commands.static_host [SITE] [--port N]`; SITE defaults to site/).

Text files go out gzip-compressed when the browser accepts it, with a cache lifetime and the
headers the build wrote into the site's `_headers` (the Content-Security-Policy and the other
security headers, as a host would send them); a missing address under a language's root is
answered with that language's 404.html, any other with the default language's. Used by the benchmark and the browser tests; for trying the built site.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import re
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.security.host_config import HEADERS_FILE, headers_for, read_headers_file
from handbook.content.site import Site, find_project

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}
TYPES = {".js": "text/javascript", ".json": "application/json", ".webmanifest": "application/manifest+json"}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    site: Site

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _rules(self) -> dict[str, dict[str, str]]:
        rules = Path(self.directory) / HEADERS_FILE
        return read_headers_file(rules.read_text(encoding="utf-8")) if rules.is_file() else {}

    def _file(self) -> Path | None:
        path = Path(self.directory) / unquote(urlsplit(self.path).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() and Path(self.directory) in path.resolve().parents else None

    def _answer(self, body: bool) -> None:
        address = urlsplit(self.path)
        if not address.path.endswith("/") and (Path(self.directory) / unquote(address.path).lstrip("/")).is_dir():
            self.send_response(301)  # a folder without its slash, as hosts do
            self.send_header("Location", address.path + "/" + (f"?{address.query}" if address.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        file = self._file()
        status = 200
        if file is None:
            status = 404
            language = self.site.language_of(urlsplit(self.path).path.lstrip("/"))
            file = self.site.folder(Path(self.directory), language) / "404.html"
        data = file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)) + ("; charset=utf-8" if file.suffix in COMPRESSED else ""))
        if file.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        # The headers the build wrote for hosts (handbook/security/host_config.py): the security headers,
        # and long caching for files whose names carry a content hash; anything else may change.
        headers = {"Cache-Control": "public, max-age=600", **headers_for(self._rules(), address.path)}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """A reader who moves on before a file has arrived closes the connection: that is not an
        error, and printing its traceback would bury the real ones."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site_dir: Path, site: Site, port: int = 0,
          host: type[StaticHost] = StaticHost) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site_dir` on 127.0.0.1 in a background thread with `host` (StaticHost or a subclass);
    the server and its address."""
    handler = functools.partial(type("Host", (host,), {"site": site}), directory=str(site_dir))
    server = Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def built_address(site_dir: Path) -> str | None:
    """The address the site was built for (SITE_URL), as its sitemap says."""
    sitemap = site_dir / "sitemap.xml"
    found = re.search(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else None
    return found.group(1) if found else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 tasks.py preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", help="the built site's folder (default: site)")
    parser.add_argument("--port", type=int, default=8001, help="the port on 127.0.0.1 (default 8001; 0: any free one)")
    options = parser.parse_args(argv)
    site_dir = Path(options.site).resolve()
    if not (site_dir / "index.html").is_file():
        print(f"{options.site} holds no built site: build it first with `python3 tasks.py build`.", file=sys.stderr)
        return 1
    try:  # the project the site was built from: around the site folder, else around here
        project = find_project(site_dir)
    except FileNotFoundError:
        try:
            project = find_project()
        except FileNotFoundError as error:
            print(error, file=sys.stderr)
            return 1
    server, url = serve(site_dir, Site.load(project), port=options.port)
    print(f"Serving {options.site} at {url} (gzip, per-language 404 pages); Ctrl+C stops.", flush=True)
    built_for = built_address(site_dir)
    if built_for and not built_for.startswith(url):
        print(f"The site was built for {built_for}: the language switcher and the quick card lead there. "
              f"To stay here, build it with SITE_URL={url} python3 tasks.py build", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
