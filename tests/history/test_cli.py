"""`draftdiff history` on real files: every format, bad input, and `check` over several
versions."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from draftdiff.cli import main
from tests.history.conftest import PATHS


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


Run = Callable[..., Result]


@pytest.fixture
def draftdiff(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """The CLI in this process (test_git.py runs it as a subprocess)."""
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str) -> Result:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def test_text_history_names_the_flip_flops_and_the_trend(draftdiff: Run) -> None:
    result = draftdiff("history", *PATHS)
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "v1 Velmora 100% → v2 Velmora 100% → v3 Velmora 80% → v4 Velmora 84%" in out
    assert "clause 10.1: in v1 (10.1), removed in v3, restored in v4 (10.1)" in out
    assert "weakened in v4 (10.5, 'undertakes to' → 'will consider')" in out
    # v2 → v3 is where Norland takes on binding duties; v3 → v4 where it drops one.
    assert "v2 → v3:" in out and "ledger: Norland duties +4" in out
    assert "ledger: Norland duties −1" in out.split("v3 → v4:")[1]


def test_html_history_is_self_contained_with_a_chart_per_party(
    draftdiff: Run, tmp_path: Path
) -> None:
    out = tmp_path / "history.html"
    result = draftdiff("history", *PATHS, "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None and "script-src 'none'" in html.unescape(policy.group(1))
    assert page.count('<svg class="chart"') == 3  # Norland, Velmora, one-sidedness
    assert page.count('<article class="lineage') >= 40
    # Pieces are cut at evidence edges; joined, the step's redline reads as one edit.
    joined = page.replace("</del><del>", "").replace("</ins><ins>", "")
    assert "<del>undertakes to consult</del><ins>will consider consulting</ins>" in joined


def test_markdown_history_has_the_provisions_by_drafts_table(draftdiff: Run) -> None:
    result = draftdiff("history", *PATHS, "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "| Provision | v1 | v2 | v3 | v4 |" in result.stdout
    assert "## Flip-flops" in result.stdout


def test_json_history_is_the_documented_format(draftdiff: Run) -> None:
    result = draftdiff("history", *PATHS[:2], "--format", "json")
    data = json.loads(result.stdout)
    assert data["format"] == "draftdiff-history/1"
    assert set(data) >= {"versions", "parties", "ledger", "steps", "clauses", "provisions"}
    assert data["parties"] == ["Norland", "Velmora"]


def test_one_version_is_trouble_in_one_line(draftdiff: Run) -> None:
    result = draftdiff("history", PATHS[0])
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "at least two versions" in result.stderr


def test_a_missing_version_is_named(draftdiff: Run, tmp_path: Path) -> None:
    result = draftdiff("history", PATHS[0], str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nope.md" in result.stderr


def test_check_applies_the_policy_to_every_step_and_to_first_to_last(draftdiff: Run) -> None:
    result = draftdiff("check", *PATHS, "--fail-on", "obligation.weakened")
    assert result.returncode == 1
    heads = [line for line in result.stdout.splitlines() if line.startswith("draftdiff check:")]
    names = [" → ".join(Path(p).name for p in h.split(": ", 1)[1].split(" → ")) for h in heads]
    assert names == [
        "fund-v1-early.md → fund-v2-middle.md",
        "fund-v2-middle.md → fund-v3-final.md",
        "fund-v3-final.md → fund-v4-counter.md",
        "fund-v1-early.md → fund-v4-counter.md",
    ]
    # The counter-draft's weakening is caught in its own step.
    step3 = result.stdout.split(heads[2])[1].split(heads[3])[0]
    assert "FAIL 10.5" in step3


def test_check_over_versions_passes_when_no_step_breaks_the_policy(draftdiff: Run) -> None:
    result = draftdiff("check", *PATHS[1:], "--fail-on", "guarantee.removed")
    assert result.returncode == 0, result.stdout
    assert result.stdout.count("passed: no violations") == 3
