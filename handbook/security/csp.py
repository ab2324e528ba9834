"""The Content-Security-Policy of every page, and the inline code it allows.

Scripts and styles come from the site's own files (`'self'`). The few inline ones the site
needs are allowed by their sha256 hash, and only if they are written in a template: the bodies of
`<script>` and `<style>` in Material's templates, the handbook's overrides and the handbook's own
code are the known code (`known_code`); a page's inline code is hashed only when it is one of
those with its placeholders filled in. Anything else inline stops the build, so a script that
reached a page some other way is never hashed, and the browser refuses it.

The policy goes into every page as the first element after `<meta charset>` (a `<meta>` works on
any host, GitHub Pages included); hosts that can send headers send it too, with `frame-ancestors`
(which a `<meta>` cannot carry): see handbook/security/host_config.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from handbook.templates import render

_BODY = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)
_JINJA = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.DOTALL)
_FORMAT = re.compile(r"({{|}}|{[^{}]*})")
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)

BASE = {
    "img-src": "'self' data:", "font-src": "'self'", "connect-src": "'self'",
    "worker-src": "'self'", "manifest-src": "'self'", "object-src": "'none'", "base-uri": "'self'",
    "form-action": "'none'",
}


class UnknownCode(Exception):
    """Inline code on a page that no template holds."""


@dataclass(frozen=True)
class Known:
    """Patterns of the inline scripts and styles the templates write."""

    scripts: tuple[re.Pattern[str], ...]
    styles: tuple[re.Pattern[str], ...]


def _filled(quote: str | None) -> str:
    """A placeholder's value: never leaves its string (or, outside one, any string), never closes
    the element."""
    return "[^" + re.escape(quote or "\"'") + "<>\\\\\n]*"


def _quote_after(text: str, quote: str | None) -> str | None:
    """The string quote open after `text`, starting with `quote` open."""
    for char in text:
        if quote is None and char in "\"'":
            quote = char
        elif char == quote:
            quote = None
    return quote


def _pattern(body: str, placeholder: re.Pattern[str], literal: Iterable[tuple[str, str]] = ()) -> re.Pattern[str] | None:
    parts, quote = [], None
    for piece in placeholder.split(body):
        if not piece:
            continue
        if piece.startswith("{%") or piece.startswith("{#"):
            return None  # logic inside inline code: not a fixed text with values, not allowed
        text = dict(literal).get(piece)
        if text is None and placeholder.fullmatch(piece):
            parts.append(_filled(quote))
            continue
        text = piece if text is None else text
        parts.append(re.escape(text))
        quote = _quote_after(text, quote)
    return re.compile("".join(parts), re.DOTALL)


def known_code(template_dirs: Iterable[Path], code_dirs: Iterable[Path]) -> Known:
    """The inline `<script>` and `<style>` bodies of the templates (*.html, Jinja placeholders, in
    either kind of folder) and of the handbook's code (*.py, `str.format` placeholders)."""
    found: dict[str, list[re.Pattern[str]]] = {"script": [], "style": []}
    code_dirs = list(code_dirs)
    sources = [(path, _JINJA, ()) for folder in [*template_dirs, *code_dirs] for path in sorted(Path(folder).rglob("*.html"))]
    sources += [(path, _FORMAT, (("{{", "{"), ("}}", "}"))) for folder in code_dirs
                for path in sorted(Path(folder).rglob("*.py"))]
    for path, placeholder, literal in sources:
        for kind, body in _BODY.findall(path.read_text(encoding="utf-8")):
            pattern = _pattern(body, placeholder, literal)
            if pattern is not None and body.strip():
                found[kind].append(pattern)
    return Known(tuple(found["script"]), tuple(found["style"]))


_ELEMENT = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_OPENING = re.compile(r"<(?:script|style)\b", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_INLINE_ATTRIBUTE = re.compile(r"\s(on[a-z]+|style)\s*=", re.IGNORECASE)


def _inline(html: str) -> tuple[list[str], list[str], list[str]]:
    """The inline executable scripts, `<style>` bodies and inline attributes of a page."""
    scripts, styles = [], []
    elements = _ELEMENT.findall(html)
    if len(_OPENING.findall(html)) != len(elements):
        return [], [], ["<script> or <style> without its end tag"]
    for tag, attributes, body in elements:
        if tag.lower() == "style":
            styles.append(body)
        elif not _SRC.search(attributes):
            kind = _TYPE.search(attributes)
            if (kind.group(1).lower() if kind else "") in _EXECUTABLE:
                scripts.append(body)
    rest = _ELEMENT.sub("", html)
    attributes = [f"inline {found.group(1)}= attribute" for found in _INLINE_ATTRIBUTE.finditer(rest)
                  if rest.rfind("<", 0, found.start()) > rest.rfind(">", 0, found.start())]  # inside a tag
    return scripts, styles, attributes


def digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def hashes(html: str, known: Known) -> tuple[list[str], list[str]]:
    """The hashes of a page's inline scripts and styles; UnknownCode for any that no template holds."""
    scripts, styles, attributes = _inline(html)
    if attributes:
        raise UnknownCode(f"an {attributes[0]}, which the policy would refuse")
    result: dict[str, list[str]] = {"script": [], "style": []}
    for kind, bodies, patterns in (("script", scripts, known.scripts), ("style", styles, known.styles)):
        for body in bodies:
            if not any(pattern.fullmatch(body) for pattern in patterns):
                raise UnknownCode(f"an inline <{kind}> that no template holds: {body.strip()[:80]!r}")
            if digest(body) not in result[kind]:
                result[kind].append(digest(body))
    return result["script"], result["style"]


def policy(scripts: Iterable[str], styles: Iterable[str], *, header: bool = False) -> str:
    """The policy text; a header also forbids framing (which a `<meta>` policy cannot)."""
    directives = {"default-src": "'self'", "script-src": " ".join(["'self'", *scripts]),
                  "style-src": " ".join(["'self'", *styles]), **BASE}
    if header:
        directives["frame-ancestors"] = "'none'"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def insert_policy(html: str, scripts: Iterable[str], styles: Iterable[str], env: jinja2.Environment) -> str:
    """The page with the policy's `<meta>` (partials/handbook/policy.html) right after `<meta charset>`
    (or `<head>`), placed whole: it names the hashes of the finished page, so it comes last."""
    place = _CHARSET.search(html) or _HEAD.search(html)
    if place is None:
        raise UnknownCode("no <head>")
    meta = "\n" + render(env, "policy", policy=policy(scripts, styles))
    return html[:place.end()] + meta + html[place.end():]


def with_policy(html: str, known: Known, env: jinja2.Environment) -> str:
    """The page with its own policy: its inline code, if every piece is known, by hash."""
    return insert_policy(html, *hashes(html, known), env)
