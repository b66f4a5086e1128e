"""Semantic changes between two versions of a clause: type, party, severity, evidence."""

from __future__ import annotations

import pytest

from draftdiff.analyse.references import resolve
from draftdiff.diff.compare import compare
from draftdiff.diff.result import Severity
from draftdiff.model import Party
from tests.semantic.helpers import changes, compare_docs, document, kinds

CASES = [
    (
        "shall_to_reasonable_efforts_is_weakened",
        "3.6 Velmora shall adopt all legislation within ninety (90) days.",
        "3.6 Velmora shall use reasonable efforts to adopt all legislation within ninety (90) "
        "days.",
        [("obligation.weakened", "Velmora")],
    ),
    (
        "shall_to_will_consider_is_weakened",
        "4.4 Norland shall provide air defence systems to Velmora.",
        "4.4 Norland will consider providing air defence systems to Velmora.",
        [("obligation.weakened", "Norland")],
    ),
    (
        "will_consider_to_shall_with_appropriations_is_strengthened_and_conditional",
        "4.4 Norland will consider making contributions of funds and technology to the Fund.",
        "4.4 Norland shall contribute funds and technology to the Fund, subject to the "
        "availability of appropriations.",
        [("condition.added", "Norland"), ("obligation.strengthened", "Norland")],
    ),
    (
        "reasonable_to_best_efforts_is_strengthened",
        "7.4 Velmora shall use reasonable efforts to permit inspections.",
        "7.4 Velmora shall use its best efforts to permit inspections.",
        [("obligation.strengthened", "Velmora")],
    ),
    (
        "duty_moved_to_the_other_party_is_reassigned",
        "2.5 Velmora shall bear all costs of the establishment of the Fund.",
        "2.5 Norland shall bear all costs of the establishment of the Fund.",
        [("obligation.reassigned", "Norland")],
    ),
    (
        "duty_moved_by_an_alias_is_reassigned",
        "2.5 Velmora shall bear all costs of the establishment of the Fund.",
        "2.5 The Government of the Republic of Norland shall bear all costs of the "
        "establishment of the Fund.",
        [("obligation.reassigned", "Norland")],
    ),
    (
        "duty_widened_to_each_party_is_new_for_the_party_that_gains_it",
        "11.2 Velmora shall comply without delay with any decision.",
        "11.2 Each Party shall comply without delay with any decision.",
        [("obligation.added", "Norland")],
    ),
    (
        "joint_duty_narrowed_releases_the_other_party",
        "8.1 The Parties shall consult each other before adopting any measure.",
        "8.1 Norland shall consult Velmora before adopting any measure.",
        [("obligation.removed", "Velmora")],
    ),
    (
        "may_to_shall_is_permission_removed_and_obligation_added",
        "7.6 Velmora may provide Norland with annual production forecasts.",
        "7.6 Velmora shall provide Norland with annual production forecasts.",
        [("obligation.added", "Velmora"), ("permission.removed", "Velmora")],
    ),
    (
        "right_becoming_a_duty_is_two_changes",
        "6.4 Norland shall receive quarterly reports on the investments of the Fund.",
        "6.4 Norland shall provide quarterly reports on the investments of the Fund.",
        [("obligation.added", "Norland"), ("permission.removed", "Norland")],
    ),
    (
        "security_guarantee_becoming_will_consider_is_a_guarantee_removed",
        "10.3 Norland guarantees the security of Velmora and of the investments of the Fund.",
        "10.3 Norland will consider appropriate measures to support the security of Velmora "
        "and to protect the investments of the Fund.",
        [("guarantee.removed", "Norland"), ("obligation.added", "Norland")],
    ),
    (
        "full_faith_and_credit_dropped_and_a_legal_limit_added",
        "9.1 The Government of the Republic of Velmora guarantees, with its full faith and "
        "credit, the payment of all Contributions.",
        "9.1 The Government of the Republic of Velmora guarantees the payment of all "
        "Contributions, to the extent permitted by the law of Velmora.",
        [("condition.added", "Velmora"), ("guarantee.weakened", "Velmora")],
    ),
    (
        "knowledge_qualifier_dropped_strengthens_a_warranty",
        "9.4 Velmora warrants that, to its knowledge, no third party holds any right.",
        "9.4 Velmora warrants that no third party holds any right.",
        [("guarantee.strengthened", "Velmora")],
    ),
    (
        "proviso_removed_from_a_right",
        "7.2 Velmora shall be entitled to receive the statements, provided that Velmora has "
        "made all Contributions then due.",
        "7.2 Velmora shall be entitled to receive the statements.",
        [("condition.removed", "Velmora")],
    ),
    (
        "carve_out_added_keeps_the_prohibition",
        "3.5 Velmora shall not conclude any agreement with a third state.",
        "3.5 Except with the consent of Norland, Velmora shall not conclude any agreement "
        "with a third state.",
        [("condition.added", "Velmora")],
    ),
    (
        "prohibition_becoming_a_permission",
        "3.7 Velmora shall not sublicense the Licence.",
        "3.7 Velmora may sublicense the Licence to its agencies.",
        [("permission.added", "Velmora"), ("prohibition.removed", "Velmora")],
    ),
    (
        "one_rule_in_two_wordings_is_no_change",
        "3.2 Velmora shall not grant any Licence without the prior written consent of Norland.",
        "3.2 Velmora may grant a Licence only with the prior written consent of Norland.",
        [],
    ),
    (
        "a_deadline_in_words_and_digits_is_one_value_change",
        "7.3 Velmora shall report within thirty (30) days after each quarter.",
        "7.3 Velmora shall report within sixty (60) days after each quarter.",
        [("value.changed", "Velmora")],
    ),
    (
        "the_same_value_written_another_way_is_no_change",
        "7.3 Velmora shall report within thirty (30) days after each quarter.",
        "7.3 Velmora shall report within 30 days after each quarter.",
        [],
    ),
    (
        "passive_with_the_same_payer_is_no_change",
        "4.2 Velmora shall pay the Contributions in three instalments.",
        "4.2 The Contributions shall be paid by Velmora in three instalments.",
        [],
    ),
    (
        "a_cap_is_not_a_duty_but_its_number_is_a_value",
        "12.6 Velmora's liability shall not exceed USD 1,000,000.",
        "12.6 Velmora's liability shall not exceed USD 5,000,000.",
        [("value.changed", "Velmora")],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_semantic_changes_of_one_clause(
    old: str, new: str, expected: list[tuple[str, str | None]]
) -> None:
    assert kinds(changes([old], [new])) == sorted(expected)


def test_added_and_removed_clauses_bring_their_provisions() -> None:
    found = changes(
        ["1.1 Velmora shall pay."], ["1.1 Velmora shall pay.", "1.2 Norland undertakes to consult."]
    )
    assert kinds(found) == [("obligation.added", "Norland")]
    found = changes(
        ["1.1 Velmora shall pay.", "1.2 Velmora shall not sell."], ["1.1 Velmora shall pay."]
    )
    assert kinds(found) == [("prohibition.removed", "Velmora")]


def test_a_weak_commitment_added_is_low_and_a_guarantee_weakened_is_high() -> None:
    found = changes(
        ["1.1 Velmora shall pay."], ["1.1 Velmora shall pay.", "1.2 Norland intends to help."]
    )
    assert [c.severity for c in found] == [Severity.LOW]
    found = changes(
        ["9.1 Velmora irrevocably guarantees the payment."], ["9.1 Velmora guarantees the payment."]
    )
    assert [(c.type, c.severity) for c in found] == [("guarantee.weakened", Severity.HIGH)]


def test_summary_starts_with_the_clause_and_reads_as_a_sentence() -> None:
    (change,) = changes(
        ["3.6 Velmora shall adopt the legislation."],
        ["3.6 Velmora shall use reasonable efforts to adopt the legislation."],
    )
    assert change.summary == (
        "3.6 Velmora: “adopt the legislation” weakened — shall → shall use reasonable efforts to"
    )


def test_evidence_points_at_the_cue_words_on_both_sides_with_the_rule() -> None:
    comparison = compare_docs(
        ["3.6 Velmora shall adopt the legislation."],
        ["3.6 Velmora shall use reasonable efforts to adopt the legislation."],
    )
    (change,) = [c for c in comparison.changes if c.type == "obligation.weakened"]
    for e in change.evidence:
        assert comparison.clause(e.side, e.clause).text[e.start : e.end] == e.text
    assert [(e.side, e.text, e.rule) for e in change.evidence] == [
        ("old", "shall", "lexicon.obligation: shall"),
        (
            "new",
            "shall use reasonable efforts to",
            "lexicon.qualified_obligation: shall use ... efforts to",
        ),
    ]


def test_a_redefined_term_lists_every_clause_that_uses_it() -> None:
    found = changes(
        [
            '1.1 "Affiliate" means an entity controlled by a Party.',
            "14.2 Either Party may assign to an Affiliate.",
        ],
        [
            '1.1 "Affiliate" means an entity in which a Party holds 50% of the shares.',
            "14.2 Either Party may assign to an Affiliate.",
        ],
    )
    (change,) = found
    # A definition binds nobody: the change names the clauses using the term, no party.
    assert (change.type, change.party) == ("term.redefined", None)
    assert change.summary == "1.1: “Affiliate” redefined — used in 14.2"


def test_a_reference_whose_target_changed_is_reported_and_one_that_followed_is_cosmetic() -> None:
    old = [
        "5.4 The Board shall decide on reinvestment.",
        "5.5 Norland may replace the Agency.",
        "6.1 The Fund shall reinvest as decided under Section 5.4.",
    ]
    moved = [
        "5.4 The Board shall set the investment policy.",
        "5.5 The Board shall decide on reinvestment.",
        "5.6 Norland may replace the Agency.",
        "6.1 The Fund shall reinvest as decided under Section 5.5.",
    ]
    comparison = compare_docs(old, moved)
    assert [c.type for c in comparison.changes if c.old_clause == "6.1"] == ["text.cosmetic"]
    wrong = [*moved[:3], "6.1 The Fund shall reinvest as decided under Section 5.6."]
    comparison = compare_docs(old, wrong)
    assert [c.type for c in comparison.changes if c.old_clause == "6.1"] == ["reference.changed"]


def test_a_renamed_party_is_one_change_not_a_cascade() -> None:
    old = [
        '1.1 "Supplier" means Acme Corp.',
        "2.1 The Supplier shall deliver the Goods.",
        "2.2 The Supplier shall invoice the Buyer.",
    ]
    new = [
        '1.1 "Vendor" means Acme Corp.',
        "2.1 The Vendor shall deliver the Goods.",
        "2.2 The Vendor shall invoice the Buyer.",
    ]
    before = (Party("Supplier", ("Acme Corp.",)), Party("Buyer", ()))
    after = (Party("Vendor", ("Acme Corp.",)), Party("Buyer", ()))
    comparison = compare(document(*old, parties=before), document(*new, parties=after))
    assert [c.type for c in comparison.substantive] == ["party.renamed"]
    assert comparison.substantive[0].summary.startswith(
        "1.1: party renamed — “Supplier” → “Vendor”"
    )


def test_provisions_of_each_clause_are_kept_beside_the_comparison() -> None:
    comparison = compare_docs(["1.1 Velmora shall pay."], ["1.1 Velmora may pay."])
    assert [p.modality.value for p in comparison.provisions("old", "1.1")] == ["obligation"]
    assert [p.modality.value for p in comparison.provisions("new", "1.1")] == ["permission"]


TERMS = [
    "5.1 The Supplier shall deliver the Goods.",
    "5.2 The Buyer shall pay the Price.",
    "5.3 The Buyer shall inspect the Goods.",
    "5.4 The Supplier shall insure the Goods.",
]
TERMS_WITH_A_NEW_5_2 = [
    "5.1 The Supplier shall deliver the Goods.",
    "5.2 The Supplier shall pack the Goods.",
    "5.3 The Buyer shall pay the Price.",
    "5.4 The Buyer shall inspect the Goods.",
    "5.5 The Supplier shall insure the Goods.",
]


def reference_changes(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    comparison = compare_docs(old, new)
    return [
        (c.new_clause or "", c.summary) for c in comparison.changes if c.type == "reference.changed"
    ]


def test_references_that_all_followed_a_renumbering_are_no_change_even_with_one_added() -> None:
    old = [*TERMS, "9.1 Sections 5.1, 5.2, Section 5.3 and Section 5.4 survive termination."]
    new = [
        *TERMS_WITH_A_NEW_5_2,
        "9.1 Sections 5.1, 5.2, Section 5.3, Section 5.4 and Section 5.5 survive termination.",
    ]
    assert reference_changes(old, new) == []
    old = [*TERMS, "9.1 Section 5.2 (Price) and Section 5.4 (Insurance) survive termination."]
    new = [
        *TERMS_WITH_A_NEW_5_2,
        "9.1 Section 5.2 (Packing), Section 5.3 (Price) and Section 5.5 (Insurance) survive "
        "termination.",
    ]
    assert reference_changes(old, new) == []


def test_a_reference_now_pointing_elsewhere_says_where_and_what_its_old_target_became() -> None:
    old = [*TERMS, "9.1 A breach of Section 5.3 allows termination."]
    new = [*TERMS_WITH_A_NEW_5_2, "9.1 A breach of Section 5.5 allows termination."]
    assert reference_changes(old, new) == [
        (
            "9.1",
            "9.1: “Section 5.3” → “Section 5.5” now points to 5.5 (The Supplier shall insure "
            "the Goods.); it pointed to 5.3 (The Buyer shall inspect the Goods.), which is now "
            "5.4",
        )
    ]


def test_a_reference_left_behind_by_a_renumbering_is_reported_as_pointing_elsewhere() -> None:
    old = [*TERMS, "9.1 A breach of Section 5.2 allows termination."]
    new = [*TERMS_WITH_A_NEW_5_2, "9.1 A breach of Section 5.2 allows termination."]
    ((clause, summary),) = reference_changes(old, new)
    assert clause == "9.1"
    assert summary.startswith("9.1: “Section 5.2” now points to 5.2 (The Supplier shall pack")
    assert summary.endswith("it pointed to 5.2 (The Buyer shall pay the Price.), which is now 5.3")


def test_a_reference_to_another_instrument_names_no_clause_here() -> None:
    # 5.2 and 5.4 are clauses here too: the words after the number say whose they are.
    old = [*TERMS, "9.1 Each Party shall comply with Section 5.2 of the Consumer Credit Act."]
    new = [*TERMS, "9.1 Each Party shall comply with Section 5.4 of the Consumer Credit Act."]
    assert reference_changes(old, new) == []
    (reference,) = compare_docs(old, new).analysis_new.clause("9.1").references  # type: ignore[union-attr]
    assert reference.clause is None


@pytest.mark.parametrize(
    ("target", "ids", "expected"),
    [
        ("8.1(a)", {"8": None, "8.1": "8", "8.1.a": "8.1"}, "8.1.a"),
        ("8.1(a)", {"8": None, "8.1": "8", "8.1(a)": "8.1"}, "8.1(a)"),
        ("11", {"¶16": None, "11.1": "¶16", "11.2": "¶16"}, "¶16"),
        ("12", {"11": None, "11.1": "11"}, None),
    ],
    ids=["dotted-ids", "parenthesised-ids", "heading-lost-its-number", "no-such-clause"],
)
def test_a_reference_resolves_to_the_clause_its_number_names(
    target: str, ids: dict[str, str | None], expected: str | None
) -> None:
    assert resolve(target, "9.1", ids) == expected
