"""The browser driven by keys and mouse (Textual's Pilot), asserting what each widget holds.

Every app here shows the real pipeline's comparison of the sample drafts; the clauses and
figures asserted are those `draftdiff diff samples/fund-v1-early.md samples/fund-v2-middle.md`
(and v2 → v3) prints.
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

import pytest
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Static

from draftdiff.diff.result import Severity
from draftdiff.tui.app import DraftdiffApp
from draftdiff.tui.model import JOINT, Filters
from draftdiff.tui.versions import PairKey, Progress, VersionSet
from draftdiff.tui.widgets.changes_list import ChangesList
from draftdiff.tui.widgets.error_dialog import ErrorDialog
from draftdiff.tui.widgets.help_screen import KEYS, HelpScreen
from draftdiff.tui.widgets.history_screen import HistoryScreen
from draftdiff.tui.widgets.ledger_panel import LedgerPanel
from draftdiff.tui.widgets.loading import LoadingPanel
from draftdiff.tui.widgets.outline import ClauseOutline, OutlineStatus
from draftdiff.tui.widgets.redline_view import RedlineView
from draftdiff.tui.widgets.version_picker import VersionPicker
from tests.diff.helpers import doc
from tests.tui.semantic_data import (
    V1,
    V2,
    V3,
    markup_comparison,
    sample_comparison,
    semantic_sample,
)

SIZE = (120, 36)


@asynccontextmanager
async def running(app: DraftdiffApp, size: tuple[int, int] = SIZE) -> AsyncIterator[Pilot[None]]:
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        yield pilot


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown_ids(app: DraftdiffApp) -> list[str]:
    outline = app.query_one(ClauseOutline)
    return [app.rows[i].ids for i in outline.shown_rows]


def matched_ids(app: DraftdiffApp) -> set[str]:
    return {app.rows[i].ids for i in app.view.matches}


def current_ids(app: DraftdiffApp) -> str:
    assert app.current is not None
    return app.rows[app.current].ids


def plain(widget: Static) -> str:
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


def assert_panes_agree(app: DraftdiffApp) -> None:
    """The outline's cursor, the redline pane and `current` name the same clause."""
    redline = app.query_one(RedlineView)
    assert app.query_one(ClauseOutline).cursor_row == app.current
    assert redline.row is not None and redline.row.index == app.current


async def test_opens_on_the_most_severe_change_with_both_versions_named() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app):
        assert app.sub_title == "fund-v1-early.md → fund-v2-middle.md"
        # The first changes in reading order are the date in ¶1 and the added 1.1(e); the
        # HIGH ones are Velmora's duties at 3.6, 4.3 and 7.4 and the guarantee of 9.1. It
        # opens on the first of those: 3.6, "shall" weakened to "shall use reasonable efforts".
        assert current_ids(app) == "3.6"
        assert_panes_agree(app)
        status = plain(app.query_one(OutlineStatus))
        # 24: a clause added or removed with a provision of its own is one finding.
        assert "13 modified" in status and "24 substantive changes" in status
        changes = app.query_one(ChangesList).changes
        assert [(c.type, c.severity) for c in changes] == [("obligation.weakened", Severity.HIGH)]


async def test_n_and_shift_n_walk_the_changes_in_reading_order() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app) as pilot:
        changed = [r.index for r in app.rows if r.changed]
        app.current = changed[0]
        await press(pilot, "n")
        assert app.current == changed[1]
        assert_panes_agree(app)
        await press(pilot, "n", "n")
        assert app.current == changed[3]
        await press(pilot, "N")
        assert app.current == changed[2]
        await press(pilot, "N", "N", "N")  # wraps to the last change
        assert app.current == changed[-1]


async def test_j_and_k_move_the_outline_and_the_redline_follows() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app) as pilot:
        start = app.current
        assert start is not None
        await press(pilot, "j")
        assert app.current == start + 1
        assert_panes_agree(app)
        await press(pilot, "k", "k")
        assert app.current == start - 1
        assert_panes_agree(app)


