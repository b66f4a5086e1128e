"""Provides the pairing rules: which pairs a folder (or a file's git history) makes.

    against-template      every file of the folder against one template
    consecutive-by-name   the folder's files in version order of their names
                          ("v2" before "v10"), each against the next
    consecutive-by-date   the same, ordered by modification time (then by name)
    git-revisions         a file's commits (or the revisions named), each against
                          the next: draftdiff/history/git.py reads them

A folder rule takes the folder's own documents (not its subfolders): the files
`glob` matches, by default every file with an extension draftdiff reads. Hidden
files are left out (editors' lock files, "~$draft.docx").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from draftdiff.batch.job import Source
from draftdiff.errors import InputError

RULES = ("against-template", "consecutive-by-name", "consecutive-by-date", "git-revisions")
FOLDER_RULES = RULES[:3]
DOCUMENT_SUFFIXES = (".md", ".markdown", ".mdown", ".txt", ".text", ".docx", ".pdf")


@dataclass(frozen=True)
class Pairing:
    """Two sources and the id the rule suggests for them."""

    old: Source
    new: Source
    id: str


def file_source(path: Path, shown: str) -> Source:
    return Source(shown=shown, path=str(path.resolve()))


def folder_files(folder: Path, shown: str, glob: str | None) -> list[tuple[Path, str]]:
    """The documents of a folder, as (path, shown name), in version order of their names."""
    if not folder.is_dir():
        raise InputError("no such folder" if not folder.exists() else "not a folder", path=shown)
    found = [
        p
        for p in folder.glob(glob or "*")
        if p.is_file()
        and not p.name.startswith((".", "~"))
        and (glob is not None or p.suffix.lower() in DOCUMENT_SUFFIXES)
    ]
    found.sort(key=lambda p: version_order(p.name))
    return [(p, str(Path(shown) / p.name)) for p in found]


def version_order(name: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key reading runs of digits as numbers: "v2" < "v10", "2025-3" < "2025-12"."""
    parts = re.split(r"(\d+)", name.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def against_template(
    files: Sequence[tuple[Path, str]], template: Path, template_shown: str
) -> list[Pairing]:
    old = file_source(template, template_shown)
    resolved = template.resolve()
    return [
        Pairing(old, file_source(p, shown), f"{template.stem}--{p.stem}")
        for p, shown in files
        if p.resolve() != resolved
    ]


def consecutive(files: Sequence[tuple[Path, str]], by: str) -> list[Pairing]:
    """Each file against the next, in name order or (by="date") modification time."""
    ordered = list(files)
    if by == "date":
        # Stable: files with the same time stay in name order.
        ordered.sort(key=lambda item: item[0].stat().st_mtime)
    sources = [(file_source(p, shown), p.stem) for p, shown in ordered]
    return [
        Pairing(a, b, f"{a_stem}--{b_stem}")
        for (a, a_stem), (b, b_stem) in itertools.pairwise(sources)
    ]


def git_revisions(path: Path, shown: str, revs: Sequence[str]) -> list[Pairing]:
    """Consecutive revisions of a file in its git repository."""
    from draftdiff.history.git import repository_top, revisions_of
    from draftdiff.history.git import shown as revision_name

    revisions = revisions_of(str(path), revs)
    if len(revisions) < 2:
        raise InputError(
            f"has {len(revisions)} committed version{'s' if len(revisions) != 1 else ''}",
            path=shown,
            hint="a pair needs two; name revisions with `revisions:`",
        )
    top = str(repository_top(str(path)))
    sources = [
        Source(
            shown=revision_name(r),
            path=top,
            commit=r.commit,
            repo_path=r.path,
            date=r.date,
            author=r.author,
        )
        for r in revisions
    ]
    stem = path.stem
    return [
        Pairing(a, b, f"{stem}-{a.commit[:7]}--{b.commit[:7]}")
        for a, b in itertools.pairwise(sources)
    ]
