"""Redline pieces: a pair's edits cut at paragraph breaks and evidence, losing nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from draftdiff.diff.result import (
    PART_SEPARATOR,
    Change,
    ClausePair,
    Comparison,
    Evidence,
    Op,
    Severity,
    Status,
)
from draftdiff.render.redline import ChangeIndex, inline, one_side, pieces, text_of
from tests.diff.helpers import diff
from tests.report.semantic import sample_comparison, with_findings


def pair_of(comparison: Comparison, new_id: str) -> ClausePair:
    return comparison.pair_for("new", new_id)


@pytest.mark.parametrize(
    "comparison",
    [
        sample_comparison("fund-v2-middle.md", "fund-v3-final.md"),
        with_findings(),  # evidence cuts pieces further
    ],
    ids=["v2-v3", "v1-v2-with-findings"],
)
def test_side_views_rebuild_each_clause_text_exactly(comparison: Comparison) -> None:
    index = ChangeIndex(comparison)
    for pair in comparison.pairs:
        cut = pieces(index, pair)
        olds = list(text_of(one_side(cut, pair.old, "old"))) if pair.old else []
        news = list(text_of(one_side(cut, pair.new, "new"))) if pair.new else []
        assert olds == [comparison.clause("old", i).text for i in pair.old]
        assert news == [comparison.clause("new", i).text for i in pair.new]


def test_split_clause_gives_one_paragraph_per_part_and_marks_the_new_break() -> None:
    comparison = sample_comparison("fund-v2-middle.md", "fund-v3-final.md")
    pair = pair_of(comparison, "5.4")
    assert pair.status is Status.SPLIT
    cut = pieces(ChangeIndex(comparison), pair)
    paragraphs = inline(cut)
    assert len(paragraphs) == 2
    assert paragraphs[0].break_op is Op.INSERT
    new = one_side(cut, pair.new, "new")
    assert [p.clause for p in new] == ["5.4", "5.5"]
    assert all(PART_SEPARATOR not in p.text for p in cut if len(p.text) > 1)


def test_merged_clauses_mark_the_removed_break() -> None:
    comparison = sample_comparison("fund-v2-middle.md", "fund-v3-final.md")
    pair = next(p for p in comparison.pairs if p.status is Status.MERGED)
    paragraphs = inline(pieces(ChangeIndex(comparison), pair))
    assert [p.break_op for p in paragraphs[:-1]] == [Op.DELETE] * (len(pair.old) - 1)


def test_evidence_marks_exactly_the_cue_words_on_their_side() -> None:
    comparison = with_findings()
    pair = pair_of(comparison, "3.6")
    cut = pieces(ChangeIndex(comparison), pair)
    marked_new = "".join(
        p.text
        for p in cut
        if p.op is not Op.DELETE and any(m.evidence.side == "new" for m in p.marks)
    )
    marked_old = "".join(
        p.text
        for p in cut
        if p.op is not Op.INSERT and any(m.evidence.side == "old" for m in p.marks)
    )
    assert marked_new == "shall use reasonable efforts to"
    assert marked_old == "shall"
    rules = {m.evidence.rule for p in cut for m in p.marks}
    assert rules == {
        "lexicon.obligation: shall",
        "lexicon.qualified_obligation: shall use ... efforts to",
    }


def test_evidence_in_the_second_part_of_a_split_lands_in_that_part() -> None:
    base = sample_comparison("fund-v2-middle.md", "fund-v3-final.md")
    text = base.clause("new", "5.5").text
    start = text.index("reinvestment or distribution")
    evidence = Evidence("new", "5.5", "reinvestment or distribution", start, "test")
    change = Change("obligation.added", Severity.LOW, "test", "Parties", None, "5.5", (evidence,))
    comparison = replace(base, changes=(change,))
    pair = pair_of(comparison, "5.4")
    second = one_side(pieces(ChangeIndex(comparison), pair), pair.new, "new")[1]
    assert "".join(p.text for p in second.pieces if p.marks) == "reinvestment or distribution"


def test_evidence_that_does_not_match_the_clause_text_is_not_marked() -> None:
    base = diff(
        ["1. Seller shall deliver the goods."], ["1. Seller shall deliver the goods promptly."]
    )
    wrong = Evidence("new", "1", "must", 7, "lexicon.obligation: must")  # "shall" is there
    outside = Evidence("new", "1", "goods", 500, "x")
    change = Change("obligation.strengthened", Severity.LOW, "x", None, "1", "1", (wrong, outside))
    comparison = replace(base, changes=(change,))
    cut = pieces(ChangeIndex(comparison), comparison.pairs[0])
    assert not any(p.marks for p in cut)
    assert (
        "".join(p.text for p in cut if p.op is not Op.DELETE)
        == "Seller shall deliver the goods promptly."
    )


def test_changes_of_a_pair_are_those_changes_for_finds() -> None:
    comparison = with_findings()
    index = ChangeIndex(comparison)
    for pair in comparison.pairs:
        expected = comparison.changes_for(pair)
        assert tuple(comparison.changes[i] for i in index.changes_of(pair)) == expected
