"""Build the .docx twins of the sample drafts, with real Word auto-numbering.

    .venv/bin/python samples/make_docx.py          # rewrite samples/*.docx
    .venv/bin/python samples/make_docx.py --check  # exit 1 if they are out of date

Each fund-vN-*.md becomes fund-vN-*.docx: the title in the Title style, the
preamble in Normal, articles in an "Article" style based on Heading 2, sections,
paragraphs and sub-paragraphs in their own styles. No number is typed: every
style carries w:numPr into one list definition in numbering.xml

    level 0  "Article %1 —"  decimal       (Article 4 — Contributions)
    level 1  "%1.%2"         decimal       (4.1)
    level 2  "(%3)"          lowerLetter   ((a))
    level 3  "(%4)"          lowerRoman    ((i))

so Word renumbers the clauses itself, as in a real draft. The footer carries the
draft's date line.

fund-v2-tracked.docx is the early draft with the middle draft's edits as pending
tracked changes (w:ins/w:del by one author): "Accept All" in Word gives the middle
draft, "Reject All" the early one.

The clause structure comes from draftdiff's own Markdown reader; the output is
byte-for-byte reproducible (fixed zip timestamps), so a test can check the
committed files are current.
"""

from __future__ import annotations

import difflib
import io
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from draftdiff.model import Document
from draftdiff.parse.document import parse_file

HERE = Path(__file__).resolve().parent
DRAFTS = ("fund-v1-early", "fund-v2-middle", "fund-v3-final")
TRACKED = ("fund-v1-early", "fund-v2-middle", "fund-v2-tracked")
AUTHOR = "Velmora Ministry of Finance"
DATE = "2025-03-24T09:00:00Z"
_STAMP = (1980, 1, 1, 0, 0, 0)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_LEVEL_STYLES = {
    "article": "Article",
    "section": "Section",
    "paragraph": "Paragraph",
    "subparagraph": "Subparagraph",
}
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Para:
    """One paragraph to write: a style id and its text (no typed number)."""

    style: str
    text: str


def paragraphs(document: Document) -> list[Para]:
    """The draft's clauses as styled paragraphs, numbers left to Word."""
    out = []
    for clause in document.walk():
        if clause.id == "title":
            out.append(Para("Title", clause.text))
        elif clause.number:
            style = _LEVEL_STYLES[clause.level]
            text = clause.heading if clause.level == "article" else clause.text
            out.append(Para(style, text))
        else:
            out.append(Para("Normal", clause.text))
    return out


def footer_text(document: Document) -> str:
    return next((c.text for c in document.walk() if c.text.startswith("Draft of")), "")


# --- document.xml ---


def _run(text: str, kind: str = "") -> str:
    if not text:
        return ""
    tag = "w:delText" if kind == "del" else "w:t"
    run = f'<w:r><{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'
    if kind:
        return f'<w:{kind} w:id="{{id}}" w:author="{AUTHOR}" w:date="{DATE}">{run}</w:{kind}>'
    return run


def _paragraph(para: Para, runs: str, mark: str = "") -> str:
    mark_xml = (
        f'<w:rPr><w:{mark} w:id="{{id}}" w:author="{AUTHOR}" w:date="{DATE}"/></w:rPr>'
        if mark
        else ""
    )
    return f'<w:p><w:pPr><w:pStyle w:val="{para.style}"/>{mark_xml}</w:pPr>{runs}</w:p>'


def _changed(old: Para, new: Para) -> str:
    """One paragraph reworded: word runs kept, deleted and inserted."""
    before, after = _WORDS.findall(old.text), _WORDS.findall(new.text)
    runs = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(_run("".join(before[a1:a2])))
            continue
        runs.append(_run("".join(before[a1:a2]), "del"))
        runs.append(_run("".join(after[b1:b2]), "ins"))
    return _paragraph(new, "".join(runs))


