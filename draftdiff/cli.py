"""Provides the `draftdiff` command line: parsing arguments and reporting trouble.

    draftdiff OLD NEW [V3 ...]             the browser on a terminal; text summaries otherwise
    draftdiff browse OLD NEW [V3 ...]      the browser, always
    draftdiff demo                         the browser on the bundled sample drafts
    draftdiff diff OLD NEW [--format text|json|markdown|html] [-o FILE]
    draftdiff report OLD NEW -o report.html
    draftdiff history V1 V2 [V3 ...] | --git PATH [REV ...]  [--format ...] [-o FILE]
    draftdiff batch MANIFEST -o DIR [--html] [--json] [--policy FILE] [--executor dask]
    draftdiff redline OLD NEW -o redline.docx [--author NAME] [--date ISO] [--comments]
    draftdiff check OLD NEW --fail-on CODES | --policy FILE [--report FILE]
    draftdiff parse FILE [--format tree|json]
    draftdiff textconv FILE
    draftdiff schema list | show NAME | validate FILE

The commands live in draftdiff/commands/, one module each. Exit codes follow
diff(1): 0 fine, 1 differences (with --exit-code), 2 trouble. Trouble is one
line on stderr naming the file and the problem, never a traceback (set
DRAFTDIFF_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from draftdiff import __version__
from draftdiff.commands import COMMANDS
from draftdiff.commands.common import EXIT_OK, EXIT_TROUBLE
from draftdiff.errors import DraftdiffError
from draftdiff.limits import enforced

IMPLICIT = "browse"
"""The command `draftdiff OLD NEW` runs (it prints text summaries when not on a terminal)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    names = set(_command_names(parser))
    if args_list and not args_list[0].startswith("-") and args_list[0] not in names:
        args_list = [IMPLICIT, "--implicit", *args_list]
    try:
        args = parser.parse_args(args_list)
    except SystemExit as stop:  # argparse already printed its usage line
        return EXIT_TROUBLE if stop.code not in (0, None) else EXIT_OK
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        # The configured bounds (draftdiff/limits.py); the browser waits on its user, and
        # a batch bounds each pair instead of the whole run (draftdiff/batch/job.py).
        with enforced(timed=args.command not in ("browse", "demo", "batch")):
            return handler(args)
    except DraftdiffError as err:
        _fail(str(err))
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        _silence_stdout()
        return EXIT_OK
    except Exception as err:  # a bug; say so in one line
        if os.environ.get("DRAFTDIFF_DEBUG"):
            traceback.print_exc()
        _fail(
            f"internal error: {type(err).__name__}: {err} (please report this; "
            "DRAFTDIFF_DEBUG=1 shows details)"
        )
        return EXIT_TROUBLE


def run() -> None:
    """`python -m draftdiff`: exit with main()'s code."""
    sys.exit(main())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="draftdiff",
        description="Diff versions of draft agreements: who now owes what to whom.",
    )
    parser.add_argument("--version", action="version", version=f"draftdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for command in COMMANDS:
        command.register(sub)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _fail(message: str) -> None:
    # Exactly one line, whatever the message holds.
    sys.stderr.write("draftdiff: " + " ".join(message.split()) + "\n")


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
