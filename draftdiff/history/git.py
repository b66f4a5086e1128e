"""Provides the versions of one file in a git repository, oldest first.

    git_versions("contracts/msa.md")              every commit that changed it
    git_versions("contracts/msa.md", ["v1", "v2"]) the revisions named, in that order

Each version is read with `git show <commit>:<path>` (renames followed with
`git log --follow`) into a temporary file of the same name, so the reader is
chosen by its extension as for any file, and labelled with its commit date, its
author and its short hash. Plain git, run as a subprocess; no git library.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from draftdiff.errors import InputError
from draftdiff.model import Document
from draftdiff.parse.document import parse_file


@dataclass(frozen=True)
class Revision:
    commit: str
    path: str
    """The file's path in that commit, relative to the repository's top."""
    date: str
    """Commit date, YYYY-MM-DD."""
    author: str

    @property
    def label(self) -> str:
        return f"{self.date} {self.author} ({self.commit[:7]})"


def git_versions(
    path: str,
    revs: Sequence[str] = (),
    schema: str | None = None,
    *,
    view: str = "accepted",
    comments: bool = False,
) -> tuple[list[Document], list[str], list[str]]:
    """The documents, labels and sources ("git:<commit>:<path>") of a file's revisions."""
    revisions = revisions_of(path, revs)
    if len(revisions) < 2:
        raise InputError(
            f"has {len(revisions)} committed version{'s' if len(revisions) != 1 else ''}",
            path=path,
            hint="a history needs at least two; name revisions after the path",
        )
    top = repository_top(path)
    documents, labels, sources = [], [], []
    for n, rev in enumerate(revisions):
        documents.append(parse_revision(top, rev, schema, view=view, comments=comments, where=path))
        labels.append(f"v{n + 1} {rev.label}")
        sources.append(f"git:{rev.commit}:{rev.path}")
    return documents, labels, sources


def repository_top(path: str) -> Path:
    """The top folder of the git repository holding `path`."""
    return Path(
        _git(Path(path).resolve().parent, "rev-parse", "--show-toplevel", where=path).strip()
    )


def shown(rev: Revision) -> str:
    """How a revision's file is named in reports: "1a2b3c4:contracts/msa.md"."""
    return f"{rev.commit[:7]}:{rev.path}"


def blob_id(top: Path, rev: Revision, *, where: str) -> str:
    """The git object id of the file in that commit: a hash of its content, so two
    revisions with the same text have the same id."""
    return _git(top, "rev-parse", f"{rev.commit}:{rev.path}", where=where).strip()


def parse_revision(
    top: Path,
    rev: Revision,
    schema: str | None = None,
    *,
    view: str = "accepted",
    comments: bool = False,
    where: str = "",
) -> Document:
    """One revision of the file, parsed and named as `shown(rev)`. It is written to a
    temporary file of the same name, so the reader is chosen by its extension."""
    data = _git_bytes(top, "show", f"{rev.commit}:{rev.path}", where=where or str(top))
    name = shown(rev)
    with tempfile.TemporaryDirectory(prefix="draftdiff-git-") as scratch:
        file = Path(scratch) / Path(rev.path).name
        file.write_bytes(data)
        try:
            document = parse_file(file, schema, view=view, comments=comments)
        except InputError as err:
            raise InputError(err.message, path=name, hint=err.hint) from None
    return replace(document, path=name)


def revisions_of(path: str, revs: Sequence[str] = ()) -> list[Revision]:
    """The commits to read, oldest first (or in the order `revs` names them)."""
    if shutil.which("git") is None:
        raise InputError("git is not installed", path=path, hint="install git or pass the files")
    file = Path(path)
    where = file.resolve().parent
    if not where.is_dir():
        raise InputError("no such directory", path=path)
    top = Path(_git(where, "rev-parse", "--show-toplevel", where=path).strip())
    relative = file.resolve().relative_to(top.resolve()).as_posix()
    fmt = "--format=%x00%H%x09%cs%x09%an"
    log = _git(top, "log", "--follow", "--name-only", fmt, "--", relative, where=path)
    known = _parse_log(log)
    if not revs:
        return list(reversed(known))
    by_commit = {r.commit: r for r in known}
    out = []
    for rev in revs:
        commit = _git(
            top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", where=path, what=rev
        )
        commit = commit.strip()
        found = by_commit.get(commit)
        if found is None:
            # A commit that did not touch the file: read the file as it stood then.
            line = _git(top, "log", "-1", fmt, commit, where=path).strip("\x00\n").split("\t")
            found = Revision(commit, relative, line[1], line[2])
            _git(
                top, "cat-file", "-e", f"{commit}:{relative}", where=path, what=f"{rev}:{relative}"
            )
        out.append(found)
    return out


def _parse_log(log: str) -> list[Revision]:
    out = []
    for record in log.split("\x00")[1:]:
        lines = [x for x in record.splitlines() if x.strip()]
        commit, date, author = lines[0].split("\t", 2)
        if len(lines) > 1:
            out.append(Revision(commit, lines[-1], date, author))
    return out


def _git(cwd: Path, *args: str, where: str, what: str = "") -> str:
    return _git_bytes(cwd, *args, where=where, what=what).decode("utf-8", "replace")


def _git_bytes(cwd: Path, *args: str, where: str, what: str = "") -> bytes:
    result = subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, check=False, timeout=60
    )
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1] if said else f"git {args[0]} failed"
        if what:
            reason = f"unknown revision {what}" if not said else f"{what}: {reason}"
        raise InputError(reason.removeprefix("fatal: "), path=where)
    return result.stdout
