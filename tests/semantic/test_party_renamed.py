"""party.renamed when an entity's full name changes but its short name stays."""

from __future__ import annotations

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Change
from draftdiff.parse.document import parse_text

DOC = """# Licence

This Agreement is made between Redfern Holdings Corp., a Nevada corporation with offices at \
1 Main Street ("Redfern"), and Tallis Software Ltd ("Supplier").

1. The Supplier grants Redfern a licence to use the Software.

2. Redfern shall pay the fee within thirty (30) days.

SIGNED by Redfern Holdings Corp.

SIGNED by Tallis Software Ltd
"""


def renames(new: str) -> list[Change]:
    old_doc = parse_text(DOC, path="old.md", fmt="markdown")
    new_doc = parse_text(new, path="new.md", fmt="markdown")
    found = compare(old_doc, new_doc).changes
    return [c for c in found if c.type == "party.renamed"]


def test_a_full_name_changed_everywhere_is_one_rename_of_the_short_name() -> None:
    (change,) = renames(DOC.replace("Redfern Holdings Corp.", "Redfern Group Holdings Corp."))
    assert change.party == "Redfern"
    assert "“Redfern Holdings Corp.” → “Redfern Group Holdings Corp.”" in change.summary


def test_a_name_changed_only_in_the_signature_block_belongs_to_its_party() -> None:
    new = DOC.replace("SIGNED by Tallis Software Ltd", "SIGNED by Tallis Software Europe Ltd")
    (change,) = renames(new)
    assert change.party == "Supplier"


def test_a_new_address_is_no_rename() -> None:
    assert renames(DOC.replace("1 Main Street", "5 Elm Street")) == []


def test_a_signature_block_in_capitals_with_a_bracketed_qualifier_is_a_rename() -> None:
    old = DOC.replace("SIGNED by Tallis Software Ltd", "TALLIS SOFTWARE LTD")
    new = DOC.replace("SIGNED by Tallis Software Ltd", "TALLIS SOFTWARE (UK) LTD")
    old_doc = parse_text(old, path="old.md", fmt="markdown")
    new_doc = parse_text(new, path="new.md", fmt="markdown")
    (change,) = [c for c in compare(old_doc, new_doc).changes if c.type == "party.renamed"]
    assert change.party == "Supplier"
    assert "“TALLIS SOFTWARE LTD” → “TALLIS SOFTWARE (UK) LTD”" in change.summary
