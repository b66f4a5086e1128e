"""The browser's ledger-trend panel (`t`): every version's ledger beside the redline."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from draftdiff.tui.app import DraftdiffApp
from draftdiff.tui.versions import VersionSet
from draftdiff.tui.widgets.ledger_trend import LedgerTrendPanel, bar
from tests.history.conftest import PATHS


def test_bars_scale_to_the_largest_value_of_the_row() -> None:
    assert bar([0, 0, 7, 6]) == "▁▁█▇"
    assert bar([0, 0]) == "▁▁"


async def test_t_shows_each_partys_ledger_in_every_version_and_t_hides_it() -> None:
    app = DraftdiffApp(VersionSet(list(PATHS), parallel=False))
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        while app.loading or app.comparison is None:
            await pilot.pause(0.1)
        panel = app.query_one(LedgerTrendPanel)
        assert not panel.display
        await pilot.press("t")
        while not panel.display:
            await pilot.pause(0.1)
        text = _plain(panel)
        # One-sidedness as the drafts go: all on Velmora, then the v3 compromise, then
        # the counter-draft's step back.
        assert "100%" in text and "80%" in text and "84%" in text
        norland = next(line for line in text.splitlines() if line.startswith("Norland"))
        assert norland.split()[-5:-1] == ["0", "0", "4", "3"]
        await pilot.press("t")
        await pilot.pause()
        assert not panel.display


def _plain(panel: LedgerTrendPanel) -> str:
    assert panel.table is not None
    out = StringIO()
    Console(file=out, width=140, no_color=True).print(panel.table)
    return out.getvalue()
