"""The browser's rules without an app: outline rows, filters, `n`/`N`, the ledger table.

The sample comparisons are the real pipeline's; the figures asserted are those
`draftdiff diff samples/fund-v1-early.md samples/fund-v2-middle.md` prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from draftdiff.diff.result import LEDGER_KINDS, Change, Ledger, PartyLedger, Severity, Status
from draftdiff.tui.model import (
    JOINT,
    Filters,
    LedgerTable,
    Row,
    apply_filters,
    build_rows,
    burden,
    find_all,
    ledger_table,
    step,
)
from tests.diff.helpers import diff
from tests.tui.semantic_data import V1, sample_comparison, semantic_sample


def row_by_ids(rows: Sequence[Row], ids: str) -> Row:
    return next(r for r in rows if r.ids == ids)


def test_outline_follows_the_new_version_and_keeps_removed_clauses_where_they_stood() -> None:
    comparison = sample_comparison()
    rows = build_rows(comparison)
    assert [r.index for r in rows] == list(range(len(comparison.pairs)))
    ids = [r.ids for r in rows]
    # Old 4.3 was removed: it stays between 4.2 and the new 4.3 (old 4.4).
    assert ids.index("4.2") < ids.index("4.3") < ids.index("4.4 → 4.3")
    assert ids.count("4.3") == 1
    removed = rows[ids.index("4.3")]
    assert removed.side == "old" and removed.status is Status.REMOVED


def test_rows_sit_under_their_article() -> None:
    rows = build_rows(sample_comparison())
    section = row_by_ids(rows, "3.6")
    assert section.parent is not None and rows[section.parent].number == "Article 3"
    sub = row_by_ids(rows, "1.1(a)")
    assert sub.parent is not None and rows[sub.parent].ids == "1.1"


def test_each_change_is_counted_once_on_the_row_of_its_pair() -> None:
    comparison = semantic_sample()
    rows = build_rows(comparison)
    attached = [c for r in rows for c in r.changes]
    assert sorted(map(id, attached)) == sorted(map(id, comparison.changes))
    moved = row_by_ids(rows, "7.3 → 7.4")
    assert "obligation.weakened" in {c.type for c in moved.semantic}


def test_obligations_filter_keeps_duty_changes_and_the_articles_above_them() -> None:
    comparison = semantic_sample()
    rows = build_rows(comparison)
    view = apply_filters(rows, Filters(obligations=True))
    # `draftdiff diff` v1 → v2: obligation.* at 3.6, 4.3 and 7.4 (Velmora's duties
    # weakened or removed), 2.6, 4.4 and 10.3 (new weak commitments); no prohibition.*.
    assert {rows[i].ids for i in view.matches} == {
        "2.6",
        "3.6",
        "4.3",
        "4.4",
        "7.3 → 7.4",
        "10.3",
    }
    # The articles are shown as context, not as matches.
    shown = {rows[i].number for i in view.shown}
    assert {"Article 2", "Article 3", "Article 4", "Article 7", "Article 10"} <= shown
    assert all(rows[i].number.startswith("Article") for i in set(view.shown) - view.matches)


def test_family_and_severity_filters_must_hold_for_one_and_the_same_change() -> None:
    rows = build_rows(semantic_sample())
    guarantees = apply_filters(rows, Filters(guarantees=True))
    assert {rows[i].ids for i in guarantees.matches} == {"9.1"}
    # Added 2.6 carries one LOW obligation.added with the facet clause.added (the clause's
    # addition and its new duty are one fact): no medium obligation change.
    added = row_by_ids(rows, "2.6")
    assert [(c.type, c.severity, c.facets) for c in added.changes] == [
        ("obligation.added", Severity.LOW, ("clause.added",))
    ]
    medium_obligations = apply_filters(rows, Filters(obligations=True, severity=Severity.MEDIUM))
    # 4.4 and 10.3 are weak commitments too, but in the contributions and the security
    # articles: the schema's stakes make them medium and high.
    assert {rows[i].ids for i in medium_obligations.matches} == {
        *("3.6", "4.3", "7.3 → 7.4"),
        *("4.4", "10.3"),
    }


def test_party_filter_keeps_only_that_partys_changes() -> None:
    rows = build_rows(semantic_sample())
    velmora = apply_filters(rows, Filters(party="Velmora"))
    # The redefined terms ("Resource Revenues", "Board") carry no party.
    assert {rows[i].ids for i in velmora.matches} == {
        "3.6",
        "4.3",
        "5.2",  # Velmora's new right to appoint two members
        "5.6",
        "7.2",
        "7.3 → 7.4",
        "9.1",
    }
    norland = apply_filters(rows, Filters(party="Norland"))
    # 2.6 and 4.4: Norland's weak commitments; 5.2: Norland's three members (a value).
    assert {rows[i].ids for i in norland.matches} == {"2.6", "4.4", "5.2"}
    # "The Parties will consider" (10.3) is a joint commitment, under neither party alone.
    joint = apply_filters(rows, Filters(party="Parties"))
    assert {rows[i].ids for i in joint.matches} == {"10.3"}


def test_hiding_cosmetic_changes_hides_punctuation_and_renumbering_only_rows() -> None:
    comparison = diff(
        [
            "1.1 The Buyer shall pay.",
            "1.2 Gone soon now.",
            "1.3 Notices shall be in writing.",
            "1.4 The Seller shall deliver goods.",
        ],
        [
            "1.1 The Buyer shall pay!",
            "1.2 Notices shall be in writing.",
            "1.3 The Seller shall deliver all goods.",
        ],
    )
    rows = build_rows(comparison)
    assert [r.status.value for r in rows] == ["modified", "removed", "renumbered", "modified"]
    kept = apply_filters(rows, Filters(hide_cosmetic=True))
    assert [rows[i].ids for i in sorted(kept.matches)] == ["1.2", "1.4 → 1.3"]


def test_search_is_case_insensitive_and_reads_both_versions() -> None:
    rows = build_rows(sample_comparison())
    # "full faith and credit" is only in the old 9.1.
    found = apply_filters(rows, Filters(query="FULL FAITH"))
    assert {rows[i].ids for i in found.matches} == {"9.1"}


def test_next_change_skips_unchanged_clauses_and_wraps_around() -> None:
    rows = build_rows(sample_comparison())
    view = apply_filters(rows, Filters())
    changed = [r.index for r in rows if r.changed]
    assert step(rows, view, None, 1) == changed[0]
    assert step(rows, view, changed[0], 1) == changed[1]
    assert step(rows, view, changed[-1], 1) == changed[0]
    assert step(rows, view, changed[0], -1) == changed[-1]
    unchanged = next(r.index for r in rows if not r.changed and r.index > changed[0])
    assert step(rows, view, unchanged, 1) == next(i for i in changed if i > unchanged)


def test_next_change_under_a_filter_visits_only_matches() -> None:
    rows = build_rows(semantic_sample())
    view = apply_filters(rows, Filters(obligations=True))
    seen = []
    at = None
    for _ in range(7):
        at = step(rows, view, at, 1)
        seen.append(rows[at].ids if at is not None else None)
    # Reading order, the removed 4.3 where it stood; then back to the first.
    assert seen == ["2.6", "3.6", "4.3", "4.4", "7.3 → 7.4", "10.3", "2.6"]


def test_no_next_change_when_nothing_matches() -> None:
    comparison = diff(["1.1 Headings are for convenience."], ["1.1 Headings are for ease."])
    rows = build_rows(comparison)
    assert step(rows, apply_filters(rows, Filters()), None, 1) == 0
    view = apply_filters(rows, Filters(guarantees=True))  # no guarantee anywhere
    assert step(rows, view, None, 1) is None


def test_party_cycle_goes_through_every_party_then_back_to_all() -> None:
    comparison = sample_comparison()
    parties = comparison.parties()
    # The two parties of the draft, then "Parties": the changes' name for a joint
    # commitment ("The Parties will consider", 10.3), which has changes of its own.
    assert parties == ("Norland", "Velmora", "Parties")
    filters = Filters()
    seen = []
    for _ in range(4):
        filters = filters.next_party(parties)
        seen.append(filters.party)
    assert seen == ["Norland", "Velmora", "Parties", None]


def test_severity_cycle_raises_the_minimum_then_resets() -> None:
    filters = Filters()
    seen = []
    for _ in range(4):
        filters = filters.next_severity()
        seen.append(filters.severity)
    assert seen == [Severity.LOW, Severity.MEDIUM, Severity.HIGH, None]


def test_filters_describe_themselves_in_words() -> None:
    filters = Filters(obligations=True, party="Velmora", severity=Severity.MEDIUM, query="shall")
    assert filters.describe() == "obligations · party Velmora · severity ≥ medium · “shall”"
    assert Filters().describe() == "" and not Filters().active


def cells(table: LedgerTable, key: str) -> list[tuple[int, int]]:
    """One row of the ledger table as (before, after) per party."""
    row = next(r for r in table.rows if r.key == key)
    return [(cell.old, cell.new) for cell in row.cells]


def test_ledger_table_gives_each_partys_counts_and_the_obligations_that_are_not_duties() -> None:
    table = ledger_table(semantic_sample())
    # Each party's own columns, then the joint one, then the non-parties added up.
    assert table.parties == ("Norland", "Velmora", "Parties (jointly)", "others")
    assert table.groups == ("own", "own", "joint", "other")
    assert [r.key for r in table.rows] == [
        "obligation",
        "qualified",
        "weak",
        "prohibition",
        "permission",
        "guarantee",
        "duties",
    ]
    # As `draftdiff diff` v1 → v2 says: Norland's two new obligations of its own (2.6,
    # 4.4) are weak, so its binding duties stay at 0; 10.3 ("The Parties will consider")
    # is joint, in its own column, no longer counted for each party. Velmora's 3.6 and
    # 7.4 are now efforts only; its own duties go from 20 to 19. The Board and the Fund
    # (others) bear 4 → 5.
    assert cells(table, "obligation") == [(0, 2), (14, 13), (0, 1), (4, 5)]
    assert cells(table, "qualified") == [(0, 0), (0, 2), (0, 0), (0, 0)]
    assert cells(table, "weak") == [(0, 2), (0, 0), (0, 1), (0, 0)]
    assert cells(table, "permission") == [(6, 6), (1, 2), (0, 0), (0, 0)]
    assert cells(table, "duties") == [(0, 0), (20, 19), (0, 0), (4, 5)]
    assert table.filter_party("Parties (jointly)") == JOINT
    assert table.filter_party("others") is None
    assert [r.part for r in table.rows].count(True) == 2


def test_ledger_table_leaves_out_the_breakdown_when_no_obligation_is_soft() -> None:
    # v1 against itself: v1 has neither efforts-only duties nor weak commitments.
    table = ledger_table(sample_comparison(V1, V1))
    assert [r.key for r in table.rows] == [*LEDGER_KINDS, "duties"]
    assert cells(table, "duties") == [(0, 0), (20, 20), (4, 4)]


def test_burden_names_the_most_burdened_party() -> None:
    comparison = semantic_sample()
    assert burden(comparison.ledger_new) == "Velmora 100%"
    balanced = Ledger((PartyLedger("A", obligation=("1",)), PartyLedger("B", guarantee=("2",))))
    assert burden(balanced) == "A 50%"
    tilted = Ledger((PartyLedger("A", obligation=("1",)), PartyLedger("B", guarantee=("2", "3"))))
    assert burden(tilted) == "B 67%"
    # No figure from fewer than two parties: a share of one party's duties is always 100 %.
    assert burden(Ledger()) == "not computed: no parties found"
    alone = Ledger((PartyLedger("A", obligation=("1",)),))
    assert burden(alone) == "not computed: only one party found (A)"


def test_a_party_only_in_the_old_ledger_is_still_listed() -> None:
    # The samples never drop a party; the real v1 → v2 ledgers plus an old-only one do.
    comparison = sample_comparison()
    comparison = replace(
        comparison,
        ledger_old=Ledger((*comparison.ledger_old, PartyLedger("Agency", obligation=("2.2",)))),
    )
    table = ledger_table(comparison)
    assert table.parties[:3] == ("Norland", "Velmora", "Agency")
    assert cells(table, "obligation")[2] == (1, 0)
    assert cells(table, "duties")[2] == (1, 0)


def test_find_all_finds_every_occurrence_ignoring_case() -> None:
    assert find_all("Shall, shall, SHALL", "shall") == ((0, 5), (7, 12), (14, 19))
    assert find_all("anything", "") == ()


def test_a_change_naming_a_clause_of_no_pair_is_ignored_by_the_outline() -> None:
    comparison = sample_comparison()
    stray = Change("value.changed", Severity.LOW, "elsewhere", old_clause="99.9")
    rows = build_rows(replace(comparison, changes=(*comparison.changes, stray)))
    assert all(stray not in r.changes for r in rows)
