"""The (a), (b) of a definition keep their place when definitions are added around them."""

from __future__ import annotations

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_text

OLD = """Agreement

1. Definitions

1.1 In this Agreement:

"Affiliate" means any person that:

(a) controls a Party; or

(b) is controlled by a Party.

"Cause" means:

(a) fraud; or

(b) wilful misconduct.

1.2 Headings are for convenience.
"""


def test_adding_a_definition_reports_only_the_new_definition() -> None:
    new = OLD.replace('"Cause" means:', '"Business Day" means a day banks open.\n\n"Cause" means:')
    old_doc, new_doc = parse_text(OLD, fmt="text"), parse_text(new, fmt="text")
    # The items of "Cause" are 1.1¶2(a) before and 1.1¶3(a) after: only their place
    # among the paragraphs moved, their printed number did not.
    assert "1.1¶2(a)" in old_doc and "1.1¶3(a)" in new_doc
    changes = [(c.type, c.new_clause) for c in compare(old_doc, new_doc).changes]
    assert changes == [("clause.added", "1.1¶2")]
