"""Measures how well clause numbers agree with the SPDX XML <bullet> markup.

The SPDX licence XML marks list items with <bullet> (e.g. "1.", "(a)", "2.1."): an
independent ground truth for the numbers draftdiff finds in the plain texts. For each
of the 22 texts this prints both sequences' sizes, the matches (longest common
subsequence of normalised numbers), precision, recall and F1, and the overall figure.

    python -m bench.spdx_numbering [CORPUS_DIR]
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from draftdiff.diff.result import Op
from draftdiff.diff.textdiff import diff_sequences
from draftdiff.parse.document import parse_file

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_NS = "{http://www.spdx.org/license}"


@dataclass(frozen=True)
class Agreement:
    name: str
    truth: int
    found: int
    matched: int
    symbols: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.truth if self.truth else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise(number: str) -> str:
    return re.sub(r"\s+", "", number).rstrip(".").lower()


def bullets(xml_path: Path) -> list[str]:
    """Numbering bullets in order; symbol bullets ("—", "•") are list markers, not
    clause numbers, and are left out (see `symbol_bullets`)."""
    return [b for b in _all_bullets(xml_path) if re.search(r"[0-9a-z]", b)]


def symbol_bullets(xml_path: Path) -> int:
    return sum(1 for b in _all_bullets(xml_path) if not re.search(r"[0-9a-z]", b))


def _all_bullets(xml_path: Path) -> list[str]:
    root = ET.parse(xml_path).getroot()
    return [normalise("".join(b.itertext())) for b in root.iter(f"{_NS}bullet")]


def numbers(text_path: Path) -> list[str]:
    document = parse_file(text_path)
    return [normalise(c.number) for c in document.walk() if c.number]


def measure(corpus: Path) -> list[Agreement]:
    spdx = corpus / "spdx-licenses"
    results = []
    for pair in sorted((spdx / "pairs").iterdir()):
        old_id, new_id = pair.name.split("__")
        for side, licence in (("old", old_id), ("new", new_id)):
            xml = next(p for p in (spdx / "xml").iterdir() if p.stem.lower() == licence)
            truth = bullets(xml)
            found = numbers(pair / f"{side}.txt")
            matched = sum(n for op, n in diff_sequences(truth, found) if op is Op.EQUAL)
            results.append(
                Agreement(xml.stem, len(truth), len(found), matched, symbol_bullets(xml))
            )
    return results


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    results = measure(corpus)
    print(
        f"{'licence':<16} {'bullets':>7} {'found':>6} {'match':>6} {'prec':>6} {'recall':>6}"
        "  symbol bullets (not numbers)"
    )
    for r in results:
        print(
            f"{r.name:<16} {r.truth:>7} {r.found:>6} {r.matched:>6} "
            f"{r.precision:>6.1%} {r.recall:>6.1%}  {r.symbols or ''}"
        )
    total = Agreement(
        "all",
        sum(r.truth for r in results),
        sum(r.found for r in results),
        sum(r.matched for r in results),
    )
    print(
        f"{'ALL':<16} {total.truth:>7} {total.found:>6} {total.matched:>6} "
        f"{total.precision:>6.1%} {total.recall:>6.1%}  F1 {total.f1:.1%}"
    )


if __name__ == "__main__":
    main()
