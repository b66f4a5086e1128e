"""The Dask executor on a real LocalCluster (two worker processes on the loopback
interface): the same manifest gives the same results as the local process pool."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.batch.conftest import draftdiff, results, without_run


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()


def test_dask_and_the_local_pool_give_identical_results(
    scheduler: str, pairs_csv: Path, tmp_path: Path
) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    common = ["--json", "--fail-on", "guarantee.removed"]
    on_pool = draftdiff("batch", str(pairs_csv), "-o", str(local), *common, "--workers", "2")
    on_dask = draftdiff(
        "batch", str(pairs_csv), "-o", str(dask), *common,
        "--executor", "dask", "--scheduler", scheduler,
    )  # fmt: skip
    assert on_pool.returncode == on_dask.returncode == 1, on_dask.stderr
    assert "(" in on_dask.stdout and "dask, 2 workers" in on_dask.stdout
    assert without_run(results(local)) == without_run(results(dask))
    # Both workers took part, and the per-pair JSON the workers wrote is the same.
    assert len({r["run"]["worker"] for r in results(dask)}) == 2
    for row in results(local):
        path = row["reports"]["json"]
        assert (local / path).read_bytes() == (dask / path).read_bytes()
