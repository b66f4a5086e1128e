"""The commands as a user runs them: outputs, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_errors import V1, V2, run


def test_diff_text_prints_summary_then_redlines_without_colour_when_piped() -> None:
    result = run("diff", V1, V2)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"draftdiff: {V1} → {V2}")
    assert "Parties: Norland" in out
    assert "Redline" in out
    assert "{+" in out and "[-" in out
    assert "\x1b[" not in out


def test_diff_colour_always_uses_ansi_styles() -> None:
    result = run("diff", V1, V2, "--color", "always")
    assert "\x1b[" in result.stdout


def test_implicit_diff_off_a_terminal_prints_the_text_summary() -> None:
    assert run(V1, V2).stdout == run("diff", V1, V2).stdout


def test_diff_json_is_format_draftdiff_1_with_both_sides(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    result = run("diff", V1, V2, "--format", "json", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "draftdiff/1"
    assert data["old"]["path"] == V1 and data["new"]["path"] == V2
    assert [p["name"] for p in data["new"]["parties"]] == ["Norland", "Velmora"]
    assert {"ledger", "changes", "clauses", "summary"} <= set(data)
    statuses = {c["status"] for c in data["clauses"]}
    assert {"unchanged", "modified", "added", "removed"} <= statuses


def test_exit_code_flag_reports_substantive_difference() -> None:
    assert run("diff", V1, V2, "--exit-code").returncode == 1
    assert run("diff", V1, V1, "--exit-code").returncode == 0


def test_parse_tree_shows_ids_levels_and_text() -> None:
    result = run("parse", V1)
    assert result.returncode == 0
    assert "schema agreement" in result.stdout
    assert "\n  1.1  [section]  In this Agreement" in result.stdout


def test_parse_json_nests_clauses() -> None:
    data = json.loads(run("parse", V1, "--format", "json").stdout)
    article = next(c for c in data["clauses"] if c["id"] == "1")
    assert article["heading"] == "Definitions"
    assert article["children"][0]["id"] == "1.1"


def test_schema_list_names_each_builtin_with_its_description() -> None:
    lines = run("schema", "list").stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["agreement", "contract", "gesetz", "license"]


def test_schema_show_prints_inherited_levels() -> None:
    out = run("schema", "show", "license").stdout
    assert "name: license" in out and "- name: article" in out and "Licensee:" in out


def test_schema_validate_accepts_a_shipped_schema() -> None:
    result = run(
        "schema", "validate", "schemas/contract.yaml", cwd=Path(__file__).resolve().parents[2]
    )
    assert result.returncode == 0
    assert result.stdout.startswith("schemas/contract.yaml: valid schema 'contract'")
