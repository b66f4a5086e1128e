"""`draftdiff redline` on the command line: the file it writes, and bad input
(one line naming the file and the problem, exit 2, no file written, inputs never
overwritten)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from draftdiff.parse.wordml.ns import qn
from tests.conftest import SAMPLES

V1 = SAMPLES / "fund-v1-early.docx"
V2 = SAMPLES / "fund-v2-middle.docx"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DRAFTDIFF_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "draftdiff", "redline", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_writes_a_redline_with_the_given_author_and_date(tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    result = run(
        V1, V2, "-o", out, "--author", "Jane Counsel", "--date", "2026-03-01T10:30:00+01:00"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode()
    assert 'w:author="Jane Counsel"' in xml
    assert 'w:date="2026-03-01T09:30:00Z"' in xml  # stored in UTC, as Word does
    assert f"<{qn('w:ins')}" not in xml and "<w:ins " in xml


def test_default_author_and_date(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    assert (
        run(SAMPLES / "fund-v1-early.md", SAMPLES / "fund-v2-middle.md", "-o", out).returncode == 0
    )
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert 'w:author="draftdiff"' in xml
    assert 'w:date="20' in xml and 'Z"' in xml


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-o", "{tmp}/r.docx", "--date", "yesterday"], "draftdiff: --date: not an ISO date"),
        (["-o", "{tmp}/r.docx", "--date", "2026-02-30"], "draftdiff: --date: not a valid date"),
        ([], "draftdiff: a redline is a Word file (give -o redline.docx)"),
    ],
)
def test_bad_options_are_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    given = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert one_line_error(run(V1, V2, *given)).startswith(expected)
    assert not list(tmp_path.iterdir())


def test_missing_and_broken_inputs_are_named(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    missing = tmp_path / "nope.docx"
    assert one_line_error(run(V1, missing, "-o", out)) == f"draftdiff: {missing}: no such file"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    line = one_line_error(run(broken, V2, "-o", out))
    assert line.startswith(f"draftdiff: {broken}: not a valid .docx")
    assert not out.exists()


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    new = tmp_path / "new.docx"
    new.write_bytes(V2.read_bytes())
    line = one_line_error(run(V1, new, "-o", new))
    assert (
        line
        == f"draftdiff: {new}: refusing to overwrite an input document (choose another output file)"
    )
    assert new.read_bytes() == V2.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.docx"]  # no partial file


def test_an_existing_output_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    out.write_bytes(b"old contents")
    assert run(V1, V2, "-o", out, "--comments").returncode == 0
    with zipfile.ZipFile(out) as archive:
        assert "word/comments.xml" in archive.namelist()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx"]
