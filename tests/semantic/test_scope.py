"""What a grant or duty covers: scope.changed, its facet, words, party and severity."""

from __future__ import annotations

import pytest

from draftdiff.diff.result import Change, Severity
from draftdiff.model import Party
from tests.semantic.helpers import changes, compare_docs, kinds

LICENCE = (Party("Licensor", ()), Party("Licensee", ()))


def scope_of(old: str, new: str, parties: tuple[Party, ...] = LICENCE) -> list[Change]:
    return [c for c in changes([old], [new], parties) if c.type == "scope.changed"]


@pytest.mark.parametrize(
    ("old", "new", "facet"),
    [
        (
            "2.1 Licensor hereby grants Licensee a perpetual licence to use the Software.",
            "2.1 Licensor hereby grants Licensee a licence to use the Software for the "
            "duration of the copyright.",
            "duration",
        ),
        (
            "2.1 Licensor grants Licensee a worldwide licence to use the Software.",
            "2.1 Licensor grants Licensee a licence to use the Software in the Territory.",
            "territory",
        ),
        (
            "2.1 Licensor grants Licensee an exclusive licence to use the Software.",
            "2.1 Licensor grants Licensee a non-exclusive licence to use the Software.",
            "exclusivity",
        ),
        (
            "2.1 Licensor grants Licensee an irrevocable licence to use the Software.",
            "2.1 Licensor grants Licensee a revocable licence to use the Software.",
            "revocability",
        ),
        (
            "2.1 Licensor grants Licensee a sublicensable licence to use the Software.",
            "2.1 Licensor grants Licensee a non-sublicensable licence to use the Software.",
            "sublicensability",
        ),
    ],
    ids=["duration", "territory", "exclusivity", "revocability", "sublicensability"],
)
def test_a_grant_whose_facet_changed_is_a_high_or_medium_scope_change_of_its_holder(
    old: str, new: str, facet: str
) -> None:
    (change,) = scope_of(old, new)
    assert change.party == "Licensee"
    assert f"— {facet}: " in change.summary
    expected = Severity.MEDIUM if facet == "sublicensability" else Severity.HIGH
    assert change.severity is expected
    # The grant is not also told as reworded: the scope change explains the clause.
    assert kinds(changes([old], [new], LICENCE)) == [("scope.changed", "Licensee")]


def test_the_summary_and_evidence_quote_the_old_and_new_words_of_the_facet() -> None:
    comparison = compare_docs(
        ["2.1 Licensor hereby grants Licensee a perpetual licence to use the Software."],
        [
            "2.1 Licensor hereby grants Licensee a licence to use the Software for the "
            "duration of the copyright."
        ],
        LICENCE,
    )
    (change,) = [c for c in comparison.changes if c.type == "scope.changed"]
    assert change.summary.endswith("duration: “perpetual” → “for the duration of the copyright”")
    scope = [(e.side, e.text, e.rule) for e in change.evidence if "scope" in e.rule]
    assert scope == [
        ("old", "perpetual", "lexicon.scope_duration: perpetual"),
        (
            "new",
            "for the duration of the copyright",
            "lexicon.scope_duration: for the duration of ...",
        ),
    ]
    for e in change.evidence:
        assert comparison.clause(e.side, e.clause).text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "2.1 Licensor grants Licensee a worldwide, non-exclusive licence to use the Software.",
            "2.1 Licensor grants to Licensee a non-exclusive, worldwide licence to use the "
            "Software.",
        ),
        (
            "2.1 Licensor grants Licensee a non-exclusive, royalty-free licence to use the Data.",
            "2.1 Licensor grants Licensee a nonexclusive, royalty free licence to use the Data.",
        ),
        (
            "2.1 Licensor grants Licensee a perpetual licence to use the Software.",
            "2.1 Licensor grants Licensee a licence in perpetuity to use the Software.",
        ),
        (
            "5.1 Licensee shall pay the fees, which are exclusive of VAT, within thirty days.",
            "5.1 Licensee shall pay the fees within thirty days; they are exclusive of VAT.",
        ),
        (
            "2.1 Licensor grants Licensee a licence to use the Software for the term of this "
            "Agreement.",
            "2.1 Licensor grants Licensee a licence to use the Software during the term of this "
            "Agreement.",
        ),
    ],
    ids=[
        "reordered",
        "respelled",
        "same-meaning-wording",
        "look-alike-exclusive-of",
        "same-meaning-opening",
    ],
)
def test_the_same_scope_in_other_words_or_order_is_no_scope_change(old: str, new: str) -> None:
    assert scope_of(old, new) == []