async def test_enter_opens_the_clause_j_scrolls_it_and_escape_returns() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app, size=(80, 16)) as pilot:
        redline = app.query_one(RedlineView)
        await press(pilot, "enter")
        assert app.focused is redline
        assert redline.max_scroll_y > 0  # the 3.6 redline and its evidence overflow 16 lines
        await press(pilot, "j", "j")
        assert redline.scroll_y == 2
        await press(pilot, "k")
        assert redline.scroll_y == 1
        await press(pilot, "escape")
        assert app.focused is app.query_one(ClauseOutline)


async def test_tab_moves_between_outline_redline_and_ledger() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app) as pilot:
        assert app.show_ledger  # a comparison with ledgers opens with the panel
        assert app.focused is app.query_one(ClauseOutline)
        await press(pilot, "tab")
        assert app.focused is app.query_one(RedlineView)
        await press(pilot, "tab")
        assert app.focused is app.query_one(LedgerPanel).query_one(DataTable)
        await press(pilot, "shift+tab", "shift+tab")
        assert app.focused is app.query_one(ClauseOutline)


async def test_obligations_filter_narrows_the_outline_and_keeps_the_cursor_honest() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app) as pilot:
        app.current = next(r.index for r in app.rows if r.ids == "9.1")
        await press(pilot, "o")
        assert app.filters == Filters(obligations=True)
        assert matched_ids(app) == {"2.6", "3.6", "4.3", "4.4", "7.3 → 7.4", "10.3"}
        assert "Article 3" in [app.rows[i].number for i in app.query_one(ClauseOutline).shown_rows]
        # 9.1 was shown; it does not match, so the cursor moved on to the next match (10.3,
        # the Parties' new weak commitment), not to whatever now sits on 9.1's line.
        assert current_ids(app) == "10.3"
        assert_panes_agree(app)
        assert "obligations" in plain(app.query_one(OutlineStatus))
        await press(pilot, "n")
        assert_panes_agree(app)
        await press(pilot, "o")
        assert app.filters == Filters()
        assert len(shown_ids(app)) == len(app.rows)


async def test_guarantees_filter_shows_only_guarantee_changes() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app) as pilot:
        await press(pilot, "g")
        assert app.filters.guarantees
        assert matched_ids(app) == {"9.1"}
        assert_panes_agree(app)


async def test_party_filter_cycles_through_the_parties() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app) as pilot:
        await press(pilot, "p")
        assert app.filters.party == "Norland"
        # Its weak commitments (2.6, 4.4) and its three Board members (5.2).
        assert matched_ids(app) == {"2.6", "4.4", "5.2"}
        assert_panes_agree(app)
        await press(pilot, "p")
        assert app.filters.party == "Velmora"
        assert {"3.6", "4.3", "5.6", "7.3 → 7.4", "9.1"} <= matched_ids(app)
        assert not {"2.6", "4.4"} & matched_ids(app)
        assert_panes_agree(app)
        await press(pilot, "p")
        assert app.filters.party == JOINT  # "The Parties will consider" (10.3)
        assert matched_ids(app) == {"10.3"}
        await press(pilot, "p")
        assert app.filters.party is None


async def test_filters_that_match_nothing_say_so() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app) as pilot:
        await press(pilot, "g", "p")  # the only guarantee change (9.1) is Velmora's
        assert app.filters == Filters(guarantees=True, party="Norland")
        assert matched_ids(app) == set()
        assert app.query_one(RedlineView).row is None  # nothing to show, and it says so
        assert "No clause matches" in plain(app.query_one("#clause-heading", Static))
        assert not app.query_one("#changes-title").display
        await press(pilot, "p")
        assert matched_ids(app) == {"9.1"}
        assert_panes_agree(app)


