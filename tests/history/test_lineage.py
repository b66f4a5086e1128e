"""Lineages hold every clause and every provision of every version exactly once, and
chain the pairwise alignment rather than re-deriving it."""

from __future__ import annotations

from collections import Counter

from draftdiff.history import History, build_history
from draftdiff.parse.document import parse_file, parse_text
from tests.history.conftest import PATHS


def test_every_clause_of_every_version_is_in_exactly_one_lineage(fund_history: History) -> None:
    for version in fund_history.versions:
        held = Counter(i for c in fund_history.clauses for i in c.steps[version.index].ids)
        assert held == Counter(c.id for c in version.document.walk())


def test_every_provision_of_every_version_is_in_exactly_one_lineage(
    fund_history: History,
) -> None:
    for version in fund_history.versions:
        held = Counter(
            (s.clause, s.cue)
            for p in fund_history.provisions
            if (s := p.states[version.index]) is not None
        )
        found = Counter((p.clause, p.cue.text) for p in version.analysis.all_provisions())
        assert held == found


def test_consecutive_steps_follow_the_pairwise_alignment(fund_history: History) -> None:
    for k, comparison in enumerate(fund_history.comparisons):
        for pair in comparison.pairs:
            holders = {
                lineage.key
                for lineage in fund_history.clauses
                if set(pair.old) & set(lineage.steps[k].ids)
                or set(pair.new) & set(lineage.steps[k + 1].ids)
            }
            assert len(holders) == 1, pair


def test_the_same_draft_twice_has_no_change_at_all() -> None:
    document = parse_file(PATHS[1])
    history = build_history([document, parse_file(PATHS[1]), parse_file(PATHS[1])])
    assert not any(c.changed for c in history.clauses)
    assert not any(p.changed for p in history.provisions)


def test_a_draft_that_goes_back_is_a_flip_flop_for_every_clause_it_touched() -> None:
    # v1 → v2 → v1 again: every clause v2 reworded is reworded back, every clause v2
    # removed is restored; nothing v2 only renumbered is a flip-flop.
    v1, v2 = parse_file(PATHS[0]), parse_file(PATHS[1])
    history = build_history([v1, v2, parse_file(PATHS[0])])
    for lineage in history.clauses:
        status = lineage.steps[1].status
        if status == "removed":
            assert lineage.steps[2].status == "restored", lineage.story()
        if status == "modified":
            assert lineage.steps[2].reverted_to == 0, lineage.story()
        if status in ("unchanged", "renumbered"):
            assert not lineage.flip_flop, lineage.story()
    removed = [p for p in history.provisions if [e.kind for e in p.events][:1] == ["removed"]]
    assert removed, "v2 removes provisions (the USD 500 billion target, the observer seat)"
    for provision in removed:
        assert [(e.version, e.kind) for e in provision.events] == [(1, "removed"), (2, "restored")]
        assert provision.flip_flop


def test_a_clause_added_with_new_words_is_not_taken_for_one_removed_before() -> None:
    text = (
        "# A\n\n## Article 1 — Terms\n\n1.1 The Buyer shall pay the price within thirty days.\n\n"
    )
    gone = "# A\n\n## Article 1 — Terms\n\n1.2 Reserved.\n\n"
    other = (
        "# A\n\n## Article 1 — Terms\n\n1.1 The Seller shall deliver the goods to the port "
        "of loading.\n\n"
    )
    history = build_history(
        [
            parse_text(text, path="a.md"),
            parse_text(gone, path="b.md"),
            parse_text(other, path="c.md"),
        ]
    )
    statuses = [s.status for c in history.clauses for s in c.steps if s.version == 2]
    assert "restored" not in statuses
