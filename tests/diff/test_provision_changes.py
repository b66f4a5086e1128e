"""Provision changes inside a clause that stays: who gains a widened duty, and where a
dropped limb is reported (issue 9)."""

from __future__ import annotations

from draftdiff.model import Party
from tests.semantic.helpers import changes, kinds

SUPPLY = (
    Party("Supplier", ("Northbridge Components Ltd.",)),
    Party("Buyer", ("Halvorsen Maskin AS",)),
)


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


SUPPLY_OPENING = "1.1 The Supplier shall:"


def test_an_item_added_to_a_list_a_duty_opens_widens_that_duty() -> None:
    old = [
        SUPPLY_OPENING,
        "(a) deliver the Products to the Delivery Point;",
        "(b) notify the Buyer of any delay.",
    ]
    new = [*old[:2], "(b) notify the Buyer of any delay; and", "(c) keep records of deliveries."]
    found = [c for c in changes(old, new, SUPPLY, "contract") if c.type == "scope.changed"]
    assert [(c.party, c.old_clause, c.new_clause) for c in found] == [("Supplier", "1.1", "1.1(c)")]
    assert "keep records of deliveries" in found[0].summary


def test_an_item_dropped_from_a_list_a_duty_opens_narrows_that_duty() -> None:
    old = [
        "1.1 The Buyer shall not, without the Supplier's consent:",
        "(a) resell the Products outside Norway;",
        "(b) remove any label from the Products.",
    ]
    new = [old[0], "(a) resell the Products outside Norway."]
    found = [c for c in changes(old, new, SUPPLY, "contract") if c.type == "scope.changed"]
    assert [(c.party, c.old_clause, c.new_clause) for c in found] == [("Buyer", "1.1(b)", "1.1")]
    assert found[0].severity.name == "HIGH"


def test_an_item_under_a_heading_that_opens_no_duty_is_only_a_clause() -> None:
    old = ["1.1 The following terms apply:", "(a) Prices are in euro."]
    new = [*old, "(b) Invoices are issued monthly."]
    assert [c.type for c in changes(old, new, SUPPLY, "contract")] == []


def test_a_place_added_to_where_a_ban_applies_is_a_scope_change() -> None:
    found = changes(
        ["2.3 Supplier shall not supply similar products to any competitor of Buyer in Norway."],
        [
            "2.3 Supplier shall not supply similar products to any competitor of Buyer in Norway"
            " or Sweden."
        ],
        SUPPLY,
        "contract",
    )
    assert kinds(found) == [("scope.changed", "Supplier")]
    assert "territory" in found[0].summary


def test_a_reference_after_in_is_no_place() -> None:
    found = changes(
        ["2.3 Supplier shall deliver the Products described in Schedule A."],
        ["2.3 Supplier shall deliver the Products described in Schedule B."],
        SUPPLY,
        "contract",
    )
    assert all("territory" not in c.summary for c in found)
