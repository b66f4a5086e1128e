"""Who bears a duty the sentence does not name plainly: issue 9's ledger misses."""

from __future__ import annotations

import pytest

from draftdiff.analyse.actors import JOINT
from draftdiff.model import Party
from tests.semantic.helpers import provisions

SUPPLY = (
    Party("Supplier", ("Northbridge Components Ltd.",)),
    Party("Buyer", ("Halvorsen Maskin AS",)),
)
VENTURE = (
    Party("Alvarado", ("Alvarado Energía S.A.",)),
    Party("Brightstone", ("Brightstone Renewables plc",)),
)
LICENCE = (Party("Licensor", ()), Party("Licensee", ()))


@pytest.mark.parametrize(
    ("text", "parties", "schema", "expected"),
    [
        pytest.param(
            "The Products shall be delivered by Supplier DAP the Delivery Point (Incoterms 2020).",
            SUPPLY,
            "contract",
            [("Supplier", "obligation", "shall")],
            id="trade_term_after_the_agent_is_no_part_of_its_name",
        ),
        pytest.param(
            "A Party wishing to transfer its shares shall first offer them to the"
            " other Party at the same price and on the same terms.",
            VENTURE,
            "agreement",
            [(JOINT, "obligation", "shall")],
            id="participle_after_a_party_keeps_it_the_subject",
        ),
        pytest.param(
            "Every copy of the Software, including the backup copy, must retain the"
            " Licensor's copyright notices and product identification.",
            LICENCE,
            "license",
            [("Licensee", "obligation", "must")],
            id="thing_subject_with_an_aside_before_the_verb",
        ),
        pytest.param(
            "The Goods shall be shipped to the Site within ten days of each order.",
            SUPPLY,
            "agreement",
            [("Supplier", "obligation", "shall")],
            id="role_bound_act_read_in_any_schema_not_only_contract",
        ),
    ],
)
def test_the_bearer_is_found(
    text: str, parties: tuple[Party, ...], schema: str, expected: list[tuple[str, str, str]]
) -> None:
    assert provisions(text, parties, schema) == expected


def test_an_acronym_that_is_the_name_itself_stays_a_name() -> None:
    # "ACME Corp" opens in capitals: no code was appended to a name, nothing is cut.
    found = provisions("ACME Corp shall deliver the Goods.", SUPPLY, "contract")
    assert found == [("ACME Corp", "obligation", "shall")]


def test_a_participle_does_not_link_across_a_full_stop() -> None:
    # The participle opens a phrase of a finished sentence; the next "shall" has none.
    found = provisions(
        "Alvarado will be the operator, acting through its subsidiary. Notices shall be sent"
        " by email.",
        VENTURE,
        "agreement",
    )
    assert found[-1] == (None, "obligation", "shall")


DISTRIBUTION = (Party("Supplier", ("Kestrel Optics GmbH",)), Party("Distributor", ()))
RESALE = (Party("Distributor", ("Vantaro Trading S.R.L.",)), Party("Customer", ()))
MARKS = (Party("Licensor", ("Bellbird Springs Pty Ltd",)), Party("Licensee", ()))


@pytest.mark.parametrize(
    ("text", "parties", "schema", "expected"),
    [
        pytest.param(
            "The Products shall be delivered FCA Graz (Incoterms 2020) on the delivery date."
            " Payment shall be made in euro within 30 days of the date of invoice.",
            DISTRIBUTION,
            "contract",
            [("Supplier", "obligation", "shall"), ("Distributor", "obligation", "shall")],
            id="a_distributor_buys_from_its_supplier",
        ),
        pytest.param(
            "The Products shall be delivered within 5 days of each order. Payment shall be made"
            " within 30 days of invoice.",
            RESALE,
            "contract",
            [("Distributor", "obligation", "shall"), ("Customer", "obligation", "shall")],
            id="a_distributor_sells_to_its_customer",
        ),
        pytest.param(
            "Each delivery shall be accompanied by a delivery note and a certificate of analysis.",
            SUPPLY,
            "contract",
            [("Supplier", "obligation", "shall")],
            id="by_names_what_goes_with_a_delivery_not_who_makes_it",
        ),
        pytest.param(
            "The Software and the Documentation shall be made available for secure download"
            " within 10 days of the date of this Agreement.",
            LICENCE,
            "license",
            [("Licensor", "obligation", "shall")],
            id="made_available_is_the_supplying_side_s_act",
        ),
        pytest.param(
            "On expiry or termination of this Agreement the Licensee shall cease all use of"
            " the Marks.",
            MARKS,
            "license",
            [("Licensee", "obligation", "shall")],
            id="subject_after_an_opening_phrase_without_a_comma",
        ),
        pytest.param(
            "On termination the Licensee shall cease to use the Software and shall destroy"
            " all copies of it.",
            LICENCE,
            "license",
            [("Licensee", "obligation", "shall"), ("Licensee", "obligation", "shall")],
            id="a_party_that_shall_cease_to_use_is_bound_to_stop",
        ),
        pytest.param(
            'Every label and package bearing the Marks must carry the notice "Used under licence".',
            MARKS,
            "license",
            [("Licensee", "obligation", "must")],
            id="marked_goods_are_the_licensee_s_and_the_marks_are_what_they_bear",
        ),
    ],
)
def test_the_bearer_comes_from_the_parties_roles(
    text: str, parties: tuple[Party, ...], schema: str, expected: list[tuple[str, str, str]]
) -> None:
    assert provisions(text, parties, schema) == expected


def test_a_rent_paid_by_a_guarantor_still_names_an_agent() -> None:
    # "by a guarantor" is someone, not a thing that goes with the payment.
    found = provisions(
        "The rent shall be paid by a guarantor.",
        (Party("Landlord", ()), Party("Tenant", ())),
        "contract",
    )
    assert found == [(None, "obligation", "shall")]


def test_a_licence_that_shall_cease_to_have_effect_binds_nobody() -> None:
    found = provisions(
        "This licence shall cease to have effect on termination.", LICENCE, "license"
    )
    assert all(actor in (None, "licence") for actor, _, _ in found)


def test_a_party_known_by_its_name_in_capitals_is_found_in_the_text_s_case() -> None:
    # The signature block gave the name; the articles write it in ordinary case.
    parties = (
        Party("DEPARTMENT OF DEFENSE OF THE UNITED STATES OF AMERICA", ()),
        Party("Ministry of Defence of the Republic of Vantoria", ()),
    )
    found = provisions(
        "The Department of Defense of the United States of America will seek to offer places"
        " on its naval staff courses to Vantorian officers.",
        parties,
        "agreement",
    )
    assert found == [
        ("DEPARTMENT OF DEFENSE OF THE UNITED STATES OF AMERICA", "weak_commitment", "will seek to")
    ]
