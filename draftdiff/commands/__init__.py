"""Provides the subcommands of `draftdiff`, one module each.

Each module has `register(subparsers)`, which adds its parser and sets `handler`
to a function taking the parsed arguments and returning an exit code. A new
command is a new module plus one line in COMMANDS.
"""

from __future__ import annotations

from types import ModuleType

from draftdiff.commands import (
    batch,
    browse,
    check,
    demo,
    diff,
    history,
    parse,
    redline,
    report,
    schema,
    textconv,
)

COMMANDS: tuple[ModuleType, ...] = (
    browse,
    diff,
    report,
    history,
    batch,
    redline,
    check,
    demo,
    parse,
    textconv,
    schema,
)
"""In the order `draftdiff --help` lists them."""
