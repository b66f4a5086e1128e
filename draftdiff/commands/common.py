"""Provides what several commands share: options, exit codes, writing results."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.output import write_atomic
from draftdiff.parse.document import parse_file
from draftdiff.parse.given_parties import GivenParties, from_options

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


def add_schema_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--schema",
        metavar="NAME|PATH",
        help="schema to structure documents with (default: best fit)",
    )


def add_docx_options(parser: argparse.ArgumentParser) -> None:
    """--view and --comments: how Word files with tracked changes and comments are read."""
    parser.add_argument(
        "--view",
        choices=("accepted", "original"),
        default="accepted",
        help="Word files with tracked changes: read them with every change accepted "
        "(default) or rejected (original)",
    )
    parser.add_argument(
        "--comments",
        action="store_true",
        help="Word files: include comments in the text of the clause they are anchored in",
    )


def add_party_options(parser: argparse.ArgumentParser) -> None:
    """--party and --parties: name the parties instead of finding them."""
    parser.add_argument(
        "--party",
        metavar="NAME=ALIAS,...",
        action="append",
        default=[],
        help="a party and the other names it goes by (repeat for each party); given "
        "parties replace the ones found automatically",
    )
    parser.add_argument(
        "--parties",
        metavar="FILE",
        help="YAML file with a `parties:` mapping (name: [aliases]) naming the parties",
    )


def given_parties(args: argparse.Namespace) -> GivenParties:
    """The parties --party and --parties name (none when neither is given)."""
    return from_options(getattr(args, "party", None) or [], getattr(args, "parties", None))


def load_pair(
    old: str,
    new: str,
    schema: str | None,
    *,
    view: str = "accepted",
    comments: bool = False,
    parties: GivenParties | None = None,
) -> Comparison:
    """Parse two versions and compare them (with the given parties, if any)."""
    given = parties or GivenParties()
    return compare(
        given.apply(parse_file(old, schema, view=view, comments=comments)),
        given.apply(parse_file(new, schema, view=view, comments=comments)),
    )


def emit(content: str, output: str | None, *, inputs: Sequence[str]) -> None:
    """Write to `output` atomically, or to stdout when there is none (or "-")."""
    if output and output != "-":
        write_atomic(output, content, inputs=inputs)
    else:
        sys.stdout.write(content)
        sys.stdout.flush()


def use_color(choice: str, output: str | None) -> bool:
    """Whether to colour text output: --color, then NO_COLOR, then is stdout a terminal."""
    if choice != "auto":
        return choice == "always"
    if output and output != "-":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def terminal_width() -> int:
    try:
        return max(60, min(os.get_terminal_size().columns, 140))
    except OSError:
        return 100
