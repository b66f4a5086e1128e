"""Provides the semantic reading as plain data and as short lines, for JSON and text views.

Shared by the comparison JSON (render/json.py), `draftdiff parse` (render/tree.py)
and the text report, so every view names the same things the same way:

    provision_data(p)   {"actor": "Velmora", "modality": "obligation", "cue": {...}, ...}
    provision_line(p)   "Velmora · obligation · “shall” · if: subject to … · 30 day"
"""

from __future__ import annotations

from typing import Any

from draftdiff.analyse.actors import JOINT
from draftdiff.analyse.modality import Cue
from draftdiff.analyse.provisions import Analysis, ClauseAnalysis, Provision
from draftdiff.diff.result import LEDGER_KINDS, Ledger, PartyLedger

LEDGER_DETAIL = ("qualified", "weak", "rights")


def cue_data(cue: Cue) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": cue.text,
        "start": cue.start,
        "end": cue.end,
        "rule": cue.rule,
    }
    if cue.note:
        data["note"] = cue.note
    return data


def provision_data(p: Provision) -> dict[str, Any]:
    """One provision as JSON-ready data (offsets are into the clause text)."""
    return {
        "actor": p.actor.name,
        "actor_kind": p.actor.kind,
        "actor_text": p.actor.text or None,
        "actor_rule": p.actor.rule or None,
        "parties": list(p.bearers),
        "modality": p.modality.value,
        "strength": p.strength,
        "cue": cue_data(p.cue),
        "conditional": p.conditional,
        "conditions": [
            {"cue": c.cue, "text": c.text, "start": c.start, "end": c.end, "rule": c.rule}
            for c in p.conditions
        ],
        "values": [
            {"kind": v.kind, "text": v.text, "start": v.start, "end": v.end, "key": v.key}
            for v in p.values
        ],
        "intensifiers": [cue_data(i) for i in p.intensifiers],
        "notes": list(p.notes),
        "sentence": list(p.sentence),
        "span": list(p.span),
        "action": p.action,
    }


def clause_data(read: ClauseAnalysis) -> dict[str, Any]:
    """What one clause holds, leaving out what is empty."""
    data: dict[str, Any] = {"provisions": [provision_data(p) for p in read.provisions]}
    if read.set_aside:
        data["set_aside"] = [cue_data(c) for c in read.set_aside]
    if read.references:
        data["references"] = [
            {
                "text": r.text,
                "start": r.start,
                "end": r.end,
                "target": r.target,
                "clause": r.clause,
            }
            for r in read.references
        ]
    if read.definitions:
        data["defines"] = [d.term for d in read.definitions]
    return data


def analysis_data(analysis: Analysis) -> dict[str, Any]:
    """Provisions by clause id (only clauses with findings) and defined terms."""
    clauses = {}
    for clause_id, read in analysis.clauses.items():
        if read.provisions or read.set_aside or read.references or read.definitions:
            clauses[clause_id] = clause_data(read)
    return {"clauses": clauses, "terms": terms_data(analysis)}


def terms_data(analysis: Analysis) -> dict[str, dict[str, Any]]:
    """Each defined term: where it is defined, how, and the clauses that use it."""
    return {
        term: {"clause": d.clause, "inline": d.inline, "used_in": list(analysis.uses.get(term, ()))}
        for term, d in analysis.definitions.items()
    }


def share_data(share: float | None) -> float | None:
    """A one-sidedness figure as JSON carries it: three decimals, or null."""
    return None if share is None else round(share, 3)


def ledger_data(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Each party's counts: every provision binding it, its own and the joint ones (as in
    format draftdiff/1 before joint provisions were kept apart), its duties, `own` (its
    own provisions only, which the one-sidedness reads) and the clauses of each kind."""
    out: dict[str, dict[str, Any]] = {}
    for own in ledger:
        entry = ledger.bound(own.party)
        counts: dict[str, Any] = entry.counts()
        counts["duties"] = entry.duties
        counts["own"] = entry_counts(own)
        counts["clauses"] = {
            kind: list(getattr(entry, kind)) for kind in (*LEDGER_KINDS, *LEDGER_DETAIL)
        }
        out[own.party] = counts
    return out


def entry_counts(entry: PartyLedger) -> dict[str, Any]:
    """One bearer's counts per kind, its duties and its clauses."""
    counts: dict[str, Any] = entry.counts()
    counts["duties"] = entry.duties
    counts["clauses"] = {
        kind: list(getattr(entry, kind)) for kind in (*LEDGER_KINDS, *LEDGER_DETAIL)
    }
    return counts


def provision_line(p: Provision) -> str:
    """A provision in a few words: who, what kind, the cue, conditions, values."""
    who = p.actor.name or "(nobody named)"
    if p.actor.kind == "joint":
        who = f"{JOINT} ({' '.join(p.actor.text.split())})"
    elif p.actor.kind == "nonparty":
        who = f"{who} (not a party)"
    parts = [who, p.modality.label, f"“{' '.join(p.cue.text.split())}”"]
    parts.extend(f"{c.cue.casefold()}: {_short(c.text)}" for c in p.conditions)
    if p.values:
        parts.append(", ".join(v.key for v in p.values))
    if p.intensifiers:
        parts.append("+ " + ", ".join(f"“{' '.join(i.text.split())}”" for i in p.intensifiers))
    parts.extend(p.notes)
    return " · ".join(parts)


def set_aside_line(cue: Cue) -> str:
    return f"not a provision: “{' '.join(cue.text.split())}” — {cue.note} ({cue.rule})"


def _short(text: str, words: int = 8) -> str:
    tokens = text.split()
    return " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")
