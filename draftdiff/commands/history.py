"""Provides `draftdiff history V1 V2 V3 ...`: the negotiation, draft by draft.

    draftdiff history v1.md v2.md v3.md [--format text|json|html|markdown] [-o FILE]
    draftdiff history --git contracts/msa.md [REV ...]

Every clause and every provision followed through all the versions (oldest first),
each party's ledger version by version, and how one-sided each draft is. With
--git the versions are the file's commits (or the revisions named), labelled with
commit date and author.
"""

from __future__ import annotations

import argparse

from draftdiff.commands.common import (
    EXIT_OK,
    add_docx_options,
    add_schema_option,
    emit,
    terminal_width,
    use_color,
)
from draftdiff.errors import InputError
from draftdiff.history import History, build_history
from draftdiff.parse.document import parse_file

FORMATS = ("text", "json", "markdown", "html")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "history", help="every draft: each clause's and provision's lineage, ledger trend"
    )
    parser.add_argument(
        "versions",
        metavar="VERSION",
        nargs="*",
        help="two or more versions, oldest first (with --git: revisions of PATH)",
    )
    parser.add_argument(
        "--git",
        metavar="PATH",
        help="read the versions of PATH from its git repository (every commit that "
        "changed it, oldest first, or the revisions given)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    add_schema_option(parser)
    add_docx_options(parser)
    parser.set_defaults(handler=run)


def load_history(args: argparse.Namespace) -> tuple[History, tuple[str, ...]]:
    """The history the arguments name, and the input files (never to be overwritten)."""
    if args.git:
        from draftdiff.history.git import git_versions

        documents, labels, sources = git_versions(
            args.git, args.versions, args.schema, view=args.view, comments=args.comments
        )
        return build_history(documents, labels, sources), (args.git,)
    if len(args.versions) < 2:
        raise InputError(
            "a history needs at least two versions",
            hint="give the drafts oldest first, or --git PATH",
        )
    documents = [
        parse_file(p, args.schema, view=args.view, comments=args.comments) for p in args.versions
    ]
    return build_history(documents), tuple(args.versions)


def render(history: History, fmt: str, *, color: bool = False, width: int = 100) -> str:
    if fmt == "json":
        from draftdiff.render.history_json import render_history_json

        return render_history_json(history)
    if fmt == "markdown":
        from draftdiff.render.history_markdown import render_history_markdown

        return render_history_markdown(history)
    if fmt == "html":
        from draftdiff.render.history_html import render_history_html

        return render_history_html(history)
    from draftdiff.render.history_text import render_history_text

    return render_history_text(history, color=color, width=width)


def run(args: argparse.Namespace) -> int:
    history, inputs = load_history(args)
    color = args.format == "text" and use_color(args.color, args.output)
    emit(
        render(history, args.format, color=color, width=terminal_width()),
        args.output,
        inputs=inputs,
    )
    return EXIT_OK
