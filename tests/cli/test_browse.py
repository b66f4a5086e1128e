"""`draftdiff V1 V2 [V3 ...]` off a terminal, and the browser's start-up errors.

The browser itself is tested in tests/tui/ (Pilot, snapshots, and a real terminal)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_errors import V1, V2, one_line_error, run
from tests.conftest import SAMPLES

V3 = str(SAMPLES / "fund-v3-final.md")


def test_bare_command_with_three_versions_off_a_terminal_prints_each_consecutive_pair() -> None:
    result = run(V1, V2, V3)
    assert result.returncode == 0, result.stderr
    first, second = run("diff", V1, V2).stdout, run("diff", V2, V3).stdout
    assert result.stdout == first + "\n" + second
    assert "\x1b[" not in result.stdout


def test_browse_needs_two_versions() -> None:
    line = one_line_error(run("browse", V1))
    assert line == f"draftdiff: {V1}: give at least two versions to compare"


def test_browse_names_a_missing_file_before_the_browser_starts(tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    result = run("browse", V1, str(missing))
    assert one_line_error(result) == f"draftdiff: {missing}: no such file"
    assert "\x1b" not in result.stderr  # no screen was drawn


def test_browse_refuses_a_text_file_that_is_not_text_before_starting(tmp_path: Path) -> None:
    junk = tmp_path / "junk.md"
    junk.write_bytes(bytes(range(256)) * 4)
    line = one_line_error(run("browse", V1, str(junk)))
    assert line.startswith(f"draftdiff: {junk}: ") and "binary" in line


def test_browse_refuses_a_folder(tmp_path: Path) -> None:
    line = one_line_error(run("browse", V1, str(tmp_path)))
    assert line == f"draftdiff: {tmp_path}: is a directory, not a document"


def test_pair_option_is_checked_against_the_number_of_versions() -> None:
    line = one_line_error(run("browse", V1, V2, "--pair", "2:3"))
    assert (
        line
        == "draftdiff: --pair 2:3: expected 1 ≤ I < J ≤ 2 (versions count from 1, oldest first)"
    )
    line = one_line_error(run("browse", V1, V2, "--pair", "first"))
    assert line == "draftdiff: --pair first: expected two version numbers like 1:2"
