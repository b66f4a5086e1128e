"""Builds small .docx packages from inline XML, so each test's fixture is its spec.

    docx(body='<w:p><w:r><w:t>Hello</w:t></w:r></w:p>', numbering=..., styles=...)

Every part is written with the namespaces Word uses; the result is real bytes that
python-docx and the reader open exactly as they open a file saved by Word.
"""

from __future__ import annotations

import io
import zipfile

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    # name: (root element, content type, relationship type)
    "styles": ("w:styles", f"{_CT}.styles+xml", f"{_RT}/styles"),
    "numbering": ("w:numbering", f"{_CT}.numbering+xml", f"{_RT}/numbering"),
    "footnotes": ("w:footnotes", f"{_CT}.footnotes+xml", f"{_RT}/footnotes"),
    "endnotes": ("w:endnotes", f"{_CT}.endnotes+xml", f"{_RT}/endnotes"),
    "comments": ("w:comments", f"{_CT}.comments+xml", f"{_RT}/comments"),
}


def p(text: str = "", ppr: str = "", runs: str = "") -> str:
    """A paragraph: optional w:pPr content, then `text` as one run (or raw `runs`)."""
    pr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{pr}{run}{runs}</w:p>"


def numbered(text: str, num_id: int = 1, ilvl: int = 0, ppr: str = "") -> str:
    """A paragraph with direct list numbering."""
    numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(text, ppr=ppr + numpr)


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """A w:lvl of an abstract list definition."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'
    )


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def style(
    style_id: str, name: str, ppr: str = "", based_on: str = "", kind: str = "paragraph"
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
        f"<w:pPr>{ppr}</w:pPr></w:style>"
    )


def revision(kind: str, content: str, author: str = "Ann", rev_id: int = 1) -> str:
    """w:ins / w:del / w:moveFrom / w:moveTo around `content` (runs)."""
    return (
        f'<w:{kind} w:id="{rev_id}" w:author="{author}" w:date="2025-01-02T03:04:05Z">'
        f"{content}</w:{kind}>"
    )


def run(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def docx(
    body: str,
    *,
    headers: dict[str, str] | None = None,
    footers: dict[str, str] | None = None,
    **parts: str,
) -> bytes:
    """A .docx whose body is `body`; keyword parts (styles=, numbering=, footnotes=,
    endnotes=, comments=) give the inner XML of those parts; headers/footers map a
    w:type ("default", "first") to the paragraphs of that header or footer."""
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>']
    rels = []
    files: dict[str, str] = {}
    for name, inner in parts.items():
        root, content_type, rel_type = _PARTS[name]
        files[f"word/{name}.xml"] = f"<{root} {NS}>{inner}</{root}>"
        overrides.append(f'<Override PartName="/word/{name}.xml" ContentType="{content_type}"/>')
        rels.append(f'<Relationship Id="rId{name}" Type="{rel_type}" Target="{name}.xml"/>')
    refs = []
    for kind, slots in (("header", headers or {}), ("footer", footers or {})):
        for place, inner in slots.items():
            part = f"{kind}-{place}"
            root = "w:hdr" if kind == "header" else "w:ftr"
            files[f"word/{part}.xml"] = f"<{root} {NS}>{inner}</{root}>"
            overrides.append(
                f'<Override PartName="/word/{part}.xml" ContentType="{_CT}.{kind}+xml"/>'
            )
            rels.append(f'<Relationship Id="rId{part}" Type="{_RT}/{kind}" Target="{part}.xml"/>')
            refs.append(f'<w:{kind}Reference w:type="{place}" r:id="rId{part}"/>')
    sect = f"<w:sectPr>{''.join(refs)}</w:sectPr>" if refs else ""
    files["word/document.xml"] = f"<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    files["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>"
    )
    files["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    files["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
