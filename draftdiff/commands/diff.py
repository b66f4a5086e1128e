"""Provides `draftdiff diff OLD NEW` (and the bare `draftdiff OLD NEW`)."""

from __future__ import annotations

import argparse

from draftdiff.commands.common import (
    EXIT_DIFFERENT,
    EXIT_OK,
    add_docx_options,
    add_party_options,
    add_schema_option,
    emit,
    given_parties,
    load_pair,
    terminal_width,
    use_color,
)
from draftdiff.diff.result import Comparison

FORMATS = ("text", "json", "markdown", "html")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("diff", help="compare two versions")
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--exit-code", action="store_true", help="exit 1 when there are substantive changes"
    )
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--implicit", action="store_true", help=argparse.SUPPRESS)
    add_schema_option(parser)
    add_docx_options(parser)
    add_party_options(parser)
    parser.set_defaults(handler=run)


def render(comparison: Comparison, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """The comparison in one of FORMATS."""
    if fmt == "json":
        from draftdiff.render.json import render_json

        return render_json(comparison)
    if fmt == "markdown":
        from draftdiff.render.markdown import render_markdown

        return render_markdown(comparison)
    if fmt == "html":
        from draftdiff.render.html import render_html

        return render_html(comparison)
    from draftdiff.render.text import render_text

    return render_text(comparison, color=color, width=width)


def run(args: argparse.Namespace) -> int:
    comparison = load_pair(
        args.old,
        args.new,
        args.schema,
        view=args.view,
        comments=args.comments,
        parties=given_parties(args),
    )
    color = args.format == "text" and use_color(args.color, args.output)
    content = render(comparison, args.format, color=color, width=terminal_width())
    emit(content, args.output, inputs=(args.old, args.new))
    if args.exit_code and comparison.substantive:
        return EXIT_DIFFERENT
    return EXIT_OK
