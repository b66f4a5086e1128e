"""Provides the drafts a browser session works on: paths, parsed documents, comparisons.

Two or more versions, oldest first. Each document is parsed once and each comparison
computed once, when first needed; the comparisons of consecutive versions give a
clause's history. Plain Python, no Textual: `load` is what the browser runs in the
background, with a progress callback.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from draftdiff.analyse.provisions import Analysis
from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.model import Document
from draftdiff.parse.given_parties import GivenParties
from draftdiff.tui.background import parse_files

PairKey = tuple[int, int]
"""Indexes of the old and the new version, old < new."""

Progress = Callable[[str, int, int], None]
"""Called with (what is being done, steps done, steps in all)."""


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


class VersionSet:
    """Two or more versions of one agreement, oldest first."""

    def __init__(
        self,
        paths: Sequence[str],
        schema: str | None = None,
        *,
        parallel: bool | None = None,
        parties: GivenParties | None = None,
    ) -> None:
        if len(paths) < 2:
            raise ValueError("a comparison needs at least two versions")
        self.paths: tuple[str, ...] = tuple(paths)
        self.schema = schema
        self.parties = parties or GivenParties()
        """Parties named by the user (--party), replacing those found in every version."""
        self.parallel = parallel
        """Parse in child processes: True, False, or None to decide by size."""
        self._documents: dict[int, Document] = {}
        self._comparisons: dict[PairKey, Comparison] = {}
        # load() runs in a background thread; the browser may ask for another pair meanwhile.
        self._lock = threading.Lock()

    @classmethod
    def of(cls, comparisons: Sequence[Comparison]) -> VersionSet:
        """A set already compared: consecutive comparisons of versions 0→1, 1→2, ...
        (used to open the browser on a Comparison built elsewhere)."""
        documents = [comparisons[0].old, *(c.new for c in comparisons)]
        versions = cls([d.path for d in documents])
        versions._documents = dict(enumerate(documents))
        versions._comparisons = {(k, k + 1): c for k, c in enumerate(comparisons)}
        return versions

    def _analysed(self, version: int) -> Analysis | None:
        """The analysis of a version a comparison already made, if any."""
        for (old, new), comparison in self._comparisons.items():
            if version in (old, new):
                return comparison.analysis_old if version == old else comparison.analysis_new
        return None

    def __len__(self) -> int:
        return len(self.paths)

    @property
    def default_pair(self) -> PairKey:
        """The first two versions: a run of drafts is read in the order it was written,
        and `]` steps to the next pair."""
        return (0, 1)

    def label(self, version: int) -> str:
        """How the browser names a version: "v2 middle.md" (just the file name when there
        are only two, or when the name already says which version it is: "v2.md",
        "fund-v2-middle.md"; with its folder when another version has the same name)."""
        path = Path(self.paths[version])
        names = [Path(p).name for p in self.paths]
        name = path.name if names.count(path.name) == 1 else f"{path.parent.name}/{path.name}"
        tag = f"v{version + 1}"
        if len(self) == 2 or re.search(rf"(?<![^\W_]){tag}(?!\d)", path.stem, re.IGNORECASE):
            return name
        return f"{tag} {name}"

    def pair_label(self, key: PairKey) -> str:
        return f"{self.label(key[0])} → {self.label(key[1])}"

    def pairs(self) -> tuple[PairKey, ...]:
        """Every pair a reviewer can pick: consecutive ones first, then the others."""
        count = len(self)
        consecutive = [(k, k + 1) for k in range(count - 1)]
        others = [(i, j) for i in range(count) for j in range(i + 2, count)]
        return tuple(consecutive + others)

    def consecutive(self) -> tuple[PairKey, ...]:
        return tuple((k, k + 1) for k in range(len(self) - 1))

    def has(self, keys: Iterable[PairKey]) -> bool:
        """True when every comparison in `keys` is ready (nothing left to load)."""
        with self._lock:
            return all(key in self._comparisons for key in keys)

    def comparison(self, key: PairKey) -> Comparison:
        """A comparison already loaded (KeyError otherwise: call load first)."""
        with self._lock:
            return self._comparisons[key]

    def load(self, keys: Sequence[PairKey], progress: Progress = _no_progress) -> None:
        """Parse the documents and compute the comparisons `keys` need, reporting each step."""
        for old, new in keys:
            if not (0 <= old < new < len(self)):
                raise IndexError(f"no versions {old + 1} and {new + 1} of {len(self)}")
        with self._lock:
            wanted = sorted({v for key in keys for v in key} - set(self._documents))
            missing = [key for key in dict.fromkeys(keys) if key not in self._comparisons]
        total = len(wanted) + len(missing)
        step = 0
        if wanted:
            names = ", ".join(Path(self.paths[v]).name for v in wanted)
            progress(f"Reading {names}", 0, total)

            def parsed(_: int) -> None:
                nonlocal step
                step += 1
                progress(f"Reading {names}", step, total)

            documents = parse_files(
                [self.paths[v] for v in wanted], self.schema, parsed, parallel=self.parallel
            )
            documents = [self.parties.apply(d) for d in documents]
            with self._lock:
                self._documents.update(zip(wanted, documents, strict=True))
        for key in missing:
            progress(f"Comparing {self.pair_label(key)}", step, total)
            with self._lock:
                before, after = self._documents[key[0]], self._documents[key[1]]
                read = {v: self._analysed(v) for v in key}
            result = compare(before, after, analysis_old=read[key[0]], analysis_new=read[key[1]])
            with self._lock:
                self._comparisons[key] = result
            step += 1
            progress(f"Compared {self.pair_label(key)}", step, total)
