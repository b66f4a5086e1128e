"""Provides `draftdiff parse FILE`: the clause tree a schema builds, for schema authors."""

from __future__ import annotations

import argparse

from draftdiff.commands.common import (
    EXIT_OK,
    add_docx_options,
    add_party_options,
    add_schema_option,
    emit,
    given_parties,
)
from draftdiff.parse.document import parse_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("parse", help="show a document's clause tree (for schema authors)")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=("tree", "json"), default="tree")
    parser.add_argument("-o", "--output", metavar="FILE")
    add_schema_option(parser)
    add_docx_options(parser)
    add_party_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from draftdiff.analyse.provisions import analyse
    from draftdiff.render.tree import render_document_json, render_tree

    given = given_parties(args)
    document = given.apply(
        parse_file(args.file, args.schema, view=args.view, comments=args.comments)
    )
    analysis = analyse(document)
    content = (
        render_document_json(document, analysis)
        if args.format == "json"
        else render_tree(document, analysis)
    )
    emit(content, args.output, inputs=(args.file,))
    return EXIT_OK
