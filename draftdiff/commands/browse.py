"""Provides `draftdiff browse V1 V2 [V3 ...]` and the bare `draftdiff V1 V2 [V3 ...]`.

`browse` always opens the terminal browser. The bare form opens it when standard input
and output are both terminals; otherwise (a pipe, a file, CI) it prints the text
summary of each pair of consecutive versions, so scripts get text, never escape codes.

Files that cannot be read are reported before the browser starts: one line, exit 2.
The browser's own exit code is passed on (Textual's `App.run()` returns normally after
a crash, with `return_code` 1).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path

from draftdiff.commands.common import (
    EXIT_OK,
    add_party_options,
    add_schema_option,
    emit,
    given_parties,
    terminal_width,
    use_color,
)
from draftdiff.diff.compare import compare
from draftdiff.errors import InputError
from draftdiff.parse.document import TEXT_READERS, parse_file, read_bytes
from draftdiff.parse.encoding import decode
from draftdiff.parse.given_parties import GivenParties


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("browse", help="browse the changes in the terminal")
    parser.add_argument("versions", nargs="+", metavar="VERSION", help="two or more drafts")
    parser.add_argument(
        "--pair",
        metavar="I:J",
        help="versions to compare first, counted from 1 (default: the last two)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour of the text summary printed when not on a terminal",
    )
    parser.add_argument("--implicit", action="store_true", help=argparse.SUPPRESS)
    add_schema_option(parser)
    add_party_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    versions: list[str] = args.versions
    if len(versions) < 2:
        raise InputError("give at least two versions to compare", path=versions[0])
    pair = parse_pair(args.pair, len(versions))
    parties = given_parties(args)
    if args.implicit and not on_terminal():
        return print_summaries(versions, args.schema, args.color, parties)
    for path in versions:
        check_readable(path)
    return open_browser(versions, schema=args.schema, pair=pair, parties=parties)


def on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def parse_pair(value: str | None, count: int) -> tuple[int, int] | None:
    """ "1:3" -> (0, 2); None when not given. InputError when it names no valid pair."""
    if value is None:
        return None
    try:
        old, new = (int(part) for part in value.split(":"))
    except ValueError:
        raise InputError(f"--pair {value}: expected two version numbers like 1:2") from None
    if not 1 <= old < new <= count:
        raise InputError(
            f"--pair {value}: expected 1 ≤ I < J ≤ {count} (versions count from 1, oldest first)"
        )
    return old - 1, new - 1


def check_readable(path: str) -> None:
    """Raise InputError unless `path` is a file draftdiff can open (and, for .txt and .md,
    decode). Runs before the browser starts, so a bad path is one line on stderr; parsing
    happens in the browser, with a progress bar, and its errors show in a dialog."""
    file = Path(path)
    data = read_bytes(file, path)
    if file.suffix.lower() in TEXT_READERS:
        decode(data, path)  # a text file that is not text: say so now


def print_summaries(
    versions: Sequence[str],
    schema: str | None,
    color_choice: str,
    parties: GivenParties | None = None,
) -> int:
    """The text summary of each pair of consecutive versions, as `draftdiff diff` prints it."""
    from draftdiff.render.text import render_text

    color = use_color(color_choice, None)
    given = parties or GivenParties()
    # Each version parsed once.
    documents = [given.apply(parse_file(path, schema)) for path in versions]
    reports = []
    read = None  # the middle version's analysis, made by the comparison before
    for old, new in itertools.pairwise(documents):
        comparison = compare(old, new, analysis_old=read)
        read = comparison.analysis_new
        reports.append(render_text(comparison, color=color, width=terminal_width()))
    emit("\n".join(reports), None, inputs=versions)
    return EXIT_OK


def open_browser(
    versions: Sequence[str],
    *,
    schema: str | None,
    pair: tuple[int, int] | None,
    parties: GivenParties | None = None,
) -> int:
    """Run the browser until it quits; its exit code (1 after a crash)."""
    # Imported here: commands that never open the browser must not load Textual.
    from draftdiff.tui.app import DraftdiffApp
    from draftdiff.tui.versions import VersionSet

    app = DraftdiffApp(VersionSet(versions, schema, parties=parties), pair=pair)
    app.run()
    return app.return_code or 0
