"""Fixtures for the history tests: the four sample drafts, their history and its JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from draftdiff.history import History, build_history
from draftdiff.parse.document import parse_file
from draftdiff.render.history_json import history_data
from tests.conftest import SAMPLES

DRAFTS = ("fund-v1-early.md", "fund-v2-middle.md", "fund-v3-final.md", "fund-v4-counter.md")
PATHS = tuple(str(SAMPLES / name) for name in DRAFTS)


@pytest.fixture(scope="session")
def fund_history() -> History:
    return build_history([parse_file(p) for p in PATHS])


@pytest.fixture(scope="session")
def fund_data(fund_history: History) -> dict[str, Any]:
    # Through a JSON round trip, as a consumer of the file reads it.
    data: dict[str, Any] = json.loads(json.dumps(history_data(fund_history)))
    return data


@pytest.fixture(scope="session")
def expected_story() -> dict[str, Any]:
    path = Path(__file__).parent / "expected" / "fund-story.json"
    story: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return story
