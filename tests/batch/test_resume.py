"""Interrupted and resumed: a batch stopped by Ctrl-C keeps the pairs it finished, and
the rerun does only the rest, ending with the same results as a run never stopped."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.batch_drafts import write_manifest, write_pairs
from draftdiff.batch.state import StateLog, read_state
from tests.batch.conftest import draftdiff, results, without_run

PAIRS = 60


def _state_lines(out: Path) -> int:
    try:
        return (out / "state.jsonl").read_bytes().count(b"\n")
    except OSError:
        return 0


def test_an_interrupted_batch_resumes_without_redoing_finished_pairs(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "pairs.csv", write_pairs(tmp_path / "drafts", PAIRS))
    out = tmp_path / "out"
    args = ["batch", str(manifest), "-o", str(out), "--html", "--workers", "1"]
    env = {k: v for k, v in os.environ.items() if k != "DRAFTDIFF_DEBUG"}
    first = subprocess.Popen(
        [sys.executable, "-m", "draftdiff", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while _state_lines(out) < 3 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.02)
    first.send_signal(signal.SIGINT)  # Ctrl-C
    _, stderr = first.communicate(timeout=60)
    assert first.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.splitlines()[-1].startswith("draftdiff: batch interrupted; finished pairs")
    # Nothing of the summary outputs yet: they are written by a complete run only.
    assert not (out / "results.jsonl").exists()
    assert not (out / "index.html").exists()
    kept = read_state(out)
    assert 3 <= len(kept) < PAIRS
    kept_reports = {s["id"]: (out / s["reports"]["html"]).stat().st_mtime_ns for s in kept.values()}

    second = draftdiff(*args)
    assert second.returncode == 0, second.stderr
    assert f"{len(kept)} reused from the last run; {PAIRS - len(kept)} compared" in second.stdout
    rows = results(out)
    reused = {r["id"] for r in rows if r["run"]["reused"]}
    assert reused == set(kept_reports)
    # Not redone: the same worker's timings as recorded, and the reports not rewritten.
    for row in rows:
        if row["id"] in reused:
            assert row["run"]["worker"] == kept[row["key"]]["run"]["worker"]
            assert (out / row["reports"]["html"]).stat().st_mtime_ns == kept_reports[row["id"]]

    whole = tmp_path / "whole"
    straight = draftdiff("batch", str(manifest), "-o", str(whole), "--html", "--workers", "2")
    assert straight.returncode == 0, straight.stderr
    assert without_run(rows) == without_run(results(whole))
    # A third run has nothing left to do.
    third = draftdiff(*args)
    assert f"{PAIRS} reused from the last run; 0 compared" in third.stdout


def test_a_changed_input_or_option_is_compared_again(pairs_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert draftdiff("batch", str(pairs_csv), "-o", str(out)).returncode == 0
    changed = pairs_csv.parent / "drafts" / "supply-0003-v2.md"
    changed.write_text(
        changed.read_text("utf-8") + "\n## 9. Notices\n\n9.1 Notices shall be in writing.\n"
    )
    again = draftdiff("batch", str(pairs_csv), "-o", str(out))
    assert "7 reused from the last run; 1 compared" in again.stdout
    # A policy changes every pair's result: all are compared again.
    gated = draftdiff("batch", str(pairs_csv), "-o", str(out), "--fail-on", "guarantee.removed")
    assert "0 reused from the last run; 8 compared" in gated.stdout


def test_a_line_cut_short_by_a_kill_is_skipped_and_not_glued_to_the_next(tmp_path: Path) -> None:
    good = {"id": "a", "key": "k1", "status": "ok"}
    (tmp_path / "state.jsonl").write_text(json.dumps(good) + '\n{"id": "b", "key": "k2", "sta')
    assert list(read_state(tmp_path)) == ["k1"]
    log = StateLog(tmp_path)
    log.record({"id": "c", "key": "k3", "status": "ok"})
    log.record({"id": "d", "key": "k4", "status": "failed"})  # failures are tried again
    log.close()
    assert list(read_state(tmp_path)) == ["k1", "k3"]
