"""Hostile .docx input is normal input: one clear error naming the file, or a correct
result, never a hang, a crash or an expanded entity."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from draftdiff.errors import InputError
from draftdiff.parse.document import parse_file
from draftdiff.parse.read_docx import read_docx
from tests.cli.test_errors import one_line_error, run
from tests.parse.docx_build import NS, docx, p


def _error(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_docx(data, "bad.docx")
    assert caught.value.path == "bad.docx"
    return caught.value.message


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item)))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "not a .docx file: it is a PDF file"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00",
            "not a .docx file: it is a Word 97-2003 .doc (or other OLE) file; save it as .docx",
        ),
        (b"just some text", "not a .docx file (not a zip package)"),
    ],
)
def test_a_file_that_is_really_something_else_is_named(data: bytes, message: str) -> None:
    assert _error(data) == message


def test_truncated_zip_is_a_damaged_docx() -> None:
    data = docx(p("Hello."))
    assert _error(data[: len(data) // 2]).startswith("not a valid .docx (damaged zip")


def test_zip_without_office_parts_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert _error(out.getvalue()) == "not a .docx file (a zip archive without Office parts)"


def test_spreadsheet_is_named() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert _error(out.getvalue()) == "not a Word document (it is an Excel workbook)"


def test_zip_bomb_is_refused_before_it_is_inflated() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))
    start = time.perf_counter()
    message = _error(out.getvalue())
    assert time.perf_counter() - start < 2
    assert message.startswith("refused: part word/document.xml would inflate to 64 MB")
    assert "a zip bomb?" in message


def test_entity_expansion_is_not_performed() -> None:
    laughs = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{laughs}]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>a&lol9;b</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _rezip(docx(p("x")), {"word/document.xml": document.encode()})
    start = time.perf_counter()
    try:
        texts = [b.text for b in read_docx(data).blocks]
    except InputError as err:
        texts = [err.message]
    assert time.perf_counter() - start < 2
    assert all("lollol" not in text for text in texts)


def test_external_entities_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _rezip(docx(p("x")), {"word/document.xml": document.encode()})
    try:
        texts = [b.text for b in read_docx(data).blocks]
    except InputError as err:
        texts = [err.message]
    assert all("TOP-SECRET" not in text for text in texts)


def test_malformed_xml_is_named() -> None:
    data = _rezip(docx(p("x")), {"word/document.xml": b"<w:document><w:body><w:p>"})
    assert _error(data).startswith("not a valid .docx (malformed XML")


def test_absurdly_deep_nesting_is_refused_not_a_crash() -> None:
    body = p("x")
    for _ in range(120):
        body = f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"
    message = _error(docx(body))
    assert "nested" in message or "malformed XML" in message


def test_macro_enabled_document_is_named() -> None:
    data = docx(p("x"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    data = _rezip(data, {"[Content_Types].xml": types.encode()})
    assert _error(data) == "not a Word document: a macro-enabled document (.docm); save it as .docx"


def test_cli_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    fake = tmp_path / "draft.docx"
    fake.write_bytes(b"%PDF-1.4 not really a docx")
    assert one_line_error(run("parse", str(fake))) == (
        f"draftdiff: {fake}: not a .docx file: it is a PDF file"
    )


def test_unknown_view_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "d.docx"
    path.write_bytes(docx(p("x")))
    with pytest.raises(InputError, match="unknown view 'sideways'"):
        parse_file(path, view="sideways")


def test_relationship_to_a_part_the_zip_lacks_is_dropped_not_fatal() -> None:
    # Tools that forget to write an image part leave its relationship behind; Word
    # and LibreOffice still open the document, so the text must still be read.
    data = docx(p("Still readable"))
    rels = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read(rels).replace(
            b"</Relationships>",
            b'<Relationship Id="rIdImg" Target="media/image16.png" Type="http://'
            b'schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
            b"</Relationships>",
        )
    assert [b.text for b in read_docx(_rezip(data, {rels: content})).blocks] == ["Still readable"]
