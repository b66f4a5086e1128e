"""Provides the hostile-input suite: files made at test time, and what draftdiff must do.

    python -m tests.hostile.make_inputs DIR     writes every input into DIR

Nothing here is committed as data: each input is built from a few lines of code into a
temporary folder. A `Case` names its files, the command run on them and what is right:
`ok` (exit 0, a result) or `refused` (exit 2, one line naming the file and the problem).
`big` cases (megabytes of text) take long at full size; the test runs them under a tight
time limit and checks that the bound holds, the bench table (`tests.hostile.table`) runs
them unbounded and reports how long they take.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.parse.docx_build import abstract, docx, level, num, numbered, p

SAMPLE = Path(__file__).resolve().parent.parent.parent / "samples" / "fund-v1-early.md"


@dataclass(frozen=True)
class Case:
    """One hostile input: its files, the draftdiff arguments, and the right outcome."""

    name: str
    files: dict[str, bytes]
    args: tuple[str, ...]
    """Arguments after `draftdiff`; `{name}` is replaced by the path of that file, `{out}`
    by the requested output file, `{sample}` by a bundled sample draft."""
    expect: str
    """"ok" or "refused"; "either" for the big cases that a time limit may stop."""
    says: str = ""
    """For refusals: words the one line must contain."""
    big: bool = False
    env: tuple[tuple[str, str], ...] = ()
    """Environment variables the command runs with (a bound set low)."""


# --- builders ---------------------------------------------------------------------------


def _zip(files: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _parts(data: bytes) -> dict[str, bytes | str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {m.filename: archive.read(m) for m in archive.infolist()}


_ORDINARY = docx(
    p("Supply Agreement")
    + numbered("The Supplier shall deliver the Goods.", ilvl=0)
    + numbered("The Buyer shall pay the Price within thirty days.", ilvl=0),
    numbering=abstract(0, level(0, "decimal", "%1.")) + num(1, 0),
    styles="",
    footnotes="",
)

_BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
_EXTERNAL = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _with_entities(part: str, prolog: str, entity: str) -> bytes:
    """The ordinary .docx with an entity declared in one XML part and used in it: in the
    first paragraph's text for the document, right inside the root for the others."""
    files = _parts(_ORDINARY)
    raw = files[part]
    text = raw.decode() if isinstance(raw, bytes) else raw
    if "Supply Agreement" in text:
        body = text.replace("Supply Agreement", f"Supply &{entity}; Agreement", 1)
    else:
        root_end = text.index(">") + 1
        body = text[:root_end] + f"&{entity};" + text[root_end:]
    files[part] = prolog + body
    return _zip(files)


def _nested_tables(depth: int) -> bytes:
    inner = p("The Supplier shall deliver the Goods.")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    return docx(p("Nested") + inner + p("After the tables."))


def _nine_levels() -> bytes:
    fmts = ["decimal", "lowerLetter", "lowerRoman", "upperLetter", "upperRoman"] * 2
    levels = "".join(
        level(i, fmts[i], ".".join(f"%{j + 1}" for j in range(i + 1)) + ".") for i in range(9)
    )
    body = p("Nine Levels") + "".join(
        numbered(f"Clause at level {i} shall apply.", ilvl=i) for i in range(9)
    )
    body += "".join(numbered(f"Back at level {i}.", ilvl=i) for i in range(8, -1, -1))
    return docx(body, numbering=abstract(0, *levels) + num(1, 0))


def _sentences(target: int, seed: int) -> list[str]:
    """Ordinary contract sentences (a few duties, mostly plain statements), `target` chars."""
    rng = random.Random(seed)
    pieces = [
        "The Supplier shall deliver the Goods to the Site",
        "The Buyer may inspect the Goods on arrival",
        "Each notice is given in writing to the address below",
        "The Price includes packaging and transport",
        "This Agreement is governed by the laws of England",
        "The parties met on 4 May 2024 in London",
        "Payment of 5,000 euros is due within thirty days of the invoice",
        "Neither party is liable for delays caused by events beyond its control",
    ]
    out: list[str] = []
    size = 0
    while size < target:
        sentence = rng.choice(pieces) + "."
        out.append(sentence)
        size += len(sentence) + 1
    return out


def _paragraph(megabytes: float) -> bytes:
    return (" ".join(_sentences(int(megabytes * 1_000_000), 1)) + "\n").encode()


def _many_paragraphs(count: int) -> bytes:
    sentences = _sentences(count * 60, 2)
    return ("\n\n".join(sentences[i % len(sentences)] for i in range(count)) + "\n").encode()


def _schema(body: str) -> bytes:
    return body.encode()


