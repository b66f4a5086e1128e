"""Provides running slow pipeline steps away from the screen: daemon threads and processes.

Parsing and comparing a 1,000-page pair takes seconds of pure-Python work. The browser
runs it in a *daemon* thread, so quitting never waits for it (Textual's own thread
workers use the event loop's executor, whose threads `asyncio.run` joins at exit).
Large drafts are parsed in child processes, as many at a time as there are cores: parsing
is most of the cost, and documents are plain frozen dataclasses that pickle quickly.
Plain Python, no Textual.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from draftdiff.errors import DraftdiffError
from draftdiff.model import Document
from draftdiff.parse.document import parse_file

T = TypeVar("T")

PARALLEL_BYTES = 1_000_000
"""Parse in child processes when the drafts together are larger than this (about 150
pages): below it, starting a Python process costs more than it saves."""


async def in_daemon_thread(function: Callable[[], T]) -> T:
    """Run `function` in a new daemon thread and wait for its result here."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def target() -> None:
        try:
            result = function()
        except BaseException as err:  # handed to the awaiting task, which re-raises it
            failure = err
            _call_soon(loop, lambda: settle(lambda: future.set_exception(failure)))
        else:
            _call_soon(loop, lambda: settle(lambda: future.set_result(result)))

    threading.Thread(target=target, name="draftdiff-load", daemon=True).start()
    return await future


def _call_soon(loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> None:
    # The app may have quit while the thread worked: its loop is then closed.
    if not loop.is_closed():
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(callback)


def parse_files(
    paths: Sequence[str],
    schema: str | None,
    done: Callable[[int], None] = lambda index: None,
    *,
    parallel: bool | None = None,
) -> list[Document]:
    """Parse every path (in the given order); `done(i)` is called as each one finishes.
    `parallel` None decides by size (PARALLEL_BYTES). Raises the first DraftdiffError."""
    if parallel is None:
        parallel = len(paths) > 1 and _total_size(paths) > PARALLEL_BYTES
    if not parallel:
        documents = []
        for index, path in enumerate(paths):
            documents.append(parse_file(path, schema))
            done(index)
        return documents
    return _parse_in_processes(paths, schema, done)


def _total_size(paths: Sequence[str]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):  # parse_file reports it properly
            total += Path(path).stat().st_size
    return total


def _parse_in_processes(
    paths: Sequence[str], schema: str | None, done: Callable[[int], None]
) -> list[Document]:
    # Plain child processes (`python -m draftdiff.tui.background PATH`), not
    # multiprocessing: inside the app Textual has replaced sys.stderr with an object
    # whose fileno() is -1, and multiprocessing's spawn fails on it ("bad value(s) in
    # fds_to_keep"). A child pickles the Document onto its stdout.
    slots = threading.Semaphore(max(1, min(len(paths), os.cpu_count() or 1)))
    outcomes: dict[int, Document | DraftdiffError] = {}

    def parse_one(index: int, path: str) -> None:
        with slots:
            outcome = _run_child(path, schema)
        outcomes[index] = outcome
        if isinstance(outcome, Document):
            done(index)

    threads = [
        threading.Thread(target=parse_one, args=(i, p), name="draftdiff-parse", daemon=True)
        for i, p in enumerate(paths)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    documents = []
    for index in range(len(paths)):
        outcome = outcomes[index]
        if isinstance(outcome, DraftdiffError):
            raise outcome  # the first failing file, in the order given
        documents.append(outcome)
    return documents


_CHILDREN: set[subprocess.Popen[bytes]] = set()
"""Children still parsing; killed if the browser quits first (see _stop_children)."""


def _run_child(path: str, schema: str | None) -> Document | DraftdiffError:
    command = [sys.executable, "-m", "draftdiff.tui.background", path, schema or ""]
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _CHILDREN.add(child)
    try:
        output, errors = child.communicate()
    finally:
        _CHILDREN.discard(child)
    try:
        kind, payload = pickle.loads(output)
    except Exception:
        last = (errors.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
        return DraftdiffError(f"internal error while parsing: {last}", path=path)
    if kind == "ok" and isinstance(payload, Document):
        return payload
    return DraftdiffError(str(payload))


@atexit.register
def _stop_children() -> None:
    for child in list(_CHILDREN):
        child.kill()


def _child_main(path: str, schema: str) -> None:
    """In the child: parse one file, pickle ("ok", Document) or ("error", message) out."""
    try:
        outcome: tuple[str, object] = ("ok", parse_file(path, schema or None))
    except DraftdiffError as err:
        outcome = ("error", str(err))
    except Exception as err:  # a bug: report it by name rather than die silently
        outcome = ("error", f"{path}: internal error: {type(err).__name__}: {err}")
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _child_main(sys.argv[1], sys.argv[2])
