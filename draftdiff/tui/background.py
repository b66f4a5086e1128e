"""Provides running slow pipeline steps away from the screen: daemon threads and processes.

Parsing and comparing a 1,000-page pair takes seconds of pure-Python work. The browser
runs it in a *daemon* thread, so quitting never waits for it (Textual's own thread
workers use the event loop's executor, whose threads `asyncio.run` joins at exit).
Large drafts are parsed in spawned daemon processes, two at a time on two cores: parsing
is most of the cost, and documents are plain frozen dataclasses that pickle quickly.
Plain Python, no Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
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
    # spawn, not fork: the parent has threads (the UI's), and forking those is unsafe.
    context = multiprocessing.get_context("spawn")
    slots = max(1, min(len(paths), os.cpu_count() or 1))
    results: dict[int, Document] = {}
    waiting = list(enumerate(paths))
    running: dict[Connection, tuple[int, BaseProcess]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < slots:
                index, path = waiting.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                process: BaseProcess = context.Process(
                    target=_parse_child, args=(path, schema, sender), daemon=True
                )
                process.start()
                sender.close()
                running[receiver] = (index, process)
            for ready in wait(list(running)):
                assert isinstance(ready, Connection)
                index, process = running.pop(ready)
                try:
                    kind, payload = ready.recv()
                except EOFError:
                    kind, payload = "crash", "the parsing process ended unexpectedly"
                ready.close()
                process.join()
                if kind != "ok":
                    raise DraftdiffError(str(payload))
                assert isinstance(payload, Document)
                results[index] = payload
                done(index)
    finally:
        for receiver, (_, process) in running.items():
            process.terminate()
            receiver.close()
    return [results[i] for i in range(len(paths))]


def _parse_child(path: str, schema: str | None, sender: Connection) -> None:
    """Runs in the child process: parse one file and send back the Document or the error."""
    try:
        sender.send(("ok", parse_file(path, schema)))
    except DraftdiffError as err:
        sender.send(("error", str(err)))
    except Exception as err:  # a bug: report it by name rather than hang the parent
        sender.send(("error", f"internal error: {type(err).__name__}: {err}"))
    finally:
        sender.close()