_ALIAS_BOMB = (
    "name: bomb\ndescription: x\nextends: agreement\n"
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    + "".join(
        f"{chr(ord('b') + i)}: &{chr(ord('b') + i)} [{','.join(['*' + chr(ord('a') + i)] * 9)}]\n"
        for i in range(8)
    )
)


def _cases() -> list[Case]:
    rng = random.Random(7)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    text = "1. The Supplier shall deliver the Goods.\n2. The Buyer shall pay the Price.\n"
    ordinary = _ORDINARY
    truncated = ordinary[: len(ordinary) // 2]
    corrupt = bytearray(ordinary)
    for at in range(200, len(corrupt) - 200, 97):
        corrupt[at] ^= 0x5A
    without_document = {k: v for k, v in _parts(ordinary).items() if k != "word/document.xml"}
    bomb = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": b"\0" * (300 << 20)})
    nested_bomb = _zip(
        {"[Content_Types].xml": "<Types/>", "word/x.zip": _zip({"a": b"\0" * (100 << 20)})}
    )
    many_parts = _zip(
        {"[Content_Types].xml": "<Types/>", **{f"word/p{i}.xml": "" for i in range(10_001)}}
    )
    cases = [
        Case(
            "docx-truncated", {"a.docx": truncated}, ("parse", "{a.docx}"), "refused", "damaged zip"
        ),
        Case(
            "docx-corrupt-bytes",
            {"a.docx": bytes(corrupt)},
            ("parse", "{a.docx}"),
            "refused",
            "a.docx",
        ),
        Case(
            "docx-without-document-xml",
            {"a.docx": _zip(without_document)},
            ("parse", "{a.docx}"),
            "refused",
            "a.docx",
        ),
        Case("docx-zip-bomb-300MB", {"a.docx": bomb}, ("parse", "{a.docx}"), "refused", "zip bomb"),
        Case(
            "docx-nested-zip-bomb",
            {"a.docx": nested_bomb},
            ("parse", "{a.docx}"),
            "refused",
            "not a valid .docx",
        ),
        Case("docx-10001-parts", {"a.docx": many_parts}, ("parse", "{a.docx}"), "refused", "parts"),
        Case("docx-nested-tables-20", {"a.docx": _nested_tables(20)}, ("parse", "{a.docx}"), "ok"),
        Case(
            "docx-nested-tables-60",
            {"a.docx": _nested_tables(60)},
            ("parse", "{a.docx}"),
            "refused",
            "nested more than",
        ),
        Case(
            "docx-nested-tables-5000",
            {"a.docx": _nested_tables(5000)},
            ("parse", "{a.docx}"),
            "refused",
            "a.docx",
        ),
        Case("docx-nine-level-numbering", {"a.docx": _nine_levels()}, ("parse", "{a.docx}"), "ok"),
        Case(
            "docx-vs-itself-json",
            {"a.docx": ordinary},
            ("diff", "{a.docx}", "{a.docx}", "--format", "json", "-o", "{out}"),
            "ok",
        ),
    ]
    for part in (
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
    ):
        slug = part.replace("/", "-").replace("[", "").replace("]", "").replace("_", "").lower()
        for label, prolog, entity in (
            ("billion-laughs", _BILLION_LAUGHS, "lol9"),
            ("external-entity", _EXTERNAL, "xxe"),
        ):
            data = _with_entities(part, prolog, entity)
            cases.append(
                Case(
                    f"docx-{label}-in-{slug}",
                    {"a.docx": data},
                    ("parse", "{a.docx}", "--format", "json"),
                    "either",
                    "a.docx",
                )
            )
    for suffix in ("docx", "txt", "md"):
        cases.append(
            Case(
                f"junk-named-.{suffix}",
                {f"junk.{suffix}": junk},
                ("parse", f"{{junk.{suffix}}}"),
                "refused",
                f"junk.{suffix}",
            )
        )
        cases.append(
            Case(
                f"empty-.{suffix}",
                {f"empty.{suffix}": b""},
                ("parse", f"{{empty.{suffix}}}"),
                "ok" if suffix != "docx" else "refused",
                "",
            )
        )
    cases += [
        Case(
            "nul-bytes-.txt",
            {"a.txt": text.encode().replace(b"Goods", b"Go\0ods")},
            ("parse", "{a.txt}"),
            "refused",
            "binary",
        ),
        Case(
            "nul-bytes-.md",
            {"a.md": b"# T\n\n\0\0\0 shall pay.\n"},
            ("parse", "{a.md}"),
            "refused",
            "binary",
        ),
        Case(
            "mixed-line-endings",
            {
                "a.txt": b"1. The Supplier shall deliver.\r\n2. The Buyer shall pay.\n"
                b"3. Notices.\r4. End.\n\r\n"
            },
            ("diff", "{a.txt}", "{a.txt}", "--format", "json", "-o", "{out}"),
            "ok",
        ),
        Case(
            "right-to-left-and-combining",
            {
                "a.md": (
                    "# اتفاقية التوريد\n\n1. يلتزم المورد بتسليم البضائع.\n"
                    "2. \u202eThe Buyer shall pay\u202c the Pri\u0301ce\u0308\u0323 of "
                    "\u05e9\u05dc\u05d5\u05dd.\n"
                    + "3. Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359" * 3
                    + "\n"
                ).encode()
            },
            ("diff", "{a.md}", "{sample}", "--format", "json", "-o", "{out}"),
            "ok",
        ),
        Case(
            "utf-16-without-bom",
            {"a.txt": text.encode("utf-16-le")},
            ("parse", "{a.txt}"),
            "refused",
            "binary",
        ),
        Case(
            "million-character-line",
            {"a.txt": b"x" * 1_000_000 + b"\n"},
            ("parse", "{a.txt}"),
            "ok",
        ),
        Case("million-brackets-.md", {"a.md": b"[" * 1_000_000 + b"\n"}, ("parse", "{a.md}"), "ok"),
        Case(
            "10MB-paragraph",
            {"a.txt": _paragraph(10)},
            ("parse", "{a.txt}", "--format", "json", "-o", "{out}"),
            "either",
            "",
            big=True,
        ),
        Case(
            "100000-paragraphs",
            {"a.txt": _many_paragraphs(100_000)},
            ("parse", "{a.txt}", "--format", "json", "-o", "{out}"),
            "either",
            "",
            big=True,
        ),
        Case(
            "input-over-size-limit",
            {"a.txt": _paragraph(2)},
            ("parse", "{a.txt}"),
            "refused",
            "input limit",
            env=(("DRAFTDIFF_MAX_INPUT_MB", "1"),),
        ),
        Case(
            "schema-alias-bomb",
            {"bomb.yaml": _schema(_ALIAS_BOMB)},
            ("parse", "{sample}", "--schema", "{bomb.yaml}"),
            "refused",
            "alias",
        ),
        Case(
            "schema-python-object-tag",
            {
                "evil.yaml": _schema(
                    "name: evil\nextends: agreement\n"
                    "x: !!python/object/apply:os.system ['touch pwned']\n"
                )
            },
            ("schema", "validate", "{evil.yaml}"),
            "refused",
            "evil.yaml",
        ),
        Case(
            "schema-python-name-tag",
            {"evil.yaml": _schema("name: evil\nextends: !!python/name:os.system\n")},
            ("parse", "{sample}", "--schema", "{evil.yaml}"),
            "refused",
            "evil.yaml",
        ),
        Case(
            "schema-backtracking-regex",
            {
                "a.txt": b"a" * 40 + b"\n",
                "slow.yaml": _schema(
                    "name: slow\ndescription: x\nextends: base\nlevels:\n  - name: clause\n"
                    "    match:\n      - '(?P<num>(?P<id>(a+)+))b(?P<heading>.*)'\n"
                ),
            },
            ("parse", "{a.txt}", "--schema", "{slow.yaml}"),
            "refused",
            "slow.yaml",
        ),
        Case(
            "schema-inherits-from-itself",
            {"loop.yaml": _schema("name: loop\ndescription: x\nextends: loop\n")},
            ("schema", "validate", "{loop.yaml}"),
            "refused",
            "extends",
        ),
        Case(
            "schema-two-file-cycle",
            {
                "one.yaml": _schema("name: one\ndescription: x\nextends: two\n"),
                "two.yaml": _schema("name: two\ndescription: x\nextends: one\n"),
            },
            ("schema", "validate", "{one.yaml}"),
            "refused",
            "extends",
        ),
        Case(
            "schema-binary-junk",
            {"junk.yaml": junk},
            ("schema", "validate", "{junk.yaml}"),
            "refused",
            "junk.yaml",
        ),
        Case(
            "schema-empty",
            {"empty.yaml": b""},
            ("schema", "validate", "{empty.yaml}"),
            "refused",
            "empty.yaml",
        ),
    ]
    return cases


CASES: list[Case] = _cases()


def write(case: Case, folder: Path) -> dict[str, Path]:
    """Write the case's files into `folder`; their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, data in case.files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    return paths


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.hostile.make_inputs DIR", file=sys.stderr)
        return 2
    root = Path(argv[0])
    for case in CASES:
        write(case, root / case.name)
    print(f"{len(CASES)} hostile inputs written under {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
