"""Decoding: which bytes become text, and the exact words used when they cannot."""

from __future__ import annotations

import codecs

import pytest

from draftdiff.errors import InputError
from draftdiff.parse.encoding import decode


def _error(data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        decode(data, "draft.txt")
    return caught.value


def test_empty_file_decodes_to_empty_text() -> None:
    assert decode(b"", "draft.txt") == ""


def test_utf8_without_bom_decodes_as_is() -> None:
    assert decode("§ 3 Ärger “quoted”".encode(), "draft.txt") == "§ 3 Ärger “quoted”"


def test_utf8_bom_is_removed() -> None:
    assert decode(codecs.BOM_UTF8 + b"Terms\r\n", "draft.txt") == "Terms\r\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_decodes_and_bom_is_removed(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    assert decode(bom + "1. Zweck\r\n".encode(codec), "draft.txt") == "1. Zweck\r\n"


def test_line_endings_are_kept_exactly() -> None:
    assert decode(b"a\r\nb\rc\n", "draft.txt") == "a\r\nb\rc\n"


def test_invalid_byte_names_byte_and_offset() -> None:
    error = _error(b"Price \xff here")
    assert error.message == "not UTF-8 or UTF-16 text: invalid byte 0xFF at offset 6"
    assert error.hint == "save it as UTF-8"
    assert str(error) == (
        "draft.txt: not UTF-8 or UTF-16 text: invalid byte 0xFF at offset 6 (save it as UTF-8)"
    )


def test_windows_1252_curly_quote_gets_a_code_page_hint() -> None:
    error = _error(b"the \x93Licensor\x94")
    assert error.message == "not UTF-8 or UTF-16 text: invalid byte 0x93 at offset 4"
    assert error.hint == "it looks like Windows-1252 (ANSI) text; save it as UTF-8"


def test_offset_counts_the_utf8_bom() -> None:
    error = _error(codecs.BOM_UTF8 + b"ab\xe9")
    assert error.message == (
        "not UTF-8 or UTF-16 text: incomplete UTF-8 character at the end of the file (offset 5)"
    )


def test_truncated_utf8_character_at_the_end_is_reported_as_such() -> None:
    error = _error("Preis: 5 €".encode()[:-1])
    assert "incomplete UTF-8 character at the end of the file" in error.message
    assert error.hint == "the file may be truncated; save it as UTF-8"


def test_nul_bytes_without_utf16_bom_mean_a_binary_file() -> None:
    error = _error(b"abc\x00\x01\x02def")
    assert error.message == "a binary file, not a text document"
    assert error.path == "draft.txt"


def test_utf16_without_bom_is_refused_as_binary() -> None:
    assert _error("Terms".encode("utf-16-le")).message == "a binary file, not a text document"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF file, not a plain-text document"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (a .docx file is one), not a plain-text document"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00",
            "an old binary Office file (.doc), not a plain-text document",
        ),
    ],
)
def test_common_binary_formats_are_named(data: bytes, message: str) -> None:
    assert _error(data).message == message


@pytest.mark.parametrize("bom", [codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE])
def test_utf32_is_refused_by_name(bom: bytes) -> None:
    error = _error(bom + "x".encode("utf-32-le" if bom == codecs.BOM_UTF32_LE else "utf-32-be"))
    assert error.message == "UTF-32 text is not supported"
    assert error.hint == "save it as UTF-8"


def test_odd_length_utf16_is_reported_as_truncated() -> None:
    error = _error(codecs.BOM_UTF16_LE + b"a\x00b")
    assert error.message == "not valid UTF-16 text: odd number of bytes (5), the file is truncated"


def test_unpaired_utf16_surrogate_is_reported_with_offset() -> None:
    error = _error(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00")
    assert error.message == "not valid UTF-16 text: unpaired surrogate at offset 4"
