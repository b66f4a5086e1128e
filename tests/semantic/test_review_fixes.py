"""Readings that once depended on what an earlier clause of the document said."""

from __future__ import annotations

from draftdiff.analyse import analyse_document
from draftdiff.model import Party
from draftdiff.schema.load import builtin_schemas
from tests.semantic.helpers import document

SALE = (Party("Buyer", ()), Party("Seller", ()))


def test_neither_in_one_clause_does_not_negate_the_same_offset_in_the_next() -> None:
    # "Buyer" stands at offset 20 of both clause texts: the negation of the first must not
    # carry over to the second.
    doc = document(
        "1. Assignment. Neither Buyer nor Seller shall assign this Agreement.",
        "2. Payment. After that Buyer shall pay the fee.",
        parties=SALE,
    )
    analysis = analyse_document(doc, builtin_schemas()["agreement"])
    (ban,) = analysis.provisions("1")
    (duty,) = analysis.provisions("2")
    assert ban.modality.value == "prohibition"
    assert ban.actor.start == duty.actor.start == 20
    assert (duty.actor.name, duty.modality.value, duty.notes) == ("Buyer", "obligation", ())
