"""Provides `draftdiff report OLD NEW -o report.html`: the change report as one file.

The same report as `draftdiff diff --format html` (or `--format markdown` for a
pull-request comment); the HTML is self-contained and opens from file://.
"""

from __future__ import annotations

import argparse
import sys

from draftdiff.commands.common import (
    EXIT_OK,
    add_docx_options,
    add_party_options,
    add_schema_option,
    emit,
    given_parties,
    load_pair,
)
from draftdiff.errors import OutputError

FORMATS = ("html", "markdown")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "report", help="write a self-contained HTML change report (or Markdown for a PR)"
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- for stdout)")
    parser.add_argument("--format", choices=FORMATS, default="html")
    add_schema_option(parser)
    add_docx_options(parser)
    add_party_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.output is None and args.format == "html" and sys.stdout.isatty():
        # A page of HTML on a terminal helps nobody; say what to do instead.
        raise OutputError("the report is an HTML file", hint="give -o report.html")
    from draftdiff.commands.diff import render

    comparison = load_pair(
        args.old,
        args.new,
        args.schema,
        view=args.view,
        comments=args.comments,
        parties=given_parties(args),
    )
    emit(render(comparison, args.format), args.output, inputs=(args.old, args.new))
    return EXIT_OK
