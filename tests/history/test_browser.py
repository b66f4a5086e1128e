"""The HTML history in Debian's Chromium (TESTING.md §2): it loads with nothing blocked and
nothing logged, and draws a chart per party and one of one-sidedness."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from draftdiff.history import History
from draftdiff.render.history_html import render_history_html
from tests.report.conftest import launch_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    yield from launch_chromium()


def test_history_page_draws_its_charts_with_nothing_blocked(
    chromium: Browser, fund_history: History, tmp_path: Path
) -> None:
    page_file = tmp_path / "history.html"
    page_file.write_text(render_history_html(fund_history), "utf-8")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    logged: list[str] = []
    page.on("console", lambda message: logged.append(message.text))
    page.on("pageerror", lambda error: logged.append(str(error)))
    page.goto(page_file.as_uri())
    charts = page.locator("svg.chart")
    assert charts.count() == 3
    for n in range(3):
        box = charts.nth(n).bounding_box()
        assert box is not None and box["width"] >= 200 and box["height"] >= 100
    # Five series per party (duties and the four kinds), each a visible line.
    assert page.locator("#trend-1 polyline").count() == 5
    assert page.locator("#flip-flops li").count() == 3
    restored = page.locator("#provisions td.ev-conditioned")
    assert restored.count() >= 1
    folder = os.environ.get("DRAFTDIFF_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / "history-top.png"))
    context.close()
    assert logged == []


def test_document_text_full_of_markup_stays_text(chromium: Browser, tmp_path: Path) -> None:
    from draftdiff.history import build_history
    from draftdiff.parse.document import parse_file

    data = Path(__file__).parents[1] / "report" / "data"
    old, new = data / "hostile-old.txt", data / "hostile-new.txt"
    history = build_history([parse_file(old), parse_file(new), parse_file(old)])
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render_history_html(history), "utf-8")
    context = chromium.new_context()
    page = context.new_page()
    page.goto(page_file.as_uri())
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script, img, a[href^='javascript']").count() == 0
    assert "{{ config }}" in page.locator("h1").inner_text()
    context.close()
