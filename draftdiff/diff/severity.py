"""Provides the severity policy of semantic changes, in one place.

Severity says how urgently a negotiator must read a change, not whose side it
favours. The policy:

    high    a party's protection shrinks or moves: a guarantee removed or weakened;
            a firm or qualified duty removed or weakened; a duty moved to another
            party; a condition or carve-out added to a duty or guarantee (it may
            now never bite); an amount or percentage changed inside a provision
    medium  new duties and guarantees, duties strengthened, prohibitions added or
            removed, permissions and rights removed, conditions removed, a defined
            term redefined (every clause using it changes meaning), a cross-reference
            now pointing elsewhere, a party renamed, durations and counts changed,
            amounts changed outside a provision
    low     a permission or right added, a weak commitment ("will consider") added
            or removed, a date changed outside any provision (a draft date)

A change of scope (scope.changed) is high when a grant's or duty's duration,
territory, exclusivity or revocability changed, or a duty's object only lost
words (part of what was owed is no longer owed); medium for sublicensing,
transfer and consideration, and for a duty's object replaced or widened.

Clause-level changes keep their own severities (draftdiff/diff/classify.py).
"""

from __future__ import annotations

from draftdiff.analyse.modality import Modality
from draftdiff.diff.result import CHANGE_TYPES, Change, Severity

HIGH, MEDIUM, LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW


def provision_severity(change: str, before: Modality | None, after: Modality | None) -> Severity:
    """Severity of an obligation.*, prohibition.*, permission.* or guarantee.* change."""
    if change in ("guarantee.removed", "guarantee.weakened", "obligation.reassigned"):
        return HIGH
    if change in ("obligation.removed", "obligation.weakened"):
        if before is Modality.WEAK:
            return LOW
        return HIGH if before is not None and before.strength >= 3 else MEDIUM
    if change == "obligation.added":
        return LOW if after is Modality.WEAK else MEDIUM
    if change == "permission.added":
        return LOW
    return MEDIUM


def condition_severity(change: str, modality: Modality) -> Severity:
    """Severity of a condition.* change on a provision of this modality."""
    if change == "condition.added":
        return HIGH if modality.is_duty else MEDIUM
    return MEDIUM


def value_severity(kind: str, in_provision: bool) -> Severity:
    """Severity of a value.changed of this kind (amount, percent, duration, date, count)."""
    if kind in ("amount", "percent"):
        return HIGH if in_provision else MEDIUM
    if kind == "date" and not in_provision:
        return LOW
    return MEDIUM


SCOPE_HIGH_FACETS = frozenset({"duration", "territory", "exclusivity", "revocability"})


def scope_severity(facet: str, narrowed: bool = False) -> Severity:
    """Severity of a scope.changed on one facet (the object: narrowed or only widened)."""
    if facet == "object":
        return HIGH if narrowed else MEDIUM
    return HIGH if facet in SCOPE_HIGH_FACETS else MEDIUM


TERM_REDEFINED = MEDIUM
REFERENCE_CHANGED = MEDIUM
PARTY_RENAMED = MEDIUM


_REASONS: dict[str, dict[Severity | None, str]] = {
    "guarantee.removed": {None: "a guarantee is gone"},
    "guarantee.weakened": {None: "a guarantee softened or narrowed"},
    "guarantee.added": {None: "a new guarantee"},
    "guarantee.strengthened": {None: "a guarantee made firmer"},
    "obligation.reassigned": {None: "a duty moved to another party"},
    "obligation.removed": {
        HIGH: "a firm duty is gone",
        MEDIUM: "a qualified duty is gone",
        LOW: "only a weak commitment is gone",
    },
    "obligation.weakened": {
        HIGH: "a firm duty softened",
        MEDIUM: "a duty softened",
        LOW: "only a weak commitment changed",
    },
    "obligation.added": {None: "a new duty", LOW: "only a weak commitment (binds nobody)"},
    "obligation.strengthened": {None: "a duty made firmer"},
    "prohibition.added": {None: "a new prohibition"},
    "prohibition.removed": {None: "a prohibition is gone"},
    "permission.added": {None: "a right or permission added (nobody is bound)"},
    "permission.removed": {None: "a right or permission is gone"},
    "condition.added": {
        HIGH: "a duty or guarantee made conditional: it may never bite",
        None: "a condition added",
    },
    "condition.removed": {None: "a condition is gone"},
    "value.changed": {
        HIGH: "an amount or percentage inside a duty or right",
        MEDIUM: "a duration, count or amount changed",
        LOW: "a date outside any duty (a draft date)",
    },
    "scope.changed": {
        HIGH: "what a grant or duty covers shrank or moved",
        None: "what a grant or duty covers changed",
    },
    "term.redefined": {None: "a definition changed: every clause using it changes meaning"},
    "reference.changed": {None: "a cross-reference now points elsewhere"},
    "party.renamed": {None: "a party or the entity behind it renamed"},
    "clause.added": {None: "a clause added"},
    "clause.removed": {None: "a clause removed"},
    "clause.modified": {None: "reworded; no change of duty, value or key clause found"},
    "clause.moved": {None: "a clause moved"},
    "clause.split": {None: "a clause split; its words stay"},
    "clause.merged": {None: "clauses merged; their words stay"},
}


def rule_reason(change: Change) -> str:
    """Why a change has its severity when nothing but its type's rule decides it."""
    reasons = _REASONS.get(change.type, {})
    return reasons.get(change.severity) or reasons.get(None) or CHANGE_TYPES[change.type]
