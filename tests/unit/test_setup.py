"""`python3 tasks.py test` on a fresh machine: it checks the system tools before any test runs and
stops at once with the one command to run; `--quick` leaves out the browser walks only."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from types import ModuleType

import pytest

from tests.support import ROOT


@pytest.fixture
def tasks(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("tasks_under_test", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ensure_environment", lambda lock="test": None)
    monkeypatch.setattr(module, "ensure_node_tools", lambda: None)
    return module


def without(monkeypatch: pytest.MonkeyPatch, tasks: ModuleType, *programs: str) -> list[tuple]:
    """Hide programs from the PATH, run as an ordinary user; the commands that would have run."""
    which = shutil.which
    monkeypatch.setattr(tasks.shutil, "which", lambda name: None if name in programs else which(name))
    monkeypatch.setattr(tasks.os, "geteuid", lambda: 1000)
    ran: list[tuple] = []
    monkeypatch.setattr(tasks, "run", lambda *command, env=None: ran.append(command) or 0)
    monkeypatch.setattr(tasks.subprocess, "run", lambda *a, **k: ran.append(a) or subprocess.CompletedProcess(a, 0))
    return ran


def test_a_missing_tool_stops_the_tests_before_any_runs_and_names_the_command(
        tasks: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    ran = without(monkeypatch, tasks, "hunspell")
    assert tasks.main(["test"]) == 1
    assert ran == [], "something ran although a tool is missing"
    error = capsys.readouterr().err
    assert "Hunspell (spelling tests)" in error
    if shutil.which("apt-get"):
        assert "sudo apt-get install -y hunspell\n" in error


def test_with_every_tool_the_tests_run_and_quick_leaves_out_only_the_browser_walks(
        tasks: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    if tasks.missing_tools(browser=True):
        pytest.fail(f"this machine lacks {tasks.missing_tools(browser=True)}: run python3 tasks.py test once")
    ran = without(monkeypatch, tasks)
    # A worker per core, unless the one who runs it asks otherwise.
    assert tasks.main(["test", "--quick", "tests/unit", "-x"]) == 0
    assert tasks.main(["test", "-n", "0", "tests/unit"]) == 0
    assert ran == [("-m", "pytest", "-n", "auto", "--dist", "loadgroup", "-m", "not browser", "tests/unit", "-x"),
                   ("-m", "pytest", "-n", "0", "tests/unit")]


def test_the_browser_tests_are_marked_so_the_quick_run_leaves_them_out() -> None:
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "not browser",
                             "tests/browser", "tests/unit/test_setup.py"], cwd=ROOT, capture_output=True, text=True)
    collected = [line for line in result.stdout.splitlines() if "::" in line]
    assert collected and all(line.startswith("tests/unit/") for line in collected), result.stdout[-2000:]


def test_ci_runs_the_same_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in script.splitlines() if line.startswith("exec ")] == ['exec python3 tasks.py test "$@"']
