"""Provides clause lineages: one identity per clause across every version.

The alignment of each pair of consecutive versions (draftdiff/diff/align.py, as the
Comparison holds it) links clauses of version k to clauses of version k + 1. The
links are chained: clauses joined by any link, directly or through other versions,
are one lineage. So a clause keeps its lineage when renumbered or moved, a split
clause's parts share the lineage of the clause they came from, and merged clauses
share one lineage from then on (and before: a merge joins their pasts).

A clause added in version k whose words are those of a clause last seen before
version k - 1 is that clause restored: the two lineages become one, and the step
says "restored" rather than "added". Words returning to those of an earlier version
(a reworded clause reworded back) are marked as a reversion. Both are flip-flops.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from draftdiff.diff.result import PART_SEPARATOR, Comparison, Status
from draftdiff.diff.textdiff import cosmetic_key, similarity
from draftdiff.model import Document

RESTORE_THRESHOLD = 0.85
"""Least word similarity (Dice) between an added clause and a clause gone from the
version before it for the added one to be the gone one restored. Restorations are
usually verbatim; a little slack lets a restored clause pick up a new cross-reference."""
RESTORE_MIN_WORDS = 4
"""Shorter texts ("Reserved.", a bare heading) restore only when their words are equal:
two short clauses look alike without being one."""

Node = tuple[int, str]
"""(version, clause id)."""


@dataclass(frozen=True)
class ClauseStep:
    """A lineage in one version, and how it got there from the version before."""

    version: int
    ids: tuple[str, ...]
    """Its clauses in this version (several after a split); empty when absent."""
    status: str
    """How it reached this version: "" in the first version when present, "absent"
    (in neither this version nor the one before), "added", "removed", "restored", or
    the alignment's statuses ("unchanged", "modified", "renumbered", "moved",
    "split", "merged"; several joined by "/")."""
    pairs: tuple[int, ...] = ()
    """Indexes of the pairs of comparisons[version - 1] that hold it."""
    reverted_to: int | None = None
    """The earlier version (not the one just before) whose words it returns to."""
    minor: bool = False
    """Only its number, or only punctuation, case or spacing, changed: told in its story,
    never counted as a change."""

    @property
    def present(self) -> bool:
        return bool(self.ids)

    @property
    def changed(self) -> bool:
        """Whether arriving here changed anything at all (its number included)."""
        return self.status not in ("", "absent", "unchanged")

    @property
    def substantive(self) -> bool:
        """Whether arriving here changed more than its number or its punctuation."""
        return self.changed and not self.minor


@dataclass(frozen=True)
class ClauseLineage:
    """One clause through every version."""

    key: str
    """ "c1", "c2", ... in reading order; stable for a given set of versions."""
    steps: tuple[ClauseStep, ...]
    """One per version, oldest first."""

    @property
    def first(self) -> int:
        return next(s.version for s in self.steps if s.present)

    @property
    def last(self) -> int:
        return max(s.version for s in self.steps if s.present)

    @property
    def flip_flop(self) -> bool:
        """Removed and later restored, or reworded back to earlier words."""
        return any(s.status == "restored" or s.reverted_to is not None for s in self.steps)

    @property
    def changed(self) -> bool:
        """Whether any version changed more than its number or its punctuation."""
        return any(s.substantive for s in self.steps)

    @property
    def label(self) -> str:
        """Its ids where last present: what a reader of the latest draft looks for; with
        that version ("4.3 (v1)") when the latest draft no longer has it."""
        ids = ", ".join(self.steps[self.last].ids)
        return ids if self.last == len(self.steps) - 1 else f"{ids} (v{self.last + 1})"

    def ids_in(self, version: int) -> tuple[str, ...]:
        return self.steps[version].ids

    def story(self, names: Sequence[str] | None = None) -> str:
        """ "absent in v1, added in v2 (10.3), modified in v3 (10.2), renumbered in v4 (10.3)"."""
        names = names or [f"v{k + 1}" for k in range(len(self.steps))]
        first = self.first
        if first == 0:
            parts = [f"in {names[0]} ({', '.join(self.steps[0].ids)})"]
        else:
            span = names[0] if first == 1 else f"{names[0]}–{names[first - 1]}"
            parts = [f"absent in {span}"]
        for step in self.steps[1:]:
            if not step.changed:
                continue
            where = ", ".join(step.ids)
            if step.reverted_to is not None and step.status != "restored":
                where += f", back to the {names[step.reverted_to]} wording"
            status = step.status
            if status == "modified" and step.minor:
                status = "reworded (punctuation only)"
            parts.append(f"{status} in {names[step.version]}" + (f" ({where})" if where else ""))
        if len(parts) == 1 and first == 0:
            parts.append("unchanged since")
        return ", ".join(parts)


def clause_lineages(
    documents: Sequence[Document], comparisons: Sequence[Comparison]
) -> tuple[ClauseLineage, ...]:
    """Chain the consecutive comparisons of `documents` into lineages, in reading order."""
    links = _Links()
    orders = [[c.id for c in d.walk()] for d in documents]
    for version, ids in enumerate(orders):
        for clause_id in ids:
            links.add((version, clause_id))
    for k, comparison in enumerate(comparisons):
        for pair in comparison.pairs:
            nodes = [(k, i) for i in pair.old] + [(k + 1, j) for j in pair.new]
            for node in nodes[1:]:
                links.union(nodes[0], node)
    restored = _restore(documents, comparisons, links, orders)
    groups: dict[Node, dict[int, list[str]]] = {}
    for version, ids in enumerate(orders):
        for clause_id in ids:
            groups.setdefault(links.find((version, clause_id)), {}).setdefault(version, []).append(
                clause_id
            )
    roots = _reading_order(comparisons, links, orders)
    keys = {root: f"c{n + 1}" for n, root in enumerate(roots)}
    # For each comparison, the pairs of each lineage (one pass, not one per lineage).
    pair_roots: list[dict[Node, list[int]]] = []
    for k, comparison in enumerate(comparisons):
        held: dict[Node, list[int]] = {}
        for n, p in enumerate(comparison.pairs):
            node = (k, p.old[0]) if p.old else (k + 1, p.new[0])
            held.setdefault(links.find(node), []).append(n)
        pair_roots.append(held)
    lineages = []
    for root in roots:
        present = groups[root]
        steps = []
        for version in range(len(documents)):
            steps.append(
                _step(
                    version,
                    tuple(present.get(version, ())),
                    root,
                    comparisons,
                    pair_roots,
                    restored,
                )
            )
        lineages.append(ClauseLineage(keys[root], _reversions(steps, documents)))
    return tuple(lineages)


def _step(
    version: int,
    ids: tuple[str, ...],
    root: Node,
    comparisons: Sequence[Comparison],
    pair_roots: Sequence[dict[Node, list[int]]],
    restored: set[tuple[Node, int]],
) -> ClauseStep:
    if version == 0:
        return ClauseStep(0, ids, "" if ids else "absent")
    comparison = comparisons[version - 1]
    held = tuple(pair_roots[version - 1].get(root, ()))
    if not held:
        return ClauseStep(version, ids, "absent")
    statuses = list(dict.fromkeys(comparison.pairs[n].status for n in held))
    if (root, version) in restored and statuses == [Status.ADDED]:
        return ClauseStep(version, ids, "restored", held)
    pairs = [comparison.pairs[n] for n in held]
    minor = all(
        p.status in (Status.UNCHANGED, Status.RENUMBERED)
        or (p.status is Status.MODIFIED and p.cosmetic)
        for p in pairs
    )
    return ClauseStep(version, ids, "/".join(s.value for s in statuses), held, minor=minor)


def _reversions(steps: list[ClauseStep], documents: Sequence[Document]) -> tuple[ClauseStep, ...]:
    """Mark steps whose words equal an earlier version's but not the previous one's."""
    keys = [
        cosmetic_key(PART_SEPARATOR.join(documents[s.version].clause(i).text for i in s.ids))
        if s.present
        else None
        for s in steps
    ]
    out = []
    for v, step in enumerate(steps):
        reverted = None
        if step.present and v >= 2 and keys[v] != keys[v - 1]:
            earlier = [j for j in range(v - 1) if keys[j] == keys[v]]
            reverted = earlier[-1] if earlier else None
        out.append(replace(step, reverted_to=reverted) if reverted is not None else step)
    return tuple(out)


def _restore(
    documents: Sequence[Document],
    comparisons: Sequence[Comparison],
    links: _Links,
    orders: Sequence[Sequence[str]],
) -> set[tuple[Node, int]]:
    """Join each added clause to the lineage it restores, if any; the (root, version)
    of every restoration."""
    restored: set[tuple[Node, int]] = set()
    for k in range(2, len(documents)):
        added = [p.new for p in comparisons[k - 1].pairs if p.status is Status.ADDED]
        if not added:
            continue
        seen: dict[Node, int] = {}
        for version in range(k):
            for clause_id in orders[version]:
                seen[links.find((version, clause_id))] = version
        gone = {root: last for root, last in seen.items() if last < k - 1}
        if not gone:
            continue
        # Each gone lineage's clauses where last seen, gathered in one pass per version.
        held: dict[Node, list[str]] = {root: [] for root in gone}
        for version in sorted(set(gone.values())):
            for clause_id in orders[version]:
                root = links.find((version, clause_id))
                if gone.get(root) == version:
                    held[root].append(clause_id)
        texts = {root: _text(documents[gone[root]], ids) for root, ids in held.items()}
        for ids in added:
            node = (k, ids[0])
            text = _text(documents[k], ids)
            best, score = None, 0.0
            for root, last in gone.items():
                if not _same_kind(documents[last], held[root], documents[k], ids):
                    continue
                s = _restore_score(texts[root], text)
                if s > score:
                    best, score = root, s
            if best is not None and score >= RESTORE_THRESHOLD:
                del gone[best]
                links.union(best, node)
                restored.add((links.find(node), k))
    # Roots may have moved with later unions: re-key by the current root.
    return {(links.find(root), k) for root, k in restored}


def _text(document: Document, ids: Sequence[str]) -> str:
    return PART_SEPARATOR.join(document.clause(i).text for i in ids)


def _same_kind(a: Document, a_ids: Sequence[str], b: Document, b_ids: Sequence[str]) -> bool:
    # A heading restores a heading, a clause a clause.
    return bool(a_ids) and a.clause(a_ids[0]).is_heading_only == b.clause(b_ids[0]).is_heading_only


def _restore_score(old: str, new: str) -> float:
    if cosmetic_key(old) == cosmetic_key(new):
        return 1.0
    short, long = sorted((len(old.split()), len(new.split())))
    if short < RESTORE_MIN_WORDS:
        return 0.0
    # Dice is at most 2·short / (short + long): skip what cannot reach the threshold.
    if 2 * short / (short + long) < RESTORE_THRESHOLD:
        return 0.0
    return similarity(old, new)


def _reading_order(
    comparisons: Sequence[Comparison], links: _Links, orders: Sequence[Sequence[str]]
) -> list[Node]:
    """Lineage roots in reading order: the last version's, with lineages that ended
    earlier kept after the lineage they followed when last seen."""
    order = list(dict.fromkeys(links.find((0, i)) for i in orders[0]))
    for k, comparison in enumerate(comparisons):
        seq = list(
            dict.fromkeys(
                links.find((k, p.old[0]) if p.old else (k + 1, p.new[0])) for p in comparison.pairs
            )
        )
        order = _merge(order, seq)
    return order


def _merge(before: list[Node], after: list[Node]) -> list[Node]:
    kept = set(after)
    trailing: dict[Node | None, list[Node]] = {}
    anchor: Node | None = None
    for root in before:
        if root in kept:
            anchor = root
        else:
            trailing.setdefault(anchor, []).append(root)
    out = list(trailing.get(None, []))
    for root in after:
        out.append(root)
        out.extend(trailing.get(root, []))
    return out


class _Links:
    """Union-find over (version, clause id) nodes."""

    def __init__(self) -> None:
        self._parent: dict[Node, Node] = {}

    def add(self, node: Node) -> None:
        self._parent.setdefault(node, node)

    def find(self, node: Node) -> Node:
        parent = self._parent
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    def union(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The older node stays root, so a lineage is keyed where it began.
            if rb < ra:
                ra, rb = rb, ra
            self._parent[rb] = ra
