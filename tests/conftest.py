"""Shared fixtures: paths to the bundled samples and the third-party corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# The shared corpus lives beside the project (../shared/corpus); DRAFTDIFF_CORPUS overrides.
CORPUS = Path(os.environ.get("DRAFTDIFF_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus_path(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (set DRAFTDIFF_CORPUS)")
    return path


@pytest.fixture(autouse=True)
def _no_color_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # Textual reads NO_COLOR when an App is built; set, it turns snapshots monochrome.
    monkeypatch.delenv("NO_COLOR", raising=False)
