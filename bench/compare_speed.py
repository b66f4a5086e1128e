"""Measures how draftdiff's cost grows with document size, against peers in the same run.

Synthetic drafts are built from the sample agreement's clauses, repeated with new
article numbers up to the page count asked for (one page ~ 3,000 characters).
The revision edits one clause in fifty, deletes one in two hundred, inserts an
article near the start (renumbering everything after it) - a typical "mostly
unchanged" late draft - or, with --rewrite, rewords every clause.

Peers, each on the same pair of files:
  git      `git diff --no-index --word-diff=porcelain` (C, line diff then words)
  redlines the `redlines` package (Python word diff producing Markdown redlines),
           when installed (`make bench` installs it into the venv); its cost grows with
           the square of the size, so it is run only up to REDLINES_MAX_PAGES

    python -m bench.compare_speed [--pages 10 100 1000] [--rewrite]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import resource
import subprocess
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "fund-v1-early.md"
PAGE_CHARS = 3000
REDLINES_MAX_PAGES = 50
_ARTICLE = re.compile(r"^## Article (\d+)", re.MULTILINE)


def articles() -> list[str]:
    """The sample's articles as Markdown chunks, numbers replaced by a placeholder."""
    text = SAMPLE.read_text(encoding="utf-8")
    chunks = _ARTICLE.split(text)
    out = []
    for i in range(1, len(chunks) - 1, 2):
        number, body = chunks[i], chunks[i + 1]
        body = re.sub(rf"^{number}\.(\d+)", r"{n}.\1", body, flags=re.MULTILINE)
        out.append("## Article {n}" + body.rstrip() + "\n\n")
    return out


def build(pages: int, rng: random.Random, *, rewrite: bool) -> tuple[str, str]:
    pool = articles()
    old_parts: list[str] = []
    size = 0
    while size < pages * PAGE_CHARS:
        chunk = pool[len(old_parts) % len(pool)]
        old_parts.append(chunk)
        size += len(chunk)
    new_parts = list(old_parts)
    new_parts.insert(1, pool[3])  # a new article near the start renumbers the rest
    new_parts = [_revise(part, rng, rewrite=rewrite) for part in new_parts]
    header = "# Reconstruction Investment Fund Agreement\n\n"
    old = header + "".join(p.replace("{n}", str(i + 1)) for i, p in enumerate(old_parts))
    new = header + "".join(p.replace("{n}", str(i + 1)) for i, p in enumerate(new_parts))
    return old, new


def _revise(article: str, rng: random.Random, *, rewrite: bool) -> str:
    lines = article.split("\n\n")
    out = []
    for line in lines:
        roll = rng.random()
        if rewrite:
            words = line.split(" ")
            tail = words[2:]  # keep the number, reorder the words after it
            rng.shuffle(tail)
            out.append(" ".join(words[:2] + tail))
        elif roll < 0.005 and not line.startswith("##"):
            continue  # clause deleted
        elif roll < 0.025:
            out.append(line.replace(" shall ", " shall use reasonable efforts to ", 1))
        else:
            out.append(line)
    return "\n\n".join(out)


def timed(run: Callable[[], object]) -> float:
    """CPU seconds used by `run`, its child processes included.

    CPU time, not wall time: other work on the machine (a test suite, a build) then
    barely moves the figures, so runs stay comparable."""
    start_self = time.process_time()
    start_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    run()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = (children.ru_utime - start_children.ru_utime) + (
        children.ru_stime - start_children.ru_stime
    )
    return time.process_time() - start_self + child


def run_draftdiff(old: Path, new: Path) -> None:
    compare(parse_file(old, "agreement"), parse_file(new, "agreement"))


def run_git(old: Path, new: Path) -> None:
    subprocess.run(
        ["git", "diff", "--no-index", "--word-diff=porcelain", str(old), str(new)],
        capture_output=True,
        check=False,
    )


def redlines_runner() -> Callable[[Path, Path], None] | None:
    try:
        from redlines import Redlines  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None

    def run(old: Path, new: Path) -> None:
        Redlines(old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")).output_markdown  # noqa: B018

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 50, 100, 250, 500, 1000])
    parser.add_argument("--rewrite", action="store_true", help="reword every clause")
    args = parser.parse_args()
    rng = random.Random(2025)
    peers: dict[str, Callable[[Path, Path], None]] = {"git": run_git}
    if (redlines := redlines_runner()) is not None:
        peers["redlines"] = redlines
    header = f"{'pages':>6} {'clauses':>8} {'draftdiff':>10}"
    header += "".join(f" {name:>9} {'ratio':>7}" for name in peers)
    kind = "rewrite" if args.rewrite else "mostly unchanged"
    print(f"{kind}: CPU seconds (parse both + compare), ratio = draftdiff / peer")
    print(header)
    previous: tuple[int, float] | None = None
    for pages in args.pages:
        old_text, new_text = build(pages, rng, rewrite=args.rewrite)
        with tempfile.TemporaryDirectory() as tmp:
            old, new = Path(tmp, "old.md"), Path(tmp, "new.md")
            old.write_text(old_text, encoding="utf-8")
            new.write_text(new_text, encoding="utf-8")
            ours = timed(partial(run_draftdiff, old, new))
            clauses = parse_file(old, "agreement").clause_count
            row = f"{pages:>6} {clauses:>8} {ours:>10.2f}"
            for name, run in peers.items():
                if name == "redlines" and pages > REDLINES_MAX_PAGES:
                    row += f" {'-':>9} {'-':>7}"
                    continue
                theirs = timed(partial(run, old, new))
                row += f" {theirs:>9.2f} {ours / theirs:>7.1f}"
        if previous:
            slope = math.log(ours / previous[1]) / math.log(clauses / previous[0])
            row += f"   growth exponent {slope:.2f}"
        previous = (clauses, ours)
        print(row, flush=True)


if __name__ == "__main__":
    main()
