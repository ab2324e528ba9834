"""The host configuration the build ships: Debian's nginx, started on 127.0.0.1 with the site's
nginx.conf, sends the policy and the security headers, each language's own 404 page and gzip; the
`_headers` file for Netlify and Cloudflare Pages says the same; handbook/commands/static_host.py sends it."""

from __future__ import annotations

import gzip
import html
import re
import http.client
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.security.csp import digest
from handbook.security.host_config import headers_for, read_headers_file
from handbook.commands.static_host import serve
from tests.support import DEFAULT, LANGUAGES, SITE, Build

NGINX = Path("/usr/sbin/nginx")
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
            "Cross-Origin-Opener-Policy")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _nginx_conf(prefix: Path, site: Path, port: int) -> Path:
    """A whole nginx configuration for one server that includes the site's shipped nginx.conf."""
    for folder in ("logs", "temp/client", "temp/proxy", "temp/fastcgi", "temp/uwsgi", "temp/scgi"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx-test.conf"
    conf.write_text(f"""
daemon off;
master_process off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/temp/client;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {site}/nginx.conf;
    }}
}}
""", encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def nginx(build: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    assert NGINX.exists(), "Debian's nginx is needed: apt-get install nginx"
    prefix = tmp_path_factory.mktemp("nginx")
    for _ in range(5):  # another process may take the free port before nginx binds it
        port = _free_port()
        conf = _nginx_conf(prefix, build.site, port)
        process = subprocess.Popen([str(NGINX), "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "logs/error.log")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        if process.poll() is None:
            break
    assert process.poll() is None, process.stderr.read().decode()
    yield "127.0.0.1", port
    process.terminate()
    process.wait(timeout=10)


def _get(server: tuple[str, int], path: str, gzipped: bool = False) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(*server, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzipped else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, body


def _policy_hashes(page: bytes) -> set[str]:
    text = page.decode("utf-8")
    meta = text.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    return _hashes(html.unescape(meta))


def _hashes(policy: str) -> set[str]:
    return set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy))


@pytest.mark.parametrize("language", LANGUAGES)
def test_nginx_sends_the_policy_and_security_headers_on_every_page(nginx, build: Build, language: str) -> None:
    for path in ("/" + SITE.root(language), "/" + SITE.page_url(language, "decision-tool"), f"/{SITE.root(language)}print/"):
        status, headers, body = _get(nginx, path)
        assert status == 200, path
        for name in SECURITY:
            assert name.lower() in headers, f"{path}: no {name}"
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy and "'unsafe-inline'" not in policy
        assert _policy_hashes(body) <= _hashes(policy), f"{path}: the header lacks a hash the page needs"
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("language", LANGUAGES)
def test_nginx_answers_a_missing_address_with_its_languages_404_page(nginx, build: Build, language: str) -> None:
    status, headers, body = _get(nginx, f"/{SITE.root(language)}no-such-page/")
    assert status == 404
    assert body == (SITE.folder(build.site, language) / "404.html").read_bytes()
    assert "content-security-policy" in headers


def test_nginx_answers_an_address_outside_every_language_with_the_root_404_page(nginx, build: Build) -> None:
    status, _, body = _get(nginx, "/no-such-folder/page/")
    assert status == 404 and body == (build.site / "404.html").read_bytes()


def test_nginx_compresses_text_and_caches_only_fingerprinted_files_for_long(nginx, build: Build) -> None:
    status, headers, body = _get(nginx, "/" + SITE.page_url(DEFAULT, "listening"), gzipped=True)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == (build.site / "listening" / "index.html").read_bytes()
    bundle = next((build.site / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(build.site).as_posix()
    status, headers, _ = _get(nginx, "/" + bundle, gzipped=True)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert "immutable" in headers["cache-control"] and headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in headers  # a policy applies to documents: pages only
    status, headers, _ = _get(nginx, "/sw.js")
    assert status == 200 and headers["cache-control"] == "no-cache"


def test_the_headers_file_holds_every_hash_any_page_uses(build: Build) -> None:
    rules = read_headers_file((build.site / "_headers").read_text(encoding="utf-8"))
    needed = set().union(*(_policy_hashes(page.read_bytes()) for page in build.site.rglob("*.html")))
    assert needed, "pages carry hashes of their inline code"
    for path in ("/", "/kk/listening/", "/tr/print/"):
        headers = headers_for(rules, path)
        assert needed <= _hashes(headers["Content-Security-Policy"])
        assert set(SECURITY) <= set(headers)
    assert headers_for(rules, "/sw.js")["Cache-Control"] == "no-cache"


def test_static_host_sends_the_same_headers(build: Build) -> None:
    server, url = serve(build.site, SITE)
    try:
        host = url.split("//")[1].rstrip("/").split(":")
        status, headers, body = _get((host[0], int(host[1])), "/kk/decision-tool/")
        assert status == 200
        expected = headers_for(read_headers_file((build.site / "_headers").read_text(encoding="utf-8")), "/kk/decision-tool/")
        assert {name.lower(): value for name, value in expected.items()}.items() <= headers.items()
        assert digest("document.documentElement.classList.add(\"hb-js\")") in headers["content-security-policy"]
    finally:
        server.shutdown()
