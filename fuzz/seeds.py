"""Provides the seed inputs of each fuzz target: small valid files, so that mutation
starts from documents and schemas that reach deep into the readers."""

from __future__ import annotations

from pathlib import Path

from fuzz.targets import SINGLE, package

ROOT = Path(__file__).resolve().parent.parent
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOCUMENT = (
    f"<w:document {_W}><w:body>"
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    "<w:r><w:t>The Supplier shall deliver.</w:t></w:r></w:p>"
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    '<w:ins w:id="1" w:author="A"><w:r><w:t>within thirty days</w:t></w:r></w:ins>'
    '<w:del w:id="2" w:author="B"><w:r><w:delText>promptly</w:delText></w:r></w:del></w:p>'
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Price</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "</w:body></w:document>"
)
_NUMBERING = (
    f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="(%2)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def seeds(target: str) -> list[bytes]:
    if target == "every":
        names = sorted(SINGLE)
        return [bytes([names.index(n)]) + seed for n in names for seed in seeds(n)]
    if target == "docx":
        return [
            package(_DOCUMENT.encode(), _NUMBERING.encode()),
            (ROOT / "samples" / "fund-v1-early.docx").read_bytes(),
        ]
    if target == "docx_xml":
        return [_DOCUMENT.encode() + b"\x00NUMBERING\x00" + _NUMBERING.encode()]
    if target in ("text", "markdown"):
        sample = (ROOT / "samples" / "fund-v1-early.md").read_bytes()
        return [
            sample[:4000],
            b"1. The Supplier shall deliver.\r\n(a) within 30 days;\n\n2. Price.\n",
        ]
    return [
        (ROOT / "schemas" / "contract.yaml").read_bytes(),
        (ROOT / "schemas" / "license.yaml").read_bytes()[:3000],
    ]


def write_seeds(target: str, folder: Path) -> None:
    for index, data in enumerate(seeds(target)):
        (folder / f"seed-{index}").write_bytes(data)
