"""Provides `draftdiff redline OLD NEW -o redline.docx`: the changes as Word tracked changes.

The new version with every change as a tracked change (w:ins, w:del, moves), which
Word's "Accept All" turns into the new text and "Reject All" into the old; with
--comments, a Word comment on each clause the semantic layer found something in.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime

from draftdiff.commands.common import EXIT_OK, add_schema_option, load_pair
from draftdiff.errors import InputError, OutputError
from draftdiff.output import write_atomic

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "redline", help="write the new version as a Word document with tracked changes"
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("-o", "--output", metavar="FILE", help="the .docx to write")
    parser.add_argument(
        "--author", default="draftdiff", help="name the tracked changes carry (default: draftdiff)"
    )
    parser.add_argument(
        "--date",
        metavar="ISO",
        help="date and time of the tracked changes, e.g. 2026-03-01 or 2026-03-01T09:30:00Z "
        "(default: now, UTC)",
    )
    parser.add_argument(
        "--comments",
        action="store_true",
        help="add a Word comment on each clause with a semantic finding",
    )
    add_schema_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.output or args.output == "-":
        raise OutputError("a redline is a Word file", hint="give -o redline.docx")
    date = _date(args.date)
    if not args.author.strip():
        raise InputError("--author: empty name")
    from draftdiff.render.docx_redline import RedlineOptions, redline_docx

    comparison = load_pair(args.old, args.new, args.schema)
    redline = redline_docx(
        comparison, RedlineOptions(author=args.author.strip(), date=date, comments=args.comments)
    )
    write_atomic(args.output, redline.data, inputs=(args.old, args.new))
    if redline.unplaced:
        shown = ", ".join(redline.unplaced[:5])
        more = f" and {len(redline.unplaced) - 5} more" if len(redline.unplaced) > 5 else ""
        sys.stderr.write(
            f"draftdiff: note: {len(redline.unplaced)} clauses could not be placed in the "
            f"Word file and are not in the redline ({shown}{more})\n"
        )
    return EXIT_OK


def _date(given: str | None) -> str:
    """The w:date value: ISO 8601 in UTC, as Word writes it."""
    if given is None:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = given.strip()
    if not _DATE.match(text):
        raise InputError(f"--date: not an ISO date or date-time: {given!r}")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"--date: not a valid date: {given!r}") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
