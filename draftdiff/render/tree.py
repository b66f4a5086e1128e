"""Provides views of one parsed document and of a schema, for schema authors.

`draftdiff parse FILE` shows how a schema cut a document into clauses and what
the semantic layer read in each (provisions, and the modal-looking words it set
aside and why), so an author can see at once which pattern or phrase missed.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from draftdiff.analyse.provisions import Analysis
from draftdiff.diff.ledger import build_ledger
from draftdiff.diff.result import LEDGER_KINDS, Ledger
from draftdiff.model import Clause, Document
from draftdiff.render.json import word_fields
from draftdiff.render.provisions import (
    clause_data,
    ledger_data,
    provision_line,
    set_aside_line,
    share_data,
    terms_data,
)
from draftdiff.schema.model import Schema

_TEXT_WIDTH = 72


def render_tree(document: Document, analysis: Analysis | None = None) -> str:
    """An indented outline: id, level, number and the start of each clause; with an
    analysis, each clause's provisions under it and who bears the duties on top."""
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
    if analysis is not None:
        ledger = build_ledger(document, analysis)
        lines.extend(_ledger_lines(ledger))
    lines.append("")
    for clause in document.walk():
        indent = "  " * clause.depth
        text = " ".join(clause.text.split())
        if len(text) > _TEXT_WIDTH:
            text = text[: _TEXT_WIDTH - 1] + "…"
        lines.append(f"{indent}{clause.id}  [{clause.level}]  {text}")
        if analysis is not None:
            read = analysis.clause(clause.id)
            lines.extend(f"{indent}    → {provision_line(p)}" for p in read.provisions)
            lines.extend(f"{indent}    · {set_aside_line(c)}" for c in read.set_aside)
    return "\n".join(lines) + "\n"


def _ledger_lines(ledger: Ledger) -> list[str]:
    if not ledger.parties:
        return []
    share, heaviest = ledger.one_sidedness(), ledger.heaviest()
    if share is None or heaviest is None:
        lines = ["  one-sidedness: nobody bears a duty"]
    else:
        lines = [f"  one-sidedness: {heaviest.party} bears {share:.0%} of duties"]
    for entry in ledger:
        counts = entry.counts()
        lines.append(
            f"  {entry.party}: "
            + ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in LEDGER_KINDS)
        )
    return lines


def document_data(document: Document, analysis: Analysis | None = None) -> dict[str, Any]:
    """A document as JSON-ready data; with an analysis, provisions on each clause and
    the ledger and defined terms at the top."""
    data = {
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
        "clauses": [_clause_data(c, analysis) for c in document.clauses],
    }
    if analysis is not None:
        ledger = build_ledger(document, analysis)
        data["ledger"] = ledger_data(ledger)
        data["one_sidedness"] = share_data(ledger.one_sidedness())
        data["terms"] = terms_data(analysis)
    return data


def render_document_json(document: Document, analysis: Analysis | None = None) -> str:
    return json.dumps(document_data(document, analysis), ensure_ascii=False, indent=2) + "\n"


def _clause_data(clause: Clause, analysis: Analysis | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": clause.id,
        "number": clause.number,
        "level": clause.level,
        "heading": clause.heading,
        "text": clause.text,
        "line": clause.block.line,
    }
    if analysis is not None:
        data.update(clause_data(analysis.clause(clause.id)))
    data["children"] = [_clause_data(c, analysis) for c in clause.children]
    return data


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
