"""What a writer waits for, measured for the benchmark: from saving a page in the live preview to
the reloaded page in Chromium, and the test suite's time (quick and whole) with its slowest tests."""

from __future__ import annotations

import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SOURCES = ("mkdocs.yml", "docs", "hooks", "overrides", "data", "translations")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(log: Path, text: str, process: subprocess.Popen, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text(encoding="utf-8", errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the live preview did not start:\n{log.read_text(encoding='utf-8')[-2000:]}")
        time.sleep(0.2)


def save_to_reload(project_dir: Path, chromium: str, flags: list[str], page: str = "listening") -> float:
    """Seconds from saving an English page in `python3 tasks.py serve` to the page reloaded with the change."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "project"
        copy.mkdir()
        for name in SOURCES:
            (shutil.copytree if (project_dir / name).is_dir() else shutil.copy2)(project_dir / name, copy / name)
        port, log = _free_port(), Path(folder) / "serve.log"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        process = subprocess.Popen([sys.executable, "-m", "handbook.commands.live_preview", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=copy, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        try:
            _wait_for(log, "Serving on", process)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=flags)
                tab = browser.new_page()
                tab.goto(f"http://127.0.0.1:{port}/{page}/")
                source = copy / "docs" / "en" / f"{page}.md"
                marker = f"Saved at {time.time_ns()}."
                began = time.perf_counter()
                source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
                tab.get_by_text(marker).wait_for(timeout=600_000)
                seconds = time.perf_counter() - began
                browser.close()
            return seconds
        finally:
            process.terminate()
            process.wait(timeout=60)


@dataclass(frozen=True)
class SuiteTime:
    wall: float  # seconds
    cpu: float  # seconds of CPU the whole machine was busy during the run (see busy_seconds)
    summary: str  # pytest's last line
    slowest: list[str]  # pytest's lines for the slowest tests
    load: float  # the machine's load average (1 minute) when the run began: other work slows it


def busy_seconds() -> float:
    """Seconds of CPU the machine has spent busy since it started, every core together.

    The run's own usage (getrusage) misses most of Chromium's: its processes are not all reaped
    by the processes that started them. On a machine doing nothing else, the machine's busy time
    during the run is the run's. Where /proc/stat is missing, this falls back to getrusage."""
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()[1:]
    except OSError:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(value) for value in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def suite_time(project_dir: Path, quick: bool, slowest: int = 10) -> SuiteTime:
    """How long the test suite takes (`python3 tasks.py test [--quick]`), and its slowest tests."""
    load = os.getloadavg()[0]
    before = busy_seconds()
    began = time.perf_counter()
    result = subprocess.run([sys.executable, str(project_dir / "tasks.py"), "test", "-q", "-p", "no:cacheprovider",
                             f"--durations={slowest}", *(["--quick"] if quick else [])],
                            cwd=project_dir, capture_output=True, text=True)
    wall = time.perf_counter() - began
    cpu = busy_seconds() - before
    lines = result.stdout.strip().splitlines()
    start = next((n for n, line in enumerate(lines) if "slowest" in line and "durations" in line), len(lines))
    durations = [line for line in lines[start + 1:start + 1 + slowest] if re.match(r"\d+\.\d+s ", line)]
    return SuiteTime(wall, cpu, lines[-1] if lines else result.stderr.strip()[-200:], durations, load)