async def test_severity_filter_raises_the_minimum() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app) as pilot:
        await press(pilot, "v", "v", "v")
        assert app.filters.severity is Severity.HIGH
        # Velmora's softened duties and guarantee, and the key clauses the schema's
        # stakes raise: governance (5.2, 5.3, 5.6), security (10.2, 10.3), entry into force.
        assert matched_ids(app) == {
            *("3.6", "4.3", "7.3 → 7.4", "9.1"),
            *("5.2", "5.3", "5.6", "10.2", "10.3", "12.1"),
        }
        assert_panes_agree(app)
        await press(pilot, "v")
        assert app.filters.severity is None


async def test_hide_cosmetic_and_changed_only_filters() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison(V2, V3))
    async with running(app) as pilot:
        cosmetic = {r.ids for r in app.rows if any(c.type == "text.cosmetic" for c in r.changes)}
        # Punctuation or spacing (1.2, 7.5, 12.5); 6.1's "Section 5.4" following the renumbering.
        assert cosmetic == {"1.2", "6.1", "7.5", "12.5"}
        await press(pilot, "c")
        assert app.filters.hide_cosmetic
        assert not cosmetic & matched_ids(app)
        await press(pilot, "u")
        assert app.filters.changed_only
        assert all(app.rows[i].changed for i in app.view.matches)
        assert_panes_agree(app)
        await press(pilot, "x")
        assert app.filters == Filters()


async def test_search_finds_clause_text_in_either_version() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app) as pilot:
        await press(pilot, "slash")
        search = app.query_one(Input)
        assert search.display and app.focused is search
        await pilot.press(*"full faith")
        await press(pilot, "enter")
        assert app.filters.query == "full faith"
        assert matched_ids(app) == {"9.1"}  # only in the old 9.1
        assert current_ids(app) == "9.1"
        assert_panes_agree(app)
        assert app.focused is app.query_one(ClauseOutline)
        await press(pilot, "slash", "x", "escape")  # Escape leaves the search as it was
        assert app.filters.query == "full faith"
        assert not search.display


async def test_s_shows_the_versions_side_by_side() -> None:
    comparison = sample_comparison()
    app = DraftdiffApp.on_comparison(comparison)
    async with running(app) as pilot:
        redline = app.query_one(RedlineView)
        sides = app.query_one("#sides")
        assert not sides.display
        await press(pilot, "s")
        assert app.side_by_side and redline.has_class("-side-by-side")
        assert sides.display and not app.query_one("#redline").display
        app.current = next(r.index for r in app.rows if r.ids == "2.6")
        await pilot.pause()
        row = redline.row
        assert row is not None and not row.pair.old  # 2.6 was added in v2
        assert plain(app.query_one("#old-side", Static)) == (
            "fund-v1-early.md\n(not in this version)"
        )
        app.current = next(r.index for r in app.rows if r.ids == "3.6")
        await pilot.pause()
        assert plain(app.query_one("#old-side", Static)) == (
            f"fund-v1-early.md\n{comparison.clause('old', '3.6').text}"
        )
        assert plain(app.query_one("#new-side", Static)) == (
            f"fund-v2-middle.md\n{comparison.clause('new', '3.6').text}"
        )
        await press(pilot, "s")
        assert not app.side_by_side and app.query_one("#redline").display


async def test_l_toggles_the_ledger_and_a_party_row_filters_by_that_party() -> None:
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app) as pilot:
        ledger = app.query_one(LedgerPanel)
        table = ledger.query_one(DataTable)
        # Header, four kinds, the obligations' two parts, binding duties, a scrollbar line.
        assert ledger.display and table.size.height == 9
        assert [str(c) for c in table.get_row("permission")] == [
            "Permissions",
            "6 → 6",
            "1 → 2 (+1)",  # Velmora's new rights at 5.2 and 7.2, the observer of 5.6 gone
            "0 → 0",  # joint
            "0 → 0",  # others: the Board and the Fund
        ]
        burden = plain(ledger.query_one("#ledger-burden", Static))
        assert burden.startswith("One-sidedness: Velmora 100% → Velmora 100%")
        await press(pilot, "tab", "tab", "right", "right", "enter")
        assert app.filters.party == "Velmora"
        assert app.focused is app.query_one(ClauseOutline)
        await press(pilot, "l")
        assert not ledger.display
        await press(pilot, "l")
        assert ledger.display


