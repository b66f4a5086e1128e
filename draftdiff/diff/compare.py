"""Provides `compare`: two Documents -> one Comparison (align, diff, classify).

Document A + Document B --align--> clause groups --word diff--> edits
                                   --classify--> clause changes
  --analyse (each version)--> provisions --semantic--> semantic changes + ledgers

Semantic changes say more than a generic "reworded": a pair they explain loses
its clause.modified, and a pair whose only edit is a cross-reference that
followed the renumbering is text.cosmetic. One finding per fact: a clause added
(or removed) with a provision of its own is one change, the provision's, with
the facet clause.added (clause.removed); a defined term's change carries no
party (a definition binds nobody). Changes come most severe first.
"""

from __future__ import annotations

from dataclasses import replace

from draftdiff.analyse.provisions import Analysis, analyse, schema_of
from draftdiff.diff.align import Link, align, same_number
from draftdiff.diff.classify import clause_changes
from draftdiff.diff.ledger import build_ledger
from draftdiff.diff.page_texts import page_text_changes
from draftdiff.diff.reading_warnings import reading_warnings
from draftdiff.diff.result import PART_SEPARATOR, Change, ClausePair, Comparison, Op, Status
from draftdiff.diff.semantic import semantic_changes
from draftdiff.diff.stakes import apply_stakes
from draftdiff.diff.textdiff import cosmetic_key, similarity, word_diff
from draftdiff.model import Clause, Document


def compare(
    old: Document,
    new: Document,
    *,
    analysis_old: Analysis | None = None,
    analysis_new: Analysis | None = None,
) -> Comparison:
    """Compare two versions of a document. A version's analysis may be passed in when
    it is at hand (a middle version of several is compared twice; reading it for
    provisions is most of the cost)."""
    old_clauses = list(old.walk())
    new_clauses = list(new.walk())
    pairs = tuple(_pair(link, old_clauses, new_clauses) for link in align(old_clauses, new_clauses))
    analysis_old = analyse(old) if analysis_old is None else analysis_old
    analysis_new = analyse(new) if analysis_new is None else analysis_new
    semantic = semantic_changes(pairs, old, new, analysis_old, analysis_new)
    changes: list[tuple[int, Change]] = []
    for order, pair in enumerate(pairs):
        for change in clause_changes(pair, old, new):
            if change.type == "clause.modified":
                if order in semantic.explained:
                    continue
                change = semantic.cosmetic.get(order, change)
            changes.append((order, change))
    changes.extend(semantic.changes)
    changes = _one_per_fact(changes)
    changes.extend((len(pairs), change) for change in page_text_changes(old, new))
    ledger_old, ledger_new = build_ledger(old, analysis_old), build_ledger(new, analysis_new)
    changes = apply_stakes(changes, pairs, old, new, ledger_old, ledger_new, schema_of(new))
    changes.sort(key=lambda item: (item[1].severity.rank, item[0]))
    return Comparison(
        old=old,
        new=new,
        pairs=pairs,
        changes=tuple(c for _, c in changes),
        ledger_old=ledger_old,
        ledger_new=ledger_new,
        analysis_old=analysis_old,
        analysis_new=analysis_new,
        warnings=(
            *reading_warnings("old", old, analysis_old),
            *reading_warnings("new", new, analysis_new),
        ),
    )


_CLAUSE_FACET = {"added": "clause.added", "removed": "clause.removed"}
_PROVISION_FAMILIES = ("obligation", "prohibition", "permission", "guarantee")
_IN_CLAUSE = {"added": "in a new clause", "removed": "with its clause, removed"}


def _one_per_fact(changes: list[tuple[int, Change]]) -> list[tuple[int, Change]]:
    """Fold each clause.added (clause.removed) into the first provision added (removed)
    in that clause, as its facet; drop the party of term changes."""
    provision_at: dict[tuple[str, str], int] = {}
    for at, (_, change) in enumerate(changes):
        family, _, what = change.type.partition(".")
        clause = change.new_clause if what == "added" else change.old_clause
        if family in _PROVISION_FAMILIES and what in _CLAUSE_FACET and clause is not None:
            provision_at.setdefault((what, clause), at)
    out = list(changes)
    folded: set[int] = set()
    for at, (_, change) in enumerate(changes):
        what = change.type.removeprefix("clause.")
        clause = change.new_clause if what == "added" else change.old_clause
        if change.type != _CLAUSE_FACET.get(what) or clause is None:
            continue
        target = provision_at.get((what, clause))
        if target is None:
            continue
        order, provision = out[target]
        # The provision's severity stands, as a semantic change's stands for the
        # clause.modified it replaces: it says what the new clause does (a weak
        # commitment added is low, whether or not its clause is new).
        out[target] = (
            order,
            replace(
                provision,
                facets=(*provision.facets, change.type),
                summary=f"{provision.summary} ({_IN_CLAUSE[what]})",
            ),
        )
        folded.add(at)
    return [
        (order, replace(c, party=None) if c.family == "term" and c.party else c)
        for at, (order, c) in enumerate(out)
        if at not in folded
    ]


def _pair(link: Link, old: list[Clause], new: list[Clause]) -> ClausePair:
    olds = [old[i] for i in link.old]
    news = [new[j] for j in link.new]
    old_text = PART_SEPARATOR.join(c.text for c in olds)
    new_text = PART_SEPARATOR.join(c.text for c in news)
    edits = word_diff(old_text, new_text)
    status = link.status
    cosmetic = False
    if olds and news and old_text != new_text:
        cosmetic = cosmetic_key(old_text) == cosmetic_key(new_text)
    if status is Status.MODIFIED and old_text == new_text:
        # Same words, same place, another id: the number changed, nothing else.
        status = Status.UNCHANGED if same_number(olds[0], news[0]) else Status.RENUMBERED
    sim = similarity(old_text, new_text) if olds and news else 0.0
    if status in (Status.UNCHANGED, Status.RENUMBERED) and not any(
        e.op is not Op.EQUAL for e in edits
    ):
        sim = 1.0
    return ClausePair(
        status=status,
        old=tuple(c.id for c in olds),
        new=tuple(c.id for c in news),
        edits=edits,
        similarity=round(sim, 3),
        cosmetic=cosmetic,
    )
