"""Actors beyond the preamble: who a provision binds when the text names them otherwise.

Abbreviations and short names of a party, collective subjects, names the preamble
missed, thing-subject and passive duties, German subjects by case and word order.
(Sentences written for these tests; bench/actor_eval.py scores a larger labelled set.)
"""

from __future__ import annotations

from draftdiff.analyse import JOINT, Provision
from draftdiff.model import Party
from tests.semantic.helpers import read

STATES = (
    Party("United States", ("the United States of America",)),
    Party("Government of Freedonia", ()),
)
BSD = (Party("Licensor", (), assumed=True), Party("Licensee", ("You", "you"), assumed=True))
SALE = (Party("Seller", ("Ormond Textiles Limited",)), Party("Buyer", ()))


def only(text: str, parties: tuple[Party, ...], schema: str = "agreement") -> Provision:
    (provision,) = read(text, parties, schema).provisions
    return provision


def test_initials_and_the_name_after_of_resolve_to_the_party() -> None:
    us = only("The U.S. may withdraw its experts on sixty days' notice.", STATES)
    assert (us.actor.kind, us.actor.name, us.modality.value) == (
        "party",
        "United States",
        "permission",
    )
    assert "initials" in us.actor.rule
    fr = only("Freedonia shall issue the entry visas free of charge.", STATES)
    assert fr.actor.name == "Government of Freedonia"
    assert "after “of”" in fr.actor.rule
    side = only("The US Side shall host the first review meeting.", STATES)
    assert side.actor.name == "United States"


def test_a_company_is_called_by_its_name_without_its_legal_form() -> None:
    p = only("Ormond shall weave the cloth to the approved sample.", SALE, "contract")
    assert (p.actor.kind, p.actor.name) == ("party", "Seller")


def test_a_short_name_two_parties_could_have_names_neither() -> None:
    twins = (
        Party("North", ("the Republic of Carvia",)),
        Party("South", ("the Kingdom of Carvia",)),
    )
    p = only("Carvia shall open the border crossing.", twins)
    assert p.actor.kind != "party"


def test_collective_subjects_bind_all_parties() -> None:
    for text in (
        "Each Participant shall appoint a technical lead.",
        "Each of the Signatories may request consultations.",
        "All Participants shall respect the export rules.",
        "Both Parties shall share the survey data.",
        "The Parties jointly shall select the venue.",
    ):
        p = only(text, STATES)
        assert (p.actor.kind, p.actor.name, p.bearers) == (
            "joint",
            JOINT,
            ("United States", "Government of Freedonia"),
        ), text
    banned = only("Neither of the Signatories shall publish the draft.", STATES)
    assert banned.modality.value == "prohibition"


def test_a_party_called_participant_is_that_party_not_everyone() -> None:
    parties = (Party("Participant", ("the Ministry of Health of Rovia",)), Party("Host", ()))
    p = only("Each Participant shall bring its own equipment.", parties)
    assert (p.actor.kind, p.actor.name) == ("party", "Participant")


def test_a_name_the_preamble_missed_is_still_the_actor() -> None:
    p = only("Pellonia guarantees that it will keep the corridor open.", STATES)
    assert (p.modality.value, p.actor.kind, p.actor.name) == ("guarantee", "nonparty", "Pellonia")
    assert "not among the parties" in p.actor.rule
    q = only("Ruvania shall not station troops in the zone.", STATES)
    assert (q.modality.value, q.actor.name) == ("prohibition", "Ruvania")


def test_a_capital_that_only_opens_the_sentence_is_no_name() -> None:
    for text in (
        "Notices shall be given in English.",
        "Payment shall be made by wire transfer.",
        "You must keep the password secret.",
    ):
        # Parties of no role, so the role rule (Buyer pays) does not decide "Payment".
        plain = (Party("Ormond Textiles Limited", ()), Party("Calder Stores", ()))
        p = only(text, plain, "contract" if "Payment" in text else "agreement")
        assert p.actor.unattributed, text
        assert p.actor.rule.startswith("unattributed:"), text


def test_a_licence_condition_binds_the_licensee_and_says_so() -> None:
    p = only("Redistributions of modified code must state the changes made.", BSD, "license")
    assert (p.actor.name, p.modality.value) == ("Licensee", "obligation")
    assert any("binds_licensee" in n for n in p.notes)
    q = only(
        "Neither the name of the project nor its logo may be used in advertising.", BSD, "license"
    )
    assert (q.actor.name, q.modality.value) == ("Licensee", "prohibition")


def test_a_passive_duty_is_the_agents_or_kept_unattributed() -> None:
    by = only("The freight shall be paid by the Buyer before loading.", SALE, "contract")
    assert by.actor.name == "Buyer"
    # The Seller's trade by its role (issue 9); with no role it is nobody's.
    sold = only("The Goods shall be delivered in sealed containers.", SALE, "contract")
    assert sold.actor.name == "Seller" and sold.actor.rule.startswith("role:")
    plain = (Party("Ormond Textiles Limited", ()), Party("Calder Stores", ()))
    kept = only("The Goods shall be delivered in sealed containers.", plain, "contract")
    assert kept.actor.unattributed
    assert "passive" in kept.actor.rule


