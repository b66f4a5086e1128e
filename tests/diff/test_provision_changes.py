"""Provision changes inside a clause that stays: who gains a widened duty, and where a
dropped limb is reported (issue 9)."""

from __future__ import annotations

from tests.semantic.helpers import changes, kinds


def test_a_duty_widened_to_each_party_is_new_for_the_party_that_gains_it() -> None:
    found = changes(
        ["8.1 Norland shall exempt the Fund and its income from all direct taxes."],
        [
            "8.1 Each Party shall exempt the Fund and its income from all direct taxes in its"
            " territory."
        ],
    )
    assert kinds(found) == [("obligation.added", "Velmora")]
    assert found[0].new_clause == "8.1"


def test_a_duty_moved_from_one_party_to_the_other_is_still_reassigned() -> None:
    found = changes(
        ["2.2 Norland shall second a qualified technical director to the Fund."],
        ["2.2 Velmora shall second a qualified technical director to the Fund."],
    )
    assert kinds(found) == [("obligation.reassigned", "Velmora")]


def test_a_limb_dropped_from_a_kept_clause_names_the_clause_on_both_sides() -> None:
    old = [
        "9.1 Any dispute shall be settled by consultation between the Parties.",
        "9.2 The Parties shall consult in good faith and shall not refer a dispute to any"
        " international tribunal or third party for settlement.",
    ]
    new = [
        "9.1 Any dispute shall be settled by consultation between the Parties.",
        "9.2 The Parties shall consult in good faith.",
    ]
    found = [c for c in changes(old, new) if c.type == "prohibition.removed"]
    assert [(c.old_clause, c.new_clause) for c in found] == [("9.2", "9.2")]
