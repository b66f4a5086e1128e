"""`draftdiff history --git PATH [REV ...]` against a real git repository made in a
temporary folder: three commits of one draft by two authors, then a rename."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.history.conftest import PATHS

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

COMMITS = (
    (PATHS[0], "Ana Díaz", "2025-02-10T09:00:00+00:00"),
    (PATHS[1], "Ben Okafor", "2025-03-24T09:00:00+00:00"),
    (PATHS[2], "Ana Díaz", "2025-04-28T09:00:00+00:00"),
)


def git(repo: Path, *args: str, author: str = "Ana Díaz", date: str = "") -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(repo),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "a@example.org",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repo")
    git(root, "init", "-q", "-b", "main")
    (root / "notes.txt").write_text("unrelated\n")
    for source, author, date in COMMITS:
        shutil.copy(source, root / "fund.md")
        git(root, "add", "-A", author=author, date=date)
        git(root, "commit", "-q", "-m", f"draft by {author}", author=author, date=date)
        git(root, "tag", date[:10], author=author, date=date)
    # A commit that touches another file only: not a version of fund.md.
    (root / "notes.txt").write_text("still unrelated\n")
    git(root, "commit", "-qam", "notes", date="2025-05-01T09:00:00+00:00")
    git(root, "mv", "fund.md", "agreement.md", date="2025-05-02T09:00:00+00:00")
    git(root, "commit", "-qm", "rename", date="2025-05-02T09:00:00+00:00")
    shutil.copy(PATHS[3], root / "agreement.md")
    git(
        root,
        "commit",
        "-qam",
        "counter-draft",
        author="Ben Okafor",
        date="2025-05-19T09:00:00+00:00",
    )
    return root


def draftdiff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # A real subprocess in the repository, as a user runs it.
    return subprocess.run(
        [sys.executable, "-m", "draftdiff", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(Path(__file__).parents[2])},
    )


def test_every_commit_that_changed_the_file_is_a_version_oldest_first(repo: Path) -> None:
    result = draftdiff("history", "--git", "agreement.md", "--format", "json", cwd=repo)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    labels = [v["label"] for v in data["versions"]]
    # The rename is followed; the commit touching only notes.txt is not a version, and
    # the rename commit (same words) is.
    assert [label.split(" (")[0] for label in labels] == [
        "v1 2025-02-10 Ana Díaz",
        "v2 2025-03-24 Ben Okafor",
        "v3 2025-04-28 Ana Díaz",
        "v4 2025-05-02 Ana Díaz",
        "v5 2025-05-19 Ben Okafor",
    ]
    assert [v["path"].split(":")[1] for v in data["versions"]] == [
        "fund.md",
        "fund.md",
        "fund.md",
        "agreement.md",
        "agreement.md",
    ]
    restored = [c for c in data["clauses"] if c["flip_flop"] and "10.1" in c["versions"][0]["ids"]]
    assert [v["status"] for v in restored[0]["versions"]] == [
        "",
        "unchanged",
        "removed",
        "absent",
        "restored",
    ]


def test_named_revisions_are_the_versions_in_that_order(repo: Path) -> None:
    result = draftdiff(
        "history", "--git", "agreement.md", "2025-02-10", "HEAD", "--format", "json", cwd=repo
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [v["label"].split(" (")[0] for v in data["versions"]] == [
        "v1 2025-02-10 Ana Díaz",
        "v2 2025-05-19 Ben Okafor",
    ]


def test_an_unknown_revision_is_trouble_in_one_line(repo: Path) -> None:
    result = draftdiff("history", "--git", "agreement.md", "HEAD", "no-such-tag", cwd=repo)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no-such-tag" in result.stderr


def test_a_file_outside_any_repository_is_trouble_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text("# A\n")
    result = draftdiff("history", "--git", "draft.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("draftdiff: draft.md: ") and result.stderr.count("\n") == 1
