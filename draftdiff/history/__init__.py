"""Provides the negotiation history: every draft of an agreement, oldest first, as one chain.

    build_history(documents, labels) -> History

Consecutive versions are compared once each (draftdiff/diff/compare.py, each version
analysed once); the links of those comparisons are chained into lineages, so a clause
or a provision keeps one identity across renumbering, moves, splits, merges and a
removal followed by its restoration (chain.py, lineage.py, provisions.py). The ledger
of every version gives each party's trend (trend.py). Plain data: the renderers
(draftdiff/render/history_*.py) and the browser read it.
"""

from __future__ import annotations

from draftdiff.history.chain import History, Version, build_history

__all__ = ["History", "Version", "build_history"]
