"""What a negotiator sees first in the browser (issue 15): the first pair of a run with
its ledger, each finding's reason, filters that keep a duty's deadline and the parties'
joint duties, a notice when `n` wraps, and headers that name each version once."""

from __future__ import annotations

from pathlib import Path

from draftdiff.tui.app import DraftdiffApp
from draftdiff.tui.model import JOINT, Filters, apply_filters, build_rows, party_choices
from draftdiff.tui.texts import change_text
from draftdiff.tui.versions import VersionSet
from draftdiff.tui.widgets.ledger_panel import LedgerPanel
from tests.tui.semantic_data import V1, V2, V3, sample_comparison
from tests.tui.test_app import press, running


def _ids(filters: Filters) -> list[str]:
    rows = build_rows(sample_comparison(V2, V3))
    view = apply_filters(rows, filters)
    return [rows[i].ids for i in sorted(view.matches)]


def test_obligations_filter_keeps_a_deadline_changed_inside_a_duty() -> None:
    # 7.3 "Velmora shall report ... within thirty (30) -> sixty (60) days": value.changed,
    # but the deadline of a duty.
    assert "7.3" in _ids(Filters(obligations=True))
    assert "7.3" not in _ids(Filters(guarantees=True))


def test_party_filter_offers_joint_duties_once_beside_each_party() -> None:
    comparison = sample_comparison(V2, V3)
    assert party_choices(comparison) == ("Norland", "Velmora", JOINT)
    # 11.2 ("Velmora shall" -> "Each Party shall comply") is Norland's new duty, not joint.
    assert _ids(Filters(party=JOINT)) == ["2.3", "5.2", "10.3 → 10.2"]
    assert Filters(party=JOINT).describe() == "joint duties"


def test_versions_are_named_once_and_the_run_opens_on_its_first_pair(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"v{n}.md") for n in (1, 2, 3)]
    versions = VersionSet(paths)
    assert versions.default_pair == (0, 1)
    assert versions.pair_label((1, 2)) == "v2.md → v3.md"  # not "v2 v2.md → v3 v3.md"
    named = VersionSet(["a/draft.md", "b/draft.md", "c/draft.md"])
    assert named.label(1) == "v2 b/draft.md"


async def test_three_drafts_open_on_the_first_pair_with_the_ledger_and_reasons() -> None:
    app = DraftdiffApp(VersionSet([V1, V2, V3]))
    async with running(app, size=(120, 40)) as pilot:
        assert app.pair == (0, 1)
        assert app.sub_title == "fund-v1-early.md → fund-v2-middle.md"
        assert app.query_one(LedgerPanel).display and app.has_class("-show-ledger")
        assert app.current is not None
        first = app.rows[app.current].changes[0]
        assert first.severity.value == "high"
        assert "why high: a firm duty softened" in str(change_text(first, app.comparison))
        await press(pilot, "right_square_bracket")
        assert app.pair == (1, 2)


async def test_n_says_so_when_it_wraps_past_the_last_change() -> None:
    app = DraftdiffApp(VersionSet([V2, V3]))
    async with running(app) as pilot:
        await press(pilot, "p", "p", "p")  # joint duties: 2.3, 5.2, 10.2
        assert app.filters.party == JOINT
        seen = []
        for _ in range(4):
            await press(pilot, "n")
            seen.append(app.rows[app.current].ids if app.current is not None else None)
        assert set(seen) == {"2.3", "5.2", "10.3 → 10.2"}  # all three, then round again
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Wrapped around: past the end") for m in messages)
