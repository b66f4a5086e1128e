"""Fixtures for the batch tests: small generated pairs, a manifest of them, and the CLI
run as a real process (as a user or a CI job runs it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.batch_drafts import write_manifest, write_pairs


def draftdiff(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DRAFTDIFF_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "draftdiff", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )


def results(out: Path) -> list[dict[str, Any]]:
    lines = (out / "results.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def without_run(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The results less what may differ between two runs (timings, worker, reuse)."""
    return [{k: v for k, v in row.items() if k != "run"} for row in rows]


@pytest.fixture
def pairs_csv(tmp_path: Path) -> Path:
    """A CSV manifest of eight generated pairs, in its own folder."""
    work = tmp_path / "work"
    return write_manifest(work / "pairs.csv", write_pairs(work / "drafts", 8))
