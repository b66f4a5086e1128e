"""The CI glue shipped in the repository runs: the pre-commit hook and the Actions script.

Both run for real here: in a throwaway git repository, with the draftdiff of this
checkout on PATH, as pre-commit and GitHub's runner would run them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SAMPLES

HOOKS = ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = ROOT / "examples" / "github-actions" / "draftdiff.yml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "",  # set per test: no user git config leaks in
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(repo.parent)}
    out = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose last commit has draft v1 at agreements/fund.md."""
    if shutil.which("git") is None:
        pytest.fail("git is missing")
    path = tmp_path / "repo"
    (path / "agreements").mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    shutil.copy(SAMPLES / "fund-v1-early.md", path / "agreements" / "fund.md")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "v1")
    return path


def hook(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    entry = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))[0]["entry"].split()
    assert entry[:2] == ["python", "-m"]
    env = {**os.environ, **GIT_ENV, "HOME": str(repo.parent), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *entry[1:], *args], cwd=repo, env=env, capture_output=True, text=True
    )


def test_hook_definition_matches_agreement_files() -> None:
    (definition,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert definition["id"] == "draftdiff-check" and definition["language"] == "python"
    pattern = re.compile(definition["files"])
    assert pattern.search("agreements/supply.docx") and pattern.search("drafts/v2.md")
    assert not pattern.search("src/main.py")


def test_pre_commit_hook_refuses_a_staged_draft_that_breaks_the_policy(repo: Path) -> None:
    shutil.copy(SAMPLES / "fund-v2-middle.md", repo / "agreements" / "fund.md")
    git(repo, "add", ".")
    result = hook(repo, "--fail-on", "clause.removed", "agreements/fund.md")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "draftdiff check: HEAD:agreements/fund.md → agreements/fund.md"
    assert lines[1].startswith("FAIL 4.3 (old): obligation.removed + clause.removed (high)")
    passed = hook(repo, "--fail-on", "guarantee.removed", "agreements/fund.md")
    assert passed.returncode == 0 and "passed: no violations" in passed.stdout


def test_pre_commit_hook_skips_a_new_draft(repo: Path) -> None:
    shutil.copy(SAMPLES / "fund-v3-final.md", repo / "agreements" / "new.md")
    result = hook(repo, "--fail-on", "clause.removed", "agreements/new.md")
    assert result.returncode == 0
    assert result.stdout == "draftdiff check: agreements/new.md: new file, nothing to compare\n"


def test_pre_commit_hook_reports_a_bad_code_as_trouble(repo: Path) -> None:
    result = hook(repo, "--fail-on", "clause.remove", "agreements/fund.md")
    assert result.returncode == 2
    assert result.stderr == (
        "draftdiff: --fail-on: unknown change type 'clause.remove' "
        "(did you mean 'clause.removed'?)\n"
    )


def test_actions_workflow_script_checks_changed_drafts_and_writes_reports(
    repo: Path, tmp_path: Path
) -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    check = next(s for s in steps if s.get("id") == "check")
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)
    base = git(repo, "rev-parse", "HEAD").strip()
    (repo / "draftdiff-policy.yaml").write_text(
        "rules:\n  - name: removals\n    fail_on: clause.removed\n", encoding="utf-8"
    )
    shutil.copy(SAMPLES / "fund-v2-middle.md", repo / "agreements" / "fund.md")
    (repo / "agreements" / "untouched.md").write_text(
        "1. Nothing changes here.\n", encoding="utf-8"
    )
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v2")
    output = tmp_path / "github_output"
    output.touch()
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "draftdiff").exists(), "draftdiff must be installed in this environment"
    env = {
        **os.environ,
        **GIT_ENV,
        "HOME": str(tmp_path),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "BASE": base,
        "GITHUB_OUTPUT": str(output),
    }
    # GitHub runs `shell: bash` steps as: bash --noprofile --norc -eo pipefail {0}
    script = tmp_path / "step.sh"
    script.write_text(check["run"], encoding="utf-8")
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == "status=1\n"
    assert "FAIL 4.3 (old): obligation.removed + clause.removed" in result.stdout
    reports = sorted(p.name for p in (repo / "draftdiff-report").iterdir())
    assert reports == ["agreements_fund.md.html", "agreements_fund.md.md"]
    html = (repo / "draftdiff-report" / "agreements_fund.md.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "base/agreements/fund.md" in html
