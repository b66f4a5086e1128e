"""Fixtures for the report tests: Debian's Chromium driven by Playwright, and reports.

Browser fixtures follow ../shared/TESTING.md §2: the Playwright sync API with
`executable_path` (no browser download), module scope so its event loop is
released before any asyncio test runs, and no pytest-playwright.

Screenshots go to $DRAFTDIFF_SCREENSHOTS when set (to look at them), else to a
temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = os.environ.get("DRAFTDIFF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def launch_chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright, for a module-scoped fixture (tests/history and
    tests/batch use it too). Module scope on purpose: Playwright's sync API keeps an
    asyncio loop running on the main thread until stopped, which would break later
    asyncio (Textual) tests."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install -y chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    yield from launch_chromium()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("DRAFTDIFF_SCREENSHOTS")
    if folder:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")
