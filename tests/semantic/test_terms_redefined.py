"""term.redefined on whole documents: definitions with lettered items, definitions
sections with unquoted terms, inline names, and what is no redefinition."""

from __future__ import annotations

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Change
from draftdiff.parse.document import parse_text

PREAMBLE = (
    'This Agreement is made between Alder Tools Ltd ("Supplier") and Brightway Retail Ltd '
    '("Distributor").'
)


def redefined(old: str, new: str) -> list[Change]:
    before = parse_text(f"# Agreement\n\n{PREAMBLE}\n\n{old}\n", path="old.md", fmt="markdown")
    after = parse_text(f"# Agreement\n\n{PREAMBLE}\n\n{new}\n", path="new.md", fmt="markdown")
    return [c for c in compare(before, after).changes if c.type == "term.redefined"]


ITEMS = """## 1. Definitions

1.1 "Eligible Products" means the following:

(a) hand tools listed in Schedule 1;

(b) power tools listed in Schedule 2; and

(c) replacement parts.

1.2 "Territory" means England and Wales.

## 2. Appointment

2.1 The Distributor shall not sell Eligible Products outside the Territory."""


def test_an_item_added_to_a_definition_redefines_its_term_once_listing_its_uses() -> None:
    new = ITEMS.replace(
        "(b) power tools listed in Schedule 2; and\n\n(c) replacement parts.",
        "(b) power tools listed in Schedule 2;\n\n(c) replacement parts; and\n\n"
        "(d) accessories listed in Schedule 3.",
    )
    (change,) = redefined(ITEMS, new)
    assert "“Eligible Products” redefined" in change.summary
    assert change.summary.endswith("used in 2.1")
    assert change.new_clause == "1.1"


def test_two_items_reworded_are_one_redefinition() -> None:
    new = ITEMS.replace("hand tools", "manual hand tools").replace("power tools", "cordless tools")
    assert len(redefined(ITEMS, new)) == 1


def test_an_unchanged_definition_list_is_no_redefinition() -> None:
    assert redefined(ITEMS, ITEMS) == []


SECTION = """## 1. Definitions

In this Agreement:

Territory: the countries listed in Schedule 2.

## 2. Appointment

2.1 The Distributor shall not sell outside the Territory.

## 3. Notices

Address: notices go to the address at the head of this Agreement."""


def test_an_unquoted_term_in_a_definitions_section_is_redefined() -> None:
    new = SECTION.replace("listed in Schedule 2.", "listed in Schedule 2, other than Norway.")
    (change,) = redefined(SECTION, new)
    assert "“Territory” redefined — used in 2.1" in change.summary


def test_a_label_outside_a_definitions_section_is_no_term() -> None:
    new = SECTION.replace("at the head of this Agreement", "given in Schedule 5")
    assert redefined(SECTION, new) == []


def test_an_inline_name_whose_words_change_is_redefined() -> None:
    old = (
        "1.1 The Supplier appoints the Distributor for the Products in France and Belgium "
        '(the "Territory").\n\n1.2 The Distributor shall not sell outside the Territory.'
    )
    new = old.replace("France and Belgium", "France, Belgium and Luxembourg")
    (change,) = redefined(old, new)
    assert "“Territory” redefined — used in 1.2" in change.summary
    assert change.party is None or change.party == "Distributor"


def test_an_inline_name_whose_sentence_changes_elsewhere_is_not_redefined() -> None:
    old = '1.1 To use the Platform, the Distributor must create an account (the "Account").'
    new = '1.1 To be a reseller, the Distributor must create an account (the "Account").'
    assert redefined(old, new) == []


def test_the_term_s_capitalisation_alone_is_no_redefinition() -> None:
    old = '1.1 "Change of control" means any person acquiring half of the shares.'
    assert redefined(old, old.replace("Change of control", "Change of Control")) == []


def test_a_template_blank_filled_in_is_no_redefinition() -> None:
    old = '1.1 "Purchase Price" means USD [______] per Share.'
    assert redefined(old, old.replace("[______]", "12.50")) == []


BULLETS = """## 1. Definitions

**"Eligible Products"** means the following:

- hand tools;
- power tools; and
- replacement parts.

**Deliverables** means the reports listed in the Statement of Work.

## 2. Appointment

2.1 The Distributor shall not sell Eligible Products or Deliverables outside Europe."""


def test_a_bullet_added_under_a_bold_term_redefines_it() -> None:
    new = BULLETS.replace("- power tools; and", "- power tools;\n- garden tools; and")
    (change,) = redefined(BULLETS, new)
    assert "“Eligible Products” redefined — used in 2.1" in change.summary


def test_a_bold_term_without_quotes_in_a_definitions_section_is_redefined() -> None:
    new = BULLETS.replace("the reports listed", "the reports and software listed")
    (change,) = redefined(BULLETS, new)
    assert "“Deliverables” redefined — used in 2.1" in change.summary


RENUMBERED = [
    '1.1 "Fees" has the meaning given in clause 5.2.',
    "5.1 The Buyer shall pay the Fees.",
    "5.2 The fees are set out in Schedule 1.",
]


def _compare_clauses(old: list[str], new: list[str]) -> list[Change]:
    return redefined("\n\n".join(old), "\n\n".join(new))


def test_a_reference_that_followed_the_renumbering_redefines_nothing() -> None:
    new = [
        '1.1 "Fees" has the meaning given in clause 5.3.',
        "5.1 The Buyer shall pay the Fees.",
        "5.2 The Buyer shall pay monthly.",
        "5.3 The fees are set out in Schedule 1.",
    ]
    assert _compare_clauses(RENUMBERED, new) == []


def test_a_reference_now_pointing_elsewhere_redefines_the_term() -> None:
    new = [RENUMBERED[0].replace("5.2", "5.1"), *RENUMBERED[1:]]
    (change,) = _compare_clauses(RENUMBERED, new)
    assert "“Fees” redefined" in change.summary
