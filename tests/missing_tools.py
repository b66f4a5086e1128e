"""Provides the pytest side of `make test` on a machine without the system packages.

scripts/system-packages.sh writes, for each command it could neither find nor install,
a line "COMMAND SELECTOR" to the file named by DRAFTDIFF_MISSING_TOOLS. A selector is a
test file (not collected) or `fixture:NAME` (each test using that fixture is skipped):
everything else runs, and `make test` still ends non-zero because the script did.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _missing() -> list[tuple[str, str]]:
    name = os.environ.get("DRAFTDIFF_MISSING_TOOLS", "")
    path = Path(name) if name else None
    if path is None or not path.is_file():
        return []
    pairs = [line.split(maxsplit=1) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(pair[0], pair[1].strip()) for pair in pairs if len(pair) == 2]


MISSING = _missing()


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    for _, selector in MISSING:
        if not selector.startswith("fixture:") and collection_path == ROOT / selector:
            return True
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for command, selector in MISSING:
        if not selector.startswith("fixture:"):
            continue
        fixture = selector.removeprefix("fixture:")
        mark = pytest.mark.skip(reason=f"{command} missing (make test names the package)")
        for item in items:
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(mark)


def pytest_report_header() -> list[str]:
    if not MISSING:
        return []
    return ["not run, their command missing: " + ", ".join(f"{s} ({c})" for c, s in MISSING)]
