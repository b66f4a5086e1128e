"""Reading manifests: pairs listed in YAML or CSV, folders paired by a rule, a file's git
revisions; and errors that name the manifest, the line and the entry."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from draftdiff.batch.manifest import load_manifest
from draftdiff.batch.pairing import version_order
from draftdiff.errors import InputError
from tests.conftest import SAMPLES

V1, V2, V3, V4 = (
    SAMPLES / n
    for n in ("fund-v1-early.md", "fund-v2-middle.md", "fund-v3-final.md", "fund-v4-counter.md")
)


def _copy(folder: Path, *names: tuple[Path, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for source, name in names:
        shutil.copy(source, folder / name)


def test_yaml_pairs_are_relative_to_the_manifest_with_ids_and_schemas(tmp_path: Path) -> None:
    _copy(tmp_path / "d", (V1, "a.md"), (V2, "b.md"), (V3, "c.md"))
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        "schema: agreement\n"
        "pairs:\n"
        "  - {old: d/a.md, new: d/b.md}\n"
        "  - old: d/b.md\n"
        "    new: d/c.md\n"
        "    id: middle\n"
        "    schema: contract\n",
        "utf-8",
    )
    got = load_manifest(str(manifest))
    assert [(p.id, p.old.shown, p.new.shown, p.schema) for p in got.pairs] == [
        ("a--b", f"{tmp_path}/d/a.md", f"{tmp_path}/d/b.md", "agreement"),
        ("middle", f"{tmp_path}/d/b.md", f"{tmp_path}/d/c.md", "contract"),
    ]
    assert got.pairs[1].where == f"{manifest}:4"


def test_csv_rows_with_optional_id_and_schema_and_comments(tmp_path: Path) -> None:
    _copy(tmp_path / "d", (V1, "a.md"), (V2, "b.md"))
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "# the first round\nold,new,id,schema\nd/a.md,d/b.md,round-1,\nd/b.md,d/a.md,,agreement\n",
        "utf-8",
    )
    got = load_manifest(str(manifest))
    assert [(p.id, p.schema, p.where) for p in got.pairs] == [
        ("round-1", None, f"{manifest}:3"),
        ("b--a", "agreement", f"{manifest}:4"),
    ]


def test_every_file_against_the_template_skips_the_template_itself(tmp_path: Path) -> None:
    _copy(tmp_path / "s", (V1, "template.md"), (V2, "acme.md"), (V3, "beta.md"))
    (tmp_path / "s" / "notes.csv").write_text("not a draft")
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        "pairs:\n  - folder: s\n    rule: against-template\n    template: s/template.md\n"
    )
    got = load_manifest(str(manifest))
    assert [(Path(p.old.shown).name, Path(p.new.shown).name) for p in got.pairs] == [
        ("template.md", "acme.md"),
        ("template.md", "beta.md"),
    ]
    assert [p.id for p in got.pairs] == ["template--acme", "template--beta"]


def test_consecutive_by_name_reads_version_numbers_as_numbers(tmp_path: Path) -> None:
    _copy(tmp_path / "v", (V1, "msa-v2.md"), (V2, "msa-v10.md"), (V3, "msa-v1.md"))
    manifest = tmp_path / "m.yaml"
    manifest.write_text("pairs:\n  - folder: v\n    rule: consecutive-by-name\n")
    got = load_manifest(str(manifest))
    assert [p.id for p in got.pairs] == ["msa-v1--msa-v2", "msa-v2--msa-v10"]
    assert sorted(["b10", "b9", "a", "B1"], key=version_order) == ["a", "B1", "b9", "b10"]


def test_consecutive_by_date_follows_modification_times(tmp_path: Path) -> None:
    _copy(tmp_path / "v", (V1, "first.md"), (V2, "second.md"), (V3, "third.md"))
    for name, when in (("first.md", 3_000), ("second.md", 1_000), ("third.md", 2_000)):
        os.utime(tmp_path / "v" / name, (when, when))
    manifest = tmp_path / "m.yaml"
    manifest.write_text("pairs:\n  - folder: v\n    rule: consecutive-by-date\n")
    got = load_manifest(str(manifest))
    assert [p.id for p in got.pairs] == ["second--third", "third--first"]


def _git(repo: Path, *args: str, date: str = "2025-01-01T09:00:00+00:00") -> str:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(repo),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Ana Díaz",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "Ana Díaz",
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, env=env, text=True
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    for n, source in enumerate((V1, V2, V3)):
        shutil.copy(source, root / "fund.md")
        date = f"2025-0{n + 1}-10T09:00:00+00:00"
        _git(root, "add", "-A", date=date)
        _git(root, "commit", "-qm", f"draft {n + 1}", date=date)
        _git(root, "tag", f"v{n + 1}", date=date)
    return root


def test_git_revisions_pair_consecutive_commits_of_the_file(repo: Path) -> None:
    manifest = repo / "batch.yaml"
    manifest.write_text("pairs:\n  - file: fund.md\n    rule: git-revisions\n")
    got = load_manifest(str(manifest))
    commits = [_git(repo, "rev-parse", f"v{n}") for n in (1, 2, 3)]
    assert [(p.old.commit, p.new.commit) for p in got.pairs] == [
        (commits[0], commits[1]),
        (commits[1], commits[2]),
    ]
    assert got.pairs[0].old.shown == f"{commits[0][:7]}:fund.md"
    assert got.pairs[0].id == f"fund-{commits[0][:7]}--{commits[1][:7]}"


def test_git_revisions_named_in_the_manifest(repo: Path) -> None:
    manifest = repo / "batch.yaml"
    manifest.write_text(
        "pairs:\n  - file: fund.md\n    rule: git-revisions\n    revisions: [v1, v3]\n"
    )
    got = load_manifest(str(manifest))
    assert [(p.old.commit, p.new.commit) for p in got.pairs] == [
        (_git(repo, "rev-parse", "v1"), _git(repo, "rev-parse", "v3"))
    ]


def _error(tmp_path: Path, name: str, text: str) -> str:
    manifest = tmp_path / name
    manifest.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_manifest(str(manifest))
    return str(caught.value).replace(str(tmp_path) + "/", "")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "m.yaml",
            "pairs:\n  - old: a.md\n    new: [b\n",
            "m.yaml:4: invalid YAML: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "m.yaml",
            f"pairs:\n  - old: {V1}\n    new: missing.md\n",
            "m.yaml:3: pairs[0].new: no such file: missing.md",
        ),
        (
            "m.yaml",
            "pairs:\n  - folder: .\n    rule: by-name\n",
            "m.yaml:3: pairs[0].rule: unknown pairing rule 'by-name' (rules: against-template, "
            "consecutive-by-name, consecutive-by-date, git-revisions)",
        ),
        (
            "m.yaml",
            f"pairs:\n  - old: {V1}\n    new: {V2}\n    shema: treaty\n",
            "m.yaml:4: pairs[0].shema: unknown key (known keys: file, folder, glob, id, new, "
            "old, revisions, rule, schema, template)",
        ),
        (
            "m.yaml",
            f"pairs:\n  - old: {V1}\n    new: {V2}\n    schema: tretay\n",
            "m.yaml:4: pairs[0]: no schema named 'tretay'",
        ),
        (
            "m.yaml",
            "- a\n- b\n",
            "m.yaml:1: a manifest must be a YAML mapping with a `pairs:` list",
        ),
        ("m.csv", f"old,new\n{V1},{V2}\n{V1}\n", "m.csv:3: 1 fields where the header has 2"),
        ("m.csv", "old,neu\n", "m.csv:1: unknown column 'neu'"),
        ("m.csv", f"old,new\n{V1},\n", "m.csv:2: new: empty"),
        ("m.csv", "", "m.csv:1: empty manifest"),
    ],
)
def test_bad_manifests_name_file_line_and_problem(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    assert _error(tmp_path, name, text).startswith(message)


def test_duplicate_and_unsafe_ids_are_refused(tmp_path: Path) -> None:
    dup = f"pairs:\n  - {{old: {V1}, new: {V2}, id: x}}\n  - {{old: {V2}, new: {V3}, id: x}}\n"
    assert _error(tmp_path, "m.yaml", dup).startswith(
        "m.yaml:3: pairs[1].id: id 'x' already used at"
    )
    unsafe = f"pairs:\n  - {{old: {V1}, new: {V2}, id: ../../etc}}\n"
    assert "'../../etc' is not a usable id" in _error(tmp_path, "m.yaml", unsafe)


def test_derived_ids_of_the_same_names_stay_apart(tmp_path: Path) -> None:
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"pairs:\n  - {{old: {V1}, new: {V2}}}\n  - {{old: {V1}, new: {V2}}}\n")
    got = load_manifest(str(manifest))
    assert [p.id for p in got.pairs] == [
        "fund-v1-early--fund-v2-middle",
        "fund-v1-early--fund-v2-middle-2",
    ]


def test_a_batch_over_git_revisions_compares_each_commit_with_the_next(repo: Path) -> None:
    from tests.batch.conftest import draftdiff, results

    manifest = repo / "batch.yaml"
    manifest.write_text("pairs:\n  - file: fund.md\n    rule: git-revisions\n")
    out = repo.parent / "out"
    done = draftdiff("batch", str(manifest), "-o", str(out), "--workers", "1")
    assert done.returncode == 0, done.stderr
    rows = results(out)
    commits = [_git(repo, "rev-parse", f"v{n}")[:7] for n in (1, 2, 3)]
    assert [(r["old"], r["new"]) for r in rows] == [
        (f"{commits[0]}:fund.md", f"{commits[1]}:fund.md"),
        (f"{commits[1]}:fund.md", f"{commits[2]}:fund.md"),
    ]
    assert all(r["status"] == "ok" and r["substantive"] > 0 for r in rows)
    # The working copy changing does not change the revisions: nothing to redo.
    (repo / "fund.md").write_text("uncommitted edits\n")
    again = draftdiff("batch", str(manifest), "-o", str(out), "--workers", "1")
    assert "2 reused from the last run; 0 compared" in again.stdout
