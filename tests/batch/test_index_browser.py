"""The batch index page in Debian's Chromium (../shared/TESTING.md §2): worst pair first,
sorting by a column, filtering by text and by outcome, and links that open each pair's
own report; nothing blocked, nothing logged."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bench.batch_drafts import write_manifest, write_pairs
from tests.batch.conftest import draftdiff, results
from tests.report.conftest import launch_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("batch")
    manifest = write_manifest(work / "pairs.csv", write_pairs(work / "drafts", 12))
    junk = work / "drafts" / "broken.docx"
    junk.write_bytes(b"not a word file")
    with manifest.open("a") as stream:
        stream.write("drafts/supply-0000-v1.md,drafts/broken.docx\n")
    done = draftdiff(
        "batch", str(manifest), "-o", str(work / "out"), "--html",
        "--fail-on", "guarantee.removed", "--workers", "2",
    )  # fmt: skip
    assert done.returncode == 2, done.stderr  # one pair failed
    return work / "out"


def _ids(page: Page) -> list[str]:
    cells = page.locator("#pairs tbody tr:not([hidden]) td:nth-child(2)")
    return [text.strip() for text in cells.all_inner_texts()]


def test_index_sorts_filters_and_links_to_each_pair(chromium: Browser, batch_out: Path) -> None:
    rows = {r["id"]: r for r in results(batch_out)}
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    logged: list[str] = []
    requested: list[str] = []
    page.on("console", lambda message: logged.append(message.text))
    page.on("pageerror", lambda error: logged.append(str(error)))
    page.on("request", lambda request: requested.append(request.url))
    page.goto((batch_out / "index.html").as_uri())

    # Worst first: the failed pair, then the pairs breaking the policy.
    ids = _ids(page)
    assert len(ids) == 13
    assert rows[ids[0]]["status"] == "failed"
    violating = [i for i in ids if rows[i]["violations"]]
    assert ids[1 : 1 + len(violating)] == violating
    assert page.locator("#shown").inner_text() == "13 of 13 pairs shown"

    # Sorting by High: largest first on the first click, smallest first on the second.
    page.get_by_role("button", name="High").click()
    highs = [rows[i]["severity"]["high"] for i in _ids(page)]
    assert highs == sorted(highs, reverse=True)
    page.get_by_role("button", name="High").click()
    highs = [rows[i]["severity"]["high"] for i in _ids(page)]
    assert highs == sorted(highs)
    page.get_by_role("button", name="Pair").click()
    assert _ids(page) == sorted(ids)

    # Filtering by outcome, then by text.
    page.select_option("#filter-outcome", "violation")
    assert sorted(_ids(page)) == sorted(violating)
    assert page.locator("#shown").inner_text() == f"{len(violating)} of 13 pairs shown"
    page.select_option("#filter-outcome", "")
    page.fill("#filter-text", "supply-0003")
    assert _ids(page) == ["supply-0003-v1--supply-0003-v2"]
    page.fill("#filter-text", "")
    assert len(_ids(page)) == 13

    folder = os.environ.get("DRAFTDIFF_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / "batch-index.png"), full_page=True)

    # Links: every compared pair's id opens its own report; the failed pair has none.
    links = page.locator("#pairs tbody a")
    assert links.count() == 12
    page.get_by_role("link", name="supply-0002-v1--supply-0002-v2").click()
    page.wait_for_load_state()
    assert page.url == (batch_out / "pairs" / "supply-0002-v1--supply-0002-v2.html").as_uri()
    assert "supply-0002-v2.md" in page.title() or "Supply Agreement" in page.title()
    context.close()
    assert logged == []
    assert all(url.startswith("file://") for url in requested), requested
