"""Provides YAML schemas: clause levels, party rules and the modality lexicon."""

from draftdiff.schema.load import builtin_schemas, find_schema, load_schema
from draftdiff.schema.model import Level, Nesting, PartyRules, Schema

__all__ = [
    "Level",
    "Nesting",
    "PartyRules",
    "Schema",
    "builtin_schemas",
    "find_schema",
    "load_schema",
]
