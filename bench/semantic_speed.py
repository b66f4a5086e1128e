"""Measures what the semantic layer costs, beside a plain line diff, and how it grows.

    python -m bench.semantic_speed [CORPUS_DIR]

1. The longest text pair of the corpus: parse, compare (align + word diff + the
   semantic layer), and of that the analysis of both versions alone; beside it the
   peer a reader would otherwise use, difflib's unified diff of the two files.
2. Growth: one document repeated 1, 2, 4, 8 and 16 times and analysed; if the cost
   is linear, the time per 100 KB stays flat.

Each figure is the best of three runs (the machines these run on are shared).
"""

from __future__ import annotations

import difflib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from draftdiff.analyse.provisions import analyse
from draftdiff.diff.compare import compare
from draftdiff.parse.document import parse_file, parse_text

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RUNS = 3


def best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def longest_pair(corpus: Path) -> tuple[Path, Path]:
    pairs = []
    for folder in corpus.glob("*/pairs/*"):
        old = [p for p in folder.glob("old.*") if p.suffix in (".md", ".txt")]
        new = [p for p in folder.glob("new.*") if p.suffix in (".md", ".txt")]
        if old and new:
            pairs.append((old[0].stat().st_size + new[0].stat().st_size, old[0], new[0]))
    _, old_path, new_path = max(pairs)
    return old_path, new_path


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    old_path, new_path = longest_pair(corpus)
    size = (old_path.stat().st_size + new_path.stat().st_size) / 1024
    old, new = parse_file(old_path), parse_file(new_path)
    old_text = old_path.read_text(encoding="utf-8").splitlines()
    new_text = new_path.read_text(encoding="utf-8").splitlines()

    t_parse = best(lambda: (parse_file(old_path), parse_file(new_path)))
    t_compare = best(lambda: compare(old, new))
    t_analyse = best(lambda: (analyse(old), analyse(new)))
    t_peer = best(lambda: list(difflib.unified_diff(old_text, new_text)))
    provisions = sum(1 for _ in analyse(new).all_provisions())
    print(f"longest pair: {old_path.parent.relative_to(corpus)} ({size:.0f} KB together)")
    print(f"  parse both            {t_parse * 1000:8.0f} ms")
    print(f"  compare (all stages)  {t_compare * 1000:8.0f} ms")
    print(
        f"    of which analysis   {t_analyse * 1000:8.0f} ms "
        f"({t_analyse / t_compare:.0%}; {provisions} provisions in the new version)"
    )
    print(f"  peer: difflib unified {t_peer * 1000:8.0f} ms")
    print(f"  ratio compare / peer  {t_compare / t_peer:8.1f}x")
    print(f"  parse + compare       {(t_parse + t_compare) * 1000:8.0f} ms end to end")

    print("growth (analysis of one document repeated n times):")
    base = old_path.read_text(encoding="utf-8")
    for n in (1, 2, 4, 8, 16):
        document = parse_text(base * n, path="x.md", schema=old.schema)
        kb = len(base * n) / 1024
        seconds = best(lambda document=document: analyse(document))
        per_100kb = seconds / kb * 100_000
        print(f"  x{n:<3d} {kb:7.0f} KB  {seconds * 1000:8.0f} ms  {per_100kb:7.0f} ms/100 KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
