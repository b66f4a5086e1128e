"""Provides the pre-commit hook: check each staged agreement against its last commit.

    python -m draftdiff.precommit --fail-on guarantee.removed [--policy FILE] FILE...

pre-commit passes the staged files that match the hook's `files` pattern (see
.pre-commit-hooks.yaml) and has already stashed unstaged edits, so each file on
disk is what will be committed. Each is compared with its version at `--rev`
(HEAD by default); a file new in this commit has nothing to compare and is
skipped. The verdict is the same as `draftdiff check`; exit 1 if any file breaks
the policy, 2 on trouble.
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from draftdiff.commands.check import add_check_options, policies, print_verdict, violations
from draftdiff.commands.common import EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE, add_schema_option
from draftdiff.diff.compare import compare
from draftdiff.errors import DraftdiffError, InputError
from draftdiff.model import Document
from draftdiff.parse.document import parse_file


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="draftdiff-pre-commit",
        description="Check staged agreements against their last committed version.",
    )
    parser.add_argument("files", metavar="FILE", nargs="*")
    parser.add_argument("--rev", default="HEAD", help="the version to compare with (HEAD)")
    add_check_options(parser)
    add_schema_option(parser)
    args = parser.parse_args(argv)
    try:
        found = policies(args)
        failed = False
        for name in args.files:
            old = committed(name, args.rev, args.schema)
            if old is None:
                print(f"draftdiff check: {name}: new file, nothing to compare")
                continue
            comparison = compare(old, parse_file(name, args.schema))
            hits = violations(found, comparison)
            print_verdict(comparison, found, hits, sys.stdout)
            failed = failed or bool(hits)
        return EXIT_DIFFERENT if failed else EXIT_OK
    except DraftdiffError as err:
        sys.stderr.write("draftdiff: " + " ".join(str(err).split()) + "\n")
        return EXIT_TROUBLE


def committed(name: str, rev: str, schema: str | None) -> Document | None:
    """The file as it is at `rev`, parsed (shown as "REV:name"); None if not there."""
    spec = f"{rev}:./{name}" if not Path(name).is_absolute() else f"{rev}:{name}"
    try:
        shown = subprocess.run(["git", "show", spec], capture_output=True, check=False)
    except OSError as err:
        raise InputError(f"cannot run git: {err.strerror}", path=name) from None
    if shown.returncode != 0:
        message = shown.stderr.decode("utf-8", "replace")
        if "not a git repository" in message:
            raise InputError("not inside a git repository", path=name)
        return None  # not in that revision: a new file
    with tempfile.TemporaryDirectory(prefix="draftdiff-") as folder:
        # Same file name, so the reader is chosen by the same extension.
        copy = Path(folder) / Path(name).name
        copy.write_bytes(shown.stdout)
        document = parse_file(copy, schema)
    return dataclasses.replace(document, path=f"{rev}:{name}")


if __name__ == "__main__":
    sys.exit(main())
