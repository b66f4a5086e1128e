"""Naming the parties (--party, --parties, a policy's parties:) and the warnings shown when
the parties were not all found, as a user meets them: real CLI runs on real drafts.

The CLI runs in this process (`draftdiff.cli.main`, its real entry point, with stdout and
stderr captured); one test runs it as a subprocess to show the same holds there."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
from pathlib import Path

import pytest

from draftdiff.cli import main
from tests.cli.test_errors import V1, V2, one_line_error
from tests.cli.test_errors import run as run_process


def run(*args: str) -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


PREAMBLE = (
    "This Component Supply Agreement is made between Acme Components Ltd "
    '(the "Supplier") and Harbor Tools.'
)
OLD = f"""# Component Supply Agreement

{PREAMBLE}

## 1. Supply

1.1 The Supplier shall deliver the Goods each month.

1.2 Harbor Tools shall pay each invoice within thirty (30) days.

## 2. Quality

2.1 The Supplier warrants that the Goods conform to the Specification.

2.2 Harbor Tools shall inspect the Goods on delivery.
"""
NEW = (
    OLD.replace("shall deliver", "shall use reasonable efforts to deliver")
    .replace("thirty (30)", "fifteen (15)")
    .replace(
        "\n## 2. Quality",
        "\n1.3 Harbor Tools shall collect the Goods from the Supplier's warehouse.\n\n"
        "## 2. Quality",
    )
    + "\n2.3 The Parties shall meet each quarter to review quality.\n"
)
BUYER = ("--party", "Supplier=Acme Components Ltd", "--party", "Buyer=Harbor Tools")


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[str, str]:
    """A supply contract whose preamble defines only the Supplier: Harbor Tools, the buyer,
    is named but never given a defined name, so automatic detection misses it."""
    old, new = tmp_path / "supply-v1.md", tmp_path / "supply-v2.md"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_a_missed_party_is_warned_about_in_json_and_no_one_sidedness_is_computed(
    drafts: tuple[str, str],
) -> None:
    result = run("diff", *drafts, "--format", "json")
    data = json.loads(result.stdout)
    codes = [(w["side"], w["code"]) for w in data["warnings"]]
    assert codes == [
        ("old", "parties.too_few"),
        ("old", "parties.unknown_subject"),
        ("new", "parties.too_few"),
        ("new", "parties.unknown_subject"),
    ]
    unknown = data["warnings"][3]
    assert unknown["clauses"] == ["1.2", "1.3", "2.2"]
    assert "'Harbor Tools', which is no party found" in unknown["message"]
    assert "--party" in unknown["message"]
    # A share of one party's duties would read 100 %: none is given, and the note says why.
    sided = data["ledger"]["one_sidedness"]
    assert sided["new"] is None
    assert sided["note"]["new"] == "not computed: only one party found (Supplier)"
    # Harbor Tools' duties are kept apart, as a non-party's, not lost.
    assert data["ledger"]["others"]["new"]["Harbor Tools"]["obligation"] == 3


def test_the_warning_is_in_the_text_summary_and_the_markdown(drafts: tuple[str, str]) -> None:
    text = run("diff", *drafts).stdout
    assert text.splitlines()[3].startswith(
        f"warning: {drafts[0]}: only one party found (Supplier), but duties bind Harbor Tools"
    )
    assert "One-sidedness (own duties): not computed: only one party found (Supplier)" in text
    markdown = run("diff", *drafts, "--format", "markdown").stdout
    assert "> ⚠ **Warning** (parties.unknown_subject)" in markdown
    assert "| Harbor Tools | not a party | 2 → 3 (**+1**)" in markdown


def test_named_parties_replace_detection_and_say_where_they_came_from(
    drafts: tuple[str, str],
) -> None:
    data = json.loads(run("diff", *drafts, "--format", "json", *BUYER).stdout)
    assert data["warnings"] == []
    assert data["new"]["parties"] == [
        {
            "name": "Supplier",
            "aliases": ["Acme Components Ltd"],
            "found": "given on the command line",
        },
        {"name": "Buyer", "aliases": ["Harbor Tools"], "found": "given on the command line"},
    ]
    ledger = data["ledger"]["new"]
    # The joint 2.3 ("The Parties shall meet") counts for each party in the totals, but
    # not as a duty of its own.
    assert ledger["Buyer"]["obligation"] == 4 and ledger["Buyer"]["own"]["obligation"] == 3
    assert data["ledger"]["joint"]["new"]["clauses"]["obligation"] == ["2.3"]
    assert data["ledger"]["one_sidedness"]["new"] == 0.6  # Buyer 3 of 5 own duties
    types = {(c["type"], c["party"], tuple(c["facets"])) for c in data["changes"]}
    # The new clause 1.3 with Buyer's new duty is one finding, not two.
    assert ("obligation.added", "Buyer", ("clause.added",)) in types
    assert not any(t == "clause.added" for t, _, _ in types)


def test_a_parties_file_names_them_with_the_file_as_source(
    drafts: tuple[str, str], tmp_path: Path
) -> None:
    sidecar = tmp_path / "parties.yaml"
    sidecar.write_text(
        "parties:\n  Supplier: Acme Components Ltd\n  Buyer: [Harbor Tools]\n", encoding="utf-8"
    )
    data = json.loads(run("diff", *drafts, "--format", "json", "--parties", str(sidecar)).stdout)
    assert [(p["name"], p["found"]) for p in data["old"]["parties"]] == [
        ("Supplier", f"from {sidecar}"),
        ("Buyer", f"from {sidecar}"),
    ]
    tree = run("parse", drafts[1], "--parties", str(sidecar)).stdout
    assert "Buyer" in tree and "Harbor Tools" in tree


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--party", "=Acme"), "draftdiff: --party '=Acme': empty party name"),
        (
            ("--party", "Supplier=Acme,Harbor Tools", "--party", "Buyer=Harbor Tools"),
            "draftdiff: --party: alias 'Harbor Tools' of 'Buyer' is already given for party "
            "'Supplier'",
        ),
        (
            ("--party", "Supplier", "--party", "supplier"),
            "draftdiff: --party: party 'supplier' is already given for party 'Supplier'",
        ),
    ],
)
def test_bad_party_values_are_one_line_and_exit_2(
    drafts: tuple[str, str], args: tuple[str, ...], message: str
) -> None:
    assert one_line_error(run("diff", *drafts, *args)).startswith(message)


def test_a_bad_party_value_stops_the_real_process_before_any_output(
    drafts: tuple[str, str],
) -> None:
    error = one_line_error(run_process("report", *drafts, "-o", "-", "--party", " ="))
    assert error.startswith("draftdiff: --party ' =': empty party name")


def test_a_bad_parties_file_names_its_line(drafts: tuple[str, str], tmp_path: Path) -> None:
    sidecar = tmp_path / "parties.yaml"
    sidecar.write_text("parties:\n  Supplier: Acme\n  Buyer: [Harbor Tools, {x: 1}]\n")
    error = one_line_error(run("report", *drafts, "-o", "-", "--parties", str(sidecar)))
    assert error == f"draftdiff: {sidecar}:3: parties: each alias must be a non-empty text"


def test_check_takes_the_parties_of_the_policy(drafts: tuple[str, str], tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "parties:\n  Supplier: Acme Components Ltd\n  Buyer: Harbor Tools\n"
        "rules:\n  - name: buyer burden\n    ledger: {party: Buyer, rises_by_more_than: 0}\n",
        encoding="utf-8",
    )
    result = run("check", *drafts, "--policy", str(policy))
    assert result.returncode == 1, result.stderr
    assert "FAIL 1.3: Buyer's duties rose from 2 to 3" in result.stdout
    assert "warning:" not in result.stdout


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (
            "  - name: buyer burden\n    ledger: {party: Harbor Tools, rises_by_more_than: 5}\n",
            "{policy}:2: rule 'buyer burden': 'Harbor Tools' bears provisions but is no party "
            "of either version, so it has no ledger (parties: Supplier)",
        ),
        (
            "  - name: balance\n    one_sidedness: {above: 90%}\n",
            "{policy}:2: rule 'balance': one-sidedness cannot be computed for {new}: only one "
            "party found (Supplier)",
        ),
        (
            "  - name: payment\n    fail_on: value.changed\n    clause: '7.4'\n",
            "{policy}:2: rule 'payment': no clause '7.4' in either version",
        ),
    ],
)
def test_a_rule_the_gate_cannot_evaluate_is_exit_2_with_its_line_never_a_pass(
    drafts: tuple[str, str], tmp_path: Path, rules: str, message: str
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("rules:\n" + rules, encoding="utf-8")
    error = one_line_error(run("check", *drafts, "--policy", str(policy)))
    assert error.startswith("draftdiff: " + message.format(policy=policy, new=drafts[1]))


def test_a_clause_rule_fails_only_on_changes_in_that_clause(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "rules:\n  - name: article 4\n    fail_on: obligation.*\n    clause: Article 4\n",
        encoding="utf-8",
    )
    result = run("check", V1, V2, "--policy", str(policy))
    assert result.returncode == 1, result.stderr
    fails = [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert fails == ["FAIL 4.3 (old)", "FAIL 4.4"]
