"""Provides what makes a batch resumable: each pair's key, and the record of finished pairs.

A pair's key is a hash of everything its result depends on: the content of both
inputs (a git revision by its blob id), the schema (a schema file by its content),
the options, the given parties, the policy, the per-pair reports asked for, the
pair's id and the draftdiff version. Same key, same result; so a rerun takes the
summary of a pair whose key is in the state file instead of comparing it again.

The state file (`state.jsonl` in the output folder) gets one line per finished pair
as soon as it finishes, appended and flushed, so an interruption (Ctrl-C, a kill, a
crash) loses at most the pairs still running. A line cut short by a kill is not
valid JSON and is ignored. Failed pairs are not recorded: a rerun tries them again.
At the end of a complete run the file is rewritten, atomically, with this run's pairs
only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from draftdiff import __version__
from draftdiff.batch.job import Source
from draftdiff.output import write_atomic
from draftdiff.parse.given_parties import GivenParties
from draftdiff.policy import Policy

STATE_FILE = "state.jsonl"


def content_digest(source: Source) -> str:
    """A hash of what one side reads: the file's bytes, or the revision's blob id."""
    if source.commit:
        from draftdiff.history.git import Revision, blob_id

        rev = Revision(source.commit, source.repo_path, source.date, source.author)
        return "git:" + blob_id(Path(source.path), rev, where=source.shown)
    digest = hashlib.sha256()
    with Path(source.path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def schema_digest(schema: str | None) -> str:
    """A built-in schema by name (it changes with the version); a file by its content."""
    if schema is None:
        return "best fit"
    path = Path(schema)
    if path.is_absolute() and path.is_file():
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    return schema


def options_digest(
    *,
    view: str,
    comments: bool,
    parties: GivenParties,
    policies: Sequence[Policy],
    formats: Sequence[str],
) -> str:
    """A hash of the options every pair of the batch shares."""
    # The reprs of frozen dataclasses of tuples, strings and enums are stable.
    text = repr((__version__, view, comments, parties, tuple(policies), tuple(formats)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pair_key(
    pair_id: str, old: str, new: str, shown: tuple[str, str], schema: str, options: str
) -> str:
    text = json.dumps([pair_id, old, new, list(shown), schema, options])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_state(out_dir: Path) -> dict[str, dict[str, Any]]:
    """The finished pairs recorded in the output folder, by key (none when there is no
    state file; lines that are not complete JSON objects are skipped)."""
    done: dict[str, dict[str, Any]] = {}
    path = out_dir / STATE_FILE
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return done
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("status") == "ok" and "key" in entry:
            done[str(entry["key"])] = entry
    return done


class StateLog:
    """The state file, open for appending one finished pair at a time."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / STATE_FILE
        self.stream: IO[str] | None = None

    def record(self, summary: Mapping[str, Any]) -> None:
        if summary.get("status") != "ok":
            return
        if self.stream is None:
            self.stream = self.path.open("a", encoding="utf-8")
            # A line cut short by an earlier kill must not swallow this one.
            if self.stream.tell() and not self.path.read_bytes().endswith(b"\n"):
                self.stream.write("\n")
        self.stream.write(json.dumps(summary, ensure_ascii=False, sort_keys=True) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            self.stream = None

    def compact(self, summaries: Iterable[Mapping[str, Any]], inputs: Sequence[str]) -> None:
        """Rewrite the file with exactly these pairs' records (a complete run's)."""
        self.close()
        lines = [
            json.dumps(s, ensure_ascii=False, sort_keys=True) + "\n"
            for s in summaries
            if s.get("status") == "ok"
        ]
        write_atomic(self.path, "".join(lines), inputs=inputs)
