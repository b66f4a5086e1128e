"""Every hostile input gets a correct result or one clear line and exit 2, within the
bounds: never a traceback, a hang, a write beside the requested output, or a changed
input. Inputs are generated (tests/hostile/make_inputs.py) into a temporary folder.

The two big inputs (a 10 MB paragraph, 100,000 paragraphs) run here under a 4 s time
limit, which must stop them cleanly; how long they take unbounded is measured by
`python -m tests.hostile.table` (README, "Limits").

Slower than the usual test file, on purpose: each of the 49 inputs runs as a real
`draftdiff` process (about 0.6 s of CPU each, 35 s in all, two of them stopped by the
4 s limit), because only a real process shows the exit code, the one stderr line, a
stray write, the time limit's signal and the peak memory as a user meets them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.make_inputs import CASES, Case
from tests.hostile.runner import run_case

BIG_LIMIT = 4.0
SMALL_SECONDS = 15.0
"""CPU time allowed for a small case (most take under 1 s, the slowest 4 s)."""
WALL_SECONDS = 240.0


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_answered_or_refused_in_one_line(case: Case, tmp_path: Path) -> None:
    env = {"DRAFTDIFF_TIME_LIMIT": str(BIG_LIMIT)} if case.big else {}
    outcome = run_case(case, tmp_path, env)
    assert "Traceback" not in outcome.stderr
    assert "internal error" not in outcome.stderr, outcome.stderr
    assert outcome.modified == (), "an input file was changed"
    if "external-entity" in case.name:
        # The entity names /etc/passwd: its content must never reach the output.
        assert "root:" not in outcome.stdout
    assert outcome.strays == (), f"wrote outside the requested output: {outcome.strays}"
    expected = {"ok": {0}, "refused": {2}, "either": {0, 2}}[case.expect]
    assert outcome.code in expected, outcome.stderr
    if outcome.code == 2:
        lines = outcome.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("draftdiff: "), outcome.stderr
        assert case.says in lines[0]
        assert outcome.stdout == ""
        assert not (tmp_path / "out" / "result").exists(), "partial output left behind"
        if case.big:
            assert "time limit" in lines[0]
    else:
        assert outcome.stderr == "" or case.big
        result = tmp_path / "out" / "result"
        if "{out}" in case.args and result.exists() and "json" in case.args:
            data = json.loads(result.read_text(encoding="utf-8"))
            if case.args[0] == "diff" and case.args[1] == case.args[2]:
                # diff(A, A) reports nothing.
                assert data["changes"] == []
    # CPU time is the bound (wall time on a loaded 2-core CI machine runs 10x over it);
    # wall time only catches a hang.
    bound = BIG_LIMIT + 10 if case.big else SMALL_SECONDS
    assert outcome.cpu_seconds < bound
    assert outcome.seconds < WALL_SECONDS
