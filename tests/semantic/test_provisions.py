"""Provisions: who must, may or guarantees what, read from one sentence at a time.

Each case is a sentence and the (actor, modality, cue) of every provision in it.
"""

from __future__ import annotations

import pytest

from draftdiff.analyse import JOINT
from draftdiff.model import Party
from tests.semantic.helpers import SUPPLY, provisions, read

CASES = [
    # The ladder.
    ("Velmora shall bear all costs of the Fund.", [("Velmora", "obligation", "shall")]),
    ("Velmora shall not terminate this Agreement.", [("Velmora", "prohibition", "shall not")]),
    (
        "Velmora shall use reasonable efforts to adopt all necessary legislation.",
        [("Velmora", "qualified_obligation", "shall use reasonable efforts to")],
    ),
    (
        "Norland will consider making contributions to the Fund.",
        [("Norland", "weak_commitment", "will consider")],
    ),
    ("Norland intends to encourage investment.", [("Norland", "weak_commitment", "intends to")]),
    ("Norland may replace the Agency at any time.", [("Norland", "permission", "may")]),
    # Rights are not duties.
    (
        "Norland shall hold one hundred percent (100%) of the interest.",
        [("Norland", "right", "shall hold")],
    ),
    (
        "Velmora shall be entitled to receive the annual statements.",
        [("Velmora", "right", "shall be entitled to")],
    ),
    # Guarantees, given by an alias.
    (
        "The Government of the Republic of Velmora guarantees the payment of all Contributions.",
        [("Velmora", "guarantee", "guarantees")],
    ),
    (
        "Velmora represents and warrants that it holds full legal title.",
        [("Velmora", "guarantee", "represents and warrants")],
    ),
    (
        "Norland shall provide security guarantees to Velmora.",
        [("Norland", "guarantee", "shall")],
    ),
    # A noun, not a guarantee.
    (
        "Norland supports Velmora's efforts to obtain the security guarantees needed for peace.",
        [("Norland", "weak_commitment", "supports Velmora's efforts to")],
    ),
    # Joint actors.
    ("Each Party shall comply with any decision.", [(JOINT, "obligation", "shall")]),
    ("Neither Party shall disclose the terms.", [(JOINT, "prohibition", "shall")]),
    (
        "The Parties will consider appropriate measures.",
        [(JOINT, "weak_commitment", "will consider")],
    ),
    # Passive voice: the agent after "by".
    ("The costs shall be borne by Velmora.", [("Velmora", "obligation", "shall")]),
    # By-phrases that are not the agent.
    (
        "Any dispute shall be settled exclusively by the courts of Norland.",
        [(None, "obligation", "shall")],
    ),
    # Non-party actors stay non-parties.
    ("The Board shall approve each investment project.", [("Board", "obligation", "shall")]),
    # Impersonal.
    ("No distribution shall be made to Velmora.", [(None, "prohibition", "shall")]),
    # Not provisions.
    ("Nothing in this Agreement shall be construed as a security commitment by Norland.", []),
    ("Velmora's liability shall not exceed USD 1,000,000.", []),
    ("This Agreement shall enter into force on the date of its signature.", []),
    ('"Fund" means the fund established under Article 2.', []),
    ("Delays may occur in the delivery of reports.", []),
    ("The price increase will take effect on your next renewal.", []),
    # Inverted and coordinated.
    (
        "Velmora shall not sell the Licence, nor shall Velmora assign it.",
        [("Velmora", "prohibition", "shall not"), ("Velmora", "prohibition", "nor shall")],
    ),
    (
        "The Board shall determine the policy of the Fund and shall approve each project.",
        [("Board", "obligation", "shall"), ("Board", "obligation", "shall")],
    ),
    # Two parties in one sentence.
    (
        "Norland shall appoint three (3) members, and Velmora shall appoint two (2) members.",
        [("Norland", "obligation", "shall"), ("Velmora", "obligation", "shall")],
    ),
    # The content of a warranty is not a duty of the thing warranted.
    (
        "Velmora warrants that the assets of the Fund will not be expropriated.",
        [("Velmora", "guarantee", "warrants")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_provisions_read_from_a_sentence(
    text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    assert provisions(text) == expected


def test_defined_party_names_and_aliases_resolve_in_contracts() -> None:
    assert provisions("Acme Corp. shall deliver the Goods.", SUPPLY) == [
        ("Supplier", "obligation", "shall")
    ]
    assert provisions("The Goods shall be paid for by Buyer within 30 days.", SUPPLY) == [
        ("Buyer", "obligation", "shall")
    ]


def test_you_and_we_are_the_customer_and_the_provider_of_terms_of_service() -> None:
    parties = (Party("Provider", ("we", "We")), Party("Customer", ("you", "You")))
    assert provisions("You may not share your account credentials.", parties, "contract") == [
        ("Customer", "prohibition", "may not")
    ]
    assert provisions("We will give you thirty (30) days' notice.", parties, "contract") == [
        ("Provider", "obligation", "will")
    ]


def test_conditions_and_values_belong_to_their_provision() -> None:
    found = read(
        "Subject to the availability of appropriations, Norland shall contribute "
        "fifty percent (50%) of the costs within ninety (90) days."
    ).provisions
    assert len(found) == 1
    assert [c.cue for c in found[0].conditions] == ["Subject to the availability of appropriations"]
    assert [v.key for v in found[0].values] == ["50%", "90 day"]


def test_every_provision_keeps_the_rule_that_fired_and_where_its_words_are() -> None:
    text = "Velmora shall use reasonable efforts to permit inspections."
    (p,) = read(text).provisions
    assert p.cue.rule == "lexicon.qualified_obligation: shall use ... efforts to"
    assert text[p.cue.start : p.cue.end] == p.cue.text
    assert text[p.actor.start : p.actor.end] == "Velmora"


def test_words_set_aside_say_why() -> None:
    analysis = read("Nothing in this Agreement shall create any obligation of Norland.")
    assert analysis.provisions == ()
    (cue,) = analysis.set_aside
    assert "Nothing in this Agreement" in cue.note


def test_german_modal_verbs_come_from_the_german_schema() -> None:
    parties = (Party("Lizenzgeber", ()), Party("Lizenznehmer", ()))
    assert provisions(
        "Der Lizenznehmer darf die Software nicht an Dritte weitergeben.", parties, "gesetz"
    ) == [("Lizenznehmer", "prohibition", "darf die Software nicht")]
    assert provisions("Der Lizenznehmer darf die Software weitergeben.", parties, "gesetz") == [
        ("Lizenznehmer", "permission", "darf")
    ]
