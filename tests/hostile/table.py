"""Provides the hostile-input table: every case run once, unbounded in time, measured.

    python -m tests.hostile.table [--only NAME ...] > table.md

Prints a Markdown table (input, what draftdiff did, wall time, peak memory): the figures
the README's "Limits" section quotes. The big inputs run without the time limit here
(DRAFTDIFF_TIME_LIMIT=0) so that their real cost is seen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.hostile.make_inputs import CASES
from tests.hostile.runner import run_case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.hostile.table")
    parser.add_argument("--only", action="append")
    args = parser.parse_args(argv)
    print("| input | what draftdiff did | wall time | CPU time | peak memory |")
    print("| --- | --- | ---: | ---: | ---: |")
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
            env = {"DRAFTDIFF_TIME_LIMIT": "0"} if case.big else {}
            outcome = run_case(case, Path(folder), env)
            if outcome.code == 0:
                result = Path(folder) / "out" / "result"
                size = f", {result.stat().st_size:,} bytes written" if result.exists() else ""
                did = f"exit 0, result{size}"
            else:
                line = outcome.stderr.strip().replace(folder, "…").replace("|", "\\|")
                did = f"exit {outcome.code}: `{line}`"
        times = f"{outcome.seconds:.1f} s | {outcome.cpu_seconds:.1f} s"
        print(f"| {case.name} | {did} | {times} | {outcome.peak_mb:.0f} MB |")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
