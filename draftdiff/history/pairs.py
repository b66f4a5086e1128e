"""Provides the comparisons a policy checks across several versions: every consecutive
pair, then first → last (a concession given back and forth can pass every step and
still show between the first draft and the last). Each version is analysed once."""

from __future__ import annotations

from collections.abc import Sequence

from draftdiff.analyse.provisions import analyse
from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.model import Document


def checked_pairs(documents: Sequence[Document]) -> list[tuple[int, int, Comparison]]:
    """(old index, new index, comparison): consecutive pairs, then first → last when
    there are more than two versions."""
    analyses = [analyse(d) for d in documents]
    keys = [(k, k + 1) for k in range(len(documents) - 1)]
    if len(documents) > 2:
        keys.append((0, len(documents) - 1))
    return [
        (
            i,
            j,
            compare(documents[i], documents[j], analysis_old=analyses[i], analysis_new=analyses[j]),
        )
        for i, j in keys
    ]
