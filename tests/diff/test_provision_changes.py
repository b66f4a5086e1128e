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
LICENCE_PARTIES = (Party("Licensor", ()), Party("Licensee", ()))
SUPPLY_CONTRACTOR = (Party("Contractor", ()), Party("Customer", ()))


def test_an_item_added_to_a_list_of_duties_is_a_new_duty() -> None:
    old = [
        SUPPLY_OPENING,
        "(a) deliver the Products to the Delivery Point;",
        "(b) notify the Buyer of any delay.",
    ]
    new = [*old[:2], "(b) notify the Buyer of any delay; and", "(c) keep records of deliveries."]
    found = [c for c in changes(old, new, SUPPLY, "contract") if c.family != "clause"]
    assert [(c.type, c.party, c.old_clause, c.new_clause) for c in found] == [
        ("obligation.added", "Supplier", "1.1", "1.1(c)")
    ]
    assert "keep records of deliveries" in found[0].summary


def test_an_item_dropped_from_a_list_of_bans_is_a_ban_removed() -> None:
    old = [
        "1.1 The Buyer shall not, without the Supplier's consent:",
        "(a) resell the Products outside Norway;",
        "(b) remove any label from the Products.",
    ]
    new = [old[0], "(a) resell the Products outside Norway."]
    found = [c for c in changes(old, new, SUPPLY, "contract") if c.family != "clause"]
    assert [(c.type, c.party, c.old_clause, c.new_clause) for c in found] == [
        ("prohibition.removed", "Buyer", "1.1(b)", "1.1")
    ]


def test_an_item_added_to_what_a_duty_covers_widens_it() -> None:
    old = [
        "2.2.1 The Contractor shall provide the following services at the Premises:",
        "(a) cleaning;",
        "(b) security guarding.",
    ]
    new = [*old[:2], "(b) security guarding; and", "(c) grounds maintenance."]
    found = [c for c in changes(old, new, SUPPLY_CONTRACTOR, "contract") if c.family != "clause"]
    assert [(c.type, c.party, c.old_clause, c.new_clause) for c in found] == [
        ("scope.changed", "Contractor", "2.2.1", "2.2.1(c)")
    ]
    assert "grounds maintenance" in found[0].summary


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


def test_a_further_requirement_joined_to_a_condition_tightens_it() -> None:
    found = changes(
        [
            "9.2 Either Party may terminate this Agreement by written notice if the other Party"
            " commits a material breach of this Agreement."
        ],
        [
            "9.2 Either Party may terminate this Agreement by written notice if the other Party"
            " commits a material breach of this Agreement and fails to remedy that breach within"
            " 30 days of receiving notice."
        ],
    )
    assert [c.type for c in found if c.family == "condition"] == ["condition.added"]
    assert "fails to remedy" in next(c.summary for c in found if c.family == "condition")


def test_another_way_to_meet_a_condition_is_no_further_requirement() -> None:
    found = changes(
        ["9.2 Velmora may suspend payments if Norland fails to pay any instalment."],
        [
            "9.2 Velmora may suspend payments if Norland fails to pay any instalment or is declared"
            " insolvent by a court."
        ],
    )
    assert [c.type for c in found if c.family == "condition"] == []


def test_if_any_opening_a_noun_is_a_condition() -> None:
    found = changes(
        ["5.4 Norland may suspend support services."],
        ["5.4 Norland may suspend support services if any invoice remains unpaid for 60 days."],
    )
    assert [c.type for c in found if c.family == "condition"] == ["condition.added"]


CONSULTING = (Party("Consultant", ("Pellucid Analytics, Inc.",)), Party("Client", ()))


def test_a_limb_cut_from_an_inline_list_of_services_narrows_the_duty() -> None:
    found = changes(
        [
            "2.01 Consultant shall perform the following services: data warehouse design,"
            " dashboard reporting and predictive modelling."
        ],
        [
            "2.01 Consultant shall perform the following services: data warehouse design and"
            " dashboard reporting."
        ],
        CONSULTING,
        "contract",
    )
    assert kinds(found) == [("scope.changed", "Consultant")]
    assert "predictive modelling" in found[0].summary
    assert found[0].severity.name == "HIGH"


def test_a_limb_added_to_what_a_licence_covers_widens_it() -> None:
    found = changes(
        ["II(a) The Licensee may use the Marks on soft drinks and fruit juices."],
        ["II(a) The Licensee may use the Marks on soft drinks, fruit juices and bottled water."],
        LICENCE_PARTIES,
        "license",
    )
    assert kinds(found) == [("scope.changed", "Licensee")]
    assert "bottled water" in found[0].summary


def test_another_banned_act_is_no_wider_object() -> None:
    found = changes(
        ["4.2 The Licensee shall not redistribute or transfer the Marks to any person."],
        ["4.2 The Licensee shall not redistribute, sell or transfer the Marks to any person."],
        LICENCE_PARTIES,
        "license",
    )
    assert all(c.type != "scope.changed" for c in found)


def test_one_word_more_inside_a_phrase_is_no_limb() -> None:
    found = changes(
        ["5.1 Consultant shall remedy any defects in the Deliverables."],
        ["5.1 Consultant shall remedy any material defects in the Deliverables."],
        CONSULTING,
        "contract",
    )
    assert all(c.type != "scope.changed" for c in found)


SALE = (Party("Seller", ("Harrow Mills Ltd.",)), Party("Buyer", ()))


def test_a_condition_that_goes_on_past_an_aside_gains_its_further_requirement() -> None:
    found = changes(
        [
            "4.3.1 If Norland sells any of its shares to a third party, Velmora is entitled to"
            " require the buyer to acquire its shares on the same terms."
        ],
        [
            "4.3.1 If Norland sells any of its shares to a third party and, as a result, holds"
            " less than 50% of the shares, Velmora is entitled to require the buyer to acquire"
            " its shares on the same terms."
        ],
    )
    assert ("condition.added", "Velmora") in kinds(found)


def test_an_option_given_to_the_bearer_weakens_its_duty() -> None:
    found = changes(
        ["5.3 Seller shall replace defective Goods within 14 days of notice."],
        [
            "5.3 Seller shall replace, or at its option credit the price of, defective Goods"
            " within 14 days of notice."
        ],
        SALE,
        "contract",
    )
    assert kinds(found) == [("obligation.weakened", "Seller")]


def test_fault_made_the_trigger_of_an_indemnity_narrows_it() -> None:
    found = changes(
        [
            "7.2 Seller shall indemnify Buyer against all losses arising from damage to property"
            " caused by Seller's staff."
        ],
        [
            "7.2 Seller shall indemnify Buyer against all losses arising from damage to property"
            " caused by the negligence of Seller's staff."
        ],
        SALE,
        "contract",
    )
    assert kinds(found) == [("guarantee.weakened", "Seller")]


def test_kinds_of_a_thing_after_in_are_no_place() -> None:
    found = changes(
        [
            "1.1 Neither the Font Software nor any of its components, in Standard or Modified"
            " Versions, may be sold by Velmora by itself."
        ],
        [
            "1.1 Neither the Font Software nor any of its components, in Original or Modified"
            " Versions, may be sold by Velmora by itself."
        ],
    )
    assert all("territory" not in c.summary for c in found)
