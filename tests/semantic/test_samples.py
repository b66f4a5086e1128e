"""The sample drafts read as samples/CHANGES-expected.md says a careful reviewer reads them."""

from __future__ import annotations

from functools import cache

import pytest

from draftdiff.analyse import JOINT
from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.parse.document import parse_file
from tests.conftest import SAMPLES

V1, V2, V3 = (SAMPLES / f for f in ("fund-v1-early.md", "fund-v2-middle.md", "fund-v3-final.md"))


@cache
def pair(old: str, new: str) -> Comparison:
    return compare(parse_file(SAMPLES / old), parse_file(SAMPLES / new))


def v1_v2() -> Comparison:
    return pair("fund-v1-early.md", "fund-v2-middle.md")


def v2_v3() -> Comparison:
    return pair("fund-v2-middle.md", "fund-v3-final.md")


# CHANGES-expected.md, "Ledger by clause": (obligations, qualified, weak, prohibitions,
# permissions and rights, guarantees) per draft and party.
LEDGERS = {
    ("old", "v1", "Norland"): ([], [], [], [], ["2.3", "3.4", "5.2", "5.5", "6.2", "9.3"], []),
    ("old", "v1", "Velmora"): (
        [
            "2.5",
            "3.3",
            "3.6",
            "4.1",
            "4.2",
            "4.3",
            "4.4",
            "4.5",
            "7.1",
            "7.2",
            "7.3",
            "8.1",
            "10.3",
            "11.2",
        ],
        [],
        [],
        ["3.2", "3.5", "8.2", "12.4"],
        ["5.6"],
        ["3.1", "9.1"],
    ),
    ("new", "v2", "Norland"): (
        ["2.6", "4.4", "10.3"],
        [],
        ["2.6", "4.4", "10.3"],
        [],
        ["2.3", "3.4", "5.2", "5.5", "6.2", "9.3"],
        [],
    ),
    ("new", "v2", "Velmora"): (
        [
            "2.5",
            "3.3",
            "3.6",
            "4.1",
            "4.2",
            "4.3",
            "7.1",
            "7.3",
            "7.4",
            "8.1",
            "8.3",
            "10.2",
            "10.3",
            "11.2",
        ],
        ["3.6", "7.4"],
        ["10.3"],
        ["3.2", "3.5", "8.2", "12.4"],
        ["5.2", "7.2"],
        ["3.1", "9.1"],
    ),
    ("new", "v3", "Norland"): (
        ["2.5", "2.6", "4.4", "4.5", "5.2", "10.2", "10.3", "10.4", "11.2"],
        [],
        ["2.6", "10.3"],
        [],
        ["2.3", "3.4", "5.6", "6.2", "9.3"],
        [],
    ),
    ("new", "v3", "Velmora"): (
        [
            "3.3",
            "3.6",
            "4.1",
            "4.2",
            "4.3",
            "5.2",
            "7.1",
            "7.3",
            "7.4",
            "8.1",
            "8.2",
            "10.1",
            "10.2",
            "11.2",
        ],
        ["3.6", "7.4"],
        [],
        ["3.5", "8.1", "12.4"],
        ["2.3", "6.2", "7.2"],
        ["3.2", "9.1"],
    ),
}


@pytest.mark.parametrize("key", sorted(LEDGERS), ids=lambda k: f"{k[1]}-{k[2]}")
def test_ledger_lists_the_clauses_the_reviewer_lists(key: tuple[str, str, str]) -> None:
    side, draft, party = key
    comparison = v2_v3() if draft == "v3" else v1_v2()
    ledger = comparison.ledger_old if side == "old" else comparison.ledger_new
    # The reviewer lists every clause binding the party, the joint ones too ("Each Party
    # shall"): the ledger keeps those apart, and `bound` puts them back together.
    entry = ledger.bound(party)
    got = (
        entry.obligation,
        entry.qualified,
        entry.weak,
        entry.prohibition,
        entry.permission,
        entry.guarantee,
    )
    assert tuple(sorted(x, key=_order) for x in got) == tuple(
        sorted(x, key=_order) for x in LEDGERS[key]
    )


def _order(clause_id: str) -> list[int]:
    return [int(n) for n in clause_id.split(".")]


def test_early_draft_gives_the_investor_no_duties_and_the_resource_state_all_of_them() -> None:
    ledger = v1_v2().ledger_old
    assert ledger.get("Norland").duties == 0
    assert ledger.one_sidedness() == 1.0


