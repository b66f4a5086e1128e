"""`draftdiff batch` as a user runs it: outputs, a failing pair that does not stop the
batch, the policy gate's exit codes, and bad input that leaves nothing behind."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from tests.batch.conftest import draftdiff, results
from tests.conftest import SAMPLES

V1, V2, V3 = (SAMPLES / n for n in ("fund-v1-early.md", "fund-v2-middle.md", "fund-v3-final.md"))


def test_a_batch_writes_summaries_in_manifest_order_and_reports_on_request(
    pairs_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done = draftdiff("batch", str(pairs_csv), "-o", str(out), "--html", "--json", "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = results(out)
    assert [r["id"] for r in rows] == [f"supply-{n:04d}-v1--supply-{n:04d}-v2" for n in range(8)]
    assert all(r["status"] == "ok" for r in rows)
    # Pair 2 removes the warranty (one of two guarantees); pair 1 weakens delivery.
    assert rows[2]["changes"]["guarantee.removed"] == 1
    assert rows[1]["changes"]["obligation.weakened"] == 1
    # Pair 0 only adds an audit clause: a new duty for the Supplier.
    assert rows[0]["changes"].get("obligation.added") == 1
    assert rows[2]["ledger"]["old"]["Supplier"]["guarantee"] == 2
    assert rows[2]["ledger"]["new"]["Supplier"]["guarantee"] == 1
    report = json.loads((out / rows[2]["reports"]["json"]).read_text("utf-8"))
    assert report["format"] == "draftdiff/1"
    assert report["old"]["path"] == rows[2]["old"]
    assert rows[2]["old"] == str(pairs_csv.parent / "drafts" / "supply-0002-v1.md")
    assert (out / rows[2]["reports"]["html"]).read_text("utf-8").startswith("<!DOCTYPE html>")
    assert (out / "index.html").is_file()
    last = done.stdout.splitlines()[-1]
    assert last.startswith("8 pairs: 0 with violations, 0 failed, 0 reused from the last run;")
    assert f"index: {out / 'index.html'}" in last


def test_a_pair_that_cannot_be_read_is_reported_and_the_others_still_run(
    tmp_path: Path,
) -> None:
    junk = tmp_path / "scan.docx"
    junk.write_bytes(b"PK\x03\x04 this is no zip at all" * 10)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        f"pairs:\n  - {{old: {V1}, new: {V2}, id: good}}\n"
        f"  - {{old: {V1}, new: scan.docx, id: broken}}\n"
        f"  - {{old: {V2}, new: {V3}, id: also-good}}\n"
    )
    out = tmp_path / "out"
    done = draftdiff("batch", str(manifest), "-o", str(out), "--workers", "2")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith(f"draftdiff: batch: broken: {junk}: ")
    rows = {r["id"]: r for r in results(out)}
    assert rows["good"]["status"] == rows["also-good"]["status"] == "ok"
    assert rows["broken"]["status"] == "failed"
    assert rows["broken"]["error"] == lines[0].removeprefix("draftdiff: batch: broken: ")
    assert "1 failed" in done.stdout


def test_policy_violations_exit_1_and_name_each_pair(pairs_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = draftdiff(
        "batch", str(pairs_csv), "-o", str(out), "--fail-on", "guarantee.removed", "--workers", "2"
    )
    assert done.returncode == 1, done.stderr
    # Pairs 2, 3, 6 and 7 drop the warranty (bit 2 of the pair number).
    hits = [r["id"] for r in results(out) if r["violations"]]
    assert hits == [f"supply-{n:04d}-v1--supply-{n:04d}-v2" for n in (2, 3, 6, 7)]
    fails = [line for line in done.stdout.splitlines() if line.startswith("FAIL ")]
    assert [f.split(":")[0] for f in fails] == [f"FAIL {h}" for h in hits]
    assert "4 with violations" in done.stdout.splitlines()[-1]


def test_a_passing_policy_exits_0(pairs_csv: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "rules:\n  - name: no reassigned duties\n    fail_on: [obligation.reassigned]\n"
    )
    done = draftdiff("batch", str(pairs_csv), "-o", str(tmp_path / "out"), "--policy", str(policy))
    assert done.returncode == 0, done.stdout + done.stderr
    assert all(r["violations"] == [] for r in results(tmp_path / "out"))


def test_a_folder_with_a_rule_needs_no_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    for n, source in enumerate((V1, V2, V3), start=1):
        shutil.copy(source, folder / f"fund-v{n}.md")
    out = tmp_path / "out"
    done = draftdiff("batch", ".", "--rule", "consecutive-by-name", "-o", str(out), cwd=folder)
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in results(out)] == ["fund-v1--fund-v2", "fund-v2--fund-v3"]
    # The index is headed by the folder's name and the rule, not by the "." typed.
    assert "<h1>versions/ (consecutive-by-name)</h1>" in (out / "index.html").read_text()


def _one_line(done: object) -> str:
    assert getattr(done, "returncode", None) == 2, done
    stderr: str = getattr(done, "stderr", "")
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("missing.yaml", None, "missing.yaml: no such manifest"),
        ("bad.yaml", "pairs:\n  - old: [a\n", "bad.yaml:3: invalid YAML:"),
        ("bad.csv", "old,new\na.md\n", "bad.csv:2: 1 fields where the header has 2"),
        (
            "gone.yaml",
            f"pairs:\n  - old: {V1}\n    new: gone.md\n",
            "gone.yaml:3: pairs[0].new: no such file",
        ),
        (
            "rule.yaml",
            "pairs:\n  - folder: .\n    rule: newest\n",
            "rule.yaml:3: pairs[0].rule: unknown pairing rule 'newest'",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_leaves_no_output(
    tmp_path: Path, name: str, text: str | None, expected: str
) -> None:
    if text is not None:
        (tmp_path / name).write_text(text)
    out = tmp_path / "out"
    line = _one_line(draftdiff("batch", name, "-o", str(out), cwd=tmp_path))
    assert line.startswith(f"draftdiff: {expected}"), line
    assert not out.exists()


def test_an_unreachable_scheduler_is_one_line_and_leaves_no_output(
    pairs_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done = draftdiff(
        "batch", str(pairs_csv), "-o", str(out), "--executor", "dask",
        "--scheduler", "tcp://127.0.0.1:9", "--scheduler-timeout", "1",
    )  # fmt: skip
    line = _one_line(done)
    assert line.startswith("draftdiff: tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert not out.exists()


def test_the_dask_executor_without_dask_installed_says_how_to_get_it(
    pairs_csv: Path, tmp_path: Path
) -> None:
    import subprocess

    # A real run in an interpreter where `import distributed` fails, as without the extra.
    code = (
        "import sys; sys.modules['distributed'] = None; from draftdiff.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-c", code, "batch", str(pairs_csv), "-o", str(out), "--executor", "dask"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = _one_line(done)
    assert line == (
        "draftdiff: --executor dask needs the dask and distributed packages "
        "(pip install 'draftdiff[dask]')"
    )
    assert not out.exists()


def test_outputs_never_overwrite_an_input(tmp_path: Path) -> None:
    drafts = tmp_path / "d"
    drafts.mkdir()
    shutil.copy(V1, drafts / "a.md")
    shutil.copy(V2, drafts / "index.html")  # read as plain text; the index would land on it
    before = (drafts / "index.html").read_bytes()
    manifest = tmp_path / "m.csv"
    manifest.write_text("old,new\nd/a.md,d/index.html\n")
    line = _one_line(draftdiff("batch", str(manifest), "-o", str(drafts)))
    assert line.startswith(f"draftdiff: {drafts / 'index.html'}: refusing to overwrite an input")
    assert (drafts / "index.html").read_bytes() == before
    assert sorted(p.name for p in drafts.iterdir()) == ["a.md", "index.html"]


def test_the_command_line_loads_no_dask_until_asked() -> None:
    import subprocess

    code = (
        "import sys\nfrom draftdiff.cli import build_parser\nbuild_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
