"""guarantee.weakened / .strengthened beyond intensifiers: caps, what is covered,
knowledge qualifiers in other words, and a warranty period (a value, nothing else)."""

from __future__ import annotations

import pytest

from draftdiff.model import Party
from tests.semantic.helpers import changes, kinds

PARTIES = (Party("Guarantor", ()), Party("Supplier", ()), Party("Lender", ()))

CASES = [
    (
        "cap_added",
        "The Guarantor guarantees the payment of all rent owed by the Tenant.",
        "The Guarantor guarantees the payment of all rent owed by the Tenant up to a maximum "
        "of $500,000.",
        [("guarantee.weakened", "Guarantor")],
    ),
    (
        "cap_removed",
        "The Guarantor guarantees the payment of all rent owed by the Tenant, not exceeding "
        "EUR 200,000.",
        "The Guarantor guarantees the payment of all rent owed by the Tenant.",
        [("guarantee.strengthened", "Guarantor")],
    ),
    (
        "cap_lowered_is_a_value",
        "The Guarantor guarantees all rent owed by the Tenant up to a maximum of $500,000.",
        "The Guarantor guarantees all rent owed by the Tenant up to a maximum of $250,000.",
        [("value.changed", "Guarantor")],
    ),
    (
        "warranty_limb_dropped",
        "The Supplier warrants that the Pumps will be free from defects and will meet the "
        "Performance Tests.",
        "The Supplier warrants that the Pumps will meet the Performance Tests.",
        [("guarantee.weakened", "Supplier")],
    ),
    (
        "covered_amounts_narrowed",
        "The Guarantor guarantees payment of principal, interest and default interest due "
        "from the Borrower.",
        "The Guarantor guarantees payment of principal due from the Borrower.",
        [("guarantee.weakened", "Guarantor")],
    ),
    (
        "indemnity_widened_to_any_act_or_omission",
        "The Supplier shall indemnify the Lender against losses caused by the fraud of its agents.",
        "The Supplier shall indemnify the Lender against losses caused by any act or omission "
        "of its agents.",
        [("guarantee.strengthened", "Supplier")],
    ),
    (
        "irrevocable_and_unconditional_dropped",
        "The Guarantor irrevocably and unconditionally guarantees the Loan.",
        "The Guarantor guarantees the Loan.",
        [("guarantee.weakened", "Guarantor")],
    ),
    (
        "warranty_period_shortened_is_a_value_only",
        "The Supplier warrants the Pumps for a period of thirty-six (36) months.",
        "The Supplier warrants the Pumps for a period of eighteen (18) months.",
        [("value.changed", "Supplier")],
    ),
    (
        "proviso_is_a_condition_not_a_wider_guarantee",
        "The Supplier warrants that the Pumps will meet the Specification.",
        "The Supplier warrants that the Pumps will meet the Specification, provided that they "
        "are installed by the Supplier's engineers.",
        [("condition.added", "Supplier")],
    ),
    (
        "plural_is_no_narrowing",
        "The Supplier shall indemnify the Lender against all Claims and the costs of a Claim.",
        "The Supplier shall indemnify the Lender against all Claims and the costs of the Claims.",
        [],
    ),
    (
        "materiality_adjective_added",
        "The Supplier warrants that the Pumps are free from defects.",
        "The Supplier warrants that the Pumps are free from material defects.",
        [("guarantee.weakened", "Supplier")],
    ),
    (
        "indemnified_losses_narrowed",
        "The Supplier shall indemnify the Lender against all losses, damages, costs and "
        "expenses arising from a breach.",
        "The Supplier shall indemnify the Lender against all losses and damages arising from "
        "a breach.",
        [("guarantee.weakened", "Supplier")],
    ),
    (
        "a_lone_word_more_is_no_wider_guarantee",
        "The Supplier warrants that the Pumps are fit for the purpose stated in the Order.",
        "The Supplier warrants that the Pumps are fit for the purpose stated in the Order Form.",
        [],
    ),
    (
        "hereby_dropped_is_nothing",
        "The Supplier hereby warrants that the Pumps are new.",
        "The Supplier warrants that the Pumps are new.",
        [],
    ),
    (
        "same_intensifiers_reordered",
        "The Guarantor irrevocably and unconditionally guarantees the Loan.",
        "The Guarantor unconditionally and irrevocably guarantees the Loan.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_guarantee_strength(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(changes([f"5.1 {old}"], [f"5.1 {new}"], PARTIES)) == sorted(expected)
