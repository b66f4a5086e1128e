"""The browser's tests run from the repository root: sample paths are relative, as a user
types them, so that what the screen shows (and each snapshot) is the same on any machine."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
