"""Provides the .docx corpus the numbering oracle runs over, rebuilt from fetched repositories.

    .venv/bin/python -m bench.docx_numbering_corpus            # extract + write manifest
    .venv/bin/python -m bench.docx_numbering_corpus --list     # print the manifest

Every .docx at the newest commit of the repositories in `SOURCES` (bare git dirs
that the search tool's `fetch` left under /work/.mirror) is extracted to
/work/data/docx_corpus/<owner+name>/<path>, once per distinct content (the
PowerTools test files are copied across several forks). Nothing here is committed:
the manifest (`manifest.tsv` beside the files) records, per file, its SHA-256,
source repository, commit and path, whether it is a legal document (an agreement,
consent, certificate ... by its path, or by its text: many "shall"s and party nouns)
and its split.

The split is by hash, so it never depends on which files happened to be fetched:
a file is held out when the first hex digit of its SHA-256 is below 4 (a quarter).
Rules are tuned on the dev files only; the held-out figures are reported apart.
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

MIRROR = Path("/work/.mirror")
DATA = Path("/work/data/docx_corpus")
MANIFEST = DATA / "manifest.tsv"
SOURCES = (
    "OpenXmlDev/Open-Xml-PowerTools",
    "JSv4/Docxodus",
    "python-openxml/python-docx",
    "plutext/docx4j",
    "open-agreements/open-agreements",
    "dolanmiu/docx",
    "mwilliamson/mammoth.js",
    "jgm/pandoc",
    "ShayHill/docx2python",
    "dotnet/Open-XML-SDK",
    "apache/poi",
    "Harbour-Enterprises/SuperDoc",
    "superdoc/docx-editor",
    "eigenpal/docx-editor",
    "bokuweb/docx-rs",
)
# Kept for an independent check by someone else: never part of this corpus.
EXCLUDED = ("UseJunior/safe-docx",)
_HELD_OUT_DIGITS = "0123"
# Paths that name a legal document; the open-agreements templates are all legal.
_LEGAL_PATH = re.compile(
    r"agreement|contract|nda\b|nda[-_/]|safe|nvca|consent|covenant|certificate|"
    r"legal|lease|terms|addendum|letter-of-intent|term-sheet|statement-of-work|offer-letter",
    re.IGNORECASE,
)
_LEGAL_REPOS = ("open-agreements/open-agreements",)
# A test document that is in fact an agreement, bylaws or licence (a Microsoft EULA,
# a set of bylaws in docx-rs's fixtures): many "shall"s and party nouns in its text.
_SHALL = re.compile(r"\bshall\b", re.IGNORECASE)
_PARTY_NOUNS = re.compile(
    r"\b(Agreement|Bylaws|Licensee|Licensor|Part(?:y|ies)|Company|Corporation|Customer|"
    r"Provider|Contractor|Seller|Buyer|Tenant|Landlord)\b"
)
_TEXT_RUN = re.compile(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>")


@dataclass(frozen=True)
class Entry:
    """One distinct .docx of the corpus."""

    sha: str
    repo: str
    commit: str
    path: str
    """Path inside the repository (the first one seen for this content)."""
    legal: bool
    split: str
    """"dev" or "held-out"."""

    @property
    def file(self) -> Path:
        return DATA / self.repo.replace("/", "+") / self.path


def _git(repo: str, *args: str) -> bytes:
    git_dir = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
    ).stdout


def _docx_blobs(repo: str) -> Iterator[tuple[str, str, str]]:
    """(commit, path, blob id) of every .docx at the repository's HEAD."""
    commit = _git(repo, "rev-parse", "HEAD").decode().strip()
    listing = _git(repo, "ls-tree", "-r", "-z", "HEAD").decode("utf-8", "replace")
    for row in listing.split("\0"):
        if not row:
            continue
        meta, path = row.split("\t", 1)
        _mode, kind, blob = meta.split()
        if kind == "blob" and path.lower().endswith(".docx"):
            yield commit, path, blob


def is_legal(repo: str, path: str, data: bytes) -> bool:
    """A legal document by where it lies or by what it says."""
    if repo in _LEGAL_REPOS or _LEGAL_PATH.search(path):
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            body = package.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    text = b" ".join(_TEXT_RUN.findall(body)).decode("utf-8", "replace")
    return (
        len(text.split()) >= 1000
        and len(_SHALL.findall(text)) >= 10
        and len(_PARTY_NOUNS.findall(text)) >= 10
    )


def split_of(sha: str) -> str:
    return "held-out" if sha[0] in _HELD_OUT_DIGITS else "dev"


def build() -> list[Entry]:
    """Extract every distinct .docx and write the manifest."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for repo in SOURCES:
        if repo in EXCLUDED or not (MIRROR / repo.replace("/", "+") / "repo").exists():
            print(f"skipped {repo}: not fetched", file=sys.stderr)
            continue
        for commit, path, blob in _docx_blobs(repo):
            try:
                data = _git(repo, "cat-file", "blob", blob)
            except subprocess.CalledProcessError:
                continue  # snapshots leave out files of 4 MiB and more
            # A zip starts with PK; LFS pointers and stray text files are not documents.
            if not data.startswith(b"PK"):
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in seen:
                continue
            seen.add(sha)
            entry = Entry(sha, repo, commit, path, is_legal(repo, path, data), split_of(sha))
            entry.file.parent.mkdir(parents=True, exist_ok=True)
            entry.file.write_bytes(data)
            entries.append(entry)
    DATA.mkdir(parents=True, exist_ok=True)
    rows = ["sha256\trepo\tcommit\tpath\tlegal\tsplit"]
    rows += [f"{e.sha}\t{e.repo}\t{e.commit}\t{e.path}\t{int(e.legal)}\t{e.split}" for e in entries]
    MANIFEST.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return entries


def load() -> list[Entry]:
    """The manifest as written by `build` (empty when the corpus was never built)."""
    if not MANIFEST.exists():
        return []
    out = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines()[1:]:
        sha, repo, commit, path, legal, split = line.split("\t")
        out.append(Entry(sha, repo, commit, path, legal == "1", split))
    return out


def main(argv: Sequence[str]) -> int:
    fetched = [r for r in SOURCES if (MIRROR / r.replace("/", "+") / "repo").exists()]
    if "--list" not in argv and not fetched:
        # build() would write an empty manifest over one built before.
        print(
            f"no source repository fetched under {MIRROR}: fetch github:<repo> for", file=sys.stderr
        )
        print("  " + ", ".join(SOURCES), file=sys.stderr)
        return 2
    entries = load() if "--list" in argv else build()
    for entry in entries:
        if "--list" in argv:
            print(f"{entry.split:<8} {'legal' if entry.legal else '':<5} {entry.file}")
    legal = sum(e.legal for e in entries)
    held = sum(e.split == "held-out" for e in entries)
    print(f"{len(entries)} distinct .docx ({legal} legal, {held} held out) in {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
