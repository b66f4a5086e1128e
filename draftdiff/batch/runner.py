"""Provides a whole batch run: plan the jobs, skip those already done, run the rest,
write the outputs.

    OUT/results.jsonl      one summary per pair, in manifest order (summary.py)
    OUT/index.html         every pair in a sortable, filterable table, worst first
    OUT/pairs/ID.html      per-pair change reports, when asked for (and ID.json)
    OUT/state.jsonl        the finished pairs, for a rerun to skip (state.py)

Everything is checked before the output folder is touched (inputs readable, no output
landing on an input); results.jsonl and index.html are written, atomically, only by a
complete run, so an interrupted run leaves the previous run's outputs as they were
plus the state of the pairs it finished.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftdiff.batch.executors import Executor
from draftdiff.batch.job import Job, Source
from draftdiff.batch.manifest import Manifest
from draftdiff.batch.progress import Progress
from draftdiff.batch.state import (
    STATE_FILE,
    StateLog,
    content_digest,
    options_digest,
    pair_key,
    read_state,
    schema_digest,
)
from draftdiff.errors import DraftdiffError, InputError, OutputError
from draftdiff.output import write_atomic
from draftdiff.parse.given_parties import GivenParties
from draftdiff.policy import Policy

RESULTS_FILE = "results.jsonl"
INDEX_FILE = "index.html"


@dataclass(frozen=True)
class BatchOptions:
    """What applies to every pair of the batch."""

    out_dir: Path
    formats: tuple[str, ...] = ()
    schema: str | None = None
    """The schema of pairs for which the manifest names none (name or absolute path)."""
    view: str = "accepted"
    comments: bool = False
    parties: GivenParties = field(default_factory=GivenParties)
    policies: tuple[Policy, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What a complete run found."""

    summaries: tuple[dict[str, Any], ...]
    """One per pair, in manifest order."""
    reused: int
    seconds: float

    @property
    def failed(self) -> tuple[dict[str, Any], ...]:
        return tuple(s for s in self.summaries if s["status"] == "failed")

    @property
    def violating(self) -> tuple[dict[str, Any], ...]:
        return tuple(s for s in self.summaries if s["violations"])


def plan(manifest: Manifest, options: BatchOptions) -> list[Job]:
    """The jobs of a manifest, each with its key; InputError when an input cannot be read."""
    shared = options_digest(
        view=options.view,
        comments=options.comments,
        parties=options.parties,
        policies=options.policies,
        formats=options.formats,
    )
    out_dir = str(options.out_dir.resolve())
    digests: dict[Source, str] = {}
    jobs = []
    for spec in manifest.pairs:
        for source in (spec.old, spec.new):
            if source not in digests:
                try:
                    digests[source] = content_digest(source)
                except OSError as err:
                    raise InputError(f"cannot read: {err.strerror}", path=source.shown) from None
                except DraftdiffError as err:
                    raise InputError(err.message, path=spec.where, hint=err.hint) from None
        schema = spec.schema or manifest.schema or options.schema
        key = pair_key(
            spec.id,
            digests[spec.old],
            digests[spec.new],
            (spec.old.shown, spec.new.shown),
            schema_digest(schema),
            shared,
        )
        jobs.append(
            Job(
                id=spec.id,
                old=spec.old,
                new=spec.new,
                schema=schema,
                key=key,
                view=options.view,
                comments=options.comments,
                parties=options.parties,
                policies=options.policies,
                out_dir=out_dir,
                formats=options.formats,
            )
        )
    return jobs


def check_outputs(jobs: Sequence[Job], out_dir: Path, inputs: Sequence[str]) -> None:
    """OutputError when the output folder cannot be used or an output would land on an
    input file (an output folder that is the drafts' own folder is fine; overwriting a
    draft is not)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError("is not a folder", path=str(out_dir), hint="give a folder for -o")
    if not out_dir.exists() and not out_dir.parent.is_dir():
        raise OutputError("folder does not exist", path=str(out_dir.parent))
    taken = {str(Path(p).resolve()) for p in inputs}
    outputs = [RESULTS_FILE, INDEX_FILE, STATE_FILE]
    outputs += [job.report_path(fmt) for job in jobs for fmt in job.formats]
    for name in outputs:
        if str((out_dir / name).resolve()) in taken:
            raise OutputError(
                "refusing to overwrite an input document",
                path=str(out_dir / name),
                hint="choose another output folder",
            )


def execute(
    jobs: Sequence[Job],
    options: BatchOptions,
    executor: Executor,
    *,
    inputs: Sequence[str],
    title: str,
) -> Outcome:
    """Run the jobs not already done and write the outputs; KeyboardInterrupt leaves the
    finished pairs recorded in the state file."""
    started = time.monotonic()
    out_dir = options.out_dir
    out_dir.mkdir(exist_ok=True)
    if options.formats:
        (out_dir / "pairs").mkdir(exist_ok=True)
        # Half-written reports of a killed run (output.write_atomic's temporaries).
        for stale in (out_dir / "pairs").glob(".*.part"):
            stale.unlink(missing_ok=True)
    done = read_state(out_dir)
    results: dict[str, dict[str, Any]] = {}
    todo = []
    for job in jobs:
        earlier = done.get(job.key)
        if earlier is not None and all(
            (out_dir / path).is_file() for path in earlier.get("reports", {}).values()
        ):
            results[job.id] = {**earlier, "run": {**earlier.get("run", {}), "reused": True}}
        else:
            todo.append(job)
    log = StateLog(out_dir)
    reused = len(results)
    try:
        with Progress(len(jobs), reused=reused) as progress:

            def finished(summary: dict[str, Any]) -> None:
                results[summary["id"]] = summary
                log.record(summary)
                failed = summary["status"] == "failed"
                if failed:
                    progress.note(f"draftdiff: batch: {summary['id']}: {summary['error']}")
                progress.advance(failed)

            if todo:
                executor.run(todo, finished)
    finally:
        log.close()
    summaries = tuple(results[job.id] for job in jobs)
    write_outputs(summaries, out_dir, inputs=inputs, title=title)
    log.compact(summaries, inputs)
    return Outcome(summaries, reused, time.monotonic() - started)


def write_outputs(
    summaries: Sequence[dict[str, Any]], out_dir: Path, *, inputs: Sequence[str], title: str
) -> None:
    from draftdiff.render.batch_index import render_batch_index

    lines = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in summaries)
    write_atomic(out_dir / RESULTS_FILE, lines, inputs=inputs)
    write_atomic(out_dir / INDEX_FILE, render_batch_index(summaries, title), inputs=inputs)