def tracked_body(old: Sequence[Para], new: Sequence[Para]) -> Iterator[str]:
    """Paragraph XML turning `old` into `new` with tracked changes."""
    matcher = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for para in new[b1:b2]:
                yield _paragraph(para, _run(para.text))
            continue
        olds, news = list(old[a1:a2]), list(new[b1:b2])
        while olds and news and olds[0].style == news[0].style:
            yield _changed(olds.pop(0), news.pop(0))
        for para in olds:
            yield _paragraph(para, _run(para.text, "del"), mark="del")
        for para in news:
            yield _paragraph(para, _run(para.text, "ins"), mark="ins")


def document_xml_ids(text: str, first: int = 1) -> str:
    """Give every revision its own w:id."""
    numbered = iter(range(first, first + 1_000_000))
    return re.sub(r"\{id\}", lambda _: str(next(numbered)), text)


def document_xml(body: Sequence[str]) -> str:
    text = document_xml_ids("".join(body))
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{text}'
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
        'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )


# --- the other parts ---

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>"""  # noqa: E501

_PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""  # noqa: E501

_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>"""  # noqa: E501


def _style(
    style_id: str, name: str, based_on: str = "", ilvl: int | None = None, extra: str = ""
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    numpr = (
        f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
        if ilvl is not None
        else ""
    )
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
        f"<w:qFormat/><w:pPr>{numpr}{extra}</w:pPr></w:style>"
    )


STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{_W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="120"/></w:pPr></w:style>'
    + _style("Title", "Title", "Normal", extra='<w:jc w:val="center"/>')
    + _style("Heading2", "heading 2", "Normal", extra='<w:keepNext/><w:outlineLvl w:val="1"/>')
    + _style("Article", "Article", "Heading2", 0)
    + _style("Section", "Section", "Normal", 1)
    + _style("Paragraph", "Paragraph", "Normal", 2, '<w:ind w:left="1134" w:hanging="567"/>')
    + _style("Subparagraph", "Subparagraph", "Normal", 3, '<w:ind w:left="1701" w:hanging="567"/>')
    + _style("Footer", "footer", "Normal")
    + "</w:styles>"
)


def _level(ilvl: int, fmt: str, text: str, style: str, indent: int) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="{style}"/><w:suff w:val="space"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="567"/></w:pPr></w:lvl>'
    )


NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0">'
    '<w:multiLevelType w:val="multilevel"/>'
    + _level(0, "decimal", "Article %1 —", "Article", 0)
    + _level(1, "decimal", "%1.%2", "Section", 567)
    + _level(2, "lowerLetter", "(%3)", "Paragraph", 1134)
    + _level(3, "lowerRoman", "(%4)", "Subparagraph", 1701)
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def footer_xml(paragraph: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{_W}">{paragraph}</w:ftr>'
    )


def package(body: Sequence[str], footer: str) -> bytes:
    """A complete .docx as bytes, with fixed timestamps (reproducible)."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": document_xml(body),
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/footer1.xml": document_xml_ids(footer_xml(footer), first=900_000),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()


def builds(folder: Path = HERE) -> dict[Path, bytes]:
    """Every .docx sample this script makes, by path."""
    documents = {name: parse_file(folder / f"{name}.md") for name in DRAFTS}
    out: dict[Path, bytes] = {}
    for name, document in documents.items():
        body = [_paragraph(p, _run(p.text)) for p in paragraphs(document)]
        footer = Para("Footer", footer_text(document))
        out[folder / f"{name}.docx"] = package(body, _paragraph(footer, _run(footer.text)))
    old, new, target = TRACKED
    body = list(tracked_body(paragraphs(documents[old]), paragraphs(documents[new])))
    # The footer's date line is edited with tracked changes too.
    footer = _changed(
        Para("Footer", footer_text(documents[old])), Para("Footer", footer_text(documents[new]))
    )
    out[folder / f"{target}.docx"] = package(body, footer)
    return out


def main(argv: Sequence[str]) -> int:
    stale = []
    for path, data in builds().items():
        if "--check" in argv:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.name)
            continue
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE.parent)} ({len(data):,} bytes)")
    if stale:
        print(f"out of date: {', '.join(stale)} (run samples/make_docx.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
