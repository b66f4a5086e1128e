"""Provides the bounds every draftdiff command runs within: input size, time and memory.

Drafts arrive from counterparties, email gateways and scanners; a few are broken or
hostile. Each bound, when crossed, is one line on stderr and exit 2 (a `LimitError`),
never a hang or a traceback. Each is set by an environment variable; 0 turns it off.

    DRAFTDIFF_MAX_INPUT_MB   largest input file read, in MB            (default 256)
    DRAFTDIFF_TIME_LIMIT     seconds a command may take (not browse)   (default 300)
    DRAFTDIFF_MEMORY_MB      address space the process may use, in MB  (default 4096)

The Word reader's own bounds (parts, inflated sizes, compression ratio, nesting) are in
`draftdiff/parse/wordml/package.py`; the schema loader's (alias expansion, regular
expressions) in `draftdiff/schema/load.py`. They refuse what no real agreement needs,
so they are not configurable.
"""

from __future__ import annotations

import os
import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from draftdiff.errors import DraftdiffError

MB = 1024 * 1024


class LimitError(DraftdiffError):
    """A command crossed one of the configured bounds."""


@dataclass(frozen=True)
class Limits:
    """The bounds in force; 0 means none."""

    max_input_bytes: int
    time_seconds: float
    memory_bytes: int


_DEFAULTS = {
    "DRAFTDIFF_MAX_INPUT_MB": 256.0,
    "DRAFTDIFF_TIME_LIMIT": 300.0,
    "DRAFTDIFF_MEMORY_MB": 4096.0,
}


def _number(name: str) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return _DEFAULTS[name]
    try:
        value = float(raw)
    except ValueError:
        raise LimitError(f"{name}={raw!r} is not a number", hint="0 turns the bound off") from None
    if value < 0:
        raise LimitError(f"{name}={raw!r} is negative", hint="0 turns the bound off")
    return value


def current() -> Limits:
    """The bounds the environment sets (read afresh, so tests can change them)."""
    return Limits(
        max_input_bytes=int(_number("DRAFTDIFF_MAX_INPUT_MB") * MB),
        time_seconds=_number("DRAFTDIFF_TIME_LIMIT"),
        memory_bytes=int(_number("DRAFTDIFF_MEMORY_MB") * MB),
    )


def check_input_size(size: int, path: str) -> None:
    """LimitError when a file of `size` bytes is over DRAFTDIFF_MAX_INPUT_MB."""
    limit = current().max_input_bytes
    if limit and size > limit:
        raise LimitError(
            f"file is {size / MB:.1f} MB, over the {limit / MB:g} MB input limit",
            path=path,
            hint="DRAFTDIFF_MAX_INPUT_MB raises it",
        )


@contextmanager
def enforced(*, timed: bool = True) -> Iterator[None]:
    """Run a command within the bounds: a timer for the time limit (`timed`: not for
    the interactive browser), an address-space cap for memory, whose MemoryError
    becomes a LimitError. Both are undone on exit, so tests may call it in-process."""
    limits = current()
    seconds = limits.time_seconds if timed else 0.0
    # A signal handler can only be set from the main thread (tests may run elsewhere).
    timer = seconds > 0 and threading.current_thread() is threading.main_thread()
    previous_handler = None
    if timer:

        def expire(_signum: int, _frame: FrameType | None) -> None:
            raise LimitError(
                f"gave up after {seconds:g} s (the time limit)",
                hint="DRAFTDIFF_TIME_LIMIT raises it",
            )

        previous_handler = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    previous_memory = _cap_memory(limits.memory_bytes)
    try:
        yield
    except MemoryError:
        raise LimitError(
            f"ran out of memory (limit {limits.memory_bytes // MB} MB)"
            if limits.memory_bytes
            else "ran out of memory",
            hint="DRAFTDIFF_MEMORY_MB raises it",
        ) from None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
        if previous_memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, previous_memory)


def _cap_memory(limit: int) -> tuple[int, int] | None:
    """Lower the soft address-space limit to `limit`; the old limits, to restore."""
    if not limit:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        return None  # already tighter
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return soft, hard
