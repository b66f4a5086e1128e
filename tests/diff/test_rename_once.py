"""A party renamed in the preamble and again in capitals in the signature block is one
party.renamed, told at the preamble, and the signature clause is no change of its own."""

from __future__ import annotations

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_text

OLD = """# Guaranty

This Guaranty is entered into by and between Pinecrest Capital Partners LLC ("Lender") \
and Redfern Holdings Corp., a Delaware corporation ("Guarantor").

1. The Guarantor guarantees the punctual payment of the Obligations.

2. This Guaranty is governed by the laws of the State of New York.

IN WITNESS WHEREOF the parties have signed this Guaranty.

REDFERN HOLDINGS CORP.

By: ____________________
"""


def test_one_name_change_in_two_places_is_one_rename_at_the_preamble() -> None:
    new = OLD.replace("Redfern Holdings Corp.", "Redfern Group Holdings Corp.").replace(
        "REDFERN HOLDINGS CORP.", "REDFERN GROUP HOLDINGS CORP."
    )
    found = compare(
        parse_text(OLD, path="old.md", fmt="markdown"),
        parse_text(new, path="new.md", fmt="markdown"),
    ).changes
    renamed = [c for c in found if c.type == "party.renamed"]
    assert len(renamed) == 1
    assert renamed[0].party == "Guarantor"
    assert "“Redfern Holdings Corp.” → “Redfern Group Holdings Corp.”" in renamed[0].summary
    assert "also" in renamed[0].summary
    assert [c.type for c in found if c.type.startswith("clause.")] == []