def test_final_draft_shows_the_investor_s_new_commitments_and_less_one_sidedness() -> None:
    before, after = v2_v3().ledger_old, v2_v3().ledger_new
    assert len(after.bound("Norland").obligation) - len(after.bound("Norland").weak) == 7
    # The middle draft's "will consider" and "intends to" bound Norland to nothing, so
    # Velmora still bore every duty; the final draft shares them: four duties of
    # Norland's own (2.5, 4.4, 4.5, 10.4) beside three joint ones (5.2, 10.2, 11.2).
    assert before.one_sidedness() == 1.0
    assert after.get("Norland").duties == 4 and after.bound("Norland").duties == 7
    assert after.joint.duties == 3
    assert after.one_sidedness() == 0.8


def semantic(comparison: Comparison) -> list[tuple[str, str | None, str | None]]:
    return sorted(
        (c.type, c.new_clause or c.old_clause, c.party)
        for c in comparison.changes
        if c.family not in ("clause", "text", "heading")
    )


def test_v1_to_v2_semantic_changes_are_the_reviewer_s() -> None:
    assert semantic(v1_v2()) == sorted(
        [
            ("value.changed", "¶1", None),
            ("term.redefined", "1.1(f)", None),  # a definition binds nobody
            ("term.redefined", "1.1(i)", None),
            ("obligation.added", "2.6", "Norland"),
            ("obligation.weakened", "3.6", "Velmora"),
            ("obligation.removed", "4.3", "Velmora"),
            ("obligation.added", "4.4", "Norland"),
            ("value.changed", "5.2", "Norland"),
            ("permission.added", "5.2", "Velmora"),
            ("permission.removed", "5.6", "Velmora"),
            ("permission.added", "7.2", "Velmora"),
            ("obligation.weakened", "7.4", "Velmora"),
            ("guarantee.weakened", "9.1", "Velmora"),
            ("condition.added", "9.1", "Velmora"),
            ("obligation.added", "10.3", JOINT),
        ]
    )


def test_v2_to_v3_semantic_changes_are_the_reviewer_s() -> None:
    assert semantic(v2_v3()) == sorted(
        [
            ("value.changed", "¶1", None),
            ("value.changed", "2.3", JOINT),
            ("permission.added", "2.3", "Velmora"),
            ("obligation.reassigned", "2.5", "Norland"),
            ("prohibition.removed", "3.2", "Velmora"),
            ("condition.added", "4.1", "Velmora"),
            ("obligation.strengthened", "4.4", "Norland"),
            ("condition.added", "4.4", "Norland"),
            ("obligation.added", "4.5", "Norland"),
            ("value.changed", "5.2", JOINT),
            ("permission.removed", "5.2", JOINT),
            ("obligation.added", "5.2", JOINT),
            ("permission.added", "6.2", "Velmora"),
            ("prohibition.removed", "6.3", "Velmora"),
            ("condition.removed", "7.2", "Velmora"),
            ("value.changed", "7.3", "Velmora"),
            ("condition.added", "10.1", "Velmora"),
            ("obligation.strengthened", "10.2", JOINT),
            ("obligation.added", "10.3", "Norland"),
            ("obligation.added", "10.4", "Norland"),
            # "Velmora shall comply" -> "Each Party shall comply": Norland gains the duty.
            ("obligation.added", "11.2", "Norland"),
        ]
    )


def test_traps_identical_words_and_disclaimers_carry_no_semantic_change() -> None:
    comparison = v1_v2()
    # 4.1's words are unchanged; its meaning moves only through "Resource Revenues".
    assert not [c for c in comparison.changes if "4.1" in (c.old_clause, c.new_clause)]
    (redefined,) = [
        c for c in comparison.changes if c.type == "term.redefined" and c.new_clause == "1.1(f)"
    ]
    assert "4.1" in redefined.summary
    # "Nothing in this Agreement shall be construed as a security commitment by Norland."
    assert comparison.provisions("old", "10.1") == ()


def test_reference_that_followed_the_split_is_cosmetic() -> None:
    (change,) = [c for c in v2_v3().changes if c.new_clause == "6.1"]
    assert change.type == "text.cosmetic"
    assert "“Section 5.4” → “Section 5.5”" in change.summary


def test_every_semantic_summary_starts_with_its_clause() -> None:
    for comparison in (v1_v2(), v2_v3()):
        for change in comparison.changes:
            if change.family in ("clause", "heading"):
                continue
            ref = change.new_clause or change.old_clause or ""
            assert change.summary.startswith(("paragraph " + ref, ref)), change.summary
