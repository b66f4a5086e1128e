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
            "4.1 The Products shall be delivered by Supplier DAP the Delivery Point"
            " (Incoterms 2020).",
            SUPPLY,
            "contract",
            [("Supplier", "obligation", "shall")],
            id="trade_term_after_the_agent_is_no_part_of_its_name",
        ),
        pytest.param(
            "4.2.1 A Party wishing to transfer its shares shall first offer them to the"
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
