"""What a build takes over from an earlier build of the same checkout, in `.cache/handbook/` (not in git).

- Drawn pictures (link previews, app icons): each is stored under a hash of everything it is
  made from (the words drawn, the drawing module's source, the font, Pillow's version), so a
  picture is drawn again exactly when one of those changes.
- Jinja's compiled templates, in a folder per set of environment settings and versions; Jinja
  itself compares each with its template's source and compiles again when the source changed.

Deleting the folder is always safe: the next build only takes longer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2

FOLDER = Path(".cache") / "handbook"


def folder(project_dir: Path, *parts: str) -> Path:
    return Path(project_dir).joinpath(FOLDER, *parts)


def key(*parts: str | bytes | Path) -> str:
    """A hash of the parts: text, bytes, or a file's content."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.read_bytes() if isinstance(part, Path) else part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def made_once(cache: Path, digest: str, target: Path, make: Callable[[Path], None]) -> None:
    """Write `target` with `make(target)`, or copy it from `cache` when the same `digest` was made before."""
    stored = cache / f"{digest}{target.suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    if stored.is_file():
        shutil.copyfile(stored, target)
        return
    make(target)
    cache.mkdir(parents=True, exist_ok=True)
    partial = stored.with_name(f".{stored.name}.{os.getpid()}")  # never a half-written file under its name
    shutil.copyfile(target, partial)
    os.replace(partial, stored)


def settings(env: jinja2.Environment) -> str:
    """What, besides a template's source, decides what Jinja compiles it to."""
    autoescape = env.autoescape
    return repr((jinja2.__version__, sorted(env.extensions), env.block_start_string, env.block_end_string,
                 env.variable_start_string, env.variable_end_string, env.comment_start_string,
                 env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                 env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
                 getattr(autoescape, "__qualname__", autoescape), getattr(env.finalize, "__qualname__", env.finalize),
                 env.is_async, type(env).__qualname__))


def compiled_templates(project_dir: Path, env: jinja2.Environment) -> jinja2.FileSystemBytecodeCache:
    """Jinja's on-disk cache of compiled templates for environments set up like `env`."""
    directory = folder(project_dir, "templates", key(settings(env))[:16])
    directory.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(directory))
