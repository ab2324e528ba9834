"""The response headers and 404 routing a web host should give the built site, written into it.

GitHub Pages sends no headers of a site's choosing, so every page carries its policy as a
`<meta>` (handbook/security/csp.py). Hosts that can send headers get them from two generated files:
- `_headers` (Netlify, Cloudflare Pages): the same policy with every hash of the site, plus
  `frame-ancestors 'none'`, and the other security headers; long caching for files whose names
  carry their content's hash, none for `sw.js`. handbook/commands/static_host.py serves by it too.
- `nginx.conf`: the same, for an nginx `server { }` block that serves the folder (`include` it
  after `root`), with each language's own 404 page and gzip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from pathlib import Path

from handbook.security.csp import policy

HEADERS_FILE = "_headers"
NGINX_FILE = "nginx.conf"
WORKER = "sw.js"
SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")
GZIP_TYPES = ("text/css", "text/javascript", "application/javascript", "application/json",
              "application/manifest+json", "image/svg+xml", "application/xml", "text/xml", "text/plain")


def fingerprinted(site_dir: Path) -> list[str]:
    """Site addresses of the files whose names carry a content hash (Material's bundles)."""
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.min.*")
                  if _FINGERPRINTED.search(path.name))


def page_patterns(base: str = "/") -> tuple[str, ...]:
    """The addresses of pages (HTML): the policy goes with these only, as it applies to documents."""
    return (base, base + "*/", base + "*.html")


def header_rules(scripts: Iterable[str], styles: Iterable[str], immutable: Iterable[str],
                 base: str = "/") -> dict[str, dict[str, str]]:
    """{address pattern: headers}; every rule that matches an address applies."""
    rules: dict[str, dict[str, str]] = {base + "*": dict(SECURITY)}
    for pattern in page_patterns(base):
        rules[pattern] = {"Content-Security-Policy": policy(sorted(scripts), sorted(styles), header=True)}
    for address in immutable:
        rules[base + address] = {"Cache-Control": IMMUTABLE}
    rules[base + WORKER] = {"Cache-Control": NO_CACHE}
    return rules


def headers_file(rules: Mapping[str, Mapping[str, str]]) -> str:
    """The rules in the `_headers` format of Netlify and Cloudflare Pages."""
    lines = ["# Response headers for Netlify and Cloudflare Pages (written by the build)."]
    for pattern, headers in rules.items():
        lines += [pattern, *(f"  {name}: {value}" for name, value in headers.items())]
    return "\n".join(lines) + "\n"


def read_headers_file(text: str) -> dict[str, dict[str, str]]:
    """The rules of a `_headers` file."""
    rules: dict[str, dict[str, str]] = {}
    pattern = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = line.strip()
            rules.setdefault(pattern, {})
        elif pattern is not None and ":" in line:
            name, value = line.split(":", 1)
            rules[pattern][name.strip()] = value.strip()
    return rules


def headers_for(rules: Mapping[str, Mapping[str, str]], path: str) -> dict[str, str]:
    """The headers for a request path: every matching rule's, later rules winning."""
    found: dict[str, str] = {}
    for pattern, headers in rules.items():
        if fnmatchcase(path, pattern):
            found.update(headers)
    return found


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def nginx_file(rules: Mapping[str, Mapping[str, str]], languages: Mapping[str, str], base: str = "/") -> str:
    """An nginx `server { }` part: the same headers, gzip, and each language's own 404 page.

    `languages` maps each language to its root ("" for the default). nginx drops the outer
    `add_header`s in a location that has its own, so every location repeats all it needs."""
    everywhere = rules[base + "*"]
    page = rules[base]

    def headers(extra: Mapping[str, str], indent: str = "    ") -> list[str]:
        return [f"{indent}add_header {name} {_quoted(value)} always;" for name, value in {**everywhere, **extra}.items()]

    def folder(root: str) -> list[str]:
        """A language's folder: its 404 page, and the policy on its pages (addresses ending in / or .html)."""
        return [f"location {base}{root} {{", *([f"    error_page 404 {base}{root}404.html;"] if root else []),
                *headers({}), '    location ~ "(/|\\.html)$" {', *headers(page, "        "), "    }", "}"]

    lines = [
        "# The difficult-clients handbook, for nginx (written by the build): `include` this file in the",
        "# server { } block whose `root` is the built site.",
        "charset utf-8;",
        "absolute_redirect off;",
        "gzip on;",
        "gzip_vary on;",
        "gzip_min_length 256;",
        f"gzip_types {' '.join(GZIP_TYPES)};",
        f"error_page 404 {base}404.html;",
        *folder(""),
    ]
    for root in languages.values():
        if root:
            lines += folder(root)
    for pattern, extra in rules.items():
        if pattern != base + "*" and pattern not in page_patterns(base):
            lines += [f"location = {pattern} {{", *headers(extra), "}"]
    return "\n".join(lines) + "\n"


def write(site_dir: Path, scripts: Iterable[str], styles: Iterable[str], languages: Mapping[str, str],
          base: str = "/") -> None:
    """Write `_headers` and `nginx.conf` into the built site."""
    rules = header_rules(scripts, styles, fingerprinted(site_dir), base)
    (site_dir / HEADERS_FILE).write_text(headers_file(rules), encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx_file(rules, languages, base), encoding="utf-8")
