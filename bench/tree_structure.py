"""Measures the shape of clause trees on real agreements nobody here wrote.

    .venv/bin/python -m bench.tree_structure [--corpus DIR] [--mirrors DIR]

Per document: clauses, depth histogram (depth: count), ids made unique with a "~n"
suffix, and unnumbered paragraphs hung under a lettered or roman item ("(b)",
"iv.") — the drift where every definition after a list goes one level deeper.
For the SPDX licence texts it also scores nesting against the SPDX XML: for each
number found in both (aligned as `bench.spdx_numbering` aligns them), does its
nearest numbered ancestor in our tree carry the number of its enclosing XML item?

Documents are in three sets, printed apart: `dev` (looked at while tuning the tree
builder), `held-out` (chosen before tuning and never looked at; only their figures
were read, before and after) and `late held-out` (Markdown agreements fetched after
the rules were written). The held-out .docx come from the open-agreements
repository, the late ones from Common Paper's and Basecamp's repositories, when the
search tool has mirrored them (github:open-agreements/open-agreements,
github:CommonPaper/DPA, github:CommonPaper/Software-License-Agreement,
github:basecamp/policies); they are read from the mirror, never copied here.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.shared_corpus import CORPUS
from draftdiff.diff.result import Op
from draftdiff.diff.textdiff import diff_sequences
from draftdiff.model import Clause, Document
from draftdiff.parse.document import parse_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = CORPUS
DEFAULT_MIRRORS = Path("/work/.mirror")
"""Where the search tool's fetch puts mirrored repositories (owner+name/repo)."""
_NS = "{http://www.spdx.org/license}"
# "(b)", "b.", "b)", "(iv)", "iv.", "(B)": a lettered or roman item.
# The schema levels of lettered items: "B Customer Content" (a division heading) is no item.
_ITEM_LEVELS = frozenset({"paragraph", "subparagraph", "item"})
_LETTERED = re.compile(r"^\(?(?:[a-z]{1,2}|[ivxl]{1,6}|[A-Z]|[IVXL]{1,6})[.)]?$")

# SPDX pairs kept aside: their nesting score is read, their trees are not studied.
SPDX_HELD_OUT = ("gpl-2.0-only__gpl-3.0-only", "mpl-1.1__mpl-2.0", "epl-1.0__epl-2.0")
# open-agreements templates (their paths in that repository), all held out.
OPEN_AGREEMENTS = (
    "bonterms-cc0-1.0/bonterms-mutual-nda",
    "bonterms-cc0-1.0/bonterms-professional-services-agreement",
    "common-paper-cc-by-4.0/common-paper-pilot-agreement",
    "common-paper-cc-by-4.0/common-paper-software-license-agreement",
    "common-paper-cc-by-4.0/common-paper-partnership-agreement",
    "common-paper-cc-by-4.0/common-paper-design-partner-agreement",
    "common-paper-cc-by-4.0/common-paper-professional-services-agreement",
    "common-paper-cc-by-4.0/common-paper-letter-of-intent",
    "common-paper-cc-by-4.0/common-paper-statement-of-work",
    "openagreements-cc-by-4.0/openagreements-confidentiality-invention-assignment-agreement",
    "openagreements-cc-by-4.0/openagreements-founder-stock-repurchase-agreement",
    "yc-cc-by-nd-4.0/yc-safe-valuation-cap",
    "yc-cc-by-nd-4.0/yc-safe-mfn",
)


# Markdown agreements mirrored from github:CommonPaper/DPA,
# github:CommonPaper/Software-License-Agreement and github:basecamp/policies.
LATE = (
    ("CommonPaper+DPA", "DPA.md"),
    ("CommonPaper+Software-License-Agreement", "Software-License-Agreement.md"),
    ("basecamp+policies", "terms/index.md"),
    ("basecamp+policies", "privacy/index.md"),
)


@dataclass(frozen=True)
class Shape:
    """What one document's clause tree looks like."""

    name: str
    clauses: int
    depths: tuple[tuple[int, int], ...]
    suffixed: int
    """Ids that needed a "~n" suffix to be unique."""
    under_lettered: int
    """Unnumbered paragraphs (not notes) whose parent is a lettered/roman item."""
    nesting: tuple[int, int] | None = None
    """SPDX only: (numbers whose parent agrees with the XML, numbers matched)."""


