"""Provides `draftdiff check OLD NEW`: the policy gate for CI.

    draftdiff check OLD NEW --fail-on guarantee.removed,obligation.reassigned
    draftdiff check OLD NEW --policy policy.yaml --report report.html
    draftdiff check V1 V2 V3 --fail-on guarantee.removed   (each step and V1 → V3)

Prints each violation with its clause and exits 1 when there is any, 0 when
there is none, 2 on trouble (unreadable documents, an invalid policy, an
unknown change type). `--report FILE` writes the change report in the same run,
whatever the outcome, so CI can publish it next to the verdict.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from draftdiff.commands.common import (
    EXIT_DIFFERENT,
    EXIT_OK,
    add_docx_options,
    add_party_options,
    add_schema_option,
    load_pair,
)
from draftdiff.diff.result import Comparison
from draftdiff.errors import InputError
from draftdiff.output import write_atomic
from draftdiff.parse.given_parties import (
    GivenParties,
    combine,
    load_parties_file,
    parse_party_option,
)
from draftdiff.policy import (
    Policy,
    Violation,
    evaluate,
    load_policy,
    parse_codes,
    policy_from_codes,
)

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help="fail (exit 1) when changes break a policy")
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument(
        "more",
        metavar="V3",
        nargs="*",
        help="further versions, oldest first: every consecutive pair and first → last are checked",
    )
    add_check_options(parser)
    parser.add_argument(
        "--report", metavar="FILE", help="also write the change report (.html, .md or .json)"
    )
    parser.add_argument(
        "--report-format",
        choices=("html", "markdown", "json", "text"),
        help="format of --report (default: from its extension, else html)",
    )
    add_schema_option(parser)
    add_docx_options(parser)
    add_party_options(parser)
    parser.set_defaults(handler=run)


def add_check_options(parser: argparse.ArgumentParser) -> None:
    """The policy options, shared with the pre-commit hook."""
    parser.add_argument(
        "--fail-on",
        metavar="CODES",
        action="append",
        default=[],
        help="comma-separated change types that fail the check (e.g. guarantee.removed,"
        "obligation.*); may be repeated",
    )
    parser.add_argument("--policy", metavar="FILE", help="YAML policy file with rules")


def policies(args: argparse.Namespace) -> tuple[Policy, ...]:
    """The policies the options name; InputError when there is none."""
    found = []
    if args.fail_on:
        found.append(policy_from_codes(parse_codes(args.fail_on)))
    if args.policy:
        found.append(load_policy(args.policy))
    if not found:
        raise InputError("nothing to check", hint="give --fail-on CODES or --policy FILE")
    return tuple(found)


def violations(found: Sequence[Policy], comparison: Comparison) -> tuple[Violation, ...]:
    return tuple(v for policy in found for v in evaluate(policy, comparison))


def print_verdict(
    comparison: Comparison,
    found: Sequence[Policy],
    hits: Sequence[Violation],
    out: TextIO,
    report: str | None = None,
) -> None:
    """One line per violation (clause first), then a one-line verdict."""
    out.write(f"draftdiff check: {comparison.old.path} → {comparison.new.path}\n")
    for warning in comparison.warnings:
        out.write(f"warning: {warning.message}\n")
    for hit in hits:
        where = ", ".join(hit.clauses) if hit.clauses else "—"
        out.write(f"FAIL {where}: {hit.message}  [rule: {hit.rule.name}]\n")
    rules = sum(len(p.rules) for p in found)
    checked = f"{rules} rule{'s' if rules != 1 else ''}, {len(comparison.changes)} changes checked"
    if hits:
        out.write(f"{len(hits)} violation{'s' if len(hits) != 1 else ''} ({checked})")
    else:
        out.write(f"passed: no violations ({checked})")
    out.write(f"; report: {report}\n" if report else "\n")
    out.flush()


def check_parties(args: argparse.Namespace, found: Sequence[Policy]) -> GivenParties:
    """The parties the policy files, --parties and --party name, checked together (a name
    or alias given for two parties is an error naming where each came from)."""
    sources = [(p.parties, p.source) for p in found if p.parties]
    if getattr(args, "parties", None):
        sources.append((load_parties_file(args.parties), args.parties))
    if getattr(args, "party", None):
        sources.append((tuple(parse_party_option(v) for v in args.party), "--party"))
    return combine(sources)


def run(args: argparse.Namespace) -> int:
    found = policies(args)
    if args.more:
        return run_versions(args, found, [args.old, args.new, *args.more])
    comparison = load_pair(
        args.old,
        args.new,
        args.schema,
        view=args.view,
        comments=args.comments,
        parties=check_parties(args, found),
    )
    hits = violations(found, comparison)
    if args.report:
        write_report(comparison, args.report, args.report_format, inputs=(args.old, args.new))
    print_verdict(comparison, found, hits, sys.stdout, args.report)
    return EXIT_DIFFERENT if hits else EXIT_OK


def run_versions(args: argparse.Namespace, found: Sequence[Policy], paths: list[str]) -> int:
    """Several versions: a verdict per consecutive pair and for first → last; exit 1 when
    any has a violation. --report is the report of first → last."""
    from draftdiff.history.pairs import checked_pairs
    from draftdiff.parse.document import parse_file

    given = check_parties(args, found)
    docs = [
        given.apply(parse_file(p, args.schema, view=args.view, comments=args.comments))
        for p in paths
    ]
    failed = False
    for _, _, comparison in checked_pairs(docs):
        hits = violations(found, comparison)
        failed = failed or bool(hits)
        last = comparison.old is docs[0] and comparison.new is docs[-1]
        if args.report and last:
            write_report(comparison, args.report, args.report_format, inputs=paths)
        print_verdict(comparison, found, hits, sys.stdout, args.report if last else None)
    return EXIT_DIFFERENT if failed else EXIT_OK


def write_report(
    comparison: Comparison, path: str, fmt: str | None, *, inputs: Sequence[str]
) -> None:
    from draftdiff.commands.diff import render

    fmt = fmt or REPORT_FORMATS.get(Path(path).suffix.lower(), "html")
    write_atomic(path, render(comparison, fmt), inputs=inputs)
