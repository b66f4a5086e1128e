"""What users see: the ledger first in text, provisions in JSON and in `draftdiff parse`."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import SAMPLES

V1, V2, V3 = (
    str(SAMPLES / f) for f in ("fund-v1-early.md", "fund-v2-middle.md", "fund-v3-final.md")
)


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "draftdiff", *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_text_report_shows_who_bears_the_duties_before_anything_else() -> None:
    lines = run("diff", V1, V2, "--color", "never").splitlines()
    assert lines[3] == (
        "One-sidedness (own duties): Velmora bears 100% of duties (Velmora 20, Norland 0) → "
        "Velmora bears 100% of duties (Velmora 19, Norland 0)"
    )
    # Norland's own provisions; the joint 10.3 ("The Parties will consider") has its row.
    assert lines[5].startswith("  Norland: obligations 0 → 2 (+2)")
    assert (
        lines[6] == "    now: no firm obligation; weak 2.6, 4.4; "
        "permissions and rights 2.3, 3.4, 5.2, 5.5, 6.2, 9.3"
    )
    assert any(
        line.startswith("  Parties (jointly), binding every party alike: obligations 0 → 1 (+1),")
        for line in lines
    )


def test_text_report_lists_semantic_changes_with_party_and_severity() -> None:
    text = run("diff", V1, V2, "--color", "never")
    assert (
        "  HIGH   obligation.weakened      [Velmora] 3.6 Velmora: “adopt, within ninety (90) days "
        "after the…” weakened — shall → shall use reasonable efforts to"
    ) in text.splitlines()


def test_json_carries_provisions_ledger_delta_and_evidence() -> None:
    data = json.loads(run("diff", V2, V3, "--format", "json"))
    assert data["ledger"]["delta"]["Norland"] == {
        "obligation": 6,
        "prohibition": 0,
        "permission": -1,
        "guarantee": 0,
    }
    assert data["ledger"]["new"]["Norland"]["clauses"]["weak"] == ["2.6", "10.3"]
    (provision,) = data["analysis"]["new"]["clauses"]["4.4"]["provisions"]
    assert provision["actor"] == "Norland"
    assert provision["cue"] == {
        "text": "shall",
        "start": 8,
        "end": 13,
        "rule": "lexicon.obligation: shall",
    }
    assert provision["conditions"][0]["cue"] == "subject to the availability of appropriations"
    (reassigned,) = [
        c
        for c in data["changes"]
        if c["type"] == "obligation.reassigned" and c["new_clause"] == "2.5"
    ]
    assert {
        e["side"]: e["text"] for e in reassigned["evidence"] if e["rule"].startswith("parties")
    } == {
        "old": "Velmora",
        "new": "Norland",
    }


def test_parse_shows_each_clause_s_provisions_and_what_it_set_aside() -> None:
    tree = run("parse", V1)
    assert "  one-sidedness: Velmora bears 100% of duties" in tree
    assert "      → Velmora · guarantee · “guarantees” · + “with its full faith and credit”" in tree
    assert (
        "      · not a provision: “shall be construed” — states no duty "
        "(lexicon.non_duty: shall be construed)" in tree
    )


def test_parse_json_puts_provisions_on_clauses_and_the_ledger_on_top() -> None:
    data = json.loads(run("parse", V1, "--format", "json"))
    assert data["one_sidedness"] == 1.0
    assert data["ledger"]["Norland"]["obligation"] == 0
    article = next(c for c in data["clauses"] if c["id"] == "3")
    (provision,) = next(c for c in article["children"] if c["id"] == "3.1")["provisions"]
    assert (provision["actor"], provision["modality"]) == ("Velmora", "guarantee")