def shape(name: str, document: Document, nesting: tuple[int, int] | None = None) -> Shape:
    depths = Counter(c.depth for c in document.walk())
    suffixed = sum(1 for c in document.walk() if "~" in c.id)
    under = sum(
        1
        for parent in document.walk()
        if parent.number and parent.level in _ITEM_LEVELS and _LETTERED.match(parent.number)
        for child in parent.children
        if not child.number and not child.is_note
    )
    return Shape(
        name, document.clause_count, tuple(sorted(depths.items())), suffixed, under, nesting
    )


def _normalise(number: str) -> str:
    return re.sub(r"\s+", "", number).rstrip(".").lower()


def xml_numbers(xml_path: Path) -> list[tuple[str, int]]:
    """(bullet, index of the enclosing item's bullet or -1) in document order,
    numbering bullets only."""
    out: list[tuple[str, int]] = []

    def visit(element: ET.Element, parent: int) -> None:
        for child in element:
            if child.tag == f"{_NS}item":
                bullet = child.find(f"{_NS}bullet")
                number = _normalise("".join(bullet.itertext())) if bullet is not None else ""
                if number and re.search(r"[0-9a-z]", number):
                    out.append((number, parent))
                    visit(child, len(out) - 1)
                else:
                    visit(child, parent)
            else:
                visit(child, parent)

    visit(ET.parse(xml_path).getroot(), -1)
    return out


def tree_numbers(document: Document) -> list[tuple[str, int]]:
    """(number, index of the nearest numbered ancestor or -1) in document order."""
    out: list[tuple[str, int]] = []

    def visit(clause: Clause, parent: int) -> None:
        number = _normalise(clause.number) if clause.number else ""
        if number:
            out.append((number, parent))
            parent = len(out) - 1
        for child in clause.children:
            visit(child, parent)

    for clause in document.clauses:
        visit(clause, -1)
    return out


def nesting_agreement(
    truth: list[tuple[str, int]], found: list[tuple[str, int]]
) -> tuple[int, int]:
    """(agreeing parents, matched numbers) over the numbers of both sequences aligned.

    A parent is compared through the alignment: "a" under "1" agrees when our "a" hangs
    under the "1" aligned to the XML's. Ancestors the other side lacks are skipped
    (the SPDX XML gives "Section 1" no bullet; our tree numbers it), so only the
    nesting among shared numbers counts."""
    to_found: dict[int, int] = {}
    i = j = 0
    for op, n in diff_sequences([t for t, _ in truth], [f for f, _ in found]):
        if op is Op.EQUAL:
            to_found.update((i + k, j + k) for k in range(n))
            i, j = i + n, j + n
        elif op is Op.DELETE:
            i += n
        else:
            j += n
    matched_found = set(to_found.values())

    def shared_parent(sequence: list[tuple[str, int]], index: int, shared: set[int]) -> int:
        parent = sequence[index][1]
        while parent != -1 and parent not in shared:
            parent = sequence[parent][1]
        return parent

    agree = 0
    for t_index, f_index in to_found.items():
        t_parent = shared_parent(truth, t_index, set(to_found))
        f_parent = shared_parent(found, f_index, matched_found)
        agree += (t_parent == -1 and f_parent == -1) or to_found.get(t_parent, -2) == f_parent
    return agree, len(to_found)


def spdx_documents(corpus: Path, held_out: bool) -> Iterator[Shape]:
    spdx = corpus / "spdx-licenses"
    for pair in sorted((spdx / "pairs").iterdir()):
        if (pair.name in SPDX_HELD_OUT) != held_out:
            continue
        for side, licence in zip(("old", "new"), pair.name.split("__"), strict=True):
            xml = next(p for p in (spdx / "xml").iterdir() if p.stem.lower() == licence)
            document = parse_file(pair / f"{side}.txt")
            score = nesting_agreement(xml_numbers(xml), tree_numbers(document))
            yield shape(f"spdx/{xml.stem}", document, score)


