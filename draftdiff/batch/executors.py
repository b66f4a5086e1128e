"""Provides where a batch's jobs run: a local process pool, or a Dask cluster.

    LocalPool(workers)                 processes on this machine (the default)
    DaskCluster(address, timeout)      the workers of a running Dask scheduler
    DaskCluster(None, workers=n)       a Dask cluster of n processes started for the run

Both run `job.run_job` on plain data and hand each summary back as it arrives, in
the order pairs finish; the runner orders them. A job never raises for a bad pair
(it returns a failed summary), so an exception here means the worker itself was
lost, and the pair is reported failed with that reason and retried by the next run.

Dask is optional: it is imported only when asked for, and its absence is one line of
trouble (pip install 'draftdiff[dask]'), never an ImportError.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from types import TracebackType
from typing import Any

from draftdiff.batch.job import Job, run_job, run_job_bounded
from draftdiff.batch.summary import failed_summary
from draftdiff.errors import InputError

OnResult = Callable[[dict[str, Any]], None]


class Executor:
    """Runs jobs somewhere; a context manager that connects (or starts) on entry."""

    name = "executor"
    workers = 1

    def __enter__(self) -> Executor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def run(self, jobs: Sequence[Job], on_result: OnResult) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Release what __enter__ took."""


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent handles it (it stops
    # handing out pairs and keeps those finished); a worker would only print a
    # traceback for the pair it was on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LocalPool(Executor):
    """Worker processes on this machine, each running one pair at a time within the
    configured time and memory bounds (draftdiff/limits.py), per pair."""

    name = "local"

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, jobs: Sequence[Job], on_result: OnResult) -> None:
        # "spawn", not fork: the parent may have threads (the progress bar's), and
        # forking a process with threads can deadlock its children.
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_ignore_interrupts,
        )
        futures: dict[Future[dict[str, Any]], Job] = {}
        handled: set[Future[dict[str, Any]]] = set()
        try:
            futures = {pool.submit(run_job_bounded, job): job for job in jobs}
            for future in as_completed(futures):
                handled.add(future)
                on_result(_result(future, futures[future]))
        except KeyboardInterrupt:
            # Hand out no more pairs; those running finish (in well under a second
            # on a normal draft) and are kept, so the next run need not redo them.
            pool.shutdown(wait=True, cancel_futures=True)
            for future, job in futures.items():
                if future not in handled and future.done() and not future.cancelled():
                    on_result(_result(future, job))
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[dict[str, Any]], job: Job) -> dict[str, Any]:
    try:
        return future.result()
    except Exception as err:  # the worker process died (a crash, a kill)
        summary = failed_summary(job, f"worker lost: {type(err).__name__}: {err}")
        summary["run"] = {"seconds": {}, "worker": "", "reused": False}
        return summary


class DaskCluster(Executor):
    """The workers of a Dask cluster: its scheduler places the jobs, draftdiff submits
    them and gathers the summaries. With no address, a cluster of `workers` processes
    on the loopback interface is started for the run and stopped after it."""

    name = "dask"

    def __init__(self, address: str | None, workers: int, timeout: float = 10.0) -> None:
        self.address = address
        self.workers = workers
        self.timeout = timeout
        self.client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskCluster:
        try:
            distributed = _distributed()
        except ImportError:
            raise InputError(
                "--executor dask needs the dask and distributed packages",
                hint="pip install 'draftdiff[dask]'",
            ) from None
        shown = self.address or "local Dask cluster"
        try:
            if self.address is None:
                self.cluster = distributed.LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
                self.client = distributed.Client(self.cluster, timeout=self.timeout)
            else:
                self.client = distributed.Client(self.address, timeout=self.timeout)
        except (OSError, TimeoutError, ValueError) as err:
            self.close()
            reason = " ".join(str(err).split()) or type(err).__name__
            raise InputError(f"cannot reach the Dask scheduler: {reason}", path=shown) from None
        if self.address is not None:
            self.workers = len(self.client.scheduler_info().get("workers", {})) or 1
        return self

    def run(self, jobs: Sequence[Job], on_result: OnResult) -> None:
        distributed = _distributed()
        # Keys name the pair (and its inputs), so the dashboard shows which is running;
        # pure=False: the same job submitted again is run again, not served from cache.
        futures = self.client.map(
            run_job, jobs, key=[f"draftdiff-{j.id}-{j.key[:12]}" for j in jobs], pure=False
        )
        by_key = {f.key: job for f, job in zip(futures, jobs, strict=True)}
        try:
            for future in distributed.as_completed(futures):
                job = by_key[future.key]
                try:
                    summary = future.result()
                except Exception as err:  # the worker was lost (KilledWorker) or cannot import
                    summary = failed_summary(job, f"worker lost: {type(err).__name__}: {err}")
                    summary["run"] = {"seconds": {}, "worker": "", "reused": False}
                on_result(summary)
        except KeyboardInterrupt:
            self.client.cancel(futures)
            raise

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def _distributed() -> Any:
    """The distributed package, imported only now (it is an optional extra); typed as
    Any, since its API is only partly annotated."""
    import importlib

    return importlib.import_module("distributed")
