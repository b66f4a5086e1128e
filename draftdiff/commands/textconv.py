"""Provides `draftdiff textconv FILE`: a document's clause text, for git's diff driver.

git diffs .docx files as binary; with a textconv driver it diffs this output
instead, one clause per line with its number, so `git diff` and `git log -p` read
like a redline (see README, "Word files in git").
"""

from __future__ import annotations

import argparse

from draftdiff.commands.common import EXIT_OK, add_docx_options, add_schema_option, emit
from draftdiff.model import Document
from draftdiff.parse.document import parse_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "textconv", help="print a document's clause text (a git textconv driver)"
    )
    parser.add_argument("file", metavar="FILE")
    add_schema_option(parser)
    add_docx_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    document = parse_file(args.file, args.schema, view=args.view, comments=args.comments)
    emit(clause_text(document), None, inputs=(args.file,))
    return EXIT_OK


def clause_text(document: Document) -> str:
    """One line per clause (number, text), then headers/footers and reader notes.

    A clause's own line breaks become spaces so every clause stays one line: git's
    hunks then follow clauses."""
    lines = [" ".join(clause.display_text.split()) for clause in document.walk()]
    lines = [line for line in lines if line]
    extras = [f"[{page.place} {page.kind}] {page.text}" for page in document.page_texts]
    extras += [f"[note] {note}" for note in document.notes]
    if extras:
        lines += ["", *extras]
    return "\n".join(lines) + "\n"
