"""Provides where the bench scripts find the shared third-party corpus.

DRAFTDIFF_CORPUS when set; else ../shared/corpus beside the project, as
tests/conftest.py finds it (a clean clone with ../shared beside it runs the corpus
benches instead of skipping them); else /work/shared/corpus.
"""

from __future__ import annotations

import os
from pathlib import Path

_BESIDE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPUS = Path(
    os.environ.get("DRAFTDIFF_CORPUS") or (_BESIDE if _BESIDE.is_dir() else "/work/shared/corpus")
)