async def test_ledger_says_which_obligations_are_only_efforts_or_weak() -> None:
    # v1 → v2: Norland gains two obligations of its own, both "will consider" or "intends
    # to", so its binding duties stay at 0 and Velmora still bears all of them; Velmora's
    # 3.6 and 7.4 became "reasonable efforts".
    app = DraftdiffApp.on_comparison(semantic_sample())
    async with running(app):
        table = app.query_one(LedgerPanel).query_one(DataTable)
        drawn = {
            key: [str(c) for c in table.get_row(key)]
            for key in ("obligation", "qualified", "weak", "duties")
        }
        # Columns: Norland, Velmora (own), joint, others. The joint 10.3 ("The Parties
        # will consider") is in the joint column, not counted for each party.
        assert drawn == {
            "obligation": ["Obligations", "0 → 2 (+2)", "14 → 13 (−1)", "0 → 1 (+1)", "4 → 5 (+1)"],
            "qualified": ["  efforts only", "0 → 0", "0 → 2 (+2)", "0 → 0", "0 → 0"],
            "weak": ["  weak", "0 → 2 (+2)", "0 → 0", "0 → 1 (+1)", "0 → 0"],
            "duties": ["Binding duties", "0 → 0", "20 → 19 (−1)", "0 → 0", "4 → 5 (+1)"],
        }
        # The parts sit right under the obligations they break down.
        order = [table.get_row_at(i)[0].plain for i in range(table.row_count)]
        assert order[:3] == ["Obligations", "  efforts only", "  weak"]
        # And the whole table is on screen: the panel's height does not cut its last row.
        last = table.region.y + table.row_count  # below the header
        assert table.region.height == table.row_count + 2  # with the scrollbar's line
        assert app.screen.get_widget_at(table.region.x + 2, last)[0] is table


async def test_ledger_without_provisions_says_so() -> None:
    from draftdiff.diff.compare import compare

    old = doc("1.1 Headings are for convenience only.", path="old.md")
    new = doc("1.1 Headings are for ease of reference only.", path="new.md")
    app = DraftdiffApp.on_comparison(compare(old, new))
    async with running(app) as pilot:
        ledger = app.query_one(LedgerPanel)
        assert not ledger.display  # nothing to show: hidden until asked for
        await press(pilot, "l")
        assert ledger.display
        assert "No obligations" in plain(ledger.query_one("#ledger-burden", Static))


async def test_e_writes_the_report_and_says_where(tmp_path: Path) -> None:
    app = DraftdiffApp.on_comparison(sample_comparison(), report_folder=tmp_path)
    async with running(app) as pilot:
        await press(pilot, "e")
        report = tmp_path / "draftdiff-fund-v1-early-vs-fund-v2-middle.html"
        assert list(tmp_path.iterdir()) == [report]
        assert report.stat().st_size > 10_000
        assert [n.message for n in app._notifications] == [f"Report written: {report}"]


async def test_e_into_a_missing_folder_shows_an_error_dialog(tmp_path: Path) -> None:
    app = DraftdiffApp.on_comparison(sample_comparison(), report_folder=tmp_path / "gone")
    async with running(app) as pilot:
        await press(pilot, "e")
        assert isinstance(app.screen, ErrorDialog)
        assert app.screen.title_text == "Cannot write the report"
        assert "folder does not exist" in app.screen.detail
        await press(pilot, "enter")
        assert not isinstance(app.screen, ErrorDialog)
        assert app.is_running  # an error on the way is not the end


