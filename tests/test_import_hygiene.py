"""The core is usable without the terminal UI: only draftdiff.tui imports textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import draftdiff

CORE = [
    "draftdiff",
    "draftdiff.model",
    "draftdiff.parse",
    "draftdiff.diff",
    "draftdiff.schema",
    "draftdiff.render.json",
    "draftdiff.render.text",
    "draftdiff.cli",
]


def test_core_modules_do_not_load_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "from draftdiff.cli import main\n"
        + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_the_tui_package_imports_textual_in_source() -> None:
    package = Path(draftdiff.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "tui" not in path.relative_to(package).parts
        and (
            "import textual" in path.read_text(encoding="utf-8")
            or "from textual" in path.read_text(encoding="utf-8")
        )
    ]
    assert offenders == []