def test_german_subject_by_case_and_word_order() -> None:
    buyer = only("Der Käufer darf die Maschine nicht vermieten.", (), "gesetz")
    assert (buyer.actor.name, buyer.modality.value) == ("Käufer", "prohibition")
    after = only("Die Rechnung muss der Besteller binnen einer Woche prüfen.", (), "gesetz")
    assert after.actor.name == "Besteller"
    object_first = only("Den Mangel hat der Unternehmer zu beseitigen.", (), "gesetz")
    assert object_first.actor.name == "Unternehmer"


def test_a_bodys_head_noun_after_an_article_names_it() -> None:
    parties = (Party("Authority", ("Kelby Harbour Authority",)), Party("Operator", ()))
    p = only("The Authority may inspect the cranes at any time.", parties)
    assert p.actor.name == "Authority"
    council = (Party("Principal", ("Dunmore District Council",)), Party("Contractor", ()))
    q = only("The Council shall approve the traffic plan.", council, "contract")
    assert (q.actor.kind, q.actor.name) == ("party", "Principal")
    assert "head noun" in q.actor.rule
    # A company's product is not the company: "the Software" of Quarrow Software Ltd.
    vendor = (Party("Vendor", ("Quarrow Software Ltd.",)), Party("Client", ()))
    r = only("The Software shall run on the Client's servers.", vendor, "contract")
    assert r.actor.name != "Vendor"
    initials = (Party("Republic of Korea", ()), Party("Kingdom of Tavonia", ()))
    assert only("The ROK shall provide the range.", initials).actor.name == "Republic of Korea"


def test_a_passive_duty_takes_the_party_the_same_clause_binds_to_its_verb() -> None:
    clause = "The Buyer shall pay the Price on invoice. Payment shall be made in euro."
    first, second = read(clause, SALE, "contract").provisions
    assert (first.actor.name, second.actor.name) == ("Buyer", "Buyer")
    assert any(n.startswith("evidence:") and "The Buyer shall pay" in n for n in second.notes)
    goods = "The Seller shall deliver the Goods by rail. The Goods shall be delivered unopened."
    assert [p.actor.name for p in read(goods, SALE, "contract").provisions] == ["Seller", "Seller"]
    # Both parties bound to pay: the evidence points at neither, so nobody is named.
    both = (
        "The Buyer shall pay the freight and the Seller shall pay the duty. "
        "Payment shall be made in euro."
    )
    last = read(both, SALE, "contract").provisions[-1]
    assert last.actor.unattributed
    assert not any(n.startswith("evidence:") for n in last.notes)


def test_required_to_binds_its_subject() -> None:
    p = only("The Buyer will be required to collect the samples.", SALE, "contract")
    assert (p.actor.name, p.modality.value) == ("Buyer", "obligation")


def test_the_object_of_one_verb_is_not_a_subject_of_the_next() -> None:
    text = "Freedonia may appoint the Registrar, and the U.S. shall appoint the Auditor."
    found = [(p.actor.name, p.modality.value) for p in read(text, STATES).provisions]
    assert found == [("Government of Freedonia", "permission"), ("United States", "obligation")]


def test_the_adjective_of_a_partys_name_before_side_names_it() -> None:
    parties = (
        Party("Ukraine", ("the Government of Ukraine",)),
        Party("Government of Freedonia", ()),
    )
    p = only("The Ukrainian Side shall share the radar data.", parties)
    assert (p.actor.kind, p.actor.name) == ("party", "Ukraine")
    q = only("The Freedonian Party may ask for consultations.", parties)
    assert q.actor.name == "Government of Freedonia"


def test_a_licence_condition_binds_you_when_the_licensee_goes_by_you() -> None:
    parties = (Party("Foundation", ("the Quill Software Foundation",)), Party("You", ()))
    p = only("Redistributions must keep this notice.", parties, "license")
    assert (p.actor.kind, p.actor.name) == ("party", "You")


def test_a_partys_own_conduct_binds_it() -> None:
    terms = (Party("Provider", ("we", "We")), Party("Customer", ("you", "You", "your", "Your")))
    p = only("Your use of the portal must follow the acceptable use policy.", terms, "contract")
    assert (p.actor.name, p.modality.value) == ("Customer", "obligation")
    assert p.actor.rule.startswith("conduct of its owner")
    # What a party owns but does not do binds nobody named.
    q = only("Your invoices shall be issued in euro.", terms, "contract")
    assert q.actor.unattributed


def test_a_name_every_party_goes_by_is_collective() -> None:
    parties = (
        Party("Government of Freedonia", ("Freedonia", "Participant")),
        Party("Government of Sylvania", ("Sylvania", "Participant")),
    )
    p = only("Each Participant shall keep the other informed.", parties)
    assert (p.actor.kind, p.bearers) == (
        "joint",
        ("Government of Freedonia", "Government of Sylvania"),
    )
    assert only("Sylvania may host the talks.", parties).actor.name == "Government of Sylvania"
