"""Provides the `draftdiff/1` JSON document (see README, "JSON format").

Additions are fine within format draftdiff/1; renaming or removing a key needs
a new format version, because CI scripts read this.
"""

from __future__ import annotations

import json
from typing import Any

from draftdiff import __version__
from draftdiff.diff.ledger import ledger_delta
from draftdiff.diff.result import (
    Change,
    ClausePair,
    Comparison,
    Op,
)
from draftdiff.model import Document
from draftdiff.render.provisions import analysis_data, entry_counts, ledger_data, share_data

FORMAT = "draftdiff/1"
_OPS = {Op.EQUAL: "=", Op.DELETE: "-", Op.INSERT: "+"}


def to_data(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    return {
        "format": FORMAT,
        "generator": f"draftdiff {__version__}",
        "old": _side(comparison.old),
        "new": _side(comparison.new),
        "summary": {
            "clauses": dict(sorted(comparison.status_counts().items())),
            "changes": dict(sorted(comparison.change_counts().items())),
            "substantive": len(comparison.substantive),
        },
        "ledger": {
            "old": ledger_data(comparison.ledger_old),
            "new": ledger_data(comparison.ledger_new),
            "one_sidedness": {
                "old": share_data(comparison.ledger_old.one_sidedness()),
                "new": share_data(comparison.ledger_new.one_sidedness()),
                "basis": "own duties",
                "note": {
                    "old": comparison.ledger_old.balance_note() or None,
                    "new": comparison.ledger_new.balance_note() or None,
                },
            },
            "delta": ledger_delta(comparison.ledger_old, comparison.ledger_new),
            "joint": {
                "old": entry_counts(comparison.ledger_old.joint),
                "new": entry_counts(comparison.ledger_new.joint),
            },
            "others": {
                "old": {e.party: entry_counts(e) for e in comparison.ledger_old.others},
                "new": {e.party: entry_counts(e) for e in comparison.ledger_new.others},
            },
        },
        "warnings": [
            {"code": w.code, "side": w.side, "message": w.message, "clauses": list(w.clauses)}
            for w in comparison.warnings
        ],
        "changes": [_change(c) for c in comparison.changes],
        "clauses": [_pair(p, comparison) for p in comparison.pairs],
        "analysis": {
            side: analysis_data(analysis)
            for side, analysis in (
                ("old", comparison.analysis_old),
                ("new", comparison.analysis_new),
            )
            if analysis is not None
        },
    }


def render_json(comparison: Comparison) -> str:
    """The comparison as an indented JSON text ending in a newline."""
    return json.dumps(to_data(comparison), ensure_ascii=False, indent=2) + "\n"


def _side(doc: Document) -> dict[str, Any]:
    side: dict[str, Any] = {
        "path": doc.path,
        "title": doc.title,
        "format": doc.format,
        "schema": doc.schema,
        "parties": [
            {"name": p.name, "aliases": list(p.aliases), "found": p.found} for p in doc.parties
        ],
        "clause_count": doc.clause_count,
        "fallback": doc.fallback or None,
        "notes": list(doc.notes),
    }
    if doc.format == "docx":
        side.update(word_fields(doc))
    return side


def word_fields(doc: Document) -> dict[str, Any]:
    """What only a Word file has: the tracked-change view read, the pending revisions
    and their authors, and the headers and footers (keys present for .docx sides only)."""
    return {
        "view": doc.view or None,
        "pending_revisions": {
            "count": doc.pending_revisions,
            "authors": list(doc.revision_authors),
        },
        "page_texts": [{"kind": p.kind, "place": p.place, "text": p.text} for p in doc.page_texts],
    }


def _change(change: Change) -> dict[str, Any]:
    return {
        "type": change.type,
        "facets": list(change.facets),
        "severity": change.severity.value,
        "party": change.party,
        "old_clause": change.old_clause,
        "new_clause": change.new_clause,
        "summary": change.summary,
        "reason": change.reason,
        "reason_kind": change.reason_kind,
        "evidence": [
            {
                "side": e.side,
                "clause": e.clause,
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "rule": e.rule,
            }
            for e in change.evidence
        ],
    }


def _pair(pair: ClausePair, comparison: Comparison) -> dict[str, Any]:
    old_numbers = [comparison.old.clause(i).number for i in pair.old]
    new_numbers = [comparison.new.clause(i).number for i in pair.new]
    return {
        "status": pair.status.value,
        "old": list(pair.old),
        "new": list(pair.new),
        "old_number": old_numbers[0] if old_numbers else None,
        "new_number": new_numbers[0] if new_numbers else None,
        "similarity": pair.similarity,
        "cosmetic": pair.cosmetic,
        "edits": [[_OPS[e.op], e.text] for e in pair.edits],
    }
