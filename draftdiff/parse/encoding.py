"""Provides `decode`: the bytes of a text or Markdown file, checked and turned into a string.

Only Unicode files are read: UTF-8 (with or without a byte-order mark) and UTF-16 with a
byte-order mark. Guessing a legacy code page would silently change the words of an
agreement, so anything else is refused with the offset of the first bad byte and a hint.
Line endings are left exactly as they are, because every reader must be able to rebuild
the decoded text from its blocks.
"""

from __future__ import annotations

import codecs

from draftdiff.errors import InputError

_SAVE_AS_UTF8 = "save it as UTF-8"

# Checked longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_UNSUPPORTED_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
)
_UTF16_BOMS = (
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of binary formats people most often hand to a text reader by mistake;
# naming the format is more useful than "binary file".
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF file, not a plain-text document", "convert it to text or Markdown first"),
    (
        b"PK\x03\x04",
        "a ZIP archive (a .docx file is one), not a plain-text document",
        "give a Word document a .docx name",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old binary Office file (.doc), not a plain-text document",
        "save it as .docx or UTF-8 text",
    ),
)

# Bytes 0x80-0x9F never start a UTF-8 character but are printable (curly quotes, dashes)
# in Windows-1252, the usual culprit for text saved by older Windows tools.
_CP1252_HINT = "it looks like Windows-1252 (ANSI) text; save it as UTF-8"


def decode(data: bytes, path: str) -> str:
    """Return the text of a UTF-8 or UTF-16 file, without its byte-order mark.

    Raises InputError naming the problem (binary data, another encoding, a truncated
    UTF-16 file) with a hint on how to fix it.
    """
    if not data:
        return ""
    for bom, name in _UNSUPPORTED_BOMS:
        if data.startswith(bom):
            raise InputError(f"{name} text is not supported", path=path, hint=_SAVE_AS_UTF8)
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            return _decode_utf16(data, len(bom), codec, path)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data, len(codecs.BOM_UTF8), path)
    for signature, message, hint in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(message, path=path, hint=hint)
    if b"\x00" in data:
        # UTF-8 text never holds NUL; UTF-16 without a byte-order mark would, but we
        # cannot tell its byte order reliably, so it is refused with the binary files.
        raise InputError(
            "a binary file, not a text document",
            path=path,
            hint="if it is UTF-16 text without a byte-order mark, save it as UTF-8",
        )
    return _decode_utf8(data, 0, path)


def _decode_utf8(data: bytes, start: int, path: str) -> str:
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = start + error.start
        byte = data[offset]
        if error.reason == "unexpected end of data":
            raise InputError(
                f"not UTF-8 or UTF-16 text: incomplete UTF-8 character at the end "
                f"of the file (offset {offset})",
                path=path,
                hint="the file may be truncated; save it as UTF-8",
            ) from None
        hint = _CP1252_HINT if 0x80 <= byte <= 0x9F else _SAVE_AS_UTF8
        raise InputError(
            f"not UTF-8 or UTF-16 text: invalid byte 0x{byte:02X} at offset {offset}",
            path=path,
            hint=hint,
        ) from None


def _decode_utf16(data: bytes, start: int, codec: str, path: str) -> str:
    body = data[start:]
    if len(body) % 2:
        raise InputError(
            f"not valid UTF-16 text: odd number of bytes ({len(data)}), the file is truncated",
            path=path,
            hint=_SAVE_AS_UTF8,
        )
    try:
        return body.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(
            f"not valid UTF-16 text: unpaired surrogate at offset {start + error.start}",
            path=path,
            hint=_SAVE_AS_UTF8,
        ) from None
