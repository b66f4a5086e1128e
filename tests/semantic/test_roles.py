"""Role-bound duties (issue 9): a thing-subject or agentless passive duty whose verb or
subject is one side's trade ("The Goods shall be delivered", "Payment shall be made")
binds the one party holding that side's role, and says so; otherwise it stays open.
(Sentences written for these tests; bench/data/actors_roles.yaml scores more.)
"""

from __future__ import annotations

from draftdiff.analyse.provisions import analyse_text
from draftdiff.model import Party
from draftdiff.schema.load import builtin_schemas

SALE = (Party("Supplier", ("Harrow Mills Ltd.",)), Party("Buyer", ("Kestrel Foods GmbH",)))
NDA = (Party("Discloser", ()), Party("Recipient", ()))


def actors(text: str, parties: tuple[Party, ...]) -> list[tuple[str, str | None, str]]:
    found = analyse_text(text, parties, builtin_schemas()["contract"]).provisions
    return [(p.actor.kind, p.actor.name, p.actor.rule) for p in found]


def test_the_issue_example_goes_to_the_side_whose_trade_it_is() -> None:
    text = (
        "The Goods shall be delivered to the Buyer's warehouse within 10 days. "
        "Payment shall be made within 30 days of invoice."
    )
    (deliver, pay) = actors(text, SALE)
    assert deliver[:2] == ("party", "Supplier")
    assert deliver[2] == "role: Supplier (Supplier) — “be delivered”"
    assert pay[:2] == ("party", "Buyer")
    assert "“Payment”" in pay[2]
    ((kind, name, rule),) = actors("All Confidential Information must be returned.", NDA)
    assert (kind, name) == ("party", "Recipient") and rule.startswith("role:")


def test_a_role_ending_a_longer_name_counts_but_one_opening_it_does_not() -> None:
    ((kind, name, _),) = actors(
        "The Services shall be performed with reasonable care.",
        (Party("Service Provider", ()), Party("Client", ())),
    )
    assert (kind, name) == ("party", "Service Provider")
    ((kind, _, _),) = actors(
        "Rent shall be paid monthly.", (Party("Tenant Holdings", ()), Party("Owner", ()))
    )
    assert kind == "none"


def test_no_role_two_of_one_side_or_an_agent_leave_it_to_the_rules_before() -> None:
    plain = (Party("Orion Ltd", ()), Party("Vega SA", ()))
    assert actors("Payment shall be made within 30 days.", plain)[0][0] == "none"
    both = (Party("Licensor", ()), Party("Manufacturer", ()))
    assert actors("The Products shall be shipped to the Territory.", both)[0][0] == "none"
    agent = (Party("Landlord", ()), Party("Tenant", ()))
    ((kind, name, rule),) = actors("The deposit shall be paid by the Landlord.", agent)
    assert (kind, name) == ("party", "Landlord") and not rule.startswith("role:")
    ((kind, _, _),) = actors("The rent shall be paid by a guarantor.", agent)
    assert kind == "none"


def test_acts_of_no_side_or_of_the_other_side_stay_open() -> None:
    for text in (
        "Notices shall be delivered by hand.",
        "Refunds shall be paid within 14 days.",
        "The warehouse shall be kept locked.",
        "Payment terms shall be agreed in writing.",
    ):
        ((kind, _, rule),) = actors(text, SALE)
        assert kind == "none", (text, rule)


def test_evidence_in_the_clause_decides_before_the_role() -> None:
    text = "The Supplier shall pay the freight. Payment shall be made in advance."
    (_, pay) = actors(text, SALE)
    assert pay[1] == "Supplier" and pay[2].startswith("evidence:")
