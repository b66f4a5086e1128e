"""Provides `draftdiff schema list | show NAME | validate FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from draftdiff.commands.common import EXIT_OK
from draftdiff.errors import InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("schema", help="list, show or validate schemas")
    actions = parser.add_subparsers(dest="schema_command", metavar="ACTION")
    actions.required = True
    actions.add_parser("list", help="built-in schemas").set_defaults(handler=run_list)
    show = actions.add_parser("show", help="a schema with everything it inherits")
    show.add_argument("name", metavar="NAME|PATH")
    show.set_defaults(handler=run_show)
    validate = actions.add_parser("validate", help="check a schema file")
    validate.add_argument("file", metavar="FILE")
    validate.set_defaults(handler=run_validate)


def run_list(args: argparse.Namespace) -> int:
    from draftdiff.schema.load import builtin_schemas

    schemas = builtin_schemas()
    width = max((len(name) for name in schemas), default=0)
    for name, schema in schemas.items():
        print(f"{name:<{width}}  {schema.description}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from draftdiff.render.tree import render_schema
    from draftdiff.schema.load import find_schema

    print(render_schema(find_schema(args.name)), end="")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    from draftdiff.schema.load import load_schema

    if not Path(args.file).exists():
        raise InputError("no such file", path=args.file)
    schema = load_schema(args.file)
    print(
        f"{args.file}: valid schema {schema.name!r} ({len(schema.levels)} levels, "
        f"{len(schema.lexicon)} lexicon categories)"
    )
    return EXIT_OK
