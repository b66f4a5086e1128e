"""Provides the measured entry point: `draftdiff` run in-process, then its peak memory.

    python -m tests.hostile.measure ARGS...      (HOSTILE_PEAK_FD=N in the environment)

The kernel's rusage of a child counts the parent's resident set at fork, so the peak is
read from this process's own VmHWM after the command ends and written to file
descriptor N, leaving stdout and stderr exactly as draftdiff wrote them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from draftdiff.cli import main as draftdiff_main


def _peak_kb() -> int:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    code = draftdiff_main(sys.argv[1:])
    fd = os.environ.get("HOSTILE_PEAK_FD")
    if fd:
        os.write(int(fd), f"{_peak_kb()}\n".encode())
    return code


if __name__ == "__main__":
    sys.exit(main())
