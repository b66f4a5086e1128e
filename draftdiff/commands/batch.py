"""Provides `draftdiff batch MANIFEST -o OUT`: many pairs in one run, on one machine or
on a Dask cluster.

    draftdiff batch pairs.yaml -o out/ [--html] [--json] [--policy FILE | --fail-on CODES]
    draftdiff batch drafts/ --rule against-template --template drafts/template.docx -o out/
    draftdiff batch pairs.csv -o out/ --executor dask --scheduler tcp://10.0.0.5:8786

The manifest format is in draftdiff/batch/manifest.py and the README. Outputs go to
OUT (draftdiff/batch/runner.py): results.jsonl, index.html, per-pair reports on
request, and the state that lets a rerun skip the pairs already done.

Exit codes mirror `draftdiff check`: 0 every pair compared and none broke the policy;
1 some pair broke it; 2 trouble, which includes a pair that could not be compared
(the others still run, and each failure is one line on stderr): a gate that could not
look at a pair has not passed it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from draftdiff.batch.pairing import FOLDER_RULES
from draftdiff.commands.check import add_check_options, check_parties
from draftdiff.commands.common import (
    EXIT_DIFFERENT,
    EXIT_OK,
    EXIT_TROUBLE,
    add_docx_options,
    add_party_options,
    add_schema_option,
)
from draftdiff.errors import InputError
from draftdiff.policy import Policy, load_policy, parse_codes, policy_from_codes


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "batch", help="compare many pairs (a manifest or a folder), locally or on Dask"
    )
    parser.add_argument(
        "manifest",
        metavar="MANIFEST",
        help="YAML or CSV manifest listing the pairs, or a folder with --rule",
    )
    parser.add_argument("-o", "--output", metavar="DIR", required=True, help="output folder")
    parser.add_argument("--html", action="store_true", help="write each pair's HTML report")
    parser.add_argument("--json", action="store_true", help="write each pair's JSON document")
    parser.add_argument(
        "--rule",
        choices=FOLDER_RULES,
        help="MANIFEST is a folder: how its files pair up",
    )
    parser.add_argument(
        "--template", metavar="FILE", help="the template, for --rule against-template"
    )
    parser.add_argument(
        "--glob", metavar="PATTERN", help="the folder's files to take (default: every document)"
    )
    parser.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="where pairs run: local worker processes (default) or a Dask cluster",
    )
    parser.add_argument(
        "--workers",
        metavar="N",
        type=int,
        default=None,
        help="local worker processes (default: one per core); with --executor dask and no "
        "--scheduler, the processes of the Dask cluster started for the run",
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="the Dask scheduler (e.g. tcp://10.0.0.5:8786)"
    )
    parser.add_argument(
        "--scheduler-timeout",
        metavar="SECONDS",
        type=float,
        default=10.0,
        help="how long to try reaching the scheduler (default 10)",
    )
    add_check_options(parser)
    add_schema_option(parser)
    add_docx_options(parser)
    add_party_options(parser)
    parser.set_defaults(handler=run)


def batch_policies(args: argparse.Namespace) -> tuple[Policy, ...]:
    """The policy the options name, for the whole batch (none is fine: no gate)."""
    found = []
    if args.fail_on:
        found.append(policy_from_codes(parse_codes(args.fail_on)))
    if args.policy:
        found.append(load_policy(args.policy))
    return tuple(found)


def run(args: argparse.Namespace) -> int:
    from draftdiff.batch.executors import DaskCluster, Executor, LocalPool
    from draftdiff.batch.manifest import folder_manifest, load_manifest
    from draftdiff.batch.runner import INDEX_FILE, BatchOptions, check_outputs, execute, plan

    workers = args.workers if args.workers is not None else os.cpu_count() or 1
    if workers < 1:
        raise InputError(f"--workers {workers}: needs at least one worker")
    if args.scheduler and args.executor != "dask":
        raise InputError("--scheduler needs --executor dask", path="--scheduler")
    policies = batch_policies(args)
    parties = check_parties(args, policies)
    schema = _schema(args.schema)
    if Path(args.manifest).is_dir() or args.rule:
        if not args.rule:
            raise InputError(
                "is a folder", path=args.manifest, hint=f"give --rule ({', '.join(FOLDER_RULES)})"
            )
        manifest = folder_manifest(args.manifest, args.rule, args.template, args.glob, schema)
    else:
        manifest = load_manifest(args.manifest)
    formats = tuple(f for f, wanted in (("html", args.html), ("json", args.json)) if wanted)
    options = BatchOptions(
        out_dir=Path(args.output),
        formats=formats,
        schema=schema,
        view=args.view,
        comments=args.comments,
        parties=parties,
        policies=policies,
    )
    inputs = [*manifest.files, *(p.source for p in policies if p.source)]
    jobs = plan(manifest, options)
    check_outputs(jobs, options.out_dir, inputs)
    executor: Executor = (
        DaskCluster(args.scheduler, workers, args.scheduler_timeout)
        if args.executor == "dask"
        else LocalPool(min(workers, len(jobs)))
    )
    # Connect (or start the cluster) before the output folder is touched: an unreachable
    # scheduler is trouble with nothing left behind.
    with executor:
        try:
            outcome = execute(jobs, options, executor, inputs=inputs, title=_title(args))
        except KeyboardInterrupt:
            sys.stderr.write(
                f"draftdiff: batch interrupted; finished pairs are kept in "
                f"{Path(args.output) / 'state.jsonl'}: run the same command again to finish\n"
            )
            raise
    out = sys.stdout
    for summary in outcome.violating:
        hits = summary["violations"]
        first = hits[0]
        more = f" (+{len(hits) - 1} more)" if len(hits) > 1 else ""
        where = ", ".join(first["clauses"]) or "—"
        out.write(f"FAIL {summary['id']}: {where}: {first['message']}{more}\n")
    total = len(outcome.summaries)
    computed = total - outcome.reused
    rate = computed / outcome.seconds if outcome.seconds > 0 else 0.0
    out.write(
        f"{total} pairs: {len(outcome.violating)} with violations, {len(outcome.failed)} "
        f"failed, {outcome.reused} reused from the last run; {computed} compared in "
        f"{outcome.seconds:.1f} s ({rate:.1f} pairs/s, {executor.name}, "
        f"{executor.workers} worker{'s' if executor.workers != 1 else ''}); "
        f"index: {Path(args.output) / INDEX_FILE}\n"
    )
    out.flush()
    if outcome.failed:
        return EXIT_TROUBLE
    return EXIT_DIFFERENT if outcome.violating else EXIT_OK


def _schema(value: str | None) -> str | None:
    """--schema as a worker loads it: a built-in name, or a file's absolute path; checked
    now, so a typo is one error rather than one per pair."""
    if value is None:
        return None
    from draftdiff.schema.load import builtin_schemas, find_schema

    find_schema(value)
    return value if value in builtin_schemas() else str(Path(value).resolve())


def _title(args: argparse.Namespace) -> str:
    """The index page's heading: the manifest as typed, or for a folder paired by a rule
    the folder's own name and the rule ("." or "drafts/" alone say little on the page)."""
    source = Path(args.manifest)
    if source.is_dir():
        return (
            f"{source.resolve().name}/ ({args.rule})" if args.rule else f"{source.resolve().name}/"
        )
    return str(args.manifest)
