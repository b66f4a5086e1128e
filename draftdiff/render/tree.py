"""Provides views of one parsed document and of a schema, for schema authors.

`draftdiff parse FILE` shows how a schema cut a document into clauses, so an
author can see at once which blocks a pattern missed.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from draftdiff.model import Clause, Document
from draftdiff.render.json import word_fields
from draftdiff.schema.model import Schema

_TEXT_WIDTH = 72


def render_tree(document: Document) -> str:
    """An indented outline: id, level, number and the start of each clause."""
    lines = [
        f"{document.path}: {document.title}",
        f"  format {document.format}, schema {document.schema}, {document.clause_count} clauses",
    ]
    if document.parties:
        lines.append(
            "  parties: "
            + "; ".join(
                p.name + (f" = {', '.join(p.aliases)}" if p.aliases else "")
                for p in document.parties
            )
        )
    if document.fallback:
        lines.append(f"  fallback: {document.fallback}")
    lines.extend(f"  note: {note}" for note in document.notes)
    lines.extend(f"  {page.place} {page.kind}: {page.text}" for page in document.page_texts)
    lines.append("")
    for clause in document.walk():
        indent = "  " * clause.depth
        text = " ".join(clause.text.split())
        if len(text) > _TEXT_WIDTH:
            text = text[: _TEXT_WIDTH - 1] + "…"
        lines.append(f"{indent}{clause.id}  [{clause.level}]  {text}")
    return "\n".join(lines) + "\n"


def document_data(document: Document) -> dict[str, Any]:
    """A document as JSON-ready data."""
    return {
        "format": "draftdiff/1-document",
        "path": document.path,
        "title": document.title,
        "reader": document.format,
        "schema": document.schema,
        "parties": [{"name": p.name, "aliases": list(p.aliases)} for p in document.parties],
        "clause_count": document.clause_count,
        "fallback": document.fallback or None,
        "notes": list(document.notes),
        **(word_fields(document) if document.format == "docx" else {}),
        "clauses": [_clause_data(c) for c in document.clauses],
    }


def render_document_json(document: Document) -> str:
    return json.dumps(document_data(document), ensure_ascii=False, indent=2) + "\n"


def _clause_data(clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "number": clause.number,
        "level": clause.level,
        "heading": clause.heading,
        "text": clause.text,
        "line": clause.block.line,
        "children": [_clause_data(c) for c in clause.children],
    }


def render_schema(schema: Schema) -> str:
    """A schema with everything it inherits, as YAML."""
    data: dict[str, Any] = {
        "name": schema.name,
        "description": schema.description,
        "file": schema.path,
        "levels": [
            {
                k: v
                for k, v in {
                    "name": lv.name,
                    "match": [p.pattern for p in lv.match],
                    "headings": list(lv.headings),
                    "caps_headings": lv.caps_headings or None,
                    "nesting": lv.nesting.value,
                    "continuous": lv.continuous or None,
                }.items()
                if v not in (None, [])
            }
            for lv in schema.levels
        ],
        "parties": {
            "definitions": [p.pattern for p in schema.parties.definitions],
            "collective": list(schema.parties.collective),
            "aliases": {k: list(v) for k, v in schema.parties.aliases.items()},
            "roles": list(schema.parties.roles),
            "preamble_blocks": schema.parties.preamble_blocks,
        },
        "hints": [p.pattern for p in schema.hints],
        "lexicon": {k: list(v) for k, v in schema.lexicon.items()},
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
