"""Shared fixtures: paths to the bundled samples and the third-party corpus."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Tests of commands missing from the machine (see scripts/system-packages.sh).
pytest_plugins = ["tests.missing_tools"]


def _find_corpus() -> Path:
    """The shared corpus: DRAFTDIFF_CORPUS, else beside the project (../shared/corpus),
    else beside the local repository this checkout was cloned from (a clone made in a
    temporary folder, as a fresh-clone check does)."""
    if "DRAFTDIFF_CORPUS" in os.environ:
        return Path(os.environ["DRAFTDIFF_CORPUS"])
    beside = ROOT.parent / "shared" / "corpus"
    if beside.is_dir():
        return beside
    origin = subprocess.run(
        ["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        cloned_from = Path(origin).resolve().parent / "shared" / "corpus"
        if cloned_from.is_dir():
            return cloned_from
    return beside


CORPUS = _find_corpus()


def corpus_path(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (set DRAFTDIFF_CORPUS)")
    return path


@pytest.fixture(autouse=True)
def _no_color_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # Textual reads NO_COLOR when an App is built; set, it turns snapshots monochrome.
    monkeypatch.delenv("NO_COLOR", raising=False)
