"""Provides the summary of one pair: one JSON object, one line of results.jsonl.

    {"id", "old", "new", "schema", "status": "ok"|"failed", "error",
     "changes": {type: count}, "severity": {high, medium, low, info}, "substantive",
     "clauses": {status: count}, "ledger": {"old"|"new": {party: counts}},
     "one_sidedness": {"old", "new"}, "violations": [{rule, message, clauses}],
     "reports": {fmt: path}, "key", "run": {...}}

Everything but "run" depends only on the pair's inputs and options, so two
executors give equal summaries; "run" holds what does not (timings, the worker, and
whether the result was reused from an earlier run).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from draftdiff.diff.result import Comparison, Ledger, Severity
from draftdiff.policy import Violation
from draftdiff.render.provisions import share_data

if TYPE_CHECKING:
    from draftdiff.batch.job import Job

SEVERITIES = tuple(s.value for s in Severity)


def pair_summary(job: Job, comparison: Comparison, hits: Sequence[Violation]) -> dict[str, Any]:
    """The summary of a compared pair."""
    severity = Counter(c.severity.value for c in comparison.changes)
    return {
        **_head(job),
        "status": "ok",
        "error": None,
        "changes": dict(sorted(comparison.change_counts().items())),
        "severity": {s: severity.get(s, 0) for s in SEVERITIES},
        "substantive": len(comparison.substantive),
        "clauses": dict(sorted(comparison.status_counts().items())),
        "ledger": {
            "old": _ledger(comparison.ledger_old),
            "new": _ledger(comparison.ledger_new),
        },
        "one_sidedness": {
            "old": share_data(comparison.ledger_old.one_sidedness()),
            "new": share_data(comparison.ledger_new.one_sidedness()),
        },
        "violations": [
            {"rule": v.rule.name, "message": v.message, "clauses": list(v.clauses)} for v in hits
        ],
        "reports": {fmt: job.report_path(fmt) for fmt in job.formats},
        "key": job.key,
    }


def failed_summary(job: Job, reason: str) -> dict[str, Any]:
    """The summary of a pair that could not be compared: its one-line reason."""
    return {
        **_head(job),
        "status": "failed",
        "error": reason,
        "changes": {},
        "severity": dict.fromkeys(SEVERITIES, 0),
        "substantive": 0,
        "clauses": {},
        "ledger": {"old": {}, "new": {}},
        "one_sidedness": {"old": None, "new": None},
        "violations": [],
        "reports": {},
        "key": job.key,
    }


def _head(job: Job) -> dict[str, Any]:
    return {"id": job.id, "old": job.old.shown, "new": job.new.shown, "schema": job.schema}


def _ledger(ledger: Ledger) -> dict[str, dict[str, int]]:
    """Each party's counts of every provision binding it (own and joint), and its duties."""
    out: dict[str, dict[str, int]] = {}
    for own in ledger:
        entry = ledger.bound(own.party)
        counts = dict(entry.counts())
        counts["duties"] = entry.duties
        out[own.party] = counts
    return out


def worst_first(summary: Mapping[str, Any]) -> tuple[Any, ...]:
    """Sort key, worst pair first: failed pairs (nothing is known about them), then most
    policy violations, then most high, medium and low changes, then most substantive
    changes; ties by id, so the order is the same on every run."""
    severity = summary["severity"]
    return (
        summary["status"] != "failed",
        -len(summary["violations"]),
        -severity["high"],
        -severity["medium"],
        -severity["low"],
        -summary["substantive"],
        summary["id"],
    )


def without_run(summary: Mapping[str, Any]) -> dict[str, Any]:
    """The summary less what depends on the run (to compare two runs' results)."""
    return {k: v for k, v in summary.items() if k != "run"}
