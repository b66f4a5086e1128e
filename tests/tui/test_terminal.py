"""The real program in a real terminal (tmux on a private socket), read off the screen."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.tui.semantic_data import V2, V3
from tests.tui.tmux import Tmux

SIZE = (100, 30)
Start = Callable[..., Tmux]
"""terminal(command, cwd=ROOT, size=SIZE): a program running in its own tmux server."""


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Start]:
    sessions: list[Tmux] = []

    def start(command: Sequence[str], cwd: Path = ROOT, size: tuple[int, int] = SIZE) -> Tmux:
        session = Tmux(command, tmp_path / f"tmux{len(sessions)}.sock", cwd, size)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.close()


DRAFTDIFF = [sys.executable, "-m", "draftdiff"]


def test_bare_command_on_a_terminal_opens_the_browser_and_q_exits_0(terminal: Start) -> None:
    tui = terminal([*DRAFTDIFF, V2, V3])
    screen = tui.wait_for("substantive change")  # the comparison is on screen
    assert "fund-v2-middle.md → fund-v3-final.md" in screen  # the header names both
    # The ledger, as `draftdiff diff` v2 → v3 counts it: each party's own duties (the
    # joint ones in a column of their own); Norland's weak commitments are obligations
    # but not duties; one-sidedness from own duties goes from 100% to 80%.
    screen = tui.wait_for_match(r"Binding duties +0 → 4 \(\+4\) +19 → 16 \(−3\)")
    assert re.search(r"weak +2 → 2 +0 → 0 +1 → 0 \(−1\)", screen)
    assert "One-sidedness: Velmora 100% → Velmora 80%" in screen
    assert "q Quit" in screen
    tui.keys("/")
    tui.wait_for("search clause text")
    tui.keys("arbitration", "Enter")
    screen = tui.wait_for("11.1  modified")
    assert "“arbitration”" in screen and "Arbitration Rules" in screen
    tui.keys("x", "n")  # all clauses again, then the next change: 11.2
    screen = tui.wait_for("11.2  modified")
    assert "Each Party shall comply" in screen
    tui.keys("s")
    # Side by side: the two column titles on one line, apart (the header has a → between).
    tui.wait_for_match(r"fund-v2-middle\.md {2,}fund-v3-final\.md")
    tui.keys("?")
    tui.wait_for("draftdiff — keys")
    # Escape on its own: a terminal reads Escape followed at once by "q" as Alt+Q.
    tui.keys("Escape")
    tui.wait_until_gone("draftdiff — keys")
    tui.keys("q")
    screen = tui.wait_for("__EXIT__=")
    assert "__EXIT__=0" in screen
    assert "Traceback" not in screen


def test_brackets_in_clause_text_show_verbatim_on_a_real_terminal(
    terminal: Start, tmp_path: Path
) -> None:
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    old.write_text("## Article 1\n\n1.1 Deliver by [insert date] [/note].\n", encoding="utf-8")
    new.write_text("## Article 1\n\n1.1 Deliver by [bold]1 May[/bold] [/note].\n", encoding="utf-8")
    # Wide enough for each side of the side-by-side view to hold its line unwrapped.
    tui = terminal([*DRAFTDIFF, "browse", str(old), str(new)], cwd=tmp_path, size=(140, 20))
    tui.wait_for("1 substantive change")
    tui.wait_for("1.1  Deliver by [bold]1 May[/bold] [/note].")  # the outline row
    tui.keys("s")
    tui.wait_for("Deliver by [insert date] [/note].")  # the old side
    tui.keys("q")
    assert "__EXIT__=0" in tui.wait_for("__EXIT__=")


def test_a_missing_file_is_one_line_and_exit_2_before_the_browser_starts(terminal: Start) -> None:
    tui = terminal([*DRAFTDIFF, V2, "samples/nope.md"])
    screen = tui.wait_for("__EXIT__=")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines == ["draftdiff: samples/nope.md: no such file", "__EXIT__=2"]


def test_a_crash_inside_the_browser_exits_1_with_the_traceback_on_screen(terminal: Start) -> None:
    # A bug planted in the redline pane: Textual prints the traceback and App.run()
    # returns normally; the exit code must still say that it crashed.
    script = (
        "import sys\n"
        "import draftdiff.tui.widgets.redline_view as view\n"
        "def broken(*args):\n"
        "    raise RuntimeError('planted bug')\n"
        "view.clause_heading = broken\n"
        "from draftdiff.cli import main\n"
        f"sys.exit(main(['browse', {V2!r}, {V3!r}]))\n"
    )
    tui = terminal([sys.executable, "-c", script])
    # Startup, the crash and Textual's traceback take over 30 s on a loaded 2-core CI box.
    screen = tui.wait_for("__EXIT__=", timeout=120)
    assert "planted bug" in screen
    assert "__EXIT__=1" in screen


def test_demo_opens_the_three_sample_drafts_with_their_history(terminal: Start) -> None:
    tui = terminal([*DRAFTDIFF, "demo"])
    screen = tui.wait_for("substantive change")
    # The first pair, its ledger and one-sidedness in view, the first finding's reason.
    assert "fund-v1-early.md → fund-v2-middle.md" in screen and "v1 fund" not in screen
    screen = tui.wait_for("One-sidedness")
    assert "why high: a firm duty softened" in screen
    tui.keys("]")
    tui.wait_for("30 substantive changes")  # v2 → v3 on screen (keys typed earlier race it)
    tui.keys("/")
    tui.wait_for("search clause text")
    tui.keys("renewed armed aggression", "Enter")
    tui.wait_for("10.4  added")
    tui.keys("h")  # 10.4 through all three drafts: new in the last
    screen = tui.wait_for("History of 10.4")
    assert "fund-v1-early.md  —" in screen
    assert "fund-v3-final.md  10.4  added" in screen
    tui.keys("Escape")
    tui.wait_until_gone("History of")
    tui.keys("q")
    assert "__EXIT__=0" in tui.wait_for("__EXIT__=")


def test_a_party_not_found_is_warned_about_beside_the_ledger_and_party_names_fix_it(
    terminal: Start, tmp_path: Path
) -> None:
    from tests.cli.test_named_parties import NEW, OLD

    old, new = tmp_path / "supply-v1.md", tmp_path / "supply-v2.md"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    tui = terminal([*DRAFTDIFF, "browse", str(old), str(new)], size=(100, 40))
    screen = tui.wait_for("'Harbor Tools' bears duties but is no party (both")
    # The ledger panel shows the warnings above the table, and no share is made up.
    assert "⚠ only one party found (Supplier) (both versions)" in screen
    assert "One-sidedness: not computed: only one party found" in screen
    assert "Not parties (duties now): Harbor Tools 3" in screen
    assert "Parties: Supplier (preamble:" in screen
    tui.keys("q")
    tui.wait_for("__EXIT__=0")
    named = terminal(
        [
            *DRAFTDIFF,
            "browse",
            str(old),
            str(new),
            "--party",
            "Buyer=Harbor Tools",
            "--party",
            "Supplier=Acme Components Ltd",
        ],
        size=(100, 40),
    )
    screen = named.wait_for("One-sidedness: Buyer 50% → Buyer 60%")  # a tie: the first named
    assert "⚠" not in screen
    assert "Parties: Buyer (given on the command line); Supplier" in screen
