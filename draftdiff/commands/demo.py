"""Provides `draftdiff demo`: the browser on the bundled sample drafts (three versions
of a fictional treaty; see samples/README.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from draftdiff.commands.browse import open_browser
from draftdiff.commands.common import add_party_options, given_parties
from draftdiff.errors import InputError

SAMPLE_NAMES = ("fund-v1-early.md", "fund-v2-middle.md", "fund-v3-final.md")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("demo", help="browse the bundled sample drafts")
    add_party_options(parser)
    parser.set_defaults(handler=run)


def sample_paths() -> list[str]:
    """The samples beside the package: a source checkout or an editable install."""
    folder = Path(__file__).resolve().parents[2] / "samples"
    paths = [folder / name for name in SAMPLE_NAMES]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise InputError(
            "bundled samples not found",
            path=str(missing[0]),
            hint="draftdiff demo runs from a source checkout",
        )
    return [str(p) for p in paths]


def run(args: argparse.Namespace) -> int:
    parties = given_parties(args)
    return open_browser(sample_paths(), schema=None, pair=None, parties=parties)
