"""Set up and run the handbook: `python3 tasks.py serve` or `python3 tasks.py test`.

Both commands first make sure the project's own virtual environment (.venv) exists and has the
pinned dependencies of pyproject.toml; they need nothing but Python 3.11 or newer.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed"


def ensure_environment() -> None:
    """Create .venv and install the dependencies when pyproject.toml has changed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Installing the pinned dependencies ...", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-e", ".[test]"], cwd=ROOT, check=True)
    STAMP.write_text(wanted)


def run(*command: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([str(PYTHON), *command], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"serve", "test", "build", "pdf", "benchmark", "translations", "new-language"}:
        print(__doc__)
        print("Other commands: build (the static site into site/; add --pdf for the PDFs too),")
        print("pdf (the same as build --pdf), benchmark (build and size figures),")
        print("translations [LANG] (what is outdated in each language; --help for confirming),")
        print("new-language CODE --name NAME (start a new language; CONTRIBUTING.md, \"Add a language\").")
        return 2
    ensure_environment()
    command, rest = argv[0], argv[1:]
    if command == "serve":
        # mkdocs.yml watches docs/, data/, translations/, overrides/ and hooks/; the handbook's own
        # code too here, reloaded on every rebuild (hooks/reload_handbook.py).
        os.environ["HANDBOOK_SERVE"] = "1"
        return run("-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", "--watch", "handbook", *rest)
    if command == "translations":
        return run("-m", "handbook.translations", *rest)
    if command == "new-language":
        return run("-m", "handbook.new_language", *rest)
    if command == "pdf" or (command == "build" and "--pdf" in rest):
        os.environ["HANDBOOK_PDF"] = "1"  # hooks/print_and_offline.py then renders every language's PDFs
        rest = [option for option in rest if option != "--pdf"]
        command = "build"
    if command == "build":
        return run("-m", "mkdocs", "build", "--strict", *rest)
    if command == "benchmark":
        return run("-m", "handbook.benchmark", *rest)
    return run("-m", "pytest", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