async def test_a_bug_while_exporting_shows_a_dialog_and_the_browser_carries_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = types.ModuleType("draftdiff.render.html")

    def render_html(comparison: object) -> str:
        raise KeyError("ledger")

    broken.render_html = render_html  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "draftdiff.render.html", broken)
    app = DraftdiffApp.on_comparison(sample_comparison(), report_folder=tmp_path)
    async with running(app) as pilot:
        await press(pilot, "e")
        assert isinstance(app.screen, ErrorDialog)
        assert (app.screen.title_text, app.screen.detail.splitlines()[0]) == (
            "Internal error",
            "KeyError: 'ledger'",
        )
        await press(pilot, "escape")
        assert app.is_running and list(tmp_path.iterdir()) == []
        await press(pilot, "n")
        assert_panes_agree(app)


async def test_h_shows_the_clause_through_all_versions() -> None:
    app = DraftdiffApp(VersionSet([V1, V2, V3]), pair=(1, 2))
    async with running(app) as pilot:
        app.current = next(r.index for r in app.rows if r.ids == "8.3 → 8.2")
        await press(pilot, "h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert [(s.ids, s.status) for s in screen.steps] == [
            (("4.5",), ""),
            (("8.3",), "moved"),
            (("8.2",), "renumbered"),
        ]
        assert "fund-v1-early.md  4.5" in screen.body.plain
        assert app.focused is screen.query_one("#history-box")  # scrolls with the keys
        await press(pilot, "escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_capital_p_picks_another_pair_and_brackets_step_through_pairs() -> None:
    app = DraftdiffApp(VersionSet([V1, V2, V3]))
    async with running(app) as pilot:
        assert app.pair == (0, 1)  # the first two by default
        await press(pilot, "right_square_bracket")
        assert app.pair == (1, 2)
        await press(pilot, "P")
        picker = app.screen
        assert isinstance(picker, VersionPicker)
        options = picker.query_one(OptionList)
        assert options.option_count == 3
        await press(pilot, "down", "enter")  # from v2→v3 (shown) to v1→v3
        assert app.pair == (0, 2)
        assert app.sub_title == "fund-v1-early.md → fund-v3-final.md"  # names say v1, v3
        await press(pilot, "left_square_bracket")  # v1 → v3 narrows to v1 → v2
        assert app.pair == (0, 1)
        await press(pilot, "right_square_bracket")
        assert app.pair == (1, 2)
        await press(pilot, "right_square_bracket")  # there is no v3 → v4
        assert app.pair == (1, 2)
        assert_panes_agree(app)


async def test_question_mark_shows_help_listing_every_key() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = " ".join(key for _, keys in KEYS for key, _ in keys)
        for binding in app.BINDINGS:
            assert isinstance(binding, Binding)
            key = app.get_key_display(binding)
            assert key in listed or key.lower() in listed.lower(), key
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_longer_than_the_screen_scrolls_with_the_keys() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app, size=(100, 30)) as pilot:
        await press(pilot, "question_mark")
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert app.focused is box
        assert box.max_scroll_y > 0  # the legends are below the fold
        await press(pilot, "down")
        assert box.scroll_y == 1
        await press(pilot, "end")
        assert box.scroll_y == box.max_scroll_y
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_action_is_in_the_command_palette() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app) as pilot:
        commands = list(app.get_system_commands(app.screen))
        offered = {c.callback.args[0] for c in commands if isinstance(c.callback, partial)}
        bound = {b.action for b in app.BINDINGS if isinstance(b, Binding)}
        assert bound - offered == {"quit", "focus_outline"}
        assert "Quit" in [c.title for c in commands]  # Textual's own
        await press(pilot, "ctrl+p")
        await pilot.press(*"side by side")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert app.side_by_side


