"""Bad input gets one line on stderr naming the file and the problem, exit 2,
no traceback and no output file left behind (the wording is part of the contract)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

V1 = str(SAMPLES / "fund-v1-early.md")
V2 = str(SAMPLES / "fund-v2-middle.md")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DRAFTDIFF_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "draftdiff", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_missing_file_is_named(tmp_path: Path) -> None:
    result = run("diff", V1, str(tmp_path / "nope.md"))
    assert one_line_error(result) == f"draftdiff: {tmp_path / 'nope.md'}: no such file"


def test_binary_junk_is_refused_by_name(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    line = one_line_error(run("diff", V1, str(junk)))
    assert line.startswith(f"draftdiff: {junk}: ")
    assert "binary" in line


def test_latin1_text_is_refused_with_the_offending_byte(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("1. Le fournisseur doit livrer à temps.".encode("latin-1"))
    line = one_line_error(run("diff", V1, str(latin)))
    assert line.startswith(f"draftdiff: {latin}: not UTF-8")
    assert "invalid byte 0xE0 at offset 30" in line


def test_directory_given_as_document(tmp_path: Path) -> None:
    line = one_line_error(run("diff", V1, str(tmp_path)))
    assert line == f"draftdiff: {tmp_path}: is a directory, not a document"


def test_unknown_schema_lists_the_builtins() -> None:
    line = one_line_error(run("diff", V1, V2, "--schema", "treaty"))
    assert line == (
        "draftdiff: no schema named 'treaty' "
        "(built-in schemas: agreement, contract, gesetz, license)"
    )


def test_invalid_schema_file_error_has_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: bad\ndescription: x\nlevels:\n  - name: s\n    match: ['(']\n", encoding="utf-8"
    )
    line = one_line_error(run("schema", "validate", str(bad)))
    assert line.startswith(f"draftdiff: {bad}:5: levels[0].match[0]: invalid regular expression")


def test_failed_run_leaves_no_output_file_and_keeps_an_existing_one(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    one_line_error(
        run("diff", V1, str(tmp_path / "missing.md"), "--format", "json", "-o", str(out))
    )
    assert not out.exists()
    out.write_text("previous report", encoding="utf-8")
    one_line_error(run("diff", V1, str(tmp_path / "missing.md"), "-o", str(out)))
    assert out.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_output_over_an_input_document_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    old.write_text(Path(V1).read_text(encoding="utf-8"), encoding="utf-8")
    before = old.read_bytes()
    line = one_line_error(run("diff", str(old), V2, "-o", str(old)))
    assert line == (
        f"draftdiff: {old}: refusing to overwrite an input document (choose another output file)"
    )
    assert old.read_bytes() == before


def test_output_into_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.json"
    line = one_line_error(run("diff", V1, V2, "-o", str(target)))
    assert line == f"draftdiff: {target}: folder does not exist"


def test_unsupported_format_says_what_to_do(tmp_path: Path) -> None:
    # PDFs are read now (tests/parse/test_read_pdf.py); OpenDocument is not yet.
    odt = tmp_path / "draft.odt"
    odt.write_bytes(b"<office:document/>")
    line = one_line_error(run("parse", str(odt)))
    assert line == (
        f"draftdiff: {odt}: .odt files are not supported yet "
        "(convert it to .docx, Markdown or plain text)"
    )


@pytest.mark.parametrize(
    "args", [["diff", V1], ["frobnicate"], ["diff", "--format", "xml", V1, V2]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_pathological_markdown_is_read_as_text_quickly_with_a_note(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text("1.1 Velmora shall pay.\n\n" + "[" * 200_000 + "\n", encoding="utf-8")
    result = run("parse", str(hostile))
    assert result.returncode == 0, result.stderr
    assert "note: Markdown markup too dense in the paragraph at line 3; read as plain text" in (
        result.stdout
    )
