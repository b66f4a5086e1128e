"""Measures article headings, title blocks and article ids on hand-labelled drafts.

    .venv/bin/python -m bench.article_headings [--docx] [-v]

The drafts in bench/article_drafts/ were written for this bench in the styles of
memoranda of understanding, treaties, US-style "ARTICLE 1 / Section 1.1" contracts and
statutes with "§" (none copied from anywhere). `labels.json` gives, for every numbered
clause, the id, number as printed, heading and the printed number of its parent, and
how the title block and the preamble sentence should come out. `dev/` was looked at
while the rules were written; `held/` was written before and only its figures were
read; `late/` was written after the first rules and measured once untuned, then
l1 (Roman "SECTION II") was fixed. The commit messages give each set's figures.

A clause counts as right when a clause with that id (when labelled), number, heading
and parent number is in the parse. The preamble counts as right when the document
opens with its title (the whole title block) followed by unnumbered, childless
clauses that include the preamble sentence. With --docx each text draft is also typed
into Word paragraphs, one per line, and read back.
"""

from __future__ import annotations

import argparse
import html
import json
from collections.abc import Iterator
from pathlib import Path

from draftdiff.model import Clause, Document
from draftdiff.parse.document import document_from_blocks, parse_file
from draftdiff.parse.read_docx import read_docx

DRAFTS = Path(__file__).resolve().parent / "article_drafts"


def _walk(
    clauses: tuple[Clause, ...], parent: Clause | None = None
) -> Iterator[tuple[Clause, Clause | None]]:
    for clause in clauses:
        yield clause, parent
        yield from _walk(clause.children, clause)


def _as_docx(path: Path) -> Document:
    from tests.parse.docx_build import docx, p

    lines = [line for line in path.read_text().split("\n") if line.strip()]
    body = "".join(p(html.escape(line, quote=False)) for line in lines)
    return document_from_blocks(read_docx(docx(body)).blocks, path=path.name, fmt="docx")


def score(name: str, label: dict, document: Document) -> tuple[int, int, bool]:
    got = [
        (c.id, c.number, c.heading, p.number if p else "")
        for c, p in _walk(document.clauses)
        if c.number
    ]
    right = 0
    for want in label["clauses"]:
        key = (want["number"], want["heading"], want["parent"])
        if any((want["id"] is None or g[0] == want["id"]) and g[1:] == key for g in got):
            right += 1
    front: list[Clause] = []
    for clause in document.clauses:
        if clause.number:
            break
        front.append(clause)
    preamble = label["preamble_starts"]
    preamble_ok = (
        bool(front)
        and front[0].text.startswith(label["title_starts"])
        and all(not c.children and c.level in ("title", "body") for c in front)
        and (preamble is None or any(c.text.startswith(preamble) for c in front[1:]))
    )
    return right, len(label["clauses"]), preamble_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", action="store_true", help="also read each .txt draft as Word")
    parser.add_argument("-v", action="store_true", help="print each clause tree")
    args = parser.parse_args()
    labels = json.loads((DRAFTS / "labels.json").read_text())
    totals: dict[str, list[int]] = {}
    for name, label in labels.items():
        path = DRAFTS / name
        readings = [("", parse_file(path))]
        if args.docx and path.suffix == ".txt":
            readings.append((" (docx)", _as_docx(path)))
        for how, document in readings:
            right, total, preamble_ok = score(name, label, document)
            split = name.split("/")[0] + how
            sums = totals.setdefault(split, [0, 0, 0, 0])
            sums[0] += right
            sums[1] += total
            sums[2] += preamble_ok
            sums[3] += 1
            mark = "ok" if preamble_ok else "WRONG"
            print(f"{name + how:42} clauses {right:2}/{total:2}  title+preamble {mark}")
            if args.v:
                for clause, _ in _walk(document.clauses):
                    indent = "  " * clause.depth
                    print(f"    {indent}{clause.id} [{clause.heading}] {clause.text[:40]}")
    for split, (right, total, pre, count) in totals.items():
        print(f"{split:10} clauses right {right}/{total}, title and preamble right {pre}/{count}")


if __name__ == "__main__":
    main()
