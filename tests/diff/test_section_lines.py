"""A section line the parser keeps as text ("Clause 9 TERM AND TERMINATION") whose
number only follows the renumbering is no change (issue 9: no false alarms)."""

from __future__ import annotations

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_text

OLD = """SUPPLY AGREEMENT

Clause 1 SUPPLY

1.1 Seller shall supply the Goods to Buyer in each Season.

1.2 Buyer shall purchase the Goods from Seller.

Clause 2 CONFIDENTIALITY

2.1 The Parties shall keep the terms of this Agreement confidential.

Clause 3 TERM

3.1 Buyer may terminate this Agreement if Seller fails to deliver three orders on time.

3.2 Either Party may terminate this Agreement on 90 days' notice.
"""

NEW = (
    OLD.replace(
        "Clause 2 CONFIDENTIALITY",
        "Clause 2 FORCE MAJEURE\n\n2.1 Neither Party shall be liable for delay caused by flood.\n\n"
        "Clause 3 CONFIDENTIALITY",
    )
    .replace("2.1 The Parties shall keep", "3.1 The Parties shall keep")
    .replace("Clause 3 TERM\n\n3.1 Buyer", "Clause 4 TERM\n\n4.1 Buyer")
    .replace("3.2 Either Party", "4.2 Either Party")
)


def test_section_lines_that_follow_the_renumbering_are_no_change() -> None:
    old = parse_text(OLD, path="old.txt", fmt="text")
    new = parse_text(NEW, path="new.txt", fmt="text")
    found = compare(old, new).changes
    # The only substantive edits are the new Clause 2 and its 2.1; the old section lines
    # and their clauses only moved up a number.
    assert [c.type for c in found if c.type == "clause.modified"] == []
    assert sorted(c.new_clause or "" for c in found if c.type == "clause.added") == ["1.2¶1", "2.1"]
