"""The command line on Word files: --view, --comments, JSON fields, and `textconv`
as git's diff driver (run through a real git repository)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_errors import run
from tests.conftest import SAMPLES, corpus_path

V1 = str(SAMPLES / "fund-v1-early.docx")
V2 = str(SAMPLES / "fund-v2-middle.docx")
TRACKED = str(SAMPLES / "fund-v2-tracked.docx")


def test_textconv_prints_one_line_per_clause_with_its_number() -> None:
    result = run("textconv", V1)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Reconstruction Investment Fund Agreement"
    assert (
        "4.1 Velmora shall contribute to the Fund fifty percent (50%) of all Resource Revenues."
        in lines
    )
    assert "Article 4 Contributions" in lines
    assert lines[-1] == "[default footer] Draft of 10 February 2025"


def test_textconv_of_a_tracked_draft_follows_the_view() -> None:
    accepted = run("textconv", TRACKED).stdout
    original = run("textconv", "--view", "original", TRACKED).stdout
    # The clause lines (before the blank line and the notes) are the middle draft's.
    assert accepted.split("\n\n")[0] == run("textconv", V2).stdout.split("\n\n")[0]
    assert "[note] carries" in accepted and "read with every change accepted" in accepted
    assert "read with every change rejected" in original
    assert "4.3 Velmora shall continue to make Contributions" in original
    assert "4.3 Velmora shall continue to make Contributions" not in accepted


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_diff_reads_docx_through_the_textconv_driver(tmp_path: Path) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(tmp_path), *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "Test")
    # The README's lines: an attribute for *.docx and the driver's textconv command.
    (tmp_path / ".gitattributes").write_text("*.docx diff=draftdiff\n")
    git("config", "diff.draftdiff.textconv", f"{sys.executable} -m draftdiff textconv")
    draft = tmp_path / "agreement.docx"
    shutil.copy(V1, draft)
    git("add", ".")
    git("commit", "-qm", "early draft")
    shutil.copy(V2, draft)
    diff = git("diff", "--", "agreement.docx")
    assert "Binary files" not in diff
    assert "-4.3 Velmora shall continue to make Contributions" in diff
    assert "+3.6 Velmora shall use reasonable efforts to adopt" in diff
    assert "-[default footer] Draft of 10 February 2025" in diff


def test_diff_with_view_original_compares_the_text_before_the_changes() -> None:
    result = run("diff", "--view", "original", V1, TRACKED, "--color", "never")
    assert result.returncode == 0
    assert "Clauses: 78 unchanged" in result.stdout
    assert "read with every change rejected" in result.stdout


def test_json_reports_view_revisions_and_header_footer_changes() -> None:
    result = run("diff", V1, TRACKED, "--format", "json")
    data = json.loads(result.stdout)
    assert data["new"]["view"] == "accepted"
    assert data["new"]["pending_revisions"] == {
        "count": 79,
        "authors": ["Velmora Ministry of Finance"],
    }
    assert data["old"]["pending_revisions"] == {"count": 0, "authors": []}
    assert data["old"]["page_texts"] == [
        {"kind": "footer", "place": "default", "text": "Draft of 10 February 2025"}
    ]
    footer = [c for c in data["changes"] if c["type"] == "header_footer.changed"]
    assert footer[0]["severity"] == "low"
    markdown = json.loads(
        run("diff", str(SAMPLES / "fund-v1-early.md"), V1, "--format", "json").stdout
    )
    assert "view" not in markdown["old"]


def test_parse_shows_comments_only_when_asked() -> None:
    path = str(corpus_path("docxodus-extras", "DD002-DenseComments.docx"))
    plain = run("parse", path).stdout
    with_comments = run("parse", "--comments", path, "--format", "json").stdout
    assert "10 comments not compared (--comments includes them)" in plain
    assert "[Comment by" not in plain
    assert with_comments.count("[Comment by") >= 10