async def test_q_quits_with_exit_code_0() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app) as pilot:
        await press(pilot, "q")
    assert app.return_code == 0


async def test_a_click_on_a_clause_shows_it_and_a_click_on_a_key_runs_it() -> None:
    app = DraftdiffApp.on_comparison(sample_comparison())
    async with running(app) as pilot:
        outline = app.query_one(ClauseOutline)
        outline.scroll_home(animate=False)
        await pilot.pause()
        await pilot.click(ClauseOutline, offset=(6, 3))
        await pilot.pause()
        assert current_ids(app) == app.rows[3].ids
        assert_panes_agree(app)
        await pilot.click(footer_key(app, "Sides"))
        await pilot.pause()
        assert app.side_by_side


async def test_clause_text_that_looks_like_markup_shows_verbatim() -> None:
    app = DraftdiffApp.on_comparison(markup_comparison())
    async with running(app) as pilot:
        labels = [str(node.label) for node in app.query_one(ClauseOutline).root.children]
        assert any("[draft note]" in label for label in labels)
        await press(pilot, "s")
        assert "[insert date] [/note]." in plain(app.query_one("#old-side", Static))
        assert "[bold]1 May 2025[/bold] [/note]." in plain(app.query_one("#new-side", Static))
        # What Textual draws, not only what it was given (a markup string would lose these).
        assert "[insert date] [/note]." in str(app.query_one("#old-side", Static).render())
        drawn = str(app.query_one("#redline", Static).render())
        assert "[/note]." in drawn and "1 May 2025[/bold]" in drawn


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 20) -> None:
    """Let the app run until `condition` holds (a slow machine draws late)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition not met in time")


def footer_key(app: DraftdiffApp, description: str) -> Widget:
    return next(k for k in app.query("FooterKey") if getattr(k, "description", "") == description)


class GatedVersions(VersionSet):
    """Real versions whose loading waits for a gate, to look at the app meanwhile."""

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__(paths)
        self.gate = threading.Event()

    def load(self, keys: Sequence[PairKey], progress: Progress = lambda *_: None) -> None:
        progress("Waiting", 0, 1)
        self.gate.wait(120)  # the test opens it; a daemon thread, so never a hang
        super().load(keys, progress)


async def test_the_app_answers_keys_while_the_comparison_loads() -> None:
    versions = GatedVersions([V1, V2])
    app = DraftdiffApp(versions)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.query("FooterKey")))
        assert app.has_class("-loading") and app.query_one(LoadingPanel).display
        assert app.check_action("next_change", ()) is None  # greyed out until loaded
        assert footer_key(app, "Next").has_class("-disabled")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        versions.gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.has_class("-loading")
        assert app.comparison is not None and app.current is not None
        # The footer recomposes on a later message (a loaded machine draws late): wait for
        # it, and fail if the keys stay greyed.
        await until(pilot, lambda: not footer_key(app, "Next").has_class("-disabled"))
        assert not footer_key(app, "Next").has_class("-disabled")


async def test_long_drafts_parsed_in_child_processes_open_like_any_other() -> None:
    # Inside the app sys.stderr is Textual's (fileno -1): multiprocessing failed on that.
    app = DraftdiffApp(VersionSet([V1, V2], parallel=True))
    async with running(app):
        assert not isinstance(app.screen, ErrorDialog)
        assert app.comparison is not None
        assert app.comparison.pairs == sample_comparison().pairs


async def test_a_draft_that_cannot_be_parsed_shows_a_dialog_then_exits_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    app = DraftdiffApp(VersionSet([V1, str(junk)]))
    async with running(app) as pilot:
        assert isinstance(app.screen, ErrorDialog)
        assert app.screen.title_text == "Cannot compare the drafts"
        assert app.screen.detail.startswith(f"{junk}: ") and "binary" in app.screen.detail
        await press(pilot, "enter")
    assert app.return_code == 2
