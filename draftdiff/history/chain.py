"""Provides the History: the versions, the comparisons of consecutive versions, and the
lineages chained from them.

Each version is parsed by the caller and analysed here once; comparison k (version k
with version k + 1) reuses both analyses, so N versions cost N analyses and N - 1
alignments, not N² of either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from draftdiff.analyse.provisions import Analysis, analyse
from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison, Ledger
from draftdiff.history.lineage import ClauseLineage, clause_lineages
from draftdiff.history.provisions import ProvisionLineage, provision_lineages
from draftdiff.history.trend import PartyTrend, party_trends
from draftdiff.model import Document


@dataclass(frozen=True)
class Version:
    """One draft of the agreement."""

    index: int
    """0 for the oldest."""
    label: str
    """How reports name it: "v2 fund-v2-middle.md", or "2025-03-24 Ana Díaz (1a2b3c4)"."""
    document: Document
    analysis: Analysis
    ledger: Ledger
    source: str = ""
    """Where it came from, when not a plain file: "git:<commit>:<path>"."""

    @property
    def short(self) -> str:
        """ "v2": what a table column or a lineage's story calls it."""
        return f"v{self.index + 1}"


@dataclass(frozen=True)
class History:
    """Every version, the comparisons linking them, and the lineages across all of them."""

    versions: tuple[Version, ...]
    comparisons: tuple[Comparison, ...]
    """comparisons[k] compares versions[k] with versions[k + 1]."""
    clauses: tuple[ClauseLineage, ...]
    """Every clause of every version in exactly one lineage, in reading order."""
    provisions: tuple[ProvisionLineage, ...]
    """Every provision of every version in exactly one lineage, in reading order."""
    trends: tuple[PartyTrend, ...]
    """Each party's ledger, version by version (parties in order of first appearance)."""

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(t.party for t in self.trends)

    def clause_lineage(self, key: str) -> ClauseLineage:
        for lineage in self.clauses:
            if lineage.key == key:
                return lineage
        raise KeyError(key)

    def lineage_of(self, version: int, clause_id: str) -> ClauseLineage:
        """The lineage holding a clause of one version; KeyError when there is none."""
        for lineage in self.clauses:
            if clause_id in lineage.steps[version].ids:
                return lineage
        raise KeyError(f"v{version + 1}:{clause_id}")


def build_history(
    documents: Sequence[Document],
    labels: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
) -> History:
    """The history of two or more versions, oldest first."""
    if len(documents) < 2:
        raise ValueError("a history needs at least two versions")
    analyses = [analyse(d) for d in documents]
    comparisons = tuple(
        compare(
            documents[k],
            documents[k + 1],
            analysis_old=analyses[k],
            analysis_new=analyses[k + 1],
        )
        for k in range(len(documents) - 1)
    )
    ledgers = [comparisons[0].ledger_old, *(c.ledger_new for c in comparisons)]
    names = list(labels) if labels is not None else default_labels(documents)
    origins = list(sources) if sources is not None else [""] * len(documents)
    versions = tuple(
        Version(k, names[k], documents[k], analyses[k], ledgers[k], origins[k])
        for k in range(len(documents))
    )
    clauses = clause_lineages(documents, comparisons)
    provisions = provision_lineages(clauses, analyses, comparisons)
    return History(versions, comparisons, clauses, provisions, party_trends(documents, ledgers))


def default_labels(documents: Sequence[Document]) -> list[str]:
    """ "v1 early.md", "v2 middle.md", ...: the file name, with its folder when two
    versions share a name (old.md and new.md of several pairs)."""
    from pathlib import Path

    paths = [Path(d.path) for d in documents]
    names = [p.name for p in paths]
    out = []
    for k, path in enumerate(paths):
        name = path.name if names.count(path.name) == 1 else f"{path.parent.name}/{path.name}"
        out.append(f"v{k + 1} {name}")
    return out