def dev_documents(corpus: Path) -> Iterator[Shape]:
    real = corpus / "docx-real-legal"
    for path in sorted((real / "single").glob("*.docx")):
        yield shape(f"docx/{path.stem}", parse_file(path))
    yield shape("docx/nvca-spa-old", parse_file(real / "pairs/nvca-spa-source__filled/old.docx"))
    # Held out at first; its tree was read while fixing a failing test, so it is dev now.
    yield shape("docx/nvca-spa-new", parse_file(real / "pairs/nvca-spa-source__filled/new.docx"))
    yield shape("docx/VP004", parse_file(corpus / "docxodus-extras/VP004-Legal-Contract.docx"))
    for pair in sorted((corpus / "commonpaper-md/pairs").iterdir()):
        old = next(pair.glob("old.*"))
        yield shape(f"cp-md/{pair.name}/old", parse_file(old))
    for pair in sorted((corpus / "ota-terms/pairs").iterdir()):
        yield shape(f"ota/{pair.name}", parse_file(pair / "old.md"))
    yield from spdx_documents(corpus, held_out=False)


def _from_mirror(git_dir: Path, path: str, tmp: Path) -> Path | None:
    """A file of a mirrored repository, written under `tmp` (None when absent)."""
    data = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"],
        capture_output=True,
        check=False,
    ).stdout
    if not data:
        return None
    out = tmp / path.replace("/", "__")
    out.write_bytes(data)
    return out


def held_out_documents(corpus: Path, mirror: Path) -> Iterator[Shape]:
    yield from spdx_documents(corpus, held_out=True)
    if not (mirror / "HEAD").exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        for template in OPEN_AGREEMENTS:
            path = _from_mirror(mirror, f"templates/{template}/template.docx", Path(tmp))
            if path is not None:
                yield shape(f"oa/{template.rsplit('/', 1)[-1]}", parse_file(path))


def late_documents(mirrors: Path) -> Iterator[Shape]:
    """Fetched after the rules were written, read once for the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        for repo, path in LATE:
            git_dir = mirrors / repo / "repo"
            found = _from_mirror(git_dir, path, Path(tmp)) if git_dir.exists() else None
            if found is not None:
                yield shape(f"{repo.split('+')[-1]}/{path}", parse_file(found))


def report(title: str, shapes: list[Shape]) -> None:
    print(f"\n## {title}")
    print(f"{'document':<52} {'clauses':>7} {'~n ids':>6} {'under (x)':>9}  nesting  depths")
    totals = [0, 0, 0, 0, 0]
    for s in shapes:
        nest = f"{s.nesting[0]:>3}/{s.nesting[1]:<3}" if s.nesting else " " * 7
        hist = " ".join(f"{d}:{n}" for d, n in s.depths)
        print(f"{s.name:<52} {s.clauses:>7} {s.suffixed:>6} {s.under_lettered:>9}  {nest}  {hist}")
        totals[0] += s.clauses
        totals[1] += s.suffixed
        totals[2] += s.under_lettered
        if s.nesting:
            totals[3] += s.nesting[0]
            totals[4] += s.nesting[1]
    nest = f"{totals[3]}/{totals[4]} = {totals[3] / totals[4]:.1%}" if totals[4] else "-"
    print(f"{'TOTAL':<52} {totals[0]:>7} {totals[1]:>6} {totals[2]:>9}  SPDX nesting {nest}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS)
    args = parser.parse_args()
    if not (args.corpus / "spdx-licenses" / "pairs").is_dir():
        print(f"corpus not found at {args.corpus} (pass --corpus)", file=sys.stderr)
        return 2
    report("dev (tuned on)", list(dev_documents(args.corpus)))
    open_agreements = args.mirrors / "open-agreements+open-agreements" / "repo"
    if not (open_agreements / "HEAD").exists():
        # Without it the held-out totals cover the SPDX texts only: say so, or the
        # figures read as a regression.
        print(f"\n(not fetched: {open_agreements}; fetch github:open-agreements/open-agreements)")
    report("held-out (not tuned on)", list(held_out_documents(args.corpus, open_agreements)))
    missing = sorted({repo for repo, _ in LATE if not (args.mirrors / repo / "repo").exists()})
    if missing:
        print(f"\n(not fetched under {args.mirrors}: {', '.join(missing)})")
    report("late held-out (fetched after tuning)", list(late_documents(args.mirrors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
