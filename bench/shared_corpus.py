"""Provides where the bench scripts find the shared third-party corpus and CUAD's labels.

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


def cuad_csv() -> Path:
    """CUAD v1's `master_clauses.csv`: $CUAD_CSV when set, else `cuad/` in the corpus.
    The one place every bench and test looks for it (party labels, clause sentences)."""
    return Path(os.environ.get("CUAD_CSV") or CORPUS / "cuad" / "master_clauses.csv")
