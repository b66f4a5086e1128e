"""Real version pairs: a renamed entity is one change; no-change pairs stay quiet."""

from __future__ import annotations

import pytest

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.parse.document import parse_file
from tests.conftest import corpus_path

DUTY_FAMILIES = ("obligation", "prohibition", "permission", "guarantee", "condition")


def compare_pair(*parts: str) -> Comparison:
    folder = corpus_path(*parts)
    return compare(parse_file(next(folder.glob("old.*"))), parse_file(next(folder.glob("new.*"))))


def test_chatgpt_entity_renamed_is_one_party_rename_and_no_duty_changes() -> None:
    comparison = compare_pair("ota-terms", "pairs", "chatgpt-tos__2026-01-09__2026-01-16")
    renames = [c for c in comparison.changes if c.type == "party.renamed"]
    assert len(renames) == 1
    assert "“OpenAI, L.L.C.” → “OpenAI OpCo, LLC”" in renames[0].summary
    assert not [c for c in comparison.changes if c.family in DUTY_FAMILIES]
    # The clauses that only name the entity are explained by the rename, not "reworded".
    named = {e.clause for e in renames[0].evidence if e.side == "new"}
    assert len(named) == 2
    assert not [
        c for c in comparison.changes if c.type == "clause.modified" and c.new_clause in named
    ]


@pytest.mark.parametrize(
    "pair",
    [
        ("ota-terms", "pairs", "claude-commercial-terms__2025-11-11__2026-03-11"),
        ("ota-terms", "pairs", "reddit-tos__2024-09-25__2024-10-01"),
        ("commonpaper-md", "pairs", "csa-1.0__csa-1.0.1"),
    ],
    ids=lambda p: p[-1],
)
def test_no_substantive_change_pairs_yield_no_obligation_or_guarantee_changes(
    pair: tuple[str, str, str],
) -> None:
    comparison = compare_pair(*pair)
    assert [c.type for c in comparison.changes if c.family in DUTY_FAMILIES] == []


def test_terms_of_service_ledger_shows_the_user_bearing_most_duties() -> None:
    comparison = compare_pair("ota-terms", "pairs", "chatgpt-tos__2026-01-09__2026-01-16")
    ledger = comparison.ledger_new
    assert [p.party for p in ledger] == ["Provider", "Customer"]
    assert ledger.get("Customer").duties > ledger.get("Provider").duties
    assert (ledger.one_sidedness() or 0) > 0.6


def test_inserted_german_permission_is_the_ministry_s_new_power() -> None:
    comparison = compare_pair("de-gesetze", "pairs", "arbzg__2012-08-03__2012-08-06")
    assert comparison.new.schema == "gesetz"
    added = [c for c in comparison.changes if c.type == "permission.added"]
    assert [c.party for c in added] == ["Bundesministerium der Verteidigung"]
