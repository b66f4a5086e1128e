"""Provides `python -m draftdiff`."""

from draftdiff.cli import run

run()
