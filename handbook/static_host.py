"""Serve a built site the way a static web host does: `python -m handbook.static_host [site/]`.

Text files go out gzip-compressed when the browser accepts it, with a cache lifetime and the
headers the build wrote into the site's `_headers` (the Content-Security-Policy and the other
security headers, as a host would send them); a missing address under a language's root is
answered with that language's 404.html, any other with the default language's. Used by the benchmark and the browser tests; for trying the built site.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .host_config import HEADERS_FILE, headers_for, read_headers_file
from .site import Site

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
        # The headers the build wrote for hosts (handbook/host_config.py): the security headers,
        # and long caching for files whose names carry a content hash; anything else may change.
        headers = {"Cache-Control": "public, max-age=600", **headers_for(self._rules(), address.path)}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


def serve(site_dir: Path, site: Site, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site_dir` on 127.0.0.1 in a background thread; the server and its address."""
    handler = functools.partial(type("Host", (StaticHost,), {"site": site}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0] if argv else "site")
    server, url = serve(site_dir, Site.load(), port=8001)
    print(f"Serving {site_dir} at {url} (gzip, per-language 404 pages); Ctrl+C stops.")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
