"""`draftdiff check` and `draftdiff report` as CI runs them: output, files, exit codes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.cli.test_errors import V1, V2, one_line_error, run

POLICY = "rules:\n  - name: removals\n    fail_on: clause.removed\n"


def test_check_prints_each_violation_with_its_clause_and_exits_1() -> None:
    result = run("check", V1, V2, "--fail-on", "clause.removed,guarantee.removed")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"draftdiff check: {V1} → {V2}"
    fails = [line for line in lines if line.startswith("FAIL ")]
    assert [line.split(":")[0] for line in fails] == [
        "FAIL 4.3 (old)",
        "FAIL 5.6 (old)",
        "FAIL 10.2 (old)",
    ]
    # Old 4.3 held Velmora's duty: one finding for the clause and the duty it took along.
    assert fails[0].startswith(
        "FAIL 4.3 (old): obligation.removed + clause.removed (high) [Velmora]: "
    )
    # The duty was capped at USD 500 billion: with it gone, the stakes say what that means.
    assert "now unlimited" in fails[0]
    assert fails[0].endswith("[rule: --fail-on clause.removed,guarantee.removed]")
    assert lines[-1].startswith("3 violations (1 rule, ")
    assert result.stderr == ""


def test_check_passes_with_exit_0_when_nothing_breaks_the_policy() -> None:
    result = run("check", V1, V2, "--fail-on", "guarantee.removed", "--fail-on", "prohibition.*")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("passed: no violations (1 rule, ")


def test_check_writes_the_report_even_when_the_policy_fails(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    html, md = tmp_path / "report.html", tmp_path / "report.md"
    first = run("check", V1, V2, "--policy", str(policy), "--report", str(html))
    assert first.returncode == 1
    assert first.stdout.rstrip().endswith(f"; report: {html}")
    assert "[rule: removals]" in first.stdout
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    second = run("check", V1, V2, "--policy", str(policy), "--report", str(md))
    assert second.returncode == 1
    assert md.read_text(encoding="utf-8").startswith("## draftdiff: ")


def test_check_with_an_unknown_change_type_is_trouble_not_a_pass() -> None:
    line = one_line_error(run("check", V1, V2, "--fail-on", "guarantee.remove"))
    assert line == (
        "draftdiff: --fail-on: unknown change type 'guarantee.remove' "
        "(did you mean 'guarantee.removed'?)"
    )


def test_check_with_an_invalid_policy_writes_no_report(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("rules:\n  - fail_on: [clause.removed]\n    party: [x]\n", encoding="utf-8")
    report = tmp_path / "report.html"
    line = one_line_error(run("check", V1, V2, "--policy", str(policy), "--report", str(report)))
    assert line == f"draftdiff: {policy}:3: rules[0].party: must be a single value"
    assert not report.exists()


def test_check_needs_something_to_check() -> None:
    line = one_line_error(run("check", V1, V2))
    assert line == "draftdiff: nothing to check (give --fail-on CODES or --policy FILE)"


def test_check_with_an_unknown_party_names_the_rule_and_the_parties(tmp_path: Path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text(
        "rules:\n  - name: guarantees\n    fail_on: guarantee.*\n    party: Norlnd\n",
        encoding="utf-8",
    )
    line = one_line_error(run("check", V1, V2, "--policy", str(policy)))
    assert line == (
        f"draftdiff: {policy}:2: rule 'guarantees': no party named 'Norlnd' in either version "
        "(parties: Norland, Velmora, Parties)"
    )


def test_check_with_a_missing_document_is_trouble(tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    result = run(
        "check", V1, str(tmp_path / "gone.md"), "--fail-on", "clause.added", "--report", str(report)
    )
    assert one_line_error(result) == f"draftdiff: {tmp_path / 'gone.md'}: no such file"
    assert not report.exists()


def test_report_command_writes_the_same_html_as_diff_format_html(tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert run("report", V1, V2, "-o", str(a)).returncode == 0
    assert run("diff", V1, V2, "--format", "html", "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()
    assert b"<!DOCTYPE html>" in a.read_bytes()[:20]


def test_report_markdown_goes_to_stdout_for_a_pipe() -> None:
    result = run("report", V1, V2, "--format", "markdown")
    assert result.returncode == 0
    assert result.stdout == run("diff", V1, V2, "--format", "markdown").stdout
    assert "### Redline" in result.stdout


def test_report_refuses_to_overwrite_a_draft(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    old.write_text(Path(V1).read_text(encoding="utf-8"), encoding="utf-8")
    line = one_line_error(run("report", str(old), V2, "-o", str(old)))
    assert "refusing to overwrite an input document" in line


def test_policy_and_reports_load_neither_textual_nor_html_tools_where_not_needed() -> None:
    code = (
        "import sys\n"
        "import draftdiff.policy, draftdiff.commands.check\n"
        "policy = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'jinja2'})\n"
        "import draftdiff.render.html, draftdiff.render.markdown\n"
        "render = sorted({m.split('.')[0] for m in sys.modules} & {'textual'})\n"
        "print(policy, render)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"


def test_report_will_not_pour_html_onto_a_terminal() -> None:
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "draftdiff", "report", V1, V2],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert result.stderr == "draftdiff: the report is an HTML file (give -o report.html)\n"