def test_a_numbered_duration_that_changed_is_a_value_change_not_a_scope_change() -> None:
    found = changes(
        ["8.1 Licensee shall keep the Software confidential for a period of three (3) years."],
        ["8.1 Licensee shall keep the Software confidential for a period of five (5) years."],
        LICENCE,
    )
    assert kinds(found) == [("value.changed", "Licensee")]


def test_a_numbered_duration_replaced_by_words_is_one_scope_change() -> None:
    found = changes(
        ["8.1 Licensee shall keep the Software confidential for a period of three (3) years."],
        ["8.1 Licensee shall keep the Software confidential for as long as it is a trade secret."],
        LICENCE,
    )
    assert kinds(found) == [("scope.changed", "Licensee")]


def test_a_duty_about_something_else_is_a_scope_change_of_its_bearer() -> None:
    comparison = compare_docs(
        [
            "3.2 Licensee shall display the Licensor's logo on all advertising materials for "
            "the Products."
        ],
        [
            "3.2 Licensee shall include an acknowledgement of the Licensor in the documentation "
            "accompanying each copy of the Products."
        ],
        LICENCE,
    )
    (change,) = [c for c in comparison.changes if c.type == "scope.changed"]
    assert change.party == "Licensee"
    assert "— object: “display the Licensor's logo on all advertising materials" in change.summary
    assert change.severity is Severity.MEDIUM
    objects = [(e.side, e.text) for e in change.evidence if e.rule == "scope: object"]
    assert objects == [
        ("old", "display the Licensor's logo on all advertising materials for the Products"),
        (
            "new",
            "include an acknowledgement of the Licensor in the documentation accompanying "
            "each copy of the Products",
        ),
    ]
    for e in change.evidence:
        assert comparison.clause(e.side, e.clause).text[e.start : e.end] == e.text


def test_a_duty_that_only_lost_part_of_its_object_is_high() -> None:
    (change,) = scope_of(
        "3.3 Licensee shall insure the Equipment, the Premises and the Stock against fire, flood "
        "and theft.",
        "3.3 Licensee shall insure the Stock against fire.",
    )
    assert change.severity is Severity.HIGH


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "4.2 Licensee shall pay the Contributions in three instalments.",
            "4.2 The Contributions shall be paid by Licensee in three instalments.",
        ),
        (
            "4.3 Licensee shall notify the Licensor in writing of any defect in the Software.",
            "4.3 Licensee shall give the Licensor written notice of any defect in the Software.",
        ),
        (
            "6.8 Licensee shall pay the fees of [name of counsel], counsel for [name of Licensor].",
            "6.8 Licensee shall pay the fees of Smith & Jones LLP, counsel for Acme Software Ltd.",
        ),
    ],
    ids=["passive", "notify-in-writing", "template-blanks-filled"],
)
def test_a_duty_reworded_or_filled_in_keeps_its_object(old: str, new: str) -> None:
    assert scope_of(old, new) == []


def test_a_guarantee_losing_its_force_is_told_by_guarantee_weakened_alone() -> None:
    found = changes(
        ["9.1 Licensor irrevocably guarantees the payment."],
        ["9.1 Licensor guarantees the payment."],
        LICENCE,
    )
    assert [c.type for c in found] == ["guarantee.weakened"]


def test_a_scope_stated_without_a_modal_is_read_from_the_clause_with_the_party_it_names() -> None:
    (change,) = scope_of(
        "2.3 The licence granted to Licensee under Section 2.1 is perpetual and worldwide.",
        "2.3 The licence granted to Licensee under Section 2.1 lasts for the term of this "
        "Agreement and is worldwide.",
    )
    assert change.party == "Licensee"
    assert change.summary == (
        "2.3 Licensee: scope changed — duration: “perpetual” → “for the term of this Agreement”"
    )


def test_a_lone_scope_word_dropped_from_a_statement_is_not_read_as_a_scope_change() -> None:
    assert (
        scope_of(
            "15.1 This Agreement is the sole and exclusive agreement between the parties.",
            "15.1 This Agreement is the entire agreement between the parties.",
        )
        == []
    )


def test_a_same_meaning_opening_with_other_words_after_it_is_still_a_scope_change() -> None:
    # scope_same makes "during the term of" the same as "for the term of", not the
    # Order's term the same as the Agreement's.
    (change,) = scope_of(
        "2.1 Licensor grants Licensee a licence to use the Software for the term of this "
        "Agreement.",
        "2.1 Licensor grants Licensee a licence to use the Software during the term of the Order.",
    )
    assert "— duration: “for the term of this Agreement” → “during the term of the Order”" in (
        change.summary
    )
