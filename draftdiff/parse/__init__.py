"""Provides the parse stage: files -> blocks -> clause trees (see document.py)."""

from draftdiff.parse.document import document_from_blocks, parse_file, parse_text

__all__ = ["document_from_blocks", "parse_file", "parse_text"]
