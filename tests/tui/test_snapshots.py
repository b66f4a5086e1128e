"""What the browser looks like, screen by screen, at a fixed terminal size.

Each test is one screen: a docstring saying what it shows, and the keys pressed first.
Snapshots live in __snapshots__/test_snapshots/ (SVG); after an intended change, run
`pytest tests/tui/test_snapshots.py --snapshot-update` and review the new pictures.
`snap_compare` tests are plain functions (it runs its own event loop).

Every screen shows the real pipeline's comparison of the sample drafts (semantic
changes, evidence and ledgers included), as `draftdiff diff` reports it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.pilot import Pilot

from draftdiff.tui.app import DraftdiffApp
from draftdiff.tui.versions import VersionSet
from tests.tui.semantic_data import (
    V1,
    V2,
    V3,
    markup_comparison,
    sample_comparison,
    semantic_sample,
)

SIZE = (100, 30)
Snap = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    """A run_before script: wait for the comparison, press the keys, let it settle."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run_before


def snap(snap_compare: Snap, app: DraftdiffApp, pressed: Sequence[str] = ()) -> bool:
    return snap_compare(app, run_before=keys(*pressed), terminal_size=SIZE)


# ---- the main screen ----------------------------------------------------------------


def test_main_screen_on_the_samples(snap_compare: Snap) -> None:
    """`draftdiff v1 v2 v3`: v1 → v2 (the first pair), clause statuses and badges in the
    outline, the most severe change open on the right with why it is high, the ledger and
    one-sidedness underneath."""
    assert snap(snap_compare, DraftdiffApp(VersionSet([V1, V2, V3])))


def test_main_screen_with_semantic_changes_and_ledger(snap_compare: Snap) -> None:
    """v1 → v2: badges in the outline (duty↓, −duty, +weak for "will consider"), the
    most severe change (3.6, a duty weakened to efforts) open with its evidence
    highlighted, the ledger underneath with the obligations only efforts or weak."""
    assert snap(snap_compare, DraftdiffApp.on_comparison(semantic_sample()))


def test_side_by_side_with_evidence(snap_compare: Snap) -> None:
    """`g` then `s`: the weakened guarantee of 9.1, old and new side by side, evidence
    highlighted in each version."""
    assert snap(snap_compare, DraftdiffApp.on_comparison(semantic_sample()), ["g", "s"])


# ---- filters ------------------------------------------------------------------------


def test_obligations_filter(snap_compare: Snap) -> None:
    """`o`: only clauses whose duties changed, under their articles (dimmed context)."""
    assert snap(snap_compare, DraftdiffApp.on_comparison(semantic_sample()), ["o"])


def test_search_filter(snap_compare: Snap) -> None:
    """`/` "Board" Enter: clauses mentioning the Board, the word highlighted."""
    app = DraftdiffApp.on_comparison(sample_comparison())
    assert snap(snap_compare, app, ["slash", *"Board", "enter"])


# ---- panels and screens ---------------------------------------------------------------


def test_ledger_focused_on_a_party(snap_compare: Snap) -> None:
    """Tab twice then Right: the ledger focused, Norland's column under the cursor."""
    app = DraftdiffApp.on_comparison(semantic_sample())
    assert snap(snap_compare, app, ["tab", "tab", "right"])


def test_help_screen(snap_compare: Snap) -> None:
    """`?`: the keys, moving and filtering first."""
    assert snap(snap_compare, DraftdiffApp.on_comparison(sample_comparison()), ["question_mark"])


def test_help_screen_legends(snap_compare: Snap) -> None:
    """`?` then End: below the keys, what the ledger's rows mean (efforts only, weak,
    binding duties), the outline's marks and the badge legend."""
    app = DraftdiffApp.on_comparison(sample_comparison())
    assert snap(snap_compare, app, ["question_mark", "end"])


def test_clause_text_that_looks_like_markup(snap_compare: Snap) -> None:
    """Brackets in clause text ([insert date], [/note], [bold]) are drawn as written."""
    app = DraftdiffApp.on_comparison(markup_comparison())
    assert snap(snap_compare, app, ["s"])
