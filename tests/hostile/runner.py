"""Provides `run_case`: one hostile input through the real `draftdiff` command, measured.

The command runs as a child process in a folder of its own (inputs in in/, the
requested output in out/, HOME, TMPDIR and the working directory inside it), so that
every file it writes, anywhere but the requested output, is seen; its peak memory is
the child's own VmHWM (tests/hostile/measure.py).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.hostile.make_inputs import SAMPLE, Case, write

DRAFTDIFF = (sys.executable, "-m", "tests.hostile.measure")
SAFETY_SECONDS = 900


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    cpu_seconds: float
    """User and system time of the child alone (wall time grows with the machine's load)."""
    peak_mb: float
    modified: tuple[str, ...]
    """Input files whose bytes changed."""
    strays: tuple[str, ...]
    """Files written anywhere in the case's folder but the requested output."""


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_case(case: Case, folder: Path, env: dict[str, str] | None = None) -> Outcome:
    """Run `case` in `folder` (created) with extra environment `env`; never raises on
    a failing command, only on a hang past the outer safety timeout."""
    inputs = write(case, folder / "in")
    for name in ("out", "home", "tmp", "cwd"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    output = folder / "out" / "result"
    places = {"out": output, "sample": SAMPLE, **inputs}
    args = []
    for arg in case.args:
        for name, path in places.items():
            arg = arg.replace("{" + name + "}", str(path))
        args.append(arg)
    before = _hashes(folder)
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DRAFTDIFF_")},
        "HOME": str(folder / "home"),
        "TMPDIR": str(folder / "tmp"),
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent.parent),
        **dict(case.env),
        **(env or {}),
    }
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        read_peak, write_peak = os.pipe()
        environment["HOSTILE_PEAK_FD"] = str(write_peak)
        start = time.perf_counter()
        process = subprocess.Popen(
            [*DRAFTDIFF, *args],
            cwd=folder / "cwd",
            env=environment,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            pass_fds=(write_peak,),
        )
        os.close(write_peak)
        # A safety net far above every bound: a hang fails the test instead of the run.
        killer = threading.Timer(SAFETY_SECONDS, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        with os.fdopen(read_peak, "rb") as peak:
            reported = peak.read().strip()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    after = _hashes(folder)
    modified = tuple(n for n in before if n.startswith("in/") and after.get(n) != before[n])
    strays = tuple(n for n in after if n not in before and not n.startswith("out/result"))
    return Outcome(
        code=process.returncode,
        stdout=stdout.decode("utf-8", "replace"),
        stderr=stderr.decode("utf-8", "replace"),
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_mb=int(reported or 0) / 1024,
        modified=modified,
        strays=strays,
    )
