"""Clause alignment: content first, numbering second."""

from __future__ import annotations

import pytest

from draftdiff.diff import align as align_module
from draftdiff.diff import textdiff
from tests.diff.helpers import diff, statuses

BASE = [
    "## Article 1 — Contributions",
    "1.1 Velmora shall contribute fifty percent of revenues to the Fund.",
    "1.2 Contributions shall be paid in a freely convertible currency.",
    "1.3 The Fund shall publish an annual report on its investments.",
]


def test_identical_documents_are_all_unchanged_with_no_changes() -> None:
    comparison = diff(BASE, BASE)
    assert {p.status.value for p in comparison.pairs} == {"unchanged"}
    assert comparison.changes == ()


def test_renumbered_clause_is_not_reported_as_reworded() -> None:
    new = [
        BASE[0],
        "1.1 Norland shall appoint the Chair of the Board of the Fund.",
        *[
            line.replace("1.1", "1.2", 1)
            if line.startswith("1.1")
            else line.replace("1.2", "1.3", 1)
            if line.startswith("1.2")
            else line.replace("1.3", "1.4", 1)
            for line in BASE[1:]
        ],
    ]
    comparison = diff(BASE, new)
    assert statuses(comparison) == [
        ("unchanged", ("1",), ("1",)),
        ("added", (), ("1.1",)),
        ("renumbered", ("1.1",), ("1.2",)),
        ("renumbered", ("1.2",), ("1.3",)),
        ("renumbered", ("1.3",), ("1.4",)),
    ]
    # The new clause also carries a new duty (the semantic layer's business), reported as
    # one finding with the facet clause.added; here only the clause-level reading matters.
    codes = [code for c in comparison.substantive for code in c.codes]
    assert [code for code in codes if code.startswith("clause.")] == ["clause.added"]


def test_clause_moved_to_another_article_is_a_move_not_delete_and_insert() -> None:
    old = [*BASE, "## Article 2 — Taxes", "2.1 The Fund shall be exempt from all taxes."]
    new = [
        BASE[0],
        BASE[1],
        BASE[3].replace("1.3", "1.2", 1),
        "## Article 2 — Taxes",
        "2.1 The Fund shall be exempt from all taxes.",
        BASE[2].replace("1.2", "2.2", 1),
    ]
    comparison = diff(old, new)
    moved = [p for p in comparison.pairs if p.status.value == "moved"]
    assert [(p.old, p.new) for p in moved] == [(("1.2",), ("2.2",))]
    assert not [p for p in comparison.pairs if p.status.value in ("added", "removed")]


def test_reworded_clause_is_modified_with_word_edits() -> None:
    new = [
        *BASE[:1],
        BASE[1].replace("shall contribute", "shall use reasonable efforts to contribute"),
        *BASE[2:],
    ]
    comparison = diff(BASE, new)
    pair = comparison.pair_for("old", "1.1")
    assert pair.status.value == "modified"
    assert [(e.op.name, e.text) for e in pair.edits if e.op.name != "EQUAL"] == [
        ("INSERT", "use reasonable efforts to "),
    ]


def test_heavily_rewritten_clause_with_same_number_in_same_place_is_modified() -> None:
    new = [BASE[0], BASE[1], "1.2 Payment terms are set out in the Annex on currency.", BASE[3]]
    comparison = diff(BASE, new)
    assert comparison.pair_for("old", "1.2").status.value == "modified"


def test_clause_split_in_two_is_one_split_group() -> None:
    old = [
        BASE[0],
        "1.1 Velmora shall contribute fifty percent of revenues to the Fund. "
        "Contributions shall be paid within thirty days of receipt.",
        BASE[3],
    ]
    new = [
        BASE[0],
        "1.1 Velmora shall contribute fifty percent of revenues to the Fund.",
        "1.2 Contributions shall be paid within thirty days of receipt.",
        BASE[3].replace("1.3", "1.3", 1),
    ]
    comparison = diff(old, new)
    split = [p for p in comparison.pairs if p.status.value == "split"]
    assert [(p.old, p.new) for p in split] == [(("1.1",), ("1.1", "1.2"))]
    assert split[0].text("old") == old[1][4:]
    assert split[0].text("new") == new[1][4:] + "\u2029" + new[2][4:]


def test_two_clauses_merged_into_one_is_one_merged_group() -> None:
    old = [
        BASE[0],
        "1.1 Velmora shall contribute fifty percent of revenues to the Fund.",
        "1.2 Contributions shall be paid within thirty days of receipt.",
        BASE[3],
    ]
    new = [
        BASE[0],
        "1.1 Velmora shall contribute fifty percent of revenues to the Fund. "
        "Contributions shall be paid within thirty days of receipt.",
        BASE[3],
    ]
    comparison = diff(old, new)
    merged = [p for p in comparison.pairs if p.status.value == "merged"]
    assert [(p.old, p.new) for p in merged] == [(("1.1", "1.2"), ("1.1",))]


def test_punctuation_and_case_only_edit_is_cosmetic_not_substantive() -> None:
    new = [BASE[0], BASE[1].replace("Fund.", "Fund;").replace("Velmora", "VELMORA"), *BASE[2:]]
    comparison = diff(BASE, new)
    assert comparison.pair_for("old", "1.1").cosmetic
    assert [c.type for c in comparison.changes] == ["text.cosmetic"]
    assert comparison.substantive == ()


def test_removed_clause_is_listed_where_it_stood() -> None:
    new = [BASE[0], BASE[1], BASE[3]]
    comparison = diff(BASE, new)
    assert statuses(comparison) == [
        ("unchanged", ("1",), ("1",)),
        ("unchanged", ("1.1",), ("1.1",)),
        ("removed", ("1.2",), ()),
        ("unchanged", ("1.3",), ("1.3",)),
    ]


def test_every_clause_of_both_versions_is_in_exactly_one_pair() -> None:
    new = [BASE[0], "1.1 Something else entirely about ports.", BASE[3], BASE[2]]
    comparison = diff(BASE, new)
    olds = [i for p in comparison.pairs for i in p.old]
    news = [i for p in comparison.pairs for i in p.new]
    assert sorted(olds) == sorted(c.id for c in comparison.old.walk())
    assert sorted(news) == sorted(c.id for c in comparison.new.walk())


@pytest.mark.parametrize("size", [500, 2000])
def test_mostly_unchanged_long_document_needs_few_similarity_computations(
    monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    """Alignment cost must not be quadratic: a handful of edits in a long document
    costs a handful of comparisons, not size² of them."""
    old = [
        f"{i}.1 Clause {i} obliges Party {i % 7} to deliver item {i} by day {i}."
        for i in range(1, size + 1)
    ]
    new = list(old)
    for k in (10, size // 2, size - 3):
        new[k] = new[k].replace("deliver", "use reasonable efforts to deliver")
    del new[size // 3]
    calls = 0
    real = textdiff.similarity

    def counting(a: str, b: str) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(align_module, "similarity", counting)
    comparison = diff(old, new)
    assert sum(p.status.value == "modified" for p in comparison.pairs) == 3
    assert sum(p.status.value == "removed" for p in comparison.pairs) == 1
    assert calls < 100
