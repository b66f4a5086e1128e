"""Provides one pair's job: what a worker does with it, on any executor.

A job is plain, picklable data (frozen dataclasses of strings and tuples), so the
local pool and a Dask cluster run the same function, `run_job`, and give the same
result. Inputs are read by path (a Dask worker must see the same files at the same
paths); per-pair reports are written by the worker, atomically, into the output
folder. A pair that cannot be compared gives a failed result with its one-line
reason; `run_job` never raises for a bad document.
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from draftdiff.errors import DraftdiffError
from draftdiff.model import Document
from draftdiff.parse.given_parties import GivenParties
from draftdiff.policy import Policy


@dataclass(frozen=True)
class Source:
    """One side of a pair: a file, or a file as it stood in a git commit."""

    shown: str
    """How reports name it: the path as the manifest gives it, or "1a2b3c4:msa.md"."""
    path: str
    """The file to read (absolute); for a git revision, the repository's top folder."""
    commit: str = ""
    """The commit, for a git revision ("" for a plain file)."""
    repo_path: str = ""
    """The file's path in that commit, for a git revision."""
    date: str = ""
    """Commit date (YYYY-MM-DD) of a git revision, else ""."""
    author: str = ""

    def read(self, schema: str | None, *, view: str, comments: bool) -> Document:
        from draftdiff.parse.document import parse_file

        if self.commit:
            from draftdiff.history.git import Revision, parse_revision

            rev = Revision(self.commit, self.repo_path, self.date, self.author)
            return parse_revision(
                Path(self.path), rev, schema, view=view, comments=comments, where=self.shown
            )
        try:
            document = parse_file(self.path, schema, view=view, comments=comments)
        except DraftdiffError as err:
            # Name the file as the manifest does, not by its absolute path.
            if err.path == self.path:
                err.path = self.shown
            raise
        return replace(document, path=self.shown)


@dataclass(frozen=True)
class Job:
    """One pair to compare, with everything a worker needs and nothing else."""

    id: str
    old: Source
    new: Source
    schema: str | None
    """Schema name or absolute path; None for the best fit."""
    key: str
    """The hash of the inputs and options (state.py): the same key, the same result."""
    view: str = "accepted"
    comments: bool = False
    parties: GivenParties = field(default_factory=GivenParties)
    policies: tuple[Policy, ...] = ()
    out_dir: str = ""
    """The output folder (absolute), where per-pair reports go."""
    formats: tuple[str, ...] = ()
    """Per-pair reports to write: "html", "json"."""

    def report_path(self, fmt: str) -> str:
        """Where the per-pair report of `fmt` goes, relative to the output folder."""
        return f"pairs/{self.id}.{fmt}"


def run_job(job: Job) -> dict[str, Any]:
    """Compare one pair: its summary (summary.py), with per-phase timings under "run"."""
    from draftdiff.batch.summary import failed_summary, pair_summary

    started = time.perf_counter()
    timings: dict[str, float] = {}
    try:
        from draftdiff.diff.compare import compare
        from draftdiff.policy import evaluate

        mark = time.perf_counter()
        old = job.parties.apply(job.old.read(job.schema, view=job.view, comments=job.comments))
        new = job.parties.apply(job.new.read(job.schema, view=job.view, comments=job.comments))
        timings["parse"] = time.perf_counter() - mark
        mark = time.perf_counter()
        comparison = compare(old, new)
        hits = tuple(v for policy in job.policies for v in evaluate(policy, comparison))
        summary = pair_summary(job, comparison, hits)
        timings["compare"] = time.perf_counter() - mark
        timings["render"], timings["write"] = _write_reports(job, comparison)
    except DraftdiffError as err:
        summary = failed_summary(job, " ".join(str(err).split()))
    except MemoryError:
        summary = failed_summary(job, "ran out of memory")
    except Exception as err:  # a bug on one pair must not stop the batch
        summary = failed_summary(job, f"internal error: {type(err).__name__}: {err}")
    timings["total"] = time.perf_counter() - started
    summary["run"] = {
        "seconds": {k: round(v, 6) for k, v in timings.items()},
        "worker": f"{socket.gethostname()}:{os.getpid()}",
        "reused": False,
    }
    return summary


def run_job_bounded(job: Job) -> dict[str, Any]:
    """`run_job` within the configured time and memory bounds (draftdiff/limits.py), per
    pair: for a local pool worker, whose jobs run on its main thread one at a time."""
    from draftdiff.batch.summary import failed_summary
    from draftdiff.limits import enforced

    try:
        with enforced():
            return run_job(job)
    except DraftdiffError as err:  # the time limit can strike outside run_job's own handler
        summary = failed_summary(job, " ".join(str(err).split()))
        summary["run"] = {"seconds": {}, "worker": f"{socket.gethostname()}:{os.getpid()}"}
        summary["run"]["reused"] = False
        return summary


def _write_reports(job: Job, comparison: Any) -> tuple[float, float]:
    """Render and write the requested per-pair reports; (render seconds, write seconds)."""
    from draftdiff.commands.diff import render
    from draftdiff.output import write_atomic

    rendering = writing = 0.0
    inputs = [s.path for s in (job.old, job.new) if not s.commit]
    for fmt in job.formats:
        mark = time.perf_counter()
        content = render(comparison, fmt)
        rendering += time.perf_counter() - mark
        mark = time.perf_counter()
        write_atomic(Path(job.out_dir) / job.report_path(fmt), content, inputs=inputs)
        writing += time.perf_counter() - mark
    return rendering, writing
