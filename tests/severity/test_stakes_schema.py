"""The `stakes:` block of a schema: checked with file and line, merged kind by kind, and
read by the comparison (a schema that declares no stakes for a kind changes nothing)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from draftdiff.diff.compare import compare
from draftdiff.errors import SchemaError
from draftdiff.model import Party
from draftdiff.parse.document import parse_text
from draftdiff.schema.load import load_schema

HEAD = "name: mine\ndescription: My agreements.\nextends: agreement\n"

ERRORS = [
    (
        "stakes:\n  kinds:\n    forum:\n      headings: [jurisdiction]\n      decisve: [courts]\n",
        "mine.yaml:8: stakes.kinds.forum: unknown key 'decisve' (did you mean 'decisive'?)",
    ),
    (
        "stakes:\n  kinds:\n    forum:\n      headings: [jurisdiction]\n      severity: urgent\n",
        "mine.yaml:8: stakes.kinds.forum.severity: 'urgent' is not one of: high, medium, low",
    ),
    (
        "stakes:\n  kinds:\n    governance:\n      headings: [board]\n"
        "      seats: ['(?P<who>\\w+) shall appoint']\n",
        "mine.yaml:8: stakes.kinds.governance.seats[0]: pattern has no (?P<n>...) group",
    ),
    (
        "stakes:\n  kinds:\n    forum:\n      content: ['re:courts of (']\n",
        "mine.yaml:7: stakes.kinds.forum.content[0]: invalid regular expression: "
        "missing ), unterminated subpattern",
    ),
]


@pytest.mark.parametrize(("block", "message"), ERRORS)
def test_a_broken_stakes_block_names_file_line_key_and_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mine.yaml").write_text(HEAD + block, encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_schema("mine.yaml")
    assert str(caught.value) == message


def test_every_builtin_schema_knows_the_eight_key_clause_kinds() -> None:
    schema = load_schema("schemas/contract.yaml")
    assert [k.name for k in schema.stakes.kinds] == [
        "governing_law",
        "forum",
        "term",
        "entry_into_force",
        "liability",
        "security",
        "payment",
        "governance",
    ]
    assert schema.stakes.ledger == "high"


OLD = "# A\n\n## Section 14 Notices\n\n14.1 Notices shall be sent to the address of the Buyer.\n"
NEW = "# A\n\n## Section 14 Notices\n\n14.1 Notices shall be sent by email to the Buyer.\n"


def _top(schema_path: str) -> tuple[str, str]:
    parties = (Party("Supplier"), Party("Buyer"))
    old = replace(parse_text(OLD, path="old.md", schema=schema_path), parties=parties)
    new = replace(parse_text(NEW, path="new.md", schema=schema_path), parties=parties)
    top = compare(old, new).changes[0]
    return top.severity.value, top.reason_kind


def test_a_schema_can_declare_its_own_key_clause_kind(tmp_path: Path) -> None:
    # Notices are no key clause in the built-in schemas: a reworded one is low.
    assert _top("contract") == ("low", "rule")
    path = tmp_path / "notices.yaml"
    path.write_text(
        "name: notices\ndescription: Notices matter here.\nextends: contract\n"
        "stakes:\n  kinds:\n    notices:\n      label: notices\n      headings: [notices]\n"
        "      severity: high\n",
        encoding="utf-8",
    )
    assert _top(str(path)) == ("high", "notices")
    # ... and keeps the kinds it did not name.
    assert load_schema(path).stakes.kind("forum") is not None


MOVED_OLD = (
    "# A\n\n## Section 2 Payment\n\n2.1 The Buyer shall pay the price.\n\n"
    "## Section 3 Disputes\n\n3.1 The courts of England shall have exclusive jurisdiction.\n"
)
MOVED_NEW = (
    "# A\n\n## Section 2 Disputes\n\n2.1 The courts of England shall have exclusive "
    "jurisdiction.\n\n## Section 3 Payment\n\n3.1 The Buyer shall pay the price.\n"
)


def test_a_key_clause_moved_with_not_a_word_changed_stays_low() -> None:
    parties = (Party("Supplier"), Party("Buyer"))
    old = replace(parse_text(MOVED_OLD, path="old.md", schema="contract"), parties=parties)
    new = replace(parse_text(MOVED_NEW, path="new.md", schema="contract"), parties=parties)
    found = [c for c in compare(old, new).changes if c.type not in ("heading.changed",)]
    assert found and all(c.severity.rank >= 2 for c in found), [
        (c.type, c.severity.value, c.reason) for c in found
    ]
    assert {c.reason_kind for c in found} == {"rule"}
