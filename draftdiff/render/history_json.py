"""Provides the `draftdiff-history/1` JSON of a History (README: "JSON history format").

Versions are numbered from 1 in the JSON ("version": 1 is the oldest), as the
reports name them v1, v2, ...; clause ids are those of each version's own tree.
"""

from __future__ import annotations

import json
from typing import Any

from draftdiff import __version__
from draftdiff.diff.ledger import ledger_delta
from draftdiff.history import History
from draftdiff.history.lineage import ClauseLineage
from draftdiff.history.provisions import ProvisionLineage, ProvisionState
from draftdiff.history.trend import balances
from draftdiff.render.redline import ChangeIndex

FORMAT = "draftdiff-history/1"


def history_data(history: History) -> dict[str, Any]:
    indexes = [ChangeIndex(c) for c in history.comparisons]
    names = [v.short for v in history.versions]
    ledgers = [v.ledger for v in history.versions]
    return {
        "format": FORMAT,
        "generator": f"draftdiff {__version__}",
        "versions": [
            {
                "version": v.index + 1,
                "label": v.label,
                "path": v.document.path,
                "source": v.source,
                "title": v.document.title,
                "schema": v.document.schema,
                "clauses": v.document.clause_count,
                "parties": [p.name for p in v.document.parties],
            }
            for v in history.versions
        ],
        "parties": list(history.parties),
        "ledger": [
            {
                "version": b.version + 1,
                "one_sidedness": None if b.one_sidedness is None else round(b.one_sidedness, 3),
                "heaviest": b.heaviest,
                "parties": {
                    t.party: {
                        k: getattr(t.points[b.version], k)
                        for k in (
                            "obligation",
                            "prohibition",
                            "permission",
                            "guarantee",
                            "qualified",
                            "weak",
                            "duties",
                        )
                    }
                    for t in history.trends
                    if t.points[b.version].present
                },
            }
            for b in balances(ledgers)
        ],
        "steps": [
            {
                "from": k + 1,
                "to": k + 2,
                "clauses": dict(sorted(c.status_counts().items())),
                "changes": dict(sorted(c.change_counts().items())),
                "ledger_delta": ledger_delta(c.ledger_old, c.ledger_new),
                "changes_by_party": _by_party(c),
            }
            for k, c in enumerate(history.comparisons)
        ],
        "clauses": [_clause(history, lineage, indexes, names) for lineage in history.clauses],
        "provisions": [_provision(p, names) for p in history.provisions],
    }


def render_history_json(history: History) -> str:
    return json.dumps(history_data(history), ensure_ascii=False, indent=2) + "\n"


def _by_party(comparison: Any) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for change in comparison.changes:
        if change.party:
            row = out.setdefault(change.party, {})
            row[change.type] = row.get(change.type, 0) + 1
    return {p: dict(sorted(row.items())) for p, row in out.items()}


def _clause(
    history: History, lineage: ClauseLineage, indexes: list[ChangeIndex], names: list[str]
) -> dict[str, Any]:
    latest = history.versions[lineage.last].document.clause(lineage.steps[lineage.last].ids[0])
    versions = []
    for step in lineage.steps:
        entry: dict[str, Any] = {
            "version": step.version + 1,
            "ids": list(step.ids),
            "status": step.status,
        }
        if step.reverted_to is not None:
            entry["reverted_to"] = step.reverted_to + 1
        if step.minor:
            entry["minor"] = True
        if step.changed:
            comparison = history.comparisons[step.version - 1]
            found = sorted(
                {
                    n
                    for p in step.pairs
                    for n in indexes[step.version - 1].changes_of(comparison.pairs[p])
                }
            )
            entry["changes"] = [
                {
                    "type": comparison.changes[n].type,
                    "severity": comparison.changes[n].severity.value,
                    "party": comparison.changes[n].party,
                    "summary": comparison.changes[n].summary,
                }
                for n in found
            ]
        versions.append(entry)
    return {
        "lineage": lineage.key,
        "label": lineage.label,
        "heading": latest.heading,
        "changed": lineage.changed,
        "flip_flop": lineage.flip_flop,
        "story": lineage.story(names),
        "versions": versions,
    }


def _provision(lineage: ProvisionLineage, names: list[str]) -> dict[str, Any]:
    return {
        "lineage": lineage.key,
        "clause_lineage": lineage.clause,
        "description": lineage.description,
        "parties": list(lineage.parties),
        "changed": lineage.changed,
        "flip_flop": lineage.flip_flop,
        "story": lineage.story(names),
        "versions": [_state(s) for s in lineage.states],
        "events": [
            {"version": e.version + 1, "kind": e.kind, "detail": e.detail} for e in lineage.events
        ],
    }


def _state(state: ProvisionState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "clause": state.clause,
        "modality": state.modality.value,
        "cue": state.cue,
        "parties": list(state.parties),
        "actor": state.actor,
        "conditions": list(state.conditions),
        "gist": state.gist,
    }
