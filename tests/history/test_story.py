"""The history of the four sample drafts tells the story a reader of the drafts tells.

tests/history/expected/fund-story.json was written by reading the drafts (what each
clause and provision goes through, version by version), not by running draftdiff;
each expected lineage is looked up in the `draftdiff-history/1` JSON and compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.history.conftest import DRAFTS

TRENDS = {"=": lambda a, b: a == b, "<": lambda a, b: b < a, ">": lambda a, b: b > a}


def _clause(data: dict[str, Any], version: int, clause_id: str) -> dict[str, Any]:
    found = [c for c in data["clauses"] if clause_id in c["versions"][version - 1]["ids"]]
    assert len(found) == 1, f"v{version} {clause_id} is in {len(found)} lineages"
    return found[0]


def _provision(data: dict[str, Any], version: int, clause_id: str, party: str) -> dict[str, Any]:
    found = [
        p
        for p in data["provisions"]
        if (state := p["versions"][version - 1]) is not None
        and state["clause"] == clause_id
        and party in state["parties"]
    ]
    assert len(found) == 1, f"{party} in v{version} {clause_id}: {len(found)} provisions"
    return found[0]


def _expected(name: str) -> list[dict[str, Any]]:
    import json

    path = Path(__file__).parent / "expected" / "fund-story.json"
    items: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))[name]
    return items


def test_versions_are_the_drafts_oldest_first(fund_data: dict[str, Any]) -> None:
    assert fund_data["format"] == "draftdiff-history/1"
    assert [Path(v["path"]).name for v in fund_data["versions"]] == list(DRAFTS)
    assert [v["version"] for v in fund_data["versions"]] == [1, 2, 3, 4]


@pytest.mark.parametrize("case", _expected("clauses"), ids=lambda c: f"{c['at'][1]}@v{c['at'][0]}")
def test_clause_lineage_follows_the_drafts(fund_data: dict[str, Any], case: dict[str, Any]) -> None:
    lineage = _clause(fund_data, *case["at"])
    assert [v["ids"] for v in lineage["versions"]] == case["ids"], case["why"]
    assert [v["status"] for v in lineage["versions"]] == case["status"], case["why"]
    assert lineage["flip_flop"] is case["flip_flop"], case["why"]
    if "reverted_to" in case:
        assert [v.get("reverted_to") for v in lineage["versions"]] == case["reverted_to"]
    if "changed" in case:
        assert lineage["changed"] is case["changed"]


@pytest.mark.parametrize(
    "case", _expected("provisions"), ids=lambda c: f"{c['party']}-{c['at'][1]}@v{c['at'][0]}"
)
def test_provision_lineage_follows_the_drafts(
    fund_data: dict[str, Any], case: dict[str, Any]
) -> None:
    lineage = _provision(fund_data, *case["at"], case["party"])
    modalities = [s["modality"] if s else None for s in lineage["versions"]]
    assert modalities == case["modality"], case["why"]
    assert [[e["version"], e["kind"]] for e in lineage["events"]] == case["events"], case["why"]
    assert lineage["flip_flop"] is case["flip_flop"], case["why"]
    if "parties" in case:
        assert [s["parties"] if s else None for s in lineage["versions"]] == case["parties"]


def test_ledger_trend_reads_as_the_negotiation_went(
    fund_data: dict[str, Any], expected_story: dict[str, Any]
) -> None:
    want = expected_story["ledger"]
    ledger = fund_data["ledger"]
    assert [v["heaviest"] for v in ledger] == want["heaviest"]
    sided = [v["one_sidedness"] for v in ledger]
    assert sided[0] == want["first_one_sidedness"]
    for step, sign in enumerate(want["one_sidedness_trend"]):
        assert TRENDS[sign](sided[step], sided[step + 1]), f"one-sidedness v{step + 1}→v{step + 2}"
    for party in ("Norland", "Velmora"):
        for key, signs in want[party].items():
            if key.startswith("first_"):
                assert ledger[0]["parties"][party][key.removeprefix("first_")] == signs
                continue
            kind = key.removesuffix("_trend")
            values = [v["parties"][party][kind] for v in ledger]
            for step, sign in enumerate(signs):
                assert TRENDS[sign](values[step], values[step + 1]), f"{party} {kind}: {values}"


def test_the_security_commitment_reads_as_one_sentence(fund_data: dict[str, Any]) -> None:
    lineage = _provision(fund_data, 3, "10.4", "Norland")
    assert lineage["story"].startswith("Norland's weak commitment “consulting with Velmora")
    assert lineage["story"].endswith(
        "absent in v1–v2, added in v3 (10.4, 'undertakes to'), "
        "weakened in v4 (10.5, 'undertakes to' → 'will consider')"
    )
