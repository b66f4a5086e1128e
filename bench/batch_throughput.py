"""Measures `draftdiff batch` throughput: pairs per second for 1,000 generated pairs on the
local process pool and on a Dask LocalCluster, with 1 and 2 workers, and where the time
goes.

Each configuration runs the same batch from scratch (a fresh output folder, so nothing
is reused) through the same code as the command (batch/runner.py), writing each pair's
JSON document, results.jsonl and index.html. The breakdown:

    compute      time inside the workers per pair (parse, compare, policy, summary,
                 rendering the per-pair JSON), summed over pairs, divided by workers
    pair writes  writing the per-pair JSON files (inside the workers), / workers
    final writes results.jsonl, index.html and the state file (the client, once)
    startup      until the executor can take work: spawning the pool's processes, or
                 starting the LocalCluster and connecting (measured apart for Dask)
    overhead     the rest of the wall time: handing jobs out, pickling them and the
                 summaries, the client recording each result, and idle workers

    python -m bench.batch_throughput [--pairs 1000] [--out bench/results/batch.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.batch_drafts import write_manifest, write_pairs
from draftdiff.batch.executors import DaskCluster, Executor, LocalPool, OnResult
from draftdiff.batch.job import Job
from draftdiff.batch.manifest import load_manifest
from draftdiff.batch.runner import BatchOptions, execute, plan, write_outputs
from draftdiff.policy import parse_codes, policy_from_codes


class Timed(Executor):
    """An executor that notes when the first result came back."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.name = inner.name
        self.workers = inner.workers
        self.started = 0.0
        self.first = 0.0

    def run(self, jobs: Sequence[Job], on_result: OnResult) -> None:
        self.started = time.perf_counter()

        def noted(summary: dict[str, Any]) -> None:
            if not self.first:
                self.first = time.perf_counter()
            on_result(summary)

        self.inner.run(jobs, noted)


def measure(name: str, inner: Executor, jobs: list[Job], options: BatchOptions) -> dict[str, Any]:
    if options.out_dir.exists():
        shutil.rmtree(options.out_dir)
    timed = Timed(inner)
    setup = time.perf_counter()
    with inner:
        connected = time.perf_counter() - setup
        timed.workers = inner.workers
        wall_start = time.perf_counter()
        outcome = execute(jobs, options, timed, inputs=[], title="bench")
        wall = time.perf_counter() - wall_start
    runs = [s["run"]["seconds"] for s in outcome.summaries]
    assert not outcome.failed, outcome.failed[:1]
    workers = timed.workers
    compute = sum(r["total"] - r.get("write", 0.0) for r in runs)
    writes = sum(r.get("write", 0.0) for r in runs)
    final = time.perf_counter()
    write_outputs(outcome.summaries, options.out_dir, inputs=[], title="bench")
    final = time.perf_counter() - final
    # The first result arrives after startup plus one pair's work.
    first_pair = runs[0]["total"] if runs else 0.0
    startup = max(0.0, timed.first - timed.started - first_pair) if timed.first else 0.0
    overhead = wall - compute / workers - writes / workers - final - startup
    return {
        "name": name,
        "workers": workers,
        "pairs": len(jobs),
        "wall": wall,
        "rate": len(jobs) / wall,
        "connect": connected,
        "compute": compute / workers,
        "per_pair_ms": 1000 * compute / len(jobs),
        "writes": writes / workers,
        "final": final,
        "startup": startup,
        "overhead": overhead,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--out", default="bench/results/batch.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="draftdiff-batch-bench-") as scratch:
        work = Path(scratch)
        made = time.perf_counter()
        manifest_path = write_manifest(work / "pairs.csv", write_pairs(work / "drafts", args.pairs))
        made = time.perf_counter() - made
        manifest = load_manifest(str(manifest_path))
        options = BatchOptions(
            out_dir=work / "out",
            formats=("json",),
            policies=(policy_from_codes(parse_codes(["guarantee.removed"])),),
        )
        planned = time.perf_counter()
        jobs = plan(manifest, options)
        planned = time.perf_counter() - planned
        rows = []
        for workers in (1, 2):
            rows.append(measure("local pool", LocalPool(workers), jobs, options))
            print(rows[-1], flush=True)
        from distributed import LocalCluster

        for workers in (1, 2):
            started = time.perf_counter()
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            cluster_start = time.perf_counter() - started
            try:
                row = measure(
                    "Dask LocalCluster",
                    DaskCluster(cluster.scheduler_address, workers),
                    jobs,
                    options,
                )
            finally:
                cluster.close()
            row["cluster_start"] = cluster_start
            rows.append(row)
            print(rows[-1], flush=True)
    Path(args.out).write_text(report(rows, args.pairs, made, planned), encoding="utf-8")
    print(f"wrote {args.out}")


def report(rows: list[dict[str, Any]], pairs: int, made: float, planned: float) -> str:
    load = os.getloadavg()
    lines = [
        "# `draftdiff batch` throughput",
        "",
        f"{pairs} generated pairs (bench/batch_drafts.py: two-party supply agreements of six "
        "or seven clauses, each pair with a different mix of a weakened duty, a removed "
        "guarantee, a changed amount, a new condition, a reassigned right), a policy "
        "(`--fail-on guarantee.removed`) and each pair's JSON document written. "
        "Each configuration starts from an empty output folder.",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, **shared with three other engineers' builds and tests "
        f"while this ran** (load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at "
        "the end): absolute figures are noisy and low; the ratios are the point.",
        "",
        f"Generating the drafts took {made:.1f} s; planning (reading and hashing the "
        f"{2 * pairs} inputs, the keys for resuming) {planned:.2f} s.",
        "",
        "| executor | workers | wall s | pairs/s | speed-up | compute s | per pair ms | "
        "pair writes s | final writes s | startup s | overhead s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    base: dict[str, float] = {}
    for r in rows:
        base.setdefault(r["name"], r["rate"])
        lines.append(
            f"| {r['name']} | {r['workers']} | {r['wall']:.1f} | {r['rate']:.1f} | "
            f"{r['rate'] / base[r['name']]:.2f}× | {r['compute']:.1f} | "
            f"{r['per_pair_ms']:.1f} | {r['writes']:.2f} | {r['final']:.2f} | "
            f"{r['startup']:.2f} | {r['overhead']:.1f} |"
        )
    dask = [r for r in rows if "cluster_start" in r]
    if dask:
        lines += [
            "",
            "Starting the LocalCluster (not in the wall time above; a real cluster is "
            "already running): "
            + ", ".join(f"{r['workers']} worker(s) {r['cluster_start']:.1f} s" for r in dask)
            + ".",
        ]
    lines += [
        "",
        "Columns: *compute* is the time inside the workers (parse, compare, policy, summary, "
        "rendering the per-pair JSON) summed over pairs and divided by the workers; "
        "*pair writes* the same for writing the per-pair files; *final writes* results.jsonl, "
        "index.html and the state file; *startup* the time until the executor takes work "
        "(spawning pool processes, which import draftdiff); *overhead* what is left of the "
        "wall time: handing out jobs and pickling jobs and summaries, the client recording "
        "each result (the state line, the progress), and workers waiting.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
