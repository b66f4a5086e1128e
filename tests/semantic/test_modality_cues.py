"""Which sentences state a duty, a prohibition, a permission or a guarantee — and which
only look as if they do (term clauses, liability rules, disclaimers, hypotheses)."""

from __future__ import annotations

import pytest

from draftdiff.analyse import Modality, analyse_text
from draftdiff.model import Party
from draftdiff.schema.load import builtin_schemas

PARTIES = (Party("Supplier", ("Acme Corp.",)), Party("Buyer", ()), Party("Company", ()))


def kinds(text: str) -> set[str]:
    """The ledger kinds (obligation, prohibition, permission, guarantee) a sentence states."""
    analysis = analyse_text(text, PARTIES, builtin_schemas()["contract"])
    return {p.modality.ledger_kind for p in analysis.provisions}


def modalities(text: str) -> list[tuple[str | None, Modality]]:
    analysis = analyse_text(text, PARTIES, builtin_schemas()["contract"])
    return [(p.actor.name, p.modality) for p in analysis.provisions]


@pytest.mark.parametrize(
    "text",
    [
        "The term of this Agreement shall be three (3) years from the Effective Date.",
        "This Agreement shall automatically renew for successive one-year terms.",
        "This Agreement will be automatically renewed unless either party gives notice.",
        "This Agreement shall commence on the Effective Date.",
        "This Agreement shall in all respects be governed by and construed under the laws of Ohio.",
        "This Agreement will be construed in accordance with the laws of Ontario.",
        "Neither party shall be liable for indirect or consequential damages.",
        "The Supplier shall in no circumstances be liable for loss of profit.",
        "The Supplier does not warrant that the Goods are fit for any purpose.",
        "NEITHER PARTY WARRANTS THAT ITS SITE WILL OPERATE ERROR-FREE.",
        "All goodwill arising from the use of the Marks shall inure to the benefit of the Company.",
        "Any failure to enforce a provision shall not waive the right to do so later.",
    ],
)
def test_statements_about_the_agreement_liability_and_disclaimers_are_no_provisions(
    text: str,
) -> None:
    assert kinds(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ownership and rights held are permissions in the ledger, not duties.
        ("All Work Product shall be the exclusive property of the Company.", {"permission"}),
        ("All rights in the Software shall belong to the Supplier.", {"permission"}),
        ("The Buyer shall have a right of first refusal on any sale.", {"permission"}),
        ("The Buyer shall be permitted to evaluate other products.", {"permission"}),
        ("The Buyer shall have access to the Supplier's test data.", {"permission"}),
        (
            "Nothing in this Agreement shall prohibit the Buyer from selling competing goods.",
            {"permission"},
        ),
        # A grantee named after what is granted.
        (
            "The Supplier hereby grants an exclusive, worldwide licence to the Company to use "
            "the Marks.",
            {"permission"},
        ),
        ("The Supplier hereby appoints the Buyer as its exclusive distributor.", {"permission"}),
        # Negative leave is a prohibition.
        ("The Buyer is not authorized to sell the Goods to third parties.", {"prohibition"}),
        ("The Buyer may not resell the Goods.", {"prohibition"}),
        ("No party shall assign this Agreement.", {"prohibition"}),
        # Duties that keep binding.
        (
            "The Buyer shall not be relieved of its obligation to pay the price.",
            {"obligation"},
        ),
        ("The Company is in charge of supervising the backups.", {"obligation"}),
        # Guarantees.
        ("The Supplier warrants and represents that it owns the Software.", {"guarantee"}),
        (
            "The Supplier shall indemnify and hold harmless the Buyer from all claims.",
            {"guarantee"},
        ),
    ],
)
def test_sentences_state_what_a_reader_sees(text: str, expected: set[str]) -> None:
    assert kinds(text) == expected


def test_a_modal_inside_a_hypothesis_is_no_duty_but_the_main_clause_is() -> None:
    found = modalities("If the Goods must be returned, the Buyer shall notify the Supplier.")
    assert found == [("Buyer", Modality.OBLIGATION)]


def test_if_x_shall_fail_supposes_a_failure_and_binds_nobody() -> None:
    found = modalities("If the Buyer shall fail to pay, the Supplier may suspend delivery.")
    assert found == [("Supplier", Modality.PERMISSION)]


def test_a_proviso_with_shall_still_binds_its_party() -> None:
    found = modalities(
        "Provided that the Buyer shall notify the Supplier, the Supplier shall deliver."
    )
    assert ("Buyer", Modality.OBLIGATION) in found
    assert ("Supplier", Modality.OBLIGATION) in found


def test_an_if_clause_without_a_comma_keeps_the_main_duty() -> None:
    found = modalities(
        "If the Buyer fails to pay within 30 days the Supplier shall suspend delivery."
    )
    assert found == [("Supplier", Modality.OBLIGATION)]


def test_the_month_may_is_not_a_permission() -> None:
    assert modalities("The Supplier will deliver the Goods by 1 May.") == [
        ("Supplier", Modality.OBLIGATION)
    ]


def test_no_obligation_to_act_is_leave_not_to_act() -> None:
    assert modalities("The Supplier has no obligation to deliver on Sundays.") == [
        ("Supplier", Modality.PERMISSION)
    ]


def test_a_verb_only_cue_with_an_unknown_subject_is_kept_unattributed() -> None:
    analysis = analyse_text(
        "In addition, Metavante agrees to provide all necessary transition assistance.",
        PARTIES,
        builtin_schemas()["contract"],
    )
    (provision,) = analysis.provisions
    assert provision.modality is Modality.OBLIGATION
    assert provision.actor.kind == "none"
    assert "unattributed" in " ".join(provision.notes)


def test_a_noun_that_looks_like_a_cue_still_needs_a_subject() -> None:
    assert kinds("The warranty and the guarantee are set out in Schedule 2.") == set()


def test_may_after_a_name_the_document_uses_again_is_leave_not_possibility() -> None:
    # "Customer" is no party here, but a capitalised name opening the sentence is
    # still the one given leave (a non-party actor), never dropped.
    found = modalities("Customer may assign this Agreement to an Affiliate of Customer.")
    assert found == [("Customer", Modality.PERMISSION)]


@pytest.mark.parametrize(
    "text",
    ["Delays may occur in shipping.", "Interest may accrue on late payments."],
)
def test_may_after_a_sentence_initial_common_noun_stays_possibility(text: str) -> None:
    assert kinds(text) == set()
