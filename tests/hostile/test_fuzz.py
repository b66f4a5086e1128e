"""The fuzz targets (fuzz/targets.py) in CI: every crash ever found replays as a
regression test, and a short coverage-guided run of each target must find nothing new.

The bounded run takes 8 s of fuzzing plus start-up (all five targets behind one selector
byte, in one process): the one place where the readers meet thousands of malformed
inputs on every CI run; `make fuzz` runs each target for 5 minutes.
Without atheris the same targets get a few hundred random inputs from hypothesis.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz.targets import SINGLE, TARGETS

ROOT = Path(__file__).resolve().parent.parent.parent
FUZZ = (sys.executable, "-m", "fuzz.run")
REGRESSIONS = sorted((ROOT / "fuzz" / "regressions").glob("*/*"))


@pytest.mark.parametrize(
    "path", REGRESSIONS, ids=[f"{p.parent.name}/{p.name}" for p in REGRESSIONS]
)
def test_a_crash_found_by_fuzzing_stays_fixed(path: Path) -> None:
    TARGETS[path.parent.name](path.read_bytes())


def test_there_are_regression_inputs() -> None:
    assert REGRESSIONS, "fuzz/regressions/ is empty"


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
def test_a_short_coverage_guided_run_finds_no_crash(tmp_path: Path) -> None:
    done = subprocess.run(
        [*FUZZ, "--target", "every", "--seconds", "8", "--keep", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    summary = [line for line in done.stdout.splitlines() if line.startswith("fuzz ")]
    assert len(summary) == 1, done.stdout + done.stderr
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert not any(tmp_path.iterdir()), "a crashing input was written"


@pytest.mark.skipif(importlib.util.find_spec("atheris") is not None, reason="atheris runs instead")
@pytest.mark.parametrize("name", sorted(SINGLE))
@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_read_or_refused_without_atheris(name: str, data: bytes) -> None:
    TARGETS[name](data)
